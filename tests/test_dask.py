"""The Dask engine gives the same scores and index as one process (on a real two-process LocalCluster)."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.dataframe as dd  # noqa: E402

import tension  # noqa: E402
from tension.dask import score_dask  # noqa: E402
from tension.pipeline_cli import sample_path  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return pd.read_csv(sample_path(), dtype=str, keep_default_na=False)


def test_scores_and_index_equal_single_process(client, articles):
    cfg = tension.Config(tone=False)
    lazy = score_dask(dd.from_pandas(articles, npartitions=5), config=cfg)
    got = lazy.compute().reset_index(drop=True)
    ref = tension.score_frame(articles, scorer=tension.Scorer(config=cfg)).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, ref)
    for freq in ("W", "M"):
        a = tension.build_index(lazy, freq=freq, ci=0.9)
        b = tension.build_index(ref, freq=freq, ci=0.9, ci_method="normal")
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


def test_ids_without_an_id_column_are_unique(client, articles):
    no_id = articles.drop(columns=["id"])
    got = score_dask(dd.from_pandas(no_id, npartitions=3), config=tension.Config(tone=False)).compute()
    assert got["id"].is_unique and got["id"].iloc[0].startswith("p0-")


def test_by_source_is_refused(client, articles):
    lazy = score_dask(dd.from_pandas(articles, npartitions=2), config=tension.Config(tone=False))
    with pytest.raises(tension.InputError, match="by_source"):
        tension.build_index(lazy, by_source=True)


def test_cli_engine_dask(tmp_path, articles):
    from tension.cli import main

    for k in range(3):
        articles.iloc[k * 100:(k + 1) * 100].to_csv(tmp_path / f"part{k}.csv", index=False)
    out = tmp_path / "scores.csv"
    assert main(["score", str(tmp_path / "part*.csv"), "-o", str(out), "--engine", "dask", "--jobs", "2",
                 "--no-tone"]) == 0
    got = pd.read_csv(out, dtype={"id": str})
    assert len(got) == 300 and set(got["id"]) == set(articles["id"].iloc[:300])
