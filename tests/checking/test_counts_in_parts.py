"""s14exam E27: right answers that give a count in parts were graded on one part alone.

- Two gradients named side by side (``dX: …, dW: …``, ``grad_input = …; grad_weight =
  …``, ``输入梯度：…，权重梯度：…``): the first graded alone, a right backward list was
  "exactly half the right value"; now refused in one line naming the list
  (``checker.reason.gradient_parts``), the same list's wrong twin too (never accepted).
- A sentence giving a count per element and the number of elements (``each of the c_o
  m_h m_w outputs needs c_i k_h k_w multiplications``, ``每个输出元素需要 … 次乘法，共 … 个输出元素``):
  one formula graded alone was "c_i*k_h*k_w times too small"; now their product
  (``reading.note.rate_product``).
- Two counts summed by the student, each with its word (``1296 multiplications + 1248
  additions`` on forward-ops, which asks for their sum): each word was read as the count
  it names and multiplied in; now the words are the terms' (``reading.note.counts_summed``).

Each right row has a wrong twin of the same shape."""

from __future__ import annotations

import json

import pytest

from derivations.practice.numbers import answer_at, practice_variants
from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
GRADIENTS = "checker.reason.gradient_parts: "
WORD_OTHER = "checker.reason.count_word_names_other: "
SUMMED_OTHER = "checker.reason.summed_term_other: "
MACS = "c_o c_i k_h k_w m_h m_w"

CLASSES = {
    "gradient_parts": [
        ("backward-ops", f"dX: {MACS}, dW: {MACS}", N, GRADIENTS + "dX, dW"),
        ("backward-ops", f"dX: {MACS}, dW: c_i k_h k_w m_h m_w", N, GRADIENTS + "dX, dW"),
        (
            "backward-ops",
            f"grad_input = 2 {MACS}; grad_weight = 2 {MACS}",
            N,
            GRADIENTS + "grad_input, grad_weight",
        ),
        (
            "backward-ops",
            f"输入梯度：{MACS}，权重梯度：{MACS}",
            N,
            GRADIENTS + "输入梯度, 权重梯度",
        ),
        # the bias's gradient by another of the bias's words (languages.BIAS_WORDS: 偏差)
        (
            "backward-ops",
            f"偏差梯度：c_o m_h m_w，权重梯度：{MACS}",
            N,
            GRADIENTS + "偏差梯度, 权重梯度",
        ),
        # the forward count answered with the gradients: was right under MACs
        ("forward-ops", f"dX: {MACS}, dW: {MACS}", N, GRADIENTS + "dX, dW"),
        # two countings of one count, each labelled so: still read (both right)
        # guard: right before the rule too; the list rule must not refuse two countings
        guard("backward-ops", f"macs: 2 {MACS}, flops: 4 {MACS}", C, None),
        # the backward count as one formula, and its wrong twin (one gradient)
        # guard: one formula for both gradients, right before the rule too
        guard("backward-ops", f"dX and dW: 2 {MACS}", C, None),
        # guard: one gradient alone stays the misconception it was
        guard("backward-ops", f"dX = {MACS}", W, "backward_equals_forward"),
    ],
    "rate_product": [
        (
            "forward-mults",
            "each of the c_o m_h m_w outputs needs c_i k_h k_w multiplications",
            R,
            "rate_product",
        ),
        # guard: a wrong rate was wrong before the rule too; the product must not make it right
        guard(
            "forward-mults",
            "each of the c_o m_h m_w outputs needs c_i k_h multiplications",
            W,
            None,
        ),
        (
            "forward-mults",
            "c_i k_h k_w multiplications per output element, times c_o m_h m_w output elements",
            R,
            "rate_product",
        ),
        # guard: a wrong number of elements was wrong before the rule too
        guard(
            "forward-mults",
            "c_i k_h k_w multiplications per output element, times c_o m_h output elements",
            W,
            None,
        ),
        ("forward-mults", "c_o m_h m_w 个输出，每个需要 c_i k_h k_w 次乘法", R, "rate_product"),
        # guard: a wrong rate (zh) was wrong before the rule too
        guard("forward-mults", "c_o m_h m_w 个输出，每个需要 c_i k_w 次乘法", W, None),
        (
            "forward-mults",
            "每个输出元素需要 c_i k_h k_w 次乘法，共 c_o m_h m_w 个输出元素",
            R,
            "rate_product",
        ),
        # guard: a wrong number of elements (zh) was wrong before the rule too
        guard(
            "forward-mults", "每个输出元素需要 c_i k_h k_w 次乘法，共 c_o m_w 个输出元素", W, None
        ),
        (
            "forward-adds",
            "each of the c_o m_h m_w outputs needs c_i k_h k_w - 1 additions",
            R,
            "rate_product",
        ),
        ("forward-adds", "each of the c_o m_h m_w outputs needs c_i k_h k_w additions", C, None),
        # guard: a wrong rate of additions was wrong before the rule too
        guard(
            "forward-adds",
            "each of the c_o m_h m_w outputs needs c_i k_h k_w + 1 additions",
            W,
            None,
        ),
        # the sentence's count word names another count than the one asked (s15rev F6)
        (
            "forward-mults",
            "each of the c_o m_h m_w outputs needs c_i k_h k_w additions",
            N,
            WORD_OTHER + "additions",
        ),
        (
            "forward-mults",
            "c_o m_h m_w 个输出，每个需要 c_i k_h k_w 次加法",
            N,
            WORD_OTHER + "加法",
        ),
        (
            "forward-adds",
            "each of the c_o m_h m_w outputs needs c_i k_h k_w - 1 multiplications",
            N,
            WORD_OTHER + "multiplications",
        ),
        (
            "forward-adds",
            "c_o m_h m_w 个输出，每个需要 c_i k_h k_w - 1 次加法",
            R,
            "rate_product",
        ),
        (
            "forward-adds",
            "c_o m_h m_w 个输出，每个需要 c_i k_h k_w - 1 次乘法",
            N,
            WORD_OTHER + "乘法",
        ),
    ],
    "counts_summed": [
        (
            "forward-ops",
            f"{MACS} multiplications + c_o m_h m_w (c_i k_h k_w - 1) additions",
            R,
            "counts_summed",
        ),
        # guard: a wrong term was wrong before the rule too; the sum must not make it right
        guard(
            "forward-ops", f"{MACS} multiplications + c_o m_h m_w (c_i k_h - 1) additions", W, None
        ),
        (
            "forward-ops",
            f"{MACS} 次乘法 + c_o m_h m_w (c_i k_h k_w - 1) 次加法",
            R,
            "counts_summed",
        ),
        ("forward-ops", f"{MACS} 次乘法 + c_o m_h (c_i k_h k_w - 1) 次加法", W, None),
        # the right sum, each term's word the other's (s15rev F5): never accepted
        (
            "forward-ops",
            f"c_o m_h m_w (c_i k_h k_w - 1) multiplications + {MACS} additions",
            N,
            SUMMED_OTHER + "c_o m_h m_w (c_i k_h k_w - 1)",
        ),
        (
            "forward-ops",
            f"c_o m_h m_w (c_i k_h k_w - 1) 次乘法 + {MACS} 次加法",
            N,
            SUMMED_OTHER + "c_o m_h m_w (c_i k_h k_w - 1)",
        ),
        # the terms in the other order, each its word's: right
        (
            "forward-ops",
            f"c_o m_h m_w (c_i k_h k_w - 1) additions + {MACS} multiplications",
            R,
            "counts_summed",
        ),
        # the sum answering the multiplications alone: the sum, wrong
        (
            "forward-mults",
            f"{MACS} multiplications + c_o m_h m_w (c_i k_h k_w - 1) additions",
            W,
            None,
        ),
    ],
}

ROWS = [row for rows in CLASSES.values() for row in rows]
TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_counts_in_parts_are_read_whole = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=4)


def _key(question: str) -> int:
    student = practice_variants().students[0]
    return next(k.value for k in student.key if k.question == question)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_counts_summed_at_the_layer_are_their_sum(lang):
    # the page's layer: the multiplications and the additions of forward-ops, each said
    # with its word, summed by the student: right; one of them off by one: wrong
    mults, ops = _key("forward-mults"), _key("forward-ops")
    adds = ops - mults
    for words, (m, a) in [
        (("multiplications", "additions"), (mults, adds)),
        (("次乘法", "次加法"), (mults, adds)),
    ]:
        right = json.loads(answer_at("forward-ops", f"{m} {words[0]} + {a} {words[1]}", lang))
        wrong = json.loads(answer_at("forward-ops", f"{m} {words[0]} + {a - 1} {words[1]}", lang))
        # the same sum, each word the other term's (s15rev F5)
        swapped = json.loads(answer_at("forward-ops", f"{a} {words[0]} + {m} {words[1]}", lang))
        turned = json.loads(answer_at("forward-ops", f"{a} {words[1]} + {m} {words[0]}", lang))
        assert right["verdict"] == "equivalent", right
        assert turned["verdict"] == "equivalent", turned
        assert wrong["verdict"] == "not_equivalent", wrong
        assert swapped["verdict"] == "not_equivalent", swapped


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_two_gradients_at_the_layer_are_refused_as_check_refuses_them(lang):
    mults = _key("forward-mults")
    for said in (f"dX: {mults}, dW: {mults}", f"dX: {mults}, dW: {mults + 1}"):
        page = json.loads(answer_at("backward-ops", said, lang))
        assert page["verdict"] == "invalid_input", page
