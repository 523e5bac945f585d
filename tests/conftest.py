from __future__ import annotations

from pathlib import Path

import pytest

import tension

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d113c72b39d588f2.txt"
LEXICONS = ROOT / "lexicons"


@pytest.fixture(scope="session")
def scorer() -> tension.Scorer:
    return tension.Scorer(config=tension.Config(tone=False))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
