"""Manifests: what they record, where they go, and a content hash that ignores the time of export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from workbench.exporters.manifest import ContentHash, make_manifest, manifest_path


def _hash(rows) -> str:
    digest = ContentHash()
    for row in rows:
        digest.row(row)
    return digest.hexdigest()


def test_content_hash_is_stable_and_sensitive():
    rows = [["Interview 1", 12, dt.date(2024, 10, 8), None], ["Interview 2", 3.5, "tekst", True]]
    assert _hash(rows) == _hash([list(r) for r in rows])
    assert _hash(rows) != _hash(rows[:1])
    assert _hash([["ab", "c"]]) != _hash([["a", "bc"]])


def test_manifest_fields_and_place(tmp_path):
    out = tmp_path / "fragmenten.xlsx"
    first = make_manifest("fragments-xlsx", out, "Wijk", "abc123def456", "f" * 64, {"codes": [], "query": "A AND B"},
                          {"fragments": 8}, True, now=dt.datetime(2024, 11, 2, 10, 0, tzinfo=dt.timezone.utc))
    data = json.loads(first.to_json())
    assert data["tool"].startswith("workbench ") and data["output"] == "fragmenten.xlsx"
    assert data["filters"] == {"query": "A AND B"} and data["counts"] == {"fragments": 8}
    assert data["pseudonymised"] is True and data["created_at"] == "2024-11-02T10:00:00+00:00"
    assert manifest_path(out) == Path(tmp_path / "fragmenten.xlsx.manifest.json")
