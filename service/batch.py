"""Batch cleaning over HTTP: `POST /v1/clean/batch` (being written)."""
from flask import Blueprint

bp = Blueprint("batch", __name__, url_prefix="/v1")
