"""Event study: does the daily tension index move on the days of known escalation / de-escalation events?

Data (from ../shared, see common.SHARED):
- ``corpora/us_president_posts_2017_2021.csv`` and ``corpora/us_president_posts_2025_partial.csv``: posts of
  the US President, scored with speaker ``USA`` (so "I", "we", "our country" are the United States);
- ``corpora/business_headlines_2017_2020.csv``: Reuters / Guardian / CNBC headlines, the ``text`` column only
  (not the description), source = outlet, no speaker;
- ``events/calendar_dev.csv``: dated events (date, dyad, direction, event).

Method:
1. Score every document with ``tension.Scorer(config=tension.Config(tone=False))`` through
   ``tension.pipeline.score_frame`` (2 processes); ids are prefixed with the corpus name to stay unique.
   The concatenated score table is cached in ``benchmarks/_work/scores.parquet`` and reused unless
   ``--rescore`` is given or a file of ``lexicons/``, ``tension/`` or the corpora is newer than the cache.
2. Build the daily index with ``tension.build_index(scores, freq="D", ci=0)``; the series used is ``net``
   (escalation - de-escalation, summed over the day's documents and divided by the day's number of documents;
   days without documents are NaN).
3. Per event on day d, for the event's dyad: window = mean of the daily net over [d-1, d+2]; baseline = mean
   and standard deviation (ddof=1) of the daily net over the 60 days before d-1, i.e. [d-61, d-2]. NaN days
   are skipped. z = (window - baseline mean) / baseline std. An escalation is SEEN when z > 1 (window >
   mean + 1 std), a de-escalation when z < -1. An event whose window or baseline has no data is not seen.
4. The same with a VADER baseline index built the same way: per document, relevant = the text names the
   country (common.COUNTRY_RE); escalation = max(0, -compound), de-escalation = max(0, compound) for relevant
   documents, 0 otherwise; per day both sums are divided by the day's number of documents; net = esc - de.
   VADER compounds are cached in ``benchmarks/_work/vader.parquet`` (recomputed with ``--rescore`` or when
   a corpus is newer than the cache).

Usage: python benchmarks/events.py [--rescore] [--json FILE] [--markdown] [--jobs N] [--show-missed N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import COUNTRY_RE, ROOT, Vader, need_shared  # noqa: E402

import tension  # noqa: E402
from tension.pipeline import score_frame  # noqa: E402

WORK = Path(__file__).resolve().parent / "_work"
SCORES_CACHE = WORK / "scores.parquet"
SCORES_META = WORK / "scores.meta.json"
VADER_CACHE = WORK / "vader.parquet"

# name, file, speaker ("USA" for the President's posts, None for headlines), source column
CORPORA = (
    ("posts2017", "us_president_posts_2017_2021.csv", "USA", None),
    ("posts2025", "us_president_posts_2025_partial.csv", "USA", None),
    ("headlines", "business_headlines_2017_2020.csv", None, "outlet"),
)
THRESHOLD = 1.0        # standard deviations
BASELINE_DAYS = 60
WINDOW = (-1, 2)       # days around the event, inclusive


# --------------------------------------------------------------------------------------------------- data
def load_corpora() -> pd.DataFrame:
    """All documents in one frame: uid (corpus-prefixed), corpus, date, text, source, speaker."""
    frames = []
    for name, fname, speaker, source_col in CORPORA:
        df = pd.read_csv(need_shared("corpora", fname), dtype=str, keep_default_na=False)
        missing = [c for c in ("date", "text") if c not in df.columns]
        if missing:
            raise SystemExit(f"{fname} has no column {missing[0]!r}; expected date and text.")
        # many archived posts have no id: fall back to the row number, and prefix the corpus name
        raw_id = df["id"] if "id" in df.columns else pd.Series("", index=df.index)
        rows = pd.Series([f"row{i + 1}" for i in range(len(df))], index=df.index)
        uid = name + ":" + raw_id.where(raw_id != "", rows)
        frames.append(pd.DataFrame({
            "uid": uid, "corpus": name, "date": df["date"], "text": df["text"],
            "source": df[source_col] if source_col else name, "speaker": speaker,
        }))
    docs = pd.concat(frames, ignore_index=True)
    dup = docs["uid"].duplicated(keep="first")
    if dup.any():  # duplicated ids in an archive: keep every row, make the id unique
        docs.loc[dup, "uid"] = docs.loc[dup, "uid"] + "#" + docs.index[dup].astype(str)
    return docs


def _newest_mtime(paths: list[Path]) -> float:
    newest = 0.0
    for p in paths:
        files = [p] if p.is_file() else [f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts]
        for f in files:
            newest = max(newest, f.stat().st_mtime)
    return newest


def _corpus_paths() -> list[Path]:
    return [need_shared("corpora", fname) for _, fname, _, _ in CORPORA]


def _cache_ok(cache: Path, deps: list[Path], ids: pd.Series) -> tuple[bool, str]:
    if not cache.exists():
        return False, "no cache"
    if cache.stat().st_mtime <= _newest_mtime(deps):
        return False, "cache older than the code, lexicons or corpora"
    try:
        cached_ids = pd.read_parquet(cache, columns=["id"])["id"]
    except Exception as exc:  # noqa: BLE001 - a broken cache is rebuilt
        return False, f"unreadable cache ({type(exc).__name__})"
    if len(cached_ids) != len(ids) or not (cached_ids.to_numpy() == ids.to_numpy()).all():
        return False, "cache holds other documents"
    return True, "cache up to date"


def get_scores(docs: pd.DataFrame, rescore: bool, jobs: int) -> tuple[pd.DataFrame, dict]:
    deps = [ROOT / "lexicons", ROOT / "tension", *_corpus_paths()]
    ok, why = (False, "--rescore") if rescore else _cache_ok(SCORES_CACHE, deps, docs["uid"])
    if ok:
        meta = json.loads(SCORES_META.read_text()) if SCORES_META.exists() else {}
        meta["from_cache"] = True
        return pd.read_parquet(SCORES_CACHE), meta
    print(f"scoring {len(docs):,} documents on {jobs} process(es) ({why})...", file=sys.stderr, flush=True)
    scorer = tension.Scorer(config=tension.Config(tone=False))
    parts = []
    t0 = time.perf_counter()
    for name, _, speaker, _ in CORPORA:
        # only the columns named below: with speaker=None score_frame would pick up a "speaker" column
        sub = docs.loc[docs["corpus"] == name, ["uid", "date", "text", "source"]]
        parts.append(score_frame(sub, text="text", date="date", id="uid", source="source", speaker=speaker,
                                 scorer=scorer, jobs=jobs))
    seconds = time.perf_counter() - t0
    scores = pd.concat(parts, ignore_index=True)
    meta = {"seconds": round(seconds, 2), "n_docs": len(scores), "docs_per_s": round(len(scores) / seconds, 1),
            "jobs": jobs, "lexicon_version": scorer.lexicon.version,
            "scored_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    WORK.mkdir(parents=True, exist_ok=True)
    scores.to_parquet(SCORES_CACHE, index=False)
    SCORES_META.write_text(json.dumps(meta, indent=2))
    meta["from_cache"] = False
    return scores, meta


def get_vader(docs: pd.DataFrame, rescore: bool) -> tuple[pd.Series, float | None]:
    """VADER compound per document (aligned with docs), and the seconds it took (None when cached)."""
    ok, why = (False, "--rescore") if rescore else _cache_ok(VADER_CACHE, _corpus_paths(), docs["uid"])
    if ok:
        return pd.read_parquet(VADER_CACHE)["compound"].set_axis(docs.index), None
    print(f"VADER on {len(docs):,} documents ({why})...", file=sys.stderr, flush=True)
    v = Vader()
    t0 = time.perf_counter()
    compound = [v.polarity(t) for t in docs["text"]]
    seconds = time.perf_counter() - t0
    WORK.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"id": docs["uid"].to_numpy(), "compound": compound}).to_parquet(VADER_CACHE, index=False)
    return pd.Series(compound, index=docs.index, dtype=float), seconds


# -------------------------------------------------------------------------------------------------- index
def tension_daily(scores: pd.DataFrame) -> dict[str, pd.Series]:
    idx = tension.build_index(scores, freq="D", ci=0)
    out = {}
    for dyad, g in idx.groupby("dyad"):
        out[dyad] = pd.Series(g["net"].to_numpy(float), index=pd.to_datetime(g["period"]))
    return out


def vader_daily(docs: pd.DataFrame, scores: pd.DataFrame, compound: pd.Series, dyads: list[str]
                ) -> dict[str, pd.Series]:
    """The VADER index on the same documents and days as the tension index (failed / bad dates left out)."""
    keep = (~scores["status"].isin(["failed", "bad_date"])).to_numpy() & (scores["date"].astype(str) != "").to_numpy()
    day = pd.to_datetime(scores["date"].astype(str).str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    keep &= day.notna().to_numpy()
    day = day[keep].to_numpy()
    text = docs["text"].to_numpy()[keep]
    comp = compound.to_numpy(float)[keep]
    days = pd.date_range(day.min(), day.max(), freq="D")
    n = pd.Series(1.0, index=day).groupby(level=0).sum().reindex(days, fill_value=0.0)
    out = {}
    for dyad in dyads:
        rel = np.fromiter((bool(COUNTRY_RE[dyad].search(t)) for t in text), bool, len(text))
        esc = np.where(rel, np.maximum(0.0, -comp), 0.0)
        de = np.where(rel, np.maximum(0.0, comp), 0.0)
        net_sum = pd.Series(esc - de, index=day).groupby(level=0).sum().reindex(days, fill_value=0.0)
        out[dyad] = (net_sum / n).where(n > 0)
    return out


# ------------------------------------------------------------------------------------------------- events
@dataclass
class Stat:
    window: float
    base_mean: float
    base_std: float
    z: float
    seen: bool
    window_days: int
    base_days: int


def event_stat(series: pd.Series, day: pd.Timestamp, direction: str) -> Stat:
    win = series.loc[day + pd.Timedelta(days=WINDOW[0]): day + pd.Timedelta(days=WINDOW[1])].dropna()
    base_end = day + pd.Timedelta(days=WINDOW[0] - 1)
    base = series.loc[base_end - pd.Timedelta(days=BASELINE_DAYS - 1): base_end].dropna()
    w = float(win.mean()) if len(win) else float("nan")
    m = float(base.mean()) if len(base) else float("nan")
    s = float(base.std(ddof=1)) if len(base) > 1 else float("nan")
    z = (w - m) / s if s and s > 0 and not np.isnan(w) else float("nan")
    if np.isnan(w) or np.isnan(m) or np.isnan(s):
        seen = False
    elif direction == "escalation":
        seen = w > m + THRESHOLD * s
    else:
        seen = w < m - THRESHOLD * s
    return Stat(w, m, s, z, bool(seen), len(win), len(base))


# ------------------------------------------------------------------------------------------------- output
def _f(x: float, nd: int = 3) -> str:
    return "nan" if x is None or np.isnan(x) else f"{x:+.{nd}f}"


def _yn(st: Stat) -> str:
    if st.window_days == 0 or st.base_days < 2:
        return "n/a"
    return "yes" if st.seen else "no"


def print_plain(results: list[dict]) -> None:
    head = (f"{'date':<10} {'event':<44} {'dyad':<8} {'dir':<4} | {'T win':>7} {'T base':>7} {'T sd':>6} "
            f"{'T z':>6} {'seen':>4} | {'V win':>7} {'V base':>7} {'V sd':>6} {'V z':>6} {'seen':>4}")
    print(head)
    print("-" * len(head))
    for r in results:
        t, v = r["tension"], r["vader"]
        print(f"{r['date']:<10} {r['event'][:44]:<44} {r['dyad']:<8} {r['direction'][:3]:<4} | "
              f"{_f(t.window):>7} {_f(t.base_mean):>7} {t.base_std:6.3f} {_f(t.z, 2):>6} {_yn(t):>4} | "
              f"{_f(v.window):>7} {_f(v.base_mean):>7} {v.base_std:6.3f} {_f(v.z, 2):>6} {_yn(v):>4}")


def print_markdown(results: list[dict]) -> None:
    print("| date | event | dyad | direction | tension window | tension base (sd) | tension z | seen "
          "| VADER window | VADER base (sd) | VADER z | seen |")
    print("|---|---|---|---|---:|---:|---:|:-:|---:|---:|---:|:-:|")
    for r in results:
        t, v = r["tension"], r["vader"]
        ev = r["event"].replace("|", "\\|")
        print(f"| {r['date']} | {ev} | {r['dyad']} | {r['direction']} | {_f(t.window)} | "
              f"{_f(t.base_mean)} ({t.base_std:.3f}) | {_f(t.z, 2)} | {_yn(t)} | {_f(v.window)} | "
              f"{_f(v.base_mean)} ({v.base_std:.3f}) | {_f(v.z, 2)} | {_yn(v)} |")


def show_missed(results: list[dict], docs: pd.DataFrame, scores: pd.DataFrame, n: int) -> None:
    """For each event tension missed: the dyad's relevant documents in the window, strongest first."""
    day = pd.to_datetime(scores["date"].astype(str).str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    for r in results:
        if r["tension"].seen:
            continue
        d, dyad = pd.Timestamp(r["date"]), r["dyad"]
        in_win = (day >= d + pd.Timedelta(days=WINDOW[0])) & (day <= d + pd.Timedelta(days=WINDOW[1]))
        rel = in_win & scores[f"{dyad}_relevant"].astype(bool)
        named = in_win & docs["text"].map(lambda t: bool(COUNTRY_RE[dyad].search(t)))
        sub = scores[rel | named].copy()
        sub["text"] = docs.loc[sub.index, "text"]
        sub["_abs"] = sub[f"{dyad}_tension"].abs()
        sub = sub.sort_values(["_abs"], ascending=False)
        print(f"\n== missed: {r['date']} {dyad} {r['direction']}: {r['event']}")
        print(f"   {int(in_win.sum())} docs in window, {int(rel.sum())} relevant to {dyad}, "
              f"{int(named.sum())} name the country")
        for _, row in sub.head(n).iterrows():
            txt = " ".join(str(row["text"]).split())[:220]
            print(f"   [{row['date']} {row['source']:<12.12} rel={int(bool(row[f'{dyad}_relevant']))} "
                  f"T={row[f'{dyad}_tension']:+6.1f}] {txt}")
            if row[f"{dyad}_top_cues"]:
                print(f"       cues: {row[f'{dyad}_top_cues']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rescore", action="store_true", help="score again (and recompute VADER), ignoring caches")
    ap.add_argument("--json", metavar="FILE", help="write the per-event results as JSON here")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown (for RESULTS.md)")
    ap.add_argument("--jobs", type=int, default=2, help="processes to score on (default 2)")
    ap.add_argument("--show-missed", type=int, default=0, metavar="N",
                    help="print up to N documents of the window for each event tension missed")
    args = ap.parse_args()
    if args.jobs < 1:
        ap.error("--jobs must be at least 1")

    calendar = pd.read_csv(need_shared("events", "calendar_dev.csv"), dtype=str, keep_default_na=False)
    docs = load_corpora()
    scores, meta = get_scores(docs, args.rescore, args.jobs)
    if len(scores) != len(docs) or not (scores["id"].to_numpy() == docs["uid"].to_numpy()).all():
        raise SystemExit("internal error: the score table is not aligned with the documents; run with --rescore.")
    scores.index = docs.index
    compound, vader_seconds = get_vader(docs, args.rescore)

    dyads = sorted(calendar["dyad"].unique())
    t_idx = tension_daily(scores)
    unknown = [d for d in dyads if d not in t_idx]
    if unknown:
        raise SystemExit(f"the calendar names dyad {unknown[0]!r}, which the scorer does not have.")
    v_idx = vader_daily(docs, scores, compound, dyads)

    results = []
    for _, ev in calendar.iterrows():
        d = pd.Timestamp(ev["date"])
        direction = ev["direction"].strip().lower()
        if direction not in ("escalation", "de-escalation"):
            raise SystemExit(f"calendar row {ev['date']}: direction {ev['direction']!r} is not escalation / "
                             "de-escalation.")
        results.append({"date": ev["date"], "dyad": ev["dyad"], "direction": direction, "event": ev["event"],
                        "tension": event_stat(t_idx[ev["dyad"]], d, direction),
                        "vader": event_stat(v_idx[ev["dyad"]], d, direction)})

    n_t = sum(r["tension"].seen for r in results)
    n_v = sum(r["vader"].seen for r in results)
    lex = meta.get("lexicon_version", "?")
    how = "loaded from cache; scored" if meta.get("from_cache") else "scored"
    print(f"documents: {len(docs):,} ({', '.join(f'{k} {v:,}' for k, v in docs['corpus'].value_counts().items())}); "
          f"lexicon {lex}")
    if "seconds" in meta:
        print(f"tension: {how} in {meta['seconds']:.1f}s = {meta['docs_per_s']:,.0f} docs/s on {meta.get('jobs')} "
              f"process(es)" + (f" at {meta['scored_at']}" if meta.get("from_cache") else ""))
    if vader_seconds is not None:
        print(f"VADER: {vader_seconds:.1f}s = {len(docs) / vader_seconds:,.0f} docs/s (1 process)")
    print(f"seen = mean net over days [d{WINDOW[0]:+d}, d{WINDOW[1]:+d}] beyond baseline mean ± {THRESHOLD:g} sd "
          f"over the {BASELINE_DAYS} days before d{WINDOW[0]:+d}\n")
    if args.markdown:
        print_markdown(results)
    else:
        print_plain(results)
    print(f"\ntension: {n_t}/{len(results)} seen, VADER: {n_v}/{len(results)} seen")
    if args.show_missed:
        show_missed(results, docs, scores, args.show_missed)
    if args.json:
        payload = {"method": {"window": list(WINDOW), "baseline_days": BASELINE_DAYS, "threshold_sd": THRESHOLD},
                   "scoring": {k: v for k, v in meta.items()}, "vader_seconds": vader_seconds,
                   "seen": {"tension": n_t, "vader": n_v, "events": len(results)},
                   "events": [{**{k: v for k, v in r.items() if k not in ("tension", "vader")},
                               "tension": asdict(r["tension"]), "vader": asdict(r["vader"])} for r in results]}
        Path(args.json).write_text(json.dumps(payload, indent=2, default=float, allow_nan=True))


if __name__ == "__main__":
    main()
