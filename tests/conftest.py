"""Shared fixtures: the app from the factory, its client, the committed model, and our sample article."""
from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import Cleaner
from service import create_app
from service.config import Config

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner.load()


@pytest.fixture()
def app():
    return create_app(Config())


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def sample_text() -> str:
    """Our own article in the canonical shape: headline, date, caption, dateline, Baca Juga lines, footer."""
    return (FIXTURES / "sample-article.txt").read_text(encoding="utf-8")
