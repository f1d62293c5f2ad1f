"""Metadata from the lines the model labelled: small `extract_<field>()` functions, one per field.

Each takes the article's non-blank lines with their labels and returns one field, so a field can be fixed or
tested on its own. Dates are parsed by our own narrow parser: Indonesian news dates come in a handful of shapes
(`Senin, 9 Juni 2025 19:16 WIB`, `14/03/2025, 09:12 WIB`, `14 Mei 2025 | 13.00 WIB`), and a general date parser
is both slower and more eager to read a date into ordinary text.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from classifiers.dateline import find_dateline
from classifiers.features import STOPWORDS
from classifiers.labels import BODY, BYLINE, CAPTION, DATE, TITLE

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
}
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "GMT+7": 7, "GMT+07:00": 7, "UTC+7": 7, "GMT+8": 8, "GMT+9": 9}
DEFAULT_UTC_OFFSET = 7  # WIB: most Indonesian newsrooms stamp Jakarta time and omit the zone

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
TIME = (r"(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:[:.](?P<ss>\d{2}))?"
        r"\s*(?P<zone>WITA|WIB|WIT|GMT\+0?[789](?::00)?|UTC\+[789])?")
DATE_WORDS = re.compile(
    r"(?P<d>\d{1,2})\s*(?P<mon>" + MONTH_RE + r")\.?,?\s*(?P<y>\d{4})(?:[^\d\n]{0,12}?" + TIME + r")?", re.I)
DATE_NUMERIC = re.compile(
    r"(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4})(?:[^\d\n]{0,8}?" + TIME + r")?", re.I)
#: English order, as some portals print it: "June 9, 2025 7:16 PM".
DATE_MDY = re.compile(
    r"\b(?P<mon>" + MONTH_RE + r")\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?:[^\d\n]{0,12}?"
    r"(?P<hh>\d{1,2})[:.](?P<mm>\d{2})(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
    r"\s*(?P<zone>WITA|WIB|WIT|GMT\+0?[789](?::00)?|UTC\+[789])?)?", re.I)
DATE_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ]" + TIME + r")?", re.I)
STAFF = re.compile(
    r"\b(?P<role>Editor|Penyunting|Redaktur|Penulis|Reporter|Pewarta|Kontributor|Sumber|Rep|Red)\s*:\s*"
    r"(?P<who>[^|•·\n]+?)\s*(?=[|•·]|$|\b(?:Editor|Penulis|Reporter|Pewarta|Sumber|Red|Rep)\s*:)", re.I)
LAPORAN = re.compile(r"^Laporan\s+(?:Wartawan|Reporter|Koresponden)\s+[\w. ]+?,\s*(?P<who>.+)$", re.I)
CAPTION_CREDIT = re.compile(r"^(?P<caption>.*?)\s+/(?P<credit>[^/]{2,60}(?:/[^/]{2,60}){0,2})$")
FOTO_CREDIT = re.compile(r"(?:\(|\b)(?:Foto|Photo|Sumber foto)\s*:\s*(?P<credit>[^()\n]+?)\)?\s*$", re.I)
BRACKET_CREDIT = re.compile(r"\((?P<credit>(?:ANTARA FOTO|ANTARA|[\w.]+\.(?:com|id))\s*/[^()]+)\)\s*$")
TAGS = re.compile(r"^\s*(?:Tags?|Tag|Topik)\s*:?\s*(?P<tags>.*)$", re.I)
AUTHOR_ROLES = ("penulis", "reporter", "pewarta", "kontributor", "rep")
EDITOR_ROLES = ("editor", "penyunting", "redaktur", "red")


@dataclass
class Metadata:
    """What the API returns under `metadata`."""

    title: str | None = None
    published_at: str | None = None
    published_text: str | None = None
    dateline: str | None = None
    editor: str | None = None
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    image_caption: str | None = None
    image_credit: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    word_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601 with its UTC offset (WIB when no zone is given), or None."""
    for pattern in (DATE_WORDS, DATE_NUMERIC, DATE_MDY, DATE_ISO):
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
        zone = (g.get("zone") or "").upper()
        offset = ZONES.get(zone, int(zone[-1]) if zone[-1:].isdigit() else DEFAULT_UTC_OFFSET) if zone \
            else DEFAULT_UTC_OFFSET
        hour = int(g.get("hh") or 0)
        if (g.get("ampm") or "")[:1].lower() == "p" and hour < 12:
            hour += 12
        elif (g.get("ampm") or "")[:1].lower() == "a" and hour == 12:
            hour = 0
        try:
            stamp = datetime(int(g["y"]), month, int(g["d"]), hour, int(g.get("mm") or 0),
                             int(g.get("ss") or 0), tzinfo=timezone(timedelta(hours=offset)))
        except ValueError:
            continue
        return stamp.isoformat()
    return None


#: A site's name after the headline, as a page's <title> or a scraper's copy of it carries it: "... - Kompas.com",
#: "... | Tribunnews.com", "... – detikNews.id". Only a name with a domain is taken off: a headline may itself hold a
#: dash before plain words ("Persib - Persija Imbang").
SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+[\w.-]*\w\.(?:com|co\.id|id|net|org|tv)\s*$", re.IGNORECASE)


def extract_title(lines: list[str], labels: list[str], given: str | None = None) -> str | None:
    """The caller's title if given, else the first line labelled title, without a site's name after it."""
    if given and given.strip():
        return " ".join(given.split())
    for line, label in zip(lines, labels):
        if label == TITLE:
            return SITE_SUFFIX.sub("", line.strip()) or line.strip()
    return None


def extract_published(lines: list[str], labels: list[str]) -> tuple[str | None, str | None]:
    """(ISO timestamp, the line it came from): date lines first, then any line before the first body line."""
    first_body = next((k for k, lab in enumerate(labels) if lab == BODY), len(lines))
    candidates = [k for k, lab in enumerate(labels) if lab == DATE] + list(range(min(first_body, 8)))
    for k in candidates:
        stamp = parse_date(lines[k])
        if stamp:
            return stamp, lines[k].strip()
    return None, None


def extract_dateline(paragraphs: list[str]) -> str | None:
    """The dateline of the first paragraph: `PR DEPOK` from `PR DEPOK – Menteri ...` (see `dateline.py`)."""
    return find_dateline(paragraphs[0]) if paragraphs else None


def _staff(lines: list[str], labels: list[str]) -> list[tuple[str, str]]:
    found = []
    for line, label in zip(lines, labels):
        if label not in (BYLINE, DATE):
            continue
        for m in STAFF.finditer(line):
            found.append((m.group("role").lower(), m.group("who").strip(" .,/")))
        laporan = LAPORAN.match(line.strip())
        if laporan:
            found.append(("reporter", laporan.group("who").strip(" .,")))
    return found


def _names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*(?:,|;|&|\bdan\b)\s*", value) if n.strip()]


def extract_editor(lines: list[str], labels: list[str]) -> str | None:
    return next((who for role, who in _staff(lines, labels) if role in EDITOR_ROLES), None)


def extract_authors(lines: list[str], labels: list[str]) -> list[str]:
    out: list[str] = []
    for role, who in _staff(lines, labels):
        if role in AUTHOR_ROLES:
            out.extend(n for n in _names(who) if n not in out)
    return out


def extract_sources(lines: list[str], labels: list[str]) -> list[str]:
    out: list[str] = []
    for role, who in _staff(lines, labels):
        if role == "sumber":
            out.extend(n for n in _names(who) if n not in out)
    return out


def extract_image(lines: list[str], labels: list[str]) -> tuple[str | None, str | None]:
    """(caption, credit) of the first caption line: `... Barat. /Kim Kyung Hoon/Reuters` gives both."""
    for line, label in zip(lines, labels):
        if label != CAPTION:
            continue
        text = line.strip()
        slash = CAPTION_CREDIT.match(text)
        if slash and slash.group("caption"):
            return slash.group("caption").strip(), slash.group("credit").strip()
        for pattern in (BRACKET_CREDIT, FOTO_CREDIT):
            m = pattern.search(text)
            if m:
                return text[:m.start()].strip() or text, m.group("credit").strip()
        return text, None
    return None, None


def extract_tags(lines: list[str], labels: list[str]) -> list[str]:
    """Tags from `Tags: a, b` or from the short lines between a bare `Tags` line and the next footer word."""
    for k, (line, label) in enumerate(zip(lines, labels)):
        if label == BODY:
            continue
        m = TAGS.match(line)
        if not m:
            continue
        if m.group("tags").strip():
            return [t.strip() for t in re.split(r"[,#|]", m.group("tags")) if t.strip()]
        tags = []
        for nxt, nlab in zip(lines[k + 1:], labels[k + 1:]):
            if nlab == BODY or nxt.strip().lower() in ("terkini", "terpopuler", "berita terkait") or len(nxt) > 40:
                break
            tags.append(nxt.strip())
        return tags
    return []


def detect_language(text: str) -> str | None:
    """`id` when Indonesian function words dominate, else None: the service is built for Indonesian."""
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 5:
        return None
    share = sum(w in STOPWORDS for w in words) / len(words)
    return "id" if share >= 0.08 else None


def extract_metadata(lines: list[str], labels: list[str], paragraphs: list[str], *,
                     title: str | None = None) -> Metadata:
    """Every field, from the non-blank lines, their labels and the kept paragraphs."""
    published_at, published_text = extract_published(lines, labels)
    caption, credit = extract_image(lines, labels)
    body = "\n".join(paragraphs)
    return Metadata(
        title=extract_title(lines, labels, title), published_at=published_at, published_text=published_text,
        dateline=extract_dateline(paragraphs), editor=extract_editor(lines, labels),
        authors=extract_authors(lines, labels), sources=extract_sources(lines, labels),
        image_caption=caption, image_credit=credit, tags=extract_tags(lines, labels),
        language=detect_language(body), word_count=len(body.split()),
    )
