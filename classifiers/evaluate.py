"""How good is the model: the same figures as acceptance, on our corpus and (when present) on the real dev set.

    python -m classifiers.evaluate                 # style-held-out folds on seeds/, plus dev set if ../shared has it
    python -m classifiers.evaluate --errors 30     # also list misclassified lines
    python -m classifiers.evaluate --gold FILE     # score the committed model on a gold JSONL file
    python -m classifiers.evaluate --save-folds DIR   # keep the fold models of this run ...
    python -m classifiers.evaluate --load-folds DIR   # ... and score them again with changed cleaner rules

Figures: removal precision / recall / F1 over non-blank lines (a line counts as removed when it is removed
whole), body-line loss (real lines removed), per-label recall, and character figures for flat articles (junk
characters cut, body characters lost). Folds hold out whole house styles, so the figure says how we do on a
publisher we have not seen.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifiers.corpus import Article, Span, load_corpus
from classifiers.labels import BLANK, BODY

DEV_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev.jsonl"
RemovedFn = Callable[[Article], tuple[set[int], set[int]]]


@dataclass
class Scores:
    """Counts accumulated over articles; the figures are properties."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    body_lines: int = 0
    per_label: dict[str, list[int]] = field(default_factory=dict)
    flat_chars: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # junk, junk cut, body, body cut
    errors: list[tuple[str, int, str, str, str]] = field(default_factory=list)
    articles: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def body_loss(self) -> float:
        return self.fp / self.body_lines if self.body_lines else 0.0

    def as_dict(self) -> dict[str, Any]:
        junk, cut, body, lost = self.flat_chars
        return {
            "articles": self.articles, "f1": round(self.f1, 4), "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "body_loss": round(self.body_loss, 4), "body_lines_lost": self.fp,
            "body_lines": self.body_lines, "junk_lines_left": self.fn,
            "per_label_recall": {k: round(v[0] / v[1], 4) for k, v in sorted(self.per_label.items())},
            "flat_junk_char_recall": round(cut / junk, 4) if junk else None,
            "flat_body_char_loss": round(lost / body, 4) if body else None,
        }


def _offsets(lines: list[str]) -> list[int]:
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def score(articles: list[Article], removed_fn: RemovedFn) -> Scores:
    """Score a cleaner given as `article -> (removed line indices, removed character offsets)`."""
    s = Scores()
    for art in articles:
        s.articles += 1
        lines_removed, chars_removed = removed_fn(art)
        for i, label in enumerate(art.labels):
            if label == BLANK or not art.lines[i].strip():
                continue
            junk, rem = label != BODY, i in lines_removed
            if junk:
                counts = s.per_label.setdefault(label, [0, 0])
                counts[0] += rem
                counts[1] += 1
            else:
                s.body_lines += 1
            s.tp += junk and rem
            s.fp += (not junk) and rem
            s.fn += junk and not rem
            if junk != rem:
                s.errors.append((art.id, i, label, "removed" if rem else "kept", art.lines[i][:100]))
        if art.shape == "flat":
            offs = _offsets(art.lines)
            junk_chars: set[int] = set()
            for i, (label, spans) in enumerate(zip(art.labels, art.spans)):
                if label not in (BODY, BLANK):
                    junk_chars.update(range(offs[i], offs[i] + len(art.lines[i])))
                for sp in spans:
                    junk_chars.update(range(offs[i] + sp.start, offs[i] + sp.end))
            for i, spans in enumerate(art.spans):
                for sp in spans:
                    cut = sum(offs[i] + k in chars_removed for k in range(sp.start, sp.end))
                    if art.labels[i] == BODY and cut * 2 < sp.end - sp.start:
                        s.errors.append((art.id, i, sp.label, "span kept", art.lines[i][sp.start:sp.end][:100]))
            lost = [k for k in sorted(chars_removed - junk_chars) if not art.text[k].isspace()]
            if lost:
                line = max(i for i, o in enumerate(offs) if o <= lost[0])
                s.errors.append((art.id, line, BODY, "chars cut", art.text[lost[0]:lost[-1] + 1][:100]))
            for k, ch in enumerate(art.text):
                if ch.isspace():
                    continue
                if k in junk_chars:
                    s.flat_chars[0] += 1
                    s.flat_chars[1] += k in chars_removed
                else:
                    s.flat_chars[2] += 1
                    s.flat_chars[3] += k in chars_removed
    return s


def cleaner_removed(cleaner: Any) -> RemovedFn:
    """Adapt a `Cleaner` to `score()`: which lines and characters its `removed` list takes out."""

    def removed(art: Article) -> tuple[set[int], set[int]]:
        result = cleaner.clean(art.text)
        offs = _offsets(art.lines)
        lines: set[int] = set()
        chars: set[int] = set()
        for r in result.removed:
            if r.start is None:
                lines.add(r.line)
                chars.update(range(offs[r.line], offs[r.line] + len(art.lines[r.line])))
            else:
                chars.update(range(offs[r.line] + r.start, offs[r.line] + r.end))
        return lines, chars
    return removed


def load_gold(path: Path) -> list[Article]:
    """Gold JSONL in the dev-set format (`text`, `labels`, `spans` as offsets into the text) as `Article`s."""
    articles = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            rec = json.loads(line)
            lines = rec["text"].split("\n")
            offs = _offsets(lines)
            spans: list[list[Span]] = [[] for _ in lines]
            for a, b, label in rec.get("spans", []):
                i = max(k for k, o in enumerate(offs) if o <= a)
                spans[i].append(Span(a - offs[i], b - offs[i], label))
            articles.append(Article(id=str(rec.get("id", n)), style=rec.get("publisher", "?"), lines=lines,
                                    labels=rec["labels"], spans=spans, shape=rec.get("shape", "lines")))
    return articles


def style_folds(articles: list[Article], folds: int) -> list[tuple[list[Article], list[Article]]]:
    """Train/test splits that hold out whole house styles, deterministically (styles sorted, dealt round-robin)."""
    styles = sorted({a.style for a in articles})
    out = []
    for k in range(folds):
        held = set(styles[k::folds])
        out.append(([a for a in articles if a.style not in held], [a for a in articles if a.style in held]))
    return out


def print_row(name: str, s: Scores) -> None:
    d = s.as_dict()
    flat = ("  flat: char-recall %.4f char-loss %.4f" % (d["flat_junk_char_recall"], d["flat_body_char_loss"])
            if d["flat_junk_char_recall"] is not None else "")
    print("%-14s F1 %.4f  P %.4f  R %.4f  body-loss %.4f (%d/%d)  junk-left %d%s" % (
        name, d["f1"], d["precision"], d["recall"], d["body_loss"], d["body_lines_lost"], d["body_lines"],
        d["junk_lines_left"], flat))
    print("               per-label recall: " + ", ".join(f"{k} {v:.3f}" for k, v in d["per_label_recall"].items()))


def main(argv: list[str] | None = None) -> int:
    from classifiers.cleaner import Cleaner

    ap = argparse.ArgumentParser(prog="python -m classifiers.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=4, help="style-held-out folds on seeds/ (0 to skip)")
    ap.add_argument("--only-fold", type=int, help="run just this fold (1-based), for a quick look")
    ap.add_argument("--gold", type=Path, help="a gold JSONL file to score the committed model on")
    ap.add_argument("--errors", type=int, default=0, help="print this many misclassified lines")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--save-folds", type=Path, metavar="DIR", help="save each fold's fitted model in DIR")
    ap.add_argument("--load-folds", type=Path, metavar="DIR",
                    help="score the fold models saved in DIR instead of fitting them (minutes instead of most of "
                         "an hour): for trying cleaner rules, which need no retraining")
    args = ap.parse_args(argv)
    report: dict[str, Any] = {}
    if args.folds:
        corpus = load_corpus()
        total = Scores()
        for k, (train, test) in enumerate(style_folds(corpus, args.folds)):
            if args.only_fold and k + 1 != args.only_fold:
                continue
            s = score(test, cleaner_removed(_fold_cleaner(k + 1, train, args.save_folds, args.load_folds)))
            print_row(f"fold {k + 1}", s)
            for name in ("tp", "fp", "fn", "body_lines", "articles"):
                setattr(total, name, getattr(total, name) + getattr(s, name))
            for lab, (a, b) in s.per_label.items():
                c = total.per_label.setdefault(lab, [0, 0])
                c[0] += a
                c[1] += b
            total.flat_chars = [x + y for x, y in zip(total.flat_chars, s.flat_chars)]
            total.errors.extend(s.errors)
        print_row("held-out", total)
        report["seeds_style_folds"] = total.as_dict()
        if not args.only_fold:  # the peers learn nothing, so they are scored on every article at once
            report["seeds_peers"] = _print_peers(corpus)
        _print_errors(total, args.errors)
    gold = args.gold or (DEV_SET if DEV_SET.exists() else None)
    if gold is None:
        print(f"(no gold file: {DEV_SET} is absent, dev-set figures skipped)")
    else:
        articles = load_gold(gold)
        ours = score(articles, cleaner_removed(Cleaner.load()))
        print_row("bersih", ours)
        report["gold"] = {"file": str(gold), "bersih": ours.as_dict()}
        report["gold"].update(_print_peers(articles))
        _print_errors(ours, args.errors)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def _fold_cleaner(fold: int, train: list[Article], save: Path | None, load: Path | None) -> Any:
    """The cleaner of one fold: fitted on `train` (and saved in `save`), or loaded from `load`.

    A saved fold records which articles it was fitted on; loading it for another split of the corpus (a seed added
    or removed since) is refused, since its figures would no longer be held out.
    """
    import joblib

    from classifiers.cleaner import Cleaner
    from classifiers.train import fit_cleaner

    trained_on = sorted(a.id for a in train)
    if load is not None:
        pipeline, manifest = joblib.load(load / f"fold{fold}.joblib")
        if manifest.get("trained_on") != trained_on:
            raise SystemExit(f"{load}/fold{fold}.joblib was fitted on another split of the corpus: rerun with "
                             "--save-folds to refit it")
        return Cleaner(pipeline, manifest)
    cleaner = fit_cleaner(train)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        joblib.dump((cleaner.pipeline, {**cleaner.manifest, "trained_on": trained_on}), save / f"fold{fold}.joblib")
    return cleaner


def _print_peers(articles: list[Article]) -> dict[str, Any]:
    """Score and print every peer on `articles`; a peer whose package is not installed is skipped."""
    from classifiers.peers import PEERS

    out = {}
    for name, peer in PEERS.items():
        try:
            s = score(articles, peer)
        except ImportError as exc:
            print(f"{name:<14} skipped ({exc.name} not installed: pip install -r requirements-dev.txt)")
            continue
        print_row(name, s)
        out[name] = s.as_dict()
    return out


def _print_errors(s: Scores, n: int) -> None:
    for art_id, i, label, what, text in s.errors[:n]:
        print(f"   {art_id}:{i} {label} {what}: {text}")


if __name__ == "__main__":
    sys.exit(main())
