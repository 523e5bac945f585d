"""Accuracy on the labelled dev set (../shared/gold/dev.csv), next to VADER and TextBlob baselines.

Per dyad:
- four-class macro-F1 over NA / escalation / neutral / de-escalation (NA = not relevant; the class of a
  relevant item is the sign of its tension);
- relevance F1 (relevant vs NA);
- direction F1: macro-F1 over escalation / neutral / de-escalation on the items the readers found relevant
  (a prediction of NA counts as neutral);
- Spearman correlation of the signed label (NA = 0) with the signed score (NA = 0).
Baselines: relevant = the text names the country; direction = minus the sentiment (neutral when |s| < 0.05).
How much the figures rest on the particular items: a 95% bootstrap interval of the mean macro-F1 per method
(1,000 resamples of the items), and the most one item left out moves the scorer's mean (the smallest class,
us_dprk neutral, has 4 items, so one of them is worth about 0.02).

Usage: python benchmarks/accuracy.py [--errors FILE] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import COUNTRY_RE, TextBlobBaseline, Vader, need_shared  # noqa: E402

import tension  # noqa: E402

CLASSES = ("NA", "esc", "neu", "de")
DYADS = ("us_china", "us_dprk")


def gold_class(v: str) -> str:
    if v == "NA" or v is None or (isinstance(v, float) and np.isnan(v)):
        return "NA"
    x = float(v)
    return "esc" if x > 0 else "de" if x < 0 else "neu"


def sign_class(x: float, eps: float = 0.0) -> str:
    return "esc" if x > eps else "de" if x < -eps else "neu"


def macro_f1(gold: list[str], pred: list[str], classes: tuple[str, ...]) -> float:
    f1s = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else float("nan")


def binary_f1(gold: list[bool], pred: list[bool]) -> float:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum((not g) and p for g, p in zip(gold, pred))
    fn = sum(g and (not p) for g, p in zip(gold, pred))
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")


def metrics(gold: list[str], pred: list[str], gold_num: list[float], pred_num: list[float]) -> dict[str, float]:
    rel_idx = [i for i, g in enumerate(gold) if g != "NA"]
    dir_gold = [gold[i] for i in rel_idx]
    dir_pred = [pred[i] if pred[i] != "NA" else "neu" for i in rel_idx]
    rho = spearmanr(gold_num, pred_num).correlation
    return {
        "macro_f1": macro_f1(gold, pred, CLASSES),
        "relevance_f1": binary_f1([g != "NA" for g in gold], [p != "NA" for p in pred]),
        "direction_f1": macro_f1(dir_gold, dir_pred, ("esc", "neu", "de")),
        "spearman": float(rho) if rho == rho else 0.0,
    }


GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden_cases.tsv"


def _words(text: str) -> list[str]:
    return re.sub(r"\W+", " ", text.lower().replace("u.s.", "us")).split()


def golden_overlaps(dev_texts: list[str], n: int = 6) -> list[str]:
    """The golden cases that share ``n`` words in a row with a dev item: the golden table is written in the
    project's own words, so a dev headline is never a test case (a shared stock phrase of six words is rare)."""
    seen = set()
    for t in dev_texts:
        w = _words(t)
        seen.update(" ".join(w[i:i + n]) for i in range(len(w) - n + 1))
    golden = pd.read_csv(GOLDEN, sep="\t", dtype=str, keep_default_na=False)
    out = []
    for case_id, text in zip(golden["id"], golden["text"]):
        w = _words(text)
        if any(" ".join(w[i:i + n]) in seen for i in range(len(w) - n + 1)):
            out.append(case_id)
    return out


def _mean_f1(classes: dict[str, dict[str, list[str]]], method: str, idx: np.ndarray) -> float:
    return float(np.mean([macro_f1([classes["gold"][d][i] for i in idx], [classes[method][d][i] for i in idx],
                                   CLASSES) for d in DYADS]))


def uncertainty(classes: dict[str, dict[str, list[str]]], resamples: int = 1000, seed: int = 0) -> dict:
    """How much the mean four-class macro-F1 rests on the particular items: a 95% percentile interval from
    resampling the items with replacement (both dyads together, every method on the same resamples), and the
    largest change one item left out makes to the scorer's figure (a class of four items moves it most)."""
    n = len(classes["gold"][DYADS[0]])
    rng = np.random.default_rng(seed)
    draws = [rng.integers(0, n, n) for _ in range(resamples)]
    interval = {}
    for method in classes:
        if method == "gold":
            continue
        values = np.sort([_mean_f1(classes, method, idx) for idx in draws])
        interval[method] = (float(values[int(0.025 * resamples)]), float(values[int(0.975 * resamples) - 1]))
    everything = _mean_f1(classes, "tension", np.arange(n))
    one_item = max(abs(everything - _mean_f1(classes, "tension", np.delete(np.arange(n), i))) for i in range(n))
    sizes = {f"{d} {c}": sum(1 for g in classes["gold"][d] if g == c) for d in DYADS for c in CLASSES}
    smallest = min(sizes, key=sizes.get)
    return {"interval": interval, "one_item": float(one_item), "smallest_class": f"{smallest}, {sizes[smallest]} items"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", help="write the items the scorer gets wrong to this CSV")
    ap.add_argument("--json", help="write the figures as JSON here")
    args = ap.parse_args()

    dev = pd.read_csv(need_shared("gold", "dev.csv"), dtype=str, keep_default_na=False)
    scorer = tension.Scorer(config=tension.Config(tone=False))
    baselines = [Vader(), TextBlobBaseline()]

    results: dict[str, dict[str, dict[str, float]]] = {}
    classes: dict[str, dict[str, list[str]]] = {"gold": {}}  # method (and "gold") -> dyad -> class per item
    errors = []
    t0 = time.perf_counter()
    docs = []
    for _, row in dev.iterrows():
        speaker = "USA" if row["kind"].startswith("post") else None
        docs.append(scorer.score(row["text"], speaker=speaker, date=row["date"]))
    elapsed = time.perf_counter() - t0
    base_pol = {b.name: [b.polarity(t) for t in dev["text"]] for b in baselines}

    for dyad in DYADS:
        gold = [gold_class(v) for v in dev[dyad]]
        gold_num = [0.0 if v == "NA" else float(v) for v in dev[dyad]]
        pred, pred_num = [], []
        for d in docs:
            s = d.dyads[dyad]
            pred.append(sign_class(s.tension) if s.relevant else "NA")
            pred_num.append(s.tension if s.relevant else 0.0)
        results.setdefault("tension", {})[dyad] = metrics(gold, pred, gold_num, pred_num)
        classes["gold"][dyad] = gold
        classes.setdefault("tension", {})[dyad] = pred
        for i, (g, p) in enumerate(zip(gold, pred)):
            if g != p:
                errors.append({"id": dev["id"][i], "dyad": dyad, "gold": dev[dyad][i], "pred": p,
                               "tension": round(pred_num[i], 1), "text": dev["text"][i][:200]})
        for b in baselines:
            bp, bn = [], []
            for text, pol in zip(dev["text"], base_pol[b.name]):
                if COUNTRY_RE[dyad].search(text):
                    bp.append(sign_class(-pol, 0.05))
                    bn.append(-pol)
                else:
                    bp.append("NA")
                    bn.append(0.0)
            results.setdefault(b.name, {})[dyad] = metrics(gold, bp, gold_num, bn)
            classes.setdefault(b.name, {})[dyad] = bp

    print(f"dev items: {len(dev)}; tension scored them in {elapsed:.2f}s; lexicon {scorer.lexicon.version}")
    header = f"{'method':<10} {'dyad':<9} {'macroF1':>8} {'relF1':>7} {'dirF1':>7} {'spearman':>9}"
    print(header)
    for method, per in results.items():
        for dyad, m in per.items():
            print(f"{method:<10} {dyad:<9} {m['macro_f1']:8.3f} {m['relevance_f1']:7.3f} "
                  f"{m['direction_f1']:7.3f} {m['spearman']:9.3f}")
        mean = np.mean([per[d]["macro_f1"] for d in DYADS])
        print(f"{method:<10} {'mean':<9} {mean:8.3f}")
    spread = uncertainty(classes)
    for method, (lo, hi) in spread["interval"].items():
        print(f"{method:<10} mean macro-F1, 95% bootstrap interval over the items: {lo:.3f} to {hi:.3f}")
    print(f"tension: one item left out moves the mean by up to {spread['one_item']:.3f} "
          f"(smallest class: {spread['smallest_class']})")
    overlaps = golden_overlaps(list(dev["text"]))
    print(f"golden cases sharing six words in a row with a dev item: {len(overlaps)}"
          + (f" ({', '.join(overlaps)}): rewrite them in the project's own words" if overlaps else ""))
    if args.errors:
        pd.DataFrame(errors).to_csv(args.errors, index=False)
    if args.json:
        Path(args.json).write_text(json.dumps({**results, "uncertainty": spread}, indent=2))


if __name__ == "__main__":
    main()
