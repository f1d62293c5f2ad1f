"""The second pass: neighbours' first-pass probabilities, found by position, and a fit that learns from them."""
import numpy as np

from classifiers.features import ON_TOPIC, build_items
from classifiers.pipeline import build_pipeline
from classifiers.twopass import NeighbourPass, article_groups, neighbour_features


def _article(lines):
    return build_items(lines)[1]


def test_articles_are_told_apart_by_their_first_line():
    items = _article(["a b c", "d e f"]) + _article(["g h i", "j k l", "m n o"])
    assert list(article_groups(items)) == [0, 0, 1, 1, 1]


def test_neighbours_stop_at_the_article_edge():
    items = _article(["Satu dua tiga.", "Empat lima enam."]) + _article(["Tujuh delapan sembilan."])
    proba = np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]])  # columns: body, related
    rows, feats = neighbour_features(items, proba, body=0)
    assert list(rows) == [0, 1, 2]
    # own probabilities, then the previous line's with an "absent" flag, then the next line's with its flag
    assert list(feats[0][:8]) == [0.9, 0.1, 0.0, 0.0, 1.0, 0.2, 0.8, 0.0]
    assert list(feats[1][:8]) == [0.2, 0.8, 0.9, 0.1, 0.0, 0.0, 0.0, 1.0]
    assert list(feats[2][2:8]) == [0.0, 0.0, 1.0, 0.0, 0.0, 1.0]  # alone: neither neighbour is there


def test_the_second_pass_learns_a_headline_list_under_one_header():
    body = ["Pemerintah daerah menyalurkan bantuan beras kepada {} keluarga di kecamatan itu pada pekan lalu.",
            "Bantuan itu diberikan setelah banjir merendam {} rumah warga selama tiga hari berturut-turut."]
    heads = ["Harga Emas Hari Ini Naik Lagi", "Ramalan Cuaca Akhir Pekan di Jawa Barat", "Tips Memilih Sepatu Lari"]
    X, y, groups = [], [], []
    for n in range(40):
        lines = [body[0].format(n + 10), "Baca Juga:", heads[n % 3], heads[(n + 1) % 3], body[1].format(n + 20)]
        X += _article(lines)
        y += ["body", "related", "related", "related", "body"]
        groups += [n % 4] * 5
    model = NeighbourPass(build_pipeline(), cv=2).fit(X, y, groups=groups)
    test = _article([body[0].format(7), "Baca Juga:", "Jadwal Kereta Mudik Lebaran", "Resep Sambal Matah Bali",
                     body[1].format(9)])
    assert list(model.predict(test)) == ["body", "related", "related", "related", "body"]
    assert model.predict_proba(test).shape == (5, 2)


class _FixedSecond:
    """Stands in for the fitted second-pass regression: answers the probabilities it was given."""

    def __init__(self, classes, rows):
        self.classes_ = np.array(classes)
        self._rows = np.array(rows)

    def predict_proba(self, feats):
        return self._rows[:len(feats)]


def _refiner(second_rows):
    model = NeighbourPass()
    model.classes_ = np.array(["body", "related", "title"])
    model.body_index_ = 0
    model.second_ = _FixedSecond(["body", "related", "title"], second_rows)
    return model


def test_refine_keeps_when_unsure_and_keeps_the_first_pass_label():
    items = _article(["Judul Besar Berita Hari Ini", "Baca Juga: Resep Sambal Matah",
                      "Pemerintah kota menyalurkan bantuan kepada warga terdampak banjir pekan lalu."])
    first = np.array([[0.2, 0.1, 0.7], [0.5, 0.5, 0.0], [0.9, 0.1, 0.0]])
    second = [[0.05, 0.9, 0.05],  # more junk and sure: taken, but the first pass's "title" stays the label
              [0.2, 0.8, 0.0],    # more junk but under 0.9 sure: the first pass stands
              [0.99, 0.01, 0.0]]  # more body: always taken
    out = _refiner(second).refine(items, first)
    assert np.allclose(out.sum(axis=1), 1.0)
    assert np.isclose(out[0, 0], 0.05) and out[0].argmax() == 2
    assert np.allclose(out[1], first[1])
    assert np.allclose(out[2], [0.99, 0.01, 0.0])


def test_refine_never_raises_an_on_topic_heading():
    items = _article(["Warga Desa Sukamaju Bangun Jembatan Bambu",
                      "Warga desa Sukamaju membangun jembatan bambu di atas sungai agar anak-anak bisa ke sekolah.",
                      "Jembatan Bambu Warga Sukamaju",
                      "Jembatan bambu itu dibangun warga desa Sukamaju selama dua pekan secara gotong royong."])
    assert items[2].similarity >= ON_TOPIC
    first = np.array([[0.9, 0.1, 0.0]] * 4)
    out = _refiner([[0.01, 0.99, 0.0]] * 4).refine(items, first)
    assert np.allclose(out[2], first[2])  # the sub-heading keeps its first-pass verdict
    assert np.isclose(out[1, 0], 0.01)  # a long paragraph is not guarded (the rule is for headings)
