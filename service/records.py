"""One article record in, one result or error item out: the work the batch endpoint, the CLI and the Dask job share.

No Flask request in here, so a worker process or a Dask task can run it with its own `Cleaner`. Keeping the three
callers on one function is what makes their outputs identical for the same record (the tests compare them). That
function is `clean_records`, which takes many records at once because one model pass over many articles is about
twice as fast per article as one pass each; `clean_record` is the same for a single record.

A record is the batch API's article object (`{"id", "text"|"html", "title"?}`). The answer is either the cleaning
result (the same dict `POST /v1/clean` returns) or an error item `{"id": ..., "error": {problem details}}`.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from classifiers import Cleaner, Options
from classifiers.options import Result
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
    """Clean one validated article: what `POST /v1/clean`, the batch endpoint, the CLI and Dask all answer.

    It goes through `Cleaner.clean`, the core's one-article entry point (which the webhook tests watch).
    """
    return _answer(article, cleaner.clean(article.text, replace(options, id=article.id, title=article.title),
                                          lines=article.lines))


def clean_validated_many(cleaner: Cleaner, options: Options, articles: Sequence[ArticleInput]) -> list[dict[str, Any]]:
    """Clean validated articles with one `Cleaner.clean_many` call: each answer is what `clean_validated` gives.

    An exception from the core propagates (the caller decides what a failure is worth).
    """
    results = cleaner.clean_many([a.text for a in articles],
                                 [replace(options, id=a.id, title=a.title) for a in articles],
                                 lines=[a.lines for a in articles])
    return [_answer(article, result) for article, result in zip(articles, results)]


def _answer(article: ArticleInput, result: Result) -> dict[str, Any]:
    """The result as the API answers it: with the lines HTML became, for an HTML article."""
    if article.from_html:
        result.lines = article.lines
    return result.to_dict()


def validate_record(record: Any, *, max_bytes: int | None = None) -> ArticleInput | dict[str, Any]:
    """The article a record holds, or the error item that answers it instead.

    `max_bytes` applies the single-article limit (`Config.max_body_bytes`) to the record re-encoded as UTF-8 JSON, so
    an article too big for `POST /v1/clean` is too big here as well, however it arrived. An unexpected exception
    (say from the HTML parser) is logged and becomes a 500 item, like a failure of the core.
    """
    art_id = record_id(record)
    try:
        if max_bytes is not None and len(json.dumps(record, ensure_ascii=False).encode("utf-8")) > max_bytes:
            raise too_large(max_bytes)
        return article_from_object(record)
    except Problem as exc:
        return error_item(art_id, exc)
    except Exception:
        log.exception("cleaning article %r failed", art_id)
        return internal_error(art_id)


def internal_error(art_id: str | None) -> dict[str, Any]:
    return error_item(art_id, Problem(500, "internal-error", "cleaning this article failed unexpectedly"))


def clean_record(cleaner: Cleaner, options: Options, record: Any, *, max_bytes: int | None = None) -> dict[str, Any]:
    """Validate and clean one record; a record that fails becomes an error item instead of an exception."""
    return clean_records(cleaner, options, [record], max_bytes=max_bytes)[0]


def clean_records(cleaner: Cleaner, options: Options, records: Sequence[Any], *,
                  max_bytes: int | None = None) -> list[dict[str, Any]]:
    """Validate every record and clean the valid ones in one model pass; answers in input order.

    A record that fails validation gets its error item in its place, exactly as `clean_record` would answer it,
    and does not stop the others. Cleaning many articles per `clean_many` call is about twice as fast per article
    as one call each, which is why the batch endpoint, the CLI and Dask all come through here. Should the core
    raise on the batch, each of its articles is cleaned again on its own, so that only the article at fault gets
    a 500 item: one bad article must not sink the thousands around it.
    """
    checked = [validate_record(record, max_bytes=max_bytes) for record in records]
    cleaned = iter(_clean_isolating_failures(cleaner, options, [c for c in checked if isinstance(c, ArticleInput)]))
    return [next(cleaned) if isinstance(c, ArticleInput) else c for c in checked]


def _clean_isolating_failures(cleaner: Cleaner, options: Options,
                              articles: list[ArticleInput]) -> list[dict[str, Any]]:
    """`clean_validated_many`, retried one article at a time when the batch fails, to find the article at fault."""
    if not articles:
        return []
    try:
        if len(articles) == 1:
            return [clean_validated(cleaner, options, articles[0])]
        return clean_validated_many(cleaner, options, articles)
    except Exception:
        if len(articles) > 1:
            log.warning("cleaning a batch of %d articles failed; cleaning them one at a time", len(articles))
            return [answer for a in articles for answer in _clean_isolating_failures(cleaner, options, [a])]
        log.exception("cleaning article %r failed", articles[0].id)
        return [internal_error(articles[0].id)]


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
    return clean_line_records(cleaner, options, [item], max_bytes=max_bytes)[0]


def clean_line_records(cleaner: Cleaner, options: Options, items: Sequence[LineRecord], *,
                       max_bytes: int | None = None) -> list[dict[str, Any]]:
    """The answers for parsed JSONL lines, in order, the parsed records cleaned together by `clean_records`.

    Every answer carries its line's key as id, whatever the record said, since the key is what a resumed run
    matches on.
    """
    parsed = [item for item in items if item.error is None]
    cleaned = iter(clean_records(cleaner, options, [item.record for item in parsed], max_bytes=max_bytes))
    answers = []
    for item in items:
        out = item.error if item.error is not None else next(cleaned)
        answers.append(out if out.get("id") == item.key else {**out, "id": item.key})
    return answers


def dumps(item: dict[str, Any]) -> str:
    """One JSONL line (without the newline): UTF-8 text as is, keys in the API's order."""
    return json.dumps(item, ensure_ascii=False)
