"""A bounded load test of `tension serve` on localhost: requests/s and errors under concurrent clients.

It makes a run folder from the bundled sample corpus, starts the server on 127.0.0.1 (an ephemeral port)
in this process, and sends a fixed number of requests from N client threads — a mix of /health, /index,
/documents and /documents/{id}, plus some bad requests that must get a 4xx — then stops by itself.

Usage: python benchmarks/serve_load.py [--requests 3000] [--clients 16] [--markdown]
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tension.cli import main as cli  # noqa: E402
from tension.serve import make_server  # noqa: E402

PATHS_OK = ["/health", "/index?dyad=us_china", "/index?dyad=us_dprk&freq=M&from=2018-01-01&to=2019-12-31",
            "/documents?dyad=us_china&min_tension=20&limit=50", "/documents?limit=100&offset=100",
            "/documents/s0100"]
PATHS_BAD = ["/documents?limit=99999", "/../../etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd",
             "/index?dyad=" + "x" * 5000, "/nowhere"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tension-serve-"))
    cli(["run", "--sample", "--out", str(folder), "--no-tone", "--no-report", "--no-progress"])
    server = make_server(folder, host="127.0.0.1", port=0)
    host, port = server.server_address[:2]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    plan = [(p, True) for p in PATHS_OK] * 9 + [(p, False) for p in PATHS_BAD]
    jobs = [plan[i % len(plan)] for i in range(args.requests)]
    latencies: list[float] = []
    outcomes = {"ok": 0, "expected_4xx": 0, "unexpected": 0, "connection_errors": 0}
    lock = threading.Lock()
    local = threading.local()

    def one(job: tuple[str, bool]) -> None:
        path, good = job
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(host, port, timeout=10)
        t0 = time.perf_counter()
        try:
            local.conn.request("GET", path)
            r = local.conn.getresponse()
            body = r.read()
            json.loads(body or b"{}")
            status = r.status
        except (OSError, http.client.HTTPException, ValueError):
            local.conn = http.client.HTTPConnection(host, port, timeout=10)
            with lock:
                outcomes["connection_errors"] += 1
            return
        dt = time.perf_counter() - t0
        with lock:
            latencies.append(dt)
            if good and status == 200:
                outcomes["ok"] += 1
            elif not good and 400 <= status < 500:
                outcomes["expected_4xx"] += 1
            else:
                outcomes["unexpected"] += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=args.clients) as pool:
        list(pool.map(one, jobs))
    elapsed = time.perf_counter() - t0
    server.shutdown()
    server.server_close()
    lat = sorted(latencies)
    p50 = statistics.median(lat) * 1000 if lat else float("nan")
    p99 = lat[int(len(lat) * 0.99) - 1] * 1000 if lat else float("nan")
    rps = len(jobs) / elapsed
    print(f"{len(jobs)} requests from {args.clients} clients in {elapsed:.2f}s: {rps:,.0f} requests/s; "
          f"median {p50:.1f} ms, p99 {p99:.1f} ms; {outcomes}")
    if args.markdown:
        print("| requests | clients | requests/s | median ms | p99 ms | ok | expected 4xx | unexpected | "
              "connection errors |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {len(jobs)} | {args.clients} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {outcomes['ok']} | "
              f"{outcomes['expected_4xx']} | {outcomes['unexpected']} | {outcomes['connection_errors']} |")
    if outcomes["unexpected"] or outcomes["connection_errors"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
