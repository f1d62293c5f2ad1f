"""One article record in, one result or error item out: the work the batch endpoint, the CLI and the Dask job share.

No Flask request in here, so a worker process or a Dask task can run it with its own `Cleaner`. Keeping the three
callers on one function is what makes their outputs identical for the same record (the tests compare them).

A record is the batch API's article object (`{"id", "text"|"html", "title"?}`). The answer is either the cleaning
result (the same dict `POST /v1/clean` returns) or an error item `{"id": ..., "error": {problem details}}`.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import Any

from classifiers import Cleaner, Options
from service.adapters import ArticleInput, article_from_object
from service.errors import Problem

log = logging.getLogger(__name__)


def record_id(record: Any) -> str | None:
    """The id the answer for `record` carries: the record's own id as a string, None when it has no usable one."""
    if isinstance(record, dict):
        value = record.get("id")
        if isinstance(value, (str, int)):
            return str(value)
    return None


def error_item(art_id: str | None, problem: Problem) -> dict[str, Any]:
    return {"id": art_id, "error": problem.to_problem()}


def too_large(limit: int) -> Problem:
    return Problem(413, "article-too-large", f"the article is larger than the limit of {limit} bytes",
                   title="Payload Too Large")


def clean_validated(cleaner: Cleaner, options: Options, article: ArticleInput) -> dict[str, Any]:
    """Clean one validated article: what `POST /v1/clean`, the batch endpoint, the CLI and Dask all answer."""
    result = cleaner.clean(article.text, replace(options, id=article.id, title=article.title), lines=article.lines)
    if article.from_html:
        result.lines = article.lines
    return result.to_dict()


def clean_record(cleaner: Cleaner, options: Options, record: Any, *, max_bytes: int | None = None) -> dict[str, Any]:
    """Validate and clean one record; a record that fails becomes an error item instead of an exception.

    `max_bytes` applies the single-article limit (`Config.max_body_bytes`) to the record re-encoded as UTF-8 JSON, so
    an article too big for `POST /v1/clean` is too big here as well, however it arrived. An unexpected exception
    from the core is logged and answered as a 500 item: one bad article must not sink the thousands around it.
    """
    art_id = record_id(record)
    try:
        if max_bytes is not None and len(json.dumps(record, ensure_ascii=False).encode("utf-8")) > max_bytes:
            raise too_large(max_bytes)
        return clean_validated(cleaner, options, article_from_object(record))
    except Problem as exc:
        return error_item(art_id, exc)
    except Exception:
        log.exception("cleaning article %r failed", art_id)
        return error_item(art_id, Problem(500, "internal-error", "cleaning this article failed unexpectedly"))


def is_error(item: dict[str, Any]) -> bool:
    return "error" in item


@dataclass(frozen=True)
class LineRecord:
    """One non-blank line of a JSONL file: its key (the id its answer will carry), and the record or a ready error.

    The key is what a resumed run compares against the ids already written, so every answer for the line, result
    or error, must carry exactly this id.
    """

    key: str
    record: Any = None
    error: dict[str, Any] | None = None


def read_line(line: str, lineno: int) -> LineRecord | None:
    """Parse line `lineno` (1-based) of a JSONL file; None for a blank line.

    A record without an id gets its line number as id (as a string, like every id in an answer), so that its answer
    can still be matched on a rerun. The line is expected decoded with `errors="surrogateescape"`: undecodable bytes
    then show up here as lone surrogates and become an error item for this line alone.
    """
    text = line.lstrip("\ufeff").strip()
    if not text:
        return None
    key = str(lineno)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return LineRecord(key, error=error_item(key, Problem(400, "invalid-utf8", f"line {lineno} is not valid UTF-8")))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return LineRecord(key, error=error_item(key, Problem(
            400, "malformed-json", f"line {lineno} is not valid JSON: {exc.msg} (column {exc.colno})")))
    if isinstance(record, dict) and record.get("id") is None:
        record = {**record, "id": lineno}
    return LineRecord(record_id(record) or key, record=record)


def clean_line_record(cleaner: Cleaner, options: Options, item: LineRecord, *,
                      max_bytes: int | None = None) -> dict[str, Any]:
    """The answer for one parsed JSONL line, always carrying the line's key as its id."""
    out = item.error if item.error is not None else clean_record(cleaner, options, item.record, max_bytes=max_bytes)
    return out if out.get("id") == item.key else {**out, "id": item.key}


def dumps(item: dict[str, Any]) -> str:
    """One JSONL line (without the newline): UTF-8 text as is, keys in the API's order."""
    return json.dumps(item, ensure_ascii=False)
