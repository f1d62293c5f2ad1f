import pytest

from classifiers.metadata import (
    extract_dateline,
    extract_editor,
    extract_image,
    extract_published,
    extract_sources,
    extract_tags,
    extract_title,
    parse_date,
)


@pytest.mark.parametrize(("text", "iso"), [
    ("15 Agustus 2023, 10:00 WIB", "2023-08-15T10:00:00+07:00"),
    ("Tayang: Senin, 9 Juni 2025 19:16 WIB", "2025-06-09T19:16:00+07:00"),
    ("Rabu, 28 Mei 2025-  08:02 WIB", "2025-05-28T08:02:00+07:00"),
    ("14 Mei 2025 | 13.00 WIB", "2025-05-14T13:00:00+07:00"),
    ("Kompas.com - 14/03/2025, 09:12 WIB", "2025-03-14T09:12:00+07:00"),
    ("Kamis, 03 Apr 2025 15:45 WITA", "2025-04-03T15:45:00+08:00"),
    ("Diperbarui 12 Feb 2025, 07:30 WIT", "2025-02-12T07:30:00+09:00"),
    ("Selasa, 1 Juli 2025", "2025-07-01T00:00:00+07:00"),
    ("June 9, 2025 7:16 PM", "2025-06-09T19:16:00+07:00"),
    ("Published: Jan 3, 2025 12:05 am WITA", "2025-01-03T00:05:00+08:00"),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_parse_date_none_without_a_date():
    assert parse_date("Harga cabai naik 30 persen") is None
    assert parse_date("31 Februari 2025") is None


@pytest.mark.parametrize(("para", "dateline"), [
    ("PR DEPOK – Wali kota meresmikan jembatan.", "PR DEPOK"),
    ("JAKARTA, KOMPAS.com - Ratusan warga berkumpul.", "JAKARTA, KOMPAS.com"),
    ("Liputan6.com, Jakarta - Polisi menangkap pelaku.", "Liputan6.com, Jakarta"),
    ("Jakarta (ANTARA) - Pemerintah menetapkan.", "Jakarta (ANTARA)"),
    ("Jakarta, CNN Indonesia -- Bursa dibuka menguat.", "Jakarta, CNN Indonesia"),
    ("Ia menegaskan - sekali lagi - sikapnya.", None),
])
def test_extract_dateline(para, dateline):
    assert extract_dateline([para]) == dateline


def test_staff_lines():
    lines = ["Penulis: Rudi Hartono | Editor: Sari Wulandari", "Sumber: Antara, Reuters"]
    labels = ["byline", "byline"]
    assert extract_editor(lines, labels) == "Sari Wulandari"
    assert extract_sources(lines, labels) == ["Antara", "Reuters"]


@pytest.mark.parametrize("separator", ["•", "·", "|"])
def test_staff_names_stop_at_a_bullet_or_a_bar(separator):
    from classifiers.metadata import extract_authors

    lines = [f"Reporter: Fikri Ananda  {separator}  Editor: Lestari Wulandari"]
    assert extract_authors(lines, ["byline"]) == ["Fikri Ananda"]
    assert extract_editor(lines, ["byline"]) == "Lestari Wulandari"


def test_staff_words_in_body_lines_are_not_metadata():
    assert extract_editor(["Editor: Sari Wulandari"], ["body"]) is None


def test_caption_and_credit():
    lines = ["Warga melintas di jembatan baru. /Rina Oktaviani/Dok. Humas"]
    assert extract_image(lines, ["caption"]) == ("Warga melintas di jembatan baru.", "Rina Oktaviani/Dok. Humas")
    assert extract_image(["Suasana pasar. (ANTARA FOTO/Budi Raharjo)"], ["caption"]) == (
        "Suasana pasar.", "ANTARA FOTO/Budi Raharjo")


def test_published_prefers_date_lines():
    lines = ["Judul Berita Hari Ini", "Senin, 2 Juni 2025 08:00 WIB", "Isi berita 3 Juni 2025."]
    assert extract_published(lines, ["title", "date", "body"])[0] == "2025-06-02T08:00:00+07:00"


def test_tags_after_a_bare_tags_line():
    lines = ["Tags", "banjir", "depok", "Terkini"]
    assert extract_tags(lines, ["boilerplate"] * 4) == ["banjir", "depok"]


@pytest.mark.parametrize(("line", "title"), [
    ("Jalan Rusak Jatiasih Mulai Diperbaiki - Kabarkota.com", "Jalan Rusak Jatiasih Mulai Diperbaiki"),
    ("Jalan Rusak Jatiasih Mulai Diperbaiki | WartaBekasi.co.id", "Jalan Rusak Jatiasih Mulai Diperbaiki"),
    ("Persib - Persija Imbang di Bandung", "Persib - Persija Imbang di Bandung"),
    ("Warga Kota - Sebuah Catatan", "Warga Kota - Sebuah Catatan"),
])
def test_a_title_loses_a_site_name_after_it_and_keeps_its_own_dashes(line, title):
    assert extract_title(["Pengantar", line, "Isi berita."], ["boilerplate", "title", "body"]) == title
    assert extract_title([line], ["title"], given="  Judul   dari CMS ") == "Judul dari CMS"
