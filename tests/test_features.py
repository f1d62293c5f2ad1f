"""Features: what the model reads of a line, and the shape and context transformers."""
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
