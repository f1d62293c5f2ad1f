"""Bersih's cleaning core: Indonesian news text in, clean body and metadata out. No web framework in here.

    >>> from classifiers import clean
    >>> result = clean(open("article.txt").read())
    >>> result.body, result.metadata.title, [r.label for r in result.removed]

`clean()` loads the committed model on first use (after checking its sha256); long-lived callers such as the
service hold their own `Cleaner` instead.
"""
from __future__ import annotations

from functools import lru_cache

from classifiers.cleaner import Cleaner
from classifiers.options import Options, RelatedLink, Removal, Result

__all__ = ["Cleaner", "Options", "RelatedLink", "Removal", "Result", "clean", "default_cleaner"]


@lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    """The committed model, loaded once per process."""
    return Cleaner.load()


def clean(text: str, options: Options | None = None) -> Result:
    """Clean one article with the committed model."""
    return default_cleaner().clean(text, options)
