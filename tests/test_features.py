"""Features: what the model reads of a line, and the shape and context transformers."""
import pytest

from classifiers.features import ContextFeatures, ShapeFeatures, build_items, own_text, prepare
from classifiers.segment import find_candidates


def test_a_paragraph_is_read_without_the_junk_glued_to_it():
    line = "Sekitar 6.000 penonton memadati gedung pertunjukan malam itu. Foto: Instagram/@penyanyi.resmi"
    assert own_text(line, find_candidates(line)) == "Sekitar 6.000 penonton memadati gedung pertunjukan malam itu."


def test_a_line_that_opens_with_a_cue_is_read_whole():
    line = "Baca juga: BPBD siagakan alat berat di lima titik rawan lahar"
    assert own_text(line, find_candidates(line)) == line


def test_prepared_pieces_point_into_their_line():
    lines = ["Judul Berita Hari Ini", "", "Hujan turun sejak pagi di Bogor. (abc/def)"]
    prepared = prepare(lines)
    assert prepared.index == [0, 2]
    assert [(i, lines[i][s:e]) for i, s, e, _item in prepared.pieces] == [(2, "(abc/def)")]
    assert prepared.items[1].text == "Hujan turun sejak pagi di Bogor."


def test_transformers_give_one_row_per_item_and_named_columns():
    _index, items, _terms = build_items(["Judul", "Isi berita yang cukup panjang di sini.", "Editor: Nama"])
    for transformer in (ShapeFeatures(), ContextFeatures()):
        matrix = transformer.fit(items).transform(items)
        assert matrix.shape == (3, len(transformer.get_feature_names_out()))


def test_duplicate_lines_are_marked():
    _index, items, _terms = build_items(["Paragraf pertama yang panjang.", "Lain.", "Paragraf pertama yang panjang."])
    assert [it.duplicate for it in items] == [False, False, True]


def test_lines_after_the_last_paragraph_are_the_tail():
    paragraph = "Pemerintah kota meresmikan jembatan baru yang menghubungkan dua kelurahan di tepi sungai besar itu."
    _index, items, _terms = build_items(["Judul", paragraph, "Kalimat pendek.", paragraph + " Lagi.", "Tags", "Depok"])
    assert [it.in_tail for it in items] == [False, False, False, False, True, True]


def test_lines_above_the_dateline_paragraph_are_marked():
    dateline = ("JAKARTA, KOMPAS.com - Pemerintah kota meresmikan jembatan baru yang menghubungkan dua kelurahan "
                "di tepi sungai besar itu pada Senin pagi.")
    lines = ["Jembatan Baru Diresmikan", "Senin, 9 Juni 2025 19:16 WIB", "Warga melintas di jembatan. Foto: Dok",
             dateline, "Kalimat berikutnya."]
    _index, items, _terms = build_items(lines)
    assert [it.above_dateline for it in items] == [True, True, True, False, False]
    _index, items, _terms = build_items(["Judul", "Kalimat tanpa dateline yang cukup panjang di sini."])
    assert not any(it.above_dateline for it in items)


def _shape_of(text: str) -> dict[str, float]:
    _index, items, _terms = build_items([text])
    transformer = ShapeFeatures().fit(items)
    names = [n.removeprefix("shape__") for n in transformer.get_feature_names_out()]
    return dict(zip(names, transformer.transform(items).toarray()[0]))


def test_word_classes_fire_on_new_wordings_of_furniture_and_not_on_a_plain_paragraph():
    cta = _shape_of("Suka kabar teknologi? Pantau terus kanal YouTube kami dan nyalakan lonceng notifikasinya.")
    assert cta["promo_words"] >= 0.5 and cta["channel_words"] > 0 and cta["address"] > 0
    news = _shape_of("Aplikasi itu bisa diunduh gratis dan kini dipakai di 40 puskesmas.")
    assert news["promo_words"] == 0 and news["channel_words"] > 0  # the news's own app is the weak class only
    assert _shape_of("Waktu baca 4 menit")["meta_words"] > 0
    assert _shape_of("Yudha Saputra turut berkontribusi dalam artikel ini.")["byline_words"] > 0
    assert _shape_of("#mobillistrik #kompetisi #mahasiswa")["hashtags"] == 1.0
    assert _shape_of("* * *")["no_alnum"] == 1.0
    assert _shape_of("Petani memanen cabai di Magelang, Rabu (9/7/2025).")["date_paren_end"] == 1.0
    plain = _shape_of("Petani di lereng gunung memanen cabai lebih awal karena hujan turun sejak pekan lalu.")
    assert not any(plain[k] for k in ("promo_words", "channel_words", "address", "meta_words", "byline_words",
                                      "hashtags", "no_alnum", "date_paren_end"))


def test_lines_a_junk_pattern_matches_whole_are_marked_patterned():
    lines = ["Judul Berita", "Artikel ini sudah tayang di Harian Kita dengan judul \"Harga Cabai Naik\"",
             "Harga cabai naik lagi di pasar induk pada pekan ini. (abc/def)", "Gulir untuk melanjutkan"]
    prepared = prepare(lines)
    assert [it.patterned for it in prepared.items] == [False, True, False, True]
    # a piece is patterned when a pattern found it, a plain sentence of a flat line is not
    assert [item.patterned for _i, _s, _e, item in prepared.pieces] == [True]
    assert ContextFeatures().fit(prepared.items).transform(prepared.items).toarray()[:, -1].tolist() == [0, 1, 0, 1]


def test_a_line_keyed_by_furniture_is_told_from_a_profile_box_or_an_interview_turn():
    from classifiers.features import SHAPE_NAMES, _shape

    known, other = SHAPE_NAMES.index("furniture_key"), SHAPE_NAMES.index("other_key")
    for line in ("Editor: Rina Melati", "Foto: Dok. Humas", "Baca juga: Harga Cabai Naik", "Tags: banjir, BPBD",
                 "Sumber foto: Istimewa", "[Gambas:Video 20detik]"):
        assert (_shape(line)[known], _shape(line)[other]) == (1.0, 0.0), line
    for line in ("Pendidikan: Doktor Geodesi, Delft", "Jabatan: Ketua Kelompok Riset", "GATRA: Seberapa cepat?",
                 "Mesin: 155 cc, satu silinder"):
        assert (_shape(line)[known], _shape(line)[other]) == (0.0, 1.0), line
    # a date's clock ("Senin, 9 Juni 2025 19:16 WIB") and a plain sentence open on no key
    for line in ("Senin, 9 Juni 2025 19:16 WIB", "Harga naik di pasar, kata dia."):
        assert (_shape(line)[known], _shape(line)[other]) == (0.0, 0.0), line


def test_word_class_counts_in_one_scan_equal_each_class_counted_on_its_own():
    from classifiers.corpus import load_corpus
    from classifiers.features import WORD_CLASSES, word_class_counts

    texts = [line for art in load_corpus() for line in art.lines if line.strip()]
    texts += ["Ikuti kanal WhatsApp dan Google News kami, GRATIS!", "Editor: Rina | Waktu baca 3 menit | Tags: banjir"]
    assert len(texts) > 10000
    for text in texts:
        assert word_class_counts(text) == {name: len(p.findall(text)) for name, p in WORD_CLASSES.items()}, text


@pytest.mark.parametrize(("text", "credited"), [
    ("Relawan menyiapkan nasi bungkus, Senin (10/11/2025). (ANTARA/Rizky Maulana)", True),
    ("Pedagang menyelamatkan sisa dagangan dari los yang terbakar. | KabarTerkini/Andi Muh. Fadli", True),
    ("Alat berat menggelar lapisan aspal. [Dokumentasi Diskominfo Temanggung]", True),
    ("Keterangan gambar, Nurul menjemur rumput laut bersama neneknya.", True),
    ("Warga antre di TPS. Foto: Dok. KPU", True),
    ("Harga cabai rawit naik menjadi Rp50.000 per kilogram di Pasar Induk.", False),
    ("Rute Jakarta/Bandung kini ditempuh dua jam lebih cepat.", False),
])
def test_credit_tail_reads_the_credits_captions_close_on(text, credited):
    from classifiers.features import CREDIT_TAIL

    assert bool(CREDIT_TAIL.search(text)) is credited


def test_credit_tail_never_fires_on_a_body_line_of_the_corpus():
    """Why the credit feature can weigh heavily: almost no whole body line of our corpus closes on a credit's shape
    (the two that do are a game's hardware list, "Prosesor: Intel Core i5-8400 / AMD Ryzen 5 2600")."""
    from classifiers.corpus import load_corpus
    from classifiers.features import CREDIT_TAIL

    body = [line for art in load_corpus() for line, label, spans in zip(art.lines, art.labels, art.spans)
            if label == "body" and not spans and CREDIT_TAIL.search(line.strip())]
    assert len(body) <= 2 and all(" / " in line for line in body)
