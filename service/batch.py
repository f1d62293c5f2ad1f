"""Batch cleaning over HTTP: `POST /v1/clean/batch`.

Two request shapes, answered in the same order as sent, one item per article:

- `application/json`: `{"articles": [{"id", "text"|"html", "title"?}, ...]}`, answered `{"results": [...]}`.
- `application/x-ndjson`: one article object per line, answered as NDJSON, streamed: the body is read line by line
  and every answer line is sent once its article is cleaned, so a large batch is never held in memory whole.

An article that fails validation gets `{"id": ..., "error": {problem details}}` in its place and the others are
still cleaned; in NDJSON a line that is not JSON is such an item too (400), and every NDJSON error item also has
`"line"` (1-based) because a broken line has no id to find it by. Errors of the request as a whole (415, 400, 422,
413, 503) are problem+json, like the rest of the API.

NDJSON limits: a streamed answer has already started (200) when the item or byte limit is crossed, so it ends with
one final error item (`"id": null`, the line it stopped at, and a 413 problem) and the rest of the body is not read.
A client sees every result before that line, and knows it must resend from that line on.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context
from werkzeug.exceptions import RequestEntityTooLarge

from classifiers import Cleaner, Options
from service.adapters import JSON_TYPES, decode_body, parse_json
from service.api_v1 import check_size, get_cleaner
from service.config import Config
from service.errors import Problem
from service.records import clean_record, dumps, error_item

bp = Blueprint("batch", __name__, url_prefix="/v1")

NDJSON_TYPES = ("application/x-ndjson",)
#: A JSON-escaped character (`\u00e9`) takes up to 6 bytes for 1 to 3 re-encoded: a raw NDJSON line may be that much
#: longer than the article it holds. Lines past this are refused unparsed, which bounds the memory one line takes.
ESCAPE_FACTOR = 6


def too_many(limit: int) -> Problem:
    return Problem(413, "too-many-articles", f"the batch holds more than the limit of {limit} articles",
                   title="Payload Too Large", limit=limit)


def batch_too_large(limit: int) -> Problem:
    return Problem(413, "payload-too-large", f"the request body is larger than the limit of {limit} bytes",
                   title="Payload Too Large")


@bp.post("/clean/batch")
def clean_batch() -> Any:
    mimetype = request.mimetype
    if mimetype not in JSON_TYPES and mimetype not in NDJSON_TYPES:
        raise Problem(415, "unsupported-media-type",
                      f"content type {mimetype or '(none)'!r} is not supported for a batch; send application/json "
                      "or application/x-ndjson", accepted=[*JSON_TYPES, *NDJSON_TYPES])
    config = current_app.config["BERSIH"]
    if request.content_length is not None and request.content_length > config.max_batch_bytes:
        raise batch_too_large(config.max_batch_bytes)
    cleaner = get_cleaner()  # 503 now, before a stream has started, rather than once per article
    options = current_app.extensions["bersih.options"]
    if mimetype in NDJSON_TYPES:
        return Response(stream_with_context(_ndjson(request.stream, cleaner, options, config)),
                        mimetype="application/x-ndjson")
    check_size(config.max_batch_bytes)
    payload = parse_json(decode_body(request))
    articles = payload.get("articles") if isinstance(payload, dict) else None
    if not isinstance(articles, list):
        raise Problem(422, "invalid-batch", "the batch must be a JSON object with an \"articles\" list")
    if len(articles) > config.max_batch_items:
        raise too_many(config.max_batch_items)
    return jsonify(results=[clean_record(cleaner, options, a, max_bytes=config.max_body_bytes) for a in articles])


def _ndjson(stream: IO[bytes], cleaner: Cleaner, options: Options, config: Config) -> Iterator[str]:
    """Answer lines for an NDJSON body, reading it one line at a time. Blank lines are skipped, not counted."""
    line_cap = config.max_body_bytes * ESCAPE_FACTOR + 2
    read = count = lineno = 0
    while True:
        lineno += 1
        try:
            raw = stream.readline(line_cap)
            read += len(raw)
            overlong = len(raw) >= line_cap and not raw.endswith(b"\n")
            while overlong and (rest := stream.readline(line_cap)):
                read += len(rest)  # skip the rest of the line, a bounded chunk at a time
                if rest.endswith(b"\n") or read > config.max_batch_bytes:
                    break
        except RequestEntityTooLarge:  # a chunked body past MAX_CONTENT_LENGTH
            read = config.max_batch_bytes + 1
            raw, overlong = b"", False
        if read > config.max_batch_bytes:
            yield _line(error_item(None, batch_too_large(config.max_batch_bytes)), lineno)
            return
        if not raw:
            return
        if not overlong and not raw.strip():
            continue
        count += 1
        if count > config.max_batch_items:
            yield _line(error_item(None, too_many(config.max_batch_items)), lineno)
            return
        if overlong:
            yield _line(error_item(None, Problem(413, "article-too-large",
                                                 f"line {lineno} is longer than the limit of {line_cap} bytes",
                                                 title="Payload Too Large")), lineno)
            continue
        yield _answer(raw, lineno, cleaner, options, config.max_body_bytes)


def _answer(raw: bytes, lineno: int, cleaner: Cleaner, options: Options, max_bytes: int) -> str:
    try:
        text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return _line(error_item(None, Problem(400, "invalid-utf8",
                                              f"line {lineno} is not valid UTF-8 (byte {exc.start})")), lineno)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return _line(error_item(None, Problem(400, "malformed-json",
                                              f"line {lineno} is not valid JSON: {exc.msg} (column {exc.colno})")),
                     lineno)
    return _line(clean_record(cleaner, options, record, max_bytes=max_bytes), lineno)


def _line(item: dict[str, Any], lineno: int) -> str:
    if "error" in item:
        item = {"id": item["id"], "line": lineno, "error": item["error"]}
    return dumps(item) + "\n"
