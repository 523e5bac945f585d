"""The package ships ``py.typed``, so its own type hints must check: users' type checkers read them."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_type_errors_in_the_package(tmp_path):
    run = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "cache"), "tension"],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"mypy found type errors (fix them, do not silence them):\n{run.stdout}{run.stderr}"
