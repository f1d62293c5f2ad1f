"""Bersih's HTTP layer: a thin Flask app over the `classifiers` core.

    gunicorn 'service:create_app()'

Nothing here reads the environment or loads the model at import time: `create_app()` does both.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify

from classifiers import Cleaner
from classifiers.persistence import ModelIntegrityError
from service import errors
from service.config import Config

log = logging.getLogger(__name__)


def create_app(config: Config | None = None) -> Flask:
    """Build the app: configuration, the model (sha256-checked), the blueprints and the error handlers."""
    from service.api_v1 import bp as v1
    from service.batch import bp as batch
    from service.webhooks import bp as webhooks

    config = config or Config.from_env()
    app = Flask(__name__)
    app.config["BERSIH"] = config
    app.config["MAX_CONTENT_LENGTH"] = max(config.max_body_bytes, config.max_batch_bytes)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["bersih.options"] = config.options()
    try:
        app.extensions["bersih.cleaner"] = Cleaner.load(config.model_dir)
    except (ModelIntegrityError, OSError) as exc:
        log.error("model not loaded: %s", exc)
        app.extensions["bersih.cleaner"] = None
        app.extensions["bersih.model_error"] = str(exc)
    errors.init_app(app)
    app.register_blueprint(v1)
    app.register_blueprint(batch)
    app.register_blueprint(webhooks)

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> Any:
        if app.extensions["bersih.cleaner"] is None:
            raise errors.Problem(503, "model-unavailable", app.extensions["bersih.model_error"])
        return jsonify(status="ready", model=app.extensions["bersih.cleaner"].model_info)

    return app
