"""The command line: `clean` to JSON or body only, and a resumable parallel `batch` over JSONL."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli import errors_path, main
from service.records import read_line

ROOT = Path(__file__).resolve().parent.parent
KOTA = ["Surabaya", "Medan", "Makassar", "Padang", "Pontianak", "Kupang"]
TOPIK = [
    ("Pemkot {kota} Tambah 20 Bus Listrik untuk Rute Sekolah",
     "{KOTA} - Pemerintah kota menambah dua puluh bus listrik untuk melayani rute menuju sekolah mulai bulan depan.",
     "Kepala dinas perhubungan mengatakan tarif bus tetap gratis bagi pelajar yang menunjukkan kartu siswa."),
    ("Stok Beras di Gudang Bulog {kota} Aman Hingga Lebaran",
     "{KOTA} - Perum Bulog memastikan stok beras di gudang wilayah itu cukup untuk kebutuhan empat bulan ke depan.",
     "Operasi pasar akan digelar di sejumlah kecamatan bila harga beras medium terus naik."),
    ("Ribuan Pelari Ikuti Lomba Maraton di {kota} Akhir Pekan Ini",
     "{KOTA} - Sekitar empat ribu pelari dari berbagai daerah mengikuti lomba maraton yang dimulai dari balai kota.",
     "Panitia menutup sebagian ruas jalan protokol sejak subuh hingga pukul sepuluh pagi."),
]


def article(i: int) -> str:
    """An invented news article in the usual shape: headline, date, dateline paragraph, junk, second paragraph."""
    kota = KOTA[i % len(KOTA)]
    judul, satu, dua = TOPIK[i % len(TOPIK)]
    return "\n".join([judul.format(kota=kota), f"Senin, {1 + i % 28} Juli 2025 10:{i % 60:02d} WIB",
                      satu.format(KOTA=kota.upper()), "Baca Juga: Promo Tiket Kereta Murah untuk Libur Sekolah",
                      dua, "ADVERTISEMENT", f"Editor: Rahmat Hidayat {i}"])


def records(n: int = 30) -> list[str]:
    """`n` JSONL lines: mostly good records (some with no id, one HTML), and failures of every kind among them."""
    lines = []
    for i in range(n):
        rec: dict[str, object] = {"id": f"a{i}", "text": article(i)}
        if i % 7 == 3:
            del rec["id"]  # gets its line number
        if i % 9 == 4:
            rec = {"id": f"a{i}", "html": "".join(f"<p>{line}</p>" for line in article(i).split("\n"))}
        if i % 10 == 5:
            rec = {"id": f"a{i}", "text": "  "}
        lines.append(json.dumps(rec, ensure_ascii=False))
    if n > 20:
        lines[12] = "{\"id\": \"terpotong\", \"text\": "  # not JSON: its line number is its id
        lines[20] = json.dumps({"id": ["bukan", "id"], "text": article(20)})
        lines.insert(17, "")  # blank lines are skipped but still numbered
    return lines


def write_input(path: Path, n: int = 30) -> tuple[Path, set[str]]:
    lines = records(n)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = set()
    for lineno, line in enumerate(lines, start=1):
        if not line:
            continue
        try:
            rec = json.loads(line)
            ids.add(str(rec["id"]) if isinstance(rec.get("id"), str) else str(lineno))
        except json.JSONDecodeError:
            ids.add(str(lineno))
    return path, ids


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_clean_prints_the_result_json(tmp_path, capsys, sample_text):
    src = tmp_path / "artikel.txt"
    src.write_text(sample_text, encoding="utf-8")
    assert main(["clean", str(src), "--id", "depok-1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["id"] == "depok-1" and len(result["paragraphs"]) == 11
    assert result["metadata"]["published_at"] == "2025-03-12T14:30:00+07:00"
    assert main(["clean", str(src), "--body"]) == 0
    assert capsys.readouterr().out == result["body"] + "\n"


def test_clean_reads_html_from_stdin():
    html = "".join(f"<p>{line}</p>" for line in article(2).split("\n"))
    run = subprocess.run([sys.executable, "-m", "service", "clean", "-", "--html"], input=html.encode(),
                         capture_output=True, cwd=ROOT, check=True)
    result = json.loads(run.stdout)
    assert result["lines"][3].startswith("Baca Juga") and "Panitia menutup" in result["body"]


def test_clean_reports_a_problem_on_stderr(tmp_path, capsys):
    empty = tmp_path / "kosong.txt"
    empty.write_text("   \n", encoding="utf-8")
    assert main(["clean", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and json.loads(captured.err)["type"].endswith("/empty-text")


def test_errors_file_sits_beside_the_output():
    assert errors_path(Path("out/hasil.jsonl")) == Path("out/hasil.errors.jsonl")
    assert errors_path(Path("hasil.json")) == Path("hasil.json.errors.jsonl")


def test_batch_writes_every_record_to_exactly_one_file(tmp_path):
    src, ids = write_input(tmp_path / "masuk.jsonl")
    out = tmp_path / "hasil.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "2", "-q"]) == 0
    results, errors = read_jsonl(out), read_jsonl(tmp_path / "hasil.errors.jsonl")
    result_ids, error_ids = [r["id"] for r in results], [e["id"] for e in errors]
    assert len(result_ids) + len(error_ids) == len(ids) == 30
    assert set(result_ids) | set(error_ids) == ids and not set(result_ids) & set(error_ids)
    assert all(r["body"] and "ADVERTISEMENT" not in r["body"] for r in results)
    assert "4" in result_ids  # the record without an id on line 4
    by_id = {e["id"]: e["error"] for e in errors}
    assert by_id["13"]["type"].endswith("/malformed-json")  # the cut-short line 13
    assert by_id["22"]["type"].endswith("/invalid-article")  # a list for an id: its line number instead
    assert by_id["a5"]["type"].endswith("/empty-text")
    # written in input order
    assert result_ids[:4] == ["a0", "a1", "a2", "4"]


def test_a_rerun_completes_a_cut_output_without_duplicates(tmp_path):
    src, ids = write_input(tmp_path / "masuk.jsonl")
    out = tmp_path / "hasil.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", "2", "-q"]) == 0
    full = out.read_text(encoding="utf-8")
    lines = full.splitlines(keepends=True)
    # a kill mid-run: the last eight answers never written, the one before them torn in half
    out.write_text("".join(lines[:-9]) + lines[-9][: len(lines[-9]) // 2], encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out), "--workers", "2", "-q"]) == 0
    again = read_jsonl(out)
    assert [r["id"] for r in again] == [json.loads(line)["id"] for line in lines]
    assert len(again) + len(read_jsonl(errors_path(out))) == len(ids)
    # and a third run has nothing left to do
    assert main(["batch", str(src), "-o", str(out), "--errors", str(errors_path(out)), "-q"]) == 0
    assert len(read_jsonl(out)) == len(lines)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_answers_are_what_the_api_answers(tmp_path, client, workers):
    src, _ = write_input(tmp_path / "masuk.jsonl", n=8)
    out = tmp_path / "hasil.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", workers, "-q"]) == 0
    parsed = [read_line(line, n) for n, line in enumerate(records(8), start=1)]
    by_key = {item.key: item.record for item in parsed if item is not None}
    for result in read_jsonl(out):
        api = client.post("/v1/clean", json=by_key[result["id"]]).get_json()
        result.pop("took_ms"), api.pop("took_ms")
        assert result == api


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_keeps_input_order_across_chunks(tmp_path, workers):
    from classifiers import Cleaner, Options
    from service.records import clean_line_record

    src, ids = write_input(tmp_path / "masuk.jsonl", n=75)  # more than two chunks of 32, failures among them
    out = tmp_path / "hasil.jsonl"
    assert main(["batch", str(src), "-o", str(out), "--workers", workers, "-q"]) == 0
    parsed = [item for n, line in enumerate(records(75), start=1) if (item := read_line(line, n)) is not None]
    cleaner = Cleaner.load()
    expected = [clean_line_record(cleaner, Options(), item, max_bytes=1_000_000) for item in parsed]
    for name, want in ((out, [e for e in expected if "error" not in e]),
                       (errors_path(out), [e for e in expected if "error" in e])):
        got = read_jsonl(name)
        assert [{k: v for k, v in g.items() if k != "took_ms"} for g in got] == \
            [{k: v for k, v in w.items() if k != "took_ms"} for w in want]
    assert len(expected) == len(ids)
