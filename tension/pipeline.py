"""Scoring many documents: DataFrames, files streamed in chunks, several processes.

The output schema (one row per input row, in input order) is documented in the README and kept stable:
``id, date, source, n_chars, status, error``, then per dyad ``{dyad}_relevant, {dyad}_tension,
{dyad}_escalation, {dyad}_deescalation, {dyad}_threat, {dyad}_act, {dyad}_top_cues``, then ``tone,
lexicon_version``. ``status`` is one of ``ok``, ``empty`` (no text: scored as not relevant), ``bad_date``
(the date did not parse: scored without a date, left out of the index) or ``failed`` (``error`` says why).
"""

from __future__ import annotations

import atexit
import gc
import json
import math
import os
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from .config import Config
from .errors import InputError
from .io import ColumnSpec, TableWriter, read_chunks, read_table, resolve_columns
from .scoring import Scorer

__all__ = ["score_frame", "score_file", "close_pool", "score_columns", "hit_columns", "RunSummary", "SCHEMA_VERSION"]

SCHEMA_VERSION = "1.0"
DYAD_FIELDS = ("relevant", "tension", "escalation", "deescalation", "threat", "act", "top_cues")
HIT_COLUMNS = ("id", "dyad", "start", "end", "text", "cue", "category", "mode", "actor", "rules", "base_weight",
               "weight")
STATUSES = ("ok", "empty", "bad_date", "failed")


def score_columns(dyads: Sequence[str]) -> list[str]:
    """The score table's columns for these dyads, in order."""
    cols = ["id", "date", "source", "n_chars", "status", "error"]
    for d in dyads:
        cols += [f"{d}_{f}" for f in DYAD_FIELDS]
    return cols + ["tone", "lexicon_version"]


def hit_columns() -> list[str]:
    return list(HIT_COLUMNS)


def _parse_dates(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ISO dates (YYYY-MM-DD, UTC for times with an offset) and a mask of values that did not parse."""
    raw = values.fillna("").astype(str).str.strip()
    parsed = pd.to_datetime(raw, errors="coerce", utc=True, format="mixed")
    bad = parsed.isna() & (raw != "")
    iso = parsed.dt.strftime("%Y-%m-%d").where(parsed.notna(), "")
    return iso, bad


def _top_cues(hits, n: int = 3) -> str:
    strongest = sorted(hits, key=lambda h: -abs(h.weight))[:n]
    return "; ".join(f"{h.cue} ({h.weight:+.1f})" for h in strongest if h.weight != 0)


class IdRegistry:
    """Which ids were seen, in about 8 bytes per id: 64-bit hashes kept sorted in numpy blocks of ``RUN_CAP``
    (a Python set of strings would take ~100 bytes per id).

    New hashes are written into the open block, which is sorted again in place (two sorted runs: one linear
    pass); a full block is kept as it is and a new one opened. Every block has the same size and none is ever
    freed, so the heap does not fragment as the registry grows: merging runs of doubling sizes, as an earlier
    version did, left the freed ones as holes the allocator could not give back (the parent grew by several
    times the 8 bytes per id of the hashes themselves)."""

    RUN_CAP = 1 << 20

    def __init__(self) -> None:
        self._runs: list[Any] = []  # full blocks, sorted
        self._open: Any = None  # the block being filled; its first ``_n`` entries are sorted
        self._n = 0

    @staticmethod
    def _digest(ids: Sequence[str]):  # noqa: ANN205 - numpy array
        # Python's 64-bit string hash (SipHash): salted per process, which is fine because one process both
        # registers and checks (a resumed run re-reads the ids it wrote); a collision among 10 million ids has
        # a chance of about 3e-6, and would only mark a row "duplicate id"
        return np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids))

    def __len__(self) -> int:
        return len(self._runs) * self.RUN_CAP + self._n

    def add(self, ids: Sequence[str]) -> list[bool]:
        """Register ``ids``; return for each whether it was seen before (earlier, or earlier in ``ids``)."""
        if not ids:
            return []
        h = self._digest(ids)
        dup = np.zeros(len(h), dtype=bool)
        blocks = self._runs if not self._n else [*self._runs, self._open[:self._n]]
        for run in blocks:
            pos = np.searchsorted(run, h)
            pos[pos == len(run)] = 0
            dup |= run[pos] == h
        # repeats inside this block
        order = np.argsort(h, kind="stable")
        sh = h[order]
        inner = np.zeros(len(h), dtype=bool)
        inner[order[1:]] = sh[1:] == sh[:-1]
        dup |= inner
        new = np.unique(h[~dup])
        while len(new):
            if self._open is None:
                self._open, self._n = np.empty(self.RUN_CAP, dtype=np.int64), 0
            take = min(len(new), self.RUN_CAP - self._n)
            self._open[self._n:self._n + take] = new[:take]
            self._n += take
            self._open[:self._n].sort(kind="stable")  # (timsort: a sorted run and the new one, merged)
            new = new[take:]
            if self._n == self.RUN_CAP:
                self._runs.append(self._open)
                self._open, self._n = None, 0
        return dup.tolist()


@dataclass
class _Chunk:
    ids: list[str]
    texts: list[str]
    dates: list[str]
    bad_dates: list[bool]
    sources: list[str]
    speakers: list[str | None]
    notes: list[str]


def _score_chunk(scorer: Scorer, chunk: _Chunk, with_hits: bool, columns: bool = False
                 ) -> tuple[list[Any], list[list[Any]]]:
    """The score rows of a chunk (or, with ``columns``, its columns: a worker then does the transposing a
    DataFrame needs, in parallel) and its hit rows."""
    rows: list[list[Any]] = []
    hits: list[list[Any]] = []
    dyads = scorer.dyad_names
    version = scorer.lexicon.version
    for i, text in enumerate(chunk.texts):
        doc_id = chunk.ids[i]
        status, error = "ok", chunk.notes[i]
        if chunk.bad_dates[i]:
            status = "bad_date"
        if not text.strip():
            status = "empty" if status == "ok" else status
        try:
            doc = scorer.score(text, speaker=chunk.speakers[i], date=chunk.dates[i] or None)
        except Exception as exc:  # noqa: BLE001 - one bad row must not stop the run; it is reported
            row = [doc_id, chunk.dates[i], chunk.sources[i], len(text), "failed",
                   f"{type(exc).__name__}: {exc}".splitlines()[0][:300]]
            for _ in dyads:
                row += [False, 0.0, 0.0, 0.0, 0.0, 0.0, ""]
            rows.append(row + [None, version])
            continue
        row = [doc_id, chunk.dates[i], chunk.sources[i], len(text), status, error]
        for name in dyads:
            d = doc.dyads[name]
            row += [d.relevant, round(d.tension, 4), round(d.escalation, 4), round(d.deescalation, 4),
                    round(d.threat, 4), round(d.act, 4), _top_cues(d.hits)]
            if with_hits:
                for h in d.hits:
                    hits.append([doc_id, name, h.start, h.end, h.text, h.cue, h.category, h.mode, h.actor,
                                 "; ".join(h.rules), h.base_weight, round(h.weight, 4)])
        rows.append(row + [None if doc.tone is None else round(doc.tone, 4), version])
    if columns:
        cols: list[Any] = [list(c) for c in zip(*rows)] if rows else [[] for _ in score_columns(dyads)]
        for k, kind in _typed_columns(dyads):
            cols[k] = np.array(cols[k], dtype=kind)  # (pickles as one buffer; no inference later)
        return cols, hits
    return rows, hits


def _typed_columns(dyads: Sequence[str]) -> list[tuple[int, str]]:
    """Positions and numpy types of the score columns whose type is fixed, read off the column names: the
    character count, and per dyad the relevance flag and the five sums (the tone may be missing, the rest
    are strings)."""
    kinds = {"n_chars": "int64"}
    for d in dyads:
        kinds[f"{d}_relevant"] = "bool"
        kinds.update({f"{d}_{f}": "float64" for f in ("tension", "escalation", "deescalation", "threat", "act")})
    return [(k, kinds[name]) for k, name in enumerate(score_columns(dyads)) if name in kinds]


# worker processes build their scorer once
_WORKER: Scorer | None = None


def _init_worker(lexicon_dir: str, config: Config, user_lexicons: tuple[str, ...] = ()) -> None:
    global _WORKER
    _WORKER = Scorer(lexicon_dir=lexicon_dir, config=config, user_lexicons=user_lexicons)


def _set_worker(scorer: Scorer) -> None:
    global _WORKER
    _WORKER = scorer


def _work(chunk: _Chunk, with_hits: bool, columns: bool = False) -> tuple[list[Any], list[list[Any]]]:
    assert _WORKER is not None
    return _score_chunk(_WORKER, chunk, with_hits, columns)


def _prepare(df: pd.DataFrame, spec: ColumnSpec, start_row: int, seen_ids: "IdRegistry | None") -> _Chunk:
    n = len(df)
    if len(spec.text) == 1:
        texts = df[spec.text[0]].fillna("").astype(str).tolist()
    else:
        parts = [df[c].fillna("").astype(str) for c in spec.text]
        joined = parts[0]
        for p in parts[1:]:
            joined = joined.str.cat(p, sep="\n").str.strip("\n")
        texts = joined.tolist()
    if spec.id:
        ids = df[spec.id].fillna("").astype(str).tolist()
        ids = [x if x else str(start_row + k + 1) for k, x in enumerate(ids)]
    else:
        ids = [str(start_row + k + 1) for k in range(n)]
    if spec.date:
        dates_s, bad_s = _parse_dates(df[spec.date])
        dates, bad = dates_s.tolist(), bad_s.tolist()
    else:
        dates, bad = [""] * n, [False] * n
    sources = df[spec.source].fillna("").astype(str).tolist() if spec.source else [""] * n
    if spec.speaker:
        speakers = [s or None for s in df[spec.speaker].fillna("").astype(str).tolist()]
    else:
        speakers = [spec.speaker_value] * n
    notes = [""] * n
    for k, t in enumerate(texts):
        bad_chars = t.count("\ufffd")
        if bad_chars:
            notes[k] = f"{bad_chars} undecodable byte(s) replaced"
    if seen_ids is not None and spec.id:  # (row numbers, the ids when there is no id column, are unique)
        for k, dup in enumerate(seen_ids.add(ids)):
            if dup:
                notes[k] = (notes[k] + "; " if notes[k] else "") + "duplicate id"
    return _Chunk(ids, texts, dates, bad, sources, speakers, notes)


@dataclass
class RunSummary:
    """What a run read, scored and wrote: ``rows_read == rows_written + rows_bad`` for a finished run
    (``rows_bad`` rows are in the error report)."""

    rows_read: int = 0
    rows_written: int = 0
    scored: int = 0
    failed: int = 0
    empty: int = 0
    bad_date: int = 0
    duplicate_ids: int = 0
    replaced_bytes_rows: int = 0
    hits_written: int = 0
    rows_bad: int = 0
    errors_path: str | None = None
    relevant: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    columns: dict[str, Any] = field(default_factory=dict)

    def add(self, rows: list[list[Any]], dyads: Sequence[str]) -> None:
        cols = score_columns(dyads)
        st = cols.index("status")
        er = cols.index("error")
        for r in rows:
            self.rows_written += 1
            s = r[st]
            if s == "failed":
                self.failed += 1
            else:
                self.scored += 1
            if s == "empty":
                self.empty += 1
            if s == "bad_date":
                self.bad_date += 1
            if "duplicate id" in (r[er] or ""):
                self.duplicate_ids += 1
            if "undecodable" in (r[er] or ""):
                self.replaced_bytes_rows += 1
        for d in dyads:
            k = cols.index(f"{d}_relevant")
            self.relevant[d] = self.relevant.get(d, 0) + sum(1 for r in rows if r[k] is True)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _chunks_to_rows(chunks: Iterable[_Chunk], scorer: Scorer, jobs: int, with_hits: bool, columns: bool = False,
                    ahead: int = 2) -> Iterator[tuple[list[Any], list[list[Any]]]]:
    """Score chunks in order, on ``jobs`` processes, with at most ``ahead * jobs`` chunks in flight (more keep
    the workers busy while an early chunk finishes; fewer hold less text in memory when streaming a file)."""
    if jobs <= 1:
        for c in chunks:
            yield _score_chunk(scorer, c, with_hits, columns)
        return
    pool = _pool_for(scorer, jobs)
    pending: deque[Future] = deque()
    try:
        for c in chunks:
            pending.append(pool.submit(_work, c, with_hits, columns))
            if len(pending) >= ahead * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:
        # a run stopped early (an error, Ctrl-C, a generator closed): the workers may be mid-chunk or gone
        # (Ctrl-C reaches them too), so they are not kept; what is still queued is dropped
        close_pool()
        raise


# The worker processes are kept between runs, for the same scorer and number of jobs, as loky does for
# joblib: a notebook or a service that scores frame after frame pays for starting them (~20 ms, more with a
# large parent process) once. They end with the interpreter, or with close_pool().
# (Tried and left out: scoring in this process too, with one worker less, sped 2 processes up ~5% on long
# documents but slowed them ~7% on short texts, where the pool's result thread competes with that scoring
# for the GIL.)
_POOL: tuple[Scorer, int, int, ProcessPoolExecutor] | None = None


_POOL_LOCK = threading.RLock()


def _pool_for(scorer: Scorer, jobs: int) -> ProcessPoolExecutor:
    with _POOL_LOCK:
        return _kept_or_new_pool(scorer, jobs)


def _kept_or_new_pool(scorer: Scorer, jobs: int) -> ProcessPoolExecutor:
    global _POOL
    if _POOL is not None:
        kept_scorer, kept_jobs, pid, pool = _POOL
        if kept_scorer is scorer and kept_jobs == jobs and pid == os.getpid() and not getattr(pool, "_broken", False):
            return pool
        close_pool()
    import multiprocessing as mp

    forked = "fork" in mp.get_all_start_methods()
    if forked:
        # forked workers inherit the built scorer (lexicons and automaton) instead of rebuilding it
        scorer.matcher  # noqa: B018 - build it before forking
        pool_args: dict[str, Any] = {"mp_context": mp.get_context("fork"), "initializer": _set_worker,
                                     "initargs": (scorer,)}
    else:  # pragma: no cover - spawn platforms rebuild the scorer once per worker
        pool_args = {"initializer": _init_worker,
                     "initargs": (scorer.lexicon.path, scorer.config, scorer.user_lexicons)}
    # Forked workers share the parent's memory until they write to it, and the garbage collector writes to
    # every object it visits: frozen objects are left alone, so the workers do not copy a large caller's heap
    # (a notebook holding a corpus) page by page. Unfrozen once they have started.
    pool = ProcessPoolExecutor(max_workers=jobs, **pool_args)
    gc.freeze()
    try:
        # start every worker now, while the heap is frozen (a fork-context executor forks them all at its
        # first task)
        for f in [pool.submit(os.getpid) for _ in range(jobs)]:
            f.result()
    finally:
        gc.unfreeze()
    if forked:
        # the workers have their copy of the matcher: this process drops its own (~35 MB), which it builds
        # again in a quarter of a second if it comes to score itself
        scorer.release_matcher()
    _POOL = (scorer, jobs, os.getpid(), pool)
    return pool


def close_pool() -> None:
    """End the worker processes kept for ``jobs > 1``: a run with ``jobs=N`` starts N processes and keeps
    them for the next run with the same scorer and N (another scorer or N starts new ones). They end with
    the interpreter anyway; call this to free their memory sooner."""
    global _POOL
    with _POOL_LOCK:
        kept, _POOL = _POOL, None
        if kept is not None:
            # (wait=True: not waiting races the interpreter's exit hook on Python 3.11, "OSError: Bad file
            # descriptor" at exit)
            kept[3].shutdown(wait=True, cancel_futures=True)


atexit.register(close_pool)


def score_frame(df: pd.DataFrame, text: str | Sequence[str] | None = None, date: str | None = None,
                speaker: str | None = None, id: str | None = None, source: str | None = None,
                speaker_col: str | None = None, jobs: int = 1, scorer: Scorer | None = None,
                hits: bool = False, chunksize: int = 2000) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Score every row of ``df``; return the score table (and the hits table when ``hits=True``).

    Parameters
    ----------
    df : DataFrame
        One row per document.
    text : str or list of str, optional
        Text column(s); several are joined (title and body). Default: recognized names (title, headline,
        text, body, content...).
    date, id, source : str, optional
        Column names; default: recognized names, else none (ids are then row numbers from 1).
    speaker : str, optional
        A column holding each row's speaker, or one actor code/alias for every row (e.g. ``"USA"``).
    jobs : int
        Processes to score on; results are identical to ``jobs=1``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"date": ["2019-05-05"], "text": ["Trump raised tariffs on Chinese goods to 25%."]})
    >>> out = score_frame(df)
    >>> bool(out.loc[0, "us_china_relevant"]), bool(out.loc[0, "us_china_tension"] > 0), out.loc[0, "status"]
    (True, True, 'ok')
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"df must be a pandas DataFrame, got {type(df).__name__}.")
    if not isinstance(jobs, int) or jobs < 1:
        raise InputError(f"jobs must be a positive integer, got {jobs!r}.")
    scorer = scorer or _default_scorer()
    if speaker is not None and speaker in df.columns and speaker_col is None:
        speaker_col, speaker = speaker, None
    spec = resolve_columns(list(df.columns), text=text, date=date, id=id, source=source,
                           speaker_col=speaker_col, speaker=speaker)
    if spec.speaker_value is not None:
        scorer.resolve_speaker(spec.speaker_value)  # fail early on an unknown speaker
    seen = IdRegistry()
    if jobs > 1:  # enough chunks to keep every process busy
        chunksize = max(1, min(chunksize, math.ceil(len(df) / (jobs * 8))))
    chunks = (_prepare(df.iloc[i:i + chunksize], spec, i, seen) for i in range(0, len(df), chunksize))
    names = score_columns(scorer.dyad_names)
    parts: list[list[Any]] = [[] for _ in names]
    hit_rows: list[list[Any]] = []
    # the frame is in memory already: more chunks in flight cost little and keep both workers busy
    for chunk_cols, h in _chunks_to_rows(chunks, scorer, jobs, hits, columns=True, ahead=4):
        for acc, c in zip(parts, chunk_cols):
            acc.append(c)
        hit_rows += h
    typed = {k for k, _ in _typed_columns(scorer.dyad_names)}
    cols = {name: (np.concatenate(p) if k in typed else [v for c in p for v in c]) if p else []
            for k, (name, p) in enumerate(zip(names, parts))}
    out = pd.DataFrame(cols, columns=names)
    out.index = df.index
    if hits:
        return out, pd.DataFrame(hit_rows, columns=hit_columns())
    return out


_SCORER: Scorer | None = None


def _default_scorer() -> Scorer:
    global _SCORER
    if _SCORER is None:
        _SCORER = Scorer()
    return _SCORER


ERROR_COLUMNS = ["line", "error", "raw"]


def _checkpoint_path(output: str) -> Path:
    t = Path(output)
    return t.with_name(f".{t.name}.progress.json")


def _input_identity(path: str) -> dict[str, Any]:
    if path == "-":
        return {"path": "-"}
    st = os.stat(path)
    return {"path": str(Path(path).resolve()), "size": st.st_size, "mtime": st.st_mtime}


def score_file(path: str, output: str, hits_path: str | None = None, text: Sequence[str] | None = None,
               date: str | None = None, id: str | None = None, source: str | None = None,
               speaker_col: str | None = None, speaker: str | None = None, jobs: int = 1,
               scorer: Scorer | None = None, chunksize: int = 2000, progress: bool | None = None,
               stdin=None, on_error: str = "skip", errors_path: str | None = None,  # noqa: ANN001
               resume: bool = False, encoding: str | None = None, delimiter: str | None = None) -> RunSummary:
    """Stream ``path`` through the scorer into ``output`` (and the evidence into ``hits_path``).

    Nothing is lost: every input row is written to ``output`` (with a ``status``) or, when it cannot be read
    at all (a CSV row with too many fields, a JSON line that is not an object), to the error report
    ``errors_path`` (default ``OUTPUT.errors.csv``, written only when there are such rows), so that
    ``rows_read == rows_written + rows_in_error_report``. ``on_error="fail"`` stops at the first such row or
    failed document instead.

    Memory stays bounded by about ``chunksize * (2 * jobs + 1)`` rows whatever the file size. Outputs are
    written to hidden ``.part`` files renamed into place when complete, so the targets are never
    half-written. After each chunk a checkpoint is saved; an interrupted run (Ctrl-C, a crash, a killed
    process) continues with ``resume=True`` from the last checkpoint, with no row lost or duplicated.
    """
    if on_error not in ("skip", "fail"):
        raise InputError(f"on_error={on_error!r} must be 'skip' or 'fail'.")
    if path != "-" and not Path(path).is_file():
        raise InputError(f"input file {path!r} does not exist.")
    scorer = scorer or _default_scorer()
    if speaker is not None:
        scorer.resolve_speaker(speaker)
    t0 = time.perf_counter()
    dyads = scorer.dyad_names
    to_file = output != "-"
    if errors_path is None and to_file:
        errors_path = output + ".errors.csv"
    ckpt_file = _checkpoint_path(output) if to_file else None
    identity = _input_identity(path)
    state: dict[str, Any] = {}
    if resume:
        if not to_file or path == "-":
            raise InputError("--resume needs an input file and an output file (not - for stdin/stdout).")
        assert ckpt_file is not None  # (an output file has its checkpoint path)
        if not ckpt_file.exists():
            raise InputError(f"nothing to resume for {output!r}: no checkpoint {ckpt_file.name} beside it. "
                             "Run without --resume.")
        state = json.loads(ckpt_file.read_text(encoding="utf-8"))
        if state.get("input") != identity:
            raise InputError(f"the checkpoint of {output!r} belongs to another input (or the input changed since); "
                             "run without --resume to start over.")
        if bool(state.get("hits")) != bool(hits_path):
            raise InputError("resume with the same --hits setting as the interrupted run.")
    summary = RunSummary()
    if state:
        for k, v in state["summary"].items():
            setattr(summary, k, v)
    offsets = state.get("offsets", {})
    info: dict[str, Any] = {}
    reader = read_table(path, chunksize=chunksize, stdin=stdin, encoding=encoding, delimiter=delimiter,
                        skip_rows=state.get("rows_consumed", 0), info=info)
    bar = _progress(path, progress)
    writer = TableWriter(output, score_columns(dyads), resume_at=offsets.get("scores") if state else None)
    hit_writer = (TableWriter(hits_path, hit_columns(), resume_at=offsets.get("hits") if state else None)
                  if hits_path else None)
    err_writer = (TableWriter(errors_path, ERROR_COLUMNS, resume_at=offsets.get("errors") if state else None)
                  if errors_path else None)
    seen = IdRegistry()
    if state:  # the ids already written, for duplicate detection (read back, not kept in the checkpoint)
        _ids_from_part(writer, seen)
    spec_box: dict[str, ColumnSpec] = {}
    consumed = {"rows": state.get("rows_consumed", 0)}
    pending_rows: deque[int] = deque()

    def chunks() -> Iterator[_Chunk]:
        for ch in reader:
            if "spec" not in spec_box:
                spec_box["spec"] = resolve_columns(list(ch.frame.columns), text=text, date=date, id=id,
                                                   source=source, speaker_col=speaker_col, speaker=speaker)
            if ch.bad:
                if on_error == "fail":
                    b = ch.bad[0]
                    raise InputError(f"{path} line {b.line}: {b.error}. Fix the row, or use --on-error skip to "
                                     "write such rows to the error report.")
                if err_writer is not None:
                    err_writer.write(pd.DataFrame([[b.line, b.error, b.raw] for b in ch.bad], columns=ERROR_COLUMNS))
                else:
                    print(f"tension: {len(ch.bad)} unreadable row(s) skipped, e.g. line {ch.bad[0].line}: "
                          f"{ch.bad[0].error}", file=sys.stderr)
                summary.rows_bad += len(ch.bad)
            summary.rows_read += ch.rows
            pending_rows.append(ch.rows)
            yield _prepare(ch.frame, spec_box["spec"], consumed["rows"] + sum(pending_rows) - ch.rows, seen)
            bar.update_to(ch.position, summary.rows_read)

    kept_for_resume = False
    try:
        for rows, hit_rows in _chunks_to_rows(chunks(), scorer, jobs, hits_path is not None):
            if on_error == "fail":
                failed = [r for r in rows if r[4] == "failed"]
                if failed:
                    raise InputError(f"document {failed[0][0]!r} failed: {failed[0][5]}. Use --on-error skip to "
                                     "keep going (the row is written with status 'failed').")
            writer.write(pd.DataFrame(rows, columns=score_columns(dyads)))
            summary.add(rows, dyads)
            if hit_writer is not None:
                hit_writer.write(pd.DataFrame(hit_rows, columns=hit_columns()))
                summary.hits_written += len(hit_rows)
            consumed["rows"] += pending_rows.popleft()
            if ckpt_file is not None:
                _save_checkpoint(ckpt_file, identity, consumed["rows"], summary, writer, hit_writer, err_writer)
        writer.close()
        if hit_writer is not None:
            hit_writer.close()
        if err_writer is not None:
            if summary.rows_bad:
                err_writer.close()
            else:
                err_writer.abort()
        if ckpt_file is not None and ckpt_file.exists():
            ckpt_file.unlink()
    except (KeyboardInterrupt, SystemExit, MemoryError, OSError) if to_file else () as exc:  # noqa: B030
        # an interruption keeps the .part files and the checkpoint: --resume continues from there
        kept_for_resume = ckpt_file is not None and ckpt_file.exists()
        if not kept_for_resume:
            for w in (writer, hit_writer, err_writer):
                if w is not None:
                    w.abort()
        raise exc
    except BaseException:
        for w in (writer, hit_writer, err_writer):
            if w is not None:
                w.abort()
        if ckpt_file is not None and ckpt_file.exists():
            ckpt_file.unlink()
        raise
    finally:
        bar.close()
    spec = spec_box.get("spec")
    if spec is not None:
        notes = list(spec.notes)
        if info.get("encoding_note"):
            notes.append(info["encoding_note"])
        if info.get("ragged_short"):
            notes.append(f"{info['ragged_short']} row(s) had fewer fields than the header and were padded")
        summary.columns = {"text": spec.text, "date": spec.date, "id": spec.id, "source": spec.source,
                           "speaker": spec.speaker or spec.speaker_value, "notes": notes,
                           "encoding": info.get("encoding"), "delimiter": info.get("delimiter")}
    summary.errors_path = errors_path if summary.rows_bad else None
    summary.seconds = round(time.perf_counter() - t0 + float(state.get("seconds", 0.0)), 3)
    return summary


def _ids_from_part(writer: TableWriter, seen: IdRegistry) -> None:
    part = writer._tmp
    if not part or not os.path.exists(part) or os.path.getsize(part) == 0:
        return
    fmt = "jsonl" if writer.fmt == "jsonl" else "csv"
    if fmt == "csv":
        for block in pd.read_csv(part, usecols=["id"], dtype=str, keep_default_na=False, chunksize=100_000):
            seen.add(block["id"].tolist())
    else:
        for block in pd.read_json(part, lines=True, dtype=False, chunksize=100_000):
            seen.add(block["id"].astype(str).tolist())


def _save_checkpoint(path: Path, identity: dict[str, Any], consumed: int, summary: "RunSummary",
                     writer: TableWriter, hit_writer: TableWriter | None, err_writer: TableWriter | None) -> None:
    state = {
        "input": identity, "rows_consumed": consumed, "hits": hit_writer is not None,
        "offsets": {"scores": writer.checkpoint(), "hits": hit_writer.checkpoint() if hit_writer else None,
                    "errors": err_writer.checkpoint() if err_writer else None},
        "summary": summary.to_dict(), "seconds": summary.seconds,
    }
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, path)


def collect_texts(path: str, ids: set[str], text: Sequence[str] | None = None, id: str | None = None,
                  chunksize: int = 5000) -> dict[str, str]:
    """Re-read ``path`` and keep the joined text of the rows whose id is in ``ids`` (for the report)."""
    out: dict[str, str] = {}
    start = 0
    spec = None
    for df, _ in read_chunks(path, chunksize=chunksize):
        if spec is None:
            spec = resolve_columns(list(df.columns), text=text, id=id)
        chunk = _prepare(df, spec, start, None)
        start += len(df)
        for i, t in zip(chunk.ids, chunk.texts):
            if i in ids and i not in out:
                out[i] = t
    return out


class _Bar:
    """A tqdm bar over bytes read, showing documents and documents/s; silent when stderr is not a terminal."""

    def __init__(self, total: int | None, enabled: bool):
        self._bar = None
        self._t0 = time.perf_counter()
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, desc="scoring",
                             dynamic_ncols=True, leave=False)

    def update_to(self, pos: int, docs: int) -> None:
        if self._bar is None:
            return
        if pos and self._bar.total:
            self._bar.update(max(pos - self._bar.n, 0))
        rate = docs / max(time.perf_counter() - self._t0, 1e-9)
        self._bar.set_postfix_str(f"{docs:,} docs, {rate:,.0f} docs/s", refresh=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress(path: str, progress: bool | None) -> _Bar:
    enabled = sys.stderr.isatty() if progress is None else progress
    total = None
    if path != "-":
        try:
            import os

            total = os.path.getsize(path)
        except OSError:
            total = None
    return _Bar(total, enabled)
