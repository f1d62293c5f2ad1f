"""The core's contract, on our own articles: nothing lost, junk out, metadata right."""
from __future__ import annotations

import random

import numpy as np
import pytest

from classifiers import Options
from classifiers.corpus import load_corpus
from classifiers.labels import BODY
from classifiers.variants import flattened


def assert_nothing_lost(text: str, result) -> None:
    """Every non-blank input line is kept (less its removed pieces) or removed whole, and nothing else."""
    lines = text.split("\n")
    whole = {r.line for r in result.removed if r.start is None}
    paragraphs = list(result.paragraphs)
    for i, line in enumerate(lines):
        if not line.strip():
            assert i not in whole
            continue
        if i in whole:
            assert i not in {r.line for r in result.removed if r.start is not None}
            continue
        cuts = sorted((r.start, r.end) for r in result.removed if r.line == i and r.start is not None)
        kept, pos = [], 0
        for start, end in cuts:
            kept.append(line[pos:start].strip())
            pos = end
        kept.append(line[pos:].strip())
        expected = " ".join(k for k in kept if k)
        if expected:
            assert paragraphs.pop(0) == expected, f"line {i} not kept verbatim"
    assert paragraphs == [], "the body holds text that is not from the input"


def test_sample_article(cleaner, sample_text):
    result = cleaner.clean(sample_text)
    assert_nothing_lost(sample_text, result)
    assert len(result.paragraphs) == 11
    assert "Baca Juga" not in result.body
    assert "Editor" not in result.body and "Terpopuler" not in result.body
    assert not any("/Rina Oktaviani/" in p for p in result.paragraphs)
    m = result.metadata
    assert m.title.startswith("Wali Kota Depok Resmikan Jembatan Gantung")
    assert m.published_at == "2025-03-12T14:30:00+07:00"
    assert m.editor == "Bagus Pranoto"
    assert m.sources == ["Humas Pemkot Depok"]
    assert m.dateline == "PR DEPOK"
    assert m.language == "id"
    assert m.image_credit == "Rina Oktaviani/Dok. Humas Pemkot"
    assert len(result.related_links) == 3
    assert all(not link.related and link.relatedness < 0.2 for link in result.related_links)


def test_removed_items_carry_label_and_score(cleaner, sample_text):
    result = cleaner.clean(sample_text)
    labels = {r.label for r in result.removed}
    assert {"title", "date", "related", "byline", "boilerplate"} <= labels
    assert all(0.0 <= r.score <= 1.0 for r in result.removed)


def test_title_from_the_caller_wins(cleaner, sample_text):
    result = cleaner.clean(sample_text, Options(title="  Judul   dari CMS "))
    assert result.metadata.title == "Judul dari CMS"


def test_junk_inside_a_flat_line_is_cut_and_the_rest_kept(cleaner):
    text = ("Banjir merendam ratusan rumah di Kecamatan Cipayung sejak Selasa malam. Baca juga: 5 Zodiak Paling "
            "Beruntung Bulan Ini Menurut petugas, ketinggian air mencapai satu meter di beberapa titik. "
            "Warga mengungsi ke masjid terdekat dan balai warga. (rhm/ads)")
    result = cleaner.clean(text)
    assert_nothing_lost(text, result)
    cut = [r.text for r in result.removed]
    assert "Baca juga: 5 Zodiak Paling Beruntung Bulan Ini" in cut
    assert "(rhm/ads)" in cut
    assert "Menurut petugas, ketinggian air" in result.body


def test_an_article_with_no_junk_keeps_every_line(cleaner):
    text = ("Pemerintah kabupaten membuka pendaftaran beasiswa bagi mahasiswa dari keluarga petani.\n\n"
            "Pendaftaran dibuka hingga akhir bulan dan dapat dilakukan di kantor kecamatan masing-masing.\n\n"
            "Syarat Pendaftaran\n\n"
            "1. Fotokopi kartu keluarga\n\n"
            "2. Surat keterangan dari kepala desa\n\n"
            "\"Kami ingin anak petani bisa kuliah tanpa beban biaya,\" kata kepala dinas pendidikan.")
    result = cleaner.clean(text)
    assert result.removed == []
    assert len(result.paragraphs) == 6


@pytest.mark.parametrize("flat", [False, True], ids=["lines", "flat"])
def test_nothing_is_lost_on_any_corpus_article(cleaner, flat):
    for art in load_corpus():
        if flat and sum(lab == BODY for lab in art.labels) >= 3:
            art = flattened(art, random.Random(art.id))
        result = cleaner.clean(art.text)
        assert_nothing_lost(art.text, result)


def test_a_headline_above_a_dateline_paragraph_is_the_title(cleaner):
    text = ("Pemkab Garut Bangun Tiga Jembatan Baru di Wilayah Selatan\n"
            "GARUT - Pemerintah Kabupaten Garut mulai membangun tiga jembatan baru di wilayah selatan pekan ini.\n"
            "Pembangunan ditargetkan selesai sebelum musim hujan tiba, kata kepala dinas.")
    result = cleaner.clean(text)
    assert result.metadata.title == "Pemkab Garut Bangun Tiga Jembatan Baru di Wilayah Selatan"
    assert [(r.line, r.label) for r in result.removed] == [(0, "title")]
    assert len(result.paragraphs) == 2


def test_a_headline_above_a_dateline_taken_for_a_caption_is_relabelled_the_title():
    from classifiers.cleaner import Decision, _headline_before_dateline
    from classifiers.features import prepare

    prepared = prepare(["Jalan Lingkar Selatan Cianjur Mulai Diperbaiki Pekan Depan",
                        "CIANJUR - Dinas PUPR mulai memperbaiki jalan lingkar selatan pekan depan, kata kepala dinas."])
    as_caption = [Decision("caption", 0.93, True), Decision(BODY, 0.01, False)]
    assert _headline_before_dateline(prepared, as_caption)[0] == Decision("title", 0.93, True)
    kept = [Decision(BODY, 0.4, False), Decision(BODY, 0.01, False)]
    assert _headline_before_dateline(prepared, kept)[0] == Decision("title", 0.5, True)
    # below a removed line nothing is read as the dateline paragraph
    second_gone = [Decision("caption", 0.93, True), Decision("promo", 0.95, True)]
    assert _headline_before_dateline(prepared, second_gone) == second_gone


PAGE_BODY = [
    "Pemerintah provinsi menetapkan status siaga banjir setelah hujan deras mengguyur wilayah itu selama tiga hari "
    "berturut-turut dan merendam ratusan rumah warga.",
    "Kepala BPBD mengatakan petugas telah dikerahkan ke sejumlah titik rawan untuk membantu evakuasi warga.",
]


@pytest.mark.parametrize("top", [
    ["Senin, 9 Juni 2025 19:16 WIB", "Banjir Rendam Ratusan Rumah, Pemprov Tetapkan Siaga"],
    ['Gubernur: "Kami Tidak Akan Biarkan Warga Kelaparan"', "Senin, 9 Juni 2025 19:16 WIB"],
    ["Senin, 9 Juni 2025 19:16 WIB", "Heboh! Video Warga Berenang di Jalan Raya Viral"],
])
def test_a_headline_next_to_the_date_line_is_the_title_in_either_order(cleaner, top):
    headline = next(line for line in top if "2025" not in line)
    result = cleaner.clean("\n".join(top + PAGE_BODY))
    assert result.metadata.title == headline
    assert result.metadata.published_at == "2025-06-09T19:16:00+07:00"
    assert result.paragraphs == PAGE_BODY


def test_only_a_headline_shaped_line_next_to_the_date_becomes_the_title():
    from classifiers.cleaner import Decision, _headline_next_to_date
    from classifiers.features import prepare

    prepared = prepare(["Senin, 9 Juni 2025 19:16 WIB", *PAGE_BODY])
    decisions = [Decision("date", 0.99, True), Decision(BODY, 0.2, False), Decision(BODY, 0.1, False)]
    # a paragraph under the date line is no headline: a headless page keeps it
    assert _headline_next_to_date(prepared, decisions) == decisions
    prepared = prepare(["Senin, 9 Juni 2025 19:16 WIB", "Banjir Rendam Ratusan Rumah", *PAGE_BODY])
    decisions = [Decision("date", 0.99, True), Decision("caption", 0.8, True), Decision(BODY, 0.2, False),
                 Decision(BODY, 0.1, False)]
    assert _headline_next_to_date(prepared, decisions)[1] == Decision("title", 0.8, True)
    # with a title already found, nothing changes
    titled = [Decision("title", 0.99, True), *decisions[1:]]
    assert _headline_next_to_date(prepared, titled) == titled
    # under a breadcrumb and two ticker lines the model kept, the headline above the date is still found
    top = ["Home / Market / Saham", "IHSG 7.236,58 ▲0,94%   LQ45 918,44 ▲1,21%", "USD/IDR 16.245 ▼0,18%",
           "IHSG Ditutup Menguat ke 7.236, Asing Borong Saham Bank Jumbo", "Diterbitkan 17-06-2025 | 16:18 WIB"]
    prepared = prepare([*top, *PAGE_BODY])
    decisions = [Decision("boilerplate", 0.96, True), Decision(BODY, 0.3, False), Decision(BODY, 0.2, False),
                 Decision(BODY, 0.4, False), Decision("date", 0.99, True), Decision(BODY, 0.1, False),
                 Decision(BODY, 0.1, False)]
    assert _headline_next_to_date(prepared, decisions)[3] == Decision("title", 0.5, True)


RECIPE = [
    "Resep Sayur Asem Betawi yang Segar untuk Makan Siang Keluarga",
    "Minggu, 8 Juni 2025 10:00 WIB",
    "Sayur asem menjadi salah satu menu rumahan yang paling sering dimasak keluarga di Jakarta. Rasanya yang asam, "
    "manis, dan sedikit pedas cocok disantap bersama ikan asin dan sambal terasi.",
    "Bahan-bahan:",
    "1 buah jagung manis, potong-potong",
    "5 butir bawang merah",
    "1 sdt garam",
    "2 sdm gula merah sisir",
    "Segenggam kacang panjang, potong 4 cm",
    "ADVERTISEMENT",
    "Baca Juga: Harga Cabai Rawit di Pasar Induk Kramat Jati Turun Lagi",
    "Rebus air hingga mendidih, lalu masukkan bumbu halus, asam jawa, jagung, dan kacang tanah, kemudian masak "
    "hingga semua sayuran matang.",
]


def test_the_items_of_an_announced_list_stay_and_the_junk_after_it_goes(cleaner):
    result = cleaner.clean("\n".join(RECIPE))
    for item in RECIPE[3:9]:
        assert item in result.paragraphs
    assert [(r.line, r.label) for r in result.removed] == [(0, "title"), (1, "date"), (9, "promo"), (10, "related")]


def test_a_list_run_ends_at_the_first_line_of_another_shape():
    from classifiers.cleaner import Decision, _lists_under_intros
    from classifiers.features import prepare

    lines = ["Berikut dokumen yang perlu disiapkan:", "Fotokopi KTP dan kartu keluarga", "Transkrip nilai terakhir",
             "Kredit Rumah Subsidi Kini Bisa Dicicil Mulai Rp 900 Ribu", "Pas foto ukuran 3x4 dua lembar"]
    prepared = prepare(lines)
    removed = [Decision(BODY, 0.1, False)] + [Decision("boilerplate", 0.95, True)] * 4
    kept = [d.remove for d in _lists_under_intros(prepared.items, removed, Options())]
    # the Title Case ad headline ends the run: it and what follows it are the model's call
    assert kept == [False, False, False, True, True]
    # an intro the model was sure of is not a list intro
    sure = [Decision("promo", 0.95, True)] + removed[1:]
    assert [d.remove for d in _lists_under_intros(prepared.items, sure, Options())] == [True] * 5
    # an event list's items are Title Case headlines in shape: under a kept intro they stay, up to a plain line
    events = ["Berikut rangkaian acara selama sepekan:", "Pawai Obor Budaya dari Balai Kota Menuju Alun-Alun",
              "Pentas Tari Topeng Kelana di Taman Budaya Pesisir", "Malam Penutupan dan Penyerahan Hadiah Pemenang",
              "Ikuti kami di Google News"]
    as_links = [Decision(BODY, 0.1, False)] + [Decision("related", 0.97, True)] * 4
    kept = [d.remove for d in _lists_under_intros(prepare(events).items, as_links, Options())]
    assert kept == [False, False, False, False, True]


def test_a_profile_box_is_kept_and_the_editor_line_after_it_removed(cleaner):
    # "Key: value" lines that are not furniture keys are the article's own: a profile box, not staff lines
    text = "\n".join([
        "Pakar Geodesi: Penurunan Tanah di Pesisir Demak Capai 10 Sentimeter per Tahun",
        "Kamis, 12 Juni 2025 14:30 WIB",
        "DEMAK - Penurunan muka tanah di pesisir Demak terus berlangsung dan kini mencapai sepuluh sentimeter per "
        "tahun di beberapa desa, menurut pengukuran tim peneliti sebuah universitas di Semarang.",
        "Tim memasang belasan titik pantau GPS sejak 2019 dan membandingkannya dengan citra satelit untuk memetakan "
        "wilayah yang paling cepat turun.",
        "Profil Singkat",
        "Nama: Harjanto Wirasena",
        "Pendidikan: Doktor Geodesi, sebuah universitas di Belanda",
        "Jabatan: Ketua Kelompok Riset Deformasi Kerak Bumi",
        "Ia meminta pemerintah daerah membatasi izin sumur bor baru dan mempercepat penyediaan air perpipaan bagi "
        "warga pesisir.",
        "Editor: Rina Melati",
    ])
    result = cleaner.clean(text)
    assert [(r.line, r.label) for r in result.removed] == [(0, "title"), (1, "date"), (9, "byline")]
    assert "Pendidikan: Doktor Geodesi, sebuah universitas di Belanda" in result.paragraphs


def test_the_fast_path_gives_the_pipelines_probabilities(cleaner):
    from classifiers.dataset import rows

    X, _y = rows(load_corpus()[:20])
    assert np.allclose(cleaner.predict_proba(X), cleaner.pipeline.predict_proba(X))


def test_clean_many_with_per_article_options_equals_clean_one_by_one(cleaner):
    """One model pass over many articles changes only the speed: each result is what `clean` gives it alone."""
    arts = load_corpus()[:30]
    options = [Options(id=f"art-{k}", title=f"Judul {k}" if k % 3 == 0 else None,
                       line_threshold=0.6 if k % 5 == 0 else Options().line_threshold) for k in range(len(arts))]
    # a mix of articles given as text and as lines (what HTML input becomes)
    lines = [art.text.split("\n") if k % 4 == 1 else None for k, art in enumerate(arts)]
    many = cleaner.clean_many([a.text for a in arts], options, lines=lines)
    one = [cleaner.clean(a.text, o, lines=ln) for a, o, ln in zip(arts, options, lines)]
    for m, o in zip(many, one):
        m.took_ms = o.took_ms = 0.0
    assert many == one
    assert [r.id for r in many] == [o.id for o in options]
    assert many[0].metadata.title == "Judul 0"


def test_clean_many_refuses_options_or_lines_of_the_wrong_length(cleaner):
    with pytest.raises(ValueError, match="options"):
        cleaner.clean_many(["a", "b"], [Options()])
    with pytest.raises(ValueError, match="lines"):
        cleaner.clean_many(["a", "b"], lines=[["a"]])


def test_a_sentence_begun_in_certain_junk_takes_its_continuations_with_it():
    from classifiers.cleaner import Decision, _continuations_of_junk
    from classifiers.features import build_items

    lines = ["Petugas membagikan masker kepada warga di sekitar lokasi kebakaran pada Senin siang.",
             "Pantau informasi layanan kesehatan terbaru lewat Instagram @dinkes.kota",
             "dan kanal YouTube Kota Sehat",
             "setiap Jumat pukul 19.00 WIB.",
             "Paragraf berikutnya kembali ke berita utama tentang kebakaran itu."]
    _index, items, _terms = build_items(lines)
    options = Options()

    def decisions(head: float, second: float, third: float, label: str = "promo") -> list[Decision]:
        return [Decision(BODY, 0.01, False), Decision(label, head, True), Decision(BODY, second, False),
                Decision(BODY, third, False), Decision(BODY, 0.02, False)]

    out = _continuations_of_junk(items, decisions(0.95, 0.75, 0.72), options)
    assert [(d.label, d.remove) for d in out] == [
        (BODY, False), ("promo", True), ("promo", True), ("promo", True), (BODY, False)]
    assert out[2].score == 0.75  # each line keeps its own score
    # a head the model is less sure of, or a continuation it sees no junk in, leaves the guard in place ...
    assert not _continuations_of_junk(items, decisions(0.8, 0.75, 0.72, "boilerplate"), options)[2].remove
    assert not _continuations_of_junk(items, decisions(0.95, 0.4, 0.72, "related"), options)[2].remove
    # ... unless the head is an invitation ("Pantau ..." removed as promo): that is certainty enough, and a
    # lowercase line finishing a promo line's sentence goes whatever its own score (`_invitation_runs_on`)
    assert _continuations_of_junk(items, decisions(0.8, 0.75, 0.72), options)[2].remove
    assert _continuations_of_junk(items, decisions(0.95, 0.4, 0.72), options)[2].remove


def test_a_short_question_before_a_certain_invitation_is_its_first_line():
    from classifiers.cleaner import Decision, _questions_before_invitations
    from classifiers.features import build_items

    lines = ["Harga cabai rawit di pasar induk naik menjadi Rp 90.000 per kilogram pada pekan ini.",
             "Mau tahu harga pangan terbaru sebelum berangkat ke pasar?",
             "Gabung grup Telegram Kabar Pasar dan bagikan harga di dekat rumahmu.",
             "Apakah pemkot akan menggelar operasi pasar?",
             "Kami sedang berkoordinasi dengan Bulog dan distributor."]
    _index, items, _terms = build_items(lines)

    def run(invitation: float, label: str = "promo") -> list[Decision]:
        given = [Decision(BODY, 0.01, False), Decision(BODY, 0.3, False), Decision(label, invitation, True),
                 Decision(BODY, 0.2, False), Decision(BODY, 0.05, False)]
        return _questions_before_invitations(items, given, Options())

    out = run(0.97)
    assert [(d.label, d.remove) for d in out] == [
        (BODY, False), ("promo", True), ("promo", True), (BODY, False), (BODY, False)]
    assert out[1].score == 0.3  # the question keeps its own score
    # an interview question, followed by its answer, stays; so does a question before an uncertain invitation or
    # before junk that is not an invitation
    assert not run(0.8)[1].remove
    assert not run(0.97, "boilerplate")[1].remove


def test_plain_sentences_of_a_flat_paragraph_need_the_sentence_threshold(cleaner):
    from classifiers.segment import find_candidates

    text = ("Banjir merendam ratusan rumah di Kecamatan Cipayung sejak Selasa malam dan warga mulai mengungsi. "
            "Gabung saluran WhatsApp kami untuk kabar banjir terbaru setiap hari. "
            "Petugas mengevakuasi warga lanjut usia dengan perahu karet menuju masjid terdekat. "
            "Ketinggian air mencapai satu meter di beberapa titik hingga Rabu pagi. (rhm/ads)")
    plain = {text[p.start:p.end] for p in find_candidates(text) if not p.cue}
    assert len(plain) >= 3
    assert "(rhm/ads)" not in plain  # initials are found by a pattern, so the piece threshold applies
    strict = cleaner.clean(text, Options(sentence_threshold=1.01))
    assert_nothing_lost(text, strict)
    assert not {r.text for r in strict.removed} & plain
    assert "(rhm/ads)" in {r.text for r in strict.removed}



def test_a_plain_sentence_taken_for_a_caption_needs_the_heading_threshold():
    from classifiers.cleaner import Decision, _plain_captions
    from classifiers.features import prepare

    line = ("Banjir merendam ratusan rumah di Cipayung sejak Selasa malam dan warga mulai mengungsi ke masjid. "
            "Petugas memapah warga lanjut usia menuju perahu karet di ujung gang yang tergenang. Foto: Dok. BPBD "
            "Ketinggian air mencapai satu meter di beberapa titik hingga Rabu pagi, kata petugas di lapangan. "
            "Dinas Sosial membuka dapur umum di halaman kantor kecamatan sejak Rabu siang.")
    pieces = prepare([line]).pieces
    plain = next(k for k, row in enumerate(pieces) if not row[3].cue)
    cue = next(k for k, row in enumerate(pieces) if row[3].cue)
    unsure = [Decision("caption", 0.85, True)] * len(pieces)
    out = _plain_captions(pieces, unsure, Options())
    assert not out[plain].remove and out[cue].remove  # a credit found by a pattern keeps the piece threshold
    sure = [Decision("caption", 0.95, True)] * len(pieces)
    assert _plain_captions(pieces, sure, Options()) == sure
    promo = [Decision("promo", 0.85, True)] * len(pieces)
    assert _plain_captions(pieces, promo, Options()) == promo

def test_a_sub_heading_the_next_paragraph_takes_up_stays_whatever_the_model_says():
    from classifiers.cleaner import Decision, _subheadings_over_paragraphs
    from classifiers.features import build_items

    lines = ["Harga telur ayam ras di pasar tradisional Blitar naik dua pekan berturut-turut, kata pedagang.",
             "Baca Juga",
             "Harga Cabai Rawit di Pasar Induk Turun Lagi",
             "Patungan Beli Langsung ke Peternak",
             "Untuk menekan biaya, tujuh warung makan di pasar itu kini patungan membeli telur langsung dari "
             "peternak di Blitar setiap pekan.",
             "Sejumlah pedagang lain memilih mengurangi stok sampai harga kembali turun pada akhir bulan ini."]
    _index, items, _terms = build_items(lines)
    model = [Decision(BODY, 0.02, False), Decision("related", 0.99, True), Decision("related", 0.99, True),
             Decision("related", 0.96, True), Decision(BODY, 0.01, False), Decision(BODY, 0.03, False)]
    out = _subheadings_over_paragraphs(items, model)
    assert [d.remove for d in out] == [False, True, True, False, False, False]
    assert out[3].label == BODY and out[3].score == 0.96
    # a date or a byline over the dateline paragraph shares its words by nature: the model's call stands
    as_date = model[:3] + [Decision("date", 0.96, True)] + model[4:]
    assert _subheadings_over_paragraphs(items, as_date)[3].remove


def test_a_removed_line_shaped_like_the_kept_rows_around_it_goes_back_into_the_run():
    from classifiers.cleaner import Decision, _rows_of_kept_runs
    from classifiers.features import build_items

    lines = ["Perjalanan Karier", "2016-2018: Akademi Persiba Muda (40 penampilan)",
             "2018-2021: Persiba Muda (62 penampilan, 7 gol)", "2021-2025: Borneo Raya FC (98 penampilan, 15 gol)",
             "Baca juga: Pelatih Baru Persiba Muda Datang dari Jepang (Video)",
             "Bersama Borneo Raya, ia sempat membawa timnya juara Piala Nusantara 2022 dan finis sebagai runner-up."]
    _index, items, _terms = build_items(lines)
    keep, drop = Decision(BODY, 0.1, False), Decision("caption", 0.96, True)
    out = _rows_of_kept_runs(items, [keep, keep, keep, drop, Decision("related", 0.99, True), keep])
    assert [d.remove for d in out] == [False, False, False, False, True, False]
    # a lone row among removed lines is the model's call
    alone = _rows_of_kept_runs(items, [keep, drop, Decision("caption", 0.9, True), drop, keep, keep])
    assert [d.remove for d in alone] == [False, True, True, True, False, False]


def test_an_interview_question_and_its_answer_go_back_into_the_body():
    from classifiers.cleaner import Decision, _questions_and_answers
    from classifiers.features import build_items

    lines = ["Kata Pelatih Usai Laga",
             "Wartawan: Apakah Anda sempat khawatir setelah dua kali tertinggal?",
             "Hendrik: Khawatir pasti ada. Tapi saya lihat anak-anak masih punya tenaga, jadi kami terus menekan.",
             "Apakah ada bonus untuk pemain?",
             "Ada bonus Rp5 juta untuk setiap pemain yang tampil, dibayarkan pekan depan.",
             "Mau cuplikan golnya?",
             "Gabung kanal WhatsApp kami untuk video terbaru setiap pekan."]
    _index, items, _terms = build_items(lines)
    keep = Decision(BODY, 0.1, False)
    model = [keep, Decision("byline", 0.98, True), keep, keep, Decision("promo", 0.99, True),
             Decision("promo", 0.97, True), Decision("promo", 0.99, True)]
    out = _questions_and_answers(items, model)
    assert [d.remove for d in out] == [False, False, False, False, False, True, True]
    assert out[1].label == BODY and out[1].score == 0.98


def test_the_last_headline_of_a_link_list_goes_with_the_list_and_a_sub_heading_after_it_stays():
    from classifiers.cleaner import Decision, _link_runs
    from classifiers.features import build_items

    paragraph = ("Dina menyarankan pengguna aplikasi tersebut segera mengganti kata sandi dan mengaktifkan verifikasi "
                 "dua langkah di semua akun.")
    lines = ["Kebocoran data terjadi sejak pekan lalu dan baru diketahui setelah penjual data mengunggah sampelnya.",
             "Baca Juga:", "Harga HP Samsung Turun Jelang Lebaran, Cek Daftar Lengkapnya",
             "Polisi Bongkar Sindikat Judi Online Beromzet Rp 1 Triliun", paragraph]
    _index, items, _terms = build_items(lines)
    keep = Decision(BODY, 0.2, False)
    link = Decision("related", 0.99, True)
    out = _link_runs(items, [keep, link, link, keep, keep])
    assert [(d.label, d.remove) for d in out] == [
        (BODY, False), ("related", True), ("related", True), ("related", True), (BODY, False)]
    # a short sub-heading after the list is the article's
    lines[3] = "Apa yang Harus Dilakukan Pengguna?"
    _index, items, _terms = build_items(lines)
    assert not _link_runs(items, [keep, link, link, keep, keep])[3].remove


def test_a_line_or_sentence_that_quotes_corrects_or_closes_the_story_is_never_removed(cleaner):
    from classifiers.cleaner import NEVER, _line_threshold, _piece_threshold
    from classifiers.features import LineItem

    options = Options()
    for text in ("Ikuti terus perkembangan kasus ini, kata Kapolres kepada wartawan.",
                 '"Pantau terus kanal resmi kami di Instagram," ujarnya.',
                 "Hingga berita ini diturunkan, pihak perusahaan belum memberi tanggapan, tutur dia.",
                 # a note correcting the story is the article's own too (the labelling guide's rule)
                 "Catatan Redaksi: Artikel ini telah diperbarui untuk memperbaiki jumlah pengungsi.",
                 "Pada versi sebelumnya tertulis 1.800 jiwa, yang benar 1.080 jiwa.",
                 # and so is a closing wish in the writer's voice
                 "Semoga bermanfaat."):
        it = LineItem(text=text, prev="Paragraf sebelumnya.", next="Paragraf berikutnya.", index=3, count=8,
                      similarity=0.0)
        assert _line_threshold(it, options) == NEVER, text
        assert _piece_threshold(it, options) == NEVER, text
    # a plain sentence of a flat paragraph that reports someone stays, even with glued junk run into its start
    run_on = "Didukung oleh Bank Arunika Manajer Komunikasi, Citra Anggraeni, menegaskan tidak ada promo itu."
    sentence = LineItem(text=run_on, prev="", next="", index=3, count=8, similarity=0.0, is_piece=True, cue=False)
    assert _piece_threshold(sentence, options) == NEVER
    plain = LineItem(text="Ikuti kami di Google News.", prev="", next="", index=3, count=8, similarity=0.0)
    assert _line_threshold(plain, options) == options.line_threshold
    assert _piece_threshold(plain, options) == options.piece_threshold
    # and through the model: an invitation quoted from an official stays in the body
    lines = ["Polisi masih memburu dua pelaku pembobolan minimarket di Jalan Raya Bogor pada Senin dini hari.",
             "Ikuti terus perkembangan kasus ini di kanal WhatsApp kami, kata Kapolres kepada wartawan.",
             "Rekaman kamera pengawas menunjukkan kedua pelaku datang dengan sepeda motor tanpa pelat nomor."]
    assert cleaner.clean("\n".join(lines)).paragraphs == lines


def test_closing_wishes_are_body_in_the_corpus():
    """Why `cleaner.WISH` lines are never removed: every line of the corpus that opens on "Semoga" is body."""
    from classifiers.cleaner import WISH
    from classifiers.corpus import load_corpus

    labels = [label for art in load_corpus() for line, label in zip(art.lines, art.labels) if WISH.match(line)]
    assert len(labels) >= 4 and set(labels) == {"body"}


def test_a_call_to_action_run_on_in_lowercase_goes_with_it_and_a_marker_breaks_nothing():
    """Why `_invitation_runs_on` ignores the line's own score: in the corpus every lowercase line under a promo line
    with words and no final stop is promo; an ad marker (matched whole by a junk pattern) is no such head."""
    from classifiers.cleaner import Decision, _invitation_runs_on
    from classifiers.features import prepare
    from tests.corpus_view import corpus_lines

    promo = Decision("promo", 0.95, True)
    labels = [gold[k] for items, gold in corpus_lines() for k in range(1, len(items))
              if gold[k - 1] == "promo" and _invitation_runs_on(items[k - 1], promo, items[k])]
    assert len(labels) >= 20 and set(labels) == {"promo"}
    cta = prepare(["Kirim foto dan harga dari pasar dekatmu", "ke nomor redaksi kami."]).items
    assert _invitation_runs_on(cta[0], promo, cta[1])
    broken = prepare(["Harga cabai naik karena", "ADVERTISEMENT", "pasokan dari sentra produksi berkurang."]).items
    assert not _invitation_runs_on(broken[1], promo, broken[2])
