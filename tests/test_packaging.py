"""The wheel carries the lexicons, the sample corpus and the schemas, and works from them alone."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True)
    (whl,) = out.glob("tension-*.whl")
    return whl


def test_wheel_contents(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for f in ("actors.tsv", "categories.tsv", "cues.tsv", "dyads.tsv", "modifiers.tsv"):
        assert f"tension/lexicons/{f}" in names
    assert {"tension/py.typed", "tension/data/sample_articles.csv", "tension/schemas/index.schema.json"} <= names


def test_installed_wheel_uses_its_packaged_lexicons(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = ("import tension, tension.lexicon as l; d = l.lexicon_dir(); "
            "print(tension.__file__); print(d); "
            "print(tension.score('The U.S. imposed tariffs on China.').dyads['us_china'].tension > 0)")
    env = {k: v for k, v in os.environ.items() if k != "TENSION_LEXICON_DIR"}
    env["PYTHONPATH"] = str(target)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                         check=True).stdout.split("\n")
    assert out[0].startswith(str(target)) and out[1].startswith(str(target / "tension" / "lexicons"))
    assert out[2] == "True"
