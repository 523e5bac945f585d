"""Output schemas are versioned: renaming a column without bumping SCHEMA_VERSION fails here."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pandas as pd
import pytest

import tension
from tension.index import INDEX_COLUMNS
from tension.pipeline import SCHEMA_VERSION, hit_columns, score_columns

# The columns of every published schema version. Change a column -> add a new version here and bump
# tension.pipeline.SCHEMA_VERSION (and say so in the README's changelog of the schema).
FROZEN = {
    "1.0": {
        "scores": ["id", "date", "source", "n_chars", "status", "error",
                   "us_china_relevant", "us_china_tension", "us_china_escalation", "us_china_deescalation",
                   "us_china_threat", "us_china_act", "us_china_top_cues",
                   "us_dprk_relevant", "us_dprk_tension", "us_dprk_escalation", "us_dprk_deescalation",
                   "us_dprk_threat", "us_dprk_act", "us_dprk_top_cues", "tone", "lexicon_version"],
        "hits": ["id", "dyad", "start", "end", "text", "cue", "category", "mode", "actor", "rules", "base_weight",
                 "weight"],
        "index": ["period", "dyad", "n_docs", "n_relevant", "attention", "escalation", "deescalation", "net",
                  "threat", "act", "mean_tension", "index", "zscore", "ci_low", "ci_high"],
    },
}


def _schema(name: str) -> dict:
    return json.loads((resources.files("tension") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_columns_match_the_frozen_version():
    frozen = FROZEN[SCHEMA_VERSION]
    assert score_columns(["us_china", "us_dprk"]) == frozen["scores"]
    assert hit_columns() == frozen["hits"]
    assert INDEX_COLUMNS == frozen["index"]


@pytest.mark.parametrize("name", ["scores", "hits", "index"])
def test_json_schema_files_match(name):
    s = _schema(name)
    assert s["version"] == SCHEMA_VERSION
    assert s["x-column-order"] == FROZEN[SCHEMA_VERSION][name]
    jsonschema.Draft202012Validator.check_schema(s)


def test_outputs_validate_against_their_schemas():
    df = pd.DataFrame({"date": ["2019-05-05", "2019-05-07", ""],
                       "text": ["Trump raised tariffs on Chinese goods.", "Kim Jong Un fired a missile.", ""]})
    scores, hits = tension.score_frame(df, hits=True)
    for rec in json.loads(scores.to_json(orient="records")):
        jsonschema.validate(rec, _schema("scores"))
    for rec in json.loads(hits.to_json(orient="records")):
        jsonschema.validate(rec, _schema("hits"))
    from tension.feeds import index_records

    feed = index_records(tension.build_index(scores, ci=0.9))
    assert feed["schema_version"] == SCHEMA_VERSION
    for rec in feed["records"]:
        jsonschema.validate(rec, _schema("index"))
    assert any(r["net"] is None for r in feed["records"])      # the empty day is null, not 0
