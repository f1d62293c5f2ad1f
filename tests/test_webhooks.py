"""CMS webhooks: each source is cleaned, every unsigned, mis-signed or stale delivery is a 401 problem, and a
replayed delivery gets its first answer back without a second cleaning."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from typing import Any

import pytest

from classifiers import Cleaner
from service import create_app, webhooks
from service.config import Config
from service.webhooks import ReplayStore, Stored

PROBLEM = "application/problem+json"
KEY_OLD = b"kunci-lama-untuk-uji-webhook-bersih"
KEY_NEW = b"kunci-baru-setelah-rotasi-kunci!!"
SECRET_OLD = "whsec_" + base64.b64encode(KEY_OLD).decode()
SECRET_NEW = "whsec_" + base64.b64encode(KEY_NEW).decode()
GHOST_SECRET = "rahasia-ghost-redaksi-uji"

# Our own invented articles, in the house style of Indonesian regional news sites.
WP_TITLE = "Banjir Rob Rendam Permukiman Pesisir Pekalongan &#8211; Ratusan Rumah Terdampak"
WP_HTML = (
    "<p>PEKALONGAN &#8211; Banjir rob kembali merendam permukiman warga di Kelurahan Pabean, Kota Pekalongan, "
    "sejak Selasa pagi.</p>\n"
    "<p>Ketinggian air di sejumlah gang mencapai 40 sentimeter sehingga warga memindahkan barang elektronik ke "
    "tempat yang lebih tinggi.</p>\n"
    "<p>Baca juga: <a href=\"https://contoh.test/resep\">Resep Sambal Terasi Pedas yang Bikin Nagih</a></p>\n"
    "<p>Kepala BPBD setempat mengatakan petugas telah menyiapkan pompa air dan dapur umum bagi warga "
    "terdampak.</p>\n")
WPCOM_TEXT = (
    "SLEMAN - Ribuan wisatawan memadati kawasan lereng Merapi selama libur panjang akhir pekan ini.\n\n"
    "Baca juga: Daftar Kuliner Malam Paling Ramai di Yogyakarta\n\n"
    "Petugas dinas pariwisata menambah jumlah pemandu untuk mengatur arus kendaraan jip wisata di jalur "
    "Kaliurang.\n\n"
    "Editor: Dimas Prasetyo")
GHOST_HTML = (
    "<p>MAKASSAR - Harga beras medium di sejumlah pasar tradisional Makassar turun Rp500 per kilogram dalam dua "
    "pekan terakhir.</p>"
    "<p>BACA JUGA: Viral Kucing Oren Ikut Antre Sembako, Warganet Gemas</p>"
    "<p>Pedagang di Pasar Terong menyebut pasokan dari Sidrap dan Pinrang kembali lancar setelah panen raya.</p>"
    "<p>ADVERTISEMENT</p>")
GENERIC_TEXT = (
    "Jalan Lingkar Selatan Cianjur Mulai Diperbaiki Pekan Depan\n"
    "CIANJUR - Pemerintah kabupaten akan memperbaiki ruas Jalan Lingkar Selatan yang rusak parah akibat "
    "longsor.\n"
    "Baca Juga: Prakiraan Cuaca Jawa Barat Besok, Hujan Lebat di Wilayah Selatan\n"
    "Perbaikan ditargetkan selesai sebelum musim mudik agar arus kendaraan tidak tersendat.")


@pytest.fixture()
def store_path(tmp_path) -> str:
    """A replay store of the test's own: the default file in the temp directory outlives the test."""
    return str(tmp_path / "webhooks.sqlite3")


@pytest.fixture()
def app(store_path):
    return create_app(Config(webhook_secrets=(SECRET_OLD, SECRET_NEW), ghost_secret=GHOST_SECRET,
                             webhook_store=store_path))


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def clean_calls(monkeypatch) -> list[str]:
    """Every call to Cleaner.clean, so a test can prove a replay was not cleaned again."""
    calls: list[str] = []
    original = Cleaner.clean

    def counting(self: Cleaner, text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Cleaner, "clean", counting)
    return calls


def standard_headers(body: bytes, *, key: bytes = KEY_OLD, msg_id: str = "msg_1", timestamp: int | None = None,
                     signature: str | None = None) -> dict[str, str]:
    """Sign the way the Standard Webhooks spec does: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()
    return {"webhook-id": msg_id, "webhook-timestamp": stamp,
            "webhook-signature": signature or "v1," + base64.b64encode(digest).decode()}


def ghost_headers(body: bytes, *, secret: str = GHOST_SECRET, ms: int | None = None) -> dict[str, str]:
    """Sign the way Ghost's webhook-trigger.js does: hex HMAC-SHA256 of body + timestamp in ms."""
    stamp = str(int(time.time() * 1000) if ms is None else ms)
    digest = hmac.new(secret.encode(), body + stamp.encode(), hashlib.sha256).hexdigest()
    return {"X-Ghost-Signature": f"sha256={digest}, t={stamp}"}


def post_json(client, source: str, obj: Any, headers_for=standard_headers, **sign: Any):
    body = json.dumps(obj).encode()
    return client.post(f"/v1/webhooks/{source}", data=body, content_type="application/json",
                       headers=headers_for(body, **sign))


def wordpress_post() -> dict[str, Any]:
    return {"id": 4821, "status": "publish", "title": {"rendered": WP_TITLE}, "content": {"rendered": WP_HTML}}


def ghost_event() -> dict[str, Any]:
    return {"post": {"current": {"id": "66f1c0ffee", "title": "Harga Beras Medium di Makassar Mulai Turun",
                                 "html": GHOST_HTML}, "previous": {}}}


def assert_problem(r, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status and r.mimetype == PROBLEM
    problem = r.get_json()
    assert problem["status"] == status and problem["type"].endswith("/" + slug) and problem["detail"]
    return problem


def removed_labels(body: dict[str, Any]) -> dict[str, str]:
    return {item["text"]: item["label"] for item in body["removed"]}


# --- each source is cleaned ---------------------------------------------------------------------------------

def test_wordpress_rest_post_is_cleaned(client):
    r = post_json(client, "wordpress", wordpress_post())
    assert r.status_code == 200 and "Webhook-Replayed" not in r.headers
    body = r.get_json()
    assert body["id"] == "4821"
    assert body["metadata"]["title"] == "Banjir Rob Rendam Permukiman Pesisir Pekalongan – Ratusan Rumah Terdampak"
    assert body["metadata"]["dateline"] == "PEKALONGAN"
    assert "Baca juga" not in body["body"] and "Sambal" not in body["body"]
    assert removed_labels(body)["Baca juga: Resep Sambal Terasi Pedas yang Bikin Nagih"] == "related"
    assert "pompa air dan dapur umum" in body["body"]
    assert body["lines"][2].startswith("Baca juga:")


def test_wordpress_com_form_webhook_is_cleaned(client):
    """WordPress.com posts its fields form-encoded, with post_content as typed (paragraphs are blank lines)."""
    from urllib.parse import urlencode
    data = urlencode({"hook": "publish_post", "ID": "377", "post_title": "Libur Panjang, Lereng Merapi Dipadati "
                      "Wisatawan", "post_content": WPCOM_TEXT}).encode()
    r = client.post("/v1/webhooks/wordpress", data=data, content_type="application/x-www-form-urlencoded",
                    headers=standard_headers(data))
    assert r.status_code == 200
    body = r.get_json()
    assert body["id"] == "377" and body["metadata"]["title"] == "Libur Panjang, Lereng Merapi Dipadati Wisatawan"
    assert body["metadata"]["editor"] == "Dimas Prasetyo"
    assert body["paragraphs"] == [
        "SLEMAN - Ribuan wisatawan memadati kawasan lereng Merapi selama libur panjang akhir pekan ini.",
        "Petugas dinas pariwisata menambah jumlah pemandu untuk mengatur arus kendaraan jip wisata di jalur "
        "Kaliurang."]
    assert removed_labels(body)["Baca juga: Daftar Kuliner Malam Paling Ramai di Yogyakarta"] == "related"


def test_wordpress_com_json_fields_and_raw_paragraphs(client):
    """Raw post_content with some markup but no <p> still keeps one line per paragraph (as wpautop would)."""
    raw = WPCOM_TEXT.replace("Kaliurang", "<strong>Kaliurang</strong>")
    r = post_json(client, "wordpress", {"post_id": 378, "post_title": "Lereng Merapi Ramai", "post_content": raw})
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == "378"
    assert len(body["paragraphs"]) == 2 and body["paragraphs"][1].endswith("jalur Kaliurang.")


def test_ghost_signed_by_ghost_is_cleaned(client):
    r = post_json(client, "ghost", ghost_event(), headers_for=ghost_headers)
    assert r.status_code == 200
    body = r.get_json()
    assert body["id"] == "66f1c0ffee" and body["metadata"]["title"] == "Harga Beras Medium di Makassar Mulai Turun"
    assert body["paragraphs"][0].startswith("MAKASSAR - Harga beras medium")
    assert "Pasar Terong" in body["body"]
    assert "BACA JUGA" not in body["body"] and "ADVERTISEMENT" not in body["body"]
    assert removed_labels(body)["ADVERTISEMENT"] == "promo"


def test_ghost_with_standard_webhooks_headers_is_cleaned(client):
    """A relay in front of Ghost may sign with the Standard Webhooks secrets instead."""
    r = post_json(client, "ghost", ghost_event(), msg_id="ghost-relay-1")
    assert r.status_code == 200 and r.get_json()["id"] == "66f1c0ffee"


def test_generic_article_is_cleaned(client):
    r = post_json(client, "generic", {"id": "cjr-99", "text": GENERIC_TEXT})
    assert r.status_code == 200
    body = r.get_json()
    assert body["id"] == "cjr-99"
    assert body["metadata"]["title"] == "Jalan Lingkar Selatan Cianjur Mulai Diperbaiki Pekan Depan"
    assert [x["line"] for x in body["removed"] if x["label"] == "related"] == [2]
    assert body["paragraphs"][-1].startswith("Perbaikan ditargetkan selesai")


def test_unknown_source_is_404(client):
    assert_problem(post_json(client, "drupal", {"text": "x"}), 404, "unknown-webhook-source")


# --- signatures -------------------------------------------------------------------------------------------------

def test_wrong_signature_is_401(client, clean_calls):
    body = json.dumps(wordpress_post()).encode()
    r = client.post("/v1/webhooks/wordpress", data=body, content_type="application/json",
                    headers=standard_headers(body, key=b"kunci-penyerang"))
    assert "matches none of the configured secrets" in assert_problem(r, 401, "invalid-signature")["detail"]
    assert clean_calls == []


def test_body_changed_after_signing_is_401(client):
    body = json.dumps({"text": GENERIC_TEXT}).encode()
    headers = standard_headers(body)
    tampered = body.replace(b"CIANJUR", b"GARUT")
    r = client.post("/v1/webhooks/generic", data=tampered, content_type="application/json", headers=headers)
    assert_problem(r, 401, "invalid-signature")


@pytest.mark.parametrize("skew", [-3600, -301, 301])
def test_timestamp_outside_tolerance_is_401(client, skew):
    r = post_json(client, "generic", {"text": GENERIC_TEXT}, timestamp=int(time.time()) + skew)
    detail = assert_problem(r, 401, "stale-timestamp")["detail"]
    assert ("in the past" if skew < 0 else "in the future") in detail and "300 s" in detail


def test_timestamp_inside_tolerance_passes(client):
    assert post_json(client, "generic", {"text": GENERIC_TEXT}, timestamp=int(time.time()) - 200).status_code == 200


@pytest.mark.parametrize("header", ["webhook-id", "webhook-timestamp", "webhook-signature"])
def test_missing_header_is_401(client, header):
    body = json.dumps({"text": GENERIC_TEXT}).encode()
    headers = standard_headers(body)
    del headers[header]
    r = client.post("/v1/webhooks/generic", data=body, content_type="application/json", headers=headers)
    assert header in assert_problem(r, 401, "missing-signature")["detail"]


def test_unsigned_webhook_is_401(client, clean_calls):
    for source in ("wordpress", "ghost", "generic"):
        r = client.post(f"/v1/webhooks/{source}", json={"text": GENERIC_TEXT})
        assert "not signed" in assert_problem(r, 401, "missing-signature")["detail"]
    assert clean_calls == []


@pytest.mark.parametrize(("signature", "slug"), [
    ("v1a,bm90IGEgc2lnbmF0dXJl", "invalid-signature"),
    ("v1,bm90IGEgc2lnbmF0dXJl", "invalid-signature"),
])
def test_malformed_signature_is_401(client, signature, slug):
    assert_problem(post_json(client, "generic", {"text": GENERIC_TEXT}, signature=signature), 401, slug)


def test_non_numeric_timestamp_is_401(client):
    body = b'{"text": "x"}'
    headers = standard_headers(body) | {"webhook-timestamp": "kemarin"}
    r = client.post("/v1/webhooks/generic", data=body, content_type="application/json", headers=headers)
    assert_problem(r, 401, "invalid-timestamp")


def test_no_secret_configured_refuses_even_signed_webhooks(clean_calls):
    client = create_app(Config()).test_client()
    for source in ("wordpress", "generic", "ghost"):
        r = post_json(client, source, ghost_event() if source == "ghost" else {"text": GENERIC_TEXT})
        assert "no " in assert_problem(r, 401, "webhook-secret-not-configured")["detail"]
    r = post_json(client, "ghost", ghost_event(), headers_for=ghost_headers)
    assert "BERSIH_GHOST_SECRET" in assert_problem(r, 401, "webhook-secret-not-configured")["detail"]
    assert clean_calls == []


def test_ghost_wrong_secret_and_old_timestamp_are_401(client):
    assert_problem(post_json(client, "ghost", ghost_event(), headers_for=ghost_headers, secret="bukan-ini"),
                   401, "invalid-signature")
    old = int((time.time() - 600) * 1000)
    assert_problem(post_json(client, "ghost", ghost_event(), headers_for=ghost_headers, ms=old),
                   401, "stale-timestamp")
    body = json.dumps(ghost_event()).encode()
    r = client.post("/v1/webhooks/ghost", data=body, content_type="application/json",
                    headers={"X-Ghost-Signature": "sha256=abc"})
    assert_problem(r, 401, "invalid-signature")


def test_ghost_signature_is_not_accepted_for_other_sources(client):
    r = post_json(client, "generic", {"text": GENERIC_TEXT}, headers_for=ghost_headers)
    assert_problem(r, 401, "missing-signature")


def test_malformed_secret_is_a_500_that_does_not_leak_it():
    client = create_app(Config(webhook_secrets=("whsec_bukan base64!",))).test_client()
    problem = assert_problem(post_json(client, "generic", {"text": GENERIC_TEXT}), 500, "webhook-misconfigured")
    assert "#1" in problem["detail"] and "bukan" not in problem["detail"]


# --- key rotation -------------------------------------------------------------------------------------------------

def test_second_secret_passes_after_rotation(client):
    assert post_json(client, "generic", {"text": GENERIC_TEXT}, key=KEY_NEW).status_code == 200


def test_any_of_several_signatures_passes(client):
    """During rotation a sender signs with both keys; one valid signature among several is enough."""
    body = json.dumps({"text": GENERIC_TEXT}).encode()
    good = standard_headers(body, key=KEY_NEW)
    headers = good | {"webhook-signature": "v1,c2FsYWg= v1a,bm90aGluZw== " + good["webhook-signature"]}
    r = client.post("/v1/webhooks/generic", data=body, content_type="application/json", headers=headers)
    assert r.status_code == 200


def test_retired_secret_no_longer_passes():
    client = create_app(Config(webhook_secrets=(SECRET_NEW,))).test_client()
    assert_problem(post_json(client, "generic", {"text": GENERIC_TEXT}, key=KEY_OLD), 401, "invalid-signature")


# --- idempotency ------------------------------------------------------------------------------------------------

def test_replayed_webhook_id_gets_the_first_answer_without_cleaning_again(client, clean_calls):
    first = post_json(client, "wordpress", wordpress_post(), msg_id="msg_2Vx9")
    # a sender's retry is signed again, with a new timestamp, under the same id
    again = post_json(client, "wordpress", wordpress_post(), msg_id="msg_2Vx9", timestamp=int(time.time()) + 5)
    assert first.status_code == again.status_code == 200
    assert again.get_data() == first.get_data()
    assert again.headers["Webhook-Replayed"] == "true" and "Webhook-Replayed" not in first.headers
    assert len(clean_calls) == 1
    assert post_json(client, "wordpress", wordpress_post(), msg_id="msg_lain").status_code == 200
    assert len(clean_calls) == 2


def test_ghost_retry_is_answered_from_the_cache(client, clean_calls):
    body = json.dumps(ghost_event()).encode()
    headers = ghost_headers(body)  # Ghost retries with the very same headers
    answers = [client.post("/v1/webhooks/ghost", data=body, content_type="application/json", headers=headers)
               for _ in range(2)]
    assert answers[0].get_data() == answers[1].get_data() and answers[1].headers["Webhook-Replayed"] == "true"
    assert len(clean_calls) == 1


def test_a_replay_must_still_be_signed(client, clean_calls):
    """The cache is looked up only after the signature: knowing an id is not enough to read its answer."""
    assert post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="msg_rahasia").status_code == 200
    r = post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="msg_rahasia", key=b"tebakan")
    assert_problem(r, 401, "invalid-signature")
    assert len(clean_calls) == 1


def test_the_cache_is_bounded_and_forgets_the_least_recently_used(clean_calls, store_path):
    app = create_app(Config(webhook_secrets=(SECRET_OLD,), webhook_cache_size=2, webhook_store=store_path))
    client = app.test_client()
    for msg_id in ("a", "b", "a", "c"):  # "a" is used again, so "b" is the one to go when "c" arrives
        assert post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id=msg_id).status_code == 200
    assert len(clean_calls) == 3 and len(app.extensions["bersih.webhook_cache"]) == 2
    post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="a")
    assert len(clean_calls) == 3
    post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="b")
    assert len(clean_calls) == 4


def test_failed_cleaning_is_not_cached(client, clean_calls):
    """Only a 200 is remembered: a delivery refused as invalid can be fixed and resent under the same id."""
    assert_problem(post_json(client, "generic", {"text": "  "}, msg_id="msg_x"), 422, "empty-text")
    assert post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="msg_x").status_code == 200


def worker(store_path: str, **config: Any):
    """One gunicorn worker, as far as the replay store can tell: its own app, hence its own SQLite connection."""
    return create_app(Config(webhook_secrets=(SECRET_OLD,), webhook_store=store_path, **config)).test_client()


def test_workers_on_one_host_share_replays(store_path, clean_calls):
    first, second = worker(store_path), worker(store_path)
    a = post_json(first, "wordpress", wordpress_post(), msg_id="msg_antar_worker")
    b = post_json(second, "wordpress", wordpress_post(), msg_id="msg_antar_worker", timestamp=int(time.time()) + 3)
    assert a.status_code == b.status_code == 200 and b.get_data() == a.get_data()
    assert b.headers["Webhook-Replayed"] == "true" and b.mimetype == "application/json"
    assert len(clean_calls) == 1
    # the same id from another source is another delivery
    assert "Webhook-Replayed" not in post_json(second, "generic", {"text": GENERIC_TEXT},
                                               msg_id="msg_antar_worker").headers
    assert len(clean_calls) == 2


def test_memory_store_is_per_process(clean_calls):
    first, second = worker(":memory:"), worker(":memory:")
    for client in (first, second, first):
        post_json(client, "generic", {"text": GENERIC_TEXT}, msg_id="msg_mem")
    assert len(clean_calls) == 2


def test_the_store_is_bounded_across_workers(store_path, clean_calls):
    first, second = worker(store_path, webhook_cache_size=3), worker(store_path, webhook_cache_size=3)
    for n in range(6):
        post_json((first, second)[n % 2], "generic", {"text": GENERIC_TEXT}, msg_id=f"msg_{n}")
    assert len(ReplayStore(store_path, 3)) == 3
    post_json(first, "generic", {"text": GENERIC_TEXT}, msg_id="msg_5")  # among the newest three: a replay
    assert len(clean_calls) == 6
    post_json(second, "generic", {"text": GENERIC_TEXT}, msg_id="msg_0")  # the oldest: forgotten, cleaned again
    assert len(clean_calls) == 7


def test_answers_expire_after_the_ttl(store_path):
    store = ReplayStore(store_path, 10, ttl_s=0.05)
    token = store.claim("generic", "msg_lama")
    assert isinstance(token, str)
    store.finish("generic", "msg_lama", token, Stored(200, "{}"))
    assert store.claim("generic", "msg_lama") == Stored(200, "{}")
    time.sleep(0.1)
    assert isinstance(store.claim("generic", "msg_lama"), str)


def test_failed_cleaning_does_not_poison_the_id(store_path, monkeypatch):
    """A crash while cleaning drops the claim, so the sender's retry (here on another worker) is cleaned."""
    original, calls = Cleaner.clean, []

    def fails_once(self: Cleaner, text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("model crashed")
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Cleaner, "clean", fails_once)
    first, second = worker(store_path), worker(store_path)
    assert_problem(post_json(first, "generic", {"text": GENERIC_TEXT}, msg_id="msg_gagal"), 500, "internal-error")
    retry = post_json(second, "generic", {"text": GENERIC_TEXT}, msg_id="msg_gagal")
    assert retry.status_code == 200 and "Webhook-Replayed" not in retry.headers and len(calls) == 2
    assert post_json(first, "generic", {"text": GENERIC_TEXT}, msg_id="msg_gagal").headers["Webhook-Replayed"] == "true"
    assert len(calls) == 2


def test_simultaneous_copies_on_two_workers_are_cleaned_once(store_path, monkeypatch):
    """The second copy arrives while the first is being cleaned: it waits for that answer instead of cleaning."""
    original, calls, started = Cleaner.clean, [], threading.Event()

    def slow(self: Cleaner, text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(text)
        started.set()
        time.sleep(0.5)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Cleaner, "clean", slow)
    first, second = worker(store_path), worker(store_path)
    answers: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: answers.update(
        first=post_json(first, "generic", {"text": GENERIC_TEXT}, msg_id="msg_kembar")))
    thread.start()
    assert started.wait(5)
    copy = post_json(second, "generic", {"text": GENERIC_TEXT}, msg_id="msg_kembar")
    thread.join()
    assert copy.status_code == 200 and copy.headers["Webhook-Replayed"] == "true"
    assert copy.get_data() == answers["first"].get_data() and len(calls) == 1


def test_a_delivery_still_being_cleaned_is_409(store_path, monkeypatch, clean_calls):
    monkeypatch.setattr(webhooks, "WAIT_S", 0.2)
    holder = ReplayStore(store_path, 10)
    assert isinstance(holder.claim("generic", "msg_lambat"), str)  # another worker is cleaning it
    r = post_json(worker(store_path), "generic", {"text": GENERIC_TEXT}, msg_id="msg_lambat")
    assert "another request" in assert_problem(r, 409, "delivery-in-progress")["detail"]
    assert r.headers["Retry-After"] == "1" and clean_calls == []


def test_a_dead_workers_claim_is_taken_over_after_the_lease(store_path):
    assert isinstance(ReplayStore(store_path, 10).claim("generic", "msg_yatim"), str)
    assert ReplayStore(store_path, 10).claim("generic", "msg_yatim") is None
    assert isinstance(ReplayStore(store_path, 10, lease_s=0).claim("generic", "msg_yatim"), str)


def test_a_forked_worker_opens_its_own_connection(store_path, monkeypatch):
    """gunicorn forks after preloading the app: a connection made before the fork must not be used after it."""
    store = ReplayStore(store_path, 10)
    assert len(store) == 0
    parent = store._db
    monkeypatch.setattr(webhooks.os, "getpid", lambda: -1)
    assert len(store) == 0 and store._db is not parent and store._inherited == [parent]


# --- payloads ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "obj", "slug"), [
    ("ghost", {"post": {"current": {}, "previous": {"id": "1"}}}, "invalid-article"),
    ("ghost", {"post": {"current": {"id": "1", "html": 5}}}, "invalid-article"),
    ("ghost", [1, 2], "invalid-article"),
    ("wordpress", {"id": 1, "title": {"rendered": "Judul"}}, "invalid-article"),
    ("wordpress", {"id": {"x": 1}, "content": {"rendered": "<p>Isi berita.</p>"}}, "invalid-article"),
    ("wordpress", {"content": {"rendered": "<!-- kosong -->"}}, "empty-text"),
    ("generic", {"text": "a", "html": "<p>b</p>"}, "invalid-article"),
])
def test_signed_but_invalid_payload_is_422(client, source, obj, slug):
    assert_problem(post_json(client, source, obj), 422, slug)


def test_signed_but_malformed_json_is_400_and_other_types_415(client):
    body = b'{"text": '
    r = client.post("/v1/webhooks/generic", data=body, content_type="application/json",
                    headers=standard_headers(body))
    assert_problem(r, 400, "malformed-json")
    body = GENERIC_TEXT.encode()
    r = client.post("/v1/webhooks/generic", data=body, content_type="text/plain", headers=standard_headers(body))
    assert_problem(r, 415, "unsupported-media-type")


def test_body_over_the_limit_is_413_before_any_work():
    client = create_app(Config(webhook_secrets=(SECRET_OLD,), max_body_bytes=100)).test_client()
    r = post_json(client, "generic", {"text": GENERIC_TEXT})
    assert_problem(r, 413, "payload-too-large")
