"""The HTML report: self-contained, complete, and rendering in a real browser."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("plotly")

from tension.cli import main  # noqa: E402
from tension.report import _highlight, build_report  # noqa: E402


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    assert main(["run", "--sample", "--out", str(out), "--no-tone", "--no-progress"]) == 0
    return out


def test_run_writes_a_report(run_dir):
    page = (run_dir / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("class='chart'") == 4                       # two charts per dyad
    assert "What drove the peaks" in page and "Most escalatory" in page and "Most de-escalatory" in page
    assert "<mark class='up'" in page and "<mark class='down'" in page   # evidence highlighted in the text
    assert "Lexicon version 2026" in page and "rows read 326" in page     # footer: method, version, counts
    assert "Singapore summit" in page                                     # sample events are marked


def test_report_is_offline(run_dir):
    page = (run_dir / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=\s*['\"]?https?:", page)
    assert not re.search(r"<img[^>]+src=\s*['\"]?https?:", page)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page.split("<script")[0])


def test_report_command(tmp_path, run_dir, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--index", str(run_dir / "index.csv"), "--scores", str(run_dir / "scores.csv"),
                 "--hits", str(run_dir / "hits.csv"), "-o", str(out)]) == 0
    assert out.stat().st_size > 100_000
    assert main(["report", "--index", str(run_dir / "scores.csv"), "--scores", str(run_dir / "scores.csv"),
                 "-o", str(tmp_path / "x.html")]) == 2
    assert "long-format index" in capsys.readouterr().err


def test_bad_events_file(tmp_path, run_dir):
    ev = tmp_path / "ev.csv"
    ev.write_text("when,what\n2019-01-01,x\n", encoding="utf-8")
    from tension import InputError

    with pytest.raises(InputError, match="date, dyad, direction, event"):
        build_report(pd.read_csv(run_dir / "index.csv"), pd.read_csv(run_dir / "scores.csv"), events=str(ev))


def test_highlight_escapes_and_marks():
    text = "Trump <b>imposed</b> tariffs & more"
    s = text.index("tariffs")
    out = _highlight(text, [(s, s + 7, 6.0)])
    assert "&lt;b&gt;" in out and "<mark class='up' title='+6.00'>tariffs</mark>" in out and "&amp;" in out


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (.ci/run installs Debian's)")
def test_report_renders_in_a_real_browser(run_dir, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.goto((run_dir / "report.html").as_uri())
            page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
            plots = page.query_selector_all(".js-plotly-plot")
            assert len(plots) == 4
            for plot in plots:
                box = plot.bounding_box()
                assert box and box["width"] > 300 and box["height"] > 200
            assert page.query_selector_all(".js-plotly-plot .scatterlayer .trace")   # lines were drawn
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=False)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    assert errors == []
    assert [u for u in requests if not u.startswith("file:")] == []
