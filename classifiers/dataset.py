"""From labelled articles to the model's training rows: one item per non-blank line, one per candidate piece."""
from __future__ import annotations

from classifiers.corpus import Article, Span
from classifiers.features import LineItem, piece_item, prepare
from classifiers.labels import BODY
from classifiers.segment import Piece


def piece_label(piece: Piece, spans: list[Span]) -> str:
    """The gold label of a candidate piece: junk when junk spans cover at least half of it, with the label that
    covers most of it; else body.

    The coverage is summed over spans, not taken from the largest one: a flat article's footer glued into one
    sentence ("Tag: banjir Sigi BPBD Terkini <headline> <headline>") is several spans, none of them half the piece,
    and all of it is junk.
    """
    covered: dict[str, int] = {}
    for span in spans:
        overlap = min(piece.end, span.end) - max(piece.start, span.start)
        if overlap > 0:
            covered[span.label] = covered.get(span.label, 0) + overlap
    if not covered or sum(covered.values()) * 2 < piece.end - piece.start:
        return BODY
    return max(covered, key=lambda label: covered[label])


def article_rows(article: Article) -> tuple[list[LineItem], list[str]]:
    """Items and labels for one article.

    Lines keep their line label (a body line holding a junk span is still body). Inside body lines, every
    candidate piece the segmenter finds is a row, labelled by the gold span it overlaps, or body; a gold span that no
    candidate found is added as a row too, so the model still learns what it looks like.
    """
    prepared = prepare(article.lines)
    X: list[LineItem] = []
    y: list[str] = []
    for i, item in zip(prepared.index, prepared.items):
        X.append(item)
        y.append(article.labels[i])
    found: dict[int, list[Piece]] = {}
    for i, start, end, item in prepared.pieces:
        if article.labels[i] == BODY:  # pieces of junk lines leave with their line
            found.setdefault(i, []).append(Piece(start, end))
            X.append(item)
            y.append(piece_label(Piece(start, end), article.spans[i]))
    for k, i in enumerate(prepared.index):
        for span in article.spans[i]:
            if not any(piece_label(p, [span]) == span.label for p in found.get(i, [])):
                X.append(piece_item(prepared.items[k], article.lines[i], span.start, span.end, prepared.terms,
                                    found=False))
                y.append(span.label)
    return X, y


def rows(articles: list[Article]) -> tuple[list[LineItem], list[str]]:
    """Items and labels for many articles, in order."""
    X: list[LineItem] = []
    y: list[str] = []
    for article in articles:
        items, labels = article_rows(article)
        X.extend(items)
        y.extend(labels)
    return X, y
