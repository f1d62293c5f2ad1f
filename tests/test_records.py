"""`clean_records`: many records, one model pass, answers in input order exactly as one `clean_record` each."""
from __future__ import annotations

from typing import Any

from test_batch import BAD, BANJIR, HTML, PASAR

from classifiers import Cleaner, Options
from service.records import clean_record, clean_records


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return {k: v for k, v in a.items() if k != "took_ms"} == {k: v for k, v in b.items() if k != "took_ms"}


def mixed(n: int) -> list[Any]:
    """`n` records: good text and HTML articles with the bad ones of test_batch scattered among them."""
    out: list[Any] = []
    for i in range(n):
        if i % 6 == 5:
            out.append(BAD[i % len(BAD)][0])
        elif i % 6 == 2:
            out.append({"id": f"h{i}", "html": HTML})
        else:
            out.append({"id": i, "text": PASAR if i % 2 else BANJIR, **({"title": f"Judul {i}"} if i % 4 == 0 else {})})
    return out


def test_clean_records_equals_clean_record_one_by_one(cleaner):
    records = mixed(20)
    records[7] = {"id": "besar", "text": BANJIR + "\n" + PASAR}  # over max_bytes
    batched = clean_records(cleaner, Options(), records, max_bytes=600)
    single = [clean_record(cleaner, Options(), r, max_bytes=600) for r in records]
    assert len(batched) == len(single) == 20
    assert all(_same(a, b) for a, b in zip(batched, single))
    assert any("error" in a for a in batched) and any("body" in a for a in batched)
    assert any(a.get("error", {}).get("status") == 413 for a in batched)  # over max_bytes, in place


def test_a_failure_of_the_core_sinks_only_its_article(cleaner, monkeypatch):
    original = Cleaner.clean_many

    def fragile(self: Cleaner, texts: list[str], *args: Any, **kwargs: Any) -> Any:
        if any("meledak" in t for t in texts):
            raise RuntimeError("boom")
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(Cleaner, "clean_many", fragile)
    records = [{"id": "a", "text": PASAR}, {"id": "b", "text": PASAR + "\nmeledak"}, {"id": "c", "text": BANJIR}]
    answers = clean_records(cleaner, Options(), records)
    assert [a["id"] for a in answers] == ["a", "b", "c"]
    assert answers[0]["body"] and answers[2]["body"]
    assert answers[1]["error"]["status"] == 500 and answers[1]["error"]["type"].endswith("/internal-error")


def test_no_records_is_no_answers(cleaner):
    assert clean_records(cleaner, Options(), []) == []
