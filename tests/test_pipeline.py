"""Scoring files and frames: the schema, every row accounted for, bad input, formats, processes."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import tension
from tension import Config, InputError, Scorer
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


def _worker_pids() -> set[int]:
    from tension import pipeline

    return set(pipeline._POOL[3]._processes) if pipeline._POOL is not None else set()


def test_workers_are_kept_between_runs_of_one_scorer(fast):
    df = pd.concat([_frame()] * 10, ignore_index=True)
    tension.close_pool()
    score_frame(df, scorer=fast, chunksize=5, jobs=2)
    first = _worker_pids()
    assert len(first) == 2
    score_frame(df, scorer=fast, chunksize=5, jobs=2)
    assert _worker_pids() == first  # reused, not forked again
    other = Scorer(config=Config(tone=False, carry_window=0))
    pd.testing.assert_frame_equal(score_frame(df, scorer=other, chunksize=5, jobs=2),
                                  score_frame(df, scorer=other, chunksize=5))
    assert _worker_pids().isdisjoint(first)  # another scorer: new workers that hold it
    tension.close_pool()
    assert _worker_pids() == set()


def test_a_run_stopped_early_does_not_keep_its_workers(fast):
    from tension import pipeline

    df = pd.concat([_frame()] * 10, ignore_index=True)
    spec = pipeline.resolve_columns(list(df.columns))
    chunks = (pipeline._prepare(df.iloc[i:i + 5], spec, i, None) for i in range(0, len(df), 5))
    rows = pipeline._chunks_to_rows(chunks, fast, 2, False)
    next(rows)
    rows.close()  # the consumer stops: queued chunks are dropped and the workers ended
    assert pipeline._POOL is None
    pd.testing.assert_frame_equal(score_frame(df, scorer=fast, jobs=2, chunksize=5), score_frame(df, scorer=fast))
    tension.close_pool()


def test_kept_workers_end_cleanly_with_the_interpreter(tmp_path):
    code = ("import pandas as pd, tension\n"
            "df = pd.DataFrame({'text': ['Trump raised tariffs on China.'] * 40})\n"
            "out = tension.score_frame(df, jobs=2, chunksize=5)\n"
            "print(int(out['us_china_relevant'].sum()))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "40" and done.stderr == ""


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
    s = score_file(str(p), str(tmp_path / "o.csv"), scorer=fast, encoding="utf-8")
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert s.replaced_bytes_rows == 1 and "undecodable" in out.loc[0, "error"] and len(out) == 2


@pytest.mark.parametrize("data, encoding_word", [
    ("id,text\n1,Beijing raised tariffs on U.S. goods \u2014 caf\u00e9\n".encode("latin-1", errors="replace"),
     "Windows-1252"),
    ("id,text\n1,Beijing raised tariffs on U.S. goods\n".encode("utf-16"), ""),
])
def test_latin1_and_utf16_files(tmp_path, fast, data, encoding_word):
    p = tmp_path / "in.csv"
    p.write_bytes(data)
    s = score_file(str(p), str(tmp_path / "o.csv"), scorer=fast)
    out = pd.read_csv(tmp_path / "o.csv", dtype=str, keep_default_na=False)
    assert len(out) == 1 and out.loc[0, "us_china_relevant"] == "True"
    assert encoding_word in " ".join(s.columns["notes"])


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


def _interrupted_run(src, out, scorer, monkeypatch, at_chunk: int) -> None:
    """Run score_file until a Ctrl-C arrives while scoring chunk ``at_chunk``; then restore the scorer."""
    import tension.pipeline as pl

    real = pl._score_chunk
    calls = {"n": 0}

    def interrupt(*a, **k):
        calls["n"] += 1
        if calls["n"] == at_chunk:
            raise KeyboardInterrupt
        return real(*a, **k)

    with monkeypatch.context() as m:
        m.setattr(pl, "_score_chunk", interrupt)
        with pytest.raises(KeyboardInterrupt):
            score_file(str(src), str(out), scorer=scorer, chunksize=10)


def test_interrupt_mid_run_leaves_no_half_written_target(tmp_path, fast, monkeypatch):
    src = _write_csv(tmp_path / "in.csv", rows=ARTICLES * 20)
    _interrupted_run(src, tmp_path / "out.csv", fast, monkeypatch, at_chunk=3)
    assert not (tmp_path / "out.csv").exists()                       # the target is never half-written
    assert (tmp_path / ".out.csv.part").exists() and (tmp_path / ".out.csv.progress.json").exists()
    s = score_file(str(src), str(tmp_path / "out.csv"), scorer=fast, chunksize=10, resume=True)
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    ref = score_frame(pd.read_csv(src, dtype=str, keep_default_na=False), scorer=fast)
    assert list(out["id"]) == list(ref["id"]) and s.rows_written == len(ref) == s.rows_read
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


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


# --- messy files (issue: reliable under bad input) ----------------------------------------------------------------

def _run(tmp_path, raw: bytes, fast, **kw):
    p = tmp_path / "messy.csv"
    p.write_bytes(raw)
    out = tmp_path / "o.csv"
    s = score_file(str(p), str(out), scorer=fast, **kw)
    df = pd.read_csv(out, dtype=str, keep_default_na=False) if out.exists() else None
    return s, df


def _accounted(s, df, tmp_path):
    errors = tmp_path / "o.csv.errors.csv"
    n_err = len(pd.read_csv(errors)) if errors.exists() else 0
    assert s.rows_read == s.rows_written + s.rows_bad == len(df) + n_err
    return n_err


def test_ragged_rows_go_to_the_error_report(tmp_path, fast):
    raw = b"id,date,text\n1,2019-05-05,China retaliates\n2,2019-05-06,too,many,fields\n3,2019-05-07\n4,,ok\n"
    s, df = _run(tmp_path, raw, fast)
    assert _accounted(s, df, tmp_path) == 1
    assert list(df["id"]) == ["1", "3", "4"]                    # the short row is padded and kept
    err = pd.read_csv(tmp_path / "o.csv.errors.csv")
    assert err.loc[0, "line"] == 3 and "5 fields where the header has 3" in err.loc[0, "error"]
    assert any("padded" in n for n in s.columns["notes"])


def test_on_error_fail_stops_with_the_line(tmp_path, fast):
    raw = b"id,text\n1,fine\n2,too,many\n"
    with pytest.raises(InputError, match=r"line 3: 3 fields where the header has 2"):
        _run(tmp_path, raw, fast, on_error="fail")
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.parametrize("delim", [";", "\t", "|"])
def test_other_delimiters_are_sniffed(tmp_path, fast, delim):
    raw = f"id{delim}date{delim}text\n1{delim}2019-05-05{delim}China retaliates, says Beijing\n".encode()
    s, df = _run(tmp_path, raw, fast)
    assert list(df["id"]) == ["1"] and s.columns["delimiter"] == delim


def test_wrong_delimiter_gives_a_clear_error(tmp_path, fast):
    with pytest.raises(InputError, match=r"columns present: id:date:text"):
        _run(tmp_path, b"id:date:text\n1:2019-05-05:hello\n", fast)


def test_nul_bytes_and_control_characters(tmp_path, fast):
    s, df = _run(tmp_path, b"id,text\n1,The U.S. \x00imposed tariffs on Chi\x00na\x07.\n", fast)
    assert len(df) == 1 and df.loc[0, "status"] == "ok"


def test_truncated_last_line(tmp_path, fast):
    s, df = _run(tmp_path, b'id,text\n1,"complete row"\n2,"unterminated quote and no newline', fast)
    _accounted(s, df, tmp_path)
    assert list(df["id"]) == ["1", "2"]


def test_a_huge_single_field(tmp_path, fast):
    body = ("The U.S. imposed tariffs on China. " * 150_000).encode()   # about 5 MB in one field
    s, df = _run(tmp_path, b'id,text\n1,"' + body + b'"\n2,short\n', fast)
    assert list(df["id"]) == ["1", "2"] and df.loc[0, "us_china_relevant"] == "True"


def test_blank_lines_are_not_rows(tmp_path, fast):
    s, df = _run(tmp_path, b"id,text\n\n1,a\n\n\n2,b\n", fast)
    assert s.rows_read == 2 and list(df["id"]) == ["1", "2"]


def test_jsonl_bad_lines(tmp_path, fast):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "1", "text": "China retaliates"}\n[1, 2]\nnot json\n{"id": "2", "text": "x"}\n',
                 encoding="utf-8")
    s = score_file(str(p), str(tmp_path / "o.jsonl"), scorer=fast)
    assert s.rows_read == 4 and s.rows_written == 2 and s.rows_bad == 2


def test_resume_after_kill_9(tmp_path):
    """A real process is killed mid-run; --resume finishes with every row exactly once."""
    import os
    import signal
    import subprocess
    import sys
    import time

    rows = [(str(i), "2019-05-05", "Wire", ARTICLES[i % 5][3] + f" (item {i})") for i in range(3000)]
    src = _write_csv(tmp_path / "in.csv", rows=rows)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "tension.cli", "score", str(src), "-o", str(out), "--no-tone", "--chunksize",
           "50", "--hits", str(tmp_path / "hits.csv")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ckpt = tmp_path / ".out.csv.progress.json"
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if ckpt.exists() and json.loads(ckpt.read_text() or "{}").get("rows_consumed", 0) >= 500:
            break
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(got["id"]) == [r[0] for r in rows]                       # none lost, none duplicated
    ref = score_frame(pd.read_csv(src, dtype=str, keep_default_na=False),
                      scorer=tension.Scorer(config=tension.Config(tone=False)))
    assert got["us_china_tension"].astype(float).round(4).tolist() == ref["us_china_tension"].round(4).tolist()
    hits = pd.read_csv(tmp_path / "hits.csv", dtype=str)
    _, ref_hits = score_frame(pd.read_csv(src, dtype=str, keep_default_na=False),
                              scorer=tension.Scorer(config=tension.Config(tone=False)), hits=True)
    assert len(hits) == len(ref_hits)


def test_resume_refuses_a_changed_input(tmp_path, fast, monkeypatch):
    src = _write_csv(tmp_path / "in.csv", rows=ARTICLES * 10)
    _interrupted_run(src, tmp_path / "out.csv", fast, monkeypatch, at_chunk=2)
    with open(src, "a", encoding="utf-8") as f:
        f.write("99,2019-01-01,Wire,extra\n")
    with pytest.raises(InputError, match="input changed"):
        score_file(str(src), str(tmp_path / "out.csv"), scorer=fast, chunksize=10, resume=True)
    with pytest.raises(InputError, match="nothing to resume"):
        score_file(str(src), str(tmp_path / "other.csv"), scorer=fast, resume=True)


def test_id_registry_finds_repeats_across_and_within_blocks():
    from tension.pipeline import IdRegistry

    reg = IdRegistry()
    assert reg.add(["a", "b", "c"]) == [False, False, False]
    assert reg.add(["d", "a", "d"]) == [False, True, True]
    for k in range(50):                                   # many chunks of ids: answers stay exact
        reg.add([f"x{k}-{i}" for i in range(20)])
    assert reg.add(["x7-3", "new", "c"]) == [True, False, True]
    assert len(reg) <= 3 + 2 + 50 * 20 + 3


def test_id_registry_fills_blocks_of_one_size_and_stays_exact(monkeypatch):
    import random

    from tension.pipeline import IdRegistry

    monkeypatch.setattr(IdRegistry, "RUN_CAP", 8)          # small blocks: new ids split across full ones
    reg = IdRegistry()
    seen: set[str] = set()
    rng = random.Random(3)
    for _ in range(80):
        ids = [f"i{rng.randrange(300)}" for _ in range(rng.randrange(1, 12))]
        expect = []
        for x in ids:
            expect.append(x in seen)
            seen.add(x)
        assert reg.add(ids) == expect
    assert len(reg) == len(seen)                          # each id kept once
    assert len(reg._runs) == len(seen) // 8 and all(len(r) == 8 for r in reg._runs)


def test_checkpoint_does_not_grow_with_the_input(tmp_path, fast, monkeypatch):
    import tension.pipeline as pl

    src = _write_csv(tmp_path / "in.csv", rows=[(str(i), "2019-05-05", "W", "text") for i in range(2000)])
    sizes = []
    real = pl._save_checkpoint

    def spy(path, *a, **k):
        real(path, *a, **k)
        sizes.append(path.stat().st_size)

    monkeypatch.setattr(pl, "_save_checkpoint", spy)
    score_file(str(src), str(tmp_path / "o.csv"), scorer=fast, chunksize=100)
    assert len(sizes) == 20 and max(sizes) - min(sizes) < 200
