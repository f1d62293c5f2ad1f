"""CMS webhooks: `POST /v1/webhooks/<source>` cleans the article a CMS pushes when a post is published or updated.

Sources: `wordpress` (a REST post object, or the WordPress.com webhook fields), `ghost` (`post.current`) and
`generic` (`{"id", "title", "text"|"html"}`, as `POST /v1/clean` takes it). The answer is the same JSON as
`POST /v1/clean`.

Every request must be signed; there is no unsigned mode, because a webhook URL is public and anyone who learns it
could otherwise make us spend CPU or poison the replay cache. Two schemes are accepted:

- Standard Webhooks (https://www.standardwebhooks.com/): `webhook-id`, `webhook-timestamp` and
  `webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, keyed with `Config.webhook_secrets`
  (several, so a key can be rotated without downtime), for every source.
- Ghost's own `X-Ghost-Signature: sha256=<hex HMAC-SHA256 of body + t>, t=<unix ms>`, keyed with
  `Config.ghost_secret` as a plain string (this is how Ghost's `webhook-trigger.js` signs), for `ghost` only.

Deliveries are retried by the sender, so the first 200 answer for a delivery is remembered and a replay gets it
back with `Webhook-Replayed: true`, without cleaning again. The key is the source and the `webhook-id`; Ghost sends
no id, but re-sends identical headers on retry, so its key is the signature itself. The memory is a SQLite file
(`Config.webhook_store`) shared by every gunicorn worker on the host, because a retry may reach any of them.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import os
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, jsonify, request

from classifiers.htmltext import HTMLInputError, html_to_lines
from service.adapters import ArticleInput, article_from_object, decode_body, from_html, from_text, parse_json
from service.api_v1 import check_size, clean_article
from service.config import Config
from service.errors import Problem, problem_response

log = logging.getLogger(__name__)

bp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks")

STORE_EXTENSION = "bersih.webhook_cache"
MEMORY = ":memory:"
#: A stored answer is forgotten after a day: senders give up retrying well before (Standard Webhooks: ~1.5 days of
#: backoff at most, most far sooner), and a replay after that is cleaned again, which is harmless.
ANSWER_TTL_S = 24 * 3600.0
#: A claim (a delivery being cleaned) older than this belongs to a worker that died: gunicorn kills a silent worker
#: after GUNICORN_TIMEOUT (120 s by default), and one article is cleaned in well under a second.
CLAIM_LEASE_S = 300.0
#: How long a request waits for another request that is cleaning the same delivery, before answering 409.
WAIT_S = 2.0
POLL_S = 0.05
#: How long a statement waits for another worker's write lock before failing.
BUSY_TIMEOUT_S = 5.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    source TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    claim TEXT,              -- token of the request cleaning it; NULL once answered
    status INTEGER,          -- NULL while it is being cleaned
    answer TEXT,             -- the response body, byte for byte
    stored_at REAL NOT NULL, -- claimed, then answered (unix s): the TTL and the lease count from here
    used_at REAL NOT NULL,   -- last answered or replayed: the size bound drops the least recently used
    PRIMARY KEY (source, delivery_id)
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_used_at ON webhook_deliveries (used_at);
"""
REPLAYED_HEADER = "Webhook-Replayed"
SECRET_PREFIX = "whsec_"
STANDARD_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")
JSON_TYPES = ("application/json",)
FORM_TYPES = ("application/x-www-form-urlencoded",)
#: Raw WordPress content (`post_content`, `content.raw`) has no <p>: wpautop adds them when the post is rendered.
HAS_PARAGRAPHS = re.compile(r"<p[\s>]", re.IGNORECASE)
#: Any tag or entity at all: without one, raw content is plain text.
HAS_TAGS = re.compile(r"</?[a-zA-Z!]|&#?\w+;")


@dataclass(frozen=True)
class Stored:
    """The remembered answer to a delivery: its status and its response body, byte for byte."""

    status: int
    body: str


class ReplayStore:
    """The first answer to each delivery, shared through one SQLite file by every worker process on this host.

    gunicorn runs several workers, and a sender's retry may reach any of them; a per-process memory would clean a
    replay again (and two copies arriving at once would both be cleaned). So a request first *claims* its delivery
    by inserting a pending row (INSERT OR IGNORE: exactly one request wins), cleans, then stores its answer in that
    row; any other request for the same delivery meanwhile finds the row and waits for the answer.

    Rows are bounded by `size` (least recently used out first, since ids arrive forever) and forgotten after
    `ttl_s` (senders stop retrying long before). One connection per process, opened on first use and keyed by the
    pid: gunicorn preloads the app and forks, and an SQLite connection must never cross a fork. Threads of one
    worker share it under a lock, which also keeps their transactions apart.
    """

    def __init__(self, path: str, size: int, ttl_s: float = ANSWER_TTL_S, lease_s: float = CLAIM_LEASE_S):
        self.path = path
        self.size = size
        self.ttl_s = ttl_s
        self.lease_s = lease_s
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._db: sqlite3.Connection | None = None
        #: Connections inherited through a fork, kept open on purpose: closing one in the child could checkpoint
        #: or remove the WAL under the process that owns it.
        self._inherited: list[sqlite3.Connection] = []

    def _connection(self) -> sqlite3.Connection:
        """This process's connection, opened now if there is none yet (or only one inherited from a parent)."""
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self._db is not None:
            self._inherited.append(self._db)
        try:
            # autocommit (isolation_level=None): every transaction is an explicit BEGIN IMMEDIATE below
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if self.path != MEMORY:
                # WAL: replays read while another worker writes; NORMAL sync is durable enough for a cache
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            log.error("webhook replay store %s cannot be opened: %s", self.path, exc)
            raise Problem(500, "webhook-store-unavailable", "the webhook replay store (BERSIH_WEBHOOK_STORE) cannot "
                          "be opened; see the server log", title="Webhook store unavailable") from None
        self._db, self._pid = db, os.getpid()
        return db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE takes the write lock at once, so the claim cannot race."""
        with self._lock:
            db = self._connection()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def claim(self, source: str, delivery_id: str) -> Stored | str | None:
        """The stored answer (a replay); else a token when this request now owns the delivery and must clean it;
        else None while another request is cleaning it. A claim older than the lease is taken over, because the
        worker holding it has died (it would otherwise block the id until the TTL)."""
        now = time.time()
        token = uuid.uuid4().hex
        key = (source, delivery_id)
        with self._transaction() as db:
            db.execute("DELETE FROM webhook_deliveries WHERE source = ? AND delivery_id = ? AND "
                       "((status IS NOT NULL AND stored_at < ?) OR (status IS NULL AND stored_at < ?))",
                       (*key, now - self.ttl_s, now - self.lease_s))
            inserted = db.execute("INSERT OR IGNORE INTO webhook_deliveries (source, delivery_id, claim, stored_at, "
                                  "used_at) VALUES (?, ?, ?, ?, ?)", (*key, token, now, now))
            if inserted.rowcount == 1:
                return token
            status, body = db.execute("SELECT status, answer FROM webhook_deliveries WHERE source = ? AND "
                                      "delivery_id = ?", key).fetchone()
            if status is None:
                return None
            db.execute("UPDATE webhook_deliveries SET used_at = ? WHERE source = ? AND delivery_id = ?", (now, *key))
            return Stored(status, body)

    def finish(self, source: str, delivery_id: str, token: str, answer: Stored) -> None:
        """Store the answer in the row this request claimed, then trim the table to its TTL and size."""
        now = time.time()
        with self._transaction() as db:
            db.execute("UPDATE webhook_deliveries SET claim = NULL, status = ?, answer = ?, stored_at = ?, used_at = ? "
                       "WHERE source = ? AND delivery_id = ? AND claim = ?",
                       (answer.status, answer.body, now, now, source, delivery_id, token))
            db.execute("DELETE FROM webhook_deliveries WHERE status IS NOT NULL AND stored_at < ?", (now - self.ttl_s,))
            db.execute("DELETE FROM webhook_deliveries WHERE rowid IN (SELECT rowid FROM webhook_deliveries WHERE "
                       "status IS NOT NULL ORDER BY used_at DESC, rowid DESC LIMIT -1 OFFSET ?)", (self.size,))

    def release(self, source: str, delivery_id: str, token: str) -> None:
        """Drop this request's claim after a failed cleaning, so that the sender's retry is cleaned afresh."""
        with self._transaction() as db:
            db.execute("DELETE FROM webhook_deliveries WHERE source = ? AND delivery_id = ? AND claim = ?",
                       (source, delivery_id, token))

    def __len__(self) -> int:
        with self._lock:
            return int(self._connection().execute("SELECT count(*) FROM webhook_deliveries").fetchone()[0])


def get_store() -> ReplayStore | None:
    """The app's replay store, made on first use (create_app() knows nothing of webhooks); None when
    `webhook_cache_size` is 0, which turns replays off."""
    store = current_app.extensions.get(STORE_EXTENSION)
    if store is None:
        cfg = config()
        if cfg.webhook_cache_size <= 0:
            return None
        store = current_app.extensions.setdefault(STORE_EXTENSION,
                                                  ReplayStore(cfg.webhook_store, cfg.webhook_cache_size))
    return store


def config() -> Config:
    return current_app.config["BERSIH"]


def unauthorized(slug: str, detail: str) -> Problem:
    return Problem(401, slug, detail, title="Unauthorized")


# --- signatures -----------------------------------------------------------------------------------------------

def secret_key(secret: str, position: int) -> bytes:
    """The HMAC key of a `whsec_<base64>` secret. A malformed secret is our misconfiguration, so it is a 500 that
    names its position in BERSIH_WEBHOOK_SECRETS (never the secret), not a 401 the sender could do nothing about."""
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError):
        log.error("webhook secret #%d is not whsec_<base64>", position + 1)
        raise Problem(500, "webhook-misconfigured", f"webhook secret #{position + 1} in BERSIH_WEBHOOK_SECRETS is not "
                      "of the form whsec_<base64>", title="Webhook misconfigured") from None


def check_timestamp(sent_s: float, header: str) -> None:
    """Refuse a timestamp outside the tolerance either way: too old is a replay, too new a clock or a forgery."""
    tolerance = config().webhook_tolerance_s
    skew = time.time() - sent_s
    if abs(skew) > tolerance:
        when = f"{round(skew)} s in the past" if skew > 0 else f"{round(-skew)} s in the future"
        raise unauthorized("stale-timestamp", f"the {header} is {when}; at most {tolerance} s either way is accepted")


def verify_standard(body: bytes) -> str:
    """Check the Standard Webhooks headers against every configured secret; the `webhook-id` when one matches."""
    if not config().webhook_secrets:
        raise unauthorized("webhook-secret-not-configured", "no webhook secret is configured on this server "
                           "(BERSIH_WEBHOOK_SECRETS), so no webhook can be verified and none is accepted")
    values = [request.headers.get(name, "").strip() for name in STANDARD_HEADERS]
    missing = [name for name, value in zip(STANDARD_HEADERS, values) if not value]
    if len(missing) == len(STANDARD_HEADERS):
        raise unauthorized("missing-signature", "the webhook is not signed: it has none of the Standard Webhooks "
                           "headers " + ", ".join(STANDARD_HEADERS))
    if missing:
        raise unauthorized("missing-signature", "the webhook signature is incomplete: header " + ", ".join(missing) +
                           (" is" if len(missing) == 1 else " are") + " missing (Standard Webhooks needs "
                           + ", ".join(STANDARD_HEADERS) + ")")
    msg_id, stamp, signature = values
    if not stamp.isdigit():
        raise unauthorized("invalid-timestamp", f"webhook-timestamp {stamp[:40]!r} is not unix seconds")
    check_timestamp(int(stamp), "webhook-timestamp")
    signed = f"{msg_id}.{stamp}.".encode() + body
    offered = [part.split(",", 1)[1] for part in signature.split() if part.startswith("v1,")]
    if not offered:
        raise unauthorized("invalid-signature", "webhook-signature holds no v1,<base64> signature")
    for position, secret in enumerate(config().webhook_secrets):
        expected = base64.b64encode(hmac.new(secret_key(secret, position), signed, hashlib.sha256).digest())
        if any(hmac.compare_digest(expected, sig.encode()) for sig in offered):
            return msg_id
    raise unauthorized("invalid-signature", "webhook-signature matches none of the configured secrets (was the body "
                       "changed after signing, or signed with another secret?)")


def verify_ghost(body: bytes, header: str) -> str:
    """Check `X-Ghost-Signature: sha256=<hex>, t=<ms>`; its signature, as the replay key (Ghost sends no id)."""
    secret = config().ghost_secret
    if not secret:
        raise unauthorized("webhook-secret-not-configured", "X-Ghost-Signature was sent but no Ghost secret is "
                           "configured on this server (BERSIH_GHOST_SECRET), so it cannot be verified and the "
                           "webhook is refused")
    parts: dict[str, str] = {}
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        parts[name] = value
    digest, stamp = parts.get("sha256", ""), parts.get("t", "")
    if not digest or not stamp.isdigit():
        raise unauthorized("invalid-signature", "X-Ghost-Signature is not of the form sha256=<hex>, t=<unix ms>")
    check_timestamp(int(stamp) / 1000, "X-Ghost-Signature timestamp t")
    expected = hmac.new(secret.encode(), body + stamp.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, digest.lower()):
        raise unauthorized("invalid-signature", "X-Ghost-Signature does not match the configured Ghost secret (was "
                           "the body changed after signing, or signed with another secret?)")
    return expected


# --- payloads -------------------------------------------------------------------------------------------------

def payload() -> Any:
    """The signed body as JSON (or, for WordPress.com webhooks, form fields), validated only after the signature."""
    if request.mimetype in JSON_TYPES:
        return parse_json(decode_body(request))
    if request.mimetype in FORM_TYPES:
        return dict(parse_qsl(decode_body(request), keep_blank_values=True))
    raise Problem(415, "unsupported-media-type", f"content type {request.mimetype or '(none)'!r} is not supported "
                  "for webhooks; send application/json (WordPress.com form posts also work)",
                  accepted=[*JSON_TYPES, *FORM_TYPES])


def object_or_422(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Problem(422, "invalid-article", f"{what} must be a JSON object")
    return value


def optional_id(value: Any, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise Problem(422, "invalid-article", f"{what} must be a string or an integer")
    return str(value)


def plain_title(markup: Any, what: str) -> str | None:
    """CMS titles are HTML-escaped (`&#8211;`, `&amp;`) and may hold tags; metadata wants the plain text."""
    if markup is None:
        return None
    if not isinstance(markup, str):
        raise Problem(422, "invalid-article", f"{what} must be a string")
    try:
        return " ".join(html_to_lines(markup)) or None
    except HTMLInputError:
        return None


def rendered(field: Any) -> tuple[Any, bool]:
    """A WordPress REST field: `{"rendered": ...}` (HTML after wpautop) or `{"raw": ...}` (as typed), or a string.
    The flag says whether the value is raw, so paragraphs still have to be found from its newlines."""
    if isinstance(field, dict):
        if "rendered" in field:
            return field["rendered"], False
        return field.get("raw"), True
    return field, True


def autop(raw: str) -> str:
    """Raw WordPress content keeps paragraphs as newlines, which HTML parsing would fold into one line; make each
    newline a break when the content has no <p> of its own (wpautop's job, minimally)."""
    if HAS_PARAGRAPHS.search(raw):
        return raw
    return raw.replace("\r\n", "\n").replace("\n", "<br>\n")


def wordpress_article(obj: Any) -> ArticleInput:
    """A WordPress REST post object (`title.rendered`, `content.rendered`, `id`) or WordPress.com webhook fields
    (`post_title`, `post_content`, `ID` or `post_id`)."""
    obj = object_or_422(obj, "a WordPress webhook body")
    if "content" in obj:
        content, raw = rendered(obj["content"])
        title, _ = rendered(obj.get("title"))
        where = "content.rendered"
    else:
        content, raw, title, where = obj.get("post_content"), True, obj.get("post_title"), "post_content"
    if not isinstance(content, str):
        raise Problem(422, "invalid-article", "a WordPress post needs content.rendered (REST API) or post_content "
                      "(WordPress.com webhook) holding a string" if content is None else f"{where} must be a string")
    art_id = optional_id(next((obj[key] for key in ("id", "ID", "post_id") if obj.get(key) not in (None, "")),
                              None), "the post id")
    title = plain_title(title, "the post title")
    if raw and not HAS_TAGS.search(content):
        return from_text(content, id=art_id, title=title)  # typed text: its lines are the lines, verbatim
    return from_html(autop(content) if raw else content, id=art_id, title=title)


def ghost_article(obj: Any) -> ArticleInput:
    """A Ghost post (or page) event: `post.current` with `html` (or `plaintext`), `title` and `id`."""
    obj = object_or_422(obj, "a Ghost webhook body")
    kind = "page" if "page" in obj and "post" not in obj else "post"
    current = object_or_422(obj.get(kind), f"{kind} in a Ghost webhook body").get("current")
    if not current:
        raise Problem(422, "invalid-article", f"the Ghost webhook has no {kind}.current (a {kind}.deleted event has "
                      "nothing to clean)")
    current = object_or_422(current, f"{kind}.current")
    art_id = optional_id(current.get("id"), f"{kind}.current.id")
    title = plain_title(current.get("title"), f"{kind}.current.title")
    markup, text = current.get("html"), current.get("plaintext")
    if markup is None and isinstance(text, str):
        return from_text(text, id=art_id, title=title)  # a post with no rendered HTML yet still has its text
    if not isinstance(markup, str):
        raise Problem(422, "invalid-article", f"{kind}.current.html must be a string")
    return from_html(markup, id=art_id, title=title)


SOURCES: dict[str, Callable[[Any], ArticleInput]] = {
    "wordpress": wordpress_article,
    "ghost": ghost_article,
    "generic": article_from_object,
}


# --- the view -------------------------------------------------------------------------------------------------

def authenticate(source: str, body: bytes) -> tuple[str, str]:
    """Verify the request's signature; the key its first answer is remembered under: (source, delivery id)."""
    if source != "ghost":
        return source, verify_standard(body)
    ghost_header = request.headers.get("X-Ghost-Signature", "").strip()
    if ghost_header and not request.headers.get("webhook-signature"):
        return "ghost", verify_ghost(body, ghost_header)
    cfg = config()
    if not cfg.webhook_secrets and not cfg.ghost_secret:
        raise unauthorized("webhook-secret-not-configured", "no secret for Ghost webhooks is configured on this "
                           "server (BERSIH_GHOST_SECRET or BERSIH_WEBHOOK_SECRETS), so none can be verified and none "
                           "is accepted")
    if not any(request.headers.get(name) for name in STANDARD_HEADERS):
        raise unauthorized("missing-signature", "the webhook is not signed: send X-Ghost-Signature (give the Ghost "
                           "webhook a secret) or the Standard Webhooks headers " + ", ".join(STANDARD_HEADERS))
    return "ghost", verify_standard(body)


def replayed(stored: Stored) -> Response:
    response = current_app.response_class(stored.body, status=stored.status, mimetype="application/json")
    response.headers[REPLAYED_HEADER] = "true"
    return response


def claim_or_wait(store: ReplayStore, key: tuple[str, str]) -> Stored | str | None:
    """Claim the delivery, or wait (briefly) for the request that holds it: the stored answer, or our claim token
    (also when the other request failed and dropped its claim), or None if it is still being cleaned after WAIT_S."""
    deadline = time.monotonic() + WAIT_S
    while (got := store.claim(*key)) is None and time.monotonic() < deadline:
        time.sleep(POLL_S)
    return got


@bp.post("/<source>")
def receive(source: str) -> Any:
    """Authenticate, answer a replay from the store, else claim the delivery, clean it and store the answer."""
    to_article = SOURCES.get(source)
    if to_article is None:
        raise Problem(404, "unknown-webhook-source", f"unknown webhook source {source!r}; use one of "
                      + ", ".join(SOURCES), title="Not Found")
    check_size(config().max_body_bytes)
    body = request.get_data(cache=True)
    key = authenticate(source, body)
    store = get_store()
    if store is None:
        return jsonify(clean_article(to_article(payload())))
    got = claim_or_wait(store, key)
    if got is None:
        response = problem_response(Problem(409, "delivery-in-progress", "this delivery is being cleaned by another "
                                            "request right now; retry it shortly to get the answer", title="Conflict"))
        response.headers["Retry-After"] = "1"
        return response
    if isinstance(got, Stored):
        return replayed(got)
    try:
        response = jsonify(clean_article(to_article(payload())))
    except BaseException:
        store.release(*key, got)  # only 200 answers are kept: a fixed delivery can be resent under the same id
        raise
    store.finish(*key, got, Stored(response.status_code, response.get_data(as_text=True)))
    return response
