"""Variations of seed articles for training: the same writing, laid out the ways scrapers deliver it.

Every variation is derived from a seed article with a seeded `random.Random`, so training stays deterministic.
"""
from __future__ import annotations

import random
import re

from classifiers.corpus import Article, Span
from classifiers.features import CUE_START
from classifiers.labels import BLANK, BODY, BOILERPLATE, BYLINE, CAPTION, DATE, PROMO, RELATED, TITLE

CUE = re.compile(r"^(\W*)(baca|lihat|simak)(\s*)(juga)(\s*:?\s*)", re.I)
MOVABLE = frozenset({RELATED, PROMO})
#: Junk that a flattening scraper glues into the running text. Title and date stay on lines of their own above it.
GLUABLE = frozenset({RELATED, PROMO, BYLINE, CAPTION, BOILERPLATE})


#: How often a moved "Baca juga: <headline>" line loses its headline, as when a scraper keeps the cue's text but
#: not the link after it: a bare cue line right above a paragraph of the article.
HEADLINE_LOST = 0.15


def _cue_variant(text: str, rng: random.Random) -> str:
    m = CUE.match(text)
    if not m:
        return text
    verb = m.group(2)
    cap, up = verb.capitalize(), verb.upper()
    forms = [f"{cap} Juga: ", f"{up} JUGA: ", f"{cap} juga : ", f"{verb.lower()} juga ", f"{cap} juga:",
             f"{cap} Juga", f"{up} JUGA : "]
    if len(text[m.end():].split()) >= 2 and rng.random() < HEADLINE_LOST:
        return m.group(1) + rng.choice(forms).strip()
    return m.group(1) + rng.choice(forms) + text[m.end():]


def _blocks(article: Article) -> list[tuple[str, str, list[Span]]]:
    return [(line, lab, sp) for line, lab, sp in zip(article.lines, article.labels, article.spans) if lab != BLANK]


def _assemble(rows: list[tuple[str, str, list[Span]]], *, blank: bool, art: Article, suffix: str,
              shape: str = "lines") -> Article:
    lines: list[str] = []
    labels: list[str] = []
    spans: list[list[Span]] = []
    for k, (line, label, sp) in enumerate(rows):
        if blank and k:
            lines.append("")
            labels.append(BLANK)
            spans.append([])
        lines.append(line)
        labels.append(label)
        spans.append(list(sp))
    return Article(id=f"{art.id}#{suffix}", style=art.style, lines=lines, labels=labels, spans=spans, shape=shape)


def shuffled(article: Article, rng: random.Random) -> Article:
    """Related and promo lines moved to other gaps between body paragraphs, cue case varied, blank lines toggled."""
    rows = _blocks(article)
    movable = [r for r in rows if r[1] in MOVABLE]
    rest = [r for r in rows if r[1] not in MOVABLE]
    body_at = [k for k, r in enumerate(rest) if r[1] == BODY]
    if body_at and movable:
        lo, hi = body_at[0] + 1, body_at[-1]
        for line, label, sp in movable:
            pos = rng.randint(lo, max(lo, hi))
            rest.insert(pos, (_cue_variant(line, rng) if label == RELATED else line, label, sp))
            hi += 1
    return _assemble(rest, blank=rng.random() < 0.5, art=article, suffix="shuffled")


def headless(article: Article, rng: random.Random) -> Article:
    """The article as scraped from its body only: no headline, date or top caption."""
    rows = _blocks(article)
    k = 0
    while k < len(rows) and rows[k][1] in (TITLE, DATE, CAPTION, BYLINE):
        k += 1
    return _assemble(rows[k:] or rows, blank=rng.random() < 0.5, art=article, suffix="headless")


def flattened(article: Article, rng: random.Random) -> Article:
    """Body paragraphs glued into one to three long lines, with the junk between them glued in as spans."""
    rows = _blocks(article)
    top: list[tuple[str, str, list[Span]]] = []
    k = 0
    while k < len(rows) and rows[k][1] != BODY:
        top.append(rows[k])
        k += 1
    body_rows = rows[k:]
    groups = rng.randint(1, 3)
    cut_points = sorted(rng.sample(range(1, len(body_rows)), min(groups - 1, max(len(body_rows) - 1, 0)))) \
        if len(body_rows) > 1 else []
    out = list(top)
    start = 0
    for end in cut_points + [len(body_rows)]:
        chunk = body_rows[start:end]
        start = end
        text = ""
        spans: list[Span] = []
        tail: list[tuple[str, str, list[Span]]] = []
        for line, label, sp in chunk:
            if label not in (BODY,) and label not in GLUABLE:
                tail.append((line, label, sp))
                continue
            sep = " " if text else ""
            base = len(text) + len(sep)
            text += sep + line
            if label == BODY:
                spans.extend(Span(s.start + base, s.end + base, s.label) for s in sp)
            else:
                spans.append(Span(base, base + len(line), label))
        if text:
            out.append((text, BODY, spans))
        out.extend(tail)
    return _assemble(out, blank=rng.random() < 0.5, art=article, suffix="flat", shape="flat")


def broken(article: Article, rng: random.Random) -> Article:
    """Some body paragraphs broken over several lines, as when a scraper drops the links inside a sentence,
    and one body paragraph repeated later as a scraper's duplicate (labelled boilerplate)."""
    rows = _blocks(article)
    out: list[tuple[str, str, list[Span]]] = []
    for line, label, sp in rows:
        words = line.split(" ")
        if label == BODY and not sp and len(words) > 12 and rng.random() < 0.3:
            cuts = sorted(rng.sample(range(2, len(words) - 2), rng.randint(1, 2)))
            pos = 0
            for cut in cuts + [len(words)]:
                out.append((" ".join(words[pos:cut]), BODY, []))
                pos = cut
        else:
            out.append((line, label, sp))
    bodies = [k for k, r in enumerate(out) if r[1] == BODY and len(r[0]) > 60 and not r[2]]
    if len(bodies) > 3:
        src = out[rng.choice(bodies[:3])]
        out.insert(rng.randint(bodies[-2], len(out)), (src[0], BOILERPLATE, []))
    return _assemble(out, blank=rng.random() < 0.3, art=article, suffix="broken")


#: Capitalised runs in the article's own text, to make tag words from ("Kota Depok", "Bansos PKH").
NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][A-Za-z]+){0,2}\b")
FOOTER_HEADS = ("Tags", "Tag", "TAGS", "Topik", "Tag Terkait")
FOOTER_TAILS = ("Terkini", "Terpopuler", "Berita Terkini", "Terpopuler Hari Ini")


def footered(article: Article, rng: random.Random) -> Article:
    """The article with a tag footer after its last paragraph, as many CMS themes print one: a heading, a few tag
    lines made from names in the article's own text, and section links. Teaches that short lines after the last
    paragraph are page furniture, whatever their words."""
    rows = _blocks(article)
    names = sorted({m.group() for line, label, _ in rows if label == BODY for m in NAMED.finditer(line)
                    if len(m.group()) > 3})
    if not names:
        return _assemble(rows, blank=True, art=article, suffix="footer")
    last_body = max(k for k, r in enumerate(rows) if r[1] == BODY)
    footer: list[tuple[str, str, list[Span]]] = [(rng.choice(FOOTER_HEADS), BOILERPLATE, [])]
    footer += [(name, BOILERPLATE, []) for name in rng.sample(names, min(len(names), rng.randint(2, 5)))]
    footer += [(tail, BOILERPLATE, []) for tail in rng.sample(FOOTER_TAILS, rng.randint(0, 2))]
    return _assemble(rows[:last_body + 1] + footer + rows[last_body + 1:], blank=rng.random() < 0.5, art=article,
                     suffix="footer")


#: Labels whose lines are junk wherever they stand, so they can be moved into another article.
TRANSPLANTABLE = frozenset({RELATED, PROMO, BOILERPLATE, BYLINE})


def furniture_pool(articles: list[Article]) -> list[tuple[str, str]]:
    """Junk lines that are junk by their own words, wherever they stand: promo lines, lines that open with a cue
    (`Baca juga: ...`, `Editor: ...`), short link headers (`Berita Terkait`) and lines that recur in two or more
    articles (`Terkini`, `(*)`, `Share`). Tag words (`Kota Depok`) and linked headlines without their cue are left
    out: they are junk by their place, and moved into a paragraph run they would look like sub-headings."""
    seen: dict[str, set[str]] = {}
    for art in articles:
        for line, label in zip(art.lines, art.labels):
            if label in TRANSPLANTABLE:
                seen.setdefault(f"{label}\t{line.strip()}", set()).add(art.id)
    pool = []
    for key, where in sorted(seen.items()):
        label, line = key.split("\t", 1)
        if label == PROMO or len(where) >= 2 or CUE_START.match(line) or (label == RELATED and len(line.split()) <= 4):
            pool.append((line, label))
    return pool


def transplanted(article: Article, rng: random.Random, pool: list[tuple[str, str]]) -> Article:
    """Two to four furniture lines from other articles put into random gaps of this one, at the top, between
    paragraphs or at the foot. Publishers put the same furniture in different places; this teaches the model to
    know `Share` or `(*)` by its words, not only by where our styles happen to put it."""
    rows = _blocks(article)
    own = {line.strip() for line, _label, _sp in rows}
    donors = [d for d in pool if d[0].strip() not in own]
    for line, label in rng.sample(donors, min(len(donors), rng.randint(2, 4))):
        rows.insert(rng.randint(1, len(rows)), (line, label, []))
    return _assemble(rows, blank=rng.random() < 0.5, art=article, suffix="transplant")


def variations(article: Article, seed: int, pool: list[tuple[str, str]] | None = None) -> list[Article]:
    """The seed article and its variations, the same for the same seed. `pool` (from `furniture_pool` over the
    training articles) adds a variation with furniture lines transplanted from other articles."""
    rng = random.Random(f"{seed}:{article.id}")
    out = [article, shuffled(article, rng), headless(article, rng), broken(article, rng), footered(article, rng)]
    if pool:
        out.append(transplanted(article, rng, pool))
    if sum(lab == BODY for lab in article.labels) >= 3:
        out.append(flattened(article, rng))
    return out
