"""JSON feeds for dashboards: records with ISO dates and no NaN (missing values are null)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from .pipeline import SCHEMA_VERSION as FEED_SCHEMA_VERSION


def _clean(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if hasattr(v, "item"):
        v = v.item()
        if isinstance(v, float) and not math.isfinite(v):
            return None
    return v


def index_records(idx: pd.DataFrame) -> dict[str, Any]:
    """The index as ``{"schema_version", "freq", ..., "records": [...]}`` with nulls for missing values."""
    records = [{k: _clean(v) for k, v in row.items()} for row in idx.to_dict(orient="records")]
    meta: dict[Any, Any] = {k: _clean(v) for k, v in idx.attrs.items()}  # (pandas types the keys Hashable)
    return {"schema_version": FEED_SCHEMA_VERSION, **meta, "records": records}
