"""The shipped lexicons lint clean; the loader reports every problem with file, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tension.errors import InputError, LexiconError
from tension.lexicon import ENV_VAR, MODIFIER_TYPES, lexicon_dir, load_lexicon, read_lexicon

from conftest import LEXICONS


def test_shipped_lexicons_lint_clean() -> None:
    lex = read_lexicon(LEXICONS)
    assert len(lex.cues) >= 300
    assert {"us_china", "us_dprk"} <= set(lex.dyads)
    assert {"USA", "CHN", "PRK", "KOR", "JPN", "RUS", "TWN", "EU", "CAN", "MEX"} <= lex.actors
    assert {m.type for m in lex.modifiers} == set(MODIFIER_TYPES)


def test_shipped_lexicons_have_provenance() -> None:
    for path in LEXICONS.glob("*.tsv"):
        head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        text = "\n".join(head).lower()
        assert "version:" in text and "source:" in text, path.name
        header = next(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
        assert "note" in header.split("\t") or path.name == "categories.tsv", path.name


def test_every_category_is_used_and_every_cue_sign_matches() -> None:
    lex = read_lexicon(LEXICONS)
    used = {c.category for c in lex.cues}
    assert used == set(lex.categories)
    for c in lex.cues:
        direction = lex.categories[c.category].direction
        assert (c.weight > 0) == (direction == "escalation"), c.phrase


@pytest.mark.parametrize("required", [
    "tariffs", "export controls", "entity list", "sanctions", "retaliate", "currency manipulator",
    "trade war", "missile launch", "nuclear test", "fire and fury", "talks", "summit", "deal", "truce",
    "tariff cut", "going to be fine", "great relationship", "denuclearization", "soybean purchases",
])
def test_core_vocabulary_present(required: str) -> None:
    assert required in {c.phrase for c in read_lexicon(LEXICONS).cues}


def _copy(tmp_path: Path) -> Path:
    dst = tmp_path / "lex"
    shutil.copytree(LEXICONS, dst)
    return dst


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _append(d / "cues.tsv", "trade war\ttrade_war\t\t5\ttradewar\tinflect\t\tdup")           # duplicate
    _append(d / "cues.tsv", "new thing\tno_such_category\t\t5\ttrade\tinflect\t\t")        # unknown category
    _append(d / "cues.tsv", "calm words\tpraise\t\t4\tdiplomacy\texact\t\t")              # wrong sign
    _append(d / "cues.tsv", "big number\ttariff_imposed\t\t99\ttrade\texact\t\t")         # out of range
    _append(d / "dyads.tsv", "us_iran\tUSA\tIRX\t\t\t\t\t")                                 # unknown actor
    _append(d / "modifiers.tsv", "perhaps\tnot_a_type\t1\texact\t")                         # unknown type
    with pytest.raises(LexiconError) as info:
        read_lexicon(d)
    problems = info.value.problems
    messages = " | ".join(str(p) for p in problems)
    assert len(problems) == 6, messages
    assert "duplicate cue 'trade war'" in messages
    assert "unknown category 'no_such_category'" in messages
    assert "contradicts category 'praise'" in messages
    assert "outside [-10, 10]" in messages
    assert "unknown actor(s) IRX" in messages
    assert "type 'not_a_type' is unknown" in messages
    for p in problems:
        assert p.file.endswith(".tsv") and p.line > 0 and p.fix


def test_missing_file_and_header(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    (d / "modifiers.tsv").unlink()
    (d / "categories.tsv").write_text("# version: 2026.11.0\nwrong\theader\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_lexicon(d)
    text = str(info.value)
    assert "modifiers.tsv:0: file is missing" in text
    assert "header lacks column(s)" in text


def test_a_new_dyad_is_a_data_change(tmp_path: Path) -> None:
    import tension

    d = _copy(tmp_path)
    _append(d / "actors.tsv", "Tehran regime\tIRN\tinstitution\texact\ttest\t")
    _append(d / "dyads.tsv", "us_iran\tUSA\tIRN\tsecurity\t\t\tORG\tUnited States - Iran")
    doc = tension.Scorer(lexicon_dir=d).score("The United States imposed new sanctions on Iran.")
    assert doc.dyads["us_iran"].relevant and doc.dyads["us_iran"].tension > 0


def test_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _copy(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(d))
    assert lexicon_dir() == d
    assert lexicon_dir(LEXICONS) == LEXICONS
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope"))
    with pytest.raises(InputError, match=ENV_VAR):
        lexicon_dir()
    monkeypatch.delenv(ENV_VAR)
    assert (lexicon_dir() / "cues.tsv").is_file()
    with pytest.raises(InputError, match="not a folder"):
        lexicon_dir(tmp_path / "missing")


def test_load_is_cached() -> None:
    assert load_lexicon(LEXICONS) is load_lexicon(LEXICONS)
