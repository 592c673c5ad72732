"""Issue 21, session sixteen's review (s16rev's findings F1, F4, F6, F8-F11, F15), by
class, each a table of answers of our own, right and wrong, through ``check`` and
``grade``:

- a constructor's shape given blank or twice (``np.random.uniform(0, 1, size=)``, a
  ``size=`` repeated, a shape given by position and by keyword: a SyntaxError or a
  TypeError in Python): no shape is read from it, and it is refused in one line.
  Before, the blank one failed with an IndexError (verdict ``error``), and the twice
  given ones were read from the first or from the keyword.

- a sum or a product over a huge range, or nested ones (``\\sum_{i=1}^{999999999} 0``,
  twenty nested ``\\sum_i``): refused, naming the operator and its range, before any
  term is built, by a count of terms (:data:`.limits.MAX_TERMS`), not by the CPU
  timer, which the practice page does not have.  Before, each ran until the timer
  stopped it (2 s; with no timer, 10^9 terms ran for an hour and a half).

- a step over a layer's index with its start stated at an index (``RF_0 = 0``,
  ``r_{0} = 1``, ``RF(0) = 0``: before layer 1; ``RF_1 = k_1``: after it): run from
  that start; a start after layer 1 other than the kernel (``r_1 = k_1 - 1``) refused.
  Before, the start was ignored and the step run from one pixel: ``RF_0 = 0``
  accepted (it gives k_1 + k_2 - 2).

- the strides in a receptive field's sum or step: a product of strides must run from
  layer 1 to the layer before its kernel's (``\\prod_{j=1}^{i-1} s_j`` beside ``k_i``,
  ``\\prod_{i=1}^{l} s_i`` beside ``k_{l+1}``); a stride standing as a factor of its
  own (``(k_i - 1) s_i``, ``s_j^2``), a product to the kernel's own layer or to the
  last, and a stride stated beside the sum (``…, s = 2``) are refused, naming the
  part.  At the question's stride of 1 each gives the right number, so its form is
  what is judged.  Before, every stride was put in as 1: each was accepted.

- a stride stated after the formula outside brackets (``at stride 2``, ``when the
  stride is 2``, ``# stride 2``, ``# 步幅为 2``): another layer than the question's,
  refused as the same remark in brackets is (``checker.reason.remark_other_layer``);
  a jump scaled by a whole number each layer (``j = j * 2``, ``j *= 2``) is that
  stride.  Before, the phrase or comment was dropped unread, the jump's update
  skipped, and the answer accepted.

- a number on the other side of ``≈`` (``5 ≈ c_o c_i k_h k_w m_h m_w``), or after ``~``
  (``… ~ 5``): an approximation, valued as ``formula ≈ number`` is (it must round the
  formula's value; a formula of the layer is refused naming it).  Before, each was
  read as the author's worked number, never graded, and the answer accepted.

- the name an array is assigned to (``self.params['weight'] = np.zeros(c_o)``,
  ``self.W = …``): judged as the name before ``name = formula`` is (a name of the
  weights refused for the bias).  Before, the tensor path returned the count alone
  and the name was never judged.

- a name of more than one letter that reads as another of the layer's symbols
  (``W1 = np.zeros(c_o)``, ``self.params['W1'] = …``, ``input_channels = c_o``,
  ``输入通道数 = c_o`` answering bias-size): refused as the same name before a number
  is (``checker.reason.lead_names_other``).  Before, a formula's name was judged only
  as a word or the other axis's size, and each was accepted.

No wrong answer is accepted: each wrong row is ``not_equivalent``, or refused."""

from __future__ import annotations

import time

import pytest

from derivations.checking import check
from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
UNROLLED = "checker.reason.not_unrolled: "

# {class: [(question, answer, verdict, said)]}: said as tests.checking.rows.said_as reads it
CLASSES = {
    "a constructor's shape given blank or twice": [
        ("bias-size", "np.random.uniform(0, 1, size=)", N, None),
        ("bias-size", "b = np.random.normal(0, 0.1, size= )", N, None),
        ("bias-size", "np.random.uniform(-1, 1, size=(c_o,), size=(c_i,))", N, None),
        ("bias-size", "np.random.uniform(-1, 1, (c_o,), size=(c_i,))", N, None),
        ("bias-size", "偏置 = np.random.uniform(0, 1, (c_o,), size=(c_o,))", N, None),
        guard("bias-size", "b = np.random.uniform(-1, 1, size=(c_i,))", W, None),
        guard("bias-size", "b = np.random.uniform(-1, 1, size=(c_o,))", R, None),
        guard("bias-size", "偏置 = np.random.normal(0, 0.1, (c_o,))", R, None),
    ],
    "a sum over a huge range or nested sums": [
        (
            "compose-size",
            r"1 + \sum_{i=1}^{999999999} 0",
            N,
            r"checker.reason.not_unrolled: \sum_{i=1}^{999999999}",
        ),
        (
            "compose-size",
            r"\sum_{i=-99999}^{0} 0 + k_1 + k_2 - 1",
            N,
            UNROLLED + r"\sum_{i=-99999}^{0}",
        ),
        (
            "compose-size",
            r"k_1 + k_2 - 1 + \sum_{i=1}^{300} \sum_{j=1}^{300} 0",
            N,
            UNROLLED + r"\sum_{i=1}^{300}",
        ),
        (
            "compose-size",
            "感受野 = k_1 + k_2 - 1 + " + r"\sum_i(" * 12 + "0" + ")" * 12,
            N,
            UNROLLED + r"\sum_i",
        ),
        ("compose-size", "k_1 + k_2 - " + r"\prod_j" * 40 + "s_j", N, UNROLLED + r"\prod_j"),
        guard("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} s_j", R, None),
        guard("compose-size", r"感受野 = 1 + \sum_{i=1}^{2} (k_i - 1)", R, None),
        guard("compose-size", r"\sum_{i=1}^{L} k_i", W, None),
    ],
    "a step's start stated at an index": [
        ("compose-size", "RF_{l+1} = RF_l + (k_{l+1} - 1), RF_0 = 0", W, None),
        ("compose-size", "r_{i+1} = r_i + (k_{i+1} - 1), r_{0} = 0", W, None),
        ("compose-size", "RF_l = RF_{l-1} + (k_l - 1), RF(0) = 0", W, None),
        ("compose-size", "感受野递推：RF_l = RF_{l-1} + (k_l - 1)，初值 RF_0 = 0", W, None),
        ("compose-size", "RF_l = RF_{l-1} + (k_l - 1); RF_0 = 3", W, None),
        ("compose-size", "r_{i+1} = r_i + k_{i+1} - 1, r_1 = k_1 - 1", N, None),
        ("compose-size", "RF_l = RF_{l-1} + (k_l - 1), RF_1 = k_1 + 1", N, None),
        guard("compose-size", "RF_l = RF_{l-1} + (k_l - 1), RF_0 = 1", R, None),
        guard("compose-size", "感受野递推：RF_l = RF_{l-1} + (k_l - 1)，初值 RF_0 = 1。", R, None),
        guard("compose-size", "RF_l = RF_{l-1} + (k_l - 1), RF_1 = k_1", R, None),
    ],
    "the strides in a receptive field's sum or step": [
        (
            "compose-size",
            r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i} s_j",
            N,
            UNROLLED + r"\prod_{j=1}^{i} s_j",
        ),
        ("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{L} s_j", N, None),
        ("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) s_i", N, UNROLLED + "s_i"),
        ("compose-size", r"感受野 = 1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} s_j^2", N, None),
        (
            "compose-size",
            r"\sum_{i=1}^{L} (k_i - 1) \prod_{j<i} s_j + \prod_{j=1}^{L} s_j",
            N,
            None,
        ),
        ("compose-size", r"RF_{l+1} = RF_l + (k_{l+1} - 1) \prod_{i=1}^{l+1} s_i", N, None),
        (
            "compose-size",
            r"1 + Σ_{i=1}^{L} (k_i − 1) ∏_{j=1}^{i-1} s_j, s = 2",
            N,
            UNROLLED + "s = 2",
        ),
        guard(
            "compose-size", r"感受野 1 + Σ_{i=1}^{L} (k_i − 1) ∏_{j<i} s_j，步幅 s_j = 2", N, None
        ),
        guard("compose-size", r"1 + Σ_{i=1}^{L} (k_i − 1) ∏_{j<i} s_j", R, None),
        guard("compose-size", r"RF_{l+1} = RF_l + (k_{l+1} - 1) \prod_{i=1}^{l} s_i", R, None),
        guard(
            "compose-size", r"两层：1 + \sum_{l=1}^{L}((k_l - 1)\prod_{i=1}^{l-1}(s_i))", R, None
        ),
        guard("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) j_i", R, None),
        guard("compose-size", r"\sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} s_j", W, None),
    ],
    "a stride stated after the formula": [
        (
            "compose-size",
            "k_1 + k_2 - 1 at stride 2",
            N,
            "checker.reason.remark_other_layer: stride 2",
        ),
        ("compose-size", "k_1 + k_2 - 1 when the stride is 2", N, None),
        ("compose-size", "k_1 + k_2 - 1  # stride 2", N, None),
        ("compose-size", "k_1 + k_2 - 1  # 步幅为 2", N, None),
        ("compose-size", "k_1 + k_2 - 1 with a stride of 3", N, None),
        guard("compose-size", "k_1 + k_2 - 1 (stride 2)", N, None),
        guard("compose-size", "k_1 + k_2 - 1 at stride 1", R, None),
        guard("compose-size", "k_1 + k_2 - 1  # 步幅 1", R, None),
        guard("compose-size", "k_1 + k_2  # stride 1", W, None),
        ("compose-size", "r = r + (k - 1) * j; j = j * 2", W, None),
        ("compose-size", "r = r + (k - 1) * j; j *= 2", W, None),
        ("compose-size", "感受野：r = r + (k - 1) * j；j = 2 * j", W, None),
        guard("compose-size", "r = r + (k - 1) * j; j = j * s", R, None),
        guard("compose-size", "r = r + (k - 1) * j; j *= 1", R, None),
    ],
    "a number beside ≈ or ~": [
        ("forward-mults", "5 ≈ c_o c_i k_h k_w m_h m_w", N, "reading.approximation_far: 5"),
        ("forward-mults", "c_o c_i k_h k_w m_h m_w ~ 5", N, None),
        ("forward-mults", "乘法次数：1296 ≈ c_o c_i k_h k_w m_h m_w", N, None),
        guard("double-channels", "4.04 ≈ 4c_o/c_o", N, None),
        guard("double-channels", "4c_o/c_o ~ 4.04", N, None),
        guard("double-channels", "4c_o/c_o ~ 4", C, None),
        guard("double-channels", "4 ≈ 4c_o/c_o", C, None),
        guard("forward-mults", "MACs ~ c_o c_i k_h k_w m_h m_w", R, None),
        guard("forward-mults", "乘法次数约为 c_o c_i k_h k_w m_h", W, None),
    ],
    "the name an array is assigned to": [
        ("bias-size", "self.params['weight'] = np.zeros(c_o)", N, None),
        ("bias-size", "self.weight = np.random.randn(c_o) * 0.01", N, None),
        ("bias-size", "self.W = np.zeros(c_o)", N, None),
        ("bias-size", "self.weights = np.zeros((c_o,))", N, None),
        guard("bias-size", "self.params['b1'] = np.zeros(c_o)", R, None),
        guard("bias-size", "偏置 = np.zeros(c_o)", R, None),
        guard("bias-size", "self.bias: np.ndarray = np.zeros(c_o)", R, None),
        guard("bias-size", "self.b = np.zeros(c_i)", W, None),
    ],
    "another quantity's name of more than one letter (s16rev F15, s16rev2 G3)": [
        ("bias-size", "self.params['W1'] = np.zeros(c_o)", N, None),
        ("bias-size", "W1 = np.zeros(c_o)", N, None),
        ("bias-size", "input_channels = c_o", N, None),
        ("bias-size", "输入通道数 = c_o", N, None),
        guard("bias-size", "b1 = np.zeros(c_o)", R, None),
        guard("bias-size", "偏置 = c_o", R, None),
        guard("bias-size", "B = c_o", R, None),
        guard("bias-size", "num_filters = c_o", R, None),
        guard("forward-mults", "mults = c_o c_i k_h k_w m_h m_w", R, None),
        guard("bias-size", "num_filters = c_i", W, None),
    ],
}
ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4, ascii=8)


@pytest.mark.parametrize(
    "answer", [row[1] for row in CLASSES["a sum over a huge range or nested sums"][:5]]
)
def test_a_huge_sum_is_refused_without_the_cpu_timer(answer, monkeypatch):
    """With the CPU timer off (as on the practice page), each is refused at once."""
    from derivations.checking.deciding import budget

    monkeypatch.setattr(budget, "enforced", lambda: False)
    started = time.process_time()
    result = check("compose-size", answer, symbolic=False)
    assert result.error["id"] == "checker.reason.not_unrolled", result.error
    assert time.process_time() - started < 1.0
