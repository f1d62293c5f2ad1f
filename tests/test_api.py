"""The HTTP API through the app factory: content types, the response shape, and problem+json errors."""
from __future__ import annotations

import pytest

from service import create_app
from service.config import Config

PROBLEM = "application/problem+json"


def test_health_and_ready(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["model"]["sha256"]


def test_model_manifest(client):
    body = client.get("/v1/model").get_json()
    assert body["labels"][0] == "body" and "held_out" in body


def test_clean_plain_text(client, sample_text):
    r = client.post("/v1/clean", data=sample_text.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200
    body = r.get_json()
    assert set(body) >= {"id", "body", "paragraphs", "metadata", "removed", "related_links", "model", "took_ms"}
    assert "lines" not in body
    assert len(body["paragraphs"]) == 11
    assert body["metadata"]["published_at"] == "2025-03-12T14:30:00+07:00"
    for item in body["removed"]:
        assert set(item) == {"line", "start", "end", "text", "label", "score"}
        assert sample_text.split("\n")[item["line"]] == item["text"]


def test_clean_json_with_id_and_title(client, sample_text):
    r = client.post("/v1/clean", json={"id": 42, "title": "Judul CMS", "text": sample_text})
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == "42" and body["metadata"]["title"] == "Judul CMS"


def test_clean_html_returns_the_lines_it_numbered(client):
    html = ("<html><body><h1>Harga Cabai Melonjak Jelang Ramadan di Pasar Kosambi</h1>"
            "<p>BANDUNG - Harga cabai rawit di Pasar Kosambi naik dua kali lipat dalam sepekan terakhir.</p>"
            "<p>Baca juga: <a href='/x'>Ramalan Zodiak Hari Ini untuk Gemini dan Cancer</a></p>"
            "<p>Pedagang mengatakan pasokan dari Garut berkurang karena hujan deras.</p>"
            "<script>var ad = 1;</script></body></html>")
    for r in (client.post("/v1/clean", data=html, content_type="text/html"),
              client.post("/v1/clean", json={"html": html})):
        body = r.get_json()
        assert r.status_code == 200
        assert body["lines"][2].startswith("Baca juga:")
        assert [x["line"] for x in body["removed"] if x["label"] == "related"] == [2]
        assert "var ad" not in body["body"]
        assert "Pedagang mengatakan pasokan" in body["body"]


@pytest.mark.parametrize(("data", "content_type", "status", "slug"), [
    (b"", "text/plain", 422, "empty-text"),
    (b"   \n\n ", "text/plain", 422, "empty-text"),
    (b"\xff\xfeabc", "text/plain", 400, "invalid-utf8"),
    (b"{\"text\": ", "application/json", 400, "malformed-json"),
    (b"{\"text\": 5}", "application/json", 422, "invalid-article"),
    (b"[1, 2]", "application/json", 422, "invalid-article"),
    (b"{\"text\": \"a\", \"html\": \"<p>b</p>\"}", "application/json", 422, "invalid-article"),
    (b"{\"html\": \"<!-- -->\"}", "application/json", 422, "empty-text"),
    (b"GIF89a", "image/gif", 415, "unsupported-media-type"),
])
def test_bad_input_is_a_problem_not_a_500(client, data, content_type, status, slug):
    r = client.post("/v1/clean", data=data, content_type=content_type)
    assert r.status_code == status
    assert r.mimetype == PROBLEM
    problem = r.get_json()
    assert problem["status"] == status and problem["type"].endswith("/" + slug) and problem["detail"]


def test_missing_content_type_is_415(client):
    r = client.post("/v1/clean", data=b"teks")
    assert r.status_code == 415 and r.mimetype == PROBLEM


def test_body_over_the_limit_is_413():
    app = create_app(Config(max_body_bytes=1000))
    r = app.test_client().post("/v1/clean", data=b"a" * 2000, content_type="text/plain")
    assert r.status_code == 413 and r.mimetype == PROBLEM
    assert "1000 bytes" in r.get_json()["detail"]


def test_unknown_route_and_wrong_method_are_problems(client):
    assert client.get("/v2/clean").mimetype == PROBLEM
    r = client.get("/v1/clean")
    assert r.status_code == 405 and r.mimetype == PROBLEM


def test_a_tampered_model_makes_readyz_503(tmp_path):
    (tmp_path / "manifest.json").write_text('{"artifact": "bersih.joblib", "sha256": "00"}')
    (tmp_path / "bersih.joblib").write_bytes(b"not a model")
    client = create_app(Config(model_dir=tmp_path)).test_client()
    assert client.get("/healthz").status_code == 200
    r = client.get("/readyz")
    assert r.status_code == 503 and r.mimetype == PROBLEM
    assert client.post("/v1/clean", data=b"teks", content_type="text/plain").status_code == 503


def test_config_from_env_reads_limits_and_rejects_bad_values():
    config = Config.from_env({"BERSIH_MAX_BODY_BYTES": "2048", "BERSIH_WEBHOOK_SECRETS": "whsec_a, whsec_b"})
    assert config.max_body_bytes == 2048 and config.webhook_secrets == ("whsec_a", "whsec_b")
    with pytest.raises(ValueError, match="BERSIH_MAX_BODY_BYTES"):
        Config.from_env({"BERSIH_MAX_BODY_BYTES": "lots"})
