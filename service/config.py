"""The one place that reads the environment. Every variable is documented in README.md (Configuration).

`Config.from_env()` is called by `create_app()`, never at import time; tests pass their own `Config`.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path

from classifiers.options import (
    DEFAULT_HEADING_THRESHOLD,
    DEFAULT_LINE_THRESHOLD,
    DEFAULT_PIECE_THRESHOLD,
    DEFAULT_RELATED_THRESHOLD,
    DEFAULT_SENTENCE_THRESHOLD,
    Options,
)
from classifiers.persistence import MODEL_DIR

ENV_PREFIX = "BERSIH_"


@dataclass(frozen=True)
class Config:
    """Settings and limits of one app instance."""

    model_dir: Path = MODEL_DIR
    #: Largest request body accepted, in bytes (413 above it).
    max_body_bytes: int = 1_000_000
    #: Most articles in one batch request (413 above it).
    max_batch_items: int = 1000
    #: Largest batch request body, in bytes.
    max_batch_bytes: int = 50_000_000
    line_threshold: float = DEFAULT_LINE_THRESHOLD
    heading_threshold: float = DEFAULT_HEADING_THRESHOLD
    piece_threshold: float = DEFAULT_PIECE_THRESHOLD
    sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD
    related_threshold: float = DEFAULT_RELATED_THRESHOLD
    #: Standard Webhooks secrets (`whsec_...`), comma-separated for key rotation.
    webhook_secrets: tuple[str, ...] = field(default_factory=tuple)
    #: Ghost's webhook secret (X-Ghost-Signature).
    ghost_secret: str = ""
    #: Accepted age of a webhook timestamp, in seconds.
    webhook_tolerance_s: int = 300
    #: How many webhook ids are remembered for idempotent replies.
    webhook_cache_size: int = 10_000
    #: SQLite file of the webhook replay store, shared by every worker process on this host (`:memory:`: one per
    #: process). The default is made when a Config is (not at import) and names the user, so that two accounts on
    #: one host never fight over one file in the shared temp directory (gunicorn only runs on POSIX: getuid exists).
    webhook_store: str = field(default_factory=lambda: os.path.join(
        tempfile.gettempdir(), f"bersih-webhooks-{os.getuid()}.sqlite3"))

    def options(self) -> Options:
        """The cleaning options every request starts from (the request adds its id and title)."""
        return Options(line_threshold=self.line_threshold, piece_threshold=self.piece_threshold,
                       sentence_threshold=self.sentence_threshold, heading_threshold=self.heading_threshold,
                       related_threshold=self.related_threshold)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Config:
        """Read `BERSIH_<FIELD>` for every field (for example `BERSIH_MAX_BODY_BYTES=2000000`)."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            default = getattr(cls(), f.name)
            try:
                if isinstance(default, Path):
                    values[f.name] = Path(raw)
                elif isinstance(default, bool):
                    values[f.name] = raw.lower() in ("1", "true", "yes")
                elif isinstance(default, int):
                    values[f.name] = int(raw)
                elif isinstance(default, float):
                    values[f.name] = float(raw)
                elif isinstance(default, tuple):
                    values[f.name] = tuple(s.strip() for s in raw.split(",") if s.strip())
                else:
                    values[f.name] = raw
            except ValueError:
                raise ValueError(f"{ENV_PREFIX}{f.name.upper()}={raw!r} is not a valid {type(default).__name__}") \
                    from None
        return cls(**values)  # type: ignore[arg-type]
