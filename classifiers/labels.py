"""The one place that names the labels a line or a piece of a line can get.

`body` is the article itself; every other label is junk that leaves the body. The definitions are in
`seeds/README.md`; the order here is the order of the model's classes.
"""
from __future__ import annotations

BODY = "body"
TITLE = "title"
DATE = "date"
BYLINE = "byline"
CAPTION = "caption"
RELATED = "related"
PROMO = "promo"
BOILERPLATE = "boilerplate"

LABELS: tuple[str, ...] = (BODY, TITLE, DATE, BYLINE, CAPTION, RELATED, PROMO, BOILERPLATE)
JUNK_LABELS: frozenset[str] = frozenset(LABELS) - {BODY}

#: Not a label the model predicts: how the corpus and the gold files mark an empty input line.
BLANK = "blank"


def is_junk(label: str) -> bool:
    """True for every label that removes the line (or piece) from the body."""
    return label in JUNK_LABELS
