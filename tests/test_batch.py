"""`POST /v1/clean/batch`: JSON and NDJSON keep order, bad articles are reported in place, limits, request errors."""
from __future__ import annotations

import io
import json

import pytest

from service import create_app
from service.config import Config

PROBLEM = "application/problem+json"
NDJSON = "application/x-ndjson"

PASAR = ("Harga Bawang Merah di Pasar Johar Turun Jelang Panen Raya\n"
         "Selasa, 8 April 2025 09:10 WIB\n"
         "SEMARANG - Harga bawang merah di Pasar Johar turun menjadi Rp28 ribu per kilogram sejak awal pekan.\n"
         "Baca Juga: Daftar Promo Minimarket Akhir Pekan, Minyak Goreng Diskon\n"
         "Pedagang menyebut pasokan dari Brebes melimpah karena petani mulai memanen lebih awal.\n"
         "Editor: Dwi Handayani")
BANJIR = ("Banjir Rendam Tiga Desa di Kabupaten Bandung, Ratusan Warga Mengungsi\n"
          "Kamis, 10 April 2025 16:45 WIB\n"
          "BANDUNG - Hujan deras sejak sore membuat Sungai Citarum meluap dan merendam tiga desa di Baleendah.\n"
          "Petugas BPBD mendirikan dapur umum di halaman kantor kecamatan untuk para pengungsi.\n"
          "ADVERTISEMENT\n"
          "Ketinggian air sempat mencapai satu meter sebelum berangsur surut pada malam hari.")
HTML = ("<h1>Festival Kuliner Nusantara Digelar di Alun-alun Kota Malang</h1>"
        "<p>MALANG - Festival kuliner yang menghadirkan seratus lebih pedagang UMKM dibuka pada Sabtu pagi.</p>"
        "<p>Baca juga: <a href='/z'>Zodiak Minggu Ini: Aries Dapat Kejutan</a></p>"
        "<p>Panitia memperkirakan puluhan ribu pengunjung datang selama tiga hari penyelenggaraan.</p>")

BAD = [
    ({"id": "kosong", "text": "   "}, "empty-text"),
    ({"id": "angka", "text": 12}, "invalid-article"),
    ({"id": "dua", "text": "a", "html": "<p>b</p>"}, "invalid-article"),
    ({"id": "html-kosong", "html": "<!-- -->"}, "empty-text"),
    ("bukan objek", "invalid-article"),
]


def articles() -> list[object]:
    """Good and bad articles interleaved, so order and in-place errors are both visible."""
    return [{"id": "pasar", "text": PASAR}, BAD[0][0], {"id": 7, "text": BANJIR, "title": "Judul dari CMS"},
            BAD[1][0], {"id": "festival", "html": HTML}, BAD[2][0], BAD[3][0], {"text": PASAR}, BAD[4][0]]


def check_results(results: list[dict]) -> None:
    assert [r.get("id") for r in results] == ["pasar", "kosong", "7", "angka", "festival", "dua", "html-kosong",
                                              None, None]
    good = [results[i] for i in (0, 2, 4, 7)]
    assert all("error" not in r and r["body"] for r in good)
    assert "Baca Juga" not in good[0]["body"] and "Pedagang menyebut pasokan" in good[0]["body"]
    assert "ADVERTISEMENT" not in good[1]["body"] and good[1]["metadata"]["title"] == "Judul dari CMS"
    assert good[2]["lines"][2].startswith("Baca juga:") and "Panitia memperkirakan" in good[2]["body"]
    bad = [results[i] for i in (1, 3, 5, 6, 8)]
    for item, (_, slug) in zip(bad, BAD):
        assert set(item) >= {"id", "error"} and "body" not in item
        assert item["error"]["type"].endswith("/" + slug) and item["error"]["status"] == 422
        assert item["error"]["detail"]


def test_json_batch_keeps_order_and_reports_bad_articles_in_place(client):
    r = client.post("/v1/clean/batch", json={"articles": articles()})
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert list(r.get_json()) == ["results"]
    check_results(r.get_json()["results"])


def test_ndjson_batch_streams_the_same_answers_plus_line_numbers(client):
    body = "\n".join(json.dumps(a, ensure_ascii=False) for a in articles()) + "\n"
    r = client.post("/v1/clean/batch", data=body.encode(), content_type=NDJSON)
    assert r.status_code == 200 and r.mimetype == NDJSON and r.is_streamed
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    check_results(results)
    assert [x["line"] for x in results if "error" in x] == [2, 4, 6, 7, 9]
    json_results = client.post("/v1/clean/batch", json={"articles": articles()}).get_json()["results"]
    for a, b in zip(results, json_results):
        a.pop("line", None)
        assert {k: v for k, v in a.items() if k != "took_ms"} == {k: v for k, v in b.items() if k != "took_ms"}


def test_a_batch_answer_is_what_clean_answers(client):
    one = client.post("/v1/clean", json={"id": "b", "text": BANJIR}).get_json()
    [batched] = client.post("/v1/clean/batch", json={"articles": [{"id": "b", "text": BANJIR}]}).get_json()["results"]
    one.pop("took_ms"), batched.pop("took_ms")
    assert batched == one


def test_ndjson_broken_lines_are_items_not_a_failed_batch(client):
    body = b"".join([json.dumps({"id": "a", "text": PASAR}).encode() + b"\n",
                     b"\n",                              # blank: skipped, still counted as line 2
                     b"{\"id\": \"b\", \"text\": \n",        # cut short
                     b"{\"id\": \"x\", \"text\": \"\xff\"}\n",  # a byte that is not UTF-8
                     json.dumps({"id": "c", "text": BANJIR}).encode() + b"\n"])
    r = client.post("/v1/clean/batch", data=body, content_type=NDJSON)
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert [x["id"] for x in results] == ["a", None, None, "c"]
    assert results[1]["line"] == 3 and results[1]["error"]["type"].endswith("/malformed-json")
    assert results[1]["error"]["status"] == 400
    assert results[2]["line"] == 4 and results[2]["error"]["type"].endswith("/invalid-utf8")
    assert results[0]["body"] and results[3]["body"]


def test_an_article_over_the_single_article_limit_is_an_item_error():
    client = create_app(Config(max_body_bytes=600)).test_client()
    small, big = {"id": "kecil", "text": PASAR}, {"id": "besar", "text": BANJIR + "\n" + PASAR}
    for r in (client.post("/v1/clean/batch", json={"articles": [small, big]}),
              client.post("/v1/clean/batch", content_type=NDJSON,
                          data=(json.dumps(small) + "\n" + json.dumps(big) + "\n").encode())):
        results = [json.loads(x) for x in r.get_data(as_text=True).splitlines()] if r.mimetype == NDJSON \
            else r.get_json()["results"]
        assert results[0]["body"]
        assert results[1]["id"] == "besar" and results[1]["error"]["status"] == 413


def test_more_articles_than_the_limit_is_413_for_json():
    client = create_app(Config(max_batch_items=3)).test_client()
    r = client.post("/v1/clean/batch", json={"articles": [{"text": PASAR}] * 4})
    assert r.status_code == 413 and r.mimetype == PROBLEM
    assert r.get_json()["type"].endswith("/too-many-articles") and "3 articles" in r.get_json()["detail"]
    assert client.post("/v1/clean/batch", json={"articles": [{"text": PASAR}] * 3}).status_code == 200


def test_more_articles_than_the_limit_ends_an_ndjson_stream_with_an_error_line():
    client = create_app(Config(max_batch_items=3)).test_client()
    body = "".join(json.dumps({"id": str(i), "text": PASAR}) + "\n" for i in range(5)).encode()
    r = client.post("/v1/clean/batch", data=body, content_type=NDJSON)
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert [x["id"] for x in results] == ["0", "1", "2", None]
    assert results[-1]["line"] == 4 and results[-1]["error"]["status"] == 413
    assert results[-1]["error"]["type"].endswith("/too-many-articles")


def test_a_body_over_the_batch_limit_is_413():
    client = create_app(Config(max_body_bytes=1000, max_batch_bytes=2000)).test_client()
    big = [{"text": PASAR}, {"text": BANJIR}] * 3  # each under the article limit, together over 2000 bytes
    r = client.post("/v1/clean/batch", json={"articles": big})
    assert r.status_code == 413 and r.mimetype == PROBLEM and "2000 bytes" in r.get_json()["detail"]
    ndjson = "".join(json.dumps(a) + "\n" for a in big).encode()
    r = client.post("/v1/clean/batch", data=ndjson, content_type=NDJSON)
    assert r.status_code == 413 and r.mimetype == PROBLEM


@pytest.mark.parametrize(("data", "content_type", "status", "slug"), [
    (b"{\"articles\": [", "application/json", 400, "malformed-json"),
    (b"\xff\xfe", "application/json", 400, "invalid-utf8"),
    (b"{\"items\": []}", "application/json", 422, "invalid-batch"),
    (b"{\"articles\": {\"text\": \"x\"}}", "application/json", 422, "invalid-batch"),
    (b"[{\"text\": \"x\"}]", "application/json", 422, "invalid-batch"),
    (b"teks biasa", "text/plain", 415, "unsupported-media-type"),
    (b"teks biasa", None, 415, "unsupported-media-type"),
])
def test_request_errors_are_problems(client, data, content_type, status, slug):
    r = client.post("/v1/clean/batch", data=data, content_type=content_type)
    assert r.status_code == status and r.mimetype == PROBLEM
    assert r.get_json()["type"].endswith("/" + slug)


def test_an_empty_batch_is_an_empty_answer(client):
    assert client.post("/v1/clean/batch", json={"articles": []}).get_json() == {"results": []}
    assert client.post("/v1/clean/batch", data=b"\n\n", content_type=NDJSON).get_data() == b""


def test_no_model_is_503_before_any_streaming(tmp_path):
    client = create_app(Config(model_dir=tmp_path)).test_client()
    r = client.post("/v1/clean/batch", data=b"{\"text\": \"x\"}\n", content_type=NDJSON)
    assert r.status_code == 503 and r.mimetype == PROBLEM


def test_an_overlong_ndjson_line_is_skipped_unparsed_and_the_next_is_cleaned():
    client = create_app(Config(max_body_bytes=500)).test_client()  # lines over 6 x 500 bytes are not parsed
    body = (json.dumps({"id": "panjang", "text": PASAR * 10}) + "\n" + json.dumps({"id": "ok", "text": PASAR}) + "\n")
    r = client.post("/v1/clean/batch", data=body.encode(), content_type=NDJSON)
    first, second = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert first["id"] is None and first["line"] == 1 and first["error"]["type"].endswith("/article-too-large")
    assert second["id"] == "ok" and second["body"]


def _no_took(item: dict) -> dict:
    return {k: v for k, v in item.items() if k != "took_ms"}


def many_articles(n: int) -> list[object]:
    """More articles than one chunk holds, bad ones among them (also right at chunk boundaries)."""
    out: list[object] = []
    for i in range(n):
        if i in (31, 32, 63, 64) or i % 11 == 7:
            out.append(BAD[i % len(BAD)][0])
        else:
            out.append({"id": f"n{i}", "text": PASAR if i % 2 else BANJIR})
    return out


def test_json_batch_across_chunks_keeps_order_and_equals_single_cleaning(client):
    arts = many_articles(140)  # three chunks of 64, the last short
    results = client.post("/v1/clean/batch", json={"articles": arts}).get_json()["results"]
    assert len(results) == 140
    assert [r["id"] for r in results] == [a.get("id") if isinstance(a, dict) else None for a in arts]
    for a, r in zip(arts, results):
        if isinstance(a, dict) and a.get("text") in (PASAR, BANJIR):
            assert _no_took(r) == _no_took(client.post("/v1/clean", json=a).get_json())
        else:
            assert r["error"]["status"] == 422


def test_ndjson_across_chunks_keeps_order_with_a_malformed_line_inside_a_chunk(client):
    arts = many_articles(75)
    lines = [json.dumps(a, ensure_ascii=False) for a in arts]
    lines[10] = "{\"id\": \"rusak\", \"text\": "  # malformed, in the middle of the first chunk
    lines[33] = "[1, 2"  # and in the second
    r = client.post("/v1/clean/batch", data=("\n".join(lines) + "\n").encode(), content_type=NDJSON)
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    json_results = client.post("/v1/clean/batch", json={"articles": arts}).get_json()["results"]
    assert len(results) == 75
    for k, (got, want) in enumerate(zip(results, json_results)):
        if k in (10, 33):
            assert got["id"] is None and got["line"] == k + 1 and got["error"]["type"].endswith("/malformed-json")
            continue
        if "error" in got:
            assert got.pop("line") == k + 1
        assert _no_took(got) == _no_took(want)


def test_ndjson_item_limit_inside_a_chunk_answers_every_line_before_it():
    client = create_app(Config(max_batch_items=40)).test_client()
    body = "".join(json.dumps({"id": str(i), "text": PASAR}) + "\n" for i in range(45)).encode()
    results = [json.loads(line) for line in client.post("/v1/clean/batch", data=body, content_type=NDJSON)
               .get_data(as_text=True).splitlines()]
    assert [x["id"] for x in results] == [str(i) for i in range(40)] + [None]
    assert all(x["body"] for x in results[:40])
    assert results[-1]["line"] == 41 and results[-1]["error"]["type"].endswith("/too-many-articles")


def test_ndjson_byte_limit_inside_a_chunk_answers_every_line_before_it():
    line = json.dumps({"text": PASAR}) + "\n"
    limit = len(line) * 5 + 10  # the sixth line crosses it
    client = create_app(Config(max_body_bytes=1000, max_batch_bytes=limit)).test_client()
    # sent without a length, as a chunked body is, so that the limit is only found while streaming
    r = client.post("/v1/clean/batch", input_stream=io.BytesIO(line.encode() * 8), content_type=NDJSON,
                    environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""})
    results = [json.loads(x) for x in r.get_data(as_text=True).splitlines()]
    assert r.status_code == 200 and len(results) == 6
    assert all(x["body"] for x in results[:5])
    assert results[-1]["line"] == 6 and results[-1]["error"]["type"].endswith("/payload-too-large")
