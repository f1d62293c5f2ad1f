"""The second pass: each line judged again, knowing what the first pass thought of its neighbours.

The first pass (`pipeline.build_pipeline`) scores every line on its own words, shape and place. Some junk is junk
only because of what surrounds it: the second and third headline in a list under one `Baca Juga` header, the
second line of a call to action split over two lines, the title line under a `Databoks` caption. The second pass
is a small logistic regression over the first pass's probabilities for the line, the two lines before it and the
two after it, plus a few shape facts. It is fitted on out-of-fold first-pass probabilities (each training article
scored by a first pass that did not see it), so it learns how far to trust the first pass on unseen text rather than
on text it memorised.

Candidate pieces inside a line keep their first-pass probabilities: their neighbours are the text around them.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from classifiers.features import ON_TOPIC, LineItem, heading_shaped

#: How many lines on each side the second pass looks at.
REACH = 2
#: The second pass may take a line out that the first pass kept only when it is this sure, and never an on-topic
#: heading (a sub-heading of the article itself, which sits next to junk as often as a linked headline does). On
#: held-out styles, letting it remove at lower certainty bought recall with lost sub-headings.
RAISE = 0.9
#: Below this first-pass junk probability, the first pass's choice among junk labels means little, and the second
#: pass's own choice is taken.
OWN_LABEL_FROM = 0.05


def article_groups(items: list[LineItem]) -> np.ndarray:
    """A group number per item: a new article starts at every line item with index 0. Items come article by
    article, each article's lines first and then its pieces (as `features.prepare` and `dataset.rows` give them)."""
    groups = np.zeros(len(items), dtype=np.int64)
    g = -1
    for j, it in enumerate(items):
        if not it.is_piece and it.index == 0:
            g += 1
        groups[j] = max(g, 0)
    return groups


def neighbour_features(items: list[LineItem], proba: np.ndarray, body: int) -> tuple[np.ndarray, np.ndarray]:
    """Second-pass features for the line items (`rows` gives their positions in `items`).

    A line's neighbours are found by position: within one article its lines are consecutive, with `index` counting
    from 0, so the line `d` places before item `j` is item `j - d` when that item is a line of the same article.
    """
    rows = np.array([j for j, it in enumerate(items) if not it.is_piece], dtype=np.int64)
    n_classes = proba.shape[1]
    junk = 1.0 - proba[:, body]
    feats = []
    for j in rows:
        it = items[j]
        row = [*proba[j]]
        for d in (-1, 1):
            k = j + d
            inside = 0 <= it.index + d < it.count
            row.extend(proba[k] if inside else np.zeros(n_classes))
            row.append(0.0 if inside else 1.0)
        for d in (-REACH, REACH):
            inside = 0 <= it.index + d < it.count
            row.append(float(junk[j + d]) if inside else 0.0)
        heading = float(heading_shaped(it.text))
        prev_junk = float(junk[j - 1]) if it.index > 0 else 0.0
        next_junk = float(junk[j + 1]) if it.index + 1 < it.count else 0.0
        row.extend([heading, float(len(it.text) < 60), it.similarity, float(it.in_tail),
                    heading * prev_junk, heading * next_junk, prev_junk * next_junk,
                    float(len(it.text) > 200), float(it.patterned)])
        feats.append(row)
    return rows, np.array(feats, dtype=np.float64).reshape(len(rows), -1)


class NeighbourPass(ClassifierMixin, BaseEstimator):
    """A first-pass pipeline and a second-pass classifier over its probabilities in context.

    `predict_proba` gives the second pass's probabilities for line items and the first pass's for pieces, in the
    first pass's class order.
    """

    def __init__(self, first: Any = None, cv: int = 3, C: float = 1.0, random_state: int = 0):  # noqa: N803
        # scikit-learn's convention: parameters stored as given, all work in fit
        self.first = first
        self.cv = cv
        self.C = C
        self.random_state = random_state

    def fit(self, X: list[LineItem], y: list[str], groups: Any = None) -> NeighbourPass:  # noqa: N803
        """Fit the first pass on everything, and the second on out-of-fold first-pass probabilities.

        `groups` keeps related rows in one fold: training passes each row's house style, so the out-of-fold
        probabilities are those of a first pass that never saw the publisher, which is what the second pass meets in
        service. Without it, each article is its own group.
        """
        y_arr = np.asarray(y)
        groups = article_groups(X) if groups is None else np.asarray(groups)
        classes = np.unique(y_arr)
        oof = np.zeros((len(X), len(classes)))
        for train, test in GroupKFold(n_splits=self.cv).split(X, y_arr, groups):
            model = clone(self.first).fit([X[j] for j in train], y_arr[train])
            # a fold may lack a rare class: put its columns where the full class list has them
            cols = np.searchsorted(classes, model.classes_)
            oof[np.ix_(test, cols)] = model.predict_proba([X[j] for j in test])
        self.first_ = clone(self.first).fit(X, y_arr)
        self.classes_ = self.first_.classes_
        self.body_index_ = int(np.flatnonzero(self.classes_ == "body")[0])
        rows, feats = neighbour_features(X, oof, self.body_index_)
        # no class weighting here: the first pass already leans to junk for rare labels, and a second lean costs body
        self.second_ = LogisticRegression(C=self.C, max_iter=2000, random_state=self.random_state).fit(
            feats, y_arr[rows])
        return self

    def refine(self, X: list[LineItem], proba: np.ndarray) -> np.ndarray:  # noqa: N803
        """Probabilities for all of `X`, given the first pass's `proba`: a line takes the second pass's when they
        make it more likely to be body, or when they are at least `RAISE` sure it is junk and it is not an on-topic
        heading. Otherwise, and for pieces, the first pass's stand. When unsure, keep."""
        rows, feats = neighbour_features(X, proba, self.body_index_)
        out = proba.copy()
        if not len(rows):
            return out
        second = np.zeros((len(rows), proba.shape[1]))
        second[:, np.searchsorted(self.classes_, self.second_.classes_)] = self.second_.predict_proba(feats)
        body = self.body_index_
        junk_before, junk_after = 1.0 - proba[rows, body], 1.0 - second[:, body]
        guarded = np.array([heading_shaped(X[j].text) and X[j].similarity >= ON_TOPIC for j in rows], dtype=bool)
        take = (junk_after < junk_before) | ((junk_after >= RAISE) & ~guarded)
        # the second pass says how likely a line is junk; which junk stays the first pass's call, made on the line's
        # own words (a headline above the dateline is a title, whatever its neighbours), unless the first pass saw
        # almost no junk at all
        own = take & (junk_before >= OWN_LABEL_FROM)
        scale = junk_after[own] / junk_before[own]
        mixed = proba[rows[own]] * scale[:, None]
        mixed[:, body] = 1.0 - junk_after[own]
        out[rows[own]] = mixed
        theirs = take & ~own
        out[rows[theirs]] = second[theirs]
        return out

    def predict_proba(self, X: list[LineItem]) -> np.ndarray:  # noqa: N803
        return self.refine(X, self.first_.predict_proba(X))

    def predict(self, X: list[LineItem]) -> np.ndarray:  # noqa: N803
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]
