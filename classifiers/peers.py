"""Other cleaners held against ours on the same articles: the obvious regex rule, jusText and trafilatura.

Each peer maps an `Article` to (removed line indices, removed character offsets), like `evaluate.cleaner_removed`.
jusText and trafilatura are optional dev dependencies (`requirements-dev.txt`); without them they are skipped.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

from classifiers.corpus import Article

CUE_RULE = re.compile(r"^\W*(?:baca|lihat|simak)\s+juga\b", re.I)


def _chars(art: Article, removed: set[int]) -> tuple[set[int], set[int]]:
    chars: set[int] = set()
    pos = 0
    for i, line in enumerate(art.lines):
        if i in removed:
            chars.update(range(pos, pos + len(line)))
        pos += len(line) + 1
    return removed, chars


def regex_rule(art: Article) -> tuple[set[int], set[int]]:
    """`^(Baca|Lihat|Simak) juga`: what everyone writes first."""
    return _chars(art, {i for i, line in enumerate(art.lines) if CUE_RULE.search(line)})


def _as_html(lines: list[str]) -> str:
    paras = "".join("<p>%s</p>" % html.escape(line.strip()) for line in lines if line.strip())
    return "<html><body><article>%s</article></body></html>" % paras


def _norm(s: str) -> str:
    return " ".join(s.split())


def justext_peer(art: Article) -> tuple[set[int], set[int]]:
    import justext

    paras = justext.justext(_as_html(art.lines).encode("utf-8"), justext.get_stoplist("Indonesian"))
    boiler = {_norm(p.text) for p in paras if p.is_boilerplate}
    return _chars(art, {i for i, line in enumerate(art.lines) if line.strip() and _norm(line) in boiler})


def trafilatura_peer(art: Article) -> tuple[set[int], set[int]]:
    import trafilatura

    out = trafilatura.extract(_as_html(art.lines)) or ""
    kept = {_norm(line) for line in out.split("\n") if line.strip()}
    return _chars(art, {i for i, line in enumerate(art.lines) if line.strip() and _norm(line) not in kept})


PEERS: dict[str, Callable[[Article], tuple[set[int], set[int]]]] = {
    "regex-rule": regex_rule,
    "justext": justext_peer,
    "trafilatura": trafilatura_peer,
}
