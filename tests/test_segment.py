import pytest

from classifiers.segment import find_candidates, headline_end, split_lines


def pieces(line: str) -> list[str]:
    return [p.text(line) for p in find_candidates(line)]


def test_split_lines_keeps_every_line_including_blank_ones():
    assert split_lines("a\n\nb\n") == ["a", "", "b", ""]


def test_related_cue_in_running_text_ends_where_the_sentence_resumes():
    line = ("Polisi masih menyelidiki kasus itu. Baca juga: Harga Cabai Naik Lagi Jelang Lebaran "
            "Menurut warga, harga naik.")
    assert pieces(line) == ["Baca juga: Harga Cabai Naik Lagi Jelang Lebaran"]


def test_a_sentence_resuming_on_a_name_starts_at_its_opening_word():
    line = ("Warga resah. Baca juga: Tanda Anak Kurang Tidur Menurut Dokter Anak Menurut Wulan Sari, jam tidur "
            "anak sekolah kian pendek.")
    assert pieces(line) == ["Baca juga: Tanda Anak Kurang Tidur Menurut Dokter Anak"]
    # inside the headline the same word stays: only the one right before the resumed sentence's name moves
    assert pieces("Baca juga: Ini Kata Menteri soal Harga Karet Petani berharap harga stabil.") == [
        "Baca juga: Ini Kata Menteri soal Harga Karet"]


def test_headline_keeps_its_lowercase_function_words():
    line = "Baca Juga: Daftar Warung Sate yang Selalu Ramai di Solo Pada malam hari antrean mengular."
    assert pieces(line)[0] == "Baca Juga: Daftar Warung Sate yang Selalu Ramai di Solo"


def test_glued_cue_without_space_is_found():
    line = "Hujan turun sejak pagi. Baca jugaBupati Tinjau Tanggul Jebol di Pantura Air mulai surut sore hari."
    assert pieces(line) == ["Baca jugaBupati Tinjau Tanggul Jebol di Pantura"]


def test_trailing_initials_and_credit_are_candidates():
    assert pieces("Acara berlangsung meriah hingga sore. (den/yp)") == ["(den/yp)"]
    assert pieces("Ia menolak berkomentar. (Tribunnews.com/Rahmat Hidayat)") == ["(Tribunnews.com/Rahmat Hidayat)"]


def test_acronym_in_brackets_is_not_an_initials_candidate():
    assert pieces("Partai itu (PKB) menggelar rapat di Surabaya pada Senin.") == []


def test_call_to_action_glued_to_paragraph_end():
    line = "Warga diminta waspada. Ikuti saluran WhatsApp kami untuk kabar terbaru setiap hari."
    assert pieces(line) == ["Ikuti saluran WhatsApp kami untuk kabar terbaru setiap hari."]


def test_ad_markers_inside_text():
    line = "Harga naik. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Pedagang mengeluh."
    assert pieces(line) == ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"]


def test_whole_line_candidate_is_left_to_the_line_model():
    assert pieces("Baca juga: Harga Emas Hari Ini") == []


def test_headline_to_end_of_line():
    line = "Baca juga: Harga Emas Antam Turun Tipis"
    assert headline_end(line, len("Baca juga: ")) == len(line)


def test_staff_names_stop_at_the_next_role_word():
    line = ("Situasi di daerah itu tetap kondusif. Penulis : Haryo Wicaksono Editor : Gading Persada "
            "Sumber : Kompas TV")
    assert pieces(line)[-3:] == ["Penulis : Haryo Wicaksono", "Editor : Gading Persada", "Sumber : Kompas TV"]


def test_call_to_action_keeps_the_dots_of_a_domain():
    line = "Harga beras turun tipis. Ikuti kanal WhatsApp Ayobandung.com untuk info ekonomi terbaru."
    assert pieces(line) == ["Ikuti kanal WhatsApp Ayobandung.com untuk info ekonomi terbaru."]


def test_furniture_in_flat_text():
    line = "Warga diminta waspada. Copyright © Radar Nusantara 2025 Bagikan Artikel: Tags Banjir Bandung Terkini"
    assert pieces(line) == ["Copyright © Radar Nusantara 2025", "Bagikan Artikel:", "Tags Banjir Bandung Terkini"]


def test_capitalised_initials_and_names_in_brackets_close_a_paragraph():
    assert pieces("Bantuan disalurkan pekan depan. (Ant/Fik)") == ["(Ant/Fik)"]
    assert pieces("Rapat berlangsung tertutup. (Kontributor Bandung, Agung Setiadi)") == [
        "(Kontributor Bandung, Agung Setiadi)"]


def test_a_name_stops_before_the_sentence_that_follows_it():
    line = "Laporan Wartawan Tribun Medan, Irfan Siregar Kedua pelaku ditangkap polisi pada Senin malam."
    assert pieces(line)[0] == "Laporan Wartawan Tribun Medan, Irfan Siregar"


def test_sentence_case_headline_runs_to_its_full_stop():
    line = "Ombak tinggi. Baca juga: Ratusan nelayan pilih tak melaut akibat cuaca buruk. Petugas berjaga di pantai."
    assert pieces(line) == ["Baca juga: Ratusan nelayan pilih tak melaut akibat cuaca buruk."]


@pytest.mark.parametrize(("line", "headline"), [
    ("Ombak tinggi di pantai selatan. Baca juga: Ratusan nelayan Cilacap pilih tak melaut akibat cuaca buruk Ombak "
     "tinggi menghantam pemecah gelombang di Pantai Teluk Penyu pada Senin pagi sehingga perahu ditarik ke darat.",
     "Baca juga: Ratusan nelayan Cilacap pilih tak melaut akibat cuaca buruk"),
    ("Kelas itu ramai. Baca juga: cuti ayah diperpanjang, begini tanggapan para pekerja muda Bidan Puskesmas Depok, "
     "Sri Lestari, mengajari peserta cara menyendawakan bayi setelah menyusu di ruang pertemuan kecamatan.",
     "Baca juga: cuti ayah diperpanjang, begini tanggapan para pekerja muda"),
], ids=["name-early", "lowercase-start"])
def test_sentence_case_headline_without_its_stop_ends_where_the_next_sentence_starts(line, headline):
    assert headline in pieces(line)


def test_short_furniture_between_sentences_but_not_the_ordinary_word():
    assert pieces("Sidang digelar pekan depan. Iklan Kuasa hukum tersangka menyatakan siap.") == ["Iklan"]
    assert pieces("Sidang digelar pekan depan. Dengarkan artikel ini Warga berkumpul.") == ["Dengarkan artikel ini"]
    assert pieces("Iklan rokok dilarang tayang sebelum pukul 21.30 di televisi nasional.") == []


def test_a_promoted_headline_is_a_piece_of_its_own_after_its_marker():
    line = 'ujarnya. Promosi Kredit Murah Bantu Perajin Batik Naik Kelas Laga itu ditonton ribuan orang.'
    assert pieces(line) == ["Promosi", "Kredit Murah Bantu Perajin Batik Naik Kelas"]


def test_initials_after_an_embed_placeholder():
    assert pieces("Harga diperkirakan stabil. [Gambas:Video 20detik] (abc/def)") == [
        "[Gambas:Video 20detik]", "(abc/def)"]


def test_a_quotation_over_several_sentences_is_one_sentence_piece():
    from classifiers.segment import sentences

    line = ('Harga naik lagi. "Dulu pembeli ambil sambal sepuasnya. Sekarang kami batasi," kata Ani. '
            "Ikuti kami di Google News.")
    assert [p.text(line) for p in sentences(line)] == [
        "Harga naik lagi.", '"Dulu pembeli ambil sambal sepuasnya. Sekarang kami batasi," kata Ani.',
        "Ikuti kami di Google News."]
    # a quote mark that never closes joins at most MAX_QUOTED sentences
    stray = 'Ia bilang "cukup. ' + " ".join(f"Kalimat {k}." for k in range(1, 10))
    assert len(sentences(stray)) == 10 - 6 + 1


def test_sentence_candidates_are_marked_as_found_by_no_pattern():
    line = ("Hujan deras mengguyur kota sejak sore hari dan membuat sejumlah ruas jalan utama tergenang air cukup "
            "tinggi. Petugas dinas perhubungan mengalihkan arus kendaraan ke jalur alternatif di sekitar pasar. "
            "Warga diminta menghindari kawasan itu sampai air surut pada malam hari nanti, kata kepala dinas "
            "perhubungan kota kepada wartawan di kantornya. (abc/def)")
    found = find_candidates(line)
    assert [p.cue for p in found] == [False, False, False, True]


def test_a_resumed_sentence_opening_on_an_office_is_not_taken_into_the_headline():
    line = ("Lihat Juga: Pembalap Muda Ungkap Sirkuit Favoritnya di Asia Dinas Perhubungan NTB berencana menambah "
            "armada bus.")
    assert pieces(line) == ["Lihat Juga: Pembalap Muda Ungkap Sirkuit Favoritnya di Asia"]
    line = ("Pilihan Editor: Dewan Pers Minta DPR Buka Draf Revisi UU Penyiaran Ketua Aliansi Wartawan Daerah, "
            "Rudi Hartono, meminta draf dibuka.")
    assert pieces(line) == ["Pilihan Editor: Dewan Pers Minta DPR Buka Draf Revisi UU Penyiaran"]
    # two opener words in a row stay together ("Kepala Dinas ..."), and the headline keeps at least two words
    line = "Baca juga: Festival Perahu Digelar Kepala Dinas Pariwisata Kota, Rahmat, mengatakan acara ramai."
    assert pieces(line) == ["Baca juga: Festival Perahu Digelar"]
    # an office's bracketed abbreviation does not hide the opener before it; an opening quote still starts a sentence
    line = ("Baca juga: Jalan Lintas Selatan Molor Lagi Kepala Balai Jalan Nasional (BPJN) Jawa Timur, Rudi, "
            "mengatakan pekerjaan dilanjutkan.")
    assert pieces(line) == ["Baca juga: Jalan Lintas Selatan Molor Lagi"]
    line = 'Tonton juga: Warga Panik Berlarian Saat Gempa "Warga masih trauma," kata Irwan.'
    assert pieces(line) == ["Tonton juga: Warga Panik Berlarian Saat Gempa"]
    # a headline cut at MAX_HEADLINE_WORDS still ends before the opener of the sentence after it
    line = ("Baca juga: Jembatan Gantung Di Sungai Batang Merangin Putus Diterjang Arus Deras Petugas Balai "
            "Pelaksanaan Jalan Nasional (BPJN) Jambi mengerahkan dua ekskavator.")
    assert pieces(line)[0] == "Baca juga: Jembatan Gantung Di Sungai Batang Merangin Putus Diterjang Arus Deras"


def test_a_closing_word_after_a_pointer_or_before_a_question_mark_stays_in_the_headline():
    line = "Baca Juga: Cara Daftar Kartu Pelatihan Gelombang Baru, Ini Syaratnya Pemerintah membuka pendaftaran."
    assert pieces(line) == ["Baca Juga: Cara Daftar Kartu Pelatihan Gelombang Baru, Ini Syaratnya"]
    line = "BACA JUGA: Daftar Zodiak yang Paling Sulit Move On, Kamu Termasuk? Polisi menyebut kasus itu rumit."
    assert pieces(line) == ["BACA JUGA: Daftar Zodiak yang Paling Sulit Move On, Kamu Termasuk?"]


def test_credit_names_stop_before_the_sentence_after_them():
    line = "Foto: Kanal/Nur Aini Kepala Dinas Pariwisata, Rahmat, mengatakan acara ramai."
    assert pieces(line) == ["Foto: Kanal/Nur Aini"]
    assert pieces("Warga antre di posko. Foto: Dok. BPBD Maluku Petugas membagikan air bersih.") == [
        "Foto: Dok. BPBD Maluku"]


FLAT_BODY = ("Hujan deras mengguyur kota sejak sore hari dan membuat sejumlah ruas jalan utama tergenang air cukup "
             "tinggi. Petugas dinas perhubungan mengalihkan arus kendaraan ke jalur alternatif di sekitar pasar "
             "induk kota sejak pukul lima sore.")


def test_in_a_flat_paragraph_a_caption_joins_its_credit_and_a_question_its_call_to_action():
    line = (FLAT_BODY + " Ilustrasi. Air menggenangi jalan protokol. (Foto: Dok. Kanal Kota) "
            "Warga diminta menghindari kawasan itu. Mau kabar banjir lebih cepat? Gabung saluran kami, gratis. "
            "Kepala dinas mengatakan air surut malam nanti.")
    assert "Ilustrasi. Air menggenangi jalan protokol. (Foto: Dok. Kanal Kota)" in pieces(line)
    assert "Mau kabar banjir lebih cepat? Gabung saluran kami, gratis." in pieces(line)
    # a sentence that reports what someone said is the article's own, even right before a credit
    line = FLAT_BODY + " Kepala dinas mengatakan air surut malam nanti. Foto: Kanal/Nur Aini Warga pulang."
    assert "Foto: Kanal/Nur Aini" in pieces(line)
    assert not any("mengatakan" in p and "Foto" in p for p in pieces(line))


def test_staff_tags_copyright_and_paging_in_their_longer_forms():
    assert pieces("Harga naik. Reporter: Nur Aini | Editor: Budi Santoso") == [
        "Reporter: Nur Aini | Editor: Budi Santoso"]
    assert pieces("Harga naik. Tag: IHSG, saham, investor asing, rupiah") == [
        "Tag: IHSG, saham, investor asing, rupiah"]
    assert pieces("Harga naik. Copyright @ 2025, Kabar Kota") == ["Copyright @ 2025, Kabar Kota"]
    assert pieces("Harga naik. Halaman 2 dari 2") == ["Halaman 2 dari 2"]
    assert pieces("Harga naik. Sumber: Kabarbola.net (bola/ary/fnd)") == ["Sumber: Kabarbola.net", "(bola/ary/fnd)"]
    assert pieces("Kecepatan angin 60 (km/jam) Jalan licin.") == []


def test_an_editors_note_in_a_flat_paragraph_is_a_cue_and_text_after_initials_is_a_sentence_of_its_own():
    line = (FLAT_BODY + " Warga diminta waspada. (abc/def) Artikel ini disusun berdasarkan siaran pers yang diterima "
            "redaksi. Redaksi tidak bertanggung jawab atas perubahan jadwal setelah berita ini terbit.")
    found = {p.text(line): p.cue for p in find_candidates(line)}
    assert found["(abc/def)"] is True
    assert found["Artikel ini disusun berdasarkan siaran pers yang diterima redaksi."] is True
    assert found["Redaksi tidak bertanggung jawab atas perubahan jadwal setelah berita ini terbit."] is True
    assert found["Warga diminta waspada."] is False  # an ordinary sentence stays a plain one


def test_scan_tells_a_line_that_one_junk_pattern_matches_whole():
    from classifiers.segment import scan

    assert scan("Gulir untuk melanjutkan") == ([], True)
    assert scan('Artikel ini sudah tayang di Harian Kita dengan judul "Harga Cabai Naik"') == ([], True)
    line = "Harga cabai naik lagi di pasar induk. Gulir ke bawah untuk membaca Pedagang mengeluh."
    found, whole = scan(line)
    assert [p.text(line) for p in found] == ["Gulir ke bawah untuk membaca"] and not whole
    assert scan("Harga cabai naik lagi di pasar induk pada pekan ini.") == ([], False)


def test_lone_furniture_words_are_patterned_only_on_a_line_of_their_own():
    from classifiers.segment import scan

    for line in ("Selengkapnya", "Baca selengkapnya", "Terkini", "Bagikan", "Share", "* * *", "---", "――――――", "═════"):
        assert scan(line) == ([], True), line
    line = "Harga cabai naik lagi. Terkini Pedagang mengeluh sepi pembeli sejak pekan lalu."
    assert scan(line) == ([], False)
    assert scan("Terbaru di Kota Bogor") == ([], False)
    assert scan('Artikel ini telah naik di Harian Kita dengan judul "Banjir Rob"') == ([], True)
    for line in ("Pages: 1 2 3", "Page 2", "Ringkasan Berita:"):
        assert scan(line) == ([], True), line


@pytest.mark.parametrize("marker", ["Konten Bersponsor", "Advertorial", "Sponsored Content", "Promosi:"])
def test_a_sponsor_marker_in_running_text_is_a_piece_and_so_is_the_headline_after_it(marker):
    line = ("Turnamen itu diikuti 64 sekolah dari seluruh Jawa Timur pekan lalu. " + marker + " Ponsel Gaming Rp 3 "
            "Jutaan Jadi Pilihan Resmi Turnamen Pelajar Panitia menyebut jumlah peserta naik dua kali lipat.")
    found = pieces(line)
    assert "Ponsel Gaming Rp 3 Jutaan Jadi Pilihan Resmi Turnamen Pelajar" in found
    if not marker.endswith(":"):
        assert marker in found


@pytest.mark.parametrize("line", ["Sebelumnya 1 2 3 Selanjutnya", "« Sebelumnya 1 2 Selanjutnya »",
                                  "Bersambung ke halaman 3", "Lanjut ke halaman berikutnya", "1 / 2",
                                  "Halaman 1/2", "Halaman: 1 2 3 Show All", "Halaman: 1 2 Selanjutnya ›"])
def test_paging_in_its_other_forms_is_matched_whole(line):
    from classifiers.segment import scan

    assert scan(line) == ([], True)


def test_paging_glued_into_running_text_is_a_piece_and_a_fraction_is_not():
    assert pieces("Harga naik lagi. Bersambung ke halaman 3 Warga mengeluh.") == ["Bersambung ke halaman 3"]
    assert pieces("Separuh warga, atau 1/2 dari total pemilih, datang ke TPS.") == []


def test_attribution_is_the_close_of_a_quoted_sentence_in_the_corpus():
    """Why the cleaner never removes a line that closes on whom it quotes: in our corpus every such line is body."""
    from classifiers.corpus import load_corpus
    from classifiers.segment import ATTRIBUTION

    labels = [label for art in load_corpus() for line, label in zip(art.lines, art.labels)
              if line.strip() and ATTRIBUTION.search(line.strip())]
    assert len(labels) > 400 and set(labels) == {"body"}
    assert not ATTRIBUTION.search("Ikuti kami di Google News untuk kabar terkini.")
    assert not ATTRIBUTION.search("Baca juga: Kata Pakar soal Harga Beras")


@pytest.mark.parametrize(("line", "headline"), [
    ("Warga mengungsi. Baca juga: Pemkab Sintang siapkan dapur umum untuk pengungsi banjir Warga di bantaran "
     "sungai menjadi yang paling terdampak.", "Baca juga: Pemkab Sintang siapkan dapur umum untuk pengungsi banjir"),
    # an opener word inside the headline cuts it short: a few junk words stay, rather than cutting the article's
    ("Tarif naik. BACA JUGA: Jalur Dieng Ditutup Sementara Akibat Longsor Penyelam dari Basarnas Wonosobo turun "
     "ke lokasi.", "BACA JUGA: Jalur Dieng Ditutup"),
    ("Harga naik. Baca juga: Harga Cabai Naik Lagi Sementara itu, Kepala Dinas Perdagangan Budi Santoso "
     "mengatakan stok aman.", "Baca juga: Harga Cabai Naik Lagi"),
    # a trade or a body opens the sentence too, and a number inside the subject's name does not hide its opener
    ("Beras naik. Baca juga: Stok Beras Menipis Jelang Paceklik Pedagang di Pasar Oesapa, Kupang, menakar beras.",
     "Baca juga: Stok Beras Menipis Jelang Paceklik"),
    ("Air naik. Baca juga: Kampung Kami Kini Jadi Langganan Banjir Ketua RT 04, Ujang Suryana, menyusuri gang.",
     "Baca juga: Kampung Kami Kini Jadi Langganan Banjir"),
    # an opener word far back in a long capitalised run with no comma is the headline's own word
    ("Hujan turun. Baca juga: Sungai Meluap Lagi, Petani Pati Terancam Gagal Panen Dua Kali Dalam Setahun "
     "Anak-anak duduk di bak truk.", "Baca juga: Sungai Meluap Lagi, Petani Pati Terancam Gagal Panen Dua Kali "
     "Dalam Setahun"),
    # an interview's question label starts the article's sentence
    ("Kasus naik. BACA JUGA: Pengasapan Digelar di 40 RW, Warga Diminta Tutup Rapat Penampungan Air Tanya: Apa "
     "yang membedakan demam DBD dengan demam biasa?",
     "BACA JUGA: Pengasapan Digelar di 40 RW, Warga Diminta Tutup Rapat Penampungan Air"),
], ids=["two-capitals-then-sentence-case", "opener-inside-headline", "sementara-itu-opens-sentence",
        "trade-opener", "number-in-subject", "far-opener-without-comma", "question-label"])
def test_headline_ends_where_the_article_resumes_around_opener_words(line, headline):
    assert headline in pieces(line)


EMBED_LEFTOVERS = ["[embed]https://www.youtube.com/embed/kprRob2506[/embed]", "pic.twitter.com/Kd7mQ2rLxa",
                   "— Asrul Mahmud (@asrulmahmud_kdi) June 11, 2025", "View this post on Instagram",
                   "A post shared by Rizky Saputra (@rizkysaputra.kdi)", "t.me/infomudikid",
                   "https://bit.ly/pasar-murah"]


@pytest.mark.parametrize("line", EMBED_LEFTOVERS)
def test_embed_leftovers_and_a_lone_link_are_matched_whole(line):
    from classifiers.segment import scan

    assert scan(line) == ([], True)


def test_an_embed_leftover_in_running_text_is_a_piece_and_a_link_in_a_sentence_is_not():
    line = "Acara itu meriah. A post shared by Kayla Aurelia (@kaylaaurelia) Kayla membagikan momen tersebut."
    assert pieces(line) == ["A post shared by Kayla Aurelia (@kaylaaurelia)"]
    assert pieces("Kunjungi www.pasarjaya.example untuk jadwal lengkapnya.") == []


@pytest.mark.parametrize(("line", "widgets"), [
    ("Vaksin kini tersedia. Beranda › Kesehatan › Vaksinasi ⏱ 5 menit membaca Ukuran teks: A- A A+ Vaksin dengue "
     "kini tersedia untuk orang dewasa.",
     ["Beranda › Kesehatan › Vaksinasi", "⏱ 5 menit membaca", "Ukuran teks: A- A A+"]),
    ("Pasar ramai. Dibaca 1.476 kali Harga naik lagi pekan ini di pasar kota.", ["Dibaca 1.476 kali"]),
    ("Banjir surut. WhatsApp Facebook Twitter Telegram Warga kembali ke rumah.",
     ["WhatsApp Facebook Twitter Telegram"]),
    ("Warga kembali ke rumah. 1 2 3 Selanjutnya", ["1 2 3 Selanjutnya"]),
    ("Pewarta Foto: Dimas Pratama FOTOJURNAL, BREBES — Petani menjemur bawang di tepi jalan desa.",
     ["Pewarta Foto: Dimas Pratama"]),
    ("Warga mengungsi. Kontributor Tumbang Lawung: Petrus Dehen", ["Kontributor Tumbang Lawung: Petrus Dehen"]),
], ids=["breadcrumb-reading-time-text-size", "read-counter", "share-row", "paging-numbers", "photo-desk-role",
        "contributor-place"])
def test_page_widgets_and_staff_lines_glued_into_running_text_are_pieces(line, widgets):
    assert set(widgets) <= set(pieces(line))


@pytest.mark.parametrize("line", ["Buku itu sudah dibaca 100 kali oleh anak-anak di perpustakaan desa.",
                                  "Warga aktif di Facebook, Twitter, dan Telegram untuk berbagi informasi.",
                                  "Ia membaca 5 menit setiap pagi sebelum berangkat kerja.",
                                  "Sumber Daya Air: Dinas SDA siapkan pompa di tiga titik."])
def test_ordinary_sentences_with_widget_words_are_no_pieces(line):
    assert pieces(line) == []


def test_a_correction_note_is_the_articles_own_in_the_corpus_and_a_standing_note_is_not():
    """Why the cleaner never removes a note correcting the story: in our corpus every line of that shape is body,
    while the standing editor's notes beside them (hak jawab, disclaimers) do not match."""
    from classifiers.corpus import load_corpus
    from classifiers.segment import CORRECTION

    labels = [label for art in load_corpus() for line, label in zip(art.lines, art.labels)
              if line.strip() and CORRECTION.search(line.strip())]
    assert len(labels) >= 3 and set(labels) == {"body"}
    assert CORRECTION.search("Ralat: Artikel ini diperbaiki pada Senin pukul 10.00 WIB.")
    assert CORRECTION.search("Pada versi sebelumnya tertulis 1.800 jiwa.")
    assert not CORRECTION.search("Catatan Redaksi: Kami menerima hak jawab dan koreksi melalui surel redaksi.")
    assert not CORRECTION.search("Petugas memperbaiki jembatan yang rusak, Senin (3/3/2025).")


def test_a_call_to_action_inside_a_quotation_is_no_piece():
    line = ('Kepala Dinas meminta warga waspada. "Ikuti pengumuman di aplikasi resmi saja. Kalau ada tautan, cek '
            'dulu alamatnya," ujarnya, Rabu (21/5/2025). Warga diminta melapor ke posko terdekat bila menerima '
            'pesan mencurigakan, dan petugas akan menelusuri setiap laporan yang masuk ke posko itu.')
    assert not any(p.cue for p in find_candidates(line))
    assert "Ikuti pengumuman di aplikasi resmi saja." in pieces("Harga naik. Ikuti pengumuman di aplikasi resmi saja.")


def test_a_call_to_action_ends_at_its_account_when_the_next_sentence_has_no_full_stop_before_it():
    line = ("Harga naik. Tonton ulasan paket data tiap bulan di TikTok @wartaseluler.id Pengamat telekomunikasi "
            "Bayu memperkirakan operator lain ikut.")
    assert "Tonton ulasan paket data tiap bulan di TikTok @wartaseluler.id" in pieces(line)
    line = "Harga naik. Ikuti Instagram @dinkes.kota untuk kabar terbaru. Warga diminta tenang."
    assert "Ikuti Instagram @dinkes.kota untuk kabar terbaru." in pieces(line)


def test_a_sentence_opening_on_an_office_after_a_sponsor_marker_is_no_ad_headline():
    line = ("Warga memungut sampah. Konten Bersponsor Kepala Dinas Lingkungan Hidup Bantul, Hermawan Saputro, "
            "mengapresiasi inisiatif para anak muda itu.")
    assert pieces(line) == ["Konten Bersponsor"]


@pytest.mark.parametrize("line", ["- Advertisement -", "*** ADVERTISEMENT ***", "[ Advertisement ]",
                                  "-- SCROLL TO CONTINUE WITH CONTENT --"])
def test_a_marker_drawn_around_with_dashes_or_stars_is_a_whole_line_match(line):
    from classifiers.segment import scan

    assert scan(line) == ([], True)


def test_a_marker_inside_running_text_is_a_piece_and_no_whole_line_match():
    from classifiers.segment import scan

    line = "Harga cabai naik lagi. ADVERTISEMENT Pedagang mengeluh sepi pembeli."
    pieces, whole = scan(line)
    assert [p.text(line) for p in pieces] == ["ADVERTISEMENT"] and not whole


def test_a_sentence_case_headline_ends_where_a_quotation_resumes_the_article():
    line = ("Baca juga: Karang taruna di Temanggung bikin lapak daring untuk kopi petani \"Dulu warga harus izin "
            "setengah hari hanya untuk ambil surat pengantar ke kantor desa. Sekarang cukup dari ponsel,\" kata Wahyu.")
    assert line[:headline_end(line, 11)].endswith("untuk kopi petani")


def test_a_flattened_footer_runs_from_its_tag_key_to_the_line_end_and_a_body_sentence_on_topik_does_not():
    from classifiers.segment import FOOTER_TAIL

    footer = ("Kapal ditarik ke pelabuhan. (eml/agl) Tag: kapal mati mesin Larantuka Basarnas Terkini Jalan Trans "
              "Flores Ambles, Truk Dialihkan Harga Beras di Pasar Inpres Naik Rp 1.000 per Kilogram")
    assert FOOTER_TAIL.search(footer).group().startswith("Tag: kapal mati mesin")
    assert FOOTER_TAIL.search("Petugas bekerja. Topik itu dibahas dalam rapat dewan pekan lalu.") is None
    assert FOOTER_TAIL.search("Korban selamat. Terkini, tim SAR masih menyisir sungai") is None


@pytest.mark.parametrize(("line", "piece"), [
    ("Harga naik. *** Iklan *** Pedagang mengeluh sepi pembeli.", "*** Iklan ***"),
    ("Videonya ramai. ♬ suara asli - Pawang Reptil SDA Warga lalu berdatangan.", "♬ suara asli - Pawang Reptil SDA"),
    ("Pasar kembali ramai sore itu. Lanjut baca halaman 2", "Lanjut baca halaman 2"),
])
def test_decorated_markers_sound_credits_and_paging_are_pieces(line, piece):
    assert [p.text(line) for p in find_candidates(line)] == [piece]


@pytest.mark.parametrize("line", ["@dawet.mbokyah", "*** Iklan ***", "♬ suara asli - Dawet Mbok Yah"])
def test_an_embeds_leftovers_standing_alone_are_whole_line_matches(line):
    from classifiers.segment import scan

    assert scan(line) == ([], True)


def test_an_account_named_in_a_sentence_and_a_lowercase_iklan_are_no_pieces():
    assert find_candidates("Ia menulis keluhan itu di akun @budi.santoso kemarin sore.") == []
    assert find_candidates("Harga —iklan— baris di koran naik tahun ini.") == []


def test_a_call_to_action_ends_at_a_bracket_before_the_next_sentence_and_no_link_cue_opens_one():
    video = ("Tonton videonya di bawah ini: (Embed YouTube) Salah seorang warga, Ester, mengaku baru pertama kali "
             "ikut simulasi.")
    assert [p.text(video) for p in find_candidates(video)] == ["Tonton videonya di bawah ini: (Embed YouTube)"]
    linked = ("Kuota manual tetap ada. Baca Juga: Puskesmas Dolopo buka layanan malam khusus ibu hamil Warga cukup "
              "mengunduh SiAntre di toko aplikasi, lalu masuk dengan NIK.")
    assert "Baca Juga: Puskesmas Dolopo buka layanan malam khusus ibu hamil" in [
        p.text(linked) for p in find_candidates(linked)]


def test_a_credit_to_no_one_in_particular_ends_before_the_next_sentence():
    line = "Warga menanam pisang di jalan berlubang. Foto: Istimewa Aksi itu direkam warga dan diunggah ke Instagram."
    assert "Foto: Istimewa" in [p.text(line) for p in find_candidates(line)]


@pytest.mark.parametrize("line", ["Baca halaman berikutnya",
                                  "Telah terbit di harian cetak Harian Kita edisi Selasa, 13 Mei 2025, halaman 1."])
def test_paging_and_a_print_editions_note_are_whole_line_matches(line):
    from classifiers.segment import scan

    assert scan(line) == ([], True)


def test_a_book_that_has_been_published_is_no_print_editions_note():
    assert find_candidates("Buku kumpulan puisinya telah terbit di Yogyakarta dua tahun lalu.") == []


@pytest.mark.parametrize("piece", ["Lanjutkan membaca di bawah ini", "Gulir untuk lanjut membaca",
                                   "Bagikan resep ini:"])
def test_more_wordings_of_scroll_prompts_and_share_rows_are_pieces(piece):
    line = "Harga cabai naik lagi di pasar induk. " + piece + " Pedagang mengeluh sepi pembeli sejak pekan lalu."
    assert piece in [p.text(line) for p in find_candidates(line)]


@pytest.mark.parametrize(("line", "piece"), [
    ("Pasar tutup sepekan. - Baca selengkapnya di edisi cetak Koran Kita, Sabtu (19/7/2025). Warga kecewa.",
     "- Baca selengkapnya di edisi cetak Koran Kita, Sabtu (19/7/2025)."),
    ("Suara masuk 87 persen. Hitung cepat selengkapnya di hitungsuara.id/pilkada Dengan hasil itu calon unggul.",
     "Hitung cepat selengkapnya di hitungsuara.id/pilkada"),
])
def test_a_pointer_to_the_rest_of_the_story_elsewhere_is_a_piece(line, piece):
    assert piece in [p.text(line) for p in find_candidates(line)]


def test_the_rest_told_below_is_no_pointer_elsewhere():
    from classifiers.segment import ELSEWHERE

    assert ELSEWHERE.search("Rincian lengkapnya ada di bawah. Simak selengkapnya di bawah ini:") is None
