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

__all__ = ["score", "Scorer", "Config", "Document", "DyadScore", "Hit", "TensionError", "InputError",
           "LexiconError", "LexiconProblem", "__version__"]
