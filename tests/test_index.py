"""The index: normalized by documents, missing periods stay missing, base period, bootstrap, sources."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tension import InputError, build_index
from tension.index import INDEX_COLUMNS


def scores(rows):
    """rows: (date, source, relevant, escalation, deescalation[, threat])"""
    out = []
    for i, r in enumerate(rows):
        date, source, rel, esc, de = r[:5]
        threat = r[5] if len(r) > 5 else 0.0
        out.append({"id": str(i), "date": date, "source": source, "status": "ok", "us_china_relevant": rel,
                    "us_china_tension": 100 * (esc - de) / (esc + de + 3) if rel else 0.0,
                    "us_china_escalation": esc, "us_china_deescalation": de, "us_china_threat": threat,
                    "us_china_act": esc - threat})
    return pd.DataFrame(out)


BASIC = scores([
    ("2019-05-01", "A", True, 6.0, 0.0, 2.0),
    ("2019-05-01", "A", False, 0.0, 0.0),
    ("2019-05-01", "B", False, 0.0, 0.0),
    ("2019-05-01", "B", False, 0.0, 0.0),
    ("2019-05-03", "A", True, 0.0, 4.0),
])


def test_columns_and_normalization():
    idx = build_index(BASIC, freq="D", ci=0)
    assert list(idx.columns) == INDEX_COLUMNS
    d1 = idx[idx.period == "2019-05-01"].iloc[0]
    assert d1.n_docs == 4 and d1.n_relevant == 1 and d1.attention == 0.25
    assert d1.escalation == pytest.approx(6 / 4)          # divided by all documents of the day
    assert d1.threat == pytest.approx(2 / 4) and d1.act == pytest.approx(4 / 4)
    assert d1.net == pytest.approx(1.5)


def test_busy_day_is_not_tense_by_volume():
    one = scores([("2019-05-01", "A", True, 6.0, 0.0), ("2019-05-01", "A", False, 0.0, 0.0)])
    many = scores([("2019-05-01", "A", True, 6.0, 0.0), ("2019-05-01", "A", False, 0.0, 0.0)] * 50)
    assert build_index(one, ci=0).net.iloc[0] == pytest.approx(build_index(many, ci=0).net.iloc[0])


def test_missing_period_is_missing_not_zero():
    idx = build_index(BASIC, freq="D", ci=0)
    gap = idx[idx.period == "2019-05-02"].iloc[0]
    assert gap.n_docs == 0 and np.isnan(gap.net) and np.isnan(gap["index"]) and np.isnan(gap.attention)


def test_base_period_has_mean_100_and_zscore_mean_0():
    rows = [(f"2019-05-{d:02d}", "A", True, float(d % 3), float(d % 2)) for d in range(1, 29)]
    idx = build_index(scores(rows), freq="D", ci=0, base="2019-05-01:2019-05-14")
    base = idx[idx.period <= "2019-05-14"]
    assert base["index"].mean() == pytest.approx(100)
    assert base["zscore"].mean() == pytest.approx(0, abs=1e-9)
    assert base["zscore"].std(ddof=1) == pytest.approx(1)


def test_bootstrap_interval_brackets_net_and_is_reproducible():
    rows = [("2019-05-01", "A", True, float(i % 5), float(i % 3)) for i in range(40)]
    a = build_index(scores(rows), ci=0.9, seed=1)
    b = build_index(scores(rows), ci=0.9, seed=1)
    r = a.iloc[0]
    assert r.ci_low <= r.net <= r.ci_high and r.ci_low < r.ci_high
    pd.testing.assert_frame_equal(a, b)


def test_weekly_and_monthly_periods():
    w = build_index(BASIC, freq="W", ci=0)
    assert list(w.period) == ["2019-04-29"]                 # weeks start on Monday
    m = build_index(BASIC, freq="M", ci=0)
    assert list(m.period) == ["2019-05-01"] and m.n_docs.iloc[0] == 5


def test_failed_and_undated_rows_are_left_out():
    df = BASIC.copy()
    df.loc[len(df)] = {**df.iloc[0].to_dict(), "status": "failed"}
    df.loc[len(df)] = {**df.iloc[0].to_dict(), "date": "", "status": "bad_date"}
    idx = build_index(df, ci=0)
    assert idx.n_docs.sum() == 5 and idx.attrs["dropped_rows"] == 2


def test_by_source_standardizes_each_source():
    rows = []
    for d in range(1, 11):
        rows.append((f"2019-05-{d:02d}", "loud", True, 10.0 * (d % 2), 0.0))   # loud source, big swings
        rows.append((f"2019-05-{d:02d}", "quiet", True, 1.0 * (d % 2), 0.0))   # quiet source, same pattern
    plain = build_index(scores(rows), ci=0)
    std = build_index(scores(rows), ci=0, by_source=True)
    # standardized, both sources contribute equally: the pattern survives, the loud source no longer dominates
    assert np.corrcoef(plain.net, std.net)[0, 1] == pytest.approx(1)
    assert std.net.max() < plain.net.max()


def test_smoothing_pools_documents():
    rows = [("2019-05-01", "A", True, 6.0, 0.0), ("2019-05-02", "A", True, 0.0, 0.0),
            ("2019-05-02", "A", True, 0.0, 0.0)]
    idx = build_index(scores(rows), ci=0, smooth="2D")
    assert idx.net.iloc[1] == pytest.approx(6 / 3)


def test_wide():
    wide = build_index(BASIC, ci=0, wide=True)
    assert "us_china_net" in wide.columns and "n_docs" in wide.columns and len(wide) == 3


@pytest.mark.parametrize("kwargs, match", [
    ({"freq": "H"}, "freq='H'"), ({"base": "2019"}, "START:END"), ({"ci": 1.5}, "ci=1.5"),
    ({"base": "2030-01-01:2030-12-31"}, "holds no period"), ({"smooth": "soon"}, "smooth='soon'"),
    ({"dyads": ["us_iran"]}, "us_iran"),
])
def test_bad_options(kwargs, match):
    with pytest.raises(InputError, match=match):
        build_index(BASIC, **kwargs)


def test_no_date_column():
    with pytest.raises(InputError, match="date"):
        build_index(BASIC.drop(columns=["date"]))
