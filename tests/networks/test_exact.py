"""Issue 8, network files: exact integers everywhere, totals computed once, adaptive
pooling in closed form, huge results in scientific form, names escaped for the terminal.

Oracles: iteration over the pooling cells (small sizes), Python's Decimal for the
scientific form, counting calls for the linear work."""

import json
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from derivations.cli import main
from derivations.networks import graph, parse_network, tabulate
from derivations.networks.kinds import adaptive_cover
from derivations.networks.report import network_report, percent, printable, scientific, text_table


def cells_oracle(size: int, out: int) -> int:
    """nn.AdaptiveAvgPool's cells, iterated: [floor(i L / o), ceil((i + 1) L / o))."""
    return sum(-(-(i + 1) * size // out) - (i * size) // out for i in range(out))


@pytest.mark.parametrize("size", range(1, 40))
def test_adaptive_cover_equals_the_cells(size):
    for out in range(1, 50):
        assert adaptive_cover(size, out) == cells_oracle(size, out), (size, out)


@given(st.integers(1, 10**30), st.integers(1, 3000))
@settings(max_examples=200, deadline=None)
def test_adaptive_cover_exact_past_float(size, out):
    assert adaptive_cover(size, out) == cells_oracle(size, out)


def test_adaptive_pool_to_2_pow_64_is_closed_form(tmp_path, capsys):
    """``out: 2^64`` in a 100-byte file: once an endless loop over the cells."""
    path = tmp_path / "pool.json"
    path.write_text(json.dumps([{"kind": "adaptive_avgpool", "out": [2**64, 1]}]))
    assert len(path.read_bytes()) < 100
    assert main(["network", "--file", str(path), "--json", "--input", "7"]) == 0
    row = json.loads(capsys.readouterr().out)["layers"][0]
    cells = 2**64 * 1
    # along h: 7 + 2^64 - gcd(7, 2^64) = 2^64 + 6 inputs summed; along w all 7 in one cell
    assert row["output_shape"] == [1, 3, 2**64, 1]
    assert row["adds"] == 3 * ((2**64 + 6) * 7 - cells)
    assert row["other"] == 3 * cells


def test_adaptive_pool_above_2_pow_53_exact():
    size = 2**60 + 1  # float division would round these
    table = tabulate(parse_network([{"kind": "adaptive_avgpool", "out": [3, 1]}], (1, size, 1)))
    assert table.rows[0].adds + table.rows[0].other == cells_oracle(size, 3)


def test_every_count_is_an_int_and_shares_are_fractions():
    rows = [
        {"kind": "conv", "out": 3, "kernel": 3},
        {"kind": "relu"},
        {"kind": "adaptive_avgpool", "out": 2},
        {"kind": "flatten"},
        {"kind": "linear", "out": 3},
    ]
    table = tabulate(parse_network(rows, (2, 9, 9)))
    for row in table.rows:
        for key in graph.COLUMNS:
            assert type(getattr(row, key)) is int, key
        assert type(table.share(row, "macs")) is Fraction
    assert all(type(v) is int for v in table.totals.values())
    report = network_report(table)
    for key in ("params", "macs", "activations"):
        assert sum(Fraction(r["share"][key]) for r in report["layers"]) == 1
    assert report["layers"][0]["percent"]["macs"] == percent(table.share(table.rows[0], "macs"))


@pytest.mark.parametrize(
    "share, shown",
    [
        (Fraction(1, 8), "12.5"),
        (Fraction(1, 3), "33.3"),
        (Fraction(1, 2000), "0.1"),
        (Fraction(1, 2001), "0.0"),
        (Fraction(2, 3), "66.7"),
        (Fraction(1), "100.0"),
    ],
)
def test_percent_rounds_half_up_from_the_fraction(share, shown):
    assert percent(share) == shown


def test_totals_computed_once(monkeypatch):
    """Linear in rows: the totals are summed once per table, never per share."""
    calls = []
    real = graph.totals_of
    monkeypatch.setattr(graph, "totals_of", lambda rows: calls.append(1) or real(rows))
    rows = [{"kind": "relu"}] * 2000
    table = tabulate(parse_network(rows, (1, 2, 2)))
    network_report(table)
    text_table(table)
    assert len(calls) == 1


def test_ten_thousand_rows_accepted_and_counted():
    rows = [{"kind": "relu"}] * graph.MAX_LAYERS
    table = tabulate(parse_network(rows, (1, 2, 2)))
    assert table.totals["other"] == 4 * graph.MAX_LAYERS


def _decimal_oracle(n: int, significant: int = 4) -> str:
    with localcontext() as context:
        context.prec, context.rounding = significant, ROUND_HALF_UP
        context.Emax = 10**9
        value = +Decimal(n)
    mantissa, exponent = f"{value:.{significant - 1}e}".split("e")
    return f"{mantissa}e+{int(exponent)}"


@given(st.integers(1, 10**60) | st.integers(10**60, 10**5000))
@settings(max_examples=300, deadline=None)
def test_scientific_form_rounds_like_decimal(n):
    assert scientific(n) == _decimal_oracle(n)


def test_huge_results_print_in_scientific_form(tmp_path, capsys):
    """Totals past 1.8e308 (once an OverflowError) and past 4300 digits (once a
    ValueError): scientific in the table, in JSON past 4300 digits, exact below."""
    big = 10**4000
    path = tmp_path / "huge.json"
    path.write_text(
        json.dumps(
            {
                "input": [3, 8, 8],
                "layers": [
                    {"kind": "conv", "out": big, "kernel": 3},
                    {"kind": "conv", "out": big, "kernel": 1},
                ],
            }
        )
    )
    assert main(["network", "--file", str(path)]) == 0
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("total")).split()
    table = tabulate(parse_network(json.loads(path.read_text())["layers"], (3, 8, 8)))
    assert total[1] == scientific(table.totals["params"])
    assert total[3] == scientific(table.totals["macs"]) == "3.600e+8001"
    assert "Traceback" not in out
    assert main(["network", "--file", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["totals"]["macs"] == "3.600e+8001"  # > 4300 digits
    assert report["layers"][0]["output_shape"][1] == big  # exact below the limit
    assert report["layers"][0]["params"] == big * 27 + big


NAMES = [
    "a\nb",
    "esc\x1b[31mred",
    "rlo\u202eevil",
    "nul\x00",
    "tab\there",
    "back\\slash",
    "bidi\u2066iso",
    "line\u2028sep",
    "中文层",
]


def test_names_escaped_in_the_table(tmp_path, capsys):
    rows = [{"name": name, "kind": "relu"} for name in NAMES]
    path = tmp_path / "names.json"
    path.write_text(json.dumps({"name": "net\x1b]0;title\x07", "layers": rows}))
    assert main(["network", "--file", str(path)]) == 0
    out = capsys.readouterr().out
    for bad in ("\x1b", "\u202e", "\x00", "\t", "\u2066", "\u2028", "\x07"):
        assert bad not in out
    lines = out.splitlines()
    assert lines[0] == "net\\x1b]0;title\\x07: input 1x3x224x224"
    names = [line.split("  ")[0] for line in lines[5 : 5 + len(NAMES)]]
    assert names == [
        "a\\nb",
        "esc\\x1b[31mred",
        "rlo\\u202eevil",
        "nul\\x00",
        "tab\\there",
        "back\\\\slash",
        "bidi\\u2066iso",
        "line\\u2028sep",
        "中文层",
    ]
    assert all(printable(name) == shown for name, shown in zip(NAMES, names))
    assert main(["network", "--file", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)  # JSON keeps the names exactly
    assert [r["name"] for r in report["layers"]] == NAMES
