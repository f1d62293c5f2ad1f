"""HTML to the text lines the model labels: one line per block element, in document order.

The API numbers `removed[].line` against these lines and returns them as `lines`, so a caller can map every
removal back to what it sent. Scripts, styles and other non-content elements never become lines.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote figcaption figure pre table tr td th section article "
    "header footer aside nav main address hr br caption summary details title".split())
SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head meta link button form".split())
SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


class HTMLInputError(ValueError):
    """The HTML could not be parsed, or holds no text at all."""


def html_to_lines(markup: str) -> list[str]:
    """The text of `markup`, one line per block element, whitespace inside a line collapsed, empty lines dropped."""
    if not markup.strip():
        raise HTMLInputError("the HTML is empty")
    try:
        root = lxml.html.document_fromstring(markup)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            return []  # only comments or whitespace: no text, which the caller reports as empty
        raise HTMLInputError(f"the HTML could not be parsed: {exc}") from None
    except ValueError as exc:
        raise HTMLInputError(f"the HTML could not be parsed: {exc}") from None
    chunks: list[str] = []
    _walk(root, chunks)
    lines = [SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n")]
    return [line for line in lines if line]


def _walk(element: etree._Element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIP_TAGS:
        if element.tail:
            out.append(element.tail.replace("\n", " "))
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append("\n")
    if element.text and tag:
        out.append(element.text.replace("\n", " "))
    for child in element:
        _walk(child, out)
    if block:
        out.append("\n")
    if element.tail:
        out.append(element.tail.replace("\n", " "))
