"""Reading the labelled corpus in `seeds/` (format described in `seeds/README.md`).

An `Article` is the unit everything else works on: its input lines exactly as a scraper gives them, one label
per line, and the junk pieces (spans) glued inside body lines.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from classifiers.labels import BLANK, BODY, LABELS

SPAN_MARK = re.compile(r"\{\{(\w+):(.*?)\}\}")
DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class CorpusError(ValueError):
    """A seed file that does not follow the format; the message names the file and line."""


@dataclass(frozen=True)
class Span:
    """A junk piece inside one line: character offsets into that line, end exclusive."""

    start: int
    end: int
    label: str


@dataclass
class Article:
    """One labelled article: `labels[i]` is the label of `lines[i]` (`blank` for an empty line)."""

    id: str
    style: str
    lines: list[str]
    labels: list[str]
    spans: list[list[Span]] = field(default_factory=list)
    shape: str = "lines"

    def __post_init__(self) -> None:
        if not self.spans:
            self.spans = [[] for _ in self.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def parse_line(text: str) -> tuple[str, list[Span]]:
    """Strip `{{label:piece}}` marks from a body line, returning the clean line and its spans."""
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in SPAN_MARK.finditer(text):
        before = text[pos:m.start()]
        out.append(before)
        length += len(before)
        label, piece = m.group(1), m.group(2)
        if label not in LABELS or label == BODY:
            raise CorpusError(f"unknown span label {label!r}")
        spans.append(Span(length, length + len(piece), label))
        out.append(piece)
        length += len(piece)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def parse_seed(source: str, *, id: str = "", style: str = "") -> Article:
    """Parse the text of one seed file into an `Article`."""
    lines: list[str] = []
    labels: list[str] = []
    spans: list[list[Span]] = []
    shape = "lines"
    header = True
    for n, raw in enumerate(source.split("\n"), 1):
        if header and raw.startswith("#"):
            key, _, value = raw[1:].partition(":")
            if key.strip() == "style" and not style:
                style = value.strip()
            elif key.strip() == "shape":
                shape = value.strip()
            continue
        header = False
        if not raw.strip():
            lines.append("")
            labels.append(BLANK)
            spans.append([])
            continue
        label, sep, text = raw.partition("\t")
        if not sep or label not in LABELS:
            raise CorpusError(f"{id}:{n}: expected 'label<TAB>text', got {raw[:60]!r}")
        try:
            line, line_spans = parse_line(text)
        except CorpusError as exc:
            raise CorpusError(f"{id}:{n}: {exc}") from None
        if line_spans and label != BODY:
            raise CorpusError(f"{id}:{n}: spans are only allowed inside body lines")
        lines.append(line)
        labels.append(label)
        spans.append(line_spans)
    while lines and not lines[-1]:
        lines.pop(), labels.pop(), spans.pop()
    return Article(id=id, style=style or "unknown", lines=lines, labels=labels, spans=spans, shape=shape)


def seed_files(root: Path = DEFAULT_SEEDS) -> list[Path]:
    """Every seed file, in a stable order (training must be deterministic)."""
    return sorted(p for p in Path(root).glob("*/*.txt"))


def load_corpus(root: Path = DEFAULT_SEEDS) -> list[Article]:
    """Load every article under `root`; the id is `<style>/<file stem>`."""
    articles = []
    for path in seed_files(root):
        art_id = f"{path.parent.name}/{path.stem}"
        articles.append(parse_seed(path.read_text(encoding="utf-8"), id=art_id, style=path.parent.name))
    return articles


def corpus_sha256(root: Path = DEFAULT_SEEDS) -> str:
    """One digest over every seed file's path and bytes: the model manifest records it to detect staleness."""
    digest = hashlib.sha256()
    for path in seed_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
