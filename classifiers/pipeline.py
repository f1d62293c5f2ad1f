"""The model: a first-pass scikit-learn `Pipeline` from `LineItem`s to labels, and the `NeighbourPass` around it."""
from __future__ import annotations

from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from classifiers.features import ContextFeatures, ShapeFeatures, item_edges, item_neighbours, item_texts
from classifiers.twopass import NeighbourPass

RANDOM_STATE = 20231115


def _hashed(selector, **vectorizer_args) -> Pipeline:
    return Pipeline([
        ("select", FunctionTransformer(selector)),
        ("hash", HashingVectorizer(alternate_sign=False, norm="l2", **vectorizer_args)),
    ])


def build_pipeline(*, C: float = 4.0) -> Pipeline:  # noqa: N803 (scikit-learn's name)
    """Words, edge character n-grams, neighbour words, shape and context, into a multinomial logistic regression.

    Hashing keeps the pipeline stateless up to the classifier, so the artifact stays small and training is
    deterministic. Character n-grams are taken only at the line's edges, where the cues are; that keeps a line's
    cost low enough to clean thousands of articles a second.
    """
    features = FeatureUnion([
        ("words", _hashed(item_texts, ngram_range=(1, 2), n_features=2**18, lowercase=True,
                          token_pattern=r"(?u)\b\w+\b")),
        ("edges", _hashed(item_edges, analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, lowercase=True)),
        ("neighbours", _hashed(item_neighbours, n_features=2**16, lowercase=False, token_pattern=r"\S+")),
        ("shape", ShapeFeatures()),
        ("context", ContextFeatures()),
    ])
    return Pipeline([
        ("features", features),
        ("model", LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=RANDOM_STATE)),
    ])


def build_model() -> NeighbourPass:
    """The model we train and save: the first-pass pipeline, and a second pass over its probabilities in context
    (`twopass.py`), fitted on three style-grouped folds."""
    return NeighbourPass(build_pipeline(), cv=3, random_state=RANDOM_STATE)
