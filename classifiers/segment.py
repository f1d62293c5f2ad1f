"""Turning input into what the model labels: lines, and candidate junk pieces inside lines.

Lines are `text.split("\\n")`, never re-flowed, so that every index the API reports points at the caller's own
line. HTML is first turned into such lines (one per block element). Inside a line, regular expressions find the
*candidates* for glued junk (a `Baca juga: <headline>` in running text, a trailing `(den/yp)`, a call to action
glued to a paragraph's end); the model then decides whether each candidate is junk.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# --- candidates for junk pieces inside a line -------------------------------------------------------------
#: "Baca juga", "Lihat Juga", "BACA JUGA", also glued to the next word ("Baca jugaMendagri").
RELATED_CUE = re.compile(
    r"(?<![\w])(?i:baca|lihat|simak|tonton|cek)\s*(?i:juga|pula)(?![a-z])\s*(?:[:：\-–]\s*)?")
#: "Baca: <headline>" (no "juga"), link-list headers ("Next Article", "Pilihan Editor:"), each before a headline.
RELATED_BARE = re.compile(
    r"(?<![\w])(?:Baca|BACA|Lihat|LIHAT)\s*:\s*|(?:Next Article|NEXT ARTICLE|Pilihan Editor|PILIHAN EDITOR"
    r"|Artikel Terkait|ARTIKEL TERKAIT|Berita Terkait|BERITA TERKAIT|Video Terkait|Rekomendasi"
    r"|Artikel (?:Selanjutnya|Berikutnya)|ARTIKEL (?:SELANJUTNYA|BERIKUTNYA)|Baca Berita Lainnya|Berita Lainnya)"
    r"\s*:?\s*")
RELATED_BRACKETED = re.compile(r"\((?i:baca|lihat|simak)(?:\s+(?i:juga))?\s*:[^()\n]{3,200}\)")
#: Ad markers that scrapers leave in running text.
AD_MARKER = re.compile(r"\b(?:ADVERTISEMENT|Advertisement|SCROLL TO CONTINUE WITH CONTENT|Sponsored|SPONSORED)\b"
                       # a marker drawn around with dashes or stars: "*** Iklan ***", "— IKLAN —"
                       r"|[-*=~—–]{1,3}\s*(?:Iklan|IKLAN)\s*[-*=~—–]{1,3}")
#: Markers of paid content in Indonesian and English, as publishers print them over an ad's headline.
SPONSOR_MARKS = (r"Konten Bersponsor|KONTEN BERSPONSOR|Artikel Bersponsor|Konten Sponsor|Advertorial|ADVERTORIAL"
                 r"|Sponsored Content|Paid Content|Konten Berbayar|Promosi|PROMOSI|Sponsored|SPONSORED")
#: Short furniture words and prompts that scrapers leave between two sentences of running text ("... ujarnya.
#: Iklan Kuasa hukum ..."): only at a sentence boundary and before a capital, since "iklan" is also an ordinary word.
SHORT_FURNITURE = re.compile(
    r"(?:(?<=[.!?”\"\]])|(?<=[.!?”\"\]]\s)|^)(?:" + SPONSOR_MARKS + r"|Iklan|IKLAN|Konten Iklan|Dengarkan artikel ini"
    r"|Ringkasan Berita\s*:?|Lanjutkan [Mm]embaca(?: di bawah ini)?|Scroll untuk melanjutkan(?: membaca)?"
    r"|SCROLL UNTUK MELANJUTKAN(?: MEMBACA)?|Scroll to continue(?: with content)?|SCROLL TO RESUME CONTENT"
    r"|[Gg]ulir (?:ke bawah )?untuk (?:melanjutkan|membaca|lanjut)(?: membaca)?|Loading\.{3}|Memuat\.{3}"
    r"|Tulis [Kk]omentar(?: Anda)?"
    r"|Jangan [Ll]ewatkan [Vv]ideo [Tt]erbaru\s*:?|-{3,}|_{3,}|={3,})(?=\s+[A-Z“\"\[(]|\s*$)")
#: The markers among those that stand before a promoted headline ("Promosi Kredit Usaha Rakyat Bantu ...": the
#: sponsor marks).
PROMOTED = re.compile(r"(?:(?<=[.!?”\"\]])|(?<=[.!?”\"\]]\s)|^)(?:" + SPONSOR_MARKS + r")\s*:?\s+(?=[A-Z])")
#: Embed placeholders: [Gambas:Video 20detik], [Video], [Foto: ...].
EMBED = re.compile(r"\[(?:Gambas|Video|Foto|Baca|Embed)\b[^\]\n]{0,80}\]"
                   r"|\[(?i:embed)\][^\[\]\s]{1,200}\[/(?i:embed)\]"  # [embed]https://...[/embed]
                   r"|\((?:Embed|EMBED)\b[^()\n]{0,60}\)")  # (Embed YouTube)
#: What a social-media embed leaves when its script does not run: "View this post on Instagram", "A post shared by
#: Nama (@akun)", "pic.twitter.com/...", a tweet's signature "— Nama (@akun) June 11, 2025", a TikTok sound credit.
SOCIAL_EMBED = re.compile(
    r"View this post on Instagram|A post shared by [^()\n]{1,60}\(@[\w.]+\)|pic\.twitter\.com/\w+"
    r"|—\s*[^()\n—]{1,60}\(@\w+\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}"
    # a TikTok embed's sound credit: "♬ suara asli - Nama Akun"
    r"|♬ [^\n♬-]{1,40}-\s*[\w.@]+(?:\s+[A-Z][\w.]*+(?!\s+[a-z])){0,4}")
#: Reporter initials closing a paragraph: (den/yp), (*), (fid), (mcr8/jpnn), [ded], (Ant/Fik), (Z-2), (ABD),
#: (Kontributor Bandung, Nama): right after a sentence's end, at the end of a line or before a new sentence. A
#: bracketed ordinary word ("(Ethiopia)", "(persen)") or a date ("Kamis (13/2/2025)") is not one.
INITIALS = re.compile(
    r"(?:(?<=[.!?”\"*\]])|(?<=[.!?”\"*\]]\s))(?:\(\s*(?:\*|[a-z][a-z0-9]{0,4}|[A-Za-z*][\w*.-]{0,19}(?:\s*/\s*[\w*.-]{1,24}){1,3}|[A-Z]{1,4}-\d{1,2}|[A-Z]{2,4}"
    r"|(?:Kontributor|Laporan|Reporter)\b[^()\n]{1,40})\s*\)"
    r"|\[\s*[a-z]{2,5}(?:/[a-z]{2,5})?\s*\])(?=\s*$|\s+[A-Z“\"©\[(*])"
    r"|(?<=[A-Za-z]\s)\((?:[a-z]{2,5}\d?/){1,3}[a-z]{2,5}\d?\)(?=\s*$|\s+[A-Z“\"©\[(*])")
#: Words that open a sentence on a name or an office ("Menurut Wulan, ...", "Kepala Dinas Pariwisata, Rahmadi,
#: mengatakan", "Pihak KPU menyatakan"): when running text resumes after a glued headline with one of them, the
#: sentence starts there, not at the name just before the first lowercase word. Cutting a headline short at one of
#: them leaves a few junk words in the body; running it on would cut the article's own words, which is worse.
SENTENCE_OPENERS = frozenset(
    "Menurut Kata Ujar Sementara Namun Adapun Sedangkan Pihak Kepala Ketua Direktur Dinas Wakil Sekretaris "
    "Kapolres Kapolda Kapolsek Kasat Kasatreskrim Kapolresta Kajari Kajati Camat Lurah Kades Pemerintah "
    "Juru Pelaksana Plt Penjabat Koordinator Komandan Dandim Danrem "
    # the people a news sentence most often opens on: "Petugas Satpol PP membongkar ...", "Tim SAR gabungan ..."
    "Petugas Relawan Tim Pegawai Personel Anggota Warga Para Sejumlah Ratusan Puluhan "
    # and the trades and bodies they most often open on: "Pedagang di Pasar ...", "Badan Penanggulangan ..."
    "Pedagang Pemuda Nelayan Petani Pengunjung Penumpang Pengendara Pengamat Manajer Badan Balai Kepolisian "
    "Kementerian".split())
#: Not an opener word: names in a credit stop before the sentence that follows them.
NOT_OPENER = r"(?!" + "|".join(sorted(SENTENCE_OPENERS)) + r")\b"
#: Photo or outlet credits in brackets closing a paragraph: (Tribunnews.com/Nama), (ANTARA/Nama).
CREDIT = re.compile(
    r"\((?:[A-Za-z]+\.(?:com|co\.id|id|net)|ANTARA(?: FOTO)?|Foto|Dok\.?)\s*/[^()\n]{1,60}\)(?=\s*$|\s+[A-Z“\"])"
    r"|\((?:Foto|Photo|FOTO)\s*:[^()\n]{1,80}\)"
    # a picture credited to no one in particular, before the next sentence: "Foto: Istimewa Warga ..."
    r"|\b(?:Foto|Photo|FOTO|Sumber [Ff]oto|Kredit [Ff]oto)\s*:\s*(?:Istimewa|ISTIMEWA|Ist\.|Net|Internet|Freepik"
    r"|Shutterstock|Unsplash|Pixabay|Pexels|iStock(?:photo)?|Getty Images)(?=\s+[A-Z“\"(])"
    r"|\b(?:Foto|Photo|FOTO|Sumber [Ff]oto|Kredit [Ff]oto)\s*:\s*[\w@][\w.@-]*(?:\s+[A-Z][\w.@-]*){0,3}"
    r"(?:/[\w.@-]+(?:\s+" + NOT_OPENER + r"[A-Z][\w.@-]*+(?!\s+[a-z])){0,2}"
    r"|(?=\s*$))"
    r"|\b(?:(?:Foto|FOTO|Sumber [Ff]oto)\s*:\s*)?(?<=[.!?:]\s)(?:Dok|DOK)\.\s*[A-Z][\w.-]*(?:\s+" + NOT_OPENER
    + r"[A-Z][\w.-]*+(?!\s+[a-z])){0,3}(?=\s*$|\s+[A-Z“\"(])"
    r"|\((?:Dok|Dokumentasi|Sumber [Ff]oto|Sumber [Gg]ambar)\.?\s*:?\s*[^()\n]{1,60}\)"
    r"|\[(?:Dok|Dokumentasi)\.?\s*[^\[\]\n]{1,60}\]")
#: An account, a link or a closing bracket with no full stop after it, then the article's next sentence ("... di
#: TikTok @wartakota.id Pengamat telekomunikasi memperkirakan ...", "Tonton videonya: (Embed YouTube) Salah seorang
#: warga ..."): a call to action ends there.
HANDLE_THEN_SENTENCE = r"(?:@[\w.]*\w|https?://\S*[\w/]|\))(?=\s+[A-Z][a-z]+\s+[a-z])"
#: A call to action sentence: a verb of following or joining, then a channel.
#: After a verb that also opens a link cue: the cue's "juga" and colon ("Baca Juga: <headline>" is `RELATED_CUE`'s,
#: even when "aplikasi" follows it). Checked after the verb, not before the pattern, so that every alternative of
#: `CALL_TO_ACTION` still opens on a letter and the regex engine can skip ahead to where a verb may start.
NOT_LINK_CUE = r"(?!\s*(?i:juga|pula)\s*[:：\-–])"
CALL_TO_ACTION = re.compile(
    r"(?:Ikuti|IKUTI|Follow|Dapatkan|Gabung|Bergabung|Bergabunglah|Yuk|Cek" + NOT_LINK_CUE + r"|Klik|Download|Unduh"
    r"|Simak" + NOT_LINK_CUE + r"|Pilih|Update|Baca" + NOT_LINK_CUE + r"|Jangan lupa|Jangan lewatkan|Saksikan"
    r"|Tonton" + NOT_LINK_CUE + r")\b(?:[^.!?\n]|[.!?](?=\S)){0,200}?"
    r"(?:Google News|WhatsApp|Whatsapp|WA Channel|Telegram|Instagram|TikTok|YouTube|Youtube|aplikasi|Channel)"
    r"(?:(?!" + HANDLE_THEN_SENTENCE + r")(?:[^.!?\n]|[.!?](?=\S))){0,160}"
    r"(?:" + HANDLE_THEN_SENTENCE + r"|[.!?]+(?=\s|$)|$)")
#: A sentence that tells the reader to do something: the second half of "Penasaran ...? Gabung kanal ...".
IMPERATIVE = re.compile(
    r"(?:Klik|Gabung|Bergabung|Unduh|Download|Pantau|Ikuti|Dapatkan|Langganan|Berlangganan|Daftar|Saksikan|Tonton"
    r"|Cek|Kirim|Join|Follow|Aktifkan|Pesan|Konsultasi|Konsultasikan|Tanyakan|Yuk|Simak|Dengarkan|Kunjungi|Pasang"
    r"|Baca selengkapnya|Baca e-paper|Temukan|Nikmati|Ayo|Mari|Tulis|Ketik|Sisihkan|Ceritakan|Donasikan)\b")
#: How a call to action's opening question hooks the reader ("Mau kabar lebih cepat?", "Penasaran dengan ...?",
#: "Punya cerita di kampungmu?"): an interviewer asks otherwise ("Apakah Anda ...?", "Bagaimana ...?").
READER_HOOK = re.compile(r"(?:Mau|Ingin|Pengin|Penasaran|Punya|Tertarik|Tergerak|Butuh|Kepo|Sudah tahu|Sudah punya"
                         r"|Ada (?:kejadian|cerita|info|kabar))\b")
#: Caption words a picture's description may open with: "Ilustrasi. Hujan deras mengguyur ...".
CAPTION_LEAD = re.compile(r"(?:Ilustrasi|ILUSTRASI|Foto ilustrasi|Foto Ilustrasi)\s*[.:]?\s*")
#: Reporting words: a sentence with one is the article's own, never a picture's description.
REPORTING = re.compile(r"\b(?:mengatakan|menjelaskan|menyatakan|menambahkan|menuturkan|mengungkapkan|menyebut|"
                       r"menegaskan|ujar|ujarnya|kata|katanya|tutur|tuturnya|ungkap|ungkapnya|jelasnya|menurut)\b",
                       re.IGNORECASE)
#: A sentence that closes on whom it quotes (", kata Kapolres kepada wartawan.", "... ujarnya."): the article's
#: reporting, whatever cue or channel word it carries ("Ikuti terus perkembangannya, kata Kapolres.").
ATTRIBUTION = re.compile(r"[,.]\s*[\"”]?\s*(?:kata|ujar|tutur|ungkap|jelas|imbuh|tegas|sebut)(?:nya)?\b[^.!?]{0,80}"
                         r"[.!?]?[\"”]?\s*$", re.IGNORECASE)
#: The longest sentence taken to be a caption or a reader's question in front of a credit or a call to action.
MAX_LEAD_CHARS = 220
#: Syndication note: "Artikel ini telah tayang di X dengan judul "Y"", or a print edition's "Telah terbit di harian
#: cetak ...".
SYNDICATION = re.compile(
    r"Artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|diterbitkan|naik(?: tayang)?)\b[^\n]*?"
    r"(?:dengan judul\s*[\"“][^\"”\n]*[\"”]\.?|(?=$))"
    # a print edition's note opening a sentence: "Telah terbit di harian cetak Analisa edisi Selasa, ..."
    r"|(?:(?<=[.!?”\"]\s)|^)(?:Telah|Sudah) (?:terbit|tayang|dimuat) di (?:harian|koran|surat kabar|majalah|edisi)"
    r"[^.!?\n]{0,120}[.!?]?")
#: Paging furniture: "Halaman 1 2 3 Selanjutnya".
PAGING = re.compile(r"\b(?:Halaman|Pages?)\s*:?\s*(?:\d+\s*(?:dari|/)\s*\d+|(?:\d+\s*){1,10}"
                    r"(?:Selanjutnya|Berikutnya|Show All|Lihat Semua|Tampilkan Semua)?(?:\s*[»›])?)(?=\s|$)"
                    # "« Sebelumnya 1 2 3 Selanjutnya »", "Bersambung ke halaman 3", "Lanjut ke halaman berikutnya"
                    r"|(?:[«‹]\s*)?\b(?:Sebelumnya|Prev)\s+(?:\d+\s+){1,10}(?:Selanjutnya|Berikutnya|Next)\b(?:\s*[»›])?"
                    r"|\b[Bb]ersambung ke (?:halaman|hal\.)\s*\d+\b"
                    r"|(?<![\w,] )\b(?:\d{1,2}\s+){2,10}(?:Selanjutnya|Berikutnya)\b"
                    r"|\b[Ll]anjut(?:kan)?(?: membaca| baca)?(?: ke)? halaman (?:berikutnya|selanjutnya|\d+)\b")
#: A pointer to the rest of the story elsewhere, opening a sentence: "Hitung cepat selengkapnya di
#: hitungsuara.id/pilkada", "- Baca selengkapnya di edisi cetak Koran Kita, Selasa (11/3/2025).", "Tonton berita
#: selengkapnya di Kota TV". It ends with its link, or at its full stop or the line's end.
ELSEWHERE = re.compile(
    r"(?:(?<=[.!?”\"]\s)|^)(?:-\s*)?[A-Z]\w*(?: \w+){0,2} selengkapnya di (?!bawah\b)"
    r"(?:(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?(?=\s|$)|[^.!?\n]{2,80}?(?:[.!?](?=\s|$)|$))")
#: Video prompts: "Simak Video "...":", "Saksikan video berikut ini:".
VIDEO_PROMPT = re.compile(r"(?:Simak|Saksikan|Tonton)\s+(?:juga\s+)?[Vv]ideo(?:nya)?\b[^\n]{0,160}?(?::|$)")
#: Page widgets that scrapers glue into the text: read counters and reading time ("Dibaca 1.476 kali", "⏱ 5 menit
#: membaca"), text-size buttons ("Ukuran teks: A- A A+"), a row of share buttons ("WhatsApp Facebook Twitter
#: Telegram") and a breadcrumb trail ("Beranda › Kesehatan › Vaksinasi", "Home / Market / IPO").
SOCIAL_NAME = (r"(?:WhatsApp|Facebook|Twitter|X|Telegram|LinkedIn|Line|Pinterest|Email|E-mail|Salin [Tt]autan"
               r"|Copy [Ll]ink)")
BREADCRUMB_STEP = r"\s*[›»>/|]\s*[A-Z][\w&-]*(?: [A-Z&][\w&-]*){0,2}"
WIDGET = re.compile(
    r"(?:👁\s*)?\b(?:Dibaca|Dilihat)\s*:?\s*\d[\d.,]*\s*(?:kali|x)\b"
    r"|(?:⏱\s*)?\b\d{1,2}\s*menit (?:membaca|baca)\b|\b(?:Waktu|Lama) baca\s*:?\s*\d{1,2}\s*menit\b"
    r"|\b(?:Ukuran (?:teks|huruf|font)|Font)\s*:?\s*A-(?:\s*A)?\s*A\+"
    r"|\b" + SOCIAL_NAME + r"(?:\s*[·|]?\s*" + SOCIAL_NAME + r"\b){2,}"
    r"|\b(?:Home|HOME|Beranda|BERANDA)(?:" + BREADCRUMB_STEP + r"){1,4}")
#: Staff lines glued into flat text: "Editor: Nama Orang" (a name stops before the next role word).
ROLE_WORDS = "Editor|Penulis|Reporter|Pewarta|Kontributor|Penyunting|Fotografer|Redaktur|Laporan|Sumber|Tags?"
ROLE = f"(?:{ROLE_WORDS})"
#: A person's name in running text: capitalised words, stopping before a page word, before a capitalised word
#: that opens the next sentence (one followed by a lowercase word) and before a word in capitals (a dateline's
#: "FOTOJURNAL, BREBES —").
NAME = (r"[A-Z][\w.'’-]*(?:\s+(?![A-Z]{3,}[\s,.:—–-])(?!(?:" + ROLE_WORDS
        + r"|Copyright|COPYRIGHT|Hak|Baca|BACA|Ikuti|Simak|Halaman|Bagikan|Terkini|Terpopuler)\b)"
        r"[A-Z][\w.'’-]*+(?!\s+[a-z])){0,3}")
#: A role, with the desk or place a contributor files from ("Pewarta Foto", "Kontributor Tumbang Lawung"), a colon
#: and the name.
ONE_ROLE = (r"(?:(?:Pewarta|Kontributor|Editor)(?:\s+[A-Z][\w-]*){1,3}(?=\s*:)|" + ROLE_WORDS + r")"
            + r"\s*:\s*(?:Kontributor [A-Z][\w-]*(?:\s+[A-Z][\w-]*)?,\s*)?" + NAME)
STAFF = re.compile(r"\b" + ONE_ROLE + r"(?:\s*[|/]\s*" + ONE_ROLE + r")*"
                   r"|\bLaporan [Ww]artawan [^,\n]{2,40},\s*" + NAME
                   + r"|\b(?:Ditinjau|Diulas|Diperiksa) oleh\s*:?\s*(?:dr\.\s*|Dr\.\s*)?" + NAME
                   + r"(?:,\s*Sp\.\s?[A-Z]{1,4}\b)?")
#: One item of a comma-separated tag list: up to four words.
TAG_ITEM = r"[\w&'-]+(?:\s+[\w&'-]+){0,3}"
#: Page furniture glued into flat text: copyright, share and paging words, disclaimers, tag lists.
FURNITURE = re.compile(
    r"(?:Copyright|COPYRIGHT|©|Hak [Cc]ipta)[^\n]{0,100}?(?:[Rr]eserved|[Dd]ilindungi(?: [Uu]ndang-[Uu]ndang)?)\.?"
    r"|(?:Copyright|COPYRIGHT|©|Hak [Cc]ipta)[^.\n]{0,90}?"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?,?(?:\s+(?!(?:Bagikan|Tags?|Terkini|Terpopuler|Halaman|"
    + ROLE_WORDS + r")\b)[A-Z][\w.]*){0,6})"
    r"|\b(?:Halaman [Ss]elanjutnya|Baca halaman (?:selanjutnya|berikutnya)"
    r"|Bagikan(?: Artikel| [Aa]rtikel ini| [Rr]esep ini| [Bb]erita ini)?\s*:?|Salin tautan"
    r"|Terpopuler)(?=\s|$)"
    r"|\bDisclaimer\s*:(?:[^.!?\n]|[.!?](?=\S)){0,300}[.!?]"
    r"|\bTags?\s*:?(?:\s+[A-Z][\w-]*){1,12}(?:\s+Terkini)?(?=\s*$)"
    r"|\b(?:Tags?|TAGS?|Topik|TOPIK|Kata [Kk]unci)\s*:\s*" + TAG_ITEM + r"(?:,\s*" + TAG_ITEM + r"){1,15}"
    r"(?=\s*$|\s+(?:©|Copyright|[A-Z]))")

#: A flattened page's footer from its tag key or its latest-news header to the end of the line, with no sentence
#: ending in it: "... (eml/agl) Tag: kapal mati mesin Larantuka Terkini <headline> <headline>". The footer's parts
#: are glued with no separators, so no pattern for one of them can tell where it ends; the end of the line can. The
#: tag key may follow a name with no stop ("Editor: Nama Tags banjir ..."); "Topik" and "Terkini" must open a
#: sentence, and a body sentence that opens on them ends with a full stop, which the tail may not hold.
FOOTER_TAIL = re.compile(
    r"(?:(?<=\s)(?:Tags?|TAGS?|Tagar|TAGAR)\s*:?|(?:(?<=[.!?”\"\])])|(?<=[.!?”\"\])]\s)|^)(?:(?:Topik|TOPIK)\s*:?"
    r"|(?:Berita |BERITA )?(?:Terkini|TERKINI|Terpopuler|TERPOPULER)(?=\s+[A-Z\"“])))\s+(?:[^.!?\n]|[.!?](?=\S))+$")

#: What only an editor's note to the reader says: who is not responsible, what the article is not, that prices may
#: change, that copying is forbidden. A plain sentence of a flattened paragraph that says it is a cue candidate
#: (judged at the piece threshold, not the stricter sentence one); the model still decides.
EDITORIAL_NOTE = re.compile(
    r"\b(?:[Rr]edaksi|[Kk]ami|[Pp]enerbit)\b[^.!?\n]{0,60}\btidak bertanggung jawab"
    r"|\b(?:[Aa]rtikel|[Bb]erita|[Tt]ulisan|[Kk]onten|[Ii]nformasi)\b[^.!?\n]{0,40}\bbukan (?:merupakan )?"
    r"(?:ajakan|nasihat|saran|rekomendasi|pengganti)\b"
    r"|\b(?:Artikel|Berita|Tulisan|Konten|Informasi)(?: dalam| di)?(?: artikel| berita)? ini (?:hanya |telah |sudah )?"
    r"(?:bersifat|disusun|ditulis|disajikan|merupakan|dibuat|tidak menggantikan)\b"
    r"|\bhak jawab\b|\b[Dd]ilarang (?:keras )?(?:mengutip|menyalin|mengunggah|memakai|mengambil|mengindeks)\b"
    r"|\bdapat berubah sewaktu-waktu\b")
#: A note that corrects the story ("Catatan Redaksi: Artikel ini telah diperbarui untuk memperbaiki jumlah korban.
#: Sebelumnya tertulis ..."): the labelling guide counts it as the article's own, unlike a standing editor's note.
CORRECTION = re.compile(
    r"^\W*(?:Catatan [Rr]edaksi|CATATAN REDAKSI|Ralat|RALAT|Koreksi|Pembaruan|Update)\s*:[^\n]{0,120}?"
    r"\b(?:diperbarui|diperbaiki|memperbaiki|dikoreksi|mengoreksi|meralat)\b"
    r"|\b(?:[Ss]ebelumnya tertulis|versi sebelumnya|[Rr]edaksi mohon maaf)\b")
#: Where a sentence ends inside a long flat line: after . ! ? (and a closing quote), before a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"(\[])")
#: The most sentences one quotation is taken to run over; past it, an unclosed quote mark is a typo.
MAX_QUOTED = 6
#: Lines longer than this are flattened paragraphs: their sentences become candidates too.
FLAT_LINE_CHARS = 300

#: Furniture words that are junk when they stand alone on a line ("Selengkapnya", "Terkini", "Bagikan", a row of
#: dashes), but that no pattern for glued text may look for: inside running text they are ordinary words.
LONE_FURNITURE = re.compile(
    r"^\W*(?:(?:[Bb]aca|[Ll]ihat|[Ss]imak|[Yy]uk [Bb]aca)?\s*[Ss]elengkapnya|SELENGKAPNYA|Terkini|TERKINI|Terbaru|"
    r"Terpopuler|TERPOPULER|Populer|Bagikan(?: [Aa]rtikel(?: [Ii]ni)?)?|BAGIKAN|Share(?: this article)?|SHARE|"
    r"Tags?|TAGS?|Topik|TOPIK|Komentar|KOMENTAR|Lihat [Kk]omentar|Berita [Pp]ilihan)\W*$"
    r"|^\s*(?:[-–—―─━═*=_~•·]\s*){2,}$"  # a separator: a row of dashes, bars or stars
    r"|^\s*\d{1,2}\s*/\s*\d{1,2}\s*$"  # a page counter, "1 / 2"
    r"|^\s*(?:https?://|www\.|t\.me/|wa\.me/|bit\.ly/)\S+\s*$"  # a link standing alone
    r"|^\s*@[\w.]*\w\s*$")  # an account standing alone: what a social embed leaves of its author

CANDIDATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    RELATED_BRACKETED, AD_MARKER, SHORT_FURNITURE, EMBED, SOCIAL_EMBED, INITIALS, CREDIT, CALL_TO_ACTION, SYNDICATION,
    PAGING, VIDEO_PROMPT, ELSEWHERE, STAFF, FURNITURE, FOOTER_TAIL, WIDGET)

#: Lowercase words that may stand inside a Title Case Indonesian headline.
HEADLINE_LOWER = frozenset(
    "di ke dari dan yang untuk dengan atau pada ini itu vs oleh dalam jadi bagi hingga sampai soal usai jelang "
    "saat agar tak tidak bisa akan ada kian makin lagi juga pun se per via hari tahun ala".split())
WORD = re.compile(r"\S+")
#: Longer than any headline we have seen; a Title Case run past it is the article's own text resuming.
MAX_HEADLINE_WORDS = 16
#: The furthest back a resumed sentence's opener is looked for, in capitalised words before the first lowercase one.
OPENER_REACH = 12
#: Words a clickbait headline often ends on.
HEADLINE_CLOSER = re.compile(r"^(?!(?:Kamu|Anda)\b)(?:[A-Z]\w*(?:nya|mu|kah)|Ini|Begini|Lho|Loh|Sekarang|Disini|Sini)"
                             r"[!?.,]*$")
#: A pointer word that a closing word follows inside the same headline: "..., Ini Syaratnya", "Begini Caranya".
POINTER = frozenset({"Ini", "Begini", "Inilah", "Berikut"})


@dataclass(frozen=True)
class Piece:
    """A candidate junk piece inside a line: offsets into the line, end exclusive."""

    start: int
    end: int
    #: found by a junk pattern (a cue, a credit, a marker); False for a plain sentence of a flattened paragraph
    cue: bool = True

    def text(self, line: str) -> str:
        return line[self.start:self.end]


def split_lines(text: str) -> list[str]:
    """The input lines, exactly as the API numbers them (`text.split("\\n")`)."""
    return text.split("\n")


def headline_end(line: str, start: int) -> int:
    """Where a headline that begins at `start` ends, in running text.

    Indonesian headlines are Title Case with a few lowercase words (`di`, `ke`, `yang`, ...). The headline runs
    until the first lowercase word that is not one of those; that word belongs to a sentence that resumes the
    article, and that sentence began at the capitalised word before it.
    """
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(line, start)]
    if not tokens:
        return len(line)
    for k, (_s, _e, tok) in enumerate(tokens):
        core = tok.strip("\"“”'‘’([{")
        if not core:
            continue
        first = core[0]
        if first.islower() and core.rstrip(",.:;!?").lower() not in HEADLINE_LOWER:
            if k <= 2:
                # lowercase within the first three words: a sentence-case headline ("Baca juga: Pemkab Sintang
                # siapkan dapur umum"); a Title Case headline of one or two words is none
                return _sentence_case_end(line, start, tokens)
            # the resumed sentence starts at the last capitalised token before the lowercase one
            j = k - 1
            while j > 0 and tokens[j][2].strip("\"“”'‘’(")[:1].islower():
                j -= 1
            j = _sentence_opener(tokens, j)
            return _trim(line, start, tokens[j][0]) if j > 0 else tokens[k][0]
        if k >= MAX_HEADLINE_WORDS:
            # no headline is longer: what follows is the article, and its sentence may have begun a few words
            # back, at an opener ("... Arus Deras Petugas Balai Jalan Nasional (BPJN) Jambi mengerahkan")
            return _trim(line, start, tokens[_sentence_opener(tokens, k)][0])
        if k > 0 and tokens[k - 1][2].endswith((".", "!", "?")) and tokens[k - 1][2] not in ("vs.",):
            # a full stop after at least one word ends the headline ("... Naik Lagi. Polisi ...")
            return _trim(line, start, tokens[k][0])
        if (k >= 3 and HEADLINE_CLOSER.search(tokens[k - 1][2]) and first.isupper()
                and (k >= 5 or k + 1 < len(tokens) and tokens[k + 1][2][:1].islower())
                and not _headline_goes_on(tokens, k)):
            # clickbait headlines close on "..., Ini Daftarnya", "Cek Syaratnya", "Rahasia Terbesarmu"; a capital
            # right after such a word starts the article's next sentence
            return _trim(line, start, tokens[k][0])
    return len(line)


def _sentence_case_end(line: str, start: int, tokens: list[tuple[int, int, str]]) -> int:
    """Where a sentence-case headline ("Baca juga: Ratusan nelayan pilih tak melaut") ends in running text.

    It runs to its full stop when that comes within `MAX_HEADLINE_WORDS` words. When it does not, the article
    resumed without one ("... akibat cuaca buruk Ombak tinggi menghantam ..."): the headline ends before the first
    capitalised word, from its fourth word on, that follows a lowercase word no name follows ("buruk", not "di" or
    "jelang"): in a headline known to have run on, that capital most likely opens the next sentence. A name early
    in the headline ("Ratusan nelayan Cilacap pilih") and an acronym ("kata BMKG") stay in it. With neither, the
    old rule holds: the full stop, or the end of the line.
    """
    stop = SENTENCE_END.search(line, start, start + 160)
    head = tokens[:MAX_HEADLINE_WORDS + 1]
    if stop and (len(head) <= MAX_HEADLINE_WORDS or stop.start() < head[-1][0]):
        return _trim(line, start, stop.start() + 1)
    for k in range(3, len(head)):
        # a capital behind an opening quote mark counts: the article resumes with a quotation ('... kopi arabika
        # petani "Dulu warga ...')
        before, word = tokens[k - 1][2], tokens[k][2].lstrip("\"“‘'(")
        if (word[:1].isupper() and not word.isupper() and before[:1].islower()
                and before not in HEADLINE_LOWER and not before.endswith(",")):
            return _trim(line, start, tokens[k][0])
    return _trim(line, start, stop.start() + 1) if stop else len(line)


def _sentence_opener(tokens: list[tuple[int, int, str]], j: int) -> int:
    """Where a sentence that resumes after a headline begins, given its last capitalised word before the first
    lowercase one (`j`): at the nearest opener word among the capitalised words before it ("Kepala Dinas
    Pariwisata Kota Banjarmasin, Rahmadi Noor, mengatakan"), taking in openers and a connective right before that
    one ("Sementara itu, Kepala Dinas"), and never leaving the headline fewer than two words."""
    for back in range(j, max(j - OPENER_REACH, 1), -1):
        word = tokens[back][2]
        if QA_LABEL.match(word):
            return back  # an interview's question or answer resumes the article: "... Penampungan Air Tanya: Apa"
        if word.rstrip(",") in SENTENCE_OPENERS and _subject_phrase(tokens, back, j):
            while back - 1 >= 2 and tokens[back - 1][2] in SENTENCE_OPENERS:
                back -= 1
            if back - 2 >= 2 and tokens[back - 1][2] == "itu," and tokens[back - 2][2][:1].isupper():
                back -= 2  # a connective before the opener: "Sementara itu, Kepala Dinas ..."
            return back
        # an office's abbreviation in brackets, "(BPJN)", is a capitalised word too, and so is a number in a name
        # ("Ketua RT 04, Ujang"); an opening quote mark is not, since a quotation starts a sentence of its own
        core = word.strip("()[],")
        if (not (core[:1].isupper() or core[:1].isdigit() or core.lower() in HEADLINE_LOWER)
                or word.endswith((".", "!", "?"))):
            break
    return j


#: The labels of an interview's or an explainer's questions and answers ("Tanya: ...", "Jawab: ...").
QA_WORDS = "Tanya|Jawab|Pertanyaan|Jawaban|T|J|Q|A"
#: Such a label as a word of running text: it opens a sentence of the article.
QA_LABEL = re.compile(r"(?:" + QA_WORDS + r"):$")
#: The most capitalised words an opener's subject runs to before its verb without a comma ("Pemuda Desa Hutadaa
#: memasang"); a longer run with no comma is a headline that merely holds an opener word ("Petani Pati Terancam ...").
MAX_SUBJECT_WORDS = 7


def _subject_phrase(tokens: list[tuple[int, int, str]], back: int, j: int) -> bool:
    """The capitalised words from an opener at `back` to `j` can be a sentence's subject: a short run, or one with
    an apposition's comma ("Kepala Dinas Pariwisata Kota Banjarmasin, Rahmadi Noor, mengatakan")."""
    return j - back < MAX_SUBJECT_WORDS or any(tokens[i][2].endswith(",") for i in range(back, j + 1))


def _headline_goes_on(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """The capitalised word at `k`, after a closing word, still belongs to the headline: a pointer's closing word
    ("Ini Syaratnya") or a question or exclamation that ends within two words ("Kamu Termasuk?")."""
    before, word = tokens[k - 1][2], tokens[k][2]
    if before in POINTER and HEADLINE_CLOSER.search(word):
        return True
    ahead = tokens[k:k + 2]
    return any(t[2].endswith(("?", "!")) for t in ahead) and all(t[2][:1].isupper() for t in ahead[:-1])


def _trim(line: str, start: int, end: int) -> int:
    while end > start and line[end - 1].isspace():
        end -= 1
    return end


def find_candidates(line: str) -> list[Piece]:
    """Candidate junk pieces inside `line`, sorted and not overlapping (the longer of two overlaps wins)."""
    return scan(line)[0]


def scan(line: str) -> tuple[list[Piece], bool]:
    """`find_candidates(line)`, and whether one junk pattern matched the whole line.

    A whole-line match is no candidate (the line model decides the line), but it is a fact worth telling that
    model: a line that a pattern written for glued junk covers end to end ("Artikel ini sudah tayang di ... dengan
    judul "..."") is junk in any house style, whatever words the training corpus happened to use. A match that leaves
    only dashes or brackets around it ("- Advertisement -") is a whole-line match too (`_covers`).
    """
    found: list[Piece] = []
    for cue in (RELATED_CUE, RELATED_BARE):
        for m in cue.finditer(line):
            found.append(Piece(m.start(), headline_end(line, m.end())))
    for m in PROMOTED.finditer(line):
        # the headline alone; the marker is its own piece. A sentence that opens on an office or a name right after
        # the marker ("Konten Bersponsor Kepala Dinas ..., Nama, mengapresiasi ...") is the article resuming: the
        # marker stood alone
        first = line[m.end():].split(maxsplit=1)[:1]
        if not first or first[0].rstrip(",") not in SENTENCE_OPENERS:
            found.append(Piece(m.end(), headline_end(line, m.end())))
    for pattern in CANDIDATE_PATTERNS:
        for m in pattern.finditer(line):
            if m.end() > m.start():
                found.append(Piece(m.start(), _trim(line, m.start(), m.end())))
    merged = _longest_first(found)
    whole = any(_covers(line, p) for p in merged) or bool(LONE_FURNITURE.match(line.strip()))
    if len(line) > FLAT_LINE_CHARS:
        spans = sentences(line)
        merged = _with_sentences(line, spans, _with_leads(line, spans, _unquoted(line, merged, spans)))
    else:
        merged = _unquoted(line, merged, [Piece(0, len(line))])
    # a candidate that is the whole line is the line itself: the line model decides it
    return [p for p in merged if not _covers(line, p)], whole


def _covers(line: str, piece: Piece) -> bool:
    """The piece holds every letter and digit of the line: it is the whole line, give or take the dashes, stars or
    brackets a page draws around a marker ("- Advertisement -", "*** ADVERTISEMENT ***")."""
    return not any(ch.isalnum() for ch in line[:piece.start]) and not any(ch.isalnum() for ch in line[piece.end:])


def sentences(line: str) -> list[Piece]:
    """The sentences of a line, as pieces (whitespace between them left out).

    A quotation of several sentences stays one piece: junk is never inside someone's quoted words, and a piece that
    opens a quotation without closing it ("Dulu pembeli ambil sambal sepuasnya.) is only part of one.
    """
    out: list[Piece] = []
    start = 0
    for m in SENTENCE_END.finditer(line):
        end = m.start() + (len(m.group()) - len(m.group().lstrip("\"”’")))
        out.append(Piece(start, _trim(line, start, end)))
        start = m.end()
    out.append(Piece(start, _trim(line, start, len(line))))
    return _whole_quotations(line, [p for p in out if p.end > p.start])


def _whole_quotations(line: str, pieces: list[Piece]) -> list[Piece]:
    """Join the sentences of a quotation that runs over several of them (at most `MAX_QUOTED` in one)."""
    out: list[Piece] = []
    joined = 0  # sentences in the last piece of `out` while its quotation is still open; 0 when it is closed
    for p in pieces:
        if 0 < joined < MAX_QUOTED:
            out[-1] = Piece(out[-1].start, p.end)
            joined += 1
        else:
            out.append(p)
            joined = 1
        if not _quote_open(line[out[-1].start:out[-1].end]):
            joined = 0
    return out


def _unquoted(line: str, cues: list[Piece], spans: list[Piece]) -> list[Piece]:
    """The cue candidates that do not stand inside someone's quoted words: an official's "Ikuti pengumuman di
    aplikasi resmi saja. ..." matches a call to action, but it is the article's quotation. `spans` are the line's
    sentences (a quotation over several is one), or the whole line."""
    def inside(c: Piece) -> bool:
        return any(s.start <= c.start < s.end and _quote_open(line[s.start:c.start]) for s in spans)
    return [c for c in cues if not inside(c)]


def _quote_open(text: str) -> bool:
    """The text opens a quotation it does not close (straight quotes counted in pairs, curly ones by side)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _with_leads(line: str, spans: list[Piece], cues: list[Piece]) -> list[Piece]:
    """In a flattened paragraph, join a cue with the sentence that leads into it, when that sentence is part of the
    same piece of furniture: the picture's description before a credit ("Warga antre di TPS. Foto: Dok. KPU"), the
    reader's question before a call to action ("Mau kabar lebih cepat? Gabung saluran WhatsApp kami.").

    A question before a plain sentence that tells the reader to do something becomes one candidate too. Either way
    the model judges the joined piece; the joining only lets it see the furniture whole. `spans` are the line's
    `sentences`."""
    out = list(cues)
    for k, sent in enumerate(spans):
        text = line[sent.start:sent.end]
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        if nxt is not None and readers_question(text) and IMPERATIVE.match(line, nxt.start):
            out.append(Piece(sent.start, nxt.end))
            continue
        # a caption sentence, then its credit: the credit is a cue that starts inside or right after the sentence
        for c in cues:
            if sent.start < c.start <= sent.end + 1 and CREDIT.match(line, c.start) and c.start > sent.start + 15:
                lead = line[sent.start:c.start]
                if len(lead) <= MAX_LEAD_CHARS and not _quoted(lead) and not REPORTING.search(lead):
                    out.append(Piece(sent.start, c.end))
        # "Ilustrasi." standing alone opens the picture's description that follows it
        if nxt is not None and CAPTION_LEAD.fullmatch(text + " "):
            out.append(Piece(sent.start, nxt.end))
    for c in cues:  # a question right before a call to action a pattern found
        prev = [s_ for s_ in spans if s_.end <= c.start and c.start - s_.end <= 2]
        if prev and readers_question(line[prev[-1].start:prev[-1].end]):
            out.append(Piece(prev[-1].start, c.end))
    return _longest_first([_with_caption_lead(line, spans, p) for p in out])


def _with_caption_lead(line: str, spans: list[Piece], piece: Piece) -> Piece:
    """The piece, taking in an "Ilustrasi." sentence right before it."""
    for k in range(1, len(spans)):
        if spans[k].start == piece.start and CAPTION_LEAD.fullmatch(line[spans[k - 1].start:spans[k - 1].end] + " "):
            return Piece(spans[k - 1].start, piece.end, piece.cue)
    return piece


def readers_question(text: str, max_chars: int = MAX_LEAD_CHARS) -> bool:
    """A short question outside quotation marks: how an invitation opens ("Mau kabar lebih cepat?")."""
    return text.endswith("?") and len(text) <= max_chars and not _quoted(text)


def _quoted(text: str) -> bool:
    return any(q in text for q in "\"“”")


def _longest_first(found: list[Piece]) -> list[Piece]:
    """Sorted pieces with overlaps resolved: of two that overlap, the longer stays."""
    found = sorted(found, key=lambda p: (p.start, -(p.end - p.start)))
    merged: list[Piece] = []
    for piece in found:
        if piece.end <= piece.start:
            continue
        if merged and piece.start < merged[-1].end:
            if piece.end - piece.start > merged[-1].end - merged[-1].start:
                merged[-1] = piece
            continue
        merged.append(piece)
    return merged


def _with_sentences(line: str, spans: list[Piece], cues: list[Piece]) -> list[Piece]:
    """In a flattened paragraph, every sentence becomes a candidate too, less the cue candidates inside it: the
    text after "(den/yp)" up to the next full stop ("(den/yp) Artikel ini disusun dari siaran pers.") is a sentence
    of its own. An editor's note among them is a cue candidate. `spans` are the line's `sentences`."""
    extra = []
    for sent in spans:
        inside = sorted((c for c in cues if sent.start < c.end and c.start < sent.end), key=lambda c: c.start)
        if not inside:
            extra.append(Piece(sent.start, sent.end, cue=_editorial(line, sent.start, sent.end)))
            continue
        pos = sent.start
        for c in inside:
            extra.extend(_rest(line, pos, c.start))
            pos = max(pos, c.end)
        extra.extend(_rest(line, pos, sent.end))
    return sorted(cues + extra, key=lambda p: p.start)


#: The shortest leftover of a sentence, beside a cue inside it, that is judged as a piece of its own.
MIN_REST_CHARS = 20


def _rest(line: str, start: int, end: int) -> list[Piece]:
    """The text of a sentence between two cues (or a cue and the sentence's end), as a plain piece if long enough."""
    while start < end and line[start].isspace():
        start += 1
    end = _trim(line, start, end)
    return [Piece(start, end, cue=_editorial(line, start, end))] if end - start >= MIN_REST_CHARS else []


def _editorial(line: str, start: int, end: int) -> bool:
    return bool(EDITORIAL_NOTE.search(line, start, end))


def without(line: str, spans: list[tuple[int, int]]) -> str:
    """The line less the given (start, end) pieces, joined with single spaces where a piece stood."""
    parts = []
    pos = 0
    for start, end in sorted(spans):
        parts.append(line[pos:start].strip())
        pos = max(pos, end)
    parts.append(line[pos:].strip())
    return " ".join(p for p in parts if p)
