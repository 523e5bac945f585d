"""Scoring files and frames: the schema, every row accounted for, bad input, formats, processes."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import tension
from tension import InputError
from tension.pipeline import STATUSES, score_columns, score_file, score_frame

ARTICLES = [
    ("a1", "2019-05-05", "Wire", "Trump says tariffs on $200 billion of Chinese goods will rise to 25%."),
    ("a2", "2019-05-06", "Wire", "China vows to retaliate against new U.S. tariffs."),
    ("a3", "2019-05-06", "Ledger", "Apple unveils a new laptop."),
    ("a4", "2018-06-12", "Ledger", "Trump and Kim Jong Un sign a joint statement in Singapore."),
    ("a5", "not a date", "Wire", "The U.S. and China resumed trade talks."),
    ("a6", "2019-05-07", "Wire", ""),
    ("a1", "2019-05-08", "Wire", "Beijing and Washington agreed to a truce."),
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ARTICLES, columns=["id", "date", "source", "text"])


def _write_csv(path: Path, rows=ARTICLES, header=("id", "date", "source", "text"), **kw) -> Path:
    _frame_rows = pd.DataFrame(rows, columns=list(header))
    _frame_rows.to_csv(path, index=False, **kw)
    return path


@pytest.fixture(scope="module")
def fast():
    return tension.Scorer(config=tension.Config(tone=False))


def test_schema_and_order(fast):
    out = score_frame(_frame(), scorer=fast)
    assert list(out.columns) == score_columns(["us_china", "us_dprk"])
    assert list(out["id"]) == [r[0] for r in ARTICLES]
    assert set(out["status"]) <= set(STATUSES)


def test_statuses_and_notes(fast):
    out = score_frame(_frame(), scorer=fast).set_index(pd.RangeIndex(len(ARTICLES)))
    assert out.loc[0, "status"] == "ok" and out.loc[0, "us_china_tension"] > 0
    assert out.loc[2, "us_china_relevant"] == False  # noqa: E712
    assert out.loc[3, "us_dprk_tension"] < 0
    assert out.loc[4, "status"] == "bad_date" and out.loc[4, "date"] == ""
    assert out.loc[4, "us_china_relevant"] == True   # noqa: E712 - still scored
    assert out.loc[5, "status"] == "empty" and not out.loc[5, "us_china_relevant"]
    assert "duplicate id" in out.loc[6, "error"]
    assert "top_cues" not in out.loc[0, "us_china_top_cues"] and "(+" in out.loc[0, "us_china_top_cues"]


def test_speaker_column_and_constant(fast):
    df = pd.DataFrame({"text": ["We will impose tariffs on China."], "author": ["realDonaldTrump"]})
    by_col = score_frame(df, scorer=fast)
    const = score_frame(df[["text"]], speaker="USA", scorer=fast)
    assert by_col["us_china_tension"].iloc[0] == const["us_china_tension"].iloc[0] > 0


def test_title_and_body_are_joined(fast):
    df = pd.DataFrame({"title": ["Talks collapse"], "body": ["U.S. and Chinese negotiators left Beijing."]})
    out = score_frame(df, scorer=fast)
    assert out["us_china_relevant"].iloc[0] and out["n_chars"].iloc[0] == len("Talks collapse") + 1 + len(
        "U.S. and Chinese negotiators left Beijing.")


def test_missing_column_lists_what_is_there(fast):
    with pytest.raises(InputError, match=r"columns present: id, date, source, text"):
        score_frame(_frame(), text="body", scorer=fast)
    with pytest.raises(InputError, match=r"--text-col"):
        score_frame(pd.DataFrame({"foo": ["x"]}), scorer=fast)


def test_jobs_give_identical_results(fast):
    df = pd.concat([_frame()] * 40, ignore_index=True)
    one = score_frame(df, scorer=fast, chunksize=25)
    two = score_frame(df, scorer=fast, chunksize=25, jobs=2)
    pd.testing.assert_frame_equal(one, two)


def test_hits_table(fast):
    out, hits = score_frame(_frame(), scorer=fast, hits=True)
    assert list(hits.columns)[:3] == ["id", "dyad", "start"]
    row = hits[hits["id"] == "a2"].iloc[0]
    text = ARTICLES[1][3]
    assert text[row["start"]:row["end"]] == row["text"]


# --- files ---------------------------------------------------------------------------------------------------------

def test_every_row_written_once(tmp_path, fast):
    src = _write_csv(tmp_path / "in.csv")
    s = score_file(str(src), str(tmp_path / "out.csv"), hits_path=str(tmp_path / "hits.csv"), scorer=fast,
                   chunksize=3)
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert len(out) == len(ARTICLES) == s.rows_read == s.rows_written
    assert s.scored + s.failed == s.rows_read
    assert s.bad_date == 1 and s.empty == 1 and s.duplicate_ids == 1
    assert s.relevant["us_china"] == int((out["us_china_relevant"] == "True").sum())


def test_bom_crlf_quoted_newlines(tmp_path, fast):
    raw = ('\ufeffid,date,text\r\n1,2019-05-05,"Trump raised tariffs\r\non Chinese goods."\r\n'
           '2,2019-05-06,"Talks, ""finally"", resumed between the U.S. and China"\r\n')
    p = tmp_path / "in.csv"
    p.write_bytes(raw.encode("utf-8"))
    score_file(str(p), str(tmp_path / "o.csv"), scorer=fast)
    out = pd.read_csv(tmp_path / "o.csv", dtype=str)
    assert list(out["id"]) == ["1", "2"] and list(out["status"]) == ["ok", "ok"]


def test_undecodable_bytes_are_replaced_and_counted(tmp_path, fast):
    p = tmp_path / "in.csv"
    p.write_bytes(b"id,text\n1,Tariffs on China \xff\xfe rose\n2,plain\n")
    s = score_file(str(p), str(tmp_path / "o.csv"), scorer=fast)
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert s.replaced_bytes_rows == 1 and "undecodable" in out.loc[0, "error"]


@pytest.mark.parametrize("suffix", [".csv.gz", ".jsonl", ".parquet"])
def test_formats_round_trip(tmp_path, fast, suffix):
    src = tmp_path / f"in{suffix}"
    df = _frame()
    if suffix == ".csv.gz":
        df.to_csv(src, index=False, compression="gzip")
    elif suffix == ".jsonl":
        df.to_json(src, orient="records", lines=True)
    else:
        df.to_parquet(src, index=False)
    out = tmp_path / f"out{suffix}"
    s = score_file(str(src), str(out), scorer=fast)
    back = (pd.read_csv(out) if suffix == ".csv.gz" else pd.read_json(out, lines=True, dtype=False)
            if suffix == ".jsonl" else pd.read_parquet(out))
    assert len(back) == len(ARTICLES) == s.rows_written
    if suffix == ".csv.gz":
        with gzip.open(out, "rt") as f:
            assert f.readline().startswith("id,date,source")


def test_stdin_to_stdout(tmp_path, fast, capsys):
    data = io.BytesIO(b"text\nThe U.S. imposed tariffs on China.\n")
    score_file("-", "-", scorer=fast, stdin=data)
    out = capsys.readouterr().out
    assert out.startswith("id,date,source,n_chars,status,error,us_china_relevant")
    assert len(out.strip().splitlines()) == 2


def test_header_only_and_empty_file(tmp_path, fast):
    p = tmp_path / "h.csv"
    p.write_text("id,text\n", encoding="utf-8")
    s = score_file(str(p), str(tmp_path / "o.csv"), scorer=fast)
    assert s.rows_read == 0 and (tmp_path / "o.csv").read_text().startswith("id,date,source")
    e = tmp_path / "e.csv"
    e.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        score_file(str(e), str(tmp_path / "o2.csv"), scorer=fast)


def test_failed_run_leaves_existing_output_untouched(tmp_path, fast):
    src = _write_csv(tmp_path / "in.csv")
    target = tmp_path / "out.csv"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(InputError):
        score_file(str(src), str(target), text=["nope"], scorer=fast)
    assert target.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_interrupt_mid_run_leaves_no_partial_file(tmp_path, fast, monkeypatch):
    src = _write_csv(tmp_path / "in.csv", rows=ARTICLES * 20)
    import tension.pipeline as pl

    calls = {"n": 0}
    real = pl._score_chunk

    def boom(*a, **k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real(*a, **k)

    monkeypatch.setattr(pl, "_score_chunk", boom)
    with pytest.raises(KeyboardInterrupt):
        score_file(str(src), str(tmp_path / "out.csv"), scorer=fast, chunksize=10)
    assert not (tmp_path / "out.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_row_that_fails_is_reported_not_lost(tmp_path, fast, monkeypatch):
    import tension.scoring as sc

    real = sc.Scorer.score

    def flaky(self, text, **kw):
        if "explode" in text:
            raise RuntimeError("boom")
        return real(self, text, **kw)

    monkeypatch.setattr(sc.Scorer, "score", flaky)
    df = pd.DataFrame({"text": ["fine text", "please explode", "China and the U.S. held talks."]})
    out = score_frame(df, scorer=fast)
    assert list(out["status"]) == ["ok", "failed", "ok"]
    assert out.loc[1, "error"] == "RuntimeError: boom"


def test_unknown_speaker_fails_early(tmp_path, fast):
    src = _write_csv(tmp_path / "in.csv")
    with pytest.raises(InputError, match="speaker"):
        score_file(str(src), str(tmp_path / "o.csv"), speaker="Nobody", scorer=fast)
