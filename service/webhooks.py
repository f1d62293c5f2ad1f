"""CMS webhooks: `POST /v1/webhooks/<source>` (being written)."""
from flask import Blueprint

bp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks")
