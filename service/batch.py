"""Batch cleaning over HTTP: `POST /v1/clean/batch`.

Two request shapes, answered in the same order as sent, one item per article:

- `application/json`: `{"articles": [{"id", "text"|"html", "title"?}, ...]}`, answered `{"results": [...]}`.
- `application/x-ndjson`: one article object per line, answered as NDJSON, streamed: the body is read line by line
  and cleaned in chunks of the lines already received (up to `NDJSON_CHUNK`), each chunk's answer lines sent as
  soon as it is cleaned, so a large batch is never held in memory whole.

Both shapes clean many articles per model pass (`service.records.clean_records`), about twice as fast per article.

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
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, Generic, TypeVar

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context
from werkzeug.exceptions import RequestEntityTooLarge

from classifiers import Cleaner, Options
from service.adapters import JSON_TYPES, decode_body, parse_json
from service.api_v1 import check_size, get_cleaner
from service.config import Config
from service.errors import Problem
from service.records import clean_records, dumps, error_item

bp = Blueprint("batch", __name__, url_prefix="/v1")

NDJSON_TYPES = ("application/x-ndjson",)
#: A JSON-escaped character (`\u00e9`) takes up to 6 bytes for 1 to 3 re-encoded: a raw NDJSON line may be that much
#: longer than the article it holds. Lines past this are refused unparsed, which bounds the memory one line takes.
ESCAPE_FACTOR = 6
#: Articles per `clean_records` call in a JSON batch. One model pass per chunk gets nearly all of the speed of one
#: pass over the whole batch, while the feature matrix of a pass stays small whatever the batch size.
JSON_CHUNK = 64
#: Most NDJSON lines cleaned in one pass, and read ahead of the chunk being cleaned: a chunk's answers are sent
#: only when all of it is cleaned, so a larger one would delay the first answers for little more speed.
NDJSON_CHUNK = 32

T = TypeVar("T")


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
    results: list[dict[str, Any]] = []
    for start in range(0, len(articles), JSON_CHUNK):
        results += clean_records(cleaner, options, articles[start:start + JSON_CHUNK], max_bytes=config.max_body_bytes)
    return jsonify(results=results)


def _ndjson(stream: IO[bytes], cleaner: Cleaner, options: Options, config: Config) -> Iterator[str]:
    """Answer lines for an NDJSON body, cleaned a chunk of lines at a time and sent a chunk at a time.

    A thread reads and parses the body (`_read_lines`) a bounded queue ahead; each chunk is the lines already
    waiting, at least one and at most `NDJSON_CHUNK`. So a body that arrives fast is cleaned in full chunks (one
    model pass each, the fast path), while a client that sends a line and waits for its answer still gets it: no
    line waits for later lines that have not arrived. Memory stays bounded: at most the queue and one chunk of
    parsed lines, within `max_batch_bytes` of body in any case.
    """
    reader = _Prefetch(_read_lines(stream, config), NDJSON_CHUNK)
    try:
        for chunk in reader.chunks(NDJSON_CHUNK):
            yield _answer_chunk(chunk, cleaner, options, config.max_body_bytes)
    finally:
        reader.close()


@dataclass(frozen=True)
class _Line:
    """One non-blank NDJSON line: its parsed record, or the error item already answering it."""

    lineno: int
    record: Any = None
    error: dict[str, Any] | None = None


def _read_lines(stream: IO[bytes], config: Config) -> Iterator[_Line]:
    """The body's non-blank lines, parsed, one a line; a crossed item or byte limit is the last (an error)."""
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
            yield _Line(lineno, error=error_item(None, batch_too_large(config.max_batch_bytes)))
            return
        if not raw:
            return
        if not overlong and not raw.strip():
            continue
        count += 1
        if count > config.max_batch_items:
            yield _Line(lineno, error=error_item(None, too_many(config.max_batch_items)))
            return
        if overlong:
            yield _Line(lineno, error=error_item(None, Problem(
                413, "article-too-large", f"line {lineno} is longer than the limit of {line_cap} bytes",
                title="Payload Too Large")))
            continue
        yield _parse(raw, lineno)


def _parse(raw: bytes, lineno: int) -> _Line:
    try:
        text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return _Line(lineno, error=error_item(None, Problem(
            400, "invalid-utf8", f"line {lineno} is not valid UTF-8 (byte {exc.start})")))
    try:
        return _Line(lineno, record=json.loads(text))
    except json.JSONDecodeError as exc:
        return _Line(lineno, error=error_item(None, Problem(
            400, "malformed-json", f"line {lineno} is not valid JSON: {exc.msg} (column {exc.colno})")))


def _answer_chunk(chunk: list[_Line], cleaner: Cleaner, options: Options, max_bytes: int) -> str:
    """The answer lines for a chunk, in order: its parsed records cleaned in one `clean_records` call."""
    parsed = [line for line in chunk if line.error is None]
    cleaned = iter(clean_records(cleaner, options, [line.record for line in parsed], max_bytes=max_bytes))
    return "".join(_line(line.error if line.error is not None else next(cleaned), line.lineno) for line in chunk)


def _line(item: dict[str, Any], lineno: int) -> str:
    if "error" in item:
        item = {"id": item["id"], "line": lineno, "error": item["error"]}
    return dumps(item) + "\n"


class _Prefetch(Generic[T]):
    """An iterator run in a daemon thread, at most `ahead` items ahead of its consumer.

    Reading the request body blocks until the client sends more, so this is the only way to know which lines are
    already there without waiting for the rest. The thread's exception, if any, is raised in the consumer; `close()`
    makes the thread stop at its next item (a thread blocked on a silent client ends when the connection does).
    """

    def __init__(self, source: Iterator[T], ahead: int):
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(source,), name="ndjson-reader", daemon=True)
        self._thread.start()

    def _run(self, source: Iterator[T]) -> None:
        try:
            for item in source:
                if not self._put(("item", item)):
                    return
            self._put(("end", None))
        except BaseException as exc:  # handed to the consumer, which raises it
            self._put(("error", exc))

    def _put(self, entry: tuple[str, Any]) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def chunks(self, size: int) -> Iterator[list[T]]:
        """Lists of the items already read: waits for the first of each, then takes what is there, up to `size`."""
        while True:
            chunk: list[T] = []
            kind, value = self._queue.get()
            while kind == "item":
                chunk.append(value)
                if len(chunk) >= size:
                    break
                try:
                    kind, value = self._queue.get_nowait()
                except queue.Empty:
                    break
            if chunk:
                yield chunk
            if kind == "end":
                return
            if kind == "error":
                raise value

    def close(self) -> None:
        self._stop.set()
