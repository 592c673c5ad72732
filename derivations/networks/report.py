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

__all__ = [
    "JSON_DIGITS",
    "TEXT_DIGITS",
    "network_report",
    "percent",
    "printable",
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
    conventions["? <class>"] = Unsupported.counting
    for key in ("padding", "counting", "activations", "saved", "backward"):
        conventions[key] = text(f"network.convention.{key}", lang)
    return conventions


def network_report(table, dtype: str = "float32") -> dict:
    """The JSON-ready table: rows, totals, exact shares, bytes and the conventions."""
    itemsize = {"float16": 2, "float32": 4, "float64": 8}[dtype]
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


def text_table(table, dtype: str = "float32", lang: str = "en") -> str:
    """The table as terminal text: a header naming the input and the padding reading,
    one line per layer, the totals and the conventions; the notes from the catalogue in
    ``lang`` (column names, kinds and the kinds' counting notes in English)."""
    t = table.totals
    body = [_cells(table, r) for r in table.rows]
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
    widths = [max(len(row[i]) for row in (HEADER, *body, total)) for i in range(len(HEADER))]

    def line(row):
        return "  ".join(
            c.ljust(w) if i < LEFT else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))
        )

    rule = line(tuple("-" * w for w in widths))
    shape = shape_text(table.input_shape)
    lines = [
        f"{printable(table.network)}: input {shape}",
        text("network.table.padding", lang),
        "",
        line(HEADER),
        rule,
        *map(line, body),
        rule,
        line(total),
        "",
    ]
    itemsize = {"float16": 2, "float32": 4, "float64": 8}[dtype]
    lines.append(
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
    )
    if table.uncounted:
        names = ", ".join(f"{printable(r.name)} ({printable(r.kind[2:])})" for r in table.uncounted)
        lines.append(text("network.table.uncounted", lang, count=len(table.uncounted), names=names))
    lines += ["", "conventions:"] + [f"  {k}: {v}" for k, v in _conventions(lang).items()]
    return "\n".join(lines)
