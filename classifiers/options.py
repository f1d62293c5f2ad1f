"""Options and results of a cleaning: the dataclasses that travel between the core, the API and the CLI."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from classifiers.metadata import Metadata

#: Junk probability a whole line needs before it is removed. Above one half on purpose: when unsure, keep.
DEFAULT_LINE_THRESHOLD = 0.7
#: The same for a piece inside a line. Lower than for lines: a piece is only a candidate when a junk pattern found
#: it, and on held-out styles 0.6 cut more junk than 0.7 with no more body characters lost.
DEFAULT_PIECE_THRESHOLD = 0.6
#: The same for a plain sentence of a flattened paragraph that no junk pattern found: only the model speaks for it,
#: and on held-out styles such sentences were most of the body characters cut from flat articles.
DEFAULT_SENTENCE_THRESHOLD = 0.8
#: The junk probability a sub-heading-shaped line on the article's topic, a short heading between paragraphs
#: (`guards.short_heading`), or a fragment of a sentence broken over lines, needs: these are the real lines the
#: model most often takes for junk, so it must be nearly sure.
DEFAULT_HEADING_THRESHOLD = 0.9
#: Relatedness from which a linked headline counts as about the same story: the best accuracy and F1 on
#: seeds/relatedness/pairs.jsonl (`python -m classifiers.relatedness`), at the precise end of the 0.30-0.40 plateau.
DEFAULT_RELATED_THRESHOLD = 0.4


@dataclass(frozen=True)
class Options:
    """How to clean one article. Every field has a safe default; the API fills `id` and `title` from the request."""

    id: str | None = None
    title: str | None = None
    line_threshold: float = DEFAULT_LINE_THRESHOLD
    piece_threshold: float = DEFAULT_PIECE_THRESHOLD
    sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD
    heading_threshold: float = DEFAULT_HEADING_THRESHOLD
    related_threshold: float = DEFAULT_RELATED_THRESHOLD


@dataclass(frozen=True)
class Removal:
    """One removed line (`start`/`end` None) or one removed piece of a line (character offsets in that line)."""

    line: int
    start: int | None
    end: int | None
    text: str
    label: str
    score: float


@dataclass(frozen=True)
class RelatedLink:
    """A linked headline found in the article, and how close it is to the article's own topic (0..1)."""

    text: str
    relatedness: float
    related: bool


@dataclass
class Result:
    """Everything one cleaning returns; `to_dict()` is the API's JSON shape."""

    id: str | None
    body: str
    paragraphs: list[str]
    metadata: Metadata
    removed: list[Removal]
    related_links: list[RelatedLink]
    model: dict[str, str]
    took_ms: float = 0.0
    lines: list[str] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "body": self.body, "paragraphs": self.paragraphs, "metadata": self.metadata.to_dict(),
            "removed": [asdict(r) for r in self.removed], "related_links": [asdict(r) for r in self.related_links],
            "model": self.model, "took_ms": round(self.took_ms, 3),
        }
        if self.lines is not None:
            out["lines"] = self.lines
        return out
