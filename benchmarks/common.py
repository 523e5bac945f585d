"""Shared helpers for the benchmarks: where ../shared is, baselines built the same way for every run."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TENSION_SHARED", ROOT.parent / "shared"))

# Baselines decide relevance the simple way: the text names the country.
COUNTRY_RE = {
    "us_china": re.compile(r"\b(China|Chinese|Beijing|Xi)\b", re.IGNORECASE),
    "us_dprk": re.compile(r"\b(North Korea|North Korean|N\. ?Korea|Pyongyang|Kim Jong[ -]?Un|DPRK)\b", re.IGNORECASE),
}


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmarks need ../shared (set TENSION_SHARED to its path).")
    return path


class Vader:
    """VADER compound score, sign flipped so that > 0 means escalation (negative sentiment)."""

    name = "VADER"

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._a = SentimentIntensityAnalyzer()

    def polarity(self, text: str) -> float:
        return self._a.polarity_scores(text)["compound"]


class TextBlobBaseline:
    name = "TextBlob"

    def __init__(self) -> None:
        from textblob import TextBlob

        self._tb = TextBlob

    def polarity(self, text: str) -> float:
        return self._tb(text).sentiment.polarity
