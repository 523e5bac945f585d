"""Speed, scaling and memory of the scorer, next to VADER, TextBlob and the matching floor, in one run.

Sections (all timings are best-of-repeats wall clock on this machine; compare the ratios, the machine is
shared and noisy):

1. short texts: the posts and headlines of ../shared/corpora, per document;
2. long news-like documents of 3-6 KB: consecutive headlines and descriptions of the business corpus joined
   (mostly business news off the two dyads: about 66 sentences per document, 4 of them with evidence), and
   the same made of only the items that name a side or a trade word (China, Beijing, Xi, tariffs, trade war,
   North Korea, Pyongyang, Kim Jong, Huawei, ZTE), on-topic text where most sentences carry evidence and
   every one of them goes through the rules; the sentences per document and those with evidence are reported;
3. the floor: one Aho-Corasick pass of the cue lexicon (with its inflections) over the same text, keeping
   word-bounded matches;
4. processes: score_frame(jobs=1) against jobs=2, and identical results, on the short texts, on the 4 MB
   of long documents, and on 16 MB of them (the same sentences grouped into documents four ways), where
   the fixed cost of starting and joining the workers (~30 ms) weighs less;
5. cost growth: three corpus sizes 10x apart, and one document grown from 1 KB to 10 MB (log-log slope);
6. memory: peak RSS of `tension score` on a generated CSV of --big-mb megabytes (0 skips it);
7. Dask: a LocalCluster of 2 workers against 1 worker.

Usage: python benchmarks/speed.py [--quick] [--big-mb 1000] [--big-jobs 2] [--json FILE] [--skip SECTIONS]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
from bisect import bisect_left
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, TextBlobBaseline, Vader, need_shared  # noqa: E402

import tension  # noqa: E402
from tension.cues import _phrase_forms  # noqa: E402
from tension.text import normalize, sentences

WORK = ROOT / "benchmarks" / "_work"


def best_of(fn, repeats: int = 3) -> float:
    best = math.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def load_texts() -> tuple[list[str], list[str], list[str]]:
    posts = []
    for name in ("us_president_posts_2017_2021.csv", "us_president_posts_2025_partial.csv"):
        posts += pd.read_csv(need_shared("corpora", name), dtype=str, keep_default_na=False)["text"].tolist()
    h = pd.read_csv(need_shared("corpora", "business_headlines_2017_2020.csv"), dtype=str, keep_default_na=False)
    headlines = h["text"].tolist()
    joined = (h["text"] + ". " + h["description"]).tolist()
    return posts, headlines, joined


def long_docs(parts: list[str], n: int, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    docs, cur, size, target = [], [], 0, rng.integers(3000, 6000)
    for t in parts:
        cur.append(t.strip())
        size += len(t) + 1
        if size >= target:
            docs.append(" ".join(cur))
            cur, size, target = [], 0, rng.integers(3000, 6000)
            if len(docs) >= n:
                break
    return docs


class Floor:
    """One Aho-Corasick pass of the cue lexicon with word boundaries: the least any cue matcher must do."""

    def __init__(self, lexicon) -> None:  # noqa: ANN001
        import ahocorasick

        self.auto = ahocorasick.Automaton()
        for c in lexicon.cues:
            for form in _phrase_forms(c.phrase, c.match == "inflect"):
                self.auto.add_word(form, len(form))
        self.auto.make_automaton()

    def scan(self, text: str) -> int:
        folded = text.lower()
        n = len(folded)
        found = 0
        for end, length in self.auto.iter(folded):
            start = end - length + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (end + 1 == n or not folded[end + 1].isalnum()):
                found += 1
        return found


# the items of the on-topic documents: a side or a trade word named (a keyword test, not the scorer's own)
_ON_TOPIC = re.compile(r"\b(china|chinese|beijing|xi|tariffs?|trade war|north korea|pyongyang|kim jong|huawei|zte)\b",
                       re.IGNORECASE)


def on_topic(parts: list[str]) -> list[str]:
    return [t for t in parts if _ON_TOPIC.search(t)]


def density(docs: list[str]) -> dict[str, float]:
    """Sentences per document, and those holding a piece of evidence for either dyad (the sentences the rules
    had to read, and more: a sentence read may end with no evidence)."""
    scorer = tension.Scorer(config=tension.Config(tone=False))
    sents = with_hits = 0
    for d in docs:
        spans = sentences(normalize(d))
        sents += len(spans)
        starts = sorted({h.start for dy in scorer.score(d).dyads.values() for h in dy.hits})
        with_hits += sum(1 for s, e in spans if bisect_left(starts, e) > bisect_left(starts, s))  # (a start in [s, e))
    return {"sentences_per_doc": round(sents / len(docs), 1), "with_evidence_per_doc": round(with_hits / len(docs), 1)}


def rate(docs: list[str], fn, repeats: int = 3) -> dict[str, float]:
    mb = sum(len(d) for d in docs) / 1e6
    secs = best_of(lambda: [fn(d) for d in docs], repeats)
    return {"docs": len(docs), "mb": round(mb, 3), "seconds": round(secs, 3), "docs_per_s": round(len(docs) / secs, 1),
            "mb_per_s": round(mb / secs, 3)}


def section_throughput(name: str, docs: list[str], quick: bool) -> dict[str, dict[str, float]]:
    scorer = tension.Scorer(config=tension.Config(tone=False))
    scorer.score("warm up")
    vader, blob, floor = Vader(), TextBlobBaseline(), Floor(scorer.lexicon)
    sub = docs[: max(200, len(docs) // (10 if quick else 4))]
    out = {
        "tension": rate(docs, scorer.score, 1 if quick else 3),
        "tension_with_tone": rate(sub, tension.Scorer(config=tension.Config(tone=True)).score, 1),
        "VADER": rate(sub, vader.polarity, 1),
        "TextBlob": rate(sub, blob.polarity, 1),
        "floor (Aho-Corasick, cues)": rate(docs, floor.scan, 1 if quick else 3),
    }
    t = out["tension"]["mb_per_s"]
    print(f"\n[{name}] {len(docs):,} docs, {out['tension']['mb']:.1f} MB")
    for k, v in out.items():
        ratio = "" if k == "tension" else f"  tension is {t / v['mb_per_s']:.2f}x this"
        print(f"  {k:<28} {v['docs_per_s']:>10,.0f} docs/s {v['mb_per_s']:>8.2f} MB/s{ratio}")
    return out


def section_jobs(docs: list[str]) -> dict[str, float]:
    df = pd.DataFrame({"id": [str(i) for i in range(len(docs))], "text": docs})
    scorer = tension.Scorer(config=tension.Config(tone=False))
    scorer.score("The U.S. imposed tariffs on Chinese goods.")  # the matcher is built before any clock starts
    one = tension.score_frame(df, scorer=scorer, jobs=1)
    t1 = best_of(lambda: tension.score_frame(df, scorer=scorer, jobs=1))
    # the first call with jobs=2 starts the worker processes; later calls reuse them (as a notebook or a
    # service scoring frame after frame would): both are reported
    tension.close_pool()
    t0 = time.perf_counter()
    two = tension.score_frame(df, scorer=scorer, jobs=2)
    cold = time.perf_counter() - t0
    same = one.equals(two)
    t2 = best_of(lambda: tension.score_frame(df, scorer=scorer, jobs=2))
    tension.close_pool()
    print(f"\n[processes] {len(docs):,} docs: jobs=1 {t1:.2f}s, jobs=2 {t2:.2f}s -> speedup {t1 / t2:.2f}x "
          f"(first call, starting the workers: {cold:.2f}s -> {t1 / cold:.2f}x); identical results: {same}")
    return {"docs": len(docs), "jobs1_s": round(t1, 3), "jobs2_s": round(t2, 3), "speedup": round(t1 / t2, 2),
            "jobs2_first_call_s": round(cold, 3), "speedup_first_call": round(t1 / cold, 2),
            "identical": bool(same)}


def slope(xs: list[float], ys: list[float]) -> float:
    return float(np.polyfit(np.log(xs), np.log(ys), 1)[0])


def section_growth(short: list[str], seed_text: str, quick: bool) -> dict[str, object]:
    scorer = tension.Scorer(config=tension.Config(tone=False))
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    times = []
    for n in sizes:
        docs = [short[i % len(short)] for i in range(n)]
        times.append(best_of(lambda: [scorer.score(d) for d in docs], 1))
    s1 = slope(sizes, times)
    lengths = [1_000, 10_000, 100_000, 1_000_000] + ([] if quick else [10_000_000])
    ltimes = []
    for L in lengths:
        doc = (seed_text + "\n\n") * (L // (len(seed_text) + 2) + 1)
        doc = doc[:L]
        ltimes.append(best_of(lambda: scorer.score(doc), 1 if L >= 1_000_000 else 3))
    s2 = slope(lengths, ltimes)
    print(f"\n[growth] corpus sizes {sizes}: {[round(t, 2) for t in times]} s -> log-log slope {s1:.2f}")
    print(f"[growth] one document {lengths} chars: {[round(t, 4) for t in ltimes]} s -> slope {s2:.2f} "
          f"({lengths[-1] / 1e6 / ltimes[-1]:.2f} MB/s at the largest)")
    return {"corpus_sizes": sizes, "corpus_seconds": [round(t, 3) for t in times], "corpus_slope": round(s1, 3),
            "doc_chars": lengths, "doc_seconds": [round(t, 4) for t in ltimes], "doc_slope": round(s2, 3)}


def section_memory(joined: list[str], big_mb: int, jobs: int) -> dict[str, object]:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"big_{big_mb}mb.csv"
    if not path.exists() or path.stat().st_size < big_mb * 1e6 * 0.99:
        with path.open("w", encoding="utf-8") as f:
            f.write("id,date,text\n")
            i = 0
            while f.tell() < big_mb * 1e6:
                t = joined[i % len(joined)].replace('"', '""')
                f.write(f'{i},2019-{1 + i % 12:02d}-{1 + i % 28:02d},"{t}"\n')
                i += 1
    out = WORK / "big_scores.csv"
    cmd = [sys.executable, "-m", "tension.cli", "score", str(path), "-o", str(out), "--no-tone", "--no-progress",
           "--jobs", str(jobs)]
    # A fresh launcher process runs the command and reports the peak RSS of its descendants: this process's
    # own RUSAGE_CHILDREN would also count the workers forked by earlier sections (copies of this process).
    launcher = ("import resource, subprocess, sys\n"
                "p = subprocess.run(sys.argv[1:])\n"
                "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
                "sys.exit(p.returncode)\n")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", launcher, *cmd], capture_output=True, text=True)
    secs = time.perf_counter() - t0
    peak_line = [ln for ln in proc.stderr.splitlines() if ln.startswith("PEAK_RSS_KB")]
    peak_mb = int(peak_line[-1].split()[1]) / 1024 if peak_line else float("nan")
    size_mb = path.stat().st_size / 1e6
    import csv

    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as f:
        rows_in = sum(1 for _ in csv.reader(f)) - 1   # rows, not lines: texts hold quoted newlines
    rows_out = -1
    if out.exists():
        with open(out, encoding="utf-8", newline="") as f:
            rows_out = sum(1 for _ in csv.reader(f)) - 1
    print(proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "")
    print(f"\n[memory] {size_mb:,.0f} MB CSV, jobs={jobs}: {secs:.0f}s ({size_mb / secs:.2f} MB/s), peak RSS of the "
          f"largest process {peak_mb:,.0f} MB; rows in {rows_in:,}, out {rows_out:,}; "
          f"exit {proc.returncode}")
    if proc.returncode:
        print(proc.stderr[-2000:])
    return {"csv_mb": round(size_mb, 1), "jobs": jobs, "seconds": round(secs, 1), "peak_rss_mb": round(peak_mb, 1),
            "rows_in": rows_in, "rows_out": rows_out, "exit": proc.returncode}


def _warm_worker(lexicon_dir: str, config) -> None:  # noqa: ANN001
    from tension.dask import _worker_scorer

    _worker_scorer(lexicon_dir, config).score("The U.S. imposed tariffs on Chinese goods.")


def section_dask(docs: list[str]) -> dict[str, object]:
    try:
        import dask.dataframe as dd
        from distributed import Client, LocalCluster, wait
    except ImportError:
        print("\n[dask] not installed; skipped")
        return {}
    from tension.dask import score_dask

    df = pd.DataFrame({"id": [str(i) for i in range(len(docs))], "text": docs})
    res = {}
    for workers in (1, 2):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
        try:
            # the texts live on the workers before the clock starts, as a real cluster reads them from
            # storage (shipping 16 MB from this client in the task graph was timed too, serially)
            ddf = client.persist(dd.from_pandas(df, npartitions=16))
            wait(ddf)
            # every worker builds its scorer before the clock starts (a real cluster keeps its workers;
            # warming only one would time the other's start-up)
            client.run(_warm_worker, tension.Scorer().lexicon.path, tension.Config(tone=False))
            # scored where the texts are, results kept on the cluster (as a job that writes them out or
            # reduces them with build_index does), not pulled into this process; the median of 3 runs, a
            # pause before each: a graph submitted again at once can find the last run's results not yet
            # released on the scheduler and come back in no time
            runs = []
            for _ in range(3):
                time.sleep(1.0)
                t0 = time.perf_counter()
                scored = client.persist(score_dask(ddf, config=tension.Config(tone=False)))
                wait(scored)
                runs.append(time.perf_counter() - t0)
                del scored
            res[workers] = sorted(runs)[1]
        finally:
            client.close()
            cluster.close()
    print(f"\n[dask] {len(docs):,} docs: 1 worker {res[1]:.2f}s, 2 workers {res[2]:.2f}s -> {res[1] / res[2]:.2f}x")
    return {"docs": len(docs), "one_worker_s": round(res[1], 2), "two_workers_s": round(res[2], 2),
            "speedup": round(res[1] / res[2], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller samples, one repeat")
    ap.add_argument("--big-mb", type=int, default=0, help="size of the generated CSV for the memory test (0 = skip)")
    ap.add_argument("--big-jobs", type=int, default=1)
    ap.add_argument("--json", help="write all figures here")
    ap.add_argument("--skip", default="", help="comma-separated sections to skip: short,long (and on-topic long),jobs,growth,dask")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    posts, headlines, joined = load_texts()
    short = posts + headlines
    results: dict[str, object] = {"tension": tension.__version__, "cpu_count": os.cpu_count()}
    if "short" not in skip:
        sample = short if not args.quick else short[::5]
        results["short"] = section_throughput("short texts: posts and headlines", sample, args.quick)
    docs = long_docs(joined, 300 if args.quick else 1500)
    if "long" not in skip:
        results["long"] = section_throughput("long documents, 3-6 KB", docs, args.quick)
        results["long"]["density"] = density(docs)
        print(f"  density: {results['long']['density']}")
        topical = long_docs(on_topic(joined), 300 if args.quick else 1500)
        results["long_on_topic"] = section_throughput("on-topic long documents, 3-6 KB", topical, args.quick)
        results["long_on_topic"]["density"] = density(topical)
        print(f"  density: {results['long_on_topic']['density']}")
    if "jobs" not in skip:
        results["jobs_short"] = section_jobs(short if not args.quick else short[:5_000])
        results["jobs_long"] = section_jobs(docs)
        if not args.quick:
            more = [d for seed in range(4) for d in long_docs(joined, 1500, seed=seed)]
            results["jobs_long_16mb"] = section_jobs(more)
    if "growth" not in skip:
        seed = (ROOT / "seeds" / "000_d113c72b39d588f2.txt").read_text(encoding="utf-8")
        results["growth"] = section_growth(short, seed, args.quick)
    if "dask" not in skip:
        results["dask"] = section_dask(short if not args.quick else short[:8_000])
    if args.big_mb:
        results["memory"] = section_memory(joined, args.big_mb, args.big_jobs)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
