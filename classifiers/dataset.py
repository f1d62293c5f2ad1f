"""From labelled articles to the model's training rows: one item per non-blank line, one per candidate piece."""
from __future__ import annotations

from classifiers.corpus import Article, Span
from classifiers.features import LineItem, build_items, piece_item
from classifiers.labels import BODY
from classifiers.segment import Piece, find_candidates


def piece_label(piece: Piece, spans: list[Span]) -> str:
    """The gold label of a candidate piece: the span covering most of it, else body."""
    best, label = 0, BODY
    for span in spans:
        overlap = min(piece.end, span.end) - max(piece.start, span.start)
        if overlap > best:
            best, label = overlap, span.label
    return label if best * 2 >= piece.end - piece.start else BODY


def article_rows(article: Article) -> tuple[list[LineItem], list[str]]:
    """Items and labels for one article.

    Lines keep their line label (a body line holding a junk span is still body). Inside body lines, every
    candidate piece the segmenter finds is a row, labelled by the gold span it overlaps, or body; a gold span that no
    candidate found is added as a row too, so the model still learns what it looks like.
    """
    index, items, terms = build_items(article.lines)
    X: list[LineItem] = []
    y: list[str] = []
    for i, item in zip(index, items):
        X.append(item)
        y.append(article.labels[i])
        if article.labels[i] != BODY:
            continue
        line = article.lines[i]
        spans = article.spans[i]
        found = find_candidates(line)
        for piece in found:
            X.append(piece_item(item, line, piece.start, piece.end, terms))
            y.append(piece_label(piece, spans))
        for span in spans:
            if not any(piece_label(p, [span]) == span.label for p in found):
                X.append(piece_item(item, line, span.start, span.end, terms))
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
