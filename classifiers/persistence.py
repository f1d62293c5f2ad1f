"""Saving and loading the model with its manifest.

joblib is pickle: loading a file runs code. The manifest records the artifact's sha256, and `load` refuses an
artifact whose bytes do not match it, so a swapped or corrupted file is never unpickled.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib

MODEL_DIR = Path(__file__).resolve().parent / "models"
ARTIFACT = "bersih.joblib"
MANIFEST = "manifest.json"


class ModelIntegrityError(RuntimeError):
    """The artifact's bytes do not match the sha256 in its manifest, or a file is missing."""


@dataclass(frozen=True)
class LoadedModel:
    pipeline: Any
    manifest: dict[str, Any]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save(pipeline: Any, manifest: dict[str, Any], directory: Path = MODEL_DIR) -> dict[str, Any]:
    """Write the artifact, then the manifest with the artifact's sha256; returns the manifest written."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ARTIFACT
    joblib.dump(pipeline, path, compress=3)
    manifest = {**manifest, "artifact": ARTIFACT, "sha256": file_sha256(path)}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def read_manifest(directory: Path = MODEL_DIR) -> dict[str, Any]:
    try:
        return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelIntegrityError(f"no {MANIFEST} in {directory}; run `python -m classifiers.train`") from None


def load(directory: Path = MODEL_DIR) -> LoadedModel:
    """Load the pipeline after checking its sha256 against the manifest."""
    manifest = read_manifest(directory)
    path = directory / manifest.get("artifact", ARTIFACT)
    if not path.exists():
        raise ModelIntegrityError(f"model artifact {path} is missing; run `python -m classifiers.train`")
    actual = file_sha256(path)
    if actual != manifest.get("sha256"):
        raise ModelIntegrityError(
            f"refusing to load {path}: sha256 {actual} does not match the manifest's {manifest.get('sha256')}")
    return LoadedModel(pipeline=joblib.load(path), manifest=manifest)
