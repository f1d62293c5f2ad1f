"""The cleaning core: lines in, labelled lines and pieces out, assembled into a `Result`.

`Cleaner` holds one loaded model. Its `clean()` is what the API, the CLI and the evaluation call. The contract
that matters most: every non-blank input line is either kept in the body (verbatim, less any junk pieces cut from
it) or listed in `removed`; nothing disappears silently.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from classifiers import persistence
from classifiers.features import ArticleTerms, LineItem, build_items, piece_item
from classifiers.labels import BLANK, BODY, RELATED
from classifiers.metadata import extract_metadata
from classifiers.options import Options, RelatedLink, Removal, Result
from classifiers.segment import RELATED_CUE, find_candidates, split_lines

LEADING_CUE = re.compile(r"^\W*" + RELATED_CUE.pattern.removeprefix(r"(?<![\w])"))


@dataclass(frozen=True)
class Decision:
    """The model's verdict on one item: the best junk label, its probability, and whether it leaves the body."""

    label: str
    score: float
    remove: bool


class Cleaner:
    """A loaded model and the rules that turn its probabilities into a cleaned article."""

    def __init__(self, pipeline: Any, manifest: dict[str, Any]):
        self.pipeline = pipeline
        self.manifest = manifest
        classes = list(pipeline.classes_)
        self._body = classes.index(BODY)
        self._classes = classes

    @classmethod
    def load(cls, directory: Path | None = None) -> Cleaner:
        """Load the model from `directory` (default: the committed one), checking its sha256 first."""
        loaded = persistence.load(directory or persistence.MODEL_DIR)
        return cls(loaded.pipeline, loaded.manifest)

    @property
    def model_info(self) -> dict[str, str]:
        return {"version": str(self.manifest.get("version")), "sha256": str(self.manifest.get("sha256"))}

    def decide(self, items: list[LineItem], threshold: float) -> list[Decision]:
        """Label each item: junk only when the probability that it is not body reaches `threshold`."""
        if not items:
            return []
        proba = self.pipeline.predict_proba(items)
        junk = 1.0 - proba[:, self._body]
        masked = proba.copy()
        masked[:, self._body] = -1.0
        best = np.argmax(masked, axis=1)
        return [Decision(self._classes[b] if j >= threshold else BODY, float(round(j, 4)), bool(j >= threshold))
                for b, j in zip(best, junk)]

    def clean(self, text: str, options: Options | None = None, *, lines: list[str] | None = None) -> Result:
        """Clean one article given as text (lines split on "\\n"); `lines` is set for HTML input."""
        options = options or Options()
        started = time.perf_counter()
        raw = lines if lines is not None else split_lines(text)
        index, items, terms = build_items(raw)
        decisions = self.decide(items, options.line_threshold)
        removed: list[Removal] = []
        labels = [BLANK] * len(raw)
        kept: list[tuple[int, str]] = []
        for i, item, d in zip(index, items, decisions):
            labels[i] = d.label
            if d.remove:
                removed.append(Removal(i, None, None, raw[i], d.label, d.score))
            else:
                kept.append((i, item.text))
        paragraphs: list[str] = []
        piece_rows = self._pieces(raw, index, items, decisions, terms)
        piece_decisions = self.decide([p[2] for p in piece_rows], options.piece_threshold)
        cuts: dict[int, list[tuple[int, int]]] = {}
        for (i, (start, end), _item), d in zip(piece_rows, piece_decisions):
            if d.remove:
                removed.append(Removal(i, start, end, raw[i][start:end], d.label, d.score))
                cuts.setdefault(i, []).append((start, end))
        for i, text_ in kept:
            if i in cuts:
                text_ = _cut(raw[i], cuts[i])
            if text_:
                paragraphs.append(text_)
        removed.sort(key=lambda r: (r.line, r.start or 0))
        non_blank = [raw[i] for i in index]
        non_blank_labels = [labels[i] for i in index]
        metadata = extract_metadata(non_blank, non_blank_labels, paragraphs, title=options.title)
        links = self._related_links(removed, paragraphs, options.related_threshold)
        return Result(id=options.id, body="\n\n".join(paragraphs), paragraphs=paragraphs, metadata=metadata,
                      removed=removed, related_links=links, model=self.model_info,
                      took_ms=(time.perf_counter() - started) * 1000.0, labels=labels)

    def _pieces(self, raw: list[str], index: list[int], items: list[LineItem], decisions: list[Decision],
                terms: ArticleTerms) -> list[tuple[int, tuple[int, int], LineItem]]:
        rows = []
        for i, item, d in zip(index, items, decisions):
            if d.remove:
                continue
            for piece in find_candidates(raw[i]):
                rows.append((i, (piece.start, piece.end), piece_item(item, raw[i], piece.start, piece.end, terms)))
        return rows

    @staticmethod
    def _related_links(removed: list[Removal], paragraphs: list[str], threshold: float) -> list[RelatedLink]:
        body_terms = ArticleTerms.of(paragraphs)
        links = []
        for r in removed:
            if r.label != RELATED:
                continue
            headline = LEADING_CUE.sub("", r.text.strip()).strip(" :-–")
            if len(headline.split()) < 2:
                continue  # a bare "Baca Juga" line: its headline, if any, is the next removed line
            score = round(body_terms.similarity(headline, included=False), 4)
            links.append(RelatedLink(text=headline, relatedness=score, related=score >= threshold))
        return links


def _cut(line: str, spans: list[tuple[int, int]]) -> str:
    """The line without the junk pieces, joined with single spaces where a piece stood."""
    parts = []
    pos = 0
    for start, end in sorted(spans):
        parts.append(line[pos:start].strip())
        pos = end
    parts.append(line[pos:].strip())
    return " ".join(p for p in parts if p)
