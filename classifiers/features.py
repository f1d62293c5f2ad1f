"""Per-line features, as scikit-learn transformers over `LineItem`s.

What carries across publishers is not vocabulary but shape (a short Title Case line with no final full stop),
position (the top and the foot of an article), neighbours (the line after a bare `Baca Juga`), and topic (a
clickbait headline shares no words with the story around it). Words and character n-grams add the cue words.
Every transformer is stateless, so `fit` only validates and records `n_features_in_`-like facts.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from classifiers.dateline import find_dateline
from classifiers.segment import QA_WORDS, Piece, scan, without

TOKEN = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STOPWORDS = frozenset(
    """yang dan di ke dari untuk dengan pada ini itu dalam tidak akan juga ada atau oleh karena sudah saat bisa
    lebih telah para kata dia mereka kami kita namun tersebut hal sebagai adalah agar masih menjadi hingga serta
    bahwa baca simak lihat berita video foto terkini selengkapnya""".split())
MONTHS = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
          "jan|feb|mar|apr|jun|jul|agu|agt|aug|sep|okt|oct|nov|des|dec")
DATE_LIKE = re.compile(r"\b\d{1,2}\s*(?:" + MONTHS + r")\.?\s*\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.I)
TIME_LIKE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b|\b(?:WIB|WITA|WIT)\b")
CUE_START = re.compile(r"^\W*(?:baca|lihat|simak|tonton|saksikan|ikuti|follow|dapatkan|editor|penulis|reporter|"
                       r"pewarta|sumber|foto|tags?|copyright|advertisement|scroll|artikel)", re.I)
#: A photo credit closing a caption: "... /Nama Fotografer/Reuters", "Foto: ...", "(ANTARA FOTO/...)".
CREDIT_TAIL = re.compile(r"\s/\s?[A-Z][^/]{1,40}(?:/[^/]{1,40})?$|\b(?:Foto|Photo|FOTO)\s*:|ANTARA FOTO/|"
                         r"\((?:Dok|Istimewa|Freepik|Shutterstock|Getty)|/(?:kumparan|Reuters|AFP|AP)\b"
                         # a credit standing alone: "Warta Kota/Dimas Aryo Nugroho", "Dok. Pribadi"
                         r"|^[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2} ?/ ?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$"
                         r"|^(?:Dok|DOK)\. ?[A-Z]"
                         # a bracketed or piped outlet/name pair closing the line: "(ANTARA/Nama)", "| Outlet/Nama",
                         # "[Dokumentasi Diskominfo]", and a caption's own key: "Keterangan gambar, ...", "Sumber foto"
                         r"|(?:[(\[|]\s*|\s[-–—]\s)(?:Foto:\s*)?[A-Z][\w.&' -]{1,30}/\s?[A-Z][\w.' -]{1,40}"
                         r"[)\]]?\W{0,2}$"
                         r"|\[(?:Dokumentasi|Dok\.?)\s[^\]]{2,60}\]\W{0,2}$|^(?:Keterangan|Sumber) (?:gambar|foto)\b")
#: Topical similarity to the rest of the article from which a heading-shaped line counts as on topic: a sub-heading
#: of the article, which the cleaner and the second pass are slow to remove.
ON_TOPIC = 0.1
#: A dateline paragraph is looked for among this many first lines: below them, a match is a quoted dateline.
DATELINE_WITHIN = 8
#: A line longer than this is a paragraph of the article, for telling the footer apart.
TAIL_PARAGRAPH_CHARS = 100
#: Question-and-answer lines of an explainer: "Tanya: ...", "Jawab: ...".
QA_START = re.compile(r"^(?:" + QA_WORDS + r")\s*:\s", re.I)
BULLET = re.compile(r"^\s*(?:\d{1,2}[.)]\s|[-•*–]\s)")
#: Words of calls to action and ads, whatever their wording: the invitation's verb, the channel that only
#: invitations name, the ad marker. Each publisher words its invitation differently ("Suka kabar teknologi? Gabung
#: kanal ..."), so the model is given the word class as one feature, not only the words it happened to see in training.
PROMO_WORDS = re.compile(
    r"\b(?:gabung|bergabung|ikuti|follow|langganan|berlangganan|subscribe|unduh|download|klik|ketuk|kunjungi|"
    r"saluran|kanal|channel|whatsapp|telegram|google news|notifikasi|lonceng|buletin|newsletter|siniar|podcast|"
    r"saksikan|tonton|simak video|video pilihan|scroll|gulir|sponsored|iklan|advertorial|bersponsor|berbayar|"
    r"promosi)\b", re.I)
#: Words that invitations use but so does the news ("aplikasi", "Instagram", "gratis"): counted apart, so that a
#: story about an app or a free clinic does not read as an advertisement.
CHANNEL_WORDS = re.compile(
    r"\b(?:aplikasi|instagram|youtube|tiktok|facebook|grup|streaming|e-?mail|surel|play store|app store|pantau|"
    r"tekan|gratis|diskon|promo|voucher)\b", re.I)
#: Addressing the reader: an invitation speaks to "Anda" or "kamu", asks "Mau ...?" or urges "Jangan lupa ...".
ADDRESS_WORDS = re.compile(r"\b(?:anda|kamu|kalian|sobat|yuk|ayo|jangan lupa|pastikan|penasaran|mau|ingin|suka|"
                           r"dapatkan|temukan)\b", re.I)
#: Words of page furniture around the article: reading time, view counts, paging, tags, rights and notices.
META_WORDS = re.compile(r"\b(?:waktu baca|menit baca|dilihat|dibaca|halaman|selanjutnya|sebelumnya|berikutnya|"
                        r"tags?|topik|label|kategori|hak cipta|dilarang|disclaimer|dilindungi|diterjemahkan|"
                        r"terjemahan|redaksi)\b", re.I)
#: Words of staff and credit lines, wherever they stand in the line ("Yudha turut berkontribusi dalam artikel ini").
BYLINE_WORDS = re.compile(r"\b(?:berkontribusi|kontribusi|kontributor|penulis|editor|reporter|pewarta|wartawan|"
                          r"penyunting|redaktur|fotografer|laporan)\b", re.I)
#: The five word classes above as one pattern over the lowercased line, one named group per class: a line is
#: scanned once instead of five times, with the same counts (`tests/test_features.py` checks them against the five).
WORD_CLASSES = {"promo": PROMO_WORDS, "channel": CHANNEL_WORDS, "address": ADDRESS_WORDS, "meta": META_WORDS,
                "byline": BYLINE_WORDS}
_OPEN, _CLOSE = r"\b(?:", r")\b"  # how each class's pattern is written: one group of words between boundaries
_ANY_WORD_CLASS = re.compile(_OPEN + "|".join(
    "(?P<" + name + ">" + pattern.pattern.removeprefix(_OPEN).removesuffix(_CLOSE) + ")"
    for name, pattern in WORD_CLASSES.items()) + _CLOSE)


def word_class_counts(text: str) -> dict[str, int]:
    """How many words of each class (`WORD_CLASSES`) the text holds."""
    counts = dict.fromkeys(WORD_CLASSES, 0)
    for m in _ANY_WORD_CLASS.finditer(text.lower()):
        counts[m.lastgroup] += 1  # type: ignore[index]
    return counts


HASHTAG = re.compile(r"#\w+")
#: A line that opens on a short key and a colon ("Editor: ...", "Foto: ...", "Pendidikan: ...", "GATRA: ...").
COLON_KEY = re.compile(r"^\W{0,3}([^\W\d][^:\d\[\]]{0,23}?)\s*:\s*\S")
#: First words of the keys of page furniture: staff and credit lines, captions, tags, link cues, embeds, notices. A
#: line keyed by anything else is a profile box ("Pendidikan: Doktor Geodesi"), a spec table ("Mesin: 155 cc") or an
#: interview turn ("GATRA: ..."): the article's own content, however much its shape reads like "Editor: Nama".
FURNITURE_KEY = re.compile(
    r"(?:editor|penulis|ditulis|reporter|rep|pewarta|kontributor|penyunting|redaktur|fotografer|wartawan|laporan|"
    r"oleh|sumber|diolah|disadur|liputan|red|foto|photo|galeri|video|grafis|grafik|infografis|databoks|ilustrasi|"
    r"keterangan|kredit|dok|tags?|topik|kata kunci|kategori|label|baca|lihat|simak|tonton|saksikan|cek|pilihan|"
    r"artikel|berita|selanjutnya|copyright|hak cipta|disclaimer|catatan|penafian|ralat|update|diperbarui|tayang|"
    r"terbit|diterbitkan|dipublikasikan|publisher|penerjemah|penyelaras|ditinjau|halaman|waktu baca|estimasi|"
    r"dibaca|dilihat|bagikan|share|iklan|advertorial|sponsored|promosi|promo|konten|info|informasi|pengumuman|"
    r"ringkasan|referensi|rujukan|gambas|embed|https?|live)\b", re.I)
#: A caption's usual close: the day's date in brackets at the very end ("... di Cilacap, Rabu (9/7/2025).").
DATE_PAREN_END = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\W{0,2}$")
CLOSERS = ".!?\"”’)*"


def tokens(text: str) -> list[str]:
    """Content words of a text, lowercased, for topical similarity."""
    return [w for w in TOKEN.findall(text.lower()) if w not in STOPWORDS]


@dataclass
class ArticleTerms:
    """Word counts over the whole article, shared by its lines, for leave-one-out topical similarity."""

    counts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, texts: list[str]) -> ArticleTerms:
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(tokens(text))
        return cls(counts)

    def __post_init__(self) -> None:
        # the article's own norm, computed once: a line's similarity then only visits that line's words
        self._weights = {w: math.log1p(n) for w, n in self.counts.items()}
        self._norm_sq = sum(v * v for v in self._weights.values())

    def similarity(self, text: str, *, included: bool = True) -> float:
        """Cosine of the text's words against the rest of the article (the text itself left out when included)."""
        mine = Counter(tokens(text))
        if not mine:
            return 0.0
        norm_sq = self._norm_sq
        dot = 0.0
        for word, k in mine.items():
            n = self.counts.get(word, 0)
            if not n:
                continue
            rest = n - k if included else n
            weight = math.log1p(rest) if rest > 0 else 0.0
            norm_sq += weight * weight - self._weights[word] ** 2
            dot += weight * k
        norm_mine = math.sqrt(sum(v * v for v in mine.values()))
        if norm_sq <= 1e-12 or not norm_mine:
            return 0.0
        return dot / (math.sqrt(norm_sq) * norm_mine)


@dataclass(frozen=True)
class LineItem:
    """What the model sees of one line (or one candidate piece inside a line)."""

    text: str
    prev: str
    next: str
    index: int
    count: int
    similarity: float
    is_piece: bool = False
    #: the same text stood on an earlier line of the article (a scraper's duplicate)
    duplicate: bool = False
    #: no paragraph-length line comes after this one: it is in the page's footer (Editor, Tags and the tag words)
    in_tail: bool = False
    #: the article has a dateline paragraph (`JAKARTA, KOMPAS.com -`) further down: this line is above where the
    #: article's own text starts (headline, date, byline, photo caption)
    above_dateline: bool = False
    #: for a piece: a junk pattern found it (False: a plain sentence of a flattened paragraph)
    cue: bool = True
    #: a junk pattern of the segmenter matched the whole text (for a piece: `cue`)
    patterned: bool = False


def item_texts(items: list[LineItem]) -> list[str]:
    """The line texts, digits folded to 0 so that dates and counts share features."""
    return [re.sub(r"\d", "0", it.text) for it in items]


def item_edges(items: list[LineItem]) -> list[str]:
    """The start and end of each line, where cues live, marked so they do not mix with the middle."""
    out = []
    for it in items:
        t = re.sub(r"\d", "0", it.text)
        out.append("^" + t[:40] + " ~ " + t[-25:] + "$")
    return out


def item_neighbours(items: list[LineItem]) -> list[str]:
    """Words of the neighbouring lines, prefixed so that `p:baca` (after a bare Baca Juga) is its own feature."""
    out = []
    for it in items:
        prev = " ".join("p:" + w for w in it.prev.lower().split()[:6])
        nxt = " ".join("n:" + w for w in it.next.lower().split()[:4])
        out.append(prev + " " + nxt)
    return out


def alpha_words(text: str) -> list[str]:
    """The words that start with a letter: the ones whose case says whether a line is in Title Case."""
    return [w for w in text.split() if w[:1].isalpha()]


def titled_share(words: list[str]) -> float:
    """The share of `words` (from `alpha_words`) that start with a capital: 0.6 or more reads as Title Case."""
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _shape(text: str) -> list[float]:
    t = text.strip()
    n = len(t)
    words = t.split()
    n_letters = sum(map(str.isalpha, t))
    upper = sum(map(str.isupper, t)) / n_letters if n_letters else 0.0
    titled = titled_share(alpha_words(t))
    digits = sum(map(str.isdigit, t)) / n if n else 0.0
    last = t[-1:] if t else ""
    sentences = len(re.findall(r"[.!?][\"”’]?\s+[A-Z“\"]", t))
    # a line-up or results list ("Persebaya: Nama; Nama, Nama, ..."): many names, unlike a staff line's one or two
    separators = t.count(",") + t.count(";")
    words_of = word_class_counts(t)
    return [
        math.log1p(n) / 7.0,
        min(len(words), 60) / 60.0,
        float(n < 25),
        float(n < 60),
        float(n > 200),
        upper,
        float(upper > 0.8 and n_letters > 3),
        titled,
        digits,
        float(last in CLOSERS),
        float(last == ":"),
        float(t.endswith("***")),
        float(t.startswith("(") and t.endswith(")")),
        float(t.startswith("[") and t.endswith("]")),
        float(bool(BULLET.match(t))),
        float(":" in t[:25]),
        float("|" in t),
        float(bool(re.search(r"https?://|www\.|\.com\b|\.id\b|@\w", t))),
        float(bool(DATE_LIKE.search(t))),
        float(bool(TIME_LIKE.search(t))),
        float(find_dateline(t) is not None),
        float(bool(CUE_START.match(t))),
        float(bool(re.search(r"[\"“”]", t))),
        min(sentences, 5) / 5.0,
        float(bool(re.search(r"[©®]|\(c\)", t, re.I))),
        float(t[:1].islower()),
        float(bool(CREDIT_TAIL.search(t))),
        float(separators >= 4),
        float(separators >= 4 and titled > 0.6),
        float(bool(QA_START.match(t))),
        min(words_of["promo"], 4) / 4.0,
        min(words_of["channel"], 3) / 3.0,
        min(words_of["address"], 3) / 3.0,
        min(words_of["meta"], 3) / 3.0,
        min(words_of["byline"], 2) / 2.0,
        float(len(HASHTAG.findall(t)) >= 2),
        float(n > 0 and not any(c.isalnum() for c in t)),
        float(bool(DATE_PAREN_END.search(t))),
        *colon_key(t),
    ]


def colon_key(t: str) -> tuple[float, float]:
    """Whether the line opens on a furniture key ("Editor:", "Foto:") or on some other key ("Jabatan:", "GATRA:")."""
    m = COLON_KEY.match(t)
    if not m:
        return 0.0, 0.0
    known = bool(FURNITURE_KEY.match(m.group(1).strip()))
    return float(known), float(not known)


SHAPE_NAMES = ("log_len", "words", "short", "shortish", "long", "upper", "all_caps", "titled", "digits",
               "closes", "colon_end", "stars_end", "parens", "brackets", "bullet", "early_colon", "pipe",
               "url", "date", "time", "dateline", "cue_start", "quotes", "sentences", "copyright",
               "starts_lower", "credit_tail", "list", "name_list", "qa", "promo_words", "channel_words", "address",
               "meta_words", "byline_words", "hashtags", "no_alnum", "date_paren_end", "furniture_key", "other_key")


class _Stateless(TransformerMixin, BaseEstimator):
    """Transformers whose output depends on nothing learned: `fit` only records the input length."""

    def fit(self, X, y=None):  # noqa: N803 (scikit-learn's names)
        self.n_items_seen_ = len(X)
        return self


class ShapeFeatures(_Stateless):
    """The line's own shape: length, case, final punctuation, digits, cue words, date and dateline patterns."""

    def transform(self, X):  # noqa: N803
        return sparse.csr_matrix(np.array([_shape(it.text) for it in X], dtype=np.float64).reshape(len(X), -1))

    def get_feature_names_out(self, input_features=None):
        return np.array(["shape__" + n for n in SHAPE_NAMES], dtype=object)


class ContextFeatures(_Stateless):
    """Position in the article, the neighbours' shapes, and topical similarity to the rest of the article."""

    NAMES = ("rel_pos", "first", "top3", "last", "bottom4", "piece", "prev_len", "next_len", "prev_short",
             "next_short", "prev_closes", "next_closes", "prev_none", "next_none", "sim", "sim_low",
             "sim_short", "sim_words", "duplicate", "duplicate_long", "next_starts_lower",
             "heading_on_topic", "heading_off_topic", "prev_bare_cue", "between_body", "in_tail",
             "in_tail_short", "above_dateline", "patterned")

    def transform(self, X):  # noqa: N803
        rows = []
        for it in X:
            pos = it.index / max(it.count - 1, 1)
            n_tok = len(tokens(it.text))
            rows.append([
                pos, float(it.index == 0), float(it.index < 3), float(it.index == it.count - 1),
                float(it.count - it.index <= 4), float(it.is_piece),
                math.log1p(len(it.prev)) / 7.0, math.log1p(len(it.next)) / 7.0,
                float(0 < len(it.prev.strip()) < 40), float(0 < len(it.next.strip()) < 40),
                float(it.prev.strip()[-1:] in tuple(CLOSERS)) if it.prev.strip() else 0.0,
                float(it.next.strip()[-1:] in tuple(CLOSERS)) if it.next.strip() else 0.0,
                float(not it.prev.strip()), float(not it.next.strip()),
                it.similarity, float(it.similarity < 0.05 and n_tok >= 3),
                it.similarity * float(len(it.text) < 120), min(n_tok, 20) / 20.0,
                float(it.duplicate), float(it.duplicate and len(it.text) > 80),
                float(it.next.strip()[:1].islower()),
                *_heading(it, n_tok),
                float(it.in_tail), float(it.in_tail and len(it.text) < 40), float(it.above_dateline),
                float(it.patterned),
            ])
        return sparse.csr_matrix(np.array(rows, dtype=np.float64).reshape(len(X), -1))

    def get_feature_names_out(self, input_features=None):
        return np.array(["context__" + n for n in self.NAMES], dtype=object)


BARE_CUE = re.compile(r"^\W*(?:baca|lihat|simak|tonton)\s+(?:juga|pula)\W*$|^\W*(?:berita|artikel|video)\s+terkait\W*$"
                      r"|^\W*(?:next article|rekomendasi|pilihan editor)\W*$", re.I)


@lru_cache(maxsize=8192)
def heading_shaped(text: str) -> bool:
    """Short, Title Case, no final stop: a sub-heading or a linked headline.

    Cached: the context features, the cleaner's heading guard and both sides of the second pass ask it of the same
    line, and furniture lines repeat across the articles of a batch."""
    t = text.strip()
    words = alpha_words(t)
    return 0 < len(t) < 90 and t[-1:] not in CLOSERS and len(words) >= 2 and titled_share(words) >= 0.6


def _heading(it: LineItem, n_tok: int) -> list[float]:
    """A short Title Case line with no final stop is a sub-heading when it shares the article's topic, and a
    linked headline when it does not; a linear model needs that interaction spelled out."""
    heading = heading_shaped(it.text)
    long_neighbours = len(it.prev) > 80 and len(it.next) > 80
    return [float(heading and it.similarity >= 0.12), float(heading and it.similarity < 0.05 and n_tok >= 2),
            float(bool(BARE_CUE.match(it.prev))), float(heading and long_neighbours)]


def build_items(lines: list[str], texts: list[str] | None = None, patterned: list[bool] | None = None,
                ) -> tuple[list[int], list[LineItem], ArticleTerms]:
    """Items for the non-blank lines of one article, with their input line indices and the article's words.

    `texts`, one per non-blank line, is what the model reads of each line (default: the stripped line);
    `patterned` says which of them a junk pattern matched whole (default: none).
    """
    index = [i for i, line in enumerate(lines) if line.strip()]
    if texts is None:
        texts = [lines[i].strip() for i in index]
    terms = ArticleTerms.of(texts)
    count = len(texts)
    # the article's last paragraph-length line: what comes after it is footer (Editor, Tags, tag words, Terkini)
    last_long = max((k for k, t in enumerate(texts) if len(t) > TAIL_PARAGRAPH_CHARS), default=count)
    dateline = next((k for k, t in enumerate(texts[:DATELINE_WITHIN])
                     if len(t) > TAIL_PARAGRAPH_CHARS and find_dateline(t)), 0)
    seen: set[str] = set()
    items = []
    for k, t in enumerate(texts):
        items.append(LineItem(text=t, prev=texts[k - 1] if k else "", next=texts[k + 1] if k + 1 < count else "",
                              index=k, count=count, similarity=terms.similarity(t), duplicate=t in seen,
                              in_tail=k > last_long, above_dateline=k < dateline,
                              patterned=bool(patterned and patterned[k])))
        seen.add(t)
    return index, items, terms


@dataclass(frozen=True)
class PreparedArticle:
    """One article as the model sees it: the items of its non-blank lines (`index` gives their input line) and
    one item per candidate junk piece inside a line (`pieces`: input line, start, end, item). Training and
    cleaning both start here, so the model is always asked about the same things it was trained on."""

    lines: list[str]
    index: list[int]
    items: list[LineItem]
    pieces: list[tuple[int, int, int, LineItem]]
    terms: ArticleTerms


def prepare(lines: list[str]) -> PreparedArticle:
    index = [i for i, line in enumerate(lines) if line.strip()]
    scanned = {i: scan(lines[i]) for i in index}
    found = {i: pieces for i, (pieces, _whole) in scanned.items()}
    index, items, terms = build_items(lines, [own_text(lines[i], found[i]) for i in index],
                                      [scanned[i][1] for i in index])
    pieces = [(i, pc.start, pc.end, piece_item(item, lines[i], pc.start, pc.end, terms, cue=pc.cue))
              for i, item in zip(index, items) for pc in found[i]]
    return PreparedArticle(lines, index, items, pieces, terms)


def own_text(line: str, pieces: list[Piece]) -> str:
    """What the line model reads of a line: the line without its candidate junk pieces, which are judged on their
    own. A paragraph with a photo credit or "(den/yp)" glued to its end is then judged as the paragraph it is,
    never removed whole for its glued junk. When the pieces are most of the line, or the line opens with one,
    the line is read whole."""
    whole = line.strip()
    lead = len(line) - len(line.lstrip())
    if not pieces or pieces[0].start <= lead + 2:
        return whole  # a line that opens with a cue ("Baca juga: ...") is judged whole
    rest = without(line, [(p.start, p.end) for p in pieces])
    return rest if len(rest) >= max(15, 0.3 * len(whole)) else whole


def piece_item(line_item: LineItem, line: str, start: int, end: int, terms: ArticleTerms, *,
               cue: bool = True, found: bool = True) -> LineItem:
    """An item for a candidate piece inside a line: its neighbours are the text around it in that line.

    `found` is False for a gold span that no candidate matched (a training row only): no pattern found it."""
    text = line[start:end].strip()
    return LineItem(text=text, prev=line[:start].strip()[-80:], next=line[end:].strip()[:80],
                    index=line_item.index, count=line_item.count, similarity=terms.similarity(text, included=False),
                    is_piece=True, cue=cue, patterned=cue and found)
