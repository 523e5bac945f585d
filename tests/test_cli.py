"""The command line: exit codes and one-line errors."""

from __future__ import annotations

import json
import shutil

import pytest

from tension.cli import main

from conftest import LEXICONS, SEED


def test_explain(capsys):
    assert main(["explain", "Trump threatened to scrap a planned meeting with Xi.", "--no-tone"]) == 0
    out = capsys.readouterr().out
    assert "us_china: tension +" in out and "reversal(scrap)" in out


def test_explain_file_json(capsys):
    assert main(["explain", "--file", str(SEED), "--date", "2025-10-18", "--json", "--no-tone"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dyads"]["us_dprk"]["tension"] < 0


def test_explain_speaker(capsys):
    assert main(["explain", "We will impose tariffs on China", "--speaker", "USA", "--no-tone"]) == 0
    assert "USA +" in capsys.readouterr().out


def test_user_error_is_one_line_exit_2(capsys):
    assert main(["explain", "text", "--speaker", "Nobody"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tension: error: speaker='Nobody'") and err.count("\n") == 1


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_lexicon_check_ok(capsys):
    assert main(["lexicon", "check", str(LEXICONS)]) == 0
    assert "OK - version" in capsys.readouterr().out


def test_lexicon_check_reports_problems(tmp_path, capsys):
    d = tmp_path / "lex"
    shutil.copytree(LEXICONS, d)
    with (d / "cues.tsv").open("a", encoding="utf-8") as f:
        f.write("trade war\ttrade_war\t\t5\ttradewar\tinflect\t\t\n")
    assert main(["lexicon", "check", str(d)]) == 1
    err = capsys.readouterr().err
    assert "cues.tsv:" in err and "duplicate key 'trade war'" in err
