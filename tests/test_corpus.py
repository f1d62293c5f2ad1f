import pytest

from classifiers.corpus import CorpusError, Span, load_corpus, parse_line, parse_seed
from classifiers.labels import BLANK, BODY, LABELS


def test_parse_line_strips_span_marks_and_keeps_offsets():
    line, spans = parse_line("Hujan deras turun. {{byline:(ab/cd)}}")
    assert line == "Hujan deras turun. (ab/cd)"
    assert spans == [Span(19, 26, "byline")]
    assert line[19:26] == "(ab/cd)"


def test_parse_seed_reads_header_labels_and_blank_lines():
    art = parse_seed("# style: contoh\n# shape: flat\ntitle\tJudul\n\nbody\tIsi berita.\n", id="x")
    assert art.style == "contoh" and art.shape == "flat"
    assert art.lines == ["Judul", "", "Isi berita."]
    assert art.labels == ["title", BLANK, BODY]


def test_parse_seed_rejects_an_unknown_label():
    with pytest.raises(CorpusError, match="x:1"):
        parse_seed("iklan\tBeli sekarang", id="x")


def test_spans_only_inside_body_lines():
    with pytest.raises(CorpusError):
        parse_seed("related\tBaca juga: {{promo:X}}", id="x")


def test_the_corpus_is_large_and_varied_enough():
    corpus = load_corpus()
    assert len(corpus) >= 150
    assert len({a.style for a in corpus}) >= 10
    used = {lab for a in corpus for lab in a.labels}
    assert set(LABELS) <= used
    assert any(a.shape == "flat" for a in corpus)
    assert any(all(lab in (BODY, BLANK) for lab in a.labels) for a in corpus), "some articles have no junk"


def test_variations_are_deterministic_and_footer_lines_are_boilerplate():
    import random

    from classifiers.variants import FOOTER_HEADS, footered, variations

    art = next(a for a in load_corpus() if a.id == "antara/vaksinasi-campak-kupang")
    assert [v.lines for v in variations(art, 7)] == [v.lines for v in variations(art, 7)]
    footer = footered(art, random.Random(3))
    rows = [(line, lab) for line, lab in zip(footer.lines, footer.labels) if line]
    head = next(k for k, (line, _) in enumerate(rows) if line in FOOTER_HEADS)
    assert all(lab == BODY for _, lab in rows[:head])  # this article has no junk of its own
    assert rows[head + 1:] and all(lab == "boilerplate" for _, lab in rows[head:])
    body_text = " ".join(line for line, lab in rows[:head])
    assert all(line in body_text for line, _ in rows[head + 1:] if line not in ("Terkini", "Terpopuler",
               "Berita Terkini", "Terpopuler Hari Ini"))


def test_furniture_is_transplanted_with_its_label_and_tag_words_stay_home():
    import random

    from classifiers.features import CUE_START
    from classifiers.variants import furniture_pool, transplanted

    corpus = load_corpus()
    pool = furniture_pool(corpus)
    lines = {line for line, _ in pool}
    assert "Terkini" in lines and any(line.lower().startswith("baca juga") for line in lines)
    # a tag word that only one article uses is junk only in that article's footer: never transplanted
    stripped = [{line.strip() for line in a.lines} for a in corpus]
    for line, lab in pool:
        if lab in ("boilerplate", "byline"):
            assert CUE_START.match(line) or sum(line in lines for lines in stripped) >= 2, line
    art = next(a for a in corpus if a.id == "antara/vaksinasi-campak-kupang")
    moved = transplanted(art, random.Random(5), pool)
    added = [(line, lab) for line, lab in zip(moved.lines, moved.labels) if line and line not in art.lines]
    assert 2 <= len(added) <= 4
    assert all((line, lab) in pool for line, lab in added)
    kept = [line for line in moved.lines if line and line in art.lines]
    assert kept == [line for line in art.lines if line]  # the article's own lines, in their order


def test_a_moved_cue_line_sometimes_loses_its_headline():
    import random

    from classifiers.variants import _cue_variant

    rng = random.Random(11)
    forms = [_cue_variant("Baca juga: Harga Cabai Naik Lagi di Pasar Induk", rng) for _ in range(200)]
    bare = [f for f in forms if "Harga" not in f]
    assert 10 <= len(bare) <= 60  # about HEADLINE_LOST of them
    assert all(f.lower().startswith("baca juga") and len(f.split()) <= 3 for f in bare)
    assert all(f.endswith("Harga Cabai Naik Lagi di Pasar Induk") for f in forms if f not in bare)
    # a bare cue has no headline to lose
    assert {_cue_variant("Baca Juga", rng).lower().rstrip(" :") for _ in range(20)} == {"baca juga"}


def test_a_piece_made_of_several_junk_spans_is_junk_and_a_sentence_with_a_small_span_is_body():
    """A flat footer glued into one sentence is many small spans: each is under half of the piece, all together
    cover it, and it must train as junk, with the label that covers most of it."""
    from classifiers.dataset import piece_label
    from classifiers.segment import Piece

    footer = [Span(0, 20, "boilerplate"), Span(21, 28, "boilerplate"), Span(29, 60, "boilerplate"),
              Span(61, 70, "related")]
    assert piece_label(Piece(0, 70), footer) == "boilerplate"
    assert piece_label(Piece(0, 70), [Span(0, 20, "boilerplate"), Span(50, 60, "promo")]) == BODY
    assert piece_label(Piece(12, 40), [Span(0, 25, "caption"), Span(25, 40, "byline")]) == "byline"
    assert piece_label(Piece(5, 9), []) == BODY
