"""Self-contained HTML rendering of a :class:`pipeline.validate.ValidationReport` (inline CSS,
no scripts, no external resources): failures first, grouped by table, then every check."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#222}
h1{font-size:1.4em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.6em 0 .4em}
.ok{color:#17662b}.bad{color:#a11}.muted{color:#777}
table{border-collapse:collapse;width:100%;margin:.3em 0 1em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}tr.fail td{background:#fff3f3}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.badge{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.85em;background:#eee}
.badge.structural{background:#f6d6d6}.badge.row{background:#f7ecc8}
details{margin:.4em 0}
"""


def _e(v: Any) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def _rows(results: list[dict]) -> str:
    out = []
    for r in results:
        sample = "<br>".join(f"<code>{_e(s)}</code>" for s in r.get("unexpected_sample") or [])
        cls = "" if r["success"] else ' class="fail"'
        mark = '<span class="ok">✓</span>' if r["success"] else '<span class="bad">✗</span>'
        out.append(
            f"<tr{cls}><td>{mark}</td><td>{_e(r['table'])}</td><td><code>{_e(r['expectation'])}</code></td>"
            f"<td><span class=\"badge {_e(r['kind'])}\">{_e(r['kind'])}</span></td>"
            f"<td>{_e(r['unexpected_count'])}</td><td>{sample}</td></tr>")
    return "\n".join(out)


_HEAD = ("<tr><th></th><th>table</th><th>check</th><th>kind</th><th>unexpected</th>"
         "<th>sample</th></tr>")


def render_html(report: Any, title: str = "Validation report") -> str:
    """The whole report as one HTML document (string)."""
    results = list(report.results)
    fails = [r for r in results if not r["success"]]
    when = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    status = ('<span class="ok">passed</span>' if report.success
              else '<span class="bad">FAILED — nothing was published</span>')
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}: {status}</h1>",
        f'<p class="muted">{len(results) - len(fails)} of {len(results)} checks passed; '
        f"{sum(1 for r in fails if r['kind'] == 'structural')} structural and "
        f"{sum(1 for r in fails if r['kind'] == 'row')} row-level failures. Generated {when}.</p>",
    ]
    if fails:
        parts.append("<h2>Failed checks</h2>")
        parts.append(f"<table>{_HEAD}{_rows(fails)}</table>")
    by_table: dict[str, list[dict]] = {}
    for r in results:
        by_table.setdefault(r["table"], []).append(r)
    parts.append("<h2>All checks by table</h2>")
    for table, rs in by_table.items():
        nf = sum(1 for r in rs if not r["success"])
        badge = f'<span class="bad">{nf} failed</span>' if nf else '<span class="ok">all passed</span>'
        parts.append(f"<details{' open' if nf else ''}><summary><b>{_e(table)}</b> — "
                     f"{len(rs)} checks, {badge}</summary>")
        parts.append(f"<table>{_HEAD}{_rows(rs)}</table></details>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
