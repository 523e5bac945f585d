"""Golden cases: short texts with the class a careful reader gives them (tests/golden_cases.tsv).

Each row says what it checks in its ``why`` column. Rows in ``KNOWN_GAPS`` are documented limitations:
they are strict xfails, so the day a general rule fixes one, the suite says so and the row moves out.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

CASES = Path(__file__).with_name("golden_cases.tsv")

KNOWN_GAPS: dict[str, str] = {}


def _rows() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_table_is_well_formed() -> None:
    assert len(ROWS) >= 80
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for r in ROWS:
        assert r["expect"] in {"NA", "esc", "neu", "de"}, r["id"]
        assert r["dyad"] in {"us_china", "us_dprk"}, r["id"]
        assert r["why"].strip(), r["id"]
    assert set(KNOWN_GAPS) <= set(ids)


def _param(r: dict[str, str]):
    marks = [pytest.mark.xfail(reason=KNOWN_GAPS[r["id"]], strict=True)] if r["id"] in KNOWN_GAPS else []
    return pytest.param(r, id=r["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(r) for r in ROWS])
def test_golden(scorer, case: dict[str, str]) -> None:
    doc = scorer.score(case["text"], speaker=case["speaker"] or None, date=case["date"] or None)
    d = doc.dyads[case["dyad"]]
    got = "NA" if not d.relevant else "esc" if d.tension > 0 else "de" if d.tension < 0 else "neu"
    assert got == case["expect"], f"{case['why']}\n{doc.explain()}"
