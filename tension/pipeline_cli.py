"""``tension score``, ``tension index`` and ``tension run``: the pipeline on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError

SAMPLE = "sample_articles.csv"


def sample_path() -> str:
    """The bundled sample corpus (dated paraphrases of 2017-2020 and 2025 events, plus background news)."""
    return str(resources.files("tension") / "data" / SAMPLE)


def _columns(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input columns (recognized by name when not given)")
    g.add_argument("--text-col", action="append", dest="text_col",
                   help="text column; repeat to join several (title and body)")
    g.add_argument("--date-col", help="date column (date, published, timestamp...)")
    g.add_argument("--id-col", help="id column (default: id, else the row number)")
    g.add_argument("--source-col", help="source column (source, outlet...)")
    sp = g.add_mutually_exclusive_group()
    sp.add_argument("--speaker-col", help="column naming each row's speaker (author, speaker...)")
    sp.add_argument("--speaker", help="one speaker for every row, e.g. USA for a file of presidential posts")
    g.add_argument("--encoding", help="input encoding (default: sniffed: UTF-8, UTF-16 by BOM, else Windows-1252)")
    g.add_argument("--delimiter", help="CSV delimiter (default: sniffed among , ; tab |)")
    p.add_argument("--on-error", choices=["skip", "fail"], default="skip",
                   help="unreadable rows go to the error report and the run goes on (skip, default), or stop (fail)")
    p.add_argument("--errors", help="error report for unreadable rows (default: OUTPUT.errors.csv, only if any)")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from its last checkpoint (same input and outputs)")
    p.add_argument("--jobs", type=int, default=1, help="processes to score on (default 1)")
    p.add_argument("--chunksize", type=int, default=2000, help="rows per chunk (memory is bounded by it)")
    p.add_argument("--no-tone", action="store_true", help="skip the TextBlob tone column (faster)")
    p.add_argument("--lexicon-dir", help="lexicon folder (default: $TENSION_LEXICON_DIR or the shipped one)")
    p.add_argument("--user-lexicon", action="append", default=[],
                   help="a folder that extends or overrides the lexicons (repeatable; merged in order)")
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="force the progress bar (default: only on a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")


def _index_options(p: argparse.ArgumentParser, default_freq: str) -> None:
    p.add_argument("--freq", default=default_freq, help=f"period: D, W, M, Q or Y (default {default_freq})")
    p.add_argument("--base", help="base period START:END for index and zscore (default: the whole span)")
    p.add_argument("--ci", type=float, default=0.9, help="bootstrap interval coverage (default 0.9; 0 = off)")
    p.add_argument("--by-source", action="store_true", help="standardize each source before averaging")
    p.add_argument("--smooth", help="trailing window, e.g. 7D")
    p.add_argument("--wide", action="store_true", help="one row per period instead of tidy long format")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")


def _scorer(args: argparse.Namespace):  # noqa: ANN202
    from .config import Config
    from .scoring import Scorer

    if args.jobs < 1:
        raise InputError(f"--jobs {args.jobs} must be at least 1.")
    if args.chunksize < 1:
        raise InputError(f"--chunksize {args.chunksize} must be at least 1.")
    return Scorer(lexicon_dir=args.lexicon_dir, config=Config(tone=not args.no_tone),
                  user_lexicons=args.user_lexicon)


def _score(args: argparse.Namespace, path: str, output: str, hits: str | None):  # noqa: ANN202
    from .pipeline import score_file

    return score_file(path, output, hits_path=hits, text=args.text_col, date=args.date_col, id=args.id_col,
                      source=args.source_col, speaker_col=args.speaker_col, speaker=args.speaker,
                      jobs=args.jobs, scorer=_scorer(args), chunksize=args.chunksize, progress=args.progress,
                      on_error=args.on_error, errors_path=args.errors, resume=args.resume, encoding=args.encoding,
                      delimiter=args.delimiter)


def _print_summary(summary: Any, out: Any = None) -> None:
    out = out or sys.stderr
    s = summary
    rel = ", ".join(f"{d} {n:,}" for d, n in s.relevant.items())
    print(f"read {s.rows_read:,} rows; scored {s.scored:,}; failed {s.failed:,}; written {s.rows_written:,} "
          f"({s.empty:,} empty, {s.bad_date:,} bad dates, {s.duplicate_ids:,} duplicate ids); unreadable "
          f"{s.rows_bad:,}{' -> ' + s.errors_path if s.errors_path else ''}; in {s.seconds:.1f}s", file=out)
    print(f"relevant: {rel}", file=out)
    for note in s.columns.get("notes", []):
        print(f"note: {note}", file=out)


def cmd_score(args: argparse.Namespace) -> int:
    if args.engine == "dask":
        from .dask import score_files_dask

        if args.hits:
            raise InputError("--hits is not available with --engine dask; score without it or use the local engine.")
        if args.output == "-":
            raise InputError("--engine dask writes a file; give -o FILE.")
        scorer = _scorer(args)
        info = score_files_dask(args.input, args.output, scheduler=args.scheduler, jobs=args.jobs,
                                text=args.text_col, date=args.date_col, id=args.id_col, source=args.source_col,
                                speaker_col=args.speaker_col, speaker=args.speaker,
                                lexicon_dir=scorer.lexicon.path, config=scorer.config)
        print(f"wrote {info['rows_written']:,} rows from {info['partitions']} partitions on {info['workers']} "
              f"workers to {args.output}", file=sys.stderr)
        return 0
    if args.scheduler:
        raise InputError("--scheduler needs --engine dask.")
    summary = _score(args, args.input, args.output, args.hits)
    if args.output != "-" or args.hits:
        _print_summary(summary)
    return 0


def _write_index(idx, path: str, fmt: str | None) -> None:  # noqa: ANN001
    from .io import write_frame, write_text_atomic

    if fmt == "json" or (fmt is None and path.lower().endswith(".json")):
        from .feeds import index_records

        text = json.dumps(index_records(idx), ensure_ascii=False, indent=1)
        write_text_atomic(path, text)
    else:
        write_frame(idx, path)


def _index(args: argparse.Namespace, scores: Any):  # noqa: ANN202
    from .index import build_index

    return build_index(scores, freq=args.freq, base=args.base, ci=args.ci, by_source=args.by_source,
                       smooth=args.smooth, wide=args.wide, seed=args.seed)


def cmd_index(args: argparse.Namespace) -> int:
    if args.input != "-" and not Path(args.input).is_file():
        raise InputError(f"scores file {args.input!r} does not exist; make one with tension score.")
    idx = _index(args, args.input)
    _write_index(idx, args.output, args.format)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    import pandas as pd

    if args.sample:
        if args.input:
            raise InputError("give either ARTICLES or --sample, not both.")
        args.input = sample_path()
        if args.events is None:
            args.events = str(resources.files("tension") / "data" / "sample_events.csv")
    if not args.input:
        raise InputError("no input: pass ARTICLES.csv, or --sample for the bundled sample corpus.")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    scores_path, hits_path = str(out / "scores.csv"), str(out / "hits.csv")
    summary = _score(args, args.input, scores_path, hits_path)
    scores = pd.read_csv(scores_path, dtype={"id": str}, keep_default_na=False)
    idx = _index(args, scores) if (scores["date"] != "").any() else None
    if idx is not None:
        _write_index(idx, str(out / "index.csv"), None)
    report_path = None
    if not args.no_report and idx is not None and not _has_plotly():
        print("note: no report: it needs plotly (pip install 'tension[report]')", file=sys.stderr)
    elif not args.no_report and idx is not None:
        report_path = str(out / "report.html")
        long = idx if not args.wide else _index_long(args, scores)
        hits = pd.read_csv(hits_path, dtype={"id": str}, keep_default_na=False)
        _report(report_path, long, scores, hits, args.events, args.input, summary.to_dict(), args)
    outputs = ["scores.csv", "hits.csv"] + (["index.csv"] if idx is not None else []) + \
        (["report.html"] if report_path else []) + ["summary.json"]
    info = summary.to_dict()
    info.update({"input": args.input, "outputs": outputs})
    from .io import write_text_atomic

    write_text_atomic(str(out / "summary.json"), json.dumps(info, indent=2, default=str))
    _print_summary(summary, sys.stdout)
    if idx is not None:
        long = idx if not args.wide else _index_long(args, scores)
        for dyad, g in long.groupby("dyad"):
            top = g.dropna(subset=["net"]).sort_values("net", ascending=False).head(3)
            periods = ", ".join(f"{r.period} (net {r.net:+.2f}, {int(r.n_relevant)} docs)" for r in top.itertuples())
            print(f"most tense {args.freq} periods, {dyad}: {periods or '-'}")
    print(f"wrote {', '.join(info['outputs'])} to {out}/")
    return 0


def _report(path: str, idx: Any, scores: Any, hits: Any, events: str | None, articles: str | None,
            summary: dict[str, Any] | None, args: argparse.Namespace, top_n: int = 8) -> None:
    from .pipeline import collect_texts
    from .report import write_report

    texts = None
    if articles:
        wanted: set[str] = set()
        for col in [c for c in scores.columns if c.endswith("_tension")]:
            t = pd_numeric(scores[col])
            order = t.sort_values()
            wanted |= set(scores.loc[order.index[:top_n], "id"].astype(str))
            wanted |= set(scores.loc[order.index[-top_n:], "id"].astype(str))
        texts = collect_texts(articles, wanted, text=getattr(args, "text_col", None), id=getattr(args, "id_col", None))
    write_report(path, idx, scores, hits=hits, events=events, texts=texts,
                 input_name=Path(articles).name if articles else "", summary=summary, top_n=top_n)


def _has_plotly() -> bool:
    import importlib.util

    return importlib.util.find_spec("plotly") is not None


def pd_numeric(s: Any) -> Any:
    import pandas as pd

    return pd.to_numeric(s, errors="coerce").fillna(0.0)


def cmd_report(args: argparse.Namespace) -> int:
    from .io import read_frame

    def load(p: str | None) -> Any:
        if p is None:
            return None
        if not Path(p).is_file():
            raise InputError(f"{p!r} does not exist.")
        return read_frame(p)

    idx = load(args.index)
    scores = load(args.scores)
    for col in ("n_docs", "n_relevant", "net"):
        if col not in idx.columns:
            raise InputError(f"{args.index!r} is not a long-format index (no {col!r} column); make one with "
                             "tension index (without --wide).")
    _report(args.output, idx, scores, load(args.hits), args.events, args.articles, None, args)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _index_long(args: argparse.Namespace, scores: Any):  # noqa: ANN202
    from .index import build_index

    return build_index(scores, freq=args.freq, base=args.base, ci=args.ci, by_source=args.by_source,
                       smooth=args.smooth, wide=False, seed=args.seed)


def add_commands(sub: argparse._SubParsersAction) -> None:
    from .serve import add_command as add_serve

    add_serve(sub)
    s = sub.add_parser("score", help="score every row of an article file")
    s.add_argument("input", help="articles: .csv, .csv.gz, .tsv, .jsonl, .parquet, or - for stdin")
    s.add_argument("-o", "--output", required=True, help="scores file (.csv, .csv.gz, .jsonl, .parquet, or -)")
    s.add_argument("--hits", help="also write the evidence table (one row per hit) here")
    s.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or a Dask cluster; with dask, INPUT may be a glob 'data/*.csv'")
    s.add_argument("--scheduler", help="Dask scheduler address tcp://HOST:8786 (default: a local cluster of --jobs "
                                        "workers)")
    _columns(s)
    s.set_defaults(func=cmd_score)

    i = sub.add_parser("index", help="aggregate scores into a per-period index per dyad")
    i.add_argument("input", help="scores file from tension score")
    i.add_argument("-o", "--output", required=True, help="index file (.csv, .parquet, .json, or -)")
    i.add_argument("--format", choices=["csv", "json"], help="force the output format (default: by extension)")
    _index_options(i, "D")
    i.set_defaults(func=cmd_index)

    rp = sub.add_parser("report", help="a self-contained HTML report of an index and its scores")
    rp.add_argument("--index", required=True, help="index file from tension index (long format)")
    rp.add_argument("--scores", required=True, help="scores file from tension score")
    rp.add_argument("--hits", help="hits file (evidence), for the cue tables and the actor chart")
    rp.add_argument("--events", help="CSV of dated events: date, dyad, direction, event")
    rp.add_argument("--articles", help="the articles file, to show the top documents with evidence highlighted")
    rp.add_argument("--text-col", action="append", dest="text_col", help="text column(s) of --articles")
    rp.add_argument("--id-col", help="id column of --articles")
    rp.add_argument("-o", "--output", required=True, help="the HTML file to write")
    rp.set_defaults(func=cmd_report)

    r = sub.add_parser("run", help="score, index and report in one go")
    r.add_argument("input", nargs="?", help="articles file")
    r.add_argument("--sample", action="store_true", help="run on the bundled sample corpus")
    r.add_argument("--out", required=True, help="output folder (created if missing)")
    r.add_argument("--events", help="CSV of dated events (date, dyad, direction, event) to mark in the report")
    r.add_argument("--no-report", action="store_true", help="skip the HTML report")
    _columns(r)
    _index_options(r, "W")
    r.set_defaults(func=cmd_run)
