"""Evaluation: the scoring arithmetic, the quality gate, and the real sample article when ../shared has it."""
from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import persistence
from classifiers.corpus import Article, Span
from classifiers.evaluate import load_gold, score, style_folds
from classifiers.peers import regex_rule

#: The gate: the committed model's figures on house styles held out of its training (see classifiers/train.py).
#: Retraining with a change that makes them worse than this fails `make test`. The held-out fold is the first of
#: `style_folds(corpus, 4)`, so it changes with the corpus: at 455 articles it held the interview, profile-box and
#: spec-table styles written to look like staff lines (0.62% lost, so the ceiling went from 0.6% to 0.7%); at 487
#: articles the committed model loses 0.25% there (its manifest's `held_out`), and the ceiling is back at 0.6%.
HELD_OUT_F1_FLOOR = 0.93
HELD_OUT_BODY_LOSS_CEILING = 0.006
SHARED_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "article-pr-depok.txt"


def _article() -> Article:
    return Article(id="a", style="s", lines=["Judul", "", "Isi satu.", "Baca juga: X Y", "Isi dua. (ab/cd)"],
                   labels=["title", "blank", "body", "related", "body"],
                   spans=[[], [], [], [], [Span(9, 16, "byline")]], shape="flat")


def test_score_counts_lines_and_flat_characters():
    s = score([_article()], lambda art: ({0, 2}, set(range(0, 5)) | set(range(41, 48))))
    assert (s.tp, s.fp, s.fn, s.body_lines) == (1, 1, 1, 2)
    assert s.per_label == {"title": [1, 1], "related": [0, 1]}
    d = s.as_dict()
    assert d["precision"] == 0.5 and d["recall"] == 0.5
    # junk characters (spaces not counted): "Judul" 5, "Baca juga: X Y" 11, "(ab/cd)" 7; removed: 5 + 7
    assert d["flat_junk_char_recall"] == round(12 / 23, 4)
    assert d["flat_body_char_loss"] == 0.0


def test_the_regex_peer_removes_cue_lines_only():
    lines, _chars = regex_rule(_article())
    assert lines == {3}


def test_style_folds_hold_out_whole_styles():
    arts = [Article(id=str(k), style=f"s{k % 5}", lines=["x"], labels=["body"]) for k in range(20)]
    for train, test in style_folds(arts, 4):
        assert not {a.style for a in train} & {a.style for a in test}
        assert len(train) + len(test) == 20


def test_load_gold_maps_text_offsets_to_line_spans(tmp_path):
    (tmp_path / "g.jsonl").write_text(
        '{"id": "1", "shape": "flat", "text": "Judul\\nIsi satu. (ab/cd)", "labels": ["title", "body"],'
        ' "spans": [[16, 23, "byline"]]}\n', encoding="utf-8")
    art = load_gold(tmp_path / "g.jsonl")[0]
    assert art.spans[1] == [Span(10, 17, "byline")]
    assert art.lines[1][10:17] == "(ab/cd)"


def test_quality_gate_on_held_out_styles():
    held_out = persistence.read_manifest()["held_out"]
    assert held_out["f1"] >= HELD_OUT_F1_FLOOR, held_out
    assert held_out["body_loss"] <= HELD_OUT_BODY_LOSS_CEILING, held_out


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="../shared is not beside this checkout")
def test_the_real_sample_article(cleaner):
    """The article the product was designed from: 15 body paragraphs kept, every junk line out."""
    text = SHARED_SAMPLE.read_text(encoding="utf-8")
    result = cleaner.clean(text)
    assert len(result.paragraphs) == 15
    assert "Baca Juga" not in result.body and "Editor:" not in result.body and "/Reuters" not in result.body
    for footer in ("Tags", "Terkini", "Terpopuler"):
        assert footer not in result.paragraphs
    m = result.metadata
    assert m.published_at == "2023-08-15T10:00:00+07:00"
    assert m.editor == "Linda Agnesia" and m.sources == ["Al Jazeera"] and m.dateline == "PR DEPOK"
    assert m.title == text.split("\n")[0].strip()
    assert len(result.related_links) == 4 and all(link.relatedness < 0.2 for link in result.related_links)


def test_saved_fold_models_load_for_the_same_split_only(tmp_path, monkeypatch, cleaner):
    from classifiers import train
    from classifiers.evaluate import _fold_cleaner

    monkeypatch.setattr(train, "fit_cleaner", lambda articles: cleaner)  # fitting is not what this test is about
    split = [Article(id=str(k), style=f"s{k}", lines=["x"], labels=["body"]) for k in range(3)]
    _fold_cleaner(2, split, tmp_path, None)
    loaded = _fold_cleaner(2, list(reversed(split)), None, tmp_path)  # the same articles, in any order
    text = "Judul Berita\nIsi berita yang cukup panjang untuk satu paragraf.\nBaca juga: Berita Lain"
    assert loaded.clean(text).body == cleaner.clean(text).body
    with pytest.raises(SystemExit, match="another split"):
        _fold_cleaner(2, split[:2], None, tmp_path)
