"""A self-contained HTML report: charts of the index per dyad, the cues behind the peaks, the documents
behind them with their evidence highlighted, and the method. It opens offline: plotly's JavaScript is
embedded once in the page and nothing is fetched.

Needs the ``report`` extra (plotly).
"""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping, cast

import numpy as np
import pandas as pd

from .errors import InputError

__all__ = ["write_report", "build_report"]

_COLORS = {"net": "#b2182b", "band": "rgba(178,24,43,0.18)", "esc": "#d6604d", "de": "#4393c3",
           "attention": "#6a6a6a", "threat": "#f4a582", "act": "#b2182b"}
_ACTOR_COLORS = ["#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#542788", "#8c510a"]
_CONFIG = {"displaylogo": False, "responsive": True,
           "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"]}


def _plotly():
    try:
        import plotly.graph_objects as go
        from plotly.offline import get_plotlyjs
        from plotly.subplots import make_subplots
    except ImportError:  # pragma: no cover - depends on the extra
        raise InputError("the report needs plotly: pip install 'tension[report]'.") from None
    return go, make_subplots, get_plotlyjs


def _read(obj: Any) -> pd.DataFrame | None:
    if obj is None:
        return None
    if isinstance(obj, pd.DataFrame):
        return obj
    path = str(obj)
    if not Path(path).is_file():
        raise InputError(f"{path!r} does not exist.")
    from .io import read_frame

    return read_frame(path)


def _events(obj: Any) -> pd.DataFrame:
    ev = _read(obj)
    if ev is None:
        return pd.DataFrame(columns=["date", "dyad", "direction", "event"])
    missing = [c for c in ("date", "dyad", "direction", "event") if c not in ev.columns]
    if missing:
        raise InputError(f"the events file lacks column(s) {', '.join(missing)}; it needs date, dyad, direction, "
                         f"event (columns present: {', '.join(map(str, ev.columns))}).")
    ev = ev.copy()
    ev["date"] = pd.to_datetime(ev["date"], errors="coerce")
    return ev.dropna(subset=["date"])


def _numeric(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    df = df.copy()
    for c in cols:
        if c in df.columns:
            df[c] = pd.to_numeric(df[c], errors="coerce")
    return df


def _dated_hits(hits: pd.DataFrame | None, scores: pd.DataFrame) -> pd.DataFrame | None:
    if hits is None or hits.empty:
        return None
    dates = scores[["id", "date"]].drop_duplicates("id").astype(str)
    h = hits.astype({"id": str}).merge(dates, on="id", how="left")
    h["weight"] = pd.to_numeric(h["weight"], errors="coerce").fillna(0.0)
    h["date"] = pd.to_datetime(h["date"], errors="coerce")
    return h.dropna(subset=["date"])


def _period_of(dates: pd.Series, freq: str) -> pd.Series:
    from .index import _period_freq

    return dates.dt.to_period(_period_freq(freq)).dt.start_time


def _timeline(go, make_subplots, idx: pd.DataFrame, dyad: str, ev: pd.DataFrame):  # noqa: ANN001, ANN202
    d = idx[idx["dyad"] == dyad].copy()
    d["period"] = pd.to_datetime(d["period"])
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.5, 0.3, 0.2],
                        subplot_titles=("Net tension per document (escalation − de-escalation), with interval",
                                        "Escalation and de-escalation per document", "Attention: share of documents"))
    # the interval as one filled polygon per run of periods that have documents, so gaps stay gaps
    ok = d["ci_low"].notna().to_numpy()
    run_id = np.cumsum(np.r_[True, ok[1:] != ok[:-1]])
    first = True
    for rid in np.unique(run_id[ok]):
        seg = d[(run_id == rid) & ok]
        xs = list(seg["period"]) + list(seg["period"])[::-1]
        ys = list(seg["ci_high"]) + list(seg["ci_low"])[::-1]
        fig.add_trace(go.Scatter(x=xs, y=ys, fill="toself", fillcolor=_COLORS["band"], line={"width": 0},
                                 mode="lines", name="interval", legendgroup="interval", showlegend=first,
                                 hoverinfo="skip"), row=1, col=1)
        first = False
    fig.add_trace(go.Scatter(x=d["period"], y=d["net"], mode="lines+markers", marker={"size": 4},
                             line={"color": _COLORS["net"], "width": 1.6}, name="net", connectgaps=False,
                             customdata=np.stack([d["n_docs"], d["n_relevant"]], axis=-1),
                             hovertemplate="%{x|%Y-%m-%d}: net %{y:.3f}<br>%{customdata[1]:.0f} relevant of "
                                           "%{customdata[0]:.0f} docs<extra></extra>"), row=1, col=1)
    fig.add_trace(go.Bar(x=d["period"], y=d["escalation"], name="escalation", marker_color=_COLORS["esc"]),
                  row=2, col=1)
    fig.add_trace(go.Bar(x=d["period"], y=-d["deescalation"], name="de-escalation", marker_color=_COLORS["de"]),
                  row=2, col=1)
    fig.add_trace(go.Scatter(x=d["period"], y=d["attention"], mode="lines", name="attention",
                             line={"color": _COLORS["attention"]}, connectgaps=False), row=3, col=1)
    for e in ev[ev["dyad"] == dyad].itertuples():
        color = _COLORS["esc"] if str(e.direction).startswith("esc") else _COLORS["de"]
        fig.add_vline(x=e.date, line={"color": color, "dash": "dot", "width": 1})
        fig.add_trace(go.Scatter(x=[e.date], y=[d["net"].max(skipna=True) if d["net"].notna().any() else 0],
                                 mode="markers", marker={"symbol": "triangle-down", "size": 10, "color": color},
                                 name=str(e.direction), showlegend=False,
                                 hovertext=f"{e.date:%Y-%m-%d} {e.direction}: {e.event}", hoverinfo="text"),
                      row=1, col=1)
    fig.update_layout(barmode="relative", height=620, margin={"l": 50, "r": 20, "t": 50, "b": 30},
                      legend={"orientation": "h", "y": -0.06}, template="plotly_white")
    return fig


def _threat_act_actors(go, make_subplots, idx: pd.DataFrame, hits: pd.DataFrame | None, dyad: str,  # noqa: ANN001
                       freq: str):  # noqa: ANN202
    d = idx[idx["dyad"] == dyad].copy()
    d["period"] = pd.to_datetime(d["period"])
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.08,
                        subplot_titles=("Threats vs acts (escalation per document)",
                                        "Who escalates: net weight by acting side per document"))
    fig.add_trace(go.Scatter(x=d["period"], y=d["threat"], stackgroup="e", name="threat",
                             line={"color": _COLORS["threat"]}), row=1, col=1)
    fig.add_trace(go.Scatter(x=d["period"], y=d["act"], stackgroup="e", name="act",
                             line={"color": _COLORS["act"]}), row=1, col=1)
    if hits is not None:
        h = hits[(hits["dyad"] == dyad) & hits["actor"].astype(str).ne("")].copy()
        if not h.empty:
            h["period"] = _period_of(h["date"], freq)
            # (the cast: pandas takes any scalar as unstack's fill_value, pandas-stubs leave out float)
            per = h.groupby(["period", "actor"])["weight"].sum().unstack(fill_value=cast(Any, 0.0))
            n_docs = d.set_index("period")["n_docs"]
            per = per.reindex(n_docs.index).fillna(0.0)
            per.loc[~n_docs.gt(0).to_numpy()] = np.nan  # a period without documents is a gap
            per = per.div(n_docs.reindex(per.index).replace(0, np.nan), axis=0)
            for k, actor in enumerate(per.columns):
                fig.add_trace(go.Scatter(x=per.index, y=per[actor], mode="lines", name=str(actor), connectgaps=False,
                                         line={"color": _ACTOR_COLORS[k % len(_ACTOR_COLORS)]}), row=1, col=2)
    fig.update_layout(height=360, margin={"l": 50, "r": 20, "t": 50, "b": 30}, template="plotly_white",
                      legend={"orientation": "h", "y": -0.15})
    return fig


def _drivers(idx: pd.DataFrame, hits: pd.DataFrame | None, dyad: str, freq: str, n: int = 3) -> str:
    d = idx[(idx["dyad"] == dyad) & idx["net"].notna() & (idx["n_relevant"] > 0)]
    if d.empty:
        return "<p>No relevant documents.</p>"
    rows = []
    h = None
    if hits is not None:
        h = hits[hits["dyad"] == dyad].copy()
        h["period"] = _period_of(h["date"], freq).dt.strftime("%Y-%m-%d")
    for label, part in (("most tense", d.nlargest(n, "net")), ("most relaxed", d.nsmallest(n, "net"))):
        for r in part.itertuples():
            cues = ""
            if h is not None:
                hp = h[h["period"] == r.period]
                agg = hp.groupby("cue")["weight"].agg(["sum", "size"])
                agg = agg.reindex(agg["sum"].abs().sort_values(ascending=False).index).head(5)
                cues = ", ".join(f"{html.escape(str(c))} <span class='w'>{s:+.1f}</span> ×{int(k)}"
                                 for c, (s, k) in agg.iterrows())
            # (the casts: pandas-stubs type every field of a row as any scalar; these two are counts)
            rows.append(f"<tr><td>{label}</td><td>{r.period}</td><td class='num'>{r.net:+.3f}</td>"
                        f"<td class='num'>{int(cast(float, r.n_relevant))}/{int(cast(float, r.n_docs))}</td>"
                        f"<td>{cues}</td></tr>")
    return ("<table><thead><tr><th></th><th>period</th><th>net</th><th>relevant/docs</th>"
            "<th>cues that drove it (summed weight × hits)</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


def _highlight(text: str, spans: list[tuple[int, int, float]], limit: int = 700) -> str:
    """The text with each hit wrapped in <mark>, escaped, clipped around the first hit."""
    spans = sorted((s, e, w) for s, e, w in spans if 0 <= s < e <= len(text))
    first = spans[0][0] if spans else 0
    lo = max(0, min(first - 200, len(text) - limit))
    hi = min(len(text), lo + limit)
    out, pos = [], lo
    for s, e, w in spans:
        if s < pos or e > hi:
            continue
        out.append(html.escape(text[pos:s]))
        cls = "up" if w > 0 else "down" if w < 0 else "zero"
        out.append(f"<mark class='{cls}' title='{w:+.2f}'>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:hi]))
    return ("…" if lo > 0 else "") + "".join(out) + ("…" if hi < len(text) else "")


def _documents(scores: pd.DataFrame, hits: pd.DataFrame | None, texts: Mapping[str, str] | None, dyad: str,
               n: int) -> str:
    s = scores[scores[f"{dyad}_relevant"].astype(str).str.lower().isin(["true", "1"])].copy()
    if s.empty:
        return "<p>No relevant documents.</p>"
    s[f"{dyad}_tension"] = pd.to_numeric(s[f"{dyad}_tension"], errors="coerce")
    blocks = []
    for label, part in (("Most escalatory", s.nlargest(n, f"{dyad}_tension")),
                        ("Most de-escalatory", s.nsmallest(n, f"{dyad}_tension"))):
        rows = []
        for r in part.itertuples(index=False):
            rid = str(r.id)
            t = float(getattr(r, f"{dyad}_tension"))
            if texts is not None and rid in texts:
                spans = []
                if hits is not None:
                    hh = hits[(hits["id"].astype(str) == rid) & (hits["dyad"] == dyad)]
                    spans = [(int(a), int(b), float(w)) for a, b, w in zip(hh["start"], hh["end"], hh["weight"])]
                body = _highlight(texts[rid], spans)
            else:
                body = html.escape(str(getattr(r, f"{dyad}_top_cues")))
            rows.append(f"<tr><td>{html.escape(str(r.date))}</td><td>{html.escape(rid)}</td>"
                        f"<td>{html.escape(str(r.source))}</td><td class='num'>{t:+.1f}</td>"
                        f"<td class='doc'>{body}</td></tr>")
        blocks.append(f"<h4>{label}</h4><table><thead><tr><th>date</th><th>id</th><th>source</th><th>tension</th>"
                      f"<th>text, evidence highlighted</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return "".join(blocks)


_CSS = """
body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:0 auto;max-width:1180px;padding:18px;color:#222}
h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px solid #b2182b;padding-bottom:4px;margin-top:36px}
.sub{color:#666;margin-top:4px}.chart{margin:8px 0 18px 0;min-height:300px}
table{border-collapse:collapse;width:100%;font-size:.88em;margin:6px 0 16px 0}
th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.doc{max-width:640px}mark.up{background:#f4a58288}mark.down{background:#92c5de88}mark.zero{background:#eee}
.w{color:#555;font-size:.9em}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:130px}
.card b{display:block;font-size:1.35em}footer{margin-top:40px;color:#555;font-size:.85em;border-top:1px solid #ddd}
"""


def build_report(index: Any, scores: Any, hits: Any = None, events: Any = None,
                 texts: Mapping[str, str] | None = None, input_name: str = "", summary: Mapping[str, Any] | None = None,
                 top_n: int = 8, title: str = "US–China and US–North Korea tension") -> str:
    """The report as one HTML string (see :func:`write_report`)."""
    go, make_subplots, get_plotlyjs = _plotly()
    idx = _read(index)
    sc = _read(scores)
    if idx is None or sc is None:
        raise InputError("the report needs an index and a score table.")
    if "dyad" not in idx.columns:
        raise InputError("the index must be in long format (not --wide): it needs a 'dyad' column.")
    idx = _numeric(idx, ["n_docs", "n_relevant", "attention", "escalation", "deescalation", "net", "threat", "act",
                         "ci_low", "ci_high", "index", "zscore"])
    freq = str(idx.attrs.get("freq") or _guess_freq(idx))
    h = _dated_hits(_read(hits), sc)
    ev = _events(events)
    dyads = list(dict.fromkeys(idx["dyad"]))
    parts = [f"<h1>{html.escape(title)}</h1>",
             f"<p class='sub'>{html.escape(input_name or 'input')} · {len(sc):,} documents · periods of "
             f"{html.escape(freq)} · {html.escape(str(idx['period'].min()))} to {html.escape(str(idx['period'].max()))}</p>"]
    cards = []
    for dy in dyads:
        d = idx[idx["dyad"] == dy]
        rel = int(d["n_relevant"].sum())
        last = d.dropna(subset=["net"]).tail(1)
        last_net = f"{float(last['net'].iloc[0]):+.2f}" if len(last) else "–"
        cards.append(f"<div class='card'>{html.escape(dy)}<b>{rel:,}</b>relevant documents · last net {last_net}</div>")
    parts.append("<div class='cards'>" + "".join(cards) + "</div>")
    n_chart = 0
    for dy in dyads:
        parts.append(f"<h2>{html.escape(dy)}</h2>")
        for fig in (_timeline(go, make_subplots, idx, dy, ev), _threat_act_actors(go, make_subplots, idx, h, dy, freq)):
            n_chart += 1
            parts.append(f"<div class='chart' id='chart-{n_chart}'>"
                         + fig.to_html(full_html=False, include_plotlyjs=False, config=_CONFIG,
                                       div_id=f"plot-{n_chart}") + "</div>")
        parts.append("<h3>What drove the peaks</h3>" + _drivers(idx, h, dy, freq))
        parts.append("<h3>Documents</h3>" + _documents(sc, h, texts, dy, top_n))
    parts.append(_footer(sc, idx, summary, input_name))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'><title>{html.escape(title)}</title>"
            f"<style>{_CSS}</style><script type='text/javascript'>{get_plotlyjs()}</script></head><body>"
            + "".join(parts) + "</body></html>")


def _guess_freq(idx: pd.DataFrame) -> str:
    p = pd.to_datetime(pd.Series(idx["period"].unique())).sort_values()
    if len(p) < 2:
        return "D"
    step = (p.diff().dropna().dt.days).min()
    return "D" if step <= 1 else "W" if step <= 7 else "M" if step <= 31 else "Q" if step <= 92 else "Y"


def _footer(sc: pd.DataFrame, idx: pd.DataFrame, summary: Mapping[str, Any] | None, input_name: str) -> str:
    version = ", ".join(sorted(set(sc["lexicon_version"].astype(str)))) if "lexicon_version" in sc.columns else "?"
    status = sc["status"].value_counts().to_dict() if "status" in sc.columns else {}
    s = dict(summary or {})
    counts = (f"rows read {s.get('rows_read', len(sc)):,}; written {s.get('rows_written', len(sc)):,}; "
              f"scored {s.get('scored', len(sc) - status.get('failed', 0)):,}; failed {status.get('failed', 0):,}; "
              f"empty {status.get('empty', 0):,}; bad dates {status.get('bad_date', 0):,}")
    attrs = json.dumps({k: v for k, v in idx.attrs.items()}, default=str)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        "<footer><h3>Method</h3><p>Each document is matched against the tension lexicons (actors, cues with "
        "Goldstein-like signed weights, modifiers) and rules (negation, reversal, retraction, modality and "
        "threats, conditionals, intensity, contrast, history). Per dyad, escalation E and de-escalation D sum "
        "the signed weights of the evidence; a document's tension is 100·(E−D)/(E+D+3). Per period, sums are "
        "divided by the number of documents in the period; the interval is a bootstrap over documents; periods "
        "without documents are gaps, not zeros.</p>"
        f"<p>Input: {html.escape(input_name or '-')} — {counts}. Lexicon version {html.escape(version)}. "
        f"Index settings: <code>{html.escape(attrs)}</code>. Generated {when} by tension "
        f"{html.escape(__import__('tension').__version__)}.</p></footer>")


def write_report(path: str, index: Any, scores: Any, hits: Any = None, events: Any = None,
                 texts: Mapping[str, str] | None = None, input_name: str = "",
                 summary: Mapping[str, Any] | None = None, top_n: int = 8) -> str:
    """Write the HTML report to ``path`` atomically; return the path.

    ``index`` (long format), ``scores`` and ``hits`` are DataFrames or file paths; ``events`` a CSV with
    columns date, dyad, direction, event; ``texts`` maps document ids to their text for highlighting.
    """
    page = build_report(index, scores, hits=hits, events=events, texts=texts, input_name=input_name,
                        summary=summary, top_n=top_n)
    from .io import write_text_atomic

    write_text_atomic(path, page)
    return path
