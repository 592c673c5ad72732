"""The thin CLI: cost (table and JSON), verify, bench selection, one-line errors."""

import json
import subprocess
import sys

import pytest

from derivations.cli import main
from derivations.execute import run_layer
from derivations.model import Layer

BOOKISH = [
    "--ci",
    "3",
    "--co",
    "64",
    "--h",
    "32",
    "--w",
    "32",
    "--kh",
    "3",
    "--kw",
    "3",
    "--ph",
    "2",
    "--pw",
    "2",
]


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cost_json_agrees_with_execution(capsys):
    code, out, _ = run_cli(capsys, "cost", *BOOKISH, "--batch", "2", "--bias", "--json")
    report = json.loads(out)
    layer = Layer(c_i=3, c_o=64, h=32, w=32, k_h=3, k_w=3, p_h=2, p_w=2, batch=2, bias=True)
    executed = run_layer(layer).counts
    assert code == 0 and report["output_shape"] == [2, 64, 32, 32]
    assert report["forward"] == {
        k: executed[f"forward_{k}"] for k in ("mults", "adds", "ops", "macs", "flops")
    }
    assert report["backward"]["dx"] == {
        "mults": executed["backward_dx_mults"],
        "adds": executed["backward_dx_adds"],
    }
    assert report["memory"]["saved_for_backward"] == executed["memory_saved_for_backward"]
    assert report["memory_bytes"]["input"] == 4 * executed["memory_input"]


def test_cost_table_names_its_conventions(capsys):
    code, out, _ = run_cli(
        capsys, "cost", *BOOKISH, "--padding-convention", "per-side", "--dtype", "float64"
    )
    assert code == 0
    assert "[1, 64, 34, 34]" in out and "per-side" in out and "exact counting" in out
    assert "float64" in out


@pytest.mark.parametrize(
    "change, named",
    [
        (["--ci", "3.5"], "'3.5'"),
        (["--ci", "-3"], "c_i=-3"),
        (["--groups", "2"], "groups=2"),
        (["--kh", "40"], "k_h=40"),
        (["--sh", "0"], "s_h=0"),
        (["--dtype", "float128"], "'float128'"),
        (["--padding-convention", "left"], "'left'"),
    ],
)
def test_cost_bad_input_is_one_line_exit_2(change, named):
    argv = [sys.executable, "-m", "derivations", "cost", *BOOKISH, *change]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert done.returncode == 2
    assert named in done.stderr and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_verify_passes_and_reports_every_form(capsys):
    code, out, _ = run_cli(capsys, "verify", "--samples", "12", "--seed", "3")
    assert code == 0 and "all closed forms exact" in out
    assert "backward_dx_adds" in out and "memory_peak_backward" in out


def test_verify_fails_on_a_wrong_form(capsys, monkeypatch):
    import derivations.sweep as sweep_module

    def wrong(layer):
        from derivations.closed_forms import evaluate_all

        values = evaluate_all(layer)
        values["forward_adds"] += 1
        return values

    monkeypatch.setattr(sweep_module, "evaluate_all", wrong)
    code, out, _ = run_cli(capsys, "verify", "--samples", "3")
    assert code == 1 and "first mismatch in forward_adds" in out


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "cost" in out and "verify" in out


def _decimal_scientific(n: int) -> str:
    import decimal

    with decimal.localcontext() as context:
        context.prec, context.rounding, context.Emax = 6, decimal.ROUND_HALF_UP, 10**9
        mantissa, exponent = f"{+decimal.Decimal(n):.5e}".split("e")
    return f"{mantissa}e+{int(exponent)}"


def _cost(*argv):
    return subprocess.run(
        [sys.executable, "-m", "derivations", "cost", *argv], capture_output=True, text=True
    )


def test_cost_with_sizes_of_2300_digits_prints_huge_results_in_scientific_form():
    big = "9" * 2300
    argv = ["--ci", big, "--co", big, "--h", big, "--w", "32", "--kh", "3", "--kw", "3"]
    table = _cost(*argv)
    assert table.returncode == 0 and "Traceback" not in table.stderr
    # c_i c_o m_h m_w k_h k_w: about 6,900 digits, past Python's 4,300-digit limit
    n = int(big)
    mults = n * n * (n - 2) * 30 * 9
    expected = _decimal_scientific(mults)
    assert expected.startswith("2.70000e+6902")
    assert f"forward mults                                 {expected}" in table.stdout
    report = json.loads(_cost(*argv, "--json").stdout)
    assert report["forward"]["mults"] == expected
    assert report["output_shape"][3] == 30 and report["layer"]["c_i"] == int(big)


def test_cost_results_just_under_the_limit_stay_exact():
    size = "9" * 1000  # c_i c_o h: about 3,000 digits, exact
    report = json.loads(
        _cost(
            "--ci", size, "--co", size, "--h", size, "--w", "3", "--kh", "1", "--kw", "1", "--json"
        ).stdout
    )
    assert report["forward"]["mults"] == int(size) ** 3 * 3


@pytest.mark.parametrize("value", ["7" * 4301, "1" * 5000 + "x", "x" * 10_000])
def test_a_4301_digit_argument_is_not_echoed_whole(value):
    done = _cost("--ci", value, "--co", "3", "--h", "5", "--w", "5", "--kh", "3", "--kw", "3")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and len(done.stderr) < 200
    assert "--ci" in done.stderr and "characters" in done.stderr


def test_a_huge_size_in_a_model_error_is_shown_short():
    done = _cost("--ci", "3", "--co", "3", "--h", "5", "--w", "5", "--kh", "9" * 2300, "--kw", "3")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and len(done.stderr) < 200
    assert "k_h=1.00000e+2300 (2300 digits)" in done.stderr


def test_cost_speaks_chinese_with_lang_zh(capsys):
    """Labels, stated conventions and errors come from the catalogue in the asked language."""
    from derivations.messages import text

    code, out, _ = run_cli(capsys, "cost", *BOOKISH, "--bias", "--lang", "zh")
    assert code == 0 and text("cost.row.output_shape", "zh") in out
    assert text("counting.exact_bias", "zh") in out and text("sheets.memory_model", "zh") in out
    assert "rows/columns" not in out and "elements / bytes" not in out
    code, _, err = run_cli(capsys, "cost", *BOOKISH, "--groups", "5", "--lang", "zh")
    assert code == 2 and "不能整除" in err and len(err.strip().splitlines()) == 1


def test_cost_json_states_its_conventions_in_english_whatever_the_lang(capsys):
    from derivations.messages import text

    code, out, _ = run_cli(capsys, "cost", *BOOKISH, "--json", "--lang", "zh")
    assert code == 0
    assert json.loads(out)["conventions"]["backward"] == text("cost.backward", "en")
