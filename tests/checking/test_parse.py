"""Reading pasted answers: normalization, aliases, LaTeX, errors with columns, hostile
input, and a fuzz test (the parser raises only the project error; what it reads stays
within the size bounds)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.parse import parse_answer
from derivations.errors import DerivationError

READINGS = [
    ("2c_ihw", "2*c_i*h*w"),
    ("c_o×c_i×(⌊(ℎ−𝑘_ℎ+𝑝_ℎ+𝑠_ℎ)/𝑠_ℎ⌋)", "c_o*c_i*floor((h - k_h + p_h + s_h)/s_h)"),
    ("co * [(mh * mw) * (2ci kh kw - 1)]", "c_o*m_h*m_w*(2*c_i*k_h*k_w - 1)"),
    ("O(Ci*Co*Kh*Kw*Mh*Mw)", "O(c_i*c_o*k_h*k_w*m_h*m_w)"),
    (
        r"c_i c_o k_h k_w \lfloor \frac{h+2p_h-k_h}{s_h}+1 \rfloor",
        "c_i*c_o*k_h*k_w*floor((h + 2*p_h - k_h)/s_h + 1)",
    ),
    (r"\left\lceil\dfrac{n_h-k_h+p_h+s_h}{s_h}\right\rceil", "ceil((h - k_h + p_h + s_h)/s_h)"),
    ("k_{h}k_{w}", "k_h*k_w"),
    ("𝑘ℎ·𝑘𝑤", "k_h*k_w"),
    ("kₕ", "k_h"),
    ("k²", "k^2"),
    ("(h+1)³", "(h + 1)^3"),
    ("x⁻¹".replace("x", "h"), "h^(-1)"),
    ("C_in*C_out", "c_i*c_o"),
    ("H_out W_out", "m_h*m_w"),
    ("o_h*o_w", "m_h*m_w"),
    ("nh nw", "h*w"),
    ("(a)(b)".replace("a", "h").replace("b", "w"), "h*w"),
    ("h -w", "h - w"),
    ("-k^2", "-k^2"),
    ("2^-1 h", "2^(-1)*h"),
    ("（h＋w）", "h + w"),
    ("【h－w】", "h - w"),
    ("h ÷ s_h", "h/s_h"),
    ("h – w — p_h", "h - w - p_h"),
    ("h ∗ w", "h*w"),
    ("h ⋅ w", "h*w"),
    ("(h-k_h+p_h+s_h)//s_h", "floor((h - k_h + p_h + s_h)/s_h)"),
    ("max(h, w, 3) + min(k_h, k_w)", "max(h, w, 3) + min(k_h, k_w)"),
    ("floor((h-k)/s)+1", "floor((h - k)/s) + 1"),
    ("ceiling(h/s_h)", "ceil(h/s_h)"),
    ("m_h = h - k_h + 1.", "h - k_h + 1"),
    ("0.5 h", "(1/2)*h"),
    ("$c_i$", "c_i"),
    (r"c_i \times c_o \cdot k_h", "c_i*c_o*k_h"),
    ("k1+k2-1", "k_1 + k_2 - 1"),
    ("k₁ + k₂ − 1", "k_1 + k_2 - 1"),
    (r"\mathcal{O}(h w)", "O(h*w)"),
    (r"\operatorname{floor}(h/s_h)", "floor(h/s_h)"),
    ("h\u200bw", "h*w"),
    ("h**2", "h^2"),
    (r"\{h+w\}", "h + w"),
    ("c_ohw", "c_o*h*w"),
    # scientific notation is a number; "name =" is split off, not the formula
    ("2e3 h", "2000*h"),
    ("1.5E1*h", "15*h"),
    ("25e-1 h", "(5/2)*h"),
    ("3e2h", "300*h"),
    ("FLOPs = 2 h w", "2*h*w"),
    ("= h", "h"),
    ("乘法次数 = h", "h"),
    ("m_h ≈ h", "h"),
]


@pytest.mark.parametrize("raw, text", READINGS)
def test_reading(raw, text):
    assert parse_answer(raw).text == text


def test_latex_echo():
    parsed = parse_answer("floor((h-k_h+p_h+s_h)/s_h) c_o")
    assert parsed.latex == (r"\left\lfloor \frac{h - k_h + p_h + s_h}{s_h} \right\rfloor c_o")


INVALID = [
    ("xq+1", "unknown symbol 'xq'", 1),  # x beside an operator is a letter (x + 2p)
    ("c_i*mykernal", "unknown symbol 'mykernal' (mykernal: probably the kernel size", 5),
    ("h+ (", "ends too early", 5),
    ("h )", "unexpected ')'", 3),
    ("((h)", "ends too early", 5),
    ("(h]", "unexpected ']'", 3),
    ("h^w", "exponent must be a whole number", 2),
    ("h^(1/2)", "not a whole number", 2),
    ("h^65", "larger than 64", 2),
    ("", "empty answer", None),
    ("   ", "empty answer", None),
    ("c_o×c_i×…", "elided terms", 9),
    (r"c_i \cdots c_o", "elided terms", 5),
    ("h # w", "unexpected character '#'", 3),
    ("floor(h, w)", "takes one argument", 1),
    ("2*O(h)", "must enclose the whole answer", None),
    ("h\\", "a lone backslash", 2),
    ("h/0", "division by zero", 2),
    ("h/(2-2)", "division by zero", 2),
    (r"\frac{h}{1-1}", "division by zero", 1),
    ("h//0", "division by zero", 2),
    ("(1-1)^-1 h", "zero to a negative power", 6),
    ("1e309*h", "more than 30 digits written out", 1),
    ("h + w = ", "a side of '=' is empty", 7),
]


@pytest.mark.parametrize("raw, reason, column", INVALID)
def test_invalid_input_names_reason_and_column(raw, reason, column):
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer(raw)
    assert reason in caught.value.reason
    if column is not None:
        assert caught.value.position == column


def test_unknown_symbol_suggests_nearest():
    with pytest.raises(InvalidAnswer) as caught:
        parse_answer("c_q * h")
    assert "nearest known" in caught.value.reason and "c_i" in caught.value.reason


# (text, the bound or refusal that stops it); None: read as a harmless formula in h, w
HOSTILE = [
    ("__import__('os').system('echo pwned')", "unknown symbol '__import__'"),
    ("exec('1')", "unknown symbol 'exec'"),
    ("eval('2')", "unknown symbol 'eval'"),
    ("lambda: 0", "unknown symbol 'lambda'"),
    ("().__class__.__bases__[0]", "unexpected character '.'"),
    ("9^9^9^9", "larger than 64"),
    ("9**9**9**9", "larger than 64"),
    ("10^64^64", "larger than 64"),
    ("(((((2^64)^64)^64)^64)^64)", "exceeds 4096 bits"),  # read, refused when evaluated
    ("(" * 200 + "h" + ")" * 200, "nested more than 20 deep"),
    ("-" * 500 + "h", "nested more than 40 levels"),
    ("h" + "^2" * 200, "nested more than 40 levels"),
    (r"\def\x{1}\x", "unsupported LaTeX command \\def"),
    (r"\input{/etc/passwd}", "unsupported LaTeX command \\input"),
    (r"\write18{rm -rf /}", "unsupported LaTeX command \\write"),
    (r"\immediate\write18{ls}", "unsupported LaTeX command \\immediate"),
    ("h\x00w", "control character U+0000"),
    ("h\x1bw", "control character U+001B"),
    ("\x07", "control character U+0007"),
    ("h\u202ew", None),
    ("9" * 31, "more than 30 digits"),
    ("1e31", "more than 30 digits written out"),
    ("h" * 700, "700 characters long"),
    ("{{7*7}}", None),
    ("${7*7}", None),
    ("%s%s%s", "unexpected character '%'"),
    ("h; import os", "unknown symbol 'import'"),  # two statements, the second no formula
]


@pytest.mark.parametrize("raw, refusal", HOSTILE)
def test_hostile_input_is_refused_or_bounded(raw, refusal):
    from derivations.checking.reading.limits import MAX_BITS
    from derivations.expr.evaluate import compile_node

    try:
        parsed = parse_answer(raw)
        value = compile_node(parsed.tree)({"h": 3, "w": 5})
    except InvalidAnswer as error:
        assert refusal is not None and refusal in error.reason
    else:  # whatever is read stays a small formula of known symbols
        assert refusal is None
        assert parsed.symbols <= {"h", "w"} and abs(value).bit_length() <= MAX_BITS


def test_huge_value_is_refused_at_evaluation():
    from derivations.expr.evaluate import compile_node

    tree = parse_answer("((h^64)^64)^64").tree
    with pytest.raises(InvalidAnswer, match="exceeds"):
        compile_node(tree)({"h": 3})


ALPHABET = st.sampled_from(
    list("hwkcsp_io0123456789+-*/^()[]{}⌊⌋⌈⌉×·−²³ₕ𝑘ℎ \\,.=")
    + ["frac", "lfloor", "c_i", "k_h", "max(", "O(", "\x00", "floor("]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=80))
def test_fuzz_parser_raises_only_project_error(raw):
    from derivations.checking.reading.limits import MAX_DEPTH, MAX_LENGTH
    from derivations.expr import tree as ex

    try:
        parsed = parse_answer(raw)
    except DerivationError:
        return
    assert len(raw) <= MAX_LENGTH and ex.depth(parsed.tree) <= MAX_DEPTH
