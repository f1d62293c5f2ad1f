import json
import shutil

import pytest

from classifiers import persistence
from classifiers.corpus import corpus_sha256
from classifiers.labels import LABELS


def test_committed_model_is_current_with_seeds():
    """Fails when seeds/ changed and the model was not retrained: run `make train` and commit the result."""
    manifest = persistence.read_manifest()
    assert manifest["corpus"]["sha256"] == corpus_sha256(), "classifiers/models is stale: run `make train`"


def test_manifest_records_what_the_model_is():
    manifest = persistence.read_manifest()
    assert manifest["labels"] == list(LABELS)
    assert set(manifest["classes"]) == set(LABELS)
    assert manifest["sha256"] == persistence.file_sha256(persistence.MODEL_DIR / manifest["artifact"])
    assert {"f1", "body_loss", "styles"} <= set(manifest["held_out"])


def test_a_tampered_artifact_is_refused(tmp_path):
    shutil.copytree(persistence.MODEL_DIR, tmp_path / "m")
    with open(tmp_path / "m" / persistence.ARTIFACT, "ab") as f:
        f.write(b"\0")
    with pytest.raises(persistence.ModelIntegrityError, match="sha256"):
        persistence.load(tmp_path / "m")


def test_a_missing_manifest_is_refused(tmp_path):
    with pytest.raises(persistence.ModelIntegrityError, match="manifest"):
        persistence.load(tmp_path)


def test_save_then_load_round_trip(tmp_path):
    manifest = persistence.save({"any": "object"}, {"version": "t"}, tmp_path)
    assert json.loads((tmp_path / persistence.MANIFEST).read_text())["sha256"] == manifest["sha256"]
    assert persistence.load(tmp_path).pipeline == {"any": "object"}
