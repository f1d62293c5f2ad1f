"""Train the model: `python -m classifiers.train` (fixed seeds and a fixed order of rows, so a rerun gives the same
model; the artifact's bytes can still differ in the last bits of floating point between runs, so the manifest pins
its sha256).

1. Load `seeds/`, make variations of every article (`variants.py`).
2. Hold out a quarter of the house styles, train on the rest, and score the held-out styles: those figures go into
   the manifest, so they say how the model does on publishers it has not seen.
3. Train again on every style and save the pipeline with its manifest under `classifiers/models/`.
"""
from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sklearn

from classifiers import persistence
from classifiers.corpus import DEFAULT_SEEDS, Article, corpus_sha256, load_corpus
from classifiers.dataset import rows
from classifiers.labels import LABELS
from classifiers.pipeline import RANDOM_STATE, build_model
from classifiers.variants import furniture_pool, variations

MODEL_VERSION = "1"


def training_rows(articles: list[Article], seed: int = RANDOM_STATE) -> tuple[list[Any], list[str], list[str]]:
    """Items, labels, and each item's house style (the groups of the second pass's folds)."""
    pool = furniture_pool(articles)
    X: list[Any] = []
    y: list[str] = []
    styles: list[str] = []
    for art in articles:
        for variant in variations(art, seed, pool):
            items, labels = rows([variant])
            X.extend(items)
            y.extend(labels)
            styles.extend([art.style] * len(items))
    return X, y, styles


def fit_pipeline(articles: list[Article], seed: int = RANDOM_STATE) -> Any:
    X, y, styles = training_rows(articles, seed)
    return build_model().fit(X, y, groups=styles)


def fit_cleaner(articles: list[Article], seed: int = RANDOM_STATE) -> Any:
    """A `Cleaner` over a pipeline fitted on `articles` (not saved): what evaluation folds use."""
    from classifiers.cleaner import Cleaner

    return Cleaner(fit_pipeline(articles, seed), {"version": "fold", "sha256": ""})


def train(seeds: Path = DEFAULT_SEEDS, out: Path = persistence.MODEL_DIR) -> dict[str, Any]:
    """Train, score on held-out styles, retrain on all, save; returns the manifest written."""
    from classifiers.evaluate import cleaner_removed, score, style_folds

    corpus = load_corpus(seeds)
    train_part, test_part = style_folds(corpus, 4)[0]
    held_out = score(test_part, cleaner_removed(fit_cleaner(train_part)))
    X, y, styles = training_rows(corpus)
    pipeline = build_model().fit(X, y, groups=styles)
    manifest = {
        "version": MODEL_VERSION,
        "labels": list(LABELS),
        "classes": [str(c) for c in pipeline.classes_],
        "corpus": {"sha256": corpus_sha256(seeds), "articles": len(corpus),
                   "styles": sorted({a.style for a in corpus}), "training_rows": len(X)},
        "held_out": {"styles": sorted({a.style for a in test_part}), **held_out.as_dict()},
        "random_state": RANDOM_STATE,
        "scikit_learn": sklearn.__version__,
        "python": sys.version.split()[0],
        "trained_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    return persistence.save(pipeline, manifest, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m classifiers.train", description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--out", type=Path, default=persistence.MODEL_DIR)
    args = ap.parse_args(argv)
    manifest = train(args.seeds, args.out)
    h = manifest["held_out"]
    print(f"trained on {manifest['corpus']['articles']} articles ({manifest['corpus']['training_rows']} rows); "
          f"held-out styles {', '.join(h['styles'])}: F1 {h['f1']:.4f}, body loss {h['body_loss']:.4f}")
    print(f"saved {args.out / manifest['artifact']} sha256 {manifest['sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
