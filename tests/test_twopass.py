"""The second pass: neighbours' first-pass probabilities, found by position, and a fit that learns from them."""
import numpy as np

from classifiers.features import build_items
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
