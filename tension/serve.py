"""``tension serve DIR``: a run's outputs as a read-only JSON API for dashboards.

Endpoints (GET only):

``/health``                 status, document count, dyads, versions
``/index``                  ``?dyad=&freq=&from=&to=`` the index records (freq other than the stored one is
                            computed from the scores and cached)
``/documents``              ``?dyad=&from=&to=&min_tension=&max_tension=&limit=&offset=`` score rows
``/documents/{id}``         one document's scores and its evidence (hits)

The server reads only ``scores.csv``, ``hits.csv`` and ``index.csv`` inside DIR (reloaded when they
change); it never maps a URL to a file, so nothing outside DIR is reachable. Query sizes are bounded and
bad queries get a 4xx with a JSON error naming the parameter and the fix.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pandas as pd

from .errors import InputError

MAX_LIMIT = 1000
MAX_QUERY = 2048
API_VERSION = "1.0"


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _clean(v: Any) -> Any:
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if hasattr(v, "item"):
        return _clean(v.item())
    return v


class RunData:
    """The outputs of a run, loaded lazily and reloaded when a file changes."""

    FILES = ("scores.csv", "hits.csv", "index.csv")

    def __init__(self, folder: str | Path):
        self.folder = Path(folder).resolve()
        if not (self.folder / "scores.csv").is_file():
            raise InputError(f"{str(folder)!r} holds no scores.csv; point tension serve at the --out folder of "
                             "tension run (or a folder with tension score output named scores.csv).")
        self._lock = threading.Lock()
        self._stamp: tuple[float, ...] = ()
        self._index_cache: dict[str, pd.DataFrame] = {}
        self._load()

    def _stamps(self) -> tuple[float, ...]:
        return tuple((self.folder / n).stat().st_mtime if (self.folder / n).exists() else 0.0 for n in self.FILES)

    def _load(self) -> None:
        scores = pd.read_csv(self.folder / "scores.csv", dtype={"id": str}, keep_default_na=False)
        self.dyads = [c[: -len("_relevant")] for c in scores.columns if c.endswith("_relevant")]
        for d in self.dyads:
            scores[f"{d}_relevant"] = scores[f"{d}_relevant"].astype(str).str.lower().isin(["true", "1"])
            for f in ("tension", "escalation", "deescalation", "threat", "act"):
                scores[f"{d}_{f}"] = pd.to_numeric(scores[f"{d}_{f}"], errors="coerce")
        self.scores = scores
        self.by_id = {k: i for i, k in enumerate(scores["id"].astype(str))} if len(scores) else {}
        hp = self.folder / "hits.csv"
        self.hits = pd.read_csv(hp, dtype={"id": str}, keep_default_na=False) if hp.exists() else None
        ip = self.folder / "index.csv"
        self.index = pd.read_csv(ip) if ip.exists() else None
        self.index_freq = _guess_freq(self.index) if self.index is not None and len(self.index) else None
        self._index_cache = {}
        self._stamp = self._stamps()

    def fresh(self) -> "RunData":
        with self._lock:
            if self._stamps() != self._stamp:
                self._load()
        return self

    def index_for(self, freq: str | None) -> pd.DataFrame:
        from .index import _FREQ_ALIASES, build_index

        if freq is None or (self.index is not None and freq.upper() == self.index_freq):
            if self.index is None:
                freq = freq or "D"
            else:
                return self.index
        f = freq.upper()
        if f not in _FREQ_ALIASES:
            raise ApiError(400, f"freq={freq!r} is not supported; use D, W, M, Q or Y.")
        with self._lock:
            if f not in self._index_cache:
                self._index_cache[f] = build_index(self.scores, freq=f, ci=0.9)
            return self._index_cache[f]


def _guess_freq(idx: pd.DataFrame) -> str:
    from .report import _guess_freq as guess

    return guess(idx)


def _one(q: dict[str, list[str]], name: str) -> str | None:
    v = q.get(name)
    if not v:
        return None
    if len(v) > 1:
        raise ApiError(400, f"parameter {name!r} is given {len(v)} times; give it once.")
    return v[0]


def _date(q: dict[str, list[str]], name: str) -> str | None:
    v = _one(q, name)
    if v is None or v == "":
        return None
    try:
        return pd.Timestamp(v).strftime("%Y-%m-%d")
    except ValueError:
        raise ApiError(400, f"{name}={v!r} is not a date; use YYYY-MM-DD.") from None


def _number(q: dict[str, list[str]], name: str, lo: float, hi: float, default: float | None = None) -> float | None:
    v = _one(q, name)
    if v is None:
        return default
    try:
        x = float(v)
    except ValueError:
        raise ApiError(400, f"{name}={v!r} is not a number.") from None
    if not lo <= x <= hi:
        raise ApiError(400, f"{name}={v!r} is outside [{lo:g}, {hi:g}].")
    return x


def _check_params(q: dict[str, list[str]], allowed: set[str]) -> None:
    unknown = sorted(set(q) - allowed)
    if unknown:
        raise ApiError(400, f"unknown parameter {unknown[0]!r}; this endpoint takes {', '.join(sorted(allowed))}.")


def _dyad(data: RunData, q: dict[str, list[str]], required: bool = False) -> str | None:
    d = _one(q, "dyad")
    if d is None:
        if required:
            raise ApiError(400, f"parameter 'dyad' is required; one of {', '.join(data.dyads)}.")
        return None
    if d not in data.dyads:
        raise ApiError(400, f"dyad={d!r} is unknown; one of {', '.join(data.dyads)}.")
    return d


def handle(data: RunData, path: str, query: str, max_limit: int = MAX_LIMIT) -> tuple[int, Any]:
    """Route one GET request; return (status, JSON-ready body). Pure, so it is testable without a socket."""
    if len(query) > MAX_QUERY:
        raise ApiError(414, f"query string longer than {MAX_QUERY} characters.")
    q = parse_qs(query, keep_blank_values=True, max_num_fields=20)
    parts = [p for p in path.split("/") if p]
    if parts == []:
        return 200, {"api_version": API_VERSION, "endpoints": ["/health", "/index", "/documents",
                                                                "/documents/{id}"]}
    if parts == ["health"]:
        _check_params(q, set())
        versions = sorted(set(data.scores["lexicon_version"].astype(str))) if "lexicon_version" in data.scores else []
        return 200, {"status": "ok", "api_version": API_VERSION, "documents": int(len(data.scores)),
                     "dyads": data.dyads, "lexicon_versions": versions, "index_freq": data.index_freq}
    if parts == ["index"]:
        _check_params(q, {"dyad", "freq", "from", "to"})
        dyad = _dyad(data, q)
        idx = data.index_for(_one(q, "freq"))
        lo, hi = _date(q, "from"), _date(q, "to")
        sel = idx
        if dyad:
            sel = sel[sel["dyad"] == dyad]
        if lo:
            sel = sel[sel["period"].astype(str) >= lo]
        if hi:
            sel = sel[sel["period"].astype(str) <= hi]
        if len(sel) > 50_000:
            raise ApiError(413, f"{len(sel)} records match; narrow the query with dyad, from and to.")
        records = [{k: _clean(v) for k, v in r.items()} for r in sel.to_dict(orient="records")]
        return 200, {"count": len(records), "records": records}
    if parts == ["documents"]:
        _check_params(q, {"dyad", "from", "to", "min_tension", "max_tension", "limit", "offset"})
        dyad = _dyad(data, q)
        limit_q, offset_q = _number(q, "limit", 1, max_limit, 100), _number(q, "offset", 0, 10**9, 0)
        assert limit_q is not None and offset_q is not None  # (a missing one takes its default)
        limit, offset = int(limit_q), int(offset_q)
        lo, hi = _date(q, "from"), _date(q, "to")
        s = data.scores
        mask = pd.Series(True, index=s.index)
        if lo:
            mask &= s["date"].astype(str) >= lo
        if hi:
            mask &= (s["date"].astype(str) <= hi) & (s["date"].astype(str) != "")
        mint = _number(q, "min_tension", -100, 100)
        maxt = _number(q, "max_tension", -100, 100)
        if (mint is not None or maxt is not None) and dyad is None:
            raise ApiError(400, "min_tension and max_tension need a dyad parameter.")
        if dyad:
            mask &= s[f"{dyad}_relevant"]
            if mint is not None:
                mask &= s[f"{dyad}_tension"] >= mint
            if maxt is not None:
                mask &= s[f"{dyad}_tension"] <= maxt
        sel = s[mask]
        page = sel.iloc[offset:offset + limit]
        records = [{k: _clean(v) for k, v in r.items()} for r in page.to_dict(orient="records")]
        return 200, {"count": int(len(sel)), "offset": offset, "limit": limit, "records": records}
    if len(parts) == 2 and parts[0] == "documents":
        _check_params(q, set())
        doc_id = unquote(parts[1])
        row = data.by_id.get(doc_id)
        if row is None:
            raise ApiError(404, f"no document with id {doc_id!r}.")
        rec = {k: _clean(v) for k, v in data.scores.iloc[row].to_dict().items()}
        hits = []
        if data.hits is not None:
            hh = data.hits[data.hits["id"].astype(str) == doc_id]
            hits = [{k: _clean(v) for k, v in r.items()} for r in hh.to_dict(orient="records")]
        return 200, {"document": rec, "hits": hits}
    raise ApiError(404, f"no endpoint {path!r}; try /health, /index, /documents, /documents/{{id}}.")


def make_server(folder: str | Path, host: str = "127.0.0.1", port: int = 8765,
                max_limit: int = MAX_LIMIT) -> ThreadingHTTPServer:
    data = RunData(folder)
    cache: "OrderedDict[tuple, tuple[int, bytes]]" = OrderedDict()
    cache_lock = threading.Lock()

    def cached(d: RunData, path: str, query: str) -> tuple[int, Any]:
        # the data are read-only, so an answer holds until a file changes (the stamp is part of the key)
        key = (d._stamp, path, query)
        with cache_lock:
            hit = cache.get(key)
            if hit is not None:
                cache.move_to_end(key)
                return hit
        result = handle(d, path, query, max_limit)
        with cache_lock:
            cache[key] = result
            while len(cache) > 512:
                cache.popitem(last=False)
        return result

    class Handler(BaseHTTPRequestHandler):
        server_version = "tension"
        sys_version = ""

        def _send(self, status: int, body: Any) -> None:
            raw = json.dumps(body, ensure_ascii=False, default=str).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(raw)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(raw)

        def do_GET(self) -> None:  # noqa: N802
            try:
                if len(self.path) > MAX_QUERY + 512:
                    raise ApiError(414, "request line too long.")
                parts = urlsplit(self.path)
                self._send(*cached(data.fresh(), parts.path, parts.query))
            except ApiError as exc:
                self._send(exc.status, {"error": str(exc), "status": exc.status})
            except ValueError as exc:  # e.g. too many query fields
                self._send(400, {"error": str(exc), "status": 400})
            except Exception as exc:  # noqa: BLE001 - a bug must not kill the server
                self._send(500, {"error": f"internal error: {type(exc).__name__}", "status": 500})

        do_HEAD = do_GET  # noqa: N815

        def _read_only(self) -> None:
            self._send(405, {"error": "read-only API: only GET and HEAD are allowed.", "status": 405})

        do_POST = do_PUT = do_DELETE = do_PATCH = _read_only  # noqa: N815

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet by default
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    return server


def cmd_serve(args: Any) -> int:
    import sys

    server = make_server(args.dir, host=args.host, port=args.port, max_limit=args.max_limit)
    host, port = server.server_address[:2]
    assert isinstance(host, str)  # (an AF_INET server: getsockname gives the host as str, never bytes)
    print(f"serving {Path(args.dir).resolve()} read-only on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def add_command(sub: Any) -> None:
    s = sub.add_parser("serve", help="serve a run's outputs read-only as JSON (for Grafana, Superset, Streamlit)")
    s.add_argument("dir", help="the --out folder of tension run")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    s.add_argument("--max-limit", type=int, default=MAX_LIMIT, help=f"largest page size (default {MAX_LIMIT})")
    s.set_defaults(func=cmd_serve)
