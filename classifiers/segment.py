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
    r"|Artikel Terkait|ARTIKEL TERKAIT|Berita Terkait|BERITA TERKAIT|Video Terkait|Rekomendasi)\s*:?\s*")
RELATED_BRACKETED = re.compile(r"\((?i:baca|lihat|simak)(?:\s+(?i:juga))?\s*:[^()\n]{3,200}\)")
#: Ad markers that scrapers leave in running text.
AD_MARKER = re.compile(r"\b(?:ADVERTISEMENT|Advertisement|SCROLL TO CONTINUE WITH CONTENT|Sponsored|SPONSORED)\b")
#: Short furniture words and prompts that scrapers leave between two sentences of running text ("... ujarnya.
#: Iklan Kuasa hukum ..."): only at a sentence boundary and before a capital, since "iklan" is also an ordinary word.
SHORT_FURNITURE = re.compile(
    r"(?:(?<=[.!?”\"\]])|(?<=[.!?”\"\]]\s)|^)(?:Iklan|IKLAN|Konten Iklan|Promosi|PROMOSI|Sponsored|SPONSORED"
    r"|Dengarkan artikel ini|Ringkasan Berita|Lanjutkan [Mm]embaca|Scroll untuk melanjutkan(?: membaca)?"
    r"|SCROLL UNTUK MELANJUTKAN(?: MEMBACA)?|Scroll to continue(?: with content)?|SCROLL TO RESUME CONTENT"
    r"|Jangan [Ll]ewatkan [Vv]ideo [Tt]erbaru\s*:?|-{3,}|_{3,}|={3,})(?=\s+[A-Z“\"\[(]|\s*$)")
#: The markers among those that stand before a promoted headline ("Promosi Kredit Usaha Rakyat Bantu ...").
PROMOTED = re.compile(r"(?:(?<=[.!?”\"\]])|(?<=[.!?”\"\]]\s)|^)(?:Promosi|PROMOSI|Sponsored|SPONSORED)\s+(?=[A-Z])")
#: Embed placeholders: [Gambas:Video 20detik], [Video], [Foto: ...].
EMBED = re.compile(r"\[(?:Gambas|Video|Foto|Baca|Embed)\b[^\]\n]{0,80}\]")
#: Reporter initials closing a paragraph: (den/yp), (*), (fid), (mcr8/jpnn), [ded], (Ant/Fik), (Z-2), (ABD),
#: (Kontributor Bandung, Nama): right after a sentence's end, at the end of a line or before a new sentence. A
#: bracketed ordinary word ("(Ethiopia)", "(persen)") or a date ("Kamis (13/2/2025)") is not one.
INITIALS = re.compile(
    r"(?:(?<=[.!?”\"*\]])|(?<=[.!?”\"*\]]\s))(?:\(\s*(?:\*|[a-z][a-z0-9]{0,4}|[A-Za-z*][\w*.-]{0,19}(?:\s*/\s*[\w*.-]{1,24}){1,3}|[A-Z]{1,4}-\d{1,2}|[A-Z]{2,4}"
    r"|(?:Kontributor|Laporan|Reporter)\b[^()\n]{1,40})\s*\)"
    r"|\[\s*[a-z]{2,5}(?:/[a-z]{2,5})?\s*\])(?=\s*$|\s+[A-Z“\"©\[(*])")
#: Photo or outlet credits in brackets closing a paragraph: (Tribunnews.com/Nama), (ANTARA/Nama).
CREDIT = re.compile(
    r"\((?:[A-Za-z]+\.(?:com|co\.id|id|net)|ANTARA(?: FOTO)?|Foto|Dok\.?)\s*/[^()\n]{1,60}\)(?=\s*$|\s+[A-Z“\"])"
    r"|\((?:Foto|Photo|FOTO)\s*:[^()\n]{1,80}\)"
    r"|\b(?:Foto|Photo|FOTO)\s*:\s*[A-Z@][\w.@-]*(?:\s+[A-Z][\w.@-]*){0,3}/[\w.@-]+(?:\s+[A-Z][\w.@-]*){0,2}")
#: A call to action sentence: a verb of following or joining, then a channel.
CALL_TO_ACTION = re.compile(
    r"(?:Ikuti|IKUTI|Follow|Dapatkan|Gabung|Bergabung|Bergabunglah|Yuk|Cek|Klik|Download|Unduh|Simak|Pilih|Update|Baca"
    r"|Jangan lupa|Jangan lewatkan|Saksikan|Tonton)\b(?:[^.!?\n]|[.!?](?=\S)){0,200}?"
    r"(?:Google News|WhatsApp|Whatsapp|WA Channel|Telegram|Instagram|TikTok|YouTube|Youtube|aplikasi|Channel)"
    r"(?:[^.!?\n]|[.!?](?=\S)){0,160}(?:[.!?]+(?=\s|$)|$)")
#: Syndication note: "Artikel ini telah tayang di X dengan judul "Y"".
SYNDICATION = re.compile(
    r"Artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|diterbitkan)\b[^\n]*?"
    r"(?:dengan judul\s*[\"“][^\"”\n]*[\"”]\.?|(?=$))")
#: Paging furniture: "Halaman 1 2 3 Selanjutnya".
PAGING = re.compile(r"\bHalaman\s*:?\s*(?:\d+\s*){1,10}(?:Selanjutnya|Berikutnya)?(?=\s|$)")
#: Video prompts: "Simak Video "...":", "Saksikan video berikut ini:".
VIDEO_PROMPT = re.compile(r"(?:Simak|Saksikan|Tonton)\s+(?:juga\s+)?[Vv]ideo\b[^\n]{0,160}?(?::|$)")
#: Staff lines glued into flat text: "Editor: Nama Orang" (a name stops before the next role word).
ROLE_WORDS = "Editor|Penulis|Reporter|Pewarta|Kontributor|Penyunting|Sumber|Tags?"
ROLE = f"(?:{ROLE_WORDS})"
#: A person's name in running text: capitalised words, stopping before a page word and before a capitalised word
#: that opens the next sentence (one followed by a lowercase word).
NAME = (r"[A-Z][\w.'’-]*(?:\s+(?!(?:" + ROLE_WORDS + r"|Copyright|COPYRIGHT|Hak|Baca|BACA|Ikuti|Simak|Halaman|Bagikan"
        r"|Terkini|Terpopuler)\b)[A-Z][\w.'’-]*+(?!\s+[a-z])){0,3}")
STAFF = re.compile(r"\b" + ROLE + r"\s*:\s*" + NAME + r"|\bLaporan [Ww]artawan [^,\n]{2,40},\s*" + NAME)
#: Page furniture glued into flat text: copyright, share and paging words, disclaimers, tag lists.
FURNITURE = re.compile(
    r"(?:Copyright|COPYRIGHT|©|Hak [Cc]ipta)[^\n]{0,100}?(?:[Rr]eserved|[Dd]ilindungi(?: [Uu]ndang-[Uu]ndang)?)\.?"
    r"|(?:Copyright|COPYRIGHT|©|Hak [Cc]ipta)[^.\n]{0,90}?"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?(?:\s+(?!(?:Bagikan|Tags?|Terkini|Terpopuler|Halaman|"
    + ROLE_WORDS + r")\b)[A-Z][\w.]*){0,6})"
    r"|\b(?:Halaman [Ss]elanjutnya|Baca halaman selanjutnya|Bagikan(?: Artikel)?\s*:?|Salin tautan|Terpopuler)(?=\s|$)"
    r"|\bDisclaimer\s*:(?:[^.!?\n]|[.!?](?=\S)){0,300}[.!?]"
    r"|\bTags?\s*:?(?:\s+[A-Z][\w-]*){1,12}(?:\s+Terkini)?(?=\s*$)")

#: Where a sentence ends inside a long flat line: after . ! ? (and a closing quote), before a capital.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"(\[])")
#: The most sentences one quotation is taken to run over; past it, an unclosed quote mark is a typo.
MAX_QUOTED = 6
#: Lines longer than this are flattened paragraphs: their sentences become candidates too.
FLAT_LINE_CHARS = 300

CANDIDATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    RELATED_BRACKETED, AD_MARKER, SHORT_FURNITURE, EMBED, INITIALS, CREDIT, CALL_TO_ACTION, SYNDICATION, PAGING,
    VIDEO_PROMPT, STAFF, FURNITURE)

#: Lowercase words that may stand inside a Title Case Indonesian headline.
HEADLINE_LOWER = frozenset(
    "di ke dari dan yang untuk dengan atau pada ini itu vs oleh dalam jadi bagi hingga sampai soal usai jelang "
    "saat agar tak tidak bisa akan ada kian makin lagi juga pun se per via hari tahun ala".split())
WORD = re.compile(r"\S+")
#: Longer than any headline we have seen; a Title Case run past it is the article's own text resuming.
MAX_HEADLINE_WORDS = 16
#: Words that open a sentence on a name ("Menurut Wulan, ...", "Kata Budi, ..."): when running text resumes after a
#: glued headline with one of them, the sentence starts there, not at the name.
NAME_OPENERS = frozenset({"Menurut", "Kata", "Ujar", "Sementara", "Namun", "Adapun", "Sedangkan"})
#: Words a clickbait headline often ends on.
HEADLINE_CLOSER = re.compile(r"^(?:[A-Z]\w*(?:nya|mu|kah)|Ini|Begini|Lho|Loh|Sekarang|Disini|Sini)[!?.,]*$")


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
            if k <= 1:
                # a sentence-case headline ("Baca juga: Ratusan nelayan pilih tak melaut"): it runs to its full
                # stop when one comes soon, else to the end of the line
                stop = SENTENCE_END.search(line, start, start + 160)
                return _trim(line, start, stop.start() + 1) if stop else len(line)
            # the resumed sentence starts at the last capitalised token before the lowercase one
            j = k - 1
            while j > 0 and tokens[j][2].strip("\"“”'‘’(")[:1].islower():
                j -= 1
            # ... or at a word that opens a sentence on a name: "Menurut Wulan Sari, besaran ..."
            for back in range(j - 1, max(j - 3, 0), -1):
                if tokens[back][2] in NAME_OPENERS:
                    j = back
                    break
            return _trim(line, start, tokens[j][0]) if j > 0 else tokens[k][0]
        if k >= MAX_HEADLINE_WORDS:
            return _trim(line, start, tokens[k][0])  # no headline is longer: what follows is the article
        if k > 0 and tokens[k - 1][2].endswith((".", "!", "?")) and tokens[k - 1][2] not in ("vs.",):
            # a full stop after at least one word ends the headline ("... Naik Lagi. Polisi ...")
            return _trim(line, start, tokens[k][0])
        if (k >= 3 and HEADLINE_CLOSER.search(tokens[k - 1][2]) and first.isupper()
                and (k >= 5 or k + 1 < len(tokens) and tokens[k + 1][2][:1].islower())):
            # clickbait headlines close on "..., Ini Daftarnya", "Cek Syaratnya", "Rahasia Terbesarmu"; a capital
            # right after such a word starts the article's next sentence
            return _trim(line, start, tokens[k][0])
    return len(line)


def _trim(line: str, start: int, end: int) -> int:
    while end > start and line[end - 1].isspace():
        end -= 1
    return end


def find_candidates(line: str) -> list[Piece]:
    """Candidate junk pieces inside `line`, sorted and not overlapping (the longer of two overlaps wins)."""
    found: list[Piece] = []
    for cue in (RELATED_CUE, RELATED_BARE):
        for m in cue.finditer(line):
            found.append(Piece(m.start(), headline_end(line, m.end())))
    for m in PROMOTED.finditer(line):
        found.append(Piece(m.end(), headline_end(line, m.end())))  # the headline alone; the marker is its own piece
    for pattern in CANDIDATE_PATTERNS:
        for m in pattern.finditer(line):
            if m.end() > m.start():
                found.append(Piece(m.start(), _trim(line, m.start(), m.end())))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    merged: list[Piece] = []
    for piece in found:
        if piece.end <= piece.start:
            continue
        if merged and piece.start < merged[-1].end:
            if piece.end - piece.start > merged[-1].end - merged[-1].start:
                merged[-1] = piece
            continue
        merged.append(piece)
    if len(line) > FLAT_LINE_CHARS:
        merged = _with_sentences(line, merged)
    stripped = line.strip()
    # a candidate that is the whole line is the line itself: the line model decides it
    return [p for p in merged if line[p.start:p.end].strip() != stripped]


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


def _quote_open(text: str) -> bool:
    """The text opens a quotation it does not close (straight quotes counted in pairs, curly ones by side)."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _with_sentences(line: str, cues: list[Piece]) -> list[Piece]:
    """In a flattened paragraph, every sentence that no cue candidate touches becomes a candidate too."""
    extra = [Piece(s.start, s.end, cue=False) for s in sentences(line)
             if not any(s.start < c.end and c.start < s.end for c in cues)]
    return sorted(cues + extra, key=lambda p: p.start)


def without(line: str, spans: list[tuple[int, int]]) -> str:
    """The line less the given (start, end) pieces, joined with single spaces where a piece stood."""
    parts = []
    pos = 0
    for start, end in sorted(spans):
        parts.append(line[pos:start].strip())
        pos = max(pos, end)
    parts.append(line[pos:].strip())
    return " ".join(p for p in parts if p)
