"""CSV injection ("formula injection") safety for spreadsheet users, as OWASP recommends.

A spreadsheet opening a CSV runs a text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return as a formula (``=HYPERLINK(…)``, ``@SUM(…)``, DDE payloads). Every *text*
cell of the published CSVs that begins with one of these is written with a leading single
quote (``'=1+1``), which spreadsheets treat as "this is text". Numbers, dates and booleans are
never touched (a longitude of ``-3.5`` stays a number), and the CSV quoting itself follows RFC
4180 (embedded quotes doubled, cells with separators quoted).

To keep the rule reversible, a text cell that already begins with a single quote gets one
more: :func:`restore` removes exactly one leading quote, so ``restore(neutralise(s)) == s`` for
every string. The pipeline's own CSV readers (``schema.read_table``, validation, ``make
report``) restore the raw value; the Parquet files and ``airwar.sqlite`` hold raw values.
"""

from __future__ import annotations

#: Characters that make a spreadsheet evaluate a cell (OWASP "CSV Injection").
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet-safe CSV cell."""
    if text and (text[0] in TRIGGERS or text[0] == QUOTE):
        return QUOTE + text
    return text


def restore(text: str) -> str:
    """The raw value of a cell written by :func:`neutralise`."""
    if isinstance(text, str) and text.startswith(QUOTE):
        return text[1:]
    return text


def text_columns(table: str) -> list[str]:
    from . import schema

    return [f.name for f in schema.load(table).fields if f.type == "string"]


def neutralise_frame(df, table: str):
    """Neutralise the text columns of a frame built by ``schema.to_frame`` (in place)."""
    for col in text_columns(table):
        if col in df.columns and len(df):
            df[col] = df[col].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return df


def restore_frame(df, table: str):
    """Undo :func:`neutralise_frame` on a frame read from a published CSV (in place)."""
    for col in text_columns(table):
        if col in df.columns and len(df):
            df[col] = df[col].map(lambda v: restore(v) if isinstance(v, str) else v)
    return df
