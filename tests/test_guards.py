"""Guards: the line shapes the cleaner's rules ask about, and their claims about the corpus."""
from classifiers.features import build_items, prepare
from tests.corpus_view import corpus_lines


def test_a_fragment_of_a_broken_sentence_is_mid_sentence():
    from classifiers.guards import mid_sentence

    _index, items, _terms = build_items(["Hal itu disampaikan anggota", "DPRD Surabaya", "dalam rapat kemarin.",
                                         "Tags", "Banjir"])
    assert [mid_sentence(it) for it in items] == [False, True, True, False, False]


def test_a_name_fragment_before_the_end_of_its_sentence_is_mid_sentence():
    from classifiers.guards import mid_sentence

    _index, items, _terms = build_items([
        "Hal itu menjadi sorotan dalam rapat.", "Anggota Komisi D", "DPRD Surabaya",
        "Rina Anggraeni meminta dinas memperbanyak sosialisasi di tingkat kelurahan setiap pekan.",
        "Tags", "Depok", "Terkini"])
    assert [mid_sentence(it) for it in items] == [False, False, True, False, False, False, False]


def test_a_short_heading_between_paragraphs_is_guarded_and_a_headline_or_a_marker_is_not():
    from classifiers.guards import short_heading

    para = "Petani di lereng gunung memanen cabai lebih awal karena hujan turun sejak pekan lalu, kata dia."
    lines = [para, "Fasilitas Latihan Masih Terbatas", para + " Harga naik.", "Baca Juga",
             "Sirkuit Baru Dibuka", para + " Pedagang mengeluh.",
             "Gubernur Resmikan Jembatan Gantung Terpanjang di Wilayah Selatan Provinsi", para + " Tutup.",
             "Loading...", para + " Lagi.", "Kategori: Ekonomi, Daerah", para + " Akhir.", "Editor: Rina"]
    items = prepare(lines).items
    assert [short_heading(it) for it in items] == [False, True, False, False, False, False, False, False,
                                                   False, False, False, False, False]


def test_list_runs_under_the_corpus_list_intros_hold_only_body():
    """The list guard keeps what it covers: in our corpus, every line in a run of list-item-shaped lines, or of lines
    opening on one shared key, under a body line announcing a list is body (a run ends at the first line of another
    shape)."""
    from classifiers.guards import keyed_run, list_intro, list_item, list_run, titled_list_intro

    covered = []
    titled = keyed = 0
    for items, labels in corpus_lines():
        for k, it in enumerate(items):
            if labels[k] != "body" or not list_intro(it.text):
                continue
            shaped = list_run(items, k + 1, titled=titled_list_intro(it.text))
            for j in range(k + 1, max(shaped, keyed_run(items, k + 1))):
                covered.append((items[j].text, labels[j]))
                titled += j < shaped and not list_item(items[j])
                keyed += j >= shaped
    # the guard has real lists to cover, some with Title Case items, some whose keyed items end on a full stop
    assert len(covered) > 300 and titled > 30 and keyed > 30
    assert [row for row in covered if row[1] != "body"] == []


def test_list_items_and_intros_by_shape():
    from classifiers.features import LineItem
    from classifiers.guards import list_intro, list_item, titled_list_intro

    def item(text: str) -> LineItem:
        return LineItem(text=text, prev="", next="", index=1, count=3, similarity=0.0)

    assert list_intro("Bahan-bahan:") and list_intro("Warga perlu menyiapkan dokumen. Berikut syaratnya:")
    assert not list_intro("Tags:") and not list_intro("Baca juga:") and not list_intro("Gabung kanal Telegram kami:")
    for text in ("1 sdt garam", "Fotokopi KTP dan kartu keluarga", "Foto diri terbaru", "Kecamatan Banyumanik",
                 "Pendaftaran: 2-30 Juni 2025"):
        assert list_item(item(text)), text
    for text in ("Advertorial", "Foto: Dok. Humas", "Editor: Rina", "Harga Cabai Rawit di Pasar Induk Turun Lagi",
                 "Mau kabar lebih cepat?", "Gabung saluran WhatsApp kami", "Ikut kuis: Seberapa lelah kamu? 🔥"):
        assert not list_item(item(text)), text
    # under an intro that may hold Title Case items, an event's name is an item; a widget's capitals are not
    event = item("Pentas Tari Topeng Kelana di Taman Budaya Pesisir")
    assert list_item(event, titled=True) and not list_item(event)
    assert not list_item(item("HASIL HITUNG CEPAT PILKADA KOTA 2024"), titled=True)
    assert titled_list_intro("Berikut urutan acara dari hari pertama hingga malam penutupan:")
    assert not titled_list_intro("Resep lainnya:") and not titled_list_intro("Artikel terkait:")


def test_a_keyed_run_shares_one_key_that_is_no_furniture_key():
    from classifiers.guards import keyed_run

    rounds = prepare(["Ringkasan per ronde:", "Ronde 1: Tuan rumah unggul lewat dua takedown.",
                      "Ronde 2: Penantang unggul, menjatuhkan lawan di akhir ronde.", "Skor akhir 48-47."]).items
    assert keyed_run(rounds, 1) == 3 and keyed_run(rounds, 2) == 2  # one item alone is no run
    staff = prepare(["Tim liputan:", "Editor: Rina", "Editor: Sari", "Foto: Dok. Humas", "Foto: Dok. Warga"]).items
    assert keyed_run(staff, 1) == 1 and keyed_run(staff, 3) == 3
    mixed = prepare(["Hasilnya:", "Juara I: Tim Mejobo.", "Ronde 2: Seri."]).items
    assert keyed_run(mixed, 1) == 1


def test_short_heading_lines_in_the_corpus_are_mostly_body_and_rarely_links():
    """Why the cleaner guards `short_heading` lines: in our corpus they are body four times in five, links almost
    never."""
    from collections import Counter

    from classifiers.guards import short_heading

    labels: Counter[str] = Counter()
    for items, gold in corpus_lines():
        labels.update(label for it, label in zip(items, gold) if short_heading(it))
    total = sum(labels.values())
    assert total > 500
    assert labels["body"] / total >= 0.75
    assert labels["related"] <= 0.01 * total


def test_a_short_question_between_paragraphs_is_a_sub_heading_unless_a_furniture_key_opens_it():
    from classifiers.features import LineItem
    from classifiers.guards import short_heading

    def between(text: str) -> LineItem:
        return LineItem(text=text, prev="Paragraf sebelumnya cukup panjang.", next="Paragraf berikutnya juga.",
                        index=3, count=8, similarity=0.0)

    assert short_heading(between("Kenapa Penonton Tertarik?"))
    assert short_heading(between("Bubur India?"))
    assert not short_heading(between("Video: Saatnya Beli atau Tunggu?"))
    assert not short_heading(between("Kenapa penonton tertarik pada film ini sejak pekan pertama?"))


def test_a_sub_heading_leads_the_paragraph_that_takes_up_its_words():
    from classifiers.features import LineItem
    from classifiers.guards import leads_next

    def over(text: str, paragraph: str, **kw) -> LineItem:
        return LineItem(text=text, prev="Paragraf sebelumnya cukup panjang dan berakhir dengan titik.", next=paragraph,
                        index=5, count=12, similarity=0.0, **kw)

    paragraph = ("Untuk menekan biaya, tujuh warung makan di pasar itu kini patungan membeli telur langsung dari "
                 "peternak di Blitar setiap pekan.")
    assert leads_next(over("Patungan Beli Langsung ke Peternak", paragraph))
    assert leads_next(over("Kenapa Warung Memilih Patungan?", paragraph))
    # a linked headline on the article's topic, but not on this paragraph's
    assert not leads_next(over("Harga Cabai Rawit di Pasar Induk Turun Lagi", paragraph))
    # a photo credit naming the paragraph's publisher, a junk pattern's line, a line at the page top
    assert not leads_next(over("Kabar Peternak/Dimas Arya", paragraph))
    assert not leads_next(over("Patungan Beli Langsung ke Peternak", paragraph, patterned=True))
    assert not leads_next(over("Patungan Beli Langsung ke Peternak", paragraph, above_dateline=True))
    # the line under it is no paragraph
    assert not leads_next(over("Patungan Beli Langsung ke Peternak", "Telur ayam ras dari peternak"))


def test_lines_leading_the_next_paragraph_in_the_corpus_are_sub_headings_not_links_or_ads():
    """Why the cleaner keeps `leads_next` lines the model took for links, ads, captions or furniture: in our corpus
    more than half of the sub-headings over a paragraph lead it, and links and ads of the same shape almost never
    do (at most one in a hundred)."""
    from collections import Counter

    from classifiers.guards import LEADS_NEXT_PARAGRAPH_CHARS, inner_heading, leads_next

    shaped: Counter[str] = Counter()
    leading: Counter[str] = Counter()
    for items, gold in corpus_lines():
        for it, label in zip(items, gold):
            if (inner_heading(it) and len(it.next) >= LEADS_NEXT_PARAGRAPH_CHARS and not it.patterned
                    and not it.above_dateline):
                shaped[label] += 1
                leading[label] += leads_next(it)
    assert shaped["body"] > 200 and leading["body"] / shaped["body"] >= 0.5
    links_and_ads = shaped["related"] + shaped["promo"]
    assert links_and_ads > 100
    assert leading["related"] + leading["promo"] <= 0.01 * links_and_ads


def test_row_shapes_group_the_rows_of_a_run_and_leave_cues_and_sentences_out():
    from classifiers.guards import row_shape

    career = ["2016-2018: Akademi Persiba Muda (40 penampilan)", "2018-2021: Persiba Muda (62 penampilan, 7 gol)"]
    assert row_shape(career[0]) == row_shape(career[1]) is not None
    assert row_shape("Cerita: 9/10") == row_shape("Audio: 9,5/10") is not None
    assert row_shape("0-1 Rudi Hartono (19')") == row_shape("1-1 Made Wirawan (44')") is not None
    for text in ("Baca juga: Harga Cabai Naik Lagi (Video)", "Editor: Rina 2025", "(Sumber: Panitia Lomba)",
                 "Harga cabai rawit naik lagi pekan ini.", "Harga Cabai Rawit di Pasar Induk", "Advertisement"):
        assert row_shape(text) is None, text


def test_no_junk_line_stands_in_a_run_of_body_rows_in_the_corpus():
    """Why the cleaner puts back a removed line shaped like the kept rows around it: in our corpus, every line with
    the row shape of two body lines next to it (one on each side, or two on one side) is body."""
    from collections import Counter

    from classifiers.guards import row_shape

    def body_row(rows: list[tuple], j: int, shape: tuple) -> bool:
        return 0 <= j < len(rows) and rows[j][1] == "body" and rows[j][0] == shape

    labels: Counter[str] = Counter()
    for items, gold in corpus_lines():
        rows = [(row_shape(it.text), label) for it, label in zip(items, gold)]
        for k, (shape, label) in enumerate(rows):
            if shape is not None and any(body_row(rows, k + a, shape) and body_row(rows, k + b, shape)
                                         for a, b in ((-1, 1), (-2, -1), (1, 2))):
                labels[label] += 1
    assert labels["body"] > 300
    assert set(labels) == {"body"}


def test_an_interview_question_asks_before_its_answer_and_a_readers_hook_does_not():
    from classifiers.features import LineItem
    from classifiers.guards import answers_question, asks_before_answer

    answer = "Hendrik: Khawatir pasti ada. Tapi saya lihat anak-anak masih punya tenaga, jadi kami terus menekan."

    def line(text: str, prev: str = "Paragraf sebelumnya.", nxt: str = answer) -> LineItem:
        return LineItem(text=text, prev=prev, next=nxt, index=4, count=10, similarity=0.0)

    assert asks_before_answer(line("Wartawan: Apakah Anda sempat khawatir setelah dua kali tertinggal?"))
    assert asks_before_answer(line("Apakah ada uang saku?"))
    for text in ("Mau kabar Sidoarjo lebih cepat?", "Punya cerita menarik di kampungmu?",
                 "Beli Emas Batangan atau Perhiasan? Ini Kelebihan dan Kekurangannya",
                 "Cek Fakta: Benarkah Air Rebusan Daun Pepaya Sembuhkan DBD?"):
        assert not asks_before_answer(line(text)), text
    assert not asks_before_answer(line("Apakah ada uang saku?", nxt="Gabung kanal WhatsApp kami untuk info terbaru."))
    assert not asks_before_answer(line("Apakah ada uang saku?", nxt="Ya."))

    sentence = "Ada uang transpor Rp50 ribu untuk setiap hari kehadiran."
    assert answers_question(line(sentence, prev="Apakah ada uang saku?"))
    assert not answers_question(line(sentence, prev="Pelatihan."))
    assert not answers_question(line("Gabung kanal WhatsApp kami untuk info terbaru.", prev="Mau kabar lebih cepat?"))
    assert not answers_question(line("Simak juga kabar terbaru lainnya di aplikasi kami.", prev="Mau kabar cepat?"))


def test_questions_over_body_paragraphs_and_sentences_under_body_questions_are_body_in_the_corpus():
    """Why the cleaner puts back a removed question over a kept paragraph, and a removed answer under a kept
    question: in our corpus both shapes next to a body line are body every time."""
    from collections import Counter

    from classifiers.guards import answers_question, asks_before_answer

    asked: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for items, rows in corpus_lines():
        for k, (it, label) in enumerate(zip(items, rows)):
            if k + 1 < len(rows) and rows[k + 1] == "body" and asks_before_answer(it):
                asked[label] += 1
            if k and rows[k - 1] == "body" and answers_question(it):
                answered[label] += 1
    assert asked["body"] > 100 and set(asked) == {"body"}
    assert answered["body"] > 100 and set(answered) == {"body"}


def test_headlines_after_two_links_in_the_corpus_are_junk_unless_they_are_short_or_lead_the_paragraph():
    """Why the cleaner lets a link list take the next headline-shaped line with it: in our corpus every such line
    after two related lines is junk, unless it is a short heading or leads the paragraph under it."""
    from collections import Counter

    from classifiers.features import heading_shaped
    from classifiers.guards import leads_next, short_heading

    labels: Counter[str] = Counter()
    for items, rows in corpus_lines():
        for k in range(2, len(items)):
            it = items[k]
            if (rows[k - 1] == rows[k - 2] == "related" and not it.patterned and heading_shaped(it.text.rstrip("?"))
                    and not short_heading(it) and not leads_next(it)):
                labels[rows[k]] += 1
    assert labels["related"] > 100
    assert labels["body"] == 0


def test_a_credit_standing_alone_has_a_credit_tail_and_is_no_sub_heading():
    from classifiers.features import CREDIT_TAIL, LineItem
    from classifiers.guards import short_heading

    for text in ("Warta Kota/Dimas Aryo Nugroho", "TRIBUN-TIMUR.COM/MUH ASRUL HIDAYAT", "Dok. Pribadi"):
        assert CREDIT_TAIL.search(text), text
        it = LineItem(text=text, prev="Paragraf sebelumnya.", next="Paragraf berikutnya.", index=3, count=8,
                      similarity=0.0)
        assert not short_heading(it), text
    for text in ("Harga naik di Jakarta/Bogor pekan ini.", "Dokter menyarankan istirahat.", "Warga Mulai Mengungsi"):
        assert not CREDIT_TAIL.search(text), text


def test_a_furniture_keyed_line_on_the_articles_topic_is_no_guarded_sub_heading():
    from classifiers.features import LineItem
    from classifiers.guards import on_topic_heading

    def line(text: str) -> LineItem:
        return LineItem(text=text, prev="Paragraf sebelumnya.", next="Paragraf berikutnya.", index=3, count=8,
                        similarity=0.3)

    assert on_topic_heading(line("Laba Bank Jumbo Masih Tumbuh"))
    assert not on_topic_heading(line("Video: Laba Bank Jumbo Masih Tumbuh, Dividen Makin Gemuk"))


def test_no_furniture_keyed_heading_on_the_articles_topic_is_body_in_the_corpus():
    """Why `on_topic_heading` leaves out lines keyed by a furniture word: in our corpus none of them is body."""
    from collections import Counter

    from classifiers.features import ON_TOPIC, colon_key
    from classifiers.guards import inner_heading

    labels: Counter[str] = Counter()
    for items, gold in corpus_lines():
        for it, label in zip(items, gold):
            if it.similarity >= ON_TOPIC and inner_heading(it) and colon_key(it.text)[0]:
                labels[label] += 1
    assert sum(labels.values()) > 30
    assert labels["body"] == 0


def test_link_list_headers_in_the_corpus_are_never_body():
    """Why the cleaner removes a kept `link_list_header` over a removed link: no body line of the corpus has its
    shape, and it heads real link lists."""
    from collections import Counter

    from classifiers.guards import link_list_header

    labels: Counter[str] = Counter(gold[k] for items, gold in corpus_lines() for k, it in enumerate(items)
                                   if link_list_header(it.text))
    assert labels["related"] > 50 and labels["body"] == 0
    assert link_list_header("Resep lainnya:") and link_list_header("Lainnya di KabarKota")
    assert link_list_header("Berita Selanjutnya") and not link_list_header("Rekomendasi Analis untuk Rabu")
    assert not link_list_header("Syarat dan ketentuan lainnya dapat dilihat di laman resmi dinas.")


def test_a_line_a_junk_pattern_matches_whole_is_junk_in_the_corpus():
    """Why the `patterned` feature carries across house styles: of the thousands of corpus lines a junk pattern
    covers end to end, at most one in a thousand is body (a sub-heading that opens on a link-list word:
    `Rekomendasi Analis untuk Rabu`)."""
    labels = [gold[k] for items, gold in corpus_lines() for k, it in enumerate(items) if it.patterned]
    assert len(labels) > 2000 and labels.count("body") <= len(labels) / 1000


def test_a_widget_heading_in_capitals_is_no_list_item_and_an_acronym_alone_is():
    from classifiers.guards import list_item

    items = prepare(["Dokumen yang perlu dibawa:", "NPWP", "DATA PASAR KPNS", "Fotokopi KTP"]).items
    assert [list_item(it) for it in items[1:]] == [True, False, True]
