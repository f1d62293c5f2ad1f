"""Line shapes the cleaner's rules ask about, apart from the model's features.

The model scores every line; the rules in `classifiers/cleaner.py` then ask of some lines what shape they have: a
sub-heading between paragraphs, an item of a list whose bullet the scraper dropped, a fragment of a broken sentence,
an interview's question and answer, a row of a table. Each predicate here reads one `LineItem` (its text and its
neighbours) and says why that shape matters; `tests/test_guards.py` checks each one's claim about the corpus.
"""
from __future__ import annotations

import re

from classifiers.features import (
    BARE_CUE,
    BULLET,
    CLOSERS,
    CREDIT_TAIL,
    CUE_START,
    DATE_LIKE,
    FURNITURE_KEY,
    ON_TOPIC,
    TIME_LIKE,
    LineItem,
    alpha_words,
    colon_key,
    heading_shaped,
    tokens,
)
from classifiers.segment import CALL_TO_ACTION, IMPERATIVE, READER_HOOK, SENTENCE_END


def inner_heading(it: LineItem) -> bool:
    """A heading-shaped line between the first and the last line, neither under a "Baca Juga"-like cue nor opening
    with a cue of its own nor credited like a photo ("Warta Kota/Dimas Aryo"): the shape both sub-headings and
    linked headlines take. A sub-heading may ask a question ("Kenapa Penonton Tertarik?"), unless a furniture key
    opens it ("Video: ... Beli atau Tunggu?")."""
    text = it.text.rstrip()
    if text.endswith("?") and not colon_key(text)[0]:
        text = text[:-1]
    return (not it.is_piece and 0 < it.index < it.count - 1 and heading_shaped(text)
            and not BARE_CUE.match(it.prev) and not CUE_START.match(it.text) and not CREDIT_TAIL.search(it.text))


def on_topic_heading(it: LineItem) -> bool:
    """A heading-shaped line inside the article, on its topic, and not under a "Baca Juga"-like cue: most likely
    a sub-heading of the article itself, so the cleaner asks for more certainty before removing it. A line keyed
    by a furniture word ("Video: Laba Bank Jumbo Masih Tumbuh") is a link or a credit by its key, however on topic:
    in our corpus no such line is body."""
    return it.similarity >= ON_TOPIC and inner_heading(it) and not colon_key(it.text)[0]


#: The most words a short heading has (`short_heading`): linked headlines are longer.
SHORT_HEADING_WORDS = 6


def short_heading(it: LineItem) -> bool:
    """A heading-shaped line of a few words between the article's paragraphs, matched whole by no junk pattern and
    opened by no cue: most likely a sub-heading ("Fasilitas Latihan Masih Terbatas"), whatever its topic.

    Linked headlines run longer: in our corpus, lines of this shape are body four times in five and links under one
    time in a hundred (`tests/test_guards.py` checks both). The rest are markers (`Konten Bersponsor`), dates and
    names the model is mostly sure of, so the cleaner asks of them the certainty it asks of an on-topic sub-heading.
    A line keyed by a furniture word (`Kategori: ...`, `Halaman: 1 2 ...`) is page furniture by its key, and a date
    with its time (`Senin, 9 Juni 2025 19:16 WIB`) is a page's timestamp: neither is guarded.
    """
    if it.patterned or it.in_tail or it.above_dateline or not inner_heading(it):
        return False
    if DATE_LIKE.search(it.text) and TIME_LIKE.search(it.text):
        return False
    return len(alpha_words(it.text)) <= SHORT_HEADING_WORDS and not colon_key(it.text)[0]


#: The share of a sub-heading's content words that the paragraph under it takes up (`leads_next`).
LEADS_NEXT_SHARE = 1 / 3
#: The shortest line below a heading read as the paragraph it introduces.
LEADS_NEXT_PARAGRAPH_CHARS = 80


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so that `Patungan Beli` meets `patungan membeli` half-way: Indonesian
    affixes (me-, ber-, -kan, -an) would otherwise hide most repeats."""
    return {w[:5] for w in tokens(text)}


def leads_next(it: LineItem) -> bool:
    """A heading-shaped line whose words the paragraph right under it picks up: the sub-heading of that paragraph.

    "Patungan Beli Langsung ke Peternak" over "... kini patungan membeli telur langsung dari peternak ...". A linked
    or ad headline between paragraphs shares the article's topic but not the next paragraph's words: in our corpus at
    most one in a hundred related or promo lines of this shape over a paragraph has a third of its words in it, while
    more than half of the body sub-headings do (`tests/test_guards.py` checks both). Lines at the page top (above
    the dateline) or in the footer, lines a junk pattern matched and lines keyed or credited like furniture are never
    taken for sub-headings here.
    """
    if it.patterned or it.in_tail or it.above_dateline or len(it.next) < LEADS_NEXT_PARAGRAPH_CHARS:
        return False
    text = it.text.strip()
    if not inner_heading(it) or "/" in text or colon_key(text)[0] or furniture_opening(text):
        return False  # a photo credit (`Analisa/Fadli Nasution`, `Dok. Pokdarwis`) names the dateline's publisher
    mine = _stems(text)
    return bool(mine) and len(mine & _stems(it.next)) >= LEADS_NEXT_SHARE * len(mine)


#: Emoji and arrows after a line's last word ("Ikut kuis: Seberapa burnout kamu? 🔥"): its real end is before them.
TRAILING_SYMBOLS = re.compile(r"[^\w\s.?!:\"”’')]+\s*$")
#: The most words a bare list item (`2 siung bawang putih`, `Fotokopi KTP dan kartu keluarga`) may have.
LIST_ITEM_WORDS = 12
#: A Title Case item this short is a name in the list ("Kecamatan Banyumanik", "Jalan Pemuda depan Balai Kota"),
#: not a linked or ad headline: those run longer.
LIST_NAME_WORDS = 5


def list_intro(text: str) -> bool:
    """A line that announces a list of the article's own ("Bahan-bahan:", "Berikut dokumen yang perlu
    disiapkan:"): it ends on a colon, its last sentence invites the reader to nothing ("Gabung kanal Telegram
    kami:"), and, when it is a line of its own rather than a paragraph, no cue or furniture key opens it ("Baca juga:",
    "Tags:", "Berita Terkait:"). A flat paragraph may open with glued junk and still end on the list's intro."""
    t = text.strip()
    if not t.endswith(":"):
        return False
    sentences = SENTENCE_END.split(t)
    if IMPERATIVE.match(sentences[-1]) or BARE_CUE.match(sentences[-1]):
        return False
    return len(sentences) > 1 or not (furniture_opening(BULLET.sub("", t)) or BARE_CUE.match(t))


#: The words that head a list of links: "Resep lainnya", "Artikel terkait", "Berita Selanjutnya". A list intro
#: (`LINK_LIST_INTRO`) may use a few more ("Pilihan redaksi:"), which a sub-heading of the article may also hold
#: ("Rekomendasi Analis untuk Rabu"), so a header on a line of its own (`LINK_LIST_HEADER`) uses only these.
LINK_LIST_WORDS = "lainnya|terkait|selanjutnya"
#: A short intro that announces more links rather than the article's own list ("Resep lainnya:", "Artikel
#: terkait:", "Pilihan redaksi:").
LINK_LIST_INTRO = re.compile(r"^\W*(?:[\w-]+\s+){0,3}(?:" + LINK_LIST_WORDS + r"|terpopuler|pilihan|rekomendasi)"
                             r"(?:\s+[\w-]+){0,2}\s*:$", re.IGNORECASE)


#: The header of a list of links, a few words around "lainnya", "terkait" or "selanjutnya" ("Resep lainnya:",
#: "Lainnya di KabarKota", "Berita Selanjutnya"); in our corpus no body line has that shape.
LINK_LIST_HEADER = re.compile(
    r"^\W*(?:(?:[\w-]+\s+){0,2}(?:" + LINK_LIST_WORDS + r")(?:\s+(?:di|dari)\s+[\w .-]+)?"
    r"|(?:lainnya|terkait)\s+(?:di|dari)\s+[\w .-]+)\s*:?\s*$", re.IGNORECASE)


def link_list_header(text: str) -> bool:
    """A line of at most six words that heads a list of links (`LINK_LIST_HEADER`)."""
    t = text.strip()
    return len(t.split()) <= 6 and bool(LINK_LIST_HEADER.match(t))


def titled_list_intro(text: str) -> bool:
    """An intro whose list may hold Title Case items longer than a name ("Berikut rangkaian acaranya:" / "Pawai
    Obor Budaya dari Balai Kota Menuju Alun-Alun"): any list intro but one that announces more links."""
    return list_intro(text) and not LINK_LIST_INTRO.match(text.strip())


def furniture_opening(t: str) -> bool:
    """The line opens with a cue or furniture word that keys it ("Foto: ...", "Baca juga ...", "Editor Rina",
    "Advertorial", "Tags:"), not with a word that merely starts an item ("Foto diri terbaru", "Sumber air bersih",
    "Fotokopi KTP")."""
    m = CUE_START.match(t) or FURNITURE_KEY.match(t)
    if m is None or t[m.end():m.end() + 1].isalnum():
        return False
    rest = t[m.end():].strip()
    return rest[:1] in ("", ":", "|") or len(rest.split()) <= 1 or rest.split()[0].lower() in ("juga", "pula")


def list_item(it: LineItem, *, titled: bool = False) -> bool:
    """A short line shaped like an item of a list whose bullet the scraper dropped: a few words, no final stop,
    question or exclamation, not Title Case beyond `LIST_NAME_WORDS` words (a linked or ad headline is) unless
    `titled` (under an intro the model kept, `titled_list_intro`: an event list's "Pentas Tari Topeng Kelana di
    Taman Budaya"), never several words in capitals (a widget's heading: "DATA PASAR KPNS"), no
    invitation, junk pattern or opening cue or furniture word (`Advertorial`, `Baca juga ...`), and keyed, if at
    all, by a word that is not a furniture key ("Pendaftaran: 2-30 Juni 2025", not "Editor: ..."). A run of such
    lines reads like a tag list, which is why the model takes them for furniture."""
    t = TRAILING_SYMBOLS.sub("", it.text).strip()
    words = t.split()
    if (it.is_piece or it.patterned or not words or len(words) > LIST_ITEM_WORDS or len(t) > 90
            or not t[0].isalnum() or t[-1] in ".?!:" or furniture_opening(t) or IMPERATIVE.match(t)):
        return False
    key, other_key = colon_key(t)
    heading = t.isupper() and len(words) > 1  # an acronym alone ("NPWP") may be an item
    return not key and not heading and (titled or bool(other_key) or len(words) <= LIST_NAME_WORDS
                                        or not heading_shaped(t))


def list_run(items: list[LineItem], start: int, *, titled: bool) -> int:
    """Where the run of list items (`list_item`) that begins at `start` ends. With `titled`, Title Case items of
    any length belong to it while every item so far is in headline shape (an event list); after a plain item
    ("Fotokopi KTP"), a line in headline shape is an ad or a link that ends the run."""
    run = start
    while run < len(items) and list_item(items[run], titled=titled):
        titled = titled and heading_shaped(TRAILING_SYMBOLS.sub("", items[run].text).strip())
        run += 1
    return run


#: The key a list item opens on, with up to two more words or numbers before its colon: "Ronde 2: ...", "Juri Harun
#: Wijaya: 48-47 untuk Rambe", "Hari 1: ...".
ITEM_KEY = re.compile(r"^\W{0,3}([^\W\d][\w-]*)(?:\s+[\w.-]+){0,2}\s*:\s*\S")
#: The longest line read as an item of a keyed list.
KEYED_ITEM_CHARS = 200


def _item_key(it: LineItem) -> str | None:
    """The lowercased key word a line opens on as a list item (`ITEM_KEY`), unless it is a piece, a junk pattern
    matched it, it runs long, or its key is furniture's or a cue's ("Editor:", "Foto:", "Baca juga:")."""
    t = it.text.strip()
    m = ITEM_KEY.match(t)
    if m is None or it.is_piece or it.patterned or len(t) > KEYED_ITEM_CHARS or CUE_START.match(t):
        return None
    return None if FURNITURE_KEY.fullmatch(m.group(1)) else m.group(1).lower()


def keyed_run(items: list[LineItem], start: int) -> int:
    """Where a run of at least two lines that open on the same key (`_item_key`) and begins at `start` ends; `start`
    when there is none. Items of one list share a key ("Ronde 1: ...", "Ronde 2: ..."), whatever their length or
    final stop: a round-by-round summary or a judge's scorecard under an intro is the article's own list, while a
    bare list item (`list_item`) may not end on a full stop."""
    key = _item_key(items[start]) if start < len(items) else None
    if key is None:
        return start
    run = start + 1
    while run < len(items) and _item_key(items[run]) == key:
        run += 1
    return run if run - start >= 2 else start


#: The shortest line read as the answer under a question (`asks_before_answer`).
ANSWER_CHARS = 60


def asks_before_answer(it: LineItem) -> bool:
    """A question in sentence case right above a paragraph: an interview's or an explainer's question, answered
    by the line under it ("Apakah ada uang saku?" / "Ada uang transpor Rp50 ribu ...", "Wartawan: Apakah Anda
    sempat khawatir?" / "Hendrik: Khawatir pasti ada ...").

    A reader's question that opens a call to action hooks the reader ("Mau kabar lebih cepat?", `READER_HOOK`) and
    is answered by an invitation ("Gabung kanal ..."), which opens with an imperative; a linked headline that asks
    ("Cek Fakta: Benarkah ...?") is Title Case. In our corpus a question of this shape over a body paragraph is body
    every time (`tests/test_guards.py`).
    """
    t, nxt = it.text.strip(), it.next.strip()
    return (t.endswith("?") and not it.is_piece and not CUE_START.match(t) and not READER_HOOK.match(t)
            and not heading_shaped(t.rstrip("?")) and len(nxt) >= ANSWER_CHARS and not IMPERATIVE.match(nxt))


def answers_question(it: LineItem) -> bool:
    """A sentence right under a question: its answer ("Apakah ada uang saku?" / "Ada uang transpor ..."), unless
    it tells the reader to do something, as the second line of a call to action does."""
    t = it.text.strip()
    return (it.prev.rstrip().endswith("?") and t.endswith(".") and not it.is_piece and not CUE_START.match(t)
            and not IMPERATIVE.match(t) and not CALL_TO_ACTION.search(t))


#: The longest line read as a row of a structured run (`row_shape`).
ROW_CHARS = 100


def row_shape(text: str) -> tuple[bool, bool, str, bool, bool] | None:
    """The shape of a line that is a row of a run the article lays out ("2018-2021: Sriwijaya Putra (62 penampilan,
    7 gol)", "Grafis: 7,5/10", "0-1 Marcelo Duarte (19')"), or None for a line of no such shape.

    A row opens with a figure (and its first word's form, `0-0:`), is keyed by a word and a colon, or ends on a
    figure or a bracket; it is short and ends no sentence. Lines opened by a cue or a furniture key ("Baca juga:",
    "Editor:", "(Sumber: ...)") have no row shape: they are what stands between an article's rows, not one of them.
    """
    t = text.strip()
    if not t or len(t) > ROW_CHARS or t[-1] in ".!?" or not t[0].isalnum():
        return None
    if furniture_opening(t) or CUE_START.match(t):
        return None
    numbered = t[0].isdigit()
    head = re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "0", t.split(" ")[0]))[:6] if numbered else ""
    shape = (numbered, bool(re.match(r"[^:]{1,30}:", t)), head, t[-1].isdigit(), t[-1] == ")")
    return shape if any(shape) else None


def mid_sentence(it: LineItem) -> bool:
    """The line continues a sentence: the line before it stops without a full stop and the text runs on in
    lowercase (or ends on the next line). Scrapers break sentences like this where they drop a link
    ("... kata anggota" / "DPRD Surabaya" / "menyatakan ..."); the fragment is the article's own text, however much
    it looks like a tag or a name."""
    prev, nxt = it.prev.rstrip(), it.next.strip()
    # the sentence carries on into the next line, or ends there
    runs_on = (nxt[:1].islower() or (nxt[:1] != "" and nxt[:1] in ",;)") or it.text[:1].islower()
               or len(nxt) >= 60 and nxt[-1:] in CLOSERS)
    return (not it.is_piece and bool(prev) and prev[-1:] not in CLOSERS and prev[-1:] != ":" and runs_on
            and not CUE_START.match(it.text) and not BARE_CUE.match(prev))
