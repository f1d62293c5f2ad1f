"""Every error the API answers, as RFC 9457 problem details (`application/problem+json`), built in one place.

Handlers cover our own `Problem`, every `HTTPException` Flask raises (404, 405, 413, ...), and anything else
(answered 500 with no stack trace; the trace goes to the log).
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException

PROBLEM_TYPE_BASE = "https://bersih.example/problems/"
log = logging.getLogger(__name__)


class Problem(Exception):
    """An error with an HTTP status, a short slug for its type, and a human-readable detail."""

    def __init__(self, status: int, slug: str, detail: str, title: str | None = None, **extra: Any):
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.title = title or slug.replace("-", " ").capitalize()
        self.extra = extra

    def to_problem(self) -> dict[str, Any]:
        return {"type": PROBLEM_TYPE_BASE + self.slug, "title": self.title, "status": self.status,
                "detail": self.detail, **self.extra}


def problem_response(problem: Problem) -> Response:
    return Response(json.dumps(problem.to_problem()), status=problem.status, mimetype="application/problem+json")


HTTP_SLUGS = {400: "bad-request", 401: "unauthorized", 404: "not-found", 405: "method-not-allowed",
              413: "payload-too-large", 415: "unsupported-media-type", 422: "unprocessable-content",
              503: "unavailable"}


def init_app(app: Flask) -> None:
    """Register the handlers that turn every error into problem+json."""

    @app.errorhandler(Problem)
    def _problem(exc: Problem) -> Response:
        return problem_response(exc)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Response:
        status = exc.code or 500
        detail = exc.description or exc.name
        if status == 413:
            detail = f"the request body is larger than the limit of {app.config['MAX_CONTENT_LENGTH']} bytes"
        return problem_response(Problem(status, HTTP_SLUGS.get(status, "http-error"), detail, title=exc.name))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        log.exception("unhandled error")
        return problem_response(Problem(500, "internal-error", "the server failed to process the request"))
