"""The cleaning core: lines in, labelled lines and pieces out, assembled into a `Result`.

`Cleaner` holds one loaded model. Its `clean()` is what the API, the CLI and the evaluation call. The contract
that matters most: every non-blank input line is either kept in the body (verbatim, less any junk pieces cut from
it) or listed in `removed`; nothing disappears silently.
"""
from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import sklearn
from scipy import sparse
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from classifiers import persistence
from classifiers.features import (
    CUE_START,
    LineItem,
    PreparedArticle,
    alpha_words,
    heading_shaped,
    prepare,
    titled_share,
)
from classifiers.guards import (
    answers_question,
    asks_before_answer,
    keyed_run,
    leads_next,
    link_list_header,
    list_intro,
    list_run,
    mid_sentence,
    on_topic_heading,
    row_shape,
    short_heading,
    titled_list_intro,
)
from classifiers.labels import BLANK, BODY, BOILERPLATE, CAPTION, DATE, PROMO, RELATED, TITLE
from classifiers.metadata import extract_dateline, extract_metadata, parse_date
from classifiers.options import Options, RelatedLink, Removal, Result
from classifiers.segment import ATTRIBUTION, CORRECTION, IMPERATIVE, RELATED_CUE, readers_question, split_lines, without
from classifiers.twopass import NeighbourPass

if TYPE_CHECKING:
    from classifiers.relatedness import ArticleIndex

LEADING_CUE = re.compile(r"^\W*" + RELATED_CUE.pattern.removeprefix(r"(?<![\w])"))


@dataclass(frozen=True)
class Decision:
    """The model's verdict on one item: the best junk label, its probability, and whether it leaves the body."""

    label: str
    score: float
    remove: bool


class Cleaner:
    """A loaded model and the rules that turn its probabilities into a cleaned article."""

    def __init__(self, pipeline: Any, manifest: dict[str, Any]):
        self.pipeline = pipeline
        self.manifest = manifest
        classes = [str(c) for c in pipeline.classes_]
        self._body = classes.index(BODY)
        self._classes = classes

    @classmethod
    def load(cls, directory: Path | None = None) -> Cleaner:
        """Load the model from `directory` (default: the committed one), checking its sha256 first."""
        loaded = persistence.load(directory or persistence.MODEL_DIR)
        return cls(loaded.pipeline, loaded.manifest)

    @property
    def model_info(self) -> dict[str, str]:
        return {"version": str(self.manifest.get("version")), "sha256": str(self.manifest.get("sha256"))}

    def decide(self, items: list[LineItem], thresholds: list[float]) -> list[Decision]:
        """Label each item: junk only when the probability that it is not body reaches its threshold."""
        if not items:
            return []
        proba = self.predict_proba(items)
        junk = 1.0 - proba[:, self._body]
        masked = proba.copy()
        masked[:, self._body] = -1.0
        best = np.argmax(masked, axis=1)
        return [Decision(self._classes[b] if j >= t else BODY, float(round(j, 4)), bool(j >= t))
                for b, j, t in zip(best, junk, thresholds)]

    def predict_proba(self, items: list[LineItem]) -> np.ndarray:
        """`pipeline.predict_proba(items)`, computed step by step.

        The result is the same (a test checks it), but going through `FeatureUnion` and `Pipeline` costs about
        5 ms of bookkeeping per call whatever the input size, which would cap one process at about 200 articles a
        second. Walking the fitted steps directly leaves only the feature work and the matrix product.
        """
        model = self.pipeline
        first = model.first_ if isinstance(model, NeighbourPass) else model
        features = first.named_steps["features"]
        with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
            blocks = [_transform(step, items) for _name, step in features.transformer_list]
            proba = first.named_steps["model"].predict_proba(sparse.hstack(blocks, format="csr"))
            return model.refine(items, proba) if isinstance(model, NeighbourPass) else proba

    def clean(self, text: str, options: Options | None = None, *, lines: list[str] | None = None) -> Result:
        """Clean one article given as text (lines split on "\n"); `lines` is set for HTML input."""
        return self.clean_many([text], options, lines=[lines] if lines is not None else None)[0]

    def clean_many(self, texts: Sequence[str], options: Options | Sequence[Options] | None = None, *,
                   lines: Sequence[list[str] | None] | None = None) -> list[Result]:
        """Clean several articles with one pass of the model over all their lines: the fast path for batches.

        Each result is the one `clean()` gives for that article alone (every line is scored on its own features,
        so batching changes only the speed), except `took_ms`, which is the batch's time shared out evenly.

        `options` is one `Options` for all the articles, or one per article: a batch from the API or the CLI mixes
        articles with their own `id` and `title`, and they must still share one model pass. `lines`, when given,
        has one entry per article: the lines HTML was turned into, or None to split that article's text (so text
        and HTML articles can share a batch too).
        """
        per_article = _per_article(options, len(texts))
        if lines is not None and len(lines) != len(texts):
            raise ValueError(f"clean_many got {len(texts)} texts but {len(lines)} entries in lines")
        started = time.perf_counter()
        given: Sequence[list[str] | None] = lines if lines is not None else [None] * len(texts)
        prepared = [prepare(split_lines(t) if raw is None else raw) for t, raw in zip(texts, given)]
        items: list[LineItem] = []
        thresholds: list[float] = []
        for p, opts in zip(prepared, per_article):
            items.extend(p.items)
            thresholds.extend(_line_threshold(it, opts) for it in p.items)
            items.extend(row[3] for row in p.pieces)
            thresholds.extend(_piece_threshold(row[3], opts) for row in p.pieces)
        decisions = self.decide(items, thresholds)
        results = []
        pos = 0
        for p, opts in zip(prepared, per_article):
            line_d = _revised(p.items, decisions[pos:pos + len(p.items)], opts)
            pos += len(p.items)
            piece_d = _plain_captions(p.pieces, decisions[pos:pos + len(p.pieces)], opts)
            pos += len(p.pieces)
            results.append(self._assemble(p, line_d, piece_d, opts))
        took = (time.perf_counter() - started) * 1000.0 / max(len(prepared), 1)
        for r in results:
            r.took_ms = took
        return results

    def _assemble(self, p: PreparedArticle, line_d: list[Decision], piece_d: list[Decision],
                  options: Options) -> Result:
        raw = p.lines
        removed: list[Removal] = []
        labels = [BLANK] * len(raw)
        gone: set[int] = set()
        line_d = _headline_next_to_date(p, _headline_before_dateline(p, line_d))
        for i, d in zip(p.index, line_d):
            labels[i] = d.label
            if d.remove:
                removed.append(Removal(i, None, None, raw[i], d.label, d.score))
                gone.add(i)
        cuts: dict[int, list[tuple[int, int]]] = {}
        for (i, start, end, _item), d in zip(p.pieces, piece_d):
            if d.remove and i not in gone:
                removed.append(Removal(i, start, end, raw[i][start:end], d.label, d.score))
                cuts.setdefault(i, []).append((start, end))
        paragraphs: list[str] = []
        for i in p.index:
            if i in gone:
                continue
            text_ = without(raw[i], cuts[i]) if i in cuts else raw[i].strip()
            if text_:
                paragraphs.append(text_)
        removed.sort(key=lambda r: (r.line, r.start or 0))
        metadata = extract_metadata([raw[i] for i in p.index], [labels[i] for i in p.index], paragraphs,
                                    title=options.title)
        links = self._related_links(removed, paragraphs, options.related_threshold)
        return Result(id=options.id, body="\n\n".join(paragraphs), paragraphs=paragraphs, metadata=metadata,
                      removed=removed, related_links=links, model=self.model_info)

    @staticmethod
    def _related_links(removed: list[Removal], paragraphs: list[str], threshold: float) -> list[RelatedLink]:
        # imported here so that `python -m classifiers.relatedness` does not find itself already imported
        from classifiers.relatedness import ArticleIndex

        article: ArticleIndex | None = None  # built on the first linked headline: most articles have none
        links = []
        for r in removed:
            if r.label != RELATED:
                continue
            headline = LEADING_CUE.sub("", r.text.strip()).strip(" :-–")
            if len(headline.split()) < 2:
                continue  # a bare "Baca Juga" line: its headline, if any, is the next removed line
            article = article or ArticleIndex.of(paragraphs)
            score = article.score(headline)
            links.append(RelatedLink(text=headline, relatedness=score, related=score >= threshold))
        return links


def _per_article(options: Options | Sequence[Options] | None, count: int) -> list[Options]:
    """One `Options` per article: the shared one repeated, or the caller's list checked for length."""
    if options is None or isinstance(options, Options):
        return [options or Options()] * count
    per_article = list(options)
    if len(per_article) != count:
        raise ValueError(f"clean_many got {count} texts but {len(per_article)} options")
    return per_article


#: The threshold of a line or piece that no model score removes.
NEVER = float("inf")


def _line_threshold(it: LineItem, options: Options) -> float:
    """How sure the model must be to remove a whole line.

    A sub-heading, a short heading or a fragment of a broken sentence needs `heading_threshold`; a line that closes
    on whom it quotes (", kata Kapolres."), corrects the story or closes it with a wish is the article's own and is
    never removed (`_articles_own`).
    """
    if _articles_own(it.text):
        return NEVER
    if on_topic_heading(it) or short_heading(it) or mid_sentence(it):
        return max(options.line_threshold, options.heading_threshold)
    return options.line_threshold


def _piece_threshold(it: LineItem, options: Options) -> float:
    """How sure the model must be to cut a piece from a line: `piece_threshold` for what a junk pattern found,
    `sentence_threshold` for a plain sentence of a flat paragraph, never for the article's own text (`_articles_own`)
    or a plain sentence that reports someone (`SAYS`)."""
    if _articles_own(it.text) or (not it.cue and SAYS.search(it.text)):
        return NEVER
    return options.piece_threshold if it.cue else options.sentence_threshold


def _plain_captions(pieces: list[tuple[int, int, int, LineItem]], decisions: list[Decision],
                    options: Options) -> list[Decision]:
    """A plain sentence of a flat paragraph that the model takes for a photo caption leaves only at
    `heading_threshold`: with no credit or marker to go by, a picture's description ("Petugas memapah korban ke
    ambulans.") and the reporter's own account of a scene read the same. Losing the reader's sentence is the worse
    error: on the held-out folds the 0.9 bar cut flat junk characters 87.6% -> 86.4% and body characters lost
    0.47% -> 0.33%."""
    return [Decision(BODY, d.score, False)
            if d.remove and d.label == CAPTION and not row[3].cue and d.score < options.heading_threshold else d
            for row, d in zip(pieces, decisions)]


#: A saying verb in its reporting form: a plain sentence of a flat paragraph with one ("Manajer Komunikasi PayNusa,
#: Citra Anggraeni, menegaskan ...") reports someone, even when glued junk with no full stop ran into it. Narrower
#: than `segment.REPORTING`, whose "kata", "menurut" and "ungkap" also stand in linked headlines.
SAYS = re.compile(r"\b(?:mengatakan|menjelaskan|menyatakan|menambahkan|menuturkan|mengungkapkan|menegaskan)\b")


#: A closing wish in the writer's voice ("Semoga bermanfaat.", "Semoga kita mau mendengar."): reads like a sign-off
#: of the page, but it is the article's last line.
WISH = re.compile(r"^\W*Semoga\b")


def _articles_own(text: str) -> bool:
    """Text that is the article's own whatever the model says: a sentence closing on whom it quotes, a note
    correcting the story (`segment.CORRECTION`) or a closing wish (`WISH`); in our corpus every line of those shapes
    is body."""
    return bool(ATTRIBUTION.search(text) or CORRECTION.search(text) or WISH.match(text))


def _transform(step: Any, X: Any) -> Any:
    """Apply one fitted transformer (or a pipeline of them), calling a FunctionTransformer's function directly."""
    if isinstance(step, Pipeline):
        for _name, inner in step.steps:
            X = _transform(inner, X)
        return X
    if isinstance(step, FunctionTransformer):
        return step.func(X)
    return step.transform(X)


def _revised(items: list[LineItem], decisions: list[Decision], options: Options) -> list[Decision]:
    """The model's line decisions after the cleaner's rules, one step per rule in the order they run (each rule's
    docstring says what it mends and why; a later rule sees the earlier ones' decisions)."""
    decisions = _continuations_of_junk(items, decisions, options)
    decisions = _questions_before_invitations(items, decisions, options)
    decisions = _lists_under_intros(items, decisions, options)
    decisions = _subheadings_over_paragraphs(items, decisions)
    decisions = _rows_of_kept_runs(items, decisions)
    decisions = _link_runs(items, decisions)
    return _questions_and_answers(items, decisions)


def _continuations_of_junk(items: list[LineItem], decisions: list[Decision], options: Options) -> list[Decision]:
    """A line that carries on a sentence begun in a line removed with high certainty goes with it.

    The cleaner asks `heading_threshold` of a line that continues a sentence (`mid_sentence`), so a fragment of a
    paragraph broken by a dropped link is not cut for looking like a name or a tag. That guard is there to protect
    the article's sentences; when the sentence began in a line the model is at least `heading_threshold` sure is
    junk (a call to action split over lines: "Pantau informasi terbaru lewat Instagram @dinas" / "dan kanal YouTube
    kami."), the continuation only needs the ordinary `line_threshold` of its own, and takes its head's label. A
    head removed as promo that opens with an imperative (an invitation: "Aktifkan notifikasi aplikasi kami,") is
    certain enough at any removal score, since that shape is the call to action's own. A lowercase line that
    finishes a promo line's sentence goes whatever its own score (`_invitation_runs_on`).
    """
    out = list(decisions)
    carried = False  # the line before was itself carried with a certain head: a three-line call to action
    for k in range(1, len(items)):
        d, head = out[k], out[k - 1]
        sure_head = head.remove and head.label not in (TITLE, DATE) and (
            head.score >= options.heading_threshold or carried or _invitation(items[k - 1].text, head))
        carried = False
        if not d.remove and not on_topic_heading(items[k]) and (
                (sure_head and d.score >= options.line_threshold and mid_sentence(items[k]))
                or (_invitation_runs_on(items[k - 1], head, items[k]) and _line_threshold(items[k], options) < NEVER)):
            out[k] = Decision(head.label, d.score, True)
            carried = True
    return out


def _invitation_runs_on(head_item: LineItem, head: Decision, it: LineItem) -> bool:
    """The line finishes the sentence of a call to action removed as promo: the head has words (not a bare marker
    such as `ADVERTISEMENT`, which a junk pattern matches whole and which breaks the article's own sentences) and no
    final stop, and the line runs on in lowercase ("Kirim foto dan harga dari pasar dekatmu" / "ke nomor redaksi
    kami."). In our corpus every line in that place is promo, so its own score does not matter."""
    head_text, text = head_item.text.strip(), it.text.strip()
    return (head.remove and head.label == PROMO and not head_item.patterned and len(head_text.split()) >= 3
            and head_text[-1:] not in ".!?" and text[:1].islower())


def _invitation(text: str, decision: Decision) -> bool:
    """A line removed as promo that opens by telling the reader to do something ("Aktifkan notifikasi ...")."""
    return decision.remove and decision.label == PROMO and bool(IMPERATIVE.match(text.lstrip()))


#: The longest line read as the reader's question that opens an invitation ("Mau kabar Sidoarjo lebih cepat?").
MAX_QUESTION_CHARS = 120


def _questions_before_invitations(items: list[LineItem], decisions: list[Decision],
                                  options: Options) -> list[Decision]:
    """A short question right before an invitation removed at `heading_threshold` is that invitation's first line.

    Calls to action open with a question to the reader ("Ingin ikut memantau harga pangan?" / "Gabung grup Telegram
    ..."); on its own the question reads like the article's. Only a line that ends in "?", holds no quotation, and is
    followed by a promo line that opens with an imperative ("Gabung", "Klik", "Aktifkan") goes, so a question in an
    interview (followed by its answer) or before an ad marker stays.
    """
    out = list(decisions)
    for k in range(len(items) - 1):
        nxt = out[k + 1]
        if (not out[k].remove and readers_question(items[k].text.strip(), MAX_QUESTION_CHARS)
                and _invitation(items[k + 1].text, nxt) and nxt.score >= options.heading_threshold):
            out[k] = Decision(PROMO, out[k].score, True)
    return out


#: The fewest bare list items under a list intro the model removed for the intro to be kept with them.
MIN_LIST_ITEMS = 2


def _lists_under_intros(items: list[LineItem], decisions: list[Decision], options: Options) -> list[Decision]:
    """The items of a list the article announces ("Bahan-bahan:", "Berikut syaratnya:") stay, bullets or not.

    Scraped lists lose their bullets and arrive as a run of short bare lines (`1 sdt garam`, `Transkrip nilai
    terakhir`), which the model takes for a tag list or a footer. Under a line that announces a list and was kept,
    the run of lines shaped like list items (`guards.list_item`) is kept too, up to the first line of another
    shape: an ad marker, a linked headline, an invitation or a paragraph ends the run, so junk after a list still
    goes. An intro the model removed with less than `heading_threshold` is kept with its list when at least
    `MIN_LIST_ITEMS` items follow it. Under an intro the model kept, items may be Title Case headlines in shape
    (an event list: "Pentas Tari Topeng Kelana di Taman Budaya Pesisir"); under one it removed, or one announcing
    more links ("Resep lainnya:"), a line in headline shape ends the run. Items that open on one shared key
    (`guards.keyed_run`: "Ronde 1: ...", "Ronde 2: ...") belong to the list whatever their length or final stop.
    """
    out = list(decisions)
    for k, (it, d) in enumerate(zip(items, decisions)):
        if not list_intro(it.text) or (d.remove and d.score >= options.heading_threshold):
            continue
        run = max(list_run(items, k + 1, titled=not d.remove and titled_list_intro(it.text)), keyed_run(items, k + 1))
        if d.remove and run - (k + 1) < MIN_LIST_ITEMS:
            continue
        for j in range(k if d.remove else k + 1, run):
            if out[j].remove:
                out[j] = Decision(BODY, out[j].score, False)
    return out


#: The labels a sub-heading is mistaken for: it stands between paragraphs like a linked headline, an ad's title or a
#: photo caption. Dates, bylines and titles are left to the model: they share words with the paragraph under them
#: (the month, the publisher's name) by their nature.
SUBHEADING_LOOKALIKES = frozenset({RELATED, PROMO, CAPTION, BOILERPLATE})


def _subheadings_over_paragraphs(items: list[LineItem], decisions: list[Decision]) -> list[Decision]:
    """A sub-heading whose words the paragraph under it picks up (`guards.leads_next`) stays, however sure the model.

    Right after a block of junk (an ad, a "Baca Juga" list, a call to action), the model reads the article's next
    sub-heading as one more item of that block ("Pekerja Terpaksa Pulang Lebih Awal" under three linked headlines)
    and removes it with high certainty. What gives the sub-heading away is the paragraph under it, which takes up its
    words; a linked headline's words are the article's topic, not its next paragraph's.
    """
    return [Decision(BODY, d.score, False) if d.remove and d.label in SUBHEADING_LOOKALIKES and leads_next(it) else d
            for it, d in zip(items, decisions)]


def _rows_of_kept_runs(items: list[LineItem], decisions: list[Decision]) -> list[Decision]:
    """A line shaped like the kept rows around it (`guards.row_shape`) is one of them, and stays.

    A career table, a review's scores or a match's goals arrive as a run of short lines of one shape ("2018-2021:
    Sriwijaya Putra (62 penampilan, 7 gol)"); the model keeps most rows and removes the odd one it takes for a credit
    or a tag line. A removed line with the row shape of two kept lines next to it (one on each side, or two on one
    side) goes back into the run. In our corpus no junk line stands in such a run (`tests/test_guards.py`).
    """
    shapes = [row_shape(it.text) for it in items]
    out = list(decisions)

    def kept_row(j: int, shape: tuple[bool, bool, str, bool, bool]) -> bool:
        return 0 <= j < len(items) and not decisions[j].remove and shapes[j] == shape

    for k, (shape, d) in enumerate(zip(shapes, decisions)):
        if d.remove and shape is not None and any(kept_row(k + a, shape) and kept_row(k + b, shape)
                                                  for a, b in ((-1, 1), (-2, -1), (1, 2))):
            out[k] = Decision(BODY, d.score, False)
    return out


def _questions_and_answers(items: list[LineItem], decisions: list[Decision]) -> list[Decision]:
    """An interview's or an explainer's question and its answer stay together in the body.

    The model takes an interviewer's turn ("Wartawan: Apakah Anda sempat khawatir?") for a byline and a short answer
    ("Ada uang transpor Rp50 ribu ...") for a notice. A removed question in sentence case over a kept paragraph
    (`guards.asks_before_answer`) goes back first; then a removed sentence under a kept question
    (`guards.answers_question`). Calls to action that open with a question are left alone: the line under their
    question is an invitation.
    """
    out = list(decisions)
    for k, it in enumerate(items[:-1]):
        if out[k].remove and not out[k + 1].remove and asks_before_answer(it):
            out[k] = Decision(BODY, out[k].score, False)
    for k in range(1, len(items)):
        if out[k].remove and not out[k - 1].remove and answers_question(items[k]):
            out[k] = Decision(BODY, out[k].score, False)
    return out


#: How many lines removed as linked headlines make a run that the next headline-shaped line joins.
LINK_RUN = 2


def _link_runs(items: list[LineItem], decisions: list[Decision]) -> list[Decision]:
    """The last headline of a list of links goes with the list.

    A list of linked headlines ("Baca Juga" and three headlines, or headlines with no cue at all) ends where the
    article resumes; the model sees a paragraph after the last headline and keeps it, though it removed the ones
    before. A kept line shaped like a headline right after `LINK_RUN` lines removed as related is one more of
    them, unless it is a short heading (`guards.short_heading`) or leads the paragraph under it
    (`guards.leads_next`): those are the article's sub-headings, which follow link lists as often. In our corpus
    every headline-shaped line after two related lines that is neither is junk (`tests/test_guards.py`).

    The list's header goes too when the model kept it and removed the first headline under it: a line of a few
    words around "lainnya", "terkait" or "selanjutnya" (`guards.link_list_header`: "Resep lainnya:", "Lainnya di
    KabarKota"), a shape no body line of our corpus has.
    """
    out = list(decisions)
    for k in range(LINK_RUN, len(items)):
        it = items[k]
        if (not out[k].remove and all(out[j].remove and out[j].label == RELATED for j in range(k - LINK_RUN, k))
                and not it.patterned and heading_shaped(it.text.rstrip("?")) and not short_heading(it)
                and not leads_next(it)):
            out[k] = Decision(RELATED, out[k].score, True)
    for k in range(len(items) - 1):
        if (not out[k].remove and out[k + 1].remove and out[k + 1].label == RELATED
                and link_list_header(items[k].text)):
            out[k] = Decision(RELATED, out[k].score, True)
    return out


def _headline_before_dateline(p: PreparedArticle, decisions: list[Decision]) -> list[Decision]:
    """A first line shaped like a headline, right before a paragraph that opens with a dateline, is the headline.

    The dateline (`CIANJUR -`, `PR DEPOK –`) marks where the article's own text begins, so a line shaped like a
    headline (`_headline_shaped`) above it is the page's headline even when the model, seeing a line on the
    article's topic, hesitated, or took it for a photo caption or a linked headline (the label decides what
    `metadata.title` holds).
    """
    if len(decisions) < 2 or decisions[1].remove or decisions[0].label == TITLE:
        return decisions
    if not _headline_shaped(p.items[0].text) or extract_dateline([p.items[1].text]) is None:
        return decisions
    return [Decision(TITLE, max(decisions[0].score, 0.5), True), *decisions[1:]]


#: How far down the page the date line of a page top may stand (0: the first line): below a breadcrumb, a market
#: ticker or a menu line or two, and the headline; and the most words a headline next to it may have.
TOP_DATE_REACH = 4
MAX_HEADLINE_WORDS = 30


def _headline_next_to_date(p: PreparedArticle, decisions: list[Decision]) -> list[Decision]:
    """When no line is labelled title, a headline-shaped line right above or below the page's date line is the title.

    A page top is a headline and a date line, in either order. The model knows the headline mostly by its place at
    the very top, so it misses one under the date (`Senin, 9 Juni 2025` / `Banjir Rendam ...`) and doubts one that
    quotes a speaker (`Gubernur: "Kami Siap"`), calling it boilerplate or keeping it as a paragraph. Next to a date
    line at the top, a Title Case line of at most `MAX_HEADLINE_WORDS` words that does not end a sentence, opens with
    no cue and carries no date of its own is the headline; a paragraph of the article is neither that short nor
    Title Case.
    """
    items = p.items
    if any(d.label == TITLE for d in decisions):
        return decisions
    date_at = next((k for k, d in enumerate(decisions[:TOP_DATE_REACH + 1]) if d.remove and d.label == DATE), None)
    if date_at is None:
        return decisions
    for k in (date_at - 1, date_at + 1):
        if 0 <= k < len(items) - 1 and _headline_shaped(items[k].text) and decisions[k].label != DATE:
            out = list(decisions)
            out[k] = Decision(TITLE, max(decisions[k].score, 0.5), True)
            return out
    return decisions


def _headline_shaped(text: str) -> bool:
    """A page headline's shape: Title Case, three to `MAX_HEADLINE_WORDS` words, no final full stop, no cue, no date.
    Quotes, question and exclamation marks may close it, as they close many headlines."""
    t = text.strip()
    words = alpha_words(" ".join(w.lstrip("\"'“‘(") for w in t.split()))  # a quoted word counts by its letter
    return (3 <= len(words) <= MAX_HEADLINE_WORDS and t[-1:] not in ".:;," and not CUE_START.match(t)
            and titled_share(words) >= 0.6 and parse_date(t) is None)
