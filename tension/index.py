"""The tension index over time: per period and dyad, normalized by the number of documents.

For each period (day, week, month...) and dyad:

``n_docs``        dated documents in the period (all of them, relevant or not)
``n_relevant``    documents relevant to the dyad; ``attention`` = n_relevant / n_docs
``escalation``, ``deescalation``, ``threat``, ``act``
                  sums over the period's documents divided by ``n_docs`` (as the GPR and EPU indices
                  divide by the article count, so a busy news day is not tense by volume alone)
``net``           escalation - deescalation
``mean_tension``  mean document tension over the relevant documents
``index``         100 + 100 * (net - base mean of net) / base mean of (escalation + deescalation):
                  100 is the base period's average; +100 is one average period's worth of gross signal more
                  escalatory than that
``zscore``        (net - base mean of net) / base standard deviation of net
``ci_low``, ``ci_high``
                  a bootstrap interval for ``net`` (documents resampled within the period)

A period without documents is missing (NaN), never zero. With ``by_source`` each source's series is
divided by its own standard deviation over the base period before sources are averaged (the EPU recipe).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .errors import InputError

__all__ = ["build_index", "INDEX_COLUMNS"]

RATE_FIELDS = ("escalation", "deescalation", "threat", "act")
INDEX_COLUMNS = ["period", "dyad", "n_docs", "n_relevant", "attention", "escalation", "deescalation", "net",
                 "threat", "act", "mean_tension", "index", "zscore", "ci_low", "ci_high"]
_FREQ_ALIASES = {"D": "D", "W": "W-SUN", "M": "M", "Q": "Q", "Y": "Y", "A": "Y"}


def _dyads_in(scores: pd.DataFrame) -> list[str]:
    return [c[: -len("_relevant")] for c in scores.columns if c.endswith("_relevant")]


def _parse_base(base: str | tuple[str, str] | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    if base is None or base == "":
        return None
    if isinstance(base, str):
        if ":" not in base:
            raise InputError(f"base={base!r} is not a range; write START:END, e.g. 2018-01-01:2019-12-31.")
        lo, hi = base.split(":", 1)
    else:
        lo, hi = base
    try:
        return pd.Timestamp(lo), pd.Timestamp(hi)
    except ValueError:
        raise InputError(f"base={base!r} has a date that does not parse; write YYYY-MM-DD:YYYY-MM-DD.") from None


def _period_freq(freq: str) -> str:
    f = str(freq).upper()
    if f not in _FREQ_ALIASES:
        raise InputError(f"freq={freq!r} is not supported; use D (day), W (week, starting Monday), M (month), "
                         "Q (quarter) or Y (year).")
    return _FREQ_ALIASES[f]


@dataclass
class _Prepared:
    frame: pd.DataFrame
    dropped: int


def _prepare(scores: pd.DataFrame, freq: str) -> _Prepared:
    if "date" not in scores.columns:
        raise InputError("the scores have no 'date' column; score a file with a date column (--date-col).")
    df = scores.copy()
    status = df["status"].astype(str) if "status" in df.columns else pd.Series("ok", index=df.index)
    dates = pd.to_datetime(df["date"].astype(str).str.slice(0, 10), errors="coerce", format="%Y-%m-%d")
    keep = dates.notna() & ~status.isin(["failed", "bad_date"])
    df = df.loc[keep].copy()
    df["_period"] = dates[keep].dt.to_period(_period_freq(freq))
    for d in _dyads_in(scores):
        rel = df[f"{d}_relevant"]
        df[f"{d}_relevant"] = rel if rel.dtype == bool else rel.astype(str).str.lower().isin(["true", "1"])
        for f in (*RATE_FIELDS, "tension"):
            df[f"{d}_{f}"] = pd.to_numeric(df[f"{d}_{f}"], errors="coerce").fillna(0.0)
    if "source" not in df.columns:
        df["source"] = ""
    df["source"] = df["source"].fillna("").astype(str)
    return _Prepared(df, int((~keep).sum()))


def _bootstrap(values: np.ndarray, weights: np.ndarray, groups: np.ndarray, n_groups: int, ci: float, n_boot: int,
               rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Per group, a percentile interval of the weighted mean under resampling of its documents."""
    lo = np.full(n_groups, np.nan)
    hi = np.full(n_groups, np.nan)
    order = np.argsort(groups, kind="stable")
    g_sorted = groups[order]
    bounds = np.searchsorted(g_sorted, np.arange(n_groups + 1))
    alpha = (1 - ci) / 2
    for g in range(n_groups):
        idx = order[bounds[g]:bounds[g + 1]]
        n = len(idx)
        if n == 0:
            continue
        v, w = values[idx], weights[idx]
        if n == 1:
            lo[g] = hi[g] = v[0]
            continue
        # resample in blocks so a period of many documents does not allocate n_boot * n at once
        stats = np.empty(n_boot)
        step = max(1, 2_000_000 // n)
        for s in range(0, n_boot, step):
            k = min(step, n_boot - s)
            draw = rng.integers(0, n, size=(k, n))
            ww = w[draw]
            stats[s:s + k] = (v[draw] * ww).sum(axis=1) / ww.sum(axis=1)
        lo[g], hi[g] = np.quantile(stats, [alpha, 1 - alpha])
    return lo, hi


def build_index(scores: pd.DataFrame | str, freq: str = "D", base: str | tuple[str, str] | None = None,
                ci: float = 0.9, by_source: bool = False, smooth: str | None = None, wide: bool = False,
                n_boot: int = 200, seed: int = 0, dyads: Sequence[str] | None = None,
                ci_method: str = "bootstrap") -> pd.DataFrame:
    """Aggregate a score table (from :func:`tension.score_frame` or ``tension score``) into an index.

    Parameters
    ----------
    scores : DataFrame or str
        The score table, or the path of a file holding it.
    freq : {"D", "W", "M", "Q", "Y"}
        Period length (weeks start on Monday).
    base : "START:END", optional
        Base period for ``index`` and ``zscore``; default: the whole span.
    ci : float
        Coverage of the bootstrap interval for ``net`` (0 disables it).
    by_source : bool
        Standardize each source's series before averaging sources (the EPU recipe).
    smooth : str, optional
        A trailing window such as "7D" or "30D": rates are pooled over the window (sums over documents
        divided by the documents in the window); the interval is smoothed the same way.
    wide : bool
        One row per period with ``{dyad}_{column}`` columns instead of the tidy long format.
    n_boot, seed : int
        Bootstrap replicates and random seed (results are reproducible for a given seed).
    ci_method : {"bootstrap", "normal"}
        How the interval is made: resampling documents, or the normal approximation from per-period sums
        (what a Dask cluster computes, since it never gathers the documents).

    Examples
    --------
    >>> import pandas as pd
    >>> from tension import score_frame
    >>> docs = pd.DataFrame({"date": ["2019-05-05", "2019-05-05", "2019-05-07"],
    ...                      "text": ["Trump raised tariffs on China.", "Markets were calm.",
    ...                               "The U.S. and China resumed trade talks."]})
    >>> idx = build_index(score_frame(docs), freq="D", ci=0)
    >>> idx[idx.dyad == "us_china"][["period", "n_docs", "n_relevant", "attention"]].to_string(index=False)
    '    period  n_docs  n_relevant  attention\\n2019-05-05     2.0         1.0        0.5\\n2019-05-06     0.0         0.0        NaN\\n2019-05-07     1.0         1.0        1.0'
    """
    if type(scores).__module__.startswith("dask"):
        from .dask import build_index_dask

        return build_index_dask(scores, freq=freq, base=base, ci=ci, smooth=smooth, wide=wide, dyads=dyads,
                                by_source=by_source)
    if isinstance(scores, str):
        from .io import read_frame

        scores = read_frame(scores)
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(f"scores must be a DataFrame, a dask DataFrame or a path, got {type(scores).__name__}.")
    _check_ci(ci, ci_method)
    dyads = _check_dyads(_dyads_in(scores), dyads)
    prep = _prepare(scores, freq)
    df = prep.frame
    if df.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    pfreq = _period_freq(freq)
    periods = pd.period_range(df["_period"].min(), df["_period"].max(), freq=pfreq)
    in_base = _in_base(periods, base)
    codes = pd.Index(periods).get_indexer(pd.Index(df["_period"]))
    rng = np.random.default_rng(seed)
    n_docs = np.bincount(codes, minlength=len(periods)).astype(float)
    out = []
    for d in dyads:
        rel = df[f"{d}_relevant"].to_numpy(dtype=bool)
        vals = {f: df[f"{d}_{f}"].to_numpy(dtype=float) for f in RATE_FIELDS}
        net_doc = vals["escalation"] - vals["deescalation"]
        weight = np.ones(len(df))
        if by_source:
            scale = _source_scale(df, net_doc, codes, in_base)
            for f in RATE_FIELDS:
                vals[f] = vals[f] / scale
            net_doc = net_doc / scale
            weight = _source_weights(df, codes)
        sums = {f: np.bincount(codes, weights=vals[f] * weight, minlength=len(periods)) for f in RATE_FIELDS}
        frame = pd.DataFrame({
            "period": periods.start_time, "n_docs": n_docs,
            "n_relevant": np.bincount(codes, weights=rel.astype(float), minlength=len(periods)),
            "_w": np.bincount(codes, weights=weight, minlength=len(periods)),
            **{f"_s_{f}": sums[f] for f in RATE_FIELDS},
            "_tens": np.bincount(codes, weights=np.where(rel, df[f"{d}_tension"].to_numpy(float), 0.0),
                                 minlength=len(periods)),
            "_net2": np.bincount(codes, weights=weight * net_doc ** 2, minlength=len(periods)),
        })
        if ci > 0 and ci_method == "bootstrap":
            frame["ci_low"], frame["ci_high"] = _bootstrap(net_doc, weight, codes, len(periods), ci, n_boot, rng)
        out.append(_finish(frame, d, in_base, smooth, ci, ci_method))
    return _result(out, prep.dropped, freq, base, by_source, smooth, ci, ci_method, wide)


def _check_ci(ci: float, ci_method: str) -> None:
    if not 0 <= ci < 1:
        raise InputError(f"ci={ci!r} must be in [0, 1); 0.9 gives a 90% interval, 0 disables it.")
    if ci_method not in ("bootstrap", "normal"):
        raise InputError(f"ci_method={ci_method!r} is unknown; use 'bootstrap' or 'normal'.")


def _check_dyads(all_dyads: list[str], dyads: Sequence[str] | None) -> list[str]:
    if not all_dyads:
        raise InputError("the scores have no '{dyad}_relevant' columns; pass the output of tension score.")
    chosen = list(dyads) if dyads else all_dyads
    unknown = [d for d in chosen if d not in all_dyads]
    if unknown:
        raise InputError(f"dyad {unknown[0]!r} is not in the scores; they hold {', '.join(all_dyads)}.")
    return chosen


def _in_base(periods: pd.PeriodIndex, base: str | tuple[str, str] | None) -> np.ndarray:
    base_range = _parse_base(base)
    starts = periods.start_time
    if base_range is None:
        return np.ones(len(periods), dtype=bool)
    in_base = np.asarray((starts >= base_range[0]) & (starts <= base_range[1]))
    if not in_base.any():
        raise InputError(f"base {base!r} holds no period of the data ({starts[0].date()} to "
                         f"{starts[-1].date()}); pick a range inside it.")
    return in_base


def partial_sums(prepared: pd.DataFrame, dyads: Sequence[str]) -> pd.DataFrame:
    """Per (dyad, period) sums over a block of documents: what a cluster reduces before the index is made.

    ``prepared`` is a score table that went through :func:`_prepare` (it has a ``_period`` column).
    """
    rows = []
    g = prepared.groupby("_period", sort=False)
    for d in dyads:
        net = prepared[f"{d}_escalation"] - prepared[f"{d}_deescalation"]
        part = pd.DataFrame({
            "n_docs": g.size(),
            "n_relevant": g[f"{d}_relevant"].sum().astype(float),
            **{f"_s_{f}": g[f"{d}_{f}"].sum() for f in RATE_FIELDS},
            "_tens": prepared[f"{d}_tension"].where(prepared[f"{d}_relevant"], 0.0).groupby(prepared["_period"]).sum(),
            "_net2": (net ** 2).groupby(prepared["_period"]).sum(),
        })
        part["_w"] = part["n_docs"].astype(float)
        part["dyad"] = d
        rows.append(part.rename_axis("_period").reset_index())
    if not rows:
        return pd.DataFrame()
    return pd.concat(rows, ignore_index=True)


def index_from_partials(partials: pd.DataFrame, dyads: Sequence[str], freq: str, base: Any = None, ci: float = 0.9,
                        smooth: str | None = None, wide: bool = False, dropped: int = 0) -> pd.DataFrame:
    """Finish an index from :func:`partial_sums` (summed over blocks); intervals are normal approximations."""
    _check_ci(ci, "normal")
    if partials.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    sums = partials.groupby(["dyad", "_period"]).sum(numeric_only=True)
    pfreq = _period_freq(freq)
    all_p = sums.index.get_level_values("_period")
    periods = pd.period_range(all_p.min(), all_p.max(), freq=pfreq)
    in_base = _in_base(periods, base)
    out = []
    for d in dyads:
        part = sums.xs(d, level="dyad").reindex(periods, fill_value=0.0)
        frame = pd.DataFrame({"period": periods.start_time, **{c: part[c].to_numpy(dtype=float)
                                                               for c in ["n_docs", "n_relevant", "_w", "_tens", "_net2",
                                                                         *[f"_s_{f}" for f in RATE_FIELDS]]}})
        out.append(_finish(frame, d, in_base, smooth, ci, "normal"))
    return _result(out, dropped, freq, base, False, smooth, ci, "normal", wide)


def _finish(frame: pd.DataFrame, dyad: str, in_base: np.ndarray, smooth: str | None, ci: float,
            ci_method: str) -> pd.DataFrame:
    if "ci_low" not in frame:
        frame["ci_low"] = np.nan
        frame["ci_high"] = np.nan
    if smooth:
        frame = _smooth(frame, smooth)
    with np.errstate(invalid="ignore", divide="ignore"):
        has = (frame["n_docs"] > 0).to_numpy()
        for f in RATE_FIELDS:
            frame[f] = np.where(has, frame[f"_s_{f}"] / frame["_w"], np.nan)
        frame["attention"] = np.where(has, frame["n_relevant"] / frame["n_docs"], np.nan)
        frame["net"] = frame["escalation"] - frame["deescalation"]
        frame["mean_tension"] = np.where(frame["n_relevant"] > 0, frame["_tens"] / frame["n_relevant"], np.nan)
        if ci > 0 and ci_method == "normal":
            from scipy.stats import norm

            n = frame["_w"].to_numpy(float)
            var = (frame["_net2"] - n * frame["net"] ** 2) / (n - 1)
            se = np.sqrt(np.clip(var, 0, None) / n)
            z = norm.ppf(0.5 + ci / 2)
            frame["ci_low"] = np.where(n > 1, frame["net"] - z * se, frame["net"])
            frame["ci_high"] = np.where(n > 1, frame["net"] + z * se, frame["net"])
        b = frame.loc[in_base & has]
        base_net = b["net"].mean()
        base_gross = (b["escalation"] + b["deescalation"]).mean()
        sd = b["net"].std(ddof=1) if len(b) > 1 else np.nan
        frame["index"] = 100 + 100 * (frame["net"] - base_net) / base_gross if base_gross and base_gross > 0 \
            else np.nan
        frame["zscore"] = (frame["net"] - base_net) / sd if sd and sd > 0 else np.nan
        frame.loc[~has, ["ci_low", "ci_high"]] = np.nan
    frame["dyad"] = dyad
    return frame


def _result(frames: list[pd.DataFrame], dropped: int, freq: str, base: Any, by_source: bool, smooth: str | None,
            ci: float, ci_method: str, wide: bool) -> pd.DataFrame:
    result = pd.concat(frames, ignore_index=True)
    result["period"] = result["period"].dt.strftime("%Y-%m-%d")
    result = result[INDEX_COLUMNS]
    result.attrs.update({"freq": freq, "dropped_rows": dropped, "base": base or "whole span",
                         "by_source": by_source, "smooth": smooth or "", "ci": ci, "ci_method": ci_method})
    if wide:
        return _to_wide(result)
    return result


def _source_scale(df: pd.DataFrame, net_doc: np.ndarray, codes: np.ndarray, in_base: np.ndarray) -> np.ndarray:
    """Per document, the standard deviation of its source's per-period net over the base period."""
    frame = pd.DataFrame({"source": df["source"].to_numpy(), "p": codes, "net": net_doc})
    per = frame.groupby(["source", "p"])["net"].mean().reset_index()
    per = per[in_base[per["p"].to_numpy()]]
    sd = per.groupby("source")["net"].std(ddof=1)
    sd = sd.where(sd > 0).fillna(1.0)
    return frame["source"].map(sd).fillna(1.0).to_numpy(dtype=float)


def _source_weights(df: pd.DataFrame, codes: np.ndarray) -> np.ndarray:
    """Weights that make a period's value the mean over sources of each source's document mean."""
    frame = pd.DataFrame({"source": df["source"].to_numpy(), "p": codes})
    n_sp = frame.groupby(["p", "source"])["source"].transform("size").to_numpy(dtype=float)
    n_s = frame.groupby("p")["source"].transform("nunique").to_numpy(dtype=float)
    # scaled so the weights of a period sum to its number of documents
    n_p = frame.groupby("p")["p"].transform("size").to_numpy(dtype=float)
    return n_p / (n_s * n_sp)


def _smooth(frame: pd.DataFrame, window: str) -> pd.DataFrame:
    try:
        pd.Timedelta(window)
    except ValueError:
        raise InputError(f"smooth={window!r} is not a window; write e.g. 7D or 30D.") from None
    f = frame.set_index("period")
    cols = ["n_docs", "n_relevant", "_w", *[f"_s_{x}" for x in RATE_FIELDS], "_tens", "_net2"]
    rolled = f[cols].rolling(window, min_periods=1).sum()
    weights = f["n_docs"].where(f["n_docs"] > 0)
    for c in ("ci_low", "ci_high"):
        rolled[c] = (f[c] * weights).rolling(window, min_periods=1).sum() / weights.rolling(window, min_periods=1).sum()
    # a period with no documents stays missing even inside a window that has some
    empty = f["n_docs"] == 0
    rolled.loc[empty, cols] = 0.0
    return rolled.reset_index()


def _to_wide(long: pd.DataFrame) -> pd.DataFrame:
    values = [c for c in INDEX_COLUMNS if c not in ("period", "dyad", "n_docs")]
    wide = long.pivot(index="period", columns="dyad", values=values)
    pairs = wide.columns
    assert isinstance(pairs, pd.MultiIndex)  # (several values pivoted: the columns are (value, dyad) pairs)
    wide.columns = [f"{d}_{v}" for v, d in pairs]
    n_docs = long.groupby("period")["n_docs"].first()
    wide.insert(0, "n_docs", n_docs)
    ordered = ["n_docs"] + [f"{d}_{v}" for d in long["dyad"].unique() for v in values]
    return wide[ordered].reset_index()
