"""Input adapters: from an HTTP request to one `ArticleInput` the core can clean.

They accept `application/json` (`{"text"|"html", "id", "title"}`), `text/plain` and `text/html`, and raise a
`Problem` (4xx) for anything else, so the view never sees malformed input.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import Request

from classifiers.htmltext import HTMLInputError, html_to_lines
from service.errors import Problem

TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html", "application/xhtml+xml")
JSON_TYPES = ("application/json",)


@dataclass(frozen=True)
class ArticleInput:
    """One article as the core wants it: text, or the lines HTML was turned into (then `from_html` is true)."""

    text: str
    lines: list[str] | None = None
    id: str | None = None
    title: str | None = None

    @property
    def from_html(self) -> bool:
        return self.lines is not None


def decode_body(request: Request) -> str:
    """The request body as text; invalid UTF-8 is a 400 (a silent replacement would alter the article)."""
    data = request.get_data(cache=True)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(400, "invalid-utf8", f"the request body is not valid UTF-8 (byte {exc.start})") from None


def parse_json(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise Problem(400, "malformed-json", f"the request body is not valid JSON: {exc.msg} at line {exc.lineno} "
                      f"column {exc.colno}") from None


def article_from_object(obj: Any) -> ArticleInput:
    """Validate one article object (`text` or `html`, optional `id` and `title`)."""
    if not isinstance(obj, dict):
        raise Problem(422, "invalid-article", "an article must be a JSON object with a \"text\" or \"html\" field")
    text, markup = obj.get("text"), obj.get("html")
    if text is not None and markup is not None:
        raise Problem(422, "invalid-article", "give either \"text\" or \"html\", not both")
    art_id = obj.get("id")
    if art_id is not None and not isinstance(art_id, (str, int)):
        raise Problem(422, "invalid-article", "\"id\" must be a string or an integer")
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise Problem(422, "invalid-article", "\"title\" must be a string")
    art_id = None if art_id is None else str(art_id)
    if markup is not None:
        if not isinstance(markup, str):
            raise Problem(422, "invalid-article", "\"html\" must be a string")
        return from_html(markup, id=art_id, title=title)
    if not isinstance(text, str):
        raise Problem(422, "invalid-article",
                      "the article needs a \"text\" (or \"html\") field holding a string" if text is None
                      else "\"text\" must be a string")
    return from_text(text, id=art_id, title=title)


def from_text(text: str, *, id: str | None = None, title: str | None = None) -> ArticleInput:
    if not text.strip():
        raise Problem(422, "empty-text", "the article text is empty")
    return ArticleInput(text=text, id=id, title=title)


def from_html(markup: str, *, id: str | None = None, title: str | None = None) -> ArticleInput:
    try:
        lines = html_to_lines(markup)
    except HTMLInputError as exc:
        raise Problem(422, "invalid-html", str(exc)) from None
    if not lines:
        raise Problem(422, "empty-text", "the HTML holds no text")
    return ArticleInput(text="\n".join(lines), lines=lines, id=id, title=title)


def article_from_request(request: Request) -> ArticleInput:
    """The one article in a `POST /v1/clean` request, by its content type."""
    mimetype = request.mimetype
    if mimetype in JSON_TYPES:
        return article_from_object(parse_json(decode_body(request)))
    if mimetype in TEXT_TYPES:
        return from_text(decode_body(request))
    if mimetype in HTML_TYPES:
        return from_html(decode_body(request))
    raise Problem(415, "unsupported-media-type",
                  f"content type {mimetype or '(none)'!r} is not supported; send application/json, text/plain or "
                  "text/html", accepted=[*JSON_TYPES, *TEXT_TYPES, *HTML_TYPES])
