"""The dateline: the place-and-outlet prefix that opens an article's own text (`PR DEPOK –`, `JAKARTA, KOMPAS.com -`,
`Jakarta (ANTARA) -`, `Liputan6.com, Jakarta -`).

One definition for two users: the features (a line that opens with a dateline is the first paragraph, and what
stands above it is page furniture) and the metadata (`metadata.dateline`).
"""
from __future__ import annotations

import re

#: A capitalised prefix of up to about 45 characters, then a dash (`-`, `--`, `–`, `—`), then text.
PREFIX = re.compile(
    r"^\s*(?P<dl>[A-Z][\w.&' ]{0,40}?(?:\s*,\s*[A-Z][\w. ]{1,30}?)?(?:\s*\([A-Z]+\))?)\s*(?:--|[-–—])\s*\S")
#: Longer than any dateline.
MAX_CHARS = 45


def find_dateline(text: str) -> str | None:
    """The dateline that opens `text`, or None.

    A dateline is short and shouts (`JAKARTA`, `PR DEPOK`), names an outlet (`Liputan6.com, Jakarta`,
    `Jakarta (ANTARA)`), or is just a place of one or two capitalised words (`Jakarta -`). "Ia menegaskan - sekali
    lagi - ..." is none of these.
    """
    m = PREFIX.match(text)
    if not m:
        return None
    dateline = m.group("dl").strip(" ,")
    words = dateline.replace(",", " ").split()
    if not words or len(dateline) > MAX_CHARS:
        return None
    shouts = any(len(w) >= 2 and w.isupper() for w in words)
    outlet = "." in dateline or "(" in dateline
    place = len(words) <= 2 and all(w[:1].isupper() for w in words)
    return dateline if shouts or outlet or place else None
