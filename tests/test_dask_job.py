"""The Dask job on a small in-process LocalCluster writes what the CLI's `batch` writes for the same records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.cli import main as cli_main
from service.config import Config
from service.dask_job import main as job_main
from service.dask_job import run

distributed = pytest.importorskip("distributed")

def _lines(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        item.pop("took_ms", None)  # the one field that varies from run to run
        out.append(item)
    return out


def _parts(out_dir: Path, errors: bool) -> list[dict]:
    pattern = "part-*.errors.jsonl" if errors else "part-*.jsonl"
    paths = sorted(p for p in out_dir.glob(pattern) if errors or not p.name.endswith(".errors.jsonl"))
    return [item for p in paths for item in _lines(p)]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as c:
        yield c


def test_dask_output_equals_the_cli_output(tmp_path, client):
    from test_cli import records

    data = tmp_path / "in"
    data.mkdir()
    lines = records(30)
    (data / "a.jsonl").write_text("\n".join(lines[:16]) + "\n", encoding="utf-8")
    (data / "b.jsonl").write_text("\n".join(lines[16:]) + "\n", encoding="utf-8")
    counts = run(str(data / "*.jsonl"), tmp_path / "dask", config=Config(), client=client)

    expected: list[dict] = []
    expected_errors: list[dict] = []
    for name in ("a", "b"):
        out = tmp_path / f"cli-{name}.jsonl"
        assert cli_main(["batch", str(data / f"{name}.jsonl"), "-o", str(out), "--workers", "2", "-q"]) == 0
        expected += _lines(out)
        expected_errors += _lines(tmp_path / f"cli-{name}.errors.jsonl")

    assert _parts(tmp_path / "dask", errors=False) == expected
    assert _parts(tmp_path / "dask", errors=True) == expected_errors
    assert counts == {"cleaned": len(expected), "failed": len(expected_errors)}
    assert sorted(p.name for p in (tmp_path / "dask").iterdir()) == [
        "part-00000.errors.jsonl", "part-00000.jsonl", "part-00001.errors.jsonl", "part-00001.jsonl"]


def test_the_entry_point_refuses_to_mix_with_old_parts(tmp_path, client):
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "x", "text": "   "}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00007.jsonl").write_text("{}\n", encoding="utf-8")
    assert job_main([str(tmp_path / "in.jsonl"), "-o", str(out), "--scheduler", client.scheduler.address]) == 2
    assert job_main([str(tmp_path / "in.jsonl"), "-o", str(out), "--scheduler", client.scheduler.address,
                     "--overwrite"]) == 0
    assert not (out / "part-00007.jsonl").exists()
    assert _parts(out, errors=False) == []
    assert [e["id"] for e in _parts(out, errors=True)] == ["x"]


def test_small_chunks_inside_a_partition_change_nothing(tmp_path, client, monkeypatch):
    """Partitions cleaned in chunks of 4 (boundaries fall among failures) write what chunks of 64 do."""
    from test_cli import records

    from service import dask_job

    (tmp_path / "a.jsonl").write_text("\n".join(records(30)) + "\n", encoding="utf-8")
    run(str(tmp_path / "a.jsonl"), tmp_path / "big", config=Config(), client=client)
    monkeypatch.setattr(dask_job, "CHUNK", 4)
    run(str(tmp_path / "a.jsonl"), tmp_path / "small", config=Config(), client=client)
    for errors in (False, True):
        assert _parts(tmp_path / "small", errors) == _parts(tmp_path / "big", errors)
    assert len(_parts(tmp_path / "small", False)) > 10
