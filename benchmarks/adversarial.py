"""Adversarial inputs: does ``Scorer.score`` (tone off) stay linear in the input size, and stay correct?

For each kind of hostile input (runs of negators, one huge token, deep or unclosed HTML, control characters,
zero-width and bidirectional marks inside names, mathematical bold and full-width look-alikes, mixed scripts,
a real article repeated, one endless sentence) the text is built at growing sizes, each a factor 4 apart,
and ``score`` is timed (best of 2; a single run when one takes longer than ``--single-above`` seconds). The
table gives the size (UTF-8 MB), seconds, MB/s and the growth ratio time(size) / time(previous size):
linear scaling reads about 4 (about 2.5 for the 10 MB row, which compares with 4 MB). A ratio above 6 for a x4 step
(1.5 times the linear ratio) is flagged SUPERLINEAR, when the smaller run took at least 20 ms (below
that timings are noise).

How sizes are chosen: every kind climbs a ladder 4 KB, 16 KB, 64 KB, ... up to its target sizes (1 MB and
4 MB, and 10 MB for the negator run and the repeated article). Before each step the time is predicted from
the last two steps; a step predicted to take longer than ``--cap`` seconds is not run (the kind is then
reported at the largest sizes reached, and flagged). Every run happens in a forked child with a timeout,
so a crash or a hang is reported and the script goes on.

Before timing, small versions are checked for correctness: "Chi\\u200bna", mathematical bold and full-width
"China" are recognized, and so on.

Usage: python benchmarks/adversarial.py [--markdown] [--cap SECONDS] [--budget SECONDS] [--only KIND ...]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import tension
import tension.text
from tension.cues import _phrase_forms

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d113c72b39d588f2.txt"
KB = 1_000
MB = 1_000_000


def _rep(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


BOLD_CHINA = "\U0001d5d6\U0001d5f5\U0001d5f6\U0001d5fb\U0001d5ee"  # mathematical sans-serif bold "China"
FULLWIDTH_CHINA = "\uff23\uff48\uff49\uff4e\uff41"  # "Ｃｈｉｎａ"
CYRILLIC_CHINA = "\u0421hin\u0430"  # Cyrillic "С" and "а": NFKC leaves these alone (not expected to match)


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _seed_no_punct() -> str:
    # a transcript without punctuation or line breaks (automatic captions): one sentence however long
    text = _seed()
    for ch in ".!?\n\u2026":
        text = text.replace(ch, " ")
    return text + " "


def _nested(n: int) -> str:
    core = "The U.S. imposed tariffs on China."
    k = max(0, (n - len(core)) // 11)
    return "<div>" * k + core + "</div>" * k


KINDS: dict[str, tuple[str, Callable[[int], str], tuple[int, ...]]] = {
    # name: (what it is, builder(number of characters), target sizes in characters)
    "not_run": ('"not not not ..."', lambda n: _rep("not ", n), (1 * MB, 4 * MB, 10 * MB)),
    "not_cue_sentence": ('"not tariffs China " repeated: negators and cues, no sentence end',
                         lambda n: _rep("not tariffs China ", n), (1 * MB, 4 * MB)),
    "one_token_a": ('"a" * N: a single token', lambda n: "a" * n, (1 * MB, 4 * MB)),
    "one_token_letters": ("a run of letters without spaces (cue and name words glued)",
                          lambda n: _rep("chinatariffsnotkimjongunsanctions", n), (1 * MB, 4 * MB)),
    "html_nested": ('"<div>"*N + sentence + "</div>"*N', _nested, (1 * MB, 4 * MB)),
    "html_unclosed_attr": ("\"<div class='x' \" repeated (no \">\")",
                           lambda n: _rep("<div class='x' ", n), (1 * MB, 4 * MB)),
    "html_lt_run": ('"<" * N', lambda n: "<" * n, (1 * MB, 4 * MB)),
    "html_unclosed_script": ('"<script>" repeated, never closed', lambda n: _rep("<script>", n), (1 * MB, 4 * MB)),
    "control_chars": ("news text with NUL, BEL, ESC, DEL inside",
                      lambda n: _rep("The U.S.\x00 imposed\x07 tariffs\x1b on Ch\x7fina.\x0c Beijing\x01 vowed "
                                     "to retaliate.\x00 ", n), (1 * MB, 4 * MB)),
    "zero_width_bidi": ("zero-width and bidi marks inside names",
                        lambda n: _rep("The U.S. imposed tariffs on Chi\u200bna. \u202eKim\u202c Jong\u200d Un "
                                       "fired a missile at Wash\u00adington. \u2066Beijing\u2069 and "
                                       "\ufeffU.S. resumed talks. ", n), (1 * MB, 4 * MB)),
    "lookalikes": ("math bold, full-width and Cyrillic look-alikes of China",
                   lambda n: _rep(f"The U.S. imposed tariffs on {BOLD_CHINA}. {FULLWIDTH_CHINA} vowed to "
                                  f"retaliate. {CYRILLIC_CHINA} condemned the move. ", n), (1 * MB, 4 * MB)),
    "mixed_scripts": ("Chinese, Korean, Cyrillic, Arabic mixed with English news",
                      lambda n: _rep("中国宣布对美国商品加征关税。 The U.S. imposed tariffs on China. "
                                     "북한은 미사일을 발사했다. North Korea fired a missile. Китай ответил "
                                     "пошлинами. Beijing vowed to retaliate. العلاقات متوترة. ", n),
                      (1 * MB, 4 * MB)),
    "seed_repeated": ("the seed article repeated", lambda n: _rep(_seed() + "\n\n", n), (1 * MB, 4 * MB, 10 * MB)),
    "seed_no_punct": ("the seed article without . ! ? or line breaks (a transcript): one endless sentence",
                      lambda n: _rep(_seed_no_punct(), n), (1 * MB, 4 * MB)),
}


# ---------------------------------------------------------------------------------------------------------
# correctness on small versions


def check_small(scorer: tension.Scorer) -> list[str]:
    """Small adversarial texts that must still score right. Returns failure messages (empty: all good);
    hit offsets are checked too, and reported as warnings."""
    cases = [
        ("The U.S. imposed tariffs on Chi\u200bna.", "us_china"),
        (f"The U.S. imposed tariffs on {BOLD_CHINA}.", "us_china"),
        (f"The U.S. imposed tariffs on {FULLWIDTH_CHINA}.", "us_china"),
        ("The U.S. imposed tariffs on \u202eChina\u202c.", "us_china"),
        ("The U.S.\x00 imposed tariffs on Ch\u00adina.", "us_china"),
        ("<b>The U.S.</b> imposed tariffs on <i>China</i>.", "us_china"),
        ("<div>" * 500 + "The U.S. imposed tariffs on China." + "</div>" * 500, "us_china"),
        ("中国 The U.S. imposed tariffs on China. Китай", "us_china"),
        ("\u202eKim Jong Un\u202c fired a ballistic missile toward Japan.", "us_dprk"),
        ("Py\u00adongyang fired a ballistic missile toward Japan.", "us_dprk"),
    ]
    forms: dict[str, set[str]] = {}
    for c in scorer.lexicon.cues:
        forms.setdefault(c.phrase, set()).update(_phrase_forms(c.phrase, c.match == "inflect"))
    problems = []
    for text, dyad in cases:
        try:
            d = scorer.score(text).dyads[dyad]
        except Exception as exc:  # noqa: BLE001
            problems.append(f"FAIL {text[:60]!r}: {type(exc).__name__}: {exc}")
            continue
        if not (d.relevant and d.tension > 0):
            problems.append(f"FAIL {text[:60]!r}: {dyad} relevant={d.relevant} tension={d.tension:.1f}")
            continue
        for h in d.hits:
            if h.text != text[h.start:h.end]:
                problems.append(f"FAIL {text[:60]!r}: hit text {h.text!r} != original[{h.start}:{h.end}]")
            # the span must hold the cue ("imposed tariffs"), not neighbouring characters
            surface = " ".join(tension.text.normalize(h.text).folded.split())
            if not any(f in surface for f in forms.get(h.cue, ())):
                problems.append(f"WARN {text[:60]!r}: hit [{h.start}:{h.end}] {h.text!r} does not hold its cue "
                                f"{h.cue!r} (offset map back to the original is off)")
    # a look-alike NFKC does not fold: recorded, not required
    d = scorer.score(f"The U.S. imposed tariffs on {CYRILLIC_CHINA}.").dyads["us_china"]
    print(f"note: Cyrillic look-alike '{CYRILLIC_CHINA}' recognized as China: {d.relevant} (NFKC does not fold "
          "homoglyphs; not required)")
    return problems


# ---------------------------------------------------------------------------------------------------------
# timing


@dataclass
class Row:
    kind: str
    chars: int
    mbytes: float = 0.0
    seconds: float = math.nan
    runs: int = 0
    hits: int = 0
    ratio: float = math.nan  # time / time of the step before
    size_ratio: float = math.nan
    prev_seconds: float = math.nan
    note: str = ""

    @property
    def mb_per_s(self) -> float:
        return self.mbytes / self.seconds if self.seconds and self.seconds > 0 else math.nan

    @property
    def superlinear(self) -> bool:
        # timings under 20 ms are too noisy to call a trend
        return (self.ratio == self.ratio and self.size_ratio == self.size_ratio and self.prev_seconds >= 0.02
                and self.ratio > 1.5 * self.size_ratio)


_SCORER: tension.Scorer | None = None


def _forget_offset_cache() -> None:
    cache = getattr(tension.text, "_STARTS", None)  # tension.text's id-keyed cache of edit positions
    if cache is not None:
        cache.clear()


def _child(kind: str, n: int, repeats: int, single_above: float, clear: bool, conn) -> None:  # noqa: ANN001
    try:
        if clear:
            _forget_offset_cache()
        text = KINDS[kind][1](n)
        nbytes = len(text.encode("utf-8", errors="surrogatepass"))
        times = []
        hits = 0
        for i in range(repeats):
            t0 = time.perf_counter()
            doc = _SCORER.score(text)
            times.append(time.perf_counter() - t0)
            hits = sum(len(d.hits) for d in doc.dyads.values())
            if times[-1] > single_above:
                break
        conn.send(("ok", min(times), len(times), nbytes, hits))
    except BaseException as exc:  # noqa: BLE001 - a crash is a result here
        conn.send(("crash", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=3)))
    finally:
        conn.close()


def measure(kind: str, n: int, repeats: int, single_above: float, timeout: float,
            clear: bool = False) -> tuple[str, tuple]:
    """Score ``KINDS[kind]`` at ``n`` characters in a forked child; ("ok", (seconds, runs, bytes, hits)),
    ("crash", (message,)) or ("timeout", ()). ``clear``: empty tension's offset cache first."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(kind, n, repeats, single_above, clear, child))
    p.start()
    child.close()
    got = None
    if parent.poll(timeout):
        try:
            got = parent.recv()
        except EOFError:
            got = None
    p.join(5 if got is not None else 0)
    if p.is_alive():
        p.kill()
        p.join()
        if got is None:
            return "timeout", ()
    if got is None:
        return "crash", (f"child died with exit code {p.exitcode}",)
    if got[0] == "ok":
        return "ok", got[1:]
    print(f"--- crash of {kind} at {n} characters:\n{got[2]}", file=sys.stderr)
    return "crash", got[1:2]


def run_kind(kind: str, args: argparse.Namespace, deadline: float) -> list[Row]:
    """Climb the ladder of sizes for one kind; return the rows to report."""
    targets = tuple(max(1, int(t * args.scale)) for t in KINDS[kind][2])
    # 1/256, 1/64, 1/16, 1/4 of the first target (4 KB ... 250 KB for 1 MB), then the targets
    ladder = [max(1, targets[0] // 4 ** k) for k in (4, 3, 2, 1)] + list(targets)
    done: list[Row] = []
    stopped = ""
    for n in ladder:
        repeats = 2
        p = 1.0  # growth exponent seen over the last step (timings under 5 ms are noise)
        if len(done) >= 2 and done[-1].seconds > 0.005 and done[-2].seconds > 0.005:
            a, b = done[-2], done[-1]
            p = max(1.0, math.log(b.seconds / a.seconds) / math.log(b.chars / a.chars))
        predicted = done[-1].seconds * (n / done[-1].chars) ** p if done else 0.0
        remaining = deadline - time.perf_counter()
        if done and predicted > args.cap:
            stopped = f"stopped before {n / MB:g} MB: predicted {predicted:.0f} s (growth exponent {p:.2f})"
            break
        if done and predicted > remaining:
            stopped = f"stopped before {n / MB:g} MB: time budget (predicted {predicted:.0f} s)"
            break
        timeout = max(10.0, 4 * predicted * repeats, args.cap * 2)
        timeout = min(timeout, max(remaining, 10.0))
        status, info = measure(kind, n, repeats, args.single_above, timeout)
        crash_note = ""
        if status == "crash":
            # a crash that depends on what was scored before (tension.text's id-keyed offset cache): note it,
            # then time the same input again from an empty cache
            crash_note = f"CRASH: {info[0]} (retried with the offset cache emptied)"
            status, info = measure(kind, n, repeats, args.single_above, timeout, clear=True)
        if status != "ok":
            row = Row(kind, n, note=("CRASH: " + info[0]) if status == "crash" else f"TIMEOUT after {timeout:.0f} s")
            done.append(row)
            stopped = row.note
            break
        seconds, runs, nbytes, hits = info
        done.append(Row(kind, n, nbytes / MB, seconds, runs, hits, note=crash_note))
    ok = [r for r in done if r.runs]
    # report: the target sizes reached, else the last three steps reached; and any step that crashed
    report = [r for r in ok if r.chars in targets]
    if len(report) < 2:
        report = ok[-3:]
    # growth relative to the step before (x4 on the ladder; x2.5 from 4 MB to 10 MB)
    for r in report:
        prev = max((x for x in ok if x.chars < r.chars), key=lambda x: x.chars, default=None)
        if prev is not None and prev.seconds > 0:
            r.ratio = r.seconds / prev.seconds
            r.size_ratio = r.chars / prev.chars
            r.prev_seconds = prev.seconds
    report += [r for r in done if ("CRASH" in r.note or not r.runs) and r not in report]
    report.sort(key=lambda r: r.chars)
    if stopped and report and stopped != report[-1].note:
        report[-1].note = (report[-1].note + "; " if report[-1].note else "") + stopped
    return report


# ---------------------------------------------------------------------------------------------------------
# output


def _fmt_size(r: Row) -> str:
    return f"{r.mbytes:.3g}" if r.runs else f"~{r.chars / MB:.3g}"


def _cells(r: Row) -> list[str]:
    ratio = f"{r.ratio:.2f} (x{r.size_ratio:.3g})" if r.ratio == r.ratio else "-"
    flag = "SUPERLINEAR" if r.superlinear else ""
    note = "; ".join(x for x in (flag, r.note, "1 run" if r.runs == 1 else "") if x)
    if not r.runs:
        return [r.kind, _fmt_size(r), "-", "-", "-", "-", note]
    return [r.kind, _fmt_size(r), f"{r.seconds:.3f}", f"{r.mb_per_s:.2f}", ratio, str(r.hits), note]


HEAD = ["kind", "size MB", "seconds", "MB/s", "growth t/t_prev (size x)", "hits", "note"]


def print_table(rows: list[Row], markdown: bool) -> None:
    cells = [_cells(r) for r in rows]
    if markdown:
        print("| " + " | ".join(HEAD) + " |")
        print("|" + "|".join("---:" if h in ("size MB", "seconds", "MB/s", "hits") else "---" for h in HEAD) + "|")
        for c in cells:
            print("| " + " | ".join(x.replace("|", "\\|") for x in c) + " |")
        return
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEAD)]
    print("  ".join(h.ljust(w) for h, w in zip(HEAD, widths)))
    for c in cells:
        print("  ".join(x.ljust(w) for x, w in zip(c, widths)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    ap.add_argument("--cap", type=float, default=20.0, help="skip a size predicted to take longer (s)")
    ap.add_argument("--budget", type=float, default=170.0, help="total time budget (s)")
    ap.add_argument("--single-above", type=float, default=4.0, help="one run only when a run takes longer (s)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every target size (e.g. 0.25 for a quick run)")
    ap.add_argument("--only", nargs="*", choices=sorted(KINDS), help="run only these kinds")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    deadline = t_start + args.budget
    global _SCORER
    _SCORER = tension.Scorer(config=tension.Config(tone=False))
    _SCORER.score("The U.S. imposed tariffs on China.")  # build the automaton before forking

    problems = check_small(_SCORER)
    for p in problems:
        print(p)
    failures = [p for p in problems if p.startswith("FAIL")]
    print(f"correctness on small versions: {'OK' if not failures else f'{len(failures)} FAILED'}"
          f"{f' ({len(problems) - len(failures)} warnings)' if len(problems) > len(failures) else ''}")
    print()

    rows: list[Row] = []
    for kind in (args.only or KINDS):
        t0 = time.perf_counter()
        got = run_kind(kind, args, deadline)
        rows += got
        print(f"  {kind}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    print_table(rows, args.markdown)
    print()
    bad = [r for r in rows if r.superlinear]
    crashes = [r for r in rows if not r.runs or "CRASH" in r.note]
    stopped = [r for r in rows if "stopped" in r.note]
    for r in bad:
        print(f"FLAG superlinear: {r.kind} at {r.mbytes:.3g} MB: time x{r.ratio:.1f} for size x{r.size_ratio:.3g}")
    for r in crashes:
        print(f"FLAG crash/timeout: {r.kind} at ~{r.chars / MB:.3g} MB: {r.note.split('; stopped')[0]}")
    for r in stopped:
        if r.runs:
            print(f"FLAG not run at target size: {r.kind}: {r.note}")
    print(f"total {time.perf_counter() - t_start:.0f} s; correctness {'OK' if not failures else 'FAILED'}; "
          f"{len(bad)} superlinear, {len(crashes)} crashed")
    return 1 if failures or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
