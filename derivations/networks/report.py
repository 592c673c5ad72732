"""A network table as a JSON-ready report and as terminal text.

Every number is an exact integer; shares are exact fractions, printed as percentages
rounded half up from them (no float anywhere).  A number too long to print (over
:data:`JSON_DIGITS` digits in JSON, :data:`TEXT_DIGITS` in the table) is written in
scientific form, its mantissa rounded from the exact integer.  Names that came from a
user (layer names, the network's name, a module's class) are escaped for the terminal:
control, format (bidi) and separator characters are shown as ``\\n``, ``\\x1b``,
``\\u202e``.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from derivations.messages import text
from derivations.registry.dtypes import DTYPE_BYTES

__all__ = [
    "JSON_DIGITS",
    "TEXT_DIGITS",
    "network_report",
    "percent",
    "printable",
    "blocks",
    "html_table",
    "scientific",
    "text_table",
]

JSON_DIGITS = 4300  # Python's default int <-> str limit: beyond it, scientific form
TEXT_DIGITS = 21  # a table cell: up to 999 quintillion with separators
SHARES = ("params", "macs", "activations")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
UNSAFE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def printable(value: str) -> str:
    """``value`` with every character a terminal could act on escaped (and backslashes
    doubled, so an escape is never ambiguous)."""
    out = []
    for ch in value:
        if ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif unicodedata.category(ch) in UNSAFE:
            code = ord(ch)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(ch)
    return "".join(out)


def _digits(n: int) -> int:
    """Decimal digits of ``n > 0``, without converting it to text."""
    estimate = max(0, (n.bit_length() - 1) * 30103 // 100000)  # log10(2), rounded down
    while 10 ** (estimate + 1) <= n:
        estimate += 1
    return estimate + 1


def scientific(n: int, significant: int = 4) -> str:
    """``n`` as ``1.234e+56``: the mantissa rounded half up from the exact integer."""
    sign, n = ("-", -n) if n < 0 else ("", n)
    if n == 0:
        return "0"
    exponent = _digits(n) - 1
    shift = exponent - (significant - 1)
    mantissa = n * 10**-shift if shift < 0 else (2 * n + 10**shift) // (2 * 10**shift)
    if mantissa >= 10**significant:  # 9.9995e5 rounds up to 1.000e6
        mantissa, exponent = mantissa // 10, exponent + 1
    head, tail = divmod(mantissa, 10 ** (significant - 1))
    return f"{sign}{head}.{tail:0{significant - 1}d}e+{exponent}"


_JSON_LIMIT, _TEXT_LIMIT = 10**JSON_DIGITS, 10**TEXT_DIGITS


def exact(n: int):
    """A count for JSON: the integer, or its scientific form past :data:`JSON_DIGITS`."""
    return scientific(n) if abs(n) >= _JSON_LIMIT else n


def grouped(n: int) -> str:
    """A count for the table: ``1,234,567``, or scientific past :data:`TEXT_DIGITS`."""
    return scientific(n) if abs(n) >= _TEXT_LIMIT else f"{n:,}"


def dimension(n: int) -> str:
    """One axis of a shape for the table: digits, or scientific past :data:`TEXT_DIGITS`."""
    return scientific(n) if n >= _TEXT_LIMIT else str(n)


def shape_text(shape) -> str:
    return "x".join(map(dimension, shape))


def percent(share: Fraction) -> str:
    """A share as a percentage with one decimal, rounded half up from the fraction."""
    tenths = (2000 * share.numerator + share.denominator) // (2 * share.denominator)
    return f"{tenths // 10}.{tenths % 10}"


def _human(n: int) -> str:
    """``25.557M``: three decimals rounded half up, exactly; scientific from 10^15."""
    if n >= 10**15:
        return scientific(n)
    for size, suffix in ((10**12, "T"), (10**9, "G"), (10**6, "M"), (10**3, "k")):
        if n >= size:
            thousandths = (2000 * n + size) // (2 * size)
            return f"{thousandths // 1000}.{thousandths % 1000:03d}{suffix}"
    return str(n)


def _gradient(g):
    if g is None:
        return None
    return {key: exact(getattr(g, key)) for key in ("mults", "adds", "other", "flops")}


def _backward(b):
    if b is None:
        return None
    return {
        "input": _gradient(b.input),
        "weight": _gradient(b.weight),
        "bias": _gradient(b.bias),
        "output": _gradient(b.output),
    }


def _conventions(lang: str = "en") -> dict:
    from derivations.networks.kinds import KINDS, Activation, Parameter, Pool, Unsupported

    conventions = {name: kind.counting for name, kind in KINDS.items()}
    conventions["maxpool/avgpool"] = Pool.counting
    conventions["relu/sigmoid/tanh/..."] = Activation.counting
    conventions["parameter"] = Parameter.counting
    from derivations.networks.ops import CALL_KINDS

    for op in CALL_KINDS:
        conventions[f"{op.name} (PyTorch calls)"] = op.counting
    conventions["? <class>"] = Unsupported.counting
    for key in ("padding", "counting", "activations", "saved", "backward"):
        conventions[key] = text(f"network.convention.{key}", lang)
    return conventions


def network_report(table, dtype: str = "float32") -> dict:
    """The JSON-ready table: rows, totals, exact shares, bytes and the conventions."""
    itemsize = DTYPE_BYTES[dtype]
    totals = table.totals
    rows = []
    for r in table.rows:
        counts = {
            key: (exact(getattr(r, key)) if r.counted or key == "params" else None)
            for key in (
                "params",
                "macs",
                "flops",
                "mults",
                "adds",
                "other",
                "ops",
                "activations",
                "saved",
            )
        }
        shares = {
            k: (f"{table.share(r, k)}" if r.counted or k == "params" else None) for k in SHARES
        }
        rows.append(
            {
                "name": r.name,
                "kind": r.kind,
                "output_shape": [exact(d) for d in r.output_shape],
                **counts,
                "backward": _backward(r.backward) if r.counted else None,
                "counted": r.counted,
                "share": shares,
                "percent": {
                    k: None if v is None else percent(Fraction(v)) for k, v in shares.items()
                },
            }
        )
    return {
        "network": table.network,
        "input_shape": [exact(d) for d in table.input_shape],
        "dtype": dtype,
        "layers": rows,
        "totals": {k: exact(v) for k, v in totals.items()},
        "uncounted": [{"name": r.name, "kind": r.kind} for r in table.uncounted],
        "bytes": {
            "params": exact(totals["params"] * itemsize),
            "activations": exact(totals["activations"] * itemsize),
        },
        "conventions": _conventions(),
    }


HEADER = (
    "layer",
    "kind",
    "output shape",
    "params",
    "%",
    "MACs",
    "%",
    "FLOPs",
    "mults",
    "adds",
    "other",
    "activations",
    "%",
    "saved",
    "bwd mults",
    "bwd adds",
)
LEFT = 3  # name, kind and shape are left-aligned
# the columns kept first when the table must fit a terminal (indices into HEADER): the
# name, the kind and the parameters always; then the rest in this order
PRIORITY = (0, 1, 3, 5, 2, 7, 4, 6, 11, 13, 8, 9, 10, 12, 14, 15)
NAME_CHARS = 28  # a layer name longer than this is cut (with ...) when the table must fit
SEP = "  "


def _cells(table, r) -> tuple:
    shape = shape_text(r.output_shape)
    if not r.counted:
        unknown = "?"
        return (
            printable(r.name),
            printable(r.kind),
            shape,
            grouped(r.params),
            percent(table.share(r, "params")),
            *([unknown] * 11),
        )
    b = r.backward
    return (
        printable(r.name),
        printable(r.kind),
        shape,
        grouped(r.params),
        percent(table.share(r, "params")),
        grouped(r.macs),
        percent(table.share(r, "macs")),
        grouped(r.flops),
        grouped(r.mults),
        grouped(r.adds),
        grouped(r.other),
        grouped(r.activations),
        percent(table.share(r, "activations")),
        grouped(r.saved),
        "-" if b is None else grouped(b.mults),
        "-" if b is None else grouped(b.adds),
    )


def block_of(name: str) -> str | None:
    """The block a row named by module path belongs to (its first component:
    ``layer1`` of ``layer1.0.conv1``), or ``None`` for a top-level name."""
    head, dot, _ = name.partition(".")
    return head if dot else None


def _subtotal(table, name: str, rows) -> tuple:
    """A block's subtotal line: every column summed over its counted rows."""
    counted = [r for r in rows if r.counted]
    backward = [r.backward for r in counted if r.backward is not None]

    def share(key):
        total = table.totals[key]
        part = sum(getattr(r, key) for r in (rows if key == "params" else counted))
        return percent(Fraction(part, total) if total else Fraction(0))

    return (
        f"{printable(name)} (block)",
        f"{len(rows)} rows",
        "",
        grouped(sum(r.params for r in rows)),
        share("params"),
        grouped(sum(r.macs for r in counted)),
        share("macs"),
        grouped(sum(r.flops for r in counted)),
        grouped(sum(r.mults for r in counted)),
        grouped(sum(r.adds for r in counted)),
        grouped(sum(r.other for r in counted)),
        grouped(sum(r.activations for r in counted)),
        share("activations"),
        grouped(sum(r.saved for r in counted)),
        grouped(sum(b.mults for b in backward)),
        grouped(sum(b.adds for b in backward)),
    )


def blocks(table) -> list:
    """The rows in order, cut into runs by block: ``[(block or None, rows), ...]``."""
    runs: list = []
    for r in table.rows:
        block = block_of(r.name)
        if runs and runs[-1][0] == block and block is not None:
            runs[-1][1].append(r)
        else:
            runs.append((block, [r]))
    return runs


def _body(table) -> tuple[list, set]:
    """Every row's cells, a subtotal after each block of more than one row; the
    subtotal lines' indices."""
    body, subtotals = [], set()
    for block, rows in blocks(table):
        body += [_cells(table, r) for r in rows]
        if block is not None and len(rows) > 1:
            subtotals.add(len(body))
            body.append(_subtotal(table, block, rows))
    return body, subtotals


def _fit(lines: list, width: int | None) -> tuple[list[int], int]:
    """The columns to print (indices into HEADER, in table order) so that a line fits
    ``width`` characters (``None``: all), and the widest name allowed."""
    names = NAME_CHARS if width else max(len(row[0]) for row in lines)
    widths = [max(len(row[i]) for row in lines) for i in range(len(HEADER))]
    widths[0] = min(widths[0], max(names, len(HEADER[0])))
    if not width:
        return list(range(len(HEADER))), widths[0]
    chosen: list[int] = []
    for i in PRIORITY:
        if len(chosen) < 3 or sum(widths[j] + len(SEP) for j in (*chosen, i)) - len(SEP) <= width:
            chosen.append(i)
    return sorted(chosen), widths[0]


def _cut(name: str, chars: int) -> str:
    return name if len(name) <= chars else name[: chars - 3] + "..."


def text_table(table, dtype: str = "float32", lang: str = "en", width: int | None = None) -> str:
    """The table as terminal text: a header naming the input and the padding reading,
    one line per layer (a subtotal after each block of a module-path table), the totals
    and the conventions; the notes from the catalogue in ``lang`` (column names, kinds
    and the kinds' counting notes in English).  ``width``: fit lines to that many
    characters (the columns kept by :data:`PRIORITY`, long names cut, the notes
    wrapped; the columns left out are named); ``None``: every column, unwrapped."""
    t = table.totals
    body, subtotals = _body(table)
    counted = [r for r in table.rows if r.counted and r.backward is not None]
    total = (
        "total",
        "",
        "",
        grouped(t["params"]),
        "100",
        grouped(t["macs"]),
        "100",
        grouped(t["flops"]),
        grouped(t["mults"]),
        grouped(t["adds"]),
        grouped(t["other"]),
        grouped(t["activations"]),
        "100",
        grouped(t["saved"]),
        grouped(sum(r.backward.mults for r in counted)),
        grouped(sum(r.backward.adds for r in counted)),
    )
    columns, name_chars = _fit([HEADER, *body, total], width)
    cut = [tuple(_cut(c, name_chars) if i == 0 else c for i, c in enumerate(row)) for row in body]
    widths = [max(len(row[i]) for row in (HEADER, *cut, total)) for i in range(len(HEADER))]

    def line(row):
        return SEP.join(
            row[i].ljust(widths[i]) if i < LEFT else row[i].rjust(widths[i]) for i in columns
        ).rstrip()

    rule = line(tuple("-" * w for w in widths))
    shape = shape_text(table.input_shape)
    lines = [
        f"{printable(table.network)}: input {shape}",
        *_wrap(text("network.table.padding", lang), width),
        "",
        line(HEADER),
        rule,
    ]
    for index, row in enumerate(cut):
        lines.append(line(row))
        if index in subtotals and index + 1 < len(cut):
            lines.append("")
    lines += [rule, line(total), ""]
    itemsize = DTYPE_BYTES[dtype]
    notes = [
        text(
            "network.table.totals",
            lang,
            params=_human(t["params"]),
            params_bytes=grouped(t["params"] * itemsize),
            dtype=dtype,
            macs=_human(t["macs"]),
            flops=_human(t["flops"]),
            activations=_human(t["activations"]),
            activations_bytes=grouped(t["activations"] * itemsize),
        )
    ]
    if table.uncounted:
        names = ", ".join(f"{printable(r.name)} ({printable(r.kind[2:])})" for r in table.uncounted)
        notes.append(text("network.table.uncounted", lang, count=len(table.uncounted), names=names))
    left_out = [HEADER[i] for i in range(len(HEADER)) if i not in columns]
    if left_out:
        notes.append(text("network.table.left_out", lang, columns=", ".join(left_out)))
    for note in notes:
        lines += _wrap(note, width)
    lines += ["", "conventions:"]
    for k, v in _conventions(lang).items():
        lines += _wrap(f"{k}: {v}", width, "  ", "    ")
    return "\n".join(lines)


def _wrap(note: str, width: int | None, first: str = "", rest: str = "") -> list[str]:
    if not width:
        return [first + note]
    import textwrap

    return textwrap.wrap(
        note, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    ) or [first]


HTML_COLUMNS = ("params", "macs", "flops", "activations", "saved")


def html_table(table, lang: str = "en") -> str:
    """The table for a notebook, compact: the input and totals, one line per block
    (a module path's first component; top-level rows stand alone), and every row in a
    collapsed ``<details>``.  Every name is HTML-escaped."""
    from html import escape

    def cells(values, tag="td"):
        return "".join(f"<{tag}>{escape(str(v))}</{tag}>" for v in values)

    head = cells(("layer", "kind", "output shape", *HTML_COLUMNS), "th")
    t = table.totals
    runs = blocks(table)
    summary = []
    for block, rows in runs:
        if block is None or len(rows) == 1:
            summary += [cells(_html_row(r)) for r in rows]
        else:
            counted = [r for r in rows if r.counted]
            sums = [
                grouped(sum(getattr(r, k) for r in (rows if k == "params" else counted)))
                for k in HTML_COLUMNS
            ]
            summary.append(cells((block, f"{len(rows)} rows", "", *sums)))
    total = cells(("total", "", "", *(grouped(t[k]) for k in HTML_COLUMNS)), "th")
    every = "".join(f"<tr>{cells(_html_row(r))}</tr>" for r in table.rows)
    note = text("network.table.html_blocks", lang, rows=len(table.rows), blocks=len(runs))
    uncounted = ""
    if table.uncounted:
        names = ", ".join(f"{r.name} ({r.kind[2:]})" for r in table.uncounted)
        uncounted = (
            "<p>"
            + escape(text("network.table.uncounted", lang, count=len(table.uncounted), names=names))
            + "</p>"
        )
    return (
        f"<div><b>{escape(table.network)}</b>: input {escape(shape_text(table.input_shape))}"
        f"<table><thead><tr>{head}</tr></thead><tbody>"
        + "".join(f"<tr>{row}</tr>" for row in summary)
        + f"</tbody><tfoot><tr>{total}</tr></tfoot></table>{uncounted}"
        f"<details><summary>{escape(note)}</summary><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{every}</tbody></table></details></div>"
    )


def _html_row(r) -> tuple:
    values = [grouped(getattr(r, k)) if r.counted or k == "params" else "?" for k in HTML_COLUMNS]
    return (r.name, r.kind, shape_text(r.output_shape), *values)
