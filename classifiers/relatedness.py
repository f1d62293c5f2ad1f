"""Is a linked headline ("Baca juga: <headline>") about the same story as the article around it?

    python -m classifiers.relatedness              # figures on seeds/relatedness/pairs.jsonl, threshold sweep

A headline is short and a news article says the same thing in other words ("Pemprov DKI" for "Pemerintah Provinsi
DKI Jakarta", "dibangun" for "membangun", "lindu" for "gempa"), so the score is not a cosine of two bags of words but
the share of the headline's content that the article covers:

- words are reduced to a light stem (meN-/peN-/di-/ber-/ter-/ke-/se- and -kan/-an/-i/-nya stripped, nasal
  assimilation undone), so "membangun", "pembangunan" and "dibangun" are one word;
- an abbreviation counts as covered when it spells the initials or the leading syllables of consecutive article
  words ("KKP", "BPBD", "Pemprov", "Kemenkes");
- a short hand-written list of news synonyms and nicknames joins words that mean the same thing
  (`SYNONYMS`: "ringkus"/"tangkap", "skuad Garuda"/"timnas", "waduk"/"bendungan");
- every headline word has a weight: names, abbreviations and numbers weigh more, words that every story uses
  ("harga", "warga", "hari", "jakarta") weigh less (`GENERIC`), so a clickbait headline that shares "harga" with a
  price story stays low;
- a word the article itself repeats is better evidence than one it mentions once (the article's own frequencies).

No model, no data at run time: deterministic, tens of microseconds per headline once the article is indexed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from classifiers.features import STOPWORDS

PAIRS = Path(__file__).resolve().parent.parent / "seeds" / "relatedness" / "pairs.jsonl"

#: Punctuation between words (not inside a number such as "2,5" or "Rp1.385.000"): a clause boundary.
CLAUSE_BREAK = re.compile(r"[^\w\s-]+(?!\d)|(?<!\w)-|-(?!\w)")
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
#: Function words beyond the line model's `STOPWORDS`: they say nothing about which story a headline is.
EXTRA_STOPWORDS = frozenset(
    """ini itu pun lagi usai jelang soal demi bagi kini sejak antara tak tanpa akan jadi bikin ternyata begini
    inilah berikut cara simak cek daftar lengkap resmi secara sebanyak sekitar hampir sempat kembali mulai kamu anda
    kalian saja sangat paling bakal sebelum sesudah setelah nomor""".split())
#: Words nearly every story uses: a shared "harga" or "jakarta" is weak evidence of the same story.
GENERIC = frozenset(
    """harga naik turun baru hari besok malam pagi siang sore pekan bulan tahun warga masyarakat pemerintah kota
    kabupaten provinsi daerah desa jakarta indonesia orang ribu juta miliar triliun persen rp kg km jam menit
    minggu senin selasa rabu kamis jumat sabtu pertama kedua dua tiga empat lima besar kecil tinggi ada dapat
    jalan pasar rumah anak sekolah polisi presiden menteri bupati wali ketua kepala petugas kata sebut minta
    diminta imbau pusat umum utama nasional internasional dunia resmi terbaru murah mudah viral januari februari
    maret april mei juni juli agustus september oktober november desember""".split())
#: News synonyms and nicknames: each group is one concept. Written by hand, general news vocabulary.
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("gempa", "lindu"),
    ("tangkap", "ringkus", "bekuk", "ciduk", "amankan"),
    ("tabrakan", "kecelakaan", "tabrak"),
    ("bakar", "api", "jago merah"),
    ("waduk", "bendungan", "dam"),
    ("vaksinasi", "vaksin", "imunisasi", "suntik"),
    ("timnas", "tim nasional", "skuad garuda", "garuda", "tim merah putih"),
    ("kpk", "antirasuah", "komisi antirasuah", "lembaga antirasuah"),
    ("bank indonesia", "bank sentral", "bi"),
    ("ojk", "otoritas jasa keuangan", "regulator jasa keuangan"),
    ("bbm", "bahan bakar", "pertalite", "pertamax", "solar", "bensin"),
    ("emas", "logam mulia", "antam"),
    ("partai", "parpol", "partai politik"),
    ("gratis", "tanpa tarif", "cuma-cuma", "tanpa biaya"),
    ("banjir", "genangan", "terendam", "rendam", "luap"),
    ("karhutla", "kebakaran hutan"),
    ("kemarau", "kekeringan", "kering"),
    ("meninggal", "tewas", "wafat", "korban jiwa"),
    ("mobil", "kendaraan"),
    ("mudik", "lebaran"),
    ("natal", "nataru", "tahun baru"),
    ("ramadan", "puasa"),
    ("suro", "sura"),
    ("persib", "maung bandung"),
    ("persija", "macan kemayoran"),
    ("benur", "benih lobster"),
    ("pilkada", "pemilihan kepala daerah"),
    ("pemilu", "pemilihan umum", "penyelenggara pemilu"),
    ("kpu", "komisi pemilihan umum", "penyelenggara pemilu"),
    ("bpom", "badan pom", "badan pengawas obat"),
    ("bmkg", "badan meteorologi"),
    ("bnpb", "badan nasional penanggulangan bencana"),
    ("bpbd", "badan penanggulangan bencana daerah"),
    ("sar", "basarnas"),
    ("dprd", "dewan", "legislator"),
    ("siswa", "pelajar", "murid", "siswi"),
    ("mahasiswa", "kuliah"),
    ("kereta", "ka", "kai"),
    ("pesawat", "penerbangan", "maskapai"),
    ("sopir", "pengemudi", "supir"),
)
VOWELS = frozenset("aeiou")


def stem(word: str) -> str:
    """A light, deterministic Indonesian stem: enough to join a root with its affixed forms, not a dictionary stemmer.

    >>> stem("membangun"), stem("pembangunan"), stem("dibangun")
    ('bangun', 'bangun', 'bangun')
    """
    return stems(word)[0]


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The stem of a word, then any other reading of it: "mengirim" may be "irim" or "kirim" (meng- before a vowel
    hides whether the root began with k)."""
    w = word.lower()
    if len(w) <= 4 or not w.isalpha():
        return (w,)
    for particle in ("lah", "kah", "nya"):
        if w.endswith(particle) and len(w) - 3 >= 4:
            w = w[:-3]
            break
    w, hidden_k = _strip_prefix(w)
    for suffix in ("kan", "an", "i"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[:-len(suffix)]
            break
    return (w, "k" + w) if hidden_k else (w,)


def _strip_prefix(w: str) -> tuple[str, bool]:
    """The word without its prefixes (at most two layers: "diper-", "memper-"), nasal assimilation undone."""
    hidden_k = False
    for _ in range(2):
        before = w
        if w.startswith(("meng", "peng")) and len(w) > 6:
            w = w[4:]
            hidden_k = w[0] in VOWELS
        elif w.startswith(("meny", "peny")) and len(w) > 6 and w[4] in VOWELS:
            w = "s" + w[4:]
        elif w.startswith(("mem", "pem")) and len(w) > 5:
            w = "p" + w[3:] if w[3] in VOWELS else w[3:]
        elif w.startswith(("men", "pen")) and len(w) > 5:
            w = "t" + w[3:] if w[3] in VOWELS else w[3:]
        elif w.startswith(("ber", "ter", "per")) and len(w) > 6 and w[3] not in VOWELS:
            w = w[3:]
        elif w.startswith(("be", "te", "pe")) and len(w) > 5 and w[2] == "r":
            w = w[3:]
        elif w.startswith(("me", "pe")) and len(w) > 5 and w[2] in "lmnrwy":
            w = w[2:]
        elif w.startswith("pe") and len(w) > 5 and w[2] in "dgjkt":
            w = w[2:]
        elif w.startswith("di") and len(w) > 5:
            w = w[2:]
        elif w.startswith(("ke", "se")) and len(w) > 6 and w[2] not in VOWELS:
            w = w[2:]
        if w == before:
            break
        if len(w) < 4:
            return before, False
    return w, hidden_k


def _synonym_index() -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for group, words in enumerate(SYNONYMS):
        for phrase in words:
            index[tuple(stem(p) for p in phrase.split())] = f"={group}"
    return index


SYNONYM_INDEX = _synonym_index()
MAX_PHRASE = max(len(k) for k in SYNONYM_INDEX)
#: The words a synonym phrase can start with: at any other word no phrase starts, so `_phrases` moves on at once.
PHRASE_STARTS = frozenset(k[0] for k in SYNONYM_INDEX)
DROP = STOPWORDS | EXTRA_STOPWORDS
#: Weights of a headline word: an abbreviation or a number names the story more than a common word does.
ABBREVIATION_WEIGHT = 1.5
NUMBER_WEIGHT = 1.2
GENERIC_WEIGHT = 0.3
#: How much an article word mentioned once counts against one the article repeats (salience).
ONCE = 0.7
#: Added to the headline's weight: a two-word headline needs both words covered to reach the top.
SMOOTHING = 0.5
#: A headline that shares a single specific word with the article is scaled by this (and by half of it when it
#: shares only generic words): one word is chance, two are a story.
SINGLE_HIT = 0.6


@dataclass(frozen=True)
class Term:
    """One content word (or synonym phrase) of a headline: the keys it may be found under, its surface form
    (for abbreviations) and its weight."""

    keys: tuple[str, ...]
    raw: str
    weight: float


def _words(text: str) -> list[str]:
    """Numbers and words; a hyphenated word ("Batam-Singapura", "BI-Rate") is split into its parts."""
    out: list[str] = []
    for w in WORD.findall(text):
        out.extend(p for p in w.split("-") if p) if not w[:1].isdigit() else out.append(w)
    return out


def _number_key(w: str) -> str:
    return "#" + w.replace(".", "").replace(",", ".")


def _units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The text as (surface word, keys) in order; a function word is kept with no keys, so phrases do not jump it."""
    return [(raw, _keys(raw)) for raw in _words(text)]


@lru_cache(maxsize=65536)
def _keys(raw: str) -> tuple[str, ...]:
    """The keys one word is counted under (cached: an article repeats its words, and stemming is the slow part)."""
    low = raw.lower()
    if low[:1].isdigit():
        return (_number_key(low),)
    if low in DROP or len(low) < 2 or (len(low) < 3 and not raw.isupper()) or low.removesuffix("nya") in DROP:
        return ()
    variants = stems(low)
    return variants + ((low,) if low not in variants else ())


def _phrases(units: list[tuple[str, tuple[str, ...]]]) -> list[tuple[int, int, str]]:
    """Synonym phrases in the text: (start, end, group key), longest first where they overlap."""
    primary = [keys[0] if keys else "" for _, keys in units]
    found = []
    i = 0
    while i < len(primary):
        if primary[i] not in PHRASE_STARTS:
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(primary) - i), 0, -1):
            group = SYNONYM_INDEX.get(tuple(primary[i:i + n]))
            if group is not None and primary[i]:
                found.append((i, i + n, group))
                i += n - 1
                break
        i += 1
    return found


@dataclass
class ArticleIndex:
    """What a headline is compared with: how often the article uses each stem, synonym group and number, and its
    content words in order (for abbreviations). Build once per article with `of()`, then `score()` each headline."""

    counts: dict[str, int] = field(default_factory=dict)
    sequence: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, paragraphs: list[str]) -> ArticleIndex:
        index = cls()
        counts = index.counts
        for text in paragraphs:
            for clause in CLAUSE_BREAK.split(text):  # an abbreviation or synonym phrase never spans a comma or quote
                units = _units(clause)
                for _, keys in units:
                    for key in keys:
                        counts[key] = counts.get(key, 0) + 1
                for _, _, group in _phrases(units):
                    counts[group] = counts.get(group, 0) + 1
                index.sequence.extend(raw.lower() for raw, keys in units if keys and raw[:1].isalpha())
                index.sequence.append(" ")
        return index

    @cached_property
    def starts(self) -> dict[str, list[int]]:
        """Where an abbreviation with these two first letters may start in `sequence`. Built on the first
        abbreviation a headline asks about, not with the index: most headlines have none."""
        seq = self.sequence
        starts: dict[str, list[int]] = {}
        for k, word in enumerate(seq[:-1]):
            for pair in {word[:2], word[0] + seq[k + 1][0]}:
                if pair.isalpha():
                    starts.setdefault(pair, []).append(k)
        return starts

    def count(self, term: Term) -> int:
        """How often the article uses the term (0: not at all); an abbreviation the article spells out counts once."""
        n = max((self.counts.get(k, 0) for k in term.keys), default=0)
        if not n and (len(term.raw) >= 5 or len(term.raw) >= 3 and term.raw.isupper()) and term.raw.isalpha() \
                and self._abbreviates(term.raw.lower()):
            n = 1
        return n

    def _abbreviates(self, abbr: str) -> bool:
        """`abbr` spells the initials or leading syllables of 2-6 consecutive content words ("KKP", "Pemprov")."""
        return any(_spells(abbr, self.sequence, start, 0) for start in self.starts.get(abbr[:2], ()))

    def score(self, headline: str) -> float:
        """The weighted share of the headline's content the article covers, 0..1."""
        terms = headline_terms(headline)
        if not terms:
            return 0.0
        total = sum(t.weight for t in terms)
        covered = 0.0
        hits = 0
        for t in terms:
            n = self.count(t)
            if n:
                hits += t.weight >= 1.0  # a shared "harga" or "hari" is no evidence on its own
                covered += t.weight * (ONCE + (1.0 - ONCE) * min(n - 1, 2) / 2)
        share = covered / (total + SMOOTHING)
        return round(min(share * (1.0 if hits >= 2 else SINGLE_HIT if hits else SINGLE_HIT / 2), 1.0), 4)


def _spells(abbr: str, seq: list[str], k: int, used: int) -> bool:
    """`abbr` is a run of leading letters (1-5) of `seq[k]`, then of `seq[k + 1]`, ..., over 2-6 words in all."""
    if k >= len(seq) or used >= 6 or len(abbr) > 5 * (6 - used):
        return False
    word = seq[k]
    common = 0
    for a, b in zip(abbr, word[:5]):
        if a != b:
            break
        common += 1
    following = seq[k + 1][0] if k + 1 < len(seq) else ""
    for n in range(common, 0, -1):
        if n == len(abbr):
            if used >= 1:
                return True
        elif abbr[n] == following and _spells(abbr[n:], seq, k + 1, used + 1):
            return True
    return False


@lru_cache(maxsize=4096)
def headline_terms(headline: str) -> tuple[Term, ...]:
    """The headline's weighted content words; a synonym phrase ("skuad Garuda", "bank sentral") is one term."""
    units = _units(headline)
    phrases = _phrases(units)
    in_phrase = {k for start, end, _ in phrases for k in range(start, end) if end - start > 1}
    single = {start: group for start, end, group in phrases if end - start == 1}
    terms = [Term((group,), "", 1.0) for start, end, group in phrases if end - start > 1]
    for k, (raw, keys) in enumerate(units):
        if not keys or k in in_phrase:
            continue
        if raw[:1].isdigit():
            weight = GENERIC_WEIGHT if _date_like(raw) else NUMBER_WEIGHT
        elif raw.lower() in GENERIC or keys[0] in GENERIC:
            weight = GENERIC_WEIGHT
        elif raw.isupper():
            weight = ABBREVIATION_WEIGHT
        else:
            weight = 1.0
        group = single.get(k)
        same = next((i for i, t in enumerate(terms) if group and group in t.keys), None)
        if same is not None:  # "Emas Antam", "BBM Pertalite": one concept, counted once
            terms[same] = Term(terms[same].keys, terms[same].raw, max(terms[same].weight, weight))
            continue
        terms.append(Term(keys + ((group,) if group else ()), raw, weight))
    return tuple(terms)


def _date_like(number: str) -> bool:
    """A day of the month, a small count or a year: shared by many stories, unlike "Rp1,385" or "412"."""
    digits = number.replace(".", "").replace(",", "")
    return len(digits) <= 2 or (len(digits) == 4 and digits[:2] in ("19", "20"))


def relatedness(headline: str, body_paragraphs: list[str]) -> float:
    """How much a linked headline is about the article's own story, 0..1 (0.0 for an empty headline or article).

    Parameters
    ----------
    headline : the linked headline, without its "Baca juga:" cue.
    body_paragraphs : the article's kept paragraphs.

    Returns
    -------
    float: the weighted share of the headline's content words the article covers, by stem, abbreviation or synonym.
    """
    if not headline.strip() or not any(p.strip() for p in body_paragraphs):
        return 0.0
    return ArticleIndex.of(body_paragraphs).score(headline)


# --- evaluation on our labelled pairs -------------------------------------------------------------------------------

def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """Probability that a related pair scores above an unrelated one (ties count half)."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def figures(scores: list[float], labels: list[bool], threshold: float) -> dict[str, float]:
    tp = sum(s >= threshold and y for s, y in zip(scores, labels))
    fp = sum(s >= threshold and not y for s, y in zip(scores, labels))
    fn = sum(s < threshold and y for s, y in zip(scores, labels))
    tn = len(labels) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"threshold": threshold, "accuracy": (tp + tn) / len(labels), "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0, "auc": roc_auc(scores, labels)}


def score_pairs(pairs: list[dict[str, Any]], fn: Any = relatedness) -> tuple[list[float], list[bool]]:
    return [fn(p["headline"], [p["article"]]) for p in pairs], [bool(p["related"]) for p in pairs]


def baseline(headline: str, body_paragraphs: list[str]) -> float:
    """The scoring before this module: the line model's bag-of-words cosine (`ArticleTerms.similarity`)."""
    from classifiers.features import ArticleTerms
    return ArticleTerms.of(body_paragraphs).similarity(headline, included=False)


def main(argv: list[str] | None = None) -> int:
    from classifiers.options import DEFAULT_RELATED_THRESHOLD

    ap = argparse.ArgumentParser(prog="python -m classifiers.relatedness", description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--threshold", type=float, default=DEFAULT_RELATED_THRESHOLD)
    ap.add_argument("--errors", action="store_true", help="list the pairs on the wrong side of the threshold")
    args = ap.parse_args(argv)
    pairs = load_pairs(args.pairs)
    print(f"{len(pairs)} pairs, {len({p['article'] for p in pairs})} articles, "
          f"{sum(p['related'] for p in pairs)} related")
    # the old cosine at its own threshold (0.2, the default before this module), then ours at the threshold given
    for name, fn, t in (("baseline cosine", baseline, 0.2), ("relatedness", relatedness, args.threshold)):
        scores, labels = score_pairs(pairs, fn)
        f = figures(scores, labels, t)
        print("%-16s at %.2f: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f  AUC %.4f" % (
            name, t, f["accuracy"], f["precision"], f["recall"], f["f1"], f["auc"]))
    scores, labels = score_pairs(pairs)
    print("threshold sweep (relatedness):")
    for t in [x / 100 for x in range(10, 55, 5)]:
        f = figures(scores, labels, t)
        print("  %.2f  accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f" % (
            t, f["accuracy"], f["precision"], f["recall"], f["f1"]))
    if args.errors:
        for p, s in sorted(zip(pairs, scores), key=lambda x: x[1]):
            if (s >= args.threshold) != p["related"]:
                print(f"  {s:.3f} {'REL' if p['related'] else 'UNR'} {p['headline']}  ({p['note']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
