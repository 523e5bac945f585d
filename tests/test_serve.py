"""tension serve over a real socket on localhost: endpoints, bounds, read-only, traversal, a burst."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tension.cli import main
from tension.serve import make_server


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["run", "--sample", "--out", str(out), "--no-tone", "--no-report", "--no-progress"]) == 0
    (tmp_path_factory.getbasetemp() / "secret.txt").write_text("do not serve", encoding="utf-8")
    server = make_server(out, host="127.0.0.1", port=0, max_limit=50)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


def get(url: str, method: str = "GET") -> tuple[int, dict]:
    req = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def test_health(base_url):
    status, body = get(base_url + "/health")
    assert status == 200 and body["status"] == "ok" and body["documents"] == 326
    assert body["dyads"] == ["us_china", "us_dprk"]


def test_index_filters_and_other_freq(base_url):
    status, body = get(base_url + "/index?dyad=us_china&from=2019-05-01&to=2019-06-30")
    assert status == 200 and body["count"] > 0
    assert all(r["dyad"] == "us_china" and "2019-05-01" <= r["period"] <= "2019-06-30" for r in body["records"])
    status, body = get(base_url + "/index?dyad=us_dprk&freq=M&from=2018-01-01&to=2018-12-31")
    assert status == 200 and body["count"] == 12 and body["records"][0]["period"] == "2018-01-01"


def test_documents_and_one_document(base_url):
    status, body = get(base_url + "/documents?dyad=us_china&min_tension=50&limit=5")
    assert status == 200 and len(body["records"]) == 5 and body["count"] >= 5
    assert all(r["us_china_tension"] >= 50 for r in body["records"])
    doc_id = body["records"][0]["id"]
    status, one = get(f"{base_url}/documents/{doc_id}")
    assert status == 200 and one["document"]["id"] == doc_id and one["hits"]


@pytest.mark.parametrize("path, code, words", [
    ("/documents?limit=51", 400, "limit"),
    ("/documents?dyad=us_iran", 400, "dyad"),
    ("/index?freq=H", 400, "freq"),
    ("/documents?from=yesterday", 400, "from"),
    ("/documents?min_tension=10", 400, "need a dyad"),
    ("/documents?colour=red", 400, "unknown parameter"),
    ("/documents/no-such-id", 404, "no document"),
    ("/nowhere", 404, "no endpoint"),
    ("/../secret.txt", 404, "no endpoint"),
    ("/documents/..%2F..%2Fsecret.txt", 404, "no document"),
    ("/index?dyad=" + "x" * 3000, 414, "too long"),
])
def test_bad_requests(base_url, path, code, words):
    status, body = get(base_url + path)
    assert status == code and words in body["error"]


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_read_only(base_url, method):
    status, body = get(base_url + "/health", method=method)
    assert status == 405


def test_burst_of_concurrent_requests(base_url):
    urls = [base_url + p for p in ("/health", "/index?dyad=us_china", "/documents?dyad=us_dprk&limit=20")] * 40
    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(lambda u: get(u)[0], urls))
    assert codes.count(200) == len(urls)
