"""The audit's labels (benchmarks/audit_labels.csv) are well formed: the benchmark reads them with ../shared,
the tests without it."""

from __future__ import annotations

import csv
from pathlib import Path

LABELS = Path(__file__).resolve().parent.parent / "benchmarks" / "audit_labels.csv"
VALUES = {"NA", "-2", "-1", "0", "1", "2"}
CORPORA = {"business_headlines_2017_2020", "us_president_posts_2017_2021", "us_president_posts_2025_partial"}


def test_audit_labels_are_well_formed() -> None:
    with LABELS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["round", "held_out", "id", "date", "kind", "us_china", "us_dprk", "note"]
    assert len({r["id"] for r in rows}) == len(rows), "an item labelled twice"
    held = {}
    for r in rows:
        name, _, k = r["id"].rpartition(":")
        assert name in CORPORA and k.isdigit(), r["id"]
        assert r["us_china"] in VALUES and r["us_dprk"] in VALUES, r["id"]
        assert r["held_out"] in {"yes", "no"} and held.setdefault(r["round"], r["held_out"]) == r["held_out"]
        assert r["kind"] in {"news headline", "post by Donald Trump (US President)"}, r["id"]
        assert len(r["date"]) == 10 and r["date"][4] == "-", r["id"]
    assert "yes" in held.values()
