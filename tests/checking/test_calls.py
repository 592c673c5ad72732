"""Function calls and shapes in an answer (issue 21; :mod:`derivations.checking.reading.code`,
:mod:`.answer`): ``prod``/``np.prod``/``math.prod`` of a pair parameter, a tuple or a shape,
``x.numel()``/``torch.numel(x)``, ``x.shape[2]``/``x.size(2)``, ``torch.div(…,
rounding_mode='floor')``/``floor_divide``; a tensor's shape as the answer to a question
that asks for a tensor's number of elements (the question record's ``tensor``: bias-size),
``(c_o,)``, ``of shape (c_o, 1)``, ``rand(c_o, 1)``; a bare ``rand(n)`` (MATLAB: n × n;
NumPy, Julia: n) refused.  Answers of our own, through ``check`` and ``grade``."""

from derivations.checking import check, feedback
from derivations.registry.questions import QUESTIONS
from tests.checking.rows import Table

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"

# (question, answer, verdict, the formula read or the refusal's key)
ROWS = [
    ("forward-mults", "c_o * c_i * prod(kernel_size) * m_h * m_w", R, "c_o×c_i×k_h×k_w×m_h×m_w"),
    ("forward-mults", "c_i * math.prod(kernel_size) * m_h * m_w", W, "c_i×k_h×k_w×m_h×m_w"),
    ("forward-mults", "c_o * c_i * np.prod((k_h, k_w)) * m_h * m_w", R, None),
    (
        "forward-mults",
        "c_o * c_i * prod(kernel_size) * prod(out.shape[2:])",
        R,
        "c_o×c_i×k_h×k_w×m_h×m_w",
    ),
    ("forward-mults", "np.prod(out.shape) * c_i * k_h * k_w", R, None),
    ("forward-mults", "out.numel() * c_i * k_h * k_w", R, None),
    ("forward-mults", "torch.numel(y) * c_i * math.prod(kernel_size)", R, None),
    ("forward-mults", "x.numel() * c_o * k_h * k_w", W, None),
    ("output-height", "(x.shape[2] + 2*p - k)//s + 1", C, "⌊(h + 2×p − k)/s⌋ + 1"),
    ("output-height", "(x.size(2) + 2*p - k)//s + 1", C, "⌊(h + 2×p − k)/s⌋ + 1"),
    ("output-height", "(x.shape[2] - k)//s + 1", W, None),
    ("output-height", "torch.div(h + 2*p - k, s, rounding_mode='floor') + 1", C, None),
    ("output-height", "torch.floor_divide(h + 2*p_h - k_h, s_h) + 1", C, None),
    ("output-height", "torch.div(h - k, s, rounding_mode='floor') + 1", W, None),
    # a tensor's shape where the question asks for its number of elements
    ("bias-size", "(c_o,)", R, "c_o"),
    ("bias-size", "the bias should be of shape (c_o, 1)", R, "c_o×1"),
    ("bias-size", "偏置的形状为 (c_o,)", R, "c_o"),
    ("bias-size", "b = np.zeros((c_o, 1))", R, None),
    ("bias-size", "b = torch.zeros(c_o)", R, "c_o"),
    ("bias-size", "b = rand(c_o, 1);", R, None),
    ("bias-size", "b = zeros(c_o, c_i)", W, "c_o×c_i"),
    ("bias-size", "of shape (c_o, c_i, k_h, k_w)", W, None),
    ("bias-size", "b = rand(c_o);", N, "reading.shape_one_size"),
]


def _call_read(result, *, verdict, read, **_row):
    if verdict == N:
        assert result.error["id"] == read
    elif read is not None:
        assert result.parsed["text"] == read
    for lang in ("en", "zh"):
        assert feedback(result, lang)


TABLE = Table("question, answer, verdict, read", ROWS)
test_a_call_or_a_shape_is_read_as_what_it_computes = TABLE.check_test(also=_call_read)
test_grade_reads_them_the_same = TABLE.grade_test()


def test_only_a_question_that_says_so_reads_a_shape_as_its_count():
    assert [q.id for q in QUESTIONS.values() if q.tensor] == ["bias-size"]
    # a pair answering a count asked of no tensor is no shape
    assert check("forward-mults", "(c_o, c_i)").verdict == N
