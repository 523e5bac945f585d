"""Scoring and indexing on a Dask cluster (the ``dask`` extra).

>>> import dask.dataframe as dd                                            # doctest: +SKIP
>>> from tension.dask import score_dask
>>> scores = score_dask(dd.read_csv("articles-*.csv", dtype=str), text="text", date="date", id="id")  # doctest: +SKIP
>>> index = tension.build_index(scores, freq="W")      # reduced on the cluster  # doctest: +SKIP

Each worker process builds the scorer once (it is cached in the process, keyed by the lexicon folder and
the settings) instead of receiving it with every task; only the lexicon path and the small frozen
:class:`~tension.config.Config` travel with the task graph. The index is made from per-period partial
sums reduced on the cluster, so the documents never travel to the client; its interval is therefore the
normal approximation (``ci_method="normal"`` in :func:`tension.build_index`).
"""

from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from .config import Config
from .errors import InputError
from .index import _check_dyads, _prepare, index_from_partials, partial_sums
from .pipeline import score_frame
from .scoring import Scorer

__all__ = ["score_dask", "build_index_dask", "score_files_dask"]

_SCORERS: dict[tuple[str, Config], Scorer] = {}


def _worker_scorer(lexicon_dir: str, config: Config) -> Scorer:
    key = (lexicon_dir, config)
    scorer = _SCORERS.get(key)
    if scorer is None:
        scorer = _SCORERS[key] = Scorer(lexicon_dir=lexicon_dir, config=config)
    return scorer


def _dd():  # noqa: ANN202
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - depends on the extra
        raise InputError("the Dask engine needs dask: pip install 'tension[dask]'.") from None
    return dd


def _score_partition(pdf: pd.DataFrame, lexicon_dir: str, config: Config, kwargs: dict[str, Any],
                     partition_info: dict[str, Any] | None = None) -> pd.DataFrame:
    scorer = _worker_scorer(lexicon_dir, config)
    out = score_frame(pdf, scorer=scorer, **kwargs)
    assert isinstance(out, pd.DataFrame)  # (kwargs never ask for the hits: one table)
    if kwargs.get("id") is None and not _has_id(pdf) and partition_info is not None:
        # row numbers restart in every partition: prefix them with the partition number
        out["id"] = f"p{partition_info['number']}-" + out["id"].astype(str)
    return out


def _has_id(pdf: pd.DataFrame) -> bool:
    from .io import ID_NAMES

    return any(c.lower().strip() in ID_NAMES for c in map(str, pdf.columns))


def score_dask(ddf: Any, text: str | Sequence[str] | None = None, date: str | None = None,
               speaker: str | None = None, id: str | None = None, source: str | None = None,
               speaker_col: str | None = None, lexicon_dir: str | None = None,
               config: Config | None = None) -> Any:
    """Score every row of a Dask DataFrame, lazily; returns a Dask DataFrame with the score schema.

    Same arguments as :func:`tension.score_frame`. Without an id column, ids are ``p{partition}-{row}``.
    """
    _dd()
    scorer = Scorer(lexicon_dir=lexicon_dir, config=config)  # validates the lexicon and the speaker here
    if speaker is not None and speaker not in ddf.columns:
        scorer.resolve_speaker(speaker)
    meta = score_frame(ddf._meta.head(0) if hasattr(ddf, "_meta") else pd.DataFrame(columns=ddf.columns),
                       text=text, date=date, speaker=speaker, id=id, source=source, speaker_col=speaker_col,
                       scorer=scorer)
    assert isinstance(meta, pd.DataFrame)  # (without hits=True score_frame returns one table)
    meta = meta.astype({c: "object" for c in meta.columns if meta[c].dtype == "object"})
    kwargs = {"text": text, "date": date, "speaker": speaker, "id": id, "source": source,
              "speaker_col": speaker_col}
    return ddf.map_partitions(_score_partition, scorer.lexicon.path, scorer.config, kwargs, meta=meta,
                              align_dataframes=False)


def _partials_partition(pdf: pd.DataFrame, freq: str, dyads: list[str]) -> pd.DataFrame:
    prep = _prepare(pdf, freq)
    part = partial_sums(prep.frame, dyads)
    if part.empty:
        part = _empty_partials()
    part = part.copy()
    part["_period"] = part["_period"].astype(str)
    part["_dropped"] = float(prep.dropped)
    return part


def _empty_partials() -> pd.DataFrame:
    cols = ["_period", "n_docs", "n_relevant", "_s_escalation", "_s_deescalation", "_s_threat", "_s_act", "_tens",
            "_net2", "_w", "dyad"]
    return pd.DataFrame({c: pd.Series(dtype="object" if c in ("_period", "dyad") else "float64") for c in cols})


def build_index_dask(scores: Any, freq: str = "D", base: Any = None, ci: float = 0.9, smooth: str | None = None,
                     wide: bool = False, dyads: Sequence[str] | None = None, by_source: bool = False) -> pd.DataFrame:
    """The index of a Dask score table: per-period partial sums are reduced on the cluster."""
    if by_source:
        raise InputError("by_source is not available on a Dask score table; compute it on a pandas table, or "
                         "index per source and combine.")
    chosen = _check_dyads([c[: -len("_relevant")] for c in scores.columns if c.endswith("_relevant")], dyads)
    meta = _empty_partials().assign(_dropped=pd.Series(dtype="float64"))
    partials = scores.map_partitions(_partials_partition, freq, chosen, meta=meta).compute()
    dropped = int(partials.groupby(level=0)["_dropped"].first().sum()) if len(partials) else 0
    partials = partials.drop(columns=["_dropped"])
    from .index import _period_freq

    partials["_period"] = pd.PeriodIndex(partials["_period"], freq=_period_freq(freq))
    return index_from_partials(partials, chosen, freq, base=base, ci=ci, smooth=smooth, wide=wide, dropped=dropped)


def score_files_dask(pattern: str, output: str, scheduler: str | None = None, jobs: int = 2,
                     blocksize: str = "64MB", **kwargs: Any) -> dict[str, Any]:
    """``tension score 'data/*.csv' --engine dask``: read the files as a Dask DataFrame, score, write one file.

    ``scheduler`` is a ``tcp://HOST:8786`` address, or None for a local cluster of ``jobs`` processes.
    """
    dd = _dd()
    from distributed import Client, LocalCluster

    from .io import write_frame

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    try:
        ddf = dd.read_csv(pattern, dtype=str, keep_default_na=False, blocksize=blocksize, encoding="utf-8",
                          encoding_errors="replace")
        scores = score_dask(ddf, **kwargs)
        result = scores.compute()
        write_frame(result.reset_index(drop=True), output)
        return {"rows_written": int(len(result)), "partitions": int(ddf.npartitions),
                "workers": len(client.scheduler_info().get("workers", {}))}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
