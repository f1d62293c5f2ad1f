"""Version 1 of the HTTP API: `POST /v1/clean` and `GET /v1/model`."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify, request

from classifiers import Cleaner
from service.adapters import ArticleInput, article_from_request
from service.errors import Problem
from service.records import clean_validated

bp = Blueprint("v1", __name__, url_prefix="/v1")


def get_cleaner() -> Cleaner:
    """The app's loaded model, or a 503 problem when it could not be loaded."""
    cleaner = current_app.extensions.get("bersih.cleaner")
    if cleaner is None:
        raise Problem(503, "model-unavailable", current_app.extensions.get("bersih.model_error", "model not loaded"))
    return cleaner


def clean_article(article: ArticleInput) -> dict[str, Any]:
    """Clean one validated article with the app's model and options; the JSON the API returns for it."""
    return clean_validated(get_cleaner(), current_app.extensions["bersih.options"], article)


def check_size(limit: int) -> None:
    """413 when the request body is over `limit` bytes (the app-wide cap is the larger batch limit)."""
    size = request.content_length
    if size is None:
        size = len(request.get_data(cache=True))
    if size > limit:
        raise Problem(413, "payload-too-large", f"the request body is larger than the limit of {limit} bytes",
                      title="Payload Too Large")


@bp.post("/clean")
def clean() -> Any:
    check_size(current_app.config["BERSIH"].max_body_bytes)
    return jsonify(clean_article(article_from_request(request)))


@bp.get("/model")
def model() -> Any:
    return jsonify(get_cleaner().manifest)

