"""Formulas said in words (issue 21; :mod:`derivations.checking.reading.spoken`): read
into the same tree as the formula written with symbols, each quantity said in words read
by the names layer; ambiguous ones refused, never guessed; sentences that are no formula
refused as before.  Answers of our own, right and wrong, per language, through ``check``
and ``grade``."""

from derivations.checking import check, feedback
from derivations.checking.reading.informal import SAID_WITH_FIELDS
from derivations.checking.reading.spoken import NOTE, may_be_spoken
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# language -> (question, answer, verdict, read as: the formula's text, or the refusal's key)
LANGUAGES = {
    "en": [
        ("output-height", "h plus 2p minus k, divided by s, plus one", C, "(h + 2×p − k)/s + 1"),
        ("output-height", "(h minus k plus 1) over s", W, "(h − k + 1)/s"),
        (
            "output-height",
            "the input height plus twice the padding minus the kernel height, all over the "
            "stride, plus one",
            C,
            "(h + 2×p − k_h)/s + 1",
        ),
        (
            "output-height",
            "the floor of the input height minus the kernel height plus two times the padding, "
            "all divided by the stride, plus one",
            C,
            "⌊(h − k_h + 2×p)/s⌋ + 1",
        ),
        (
            "output-height",
            "the output height is h minus k plus 2 times p, all over s, plus one",
            C,
            "(h − k + 2×p)/s + 1",
        ),
        (
            "forward-mults",
            "the product of the output height, the output width, the kernel's height and "
            "width and the input and output channels",
            R,
            "m_h×m_w×k_h×k_w×c_i×c_o",
        ),
        (
            "forward-mults",
            "input channels times output channels times kernel size squared times output "
            "height times output width",
            C,
            "c_i×c_o×k²×m_h×m_w",
        ),
        ("forward-mults", "k squared times c_i times m_h times m_w", W, "k²×c_i×m_h×m_w"),
        (
            "forward-mults",
            "the product of the input channels, the kernel's height and width and the output "
            "height and width",
            W,
            "c_i×k_h×k_w×m_h×m_w",
        ),
        ("forward-ops", "twice the MACs", C, "2×MACs"),
        ("forward-ops", "twice the product of c_i, c_o, k_h, k_w, m_h and m_w", C, None),
        (
            "forward-adds",
            "(c_i times k_h times k_w minus one) times c_o times m_h times m_w",
            R,
            "(c_i×k_h×k_w − 1)×c_o×m_h×m_w",
        ),
        ("bias-size", "the number of output channels", R, "c_o"),
        ("bias-size", "The size of the bias parameter should be the number of filters.", R, "c_o"),
        ("bias-size", "the number of input channels", W, "c_i"),
        ("forward-mults", "two times the output channels", W, "2×c_o"),
        # ambiguous: refused, never guessed
        ("output-height", "h plus 2p minus k over s plus one", N, "reading.spoken_ambiguous"),
        (
            "forward-mults",
            "the square of k times c_i times c_o times m_h times m_w",
            N,
            "reading.spoken_ambiguous",
        ),
        # no formula: refused as before
        ("output-height", "it depends on the stride and the padding", N, "reading.sentence_only"),
    ],
    "zh": [
        (
            "output-height",
            "（输入高度减卷积核高度加2乘填充）除以步幅，再加1",
            C,
            "(h − k_h + 2×p)/s + 1",
        ),
        (
            "output-height",
            "(输入高度减卷积核高度加两倍填充)除以步幅向下取整再加1",
            C,
            "⌊(h − k_h + 2×p)/s⌋ + 1",
        ),
        ("output-height", "输入高度加两倍填充减卷积核高度，除以步幅", W, "(h + 2×p − k_h)/s"),
        (
            "forward-mults",
            "输入通道数乘以输出通道数乘以卷积核大小的平方乘以输出高度乘以输出宽度",
            C,
            "c_i×c_o×k²×m_h×m_w",
        ),
        (
            "forward-mults",
            "乘法次数为输入通道数乘以输出通道数乘以卷积核大小的平方乘以输出高度乘以输出宽度",
            C,
            "c_i×c_o×k²×m_h×m_w",
        ),
        (
            "forward-mults",
            "输入通道数、输出通道数、卷积核高度、卷积核宽度、输出高度和输出宽度的乘积",
            R,
            "c_i×c_o×k_h×k_w×m_h×m_w",
        ),
        (
            "forward-mults",
            "输入通道数乘以卷积核大小的平方乘以输出高度乘以输出宽度",
            W,
            "c_i×k²×m_h×m_w",
        ),
        ("forward-mults", "输入通道数和输出通道数相乘", W, "c_i×c_o"),
        ("output-height", "输入高度减卷积核高度加1除以步幅", N, "reading.spoken_ambiguous"),
        # another count of the layer named in Chinese, said twice or three times
        ("forward-ops", "乘法次数的两倍", C, "2×乘法次数"),
        ("forward-ops", "2倍的乘法次数", C, "2×乘法次数"),
        ("forward-ops", "乘法次数的三倍", W, "3×乘法次数"),
    ],
    "fr": [
        ("output-width", "(w moins k_w plus 2 fois p_w) divisé par s_w, plus 1", C, None),
        ("forward-mults", "c_i fois c_o fois k_h fois k_w fois m_h fois m_w", R, None),
        ("forward-mults", "c_i fois k_h fois k_w fois m_h fois m_w", W, None),
    ],
    "de": [
        ("output-height", "(h minus k_h plus 2 mal p_h) geteilt durch s_h plus 1", C, None),
        ("forward-mults", "c_i mal c_o mal k^2 mal m_h mal m_w", C, None),
    ],
    "es": [("output-height", "(h menos k_h más 2 p_h) dividido por s_h más 1", C, None)],
    "ru": [
        (
            "forward-mults",
            "c_i умножить на c_o умножить на k_h умножить на k_w умножить на m_h умножить на m_w",
            R,
            None,
        ),
    ],
    "ja": [
        ("forward-mults", "c_i かける c_o かける k_h かける k_w かける m_h かける m_w", R, None)
    ],
    "ko": [
        ("forward-mults", "c_i 곱하기 c_o 곱하기 k_h 곱하기 k_w 곱하기 m_h 곱하기 m_w", R, None)
    ],
}
ROWS = [(lang, *row) for lang, rows in LANGUAGES.items() for row in rows]


def _spoken_read(result, *, verdict, read, **_row):
    if verdict == N:
        assert result.error["id"] == read
    else:
        if read is not None:
            assert result.parsed["text"] == read
        notes = [note["id"] for note in result.parsed["notes"]]
        assert NOTE in notes, notes
    for said in ("en", "zh"):
        assert feedback(result, said)


TABLE = Table("lang, question, answer, verdict, read", ROWS)
test_a_formula_said_in_words_is_read_as_the_formula_it_says = TABLE.check_test(also=_spoken_read)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_each_language_has_answers_right_and_wrong():
    for lang in ("en", "zh", "fr"):
        verdicts = {row[2] for row in LANGUAGES[lang]}
        assert verdicts & {R, C} and W in verdicts, lang
    for lang in ("en", "zh"):
        assert N in {row[2] for row in LANGUAGES[lang]}, lang


def test_the_reading_is_said_in_read_as():
    assert NOTE in SAID_WITH_FIELDS
    result = check("output-height", "h plus 2p minus k, divided by s, plus one")
    for lang in ("en", "zh"):
        assert "h plus 2p minus k" in feedback(result, lang)


def test_the_gate_is_cheap_and_lets_formulas_through():
    # a formula written with symbols is never read as words (the reading is tried only
    # where the lexer fails); the gate is a set of words and characters
    assert not may_be_spoken("(h - k_h + 2*p_h)/s_h + 1")
    assert may_be_spoken("h minus k") and may_be_spoken("输入高度减卷积核高度")
    assert check("output-height", "(h - k_h + 2*p_h)/s_h + 1").parsed["notes"] == []
