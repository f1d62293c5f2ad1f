"""The corpus as the cleaner sees it, built once and shared by every test that checks a claim about the corpus."""
from functools import cache

from classifiers.corpus import load_corpus
from classifiers.features import LineItem, prepare


@cache
def corpus_lines() -> list[tuple[list[LineItem], list[str]]]:
    """Every corpus article as the cleaner sees it: the items of its non-blank lines and their gold labels. Built
    once for all the corpus claims, which each walk the whole corpus."""
    out = []
    for art in load_corpus():
        lines = [line for line in art.lines if line.strip()]
        out.append((prepare(lines).items, [label for line, label in zip(art.lines, art.labels) if line.strip()]))
    return out
