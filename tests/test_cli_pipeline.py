"""tension score / index / run on the command line."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from tension.cli import main


@pytest.fixture
def articles(tmp_path):
    p = tmp_path / "articles.csv"
    pd.DataFrame({
        "published": ["2019-05-05", "2019-05-06", "2019-05-06", "2019-05-13"],
        "outlet": ["W", "W", "L", "L"],
        "headline": ["Trump raises tariffs on Chinese goods", "China retaliates", "Apple sells phones",
                     "U.S. and China agree to resume trade talks"],
    }).to_csv(p, index=False)
    return p


def test_score_recognizes_columns(tmp_path, articles, capsys):
    out = tmp_path / "s.csv"
    assert main(["score", str(articles), "-o", str(out), "--no-tone", "--no-progress"]) == 0
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df["date"]) == ["2019-05-05", "2019-05-06", "2019-05-06", "2019-05-13"]
    assert list(df["source"]) == ["W", "W", "L", "L"]
    assert "read 4 rows; scored 4; failed 0; written 4" in capsys.readouterr().err


def test_score_missing_column_is_exit_2_one_line(tmp_path, articles, capsys):
    assert main(["score", str(articles), "-o", str(tmp_path / "s.csv"), "--text-col", "body"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "columns present: published, outlet, headline" in err
    assert not (tmp_path / "s.csv").exists()


def test_score_missing_input_exit_2(tmp_path, capsys):
    assert main(["score", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "s.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_index_formats(tmp_path, articles):
    s = tmp_path / "s.csv"
    main(["score", str(articles), "-o", str(s), "--no-tone", "--hits", str(tmp_path / "h.csv")])
    assert main(["index", str(s), "--freq", "W", "-o", str(tmp_path / "i.csv")]) == 0
    idx = pd.read_csv(tmp_path / "i.csv")
    assert set(idx["dyad"]) == {"us_china", "us_dprk"}
    assert list(idx["period"].unique()) == ["2019-04-29", "2019-05-06", "2019-05-13"]   # Monday weeks
    assert main(["index", str(s), "-o", str(tmp_path / "i.json")]) == 0
    feed = json.loads((tmp_path / "i.json").read_text())
    assert feed["schema_version"] and feed["records"][0]["period"] == "2019-05-05"
    gap = [r for r in feed["records"] if r["n_docs"] == 0]
    assert gap and gap[0]["net"] is None
    assert main(["index", str(s), "--wide", "-o", str(tmp_path / "w.csv")]) == 0
    assert "us_china_net" in pd.read_csv(tmp_path / "w.csv").columns


def test_run_writes_everything(tmp_path, articles, capsys):
    out = tmp_path / "run"
    assert main(["run", str(articles), "--out", str(out), "--freq", "D", "--no-tone", "--no-report"]) == 0
    for name in ("scores.csv", "hits.csv", "index.csv", "summary.json"):
        assert (out / name).is_file(), name
    text = capsys.readouterr().out
    assert "read 4 rows" in text and "most tense D periods, us_china" in text
    summary = json.loads((out / "summary.json").read_text())
    assert summary["rows_read"] == summary["rows_written"] == 4


def test_run_needs_an_input(tmp_path, capsys):
    assert main(["run", "--out", str(tmp_path / "o")]) == 2
    assert "--sample" in capsys.readouterr().err
