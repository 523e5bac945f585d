"""tension: an explainable US-China and US-North Korea tension index from news text.

>>> import tension
>>> doc = tension.score("Trump threatened to impose 25% tariffs on Chinese goods.")
>>> round(doc.dyads["us_china"].tension) > 0
True
"""

from __future__ import annotations

from .config import Config
from .errors import InputError, LexiconError, LexiconProblem, TensionError
from .scoring import Document, DyadScore, Hit, Scorer, score

__version__ = "0.1.0"

__all__ = ["score", "Scorer", "Config", "Document", "DyadScore", "Hit", "score_frame", "build_index",
           "close_pool", "TensionError", "InputError", "LexiconError", "LexiconProblem", "__version__"]


def score_frame(df, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Score every row of a DataFrame; see :func:`tension.pipeline.score_frame`."""
    from .pipeline import score_frame as _score_frame

    return _score_frame(df, **kwargs)


def close_pool() -> None:
    """End the worker processes that ``jobs > 1`` keeps between runs; see :func:`tension.pipeline.close_pool`."""
    from .pipeline import close_pool as _close_pool

    _close_pool()


def build_index(scores, **kwargs):  # noqa: ANN001, ANN003, ANN201
    """Aggregate a score table into a per-period index; see :func:`tension.index.build_index`."""
    from .index import build_index as _build_index

    return _build_index(scores, **kwargs)


def __getattr__(name: str):  # noqa: ANN202
    if name == "accessor":
        import importlib

        return importlib.import_module(".accessor", __name__)
    raise AttributeError(f"module 'tension' has no attribute {name!r}")


# The pandas accessor is registered when pandas is already loaded, so `import tension` stays light otherwise.
import sys as _sys  # noqa: E402

if "pandas" in _sys.modules:
    from . import accessor as _accessor  # noqa: E402,F401
