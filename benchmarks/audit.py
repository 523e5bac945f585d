"""Accuracy on the audit of real text: corpus items drawn at random and labelled by readers of the codebook.

dev.csv is what the rules were measured on for many sessions; the audit is the check that they carry over to
text nobody tuned them on. Each round draws items from ../shared/corpora (texts that name a side, a measure or
a trade-war word, most of them scored relevant, the rest not), and readers who first studied dev.csv's labels
label both dyads by gold/CODEBOOK.md before any run. benchmarks/audit_labels.csv keeps the labels and each
item's address in the corpus (file:row), not its text, which is read from ../shared here.

A round whose labels were read to find and fix misreadings is "in sample" from then on; a round kept back
("held out": no fix drawn from it) measures the rules on unseen text, as the judges' held-out set would.
Reported per round: the dyad labels the scorer misses (four classes: NA / escalation / neutral /
de-escalation), next to VADER and TextBlob read the same way as in accuracy.py.

Usage: python benchmarks/audit.py [--errors FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import DYADS, gold_class, sign_class
from common import COUNTRY_RE, TextBlobBaseline, Vader, need_shared

import tension

LABELS = Path(__file__).with_name("audit_labels.csv")


def corpus_rows(name: str) -> list[dict[str, str]]:
    with need_shared("corpora", f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", help="write the scorer's misses to this CSV")
    args = ap.parse_args()
    with LABELS.open(encoding="utf-8", newline="") as f:
        labels = list(csv.DictReader(f))
    corpora: dict[str, list[dict[str, str]]] = {}
    scorer = tension.Scorer(config=tension.Config(tone=False))
    baselines: list[Vader | TextBlobBaseline] = [Vader(), TextBlobBaseline()]
    misses: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    counts: dict[str, int] = defaultdict(int)
    held: dict[str, str] = {}
    errors = []
    for row in labels:
        name, _, k = row["id"].rpartition(":")
        if name not in corpora:
            corpora[name] = corpus_rows(name)
        text = corpora[name][int(k)]["text"]
        speaker = "USA" if row["kind"].startswith("post") else None
        doc = scorer.score(text, speaker=speaker, date=row["date"])
        held[row["round"]] = row["held_out"]
        tone = {b.name: sign_class(-b.polarity(text), 0.05) for b in baselines}  # (once a text, for both dyads)
        for dyad in DYADS:
            gold = gold_class(row[dyad])
            s = doc.dyads[dyad]
            named = COUNTRY_RE[dyad].search(text) is not None
            got = {"tension": sign_class(s.tension) if s.relevant else "NA"}
            got.update({name: c if named else "NA" for name, c in tone.items()})
            counts[row["round"]] += 1
            for method, c in got.items():
                misses[method][row["round"]] += c != gold
            if got["tension"] != gold:
                errors.append({"round": row["round"], "id": row["id"], "dyad": dyad, "gold": row[dyad],
                               "pred": got["tension"], "tension": round(s.tension, 1), "text": text[:200]})
    print(f"audit labels: {sum(counts.values())} dyad labels in {len(counts)} rounds; lexicon {scorer.lexicon.version}")
    print(f"{'round':<8} {'held out':<9} {'labels':>6} " + " ".join(f"{m:>9}" for m in misses))
    for r in sorted(counts, key=lambda x: int(x.lstrip("aud"))):
        print(f"{r:<8} {held[r]:<9} {counts[r]:6d} " + " ".join(f"{misses[m][r]:9d}" for m in misses))
    total = sum(counts.values())
    print(f"{'all':<8} {'':<9} {total:6d} " + " ".join(f"{sum(v.values()):9d}" for v in misses.values()))
    kept = [r for r in counts if held[r] == "yes"]
    if kept:
        n = sum(counts[r] for r in kept)
        print(f"{'held out':<8} {'':<9} {n:6d} " + " ".join(f"{sum(v[r] for r in kept):9d}" for v in misses.values()))
    print("misses as a share of the labels: " + ", ".join(
        f"{m} {sum(v.values()) / total:.1%}" for m, v in misses.items()))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(errors[0]) if errors else ["id"])
            w.writeheader()
            w.writerows(errors)


if __name__ == "__main__":
    main()
