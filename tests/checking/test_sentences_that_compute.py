"""s15exam E7: a Chinese sentence that says a computation in words
(``两个核的大小之和减一``, "the sum of the two kernels' sizes minus one") was refused as one
"unknown symbol", with the kernel size's k_h, k_w, k suggested, which compose-size does
not use; English says "a sentence with no formula and no factor in it".  Words that
state an operation or a number (:func:`.informal.states_operation`) are now such a
sentence in Chinese too; a quantity's name (``卷积核的大小``, ``输出大小``) is still said by
its meaning (guards).  Through ``check`` and ``grade``; the answers are our own."""

from tests.checking.rows import Table, guard, read_as

N = "invalid_input"

# (question, answer, verdict, the refusal's id)
ROWS = [
    ("compose-size", "两个核的大小之和减一", N, "reading.sentence_only"),
    ("compose-size", "两个核的大小之和", N, "reading.sentence_only"),
    ("forward-mults", "输出大小乘以通道数", N, "reading.sentence_only"),
    guard("compose-size", "the sum of the two sizes minus one", N, "reading.sentence_only"),
    guard("compose-size", "k_1 + k_2 - 1", "equivalent", None),
    guard("compose-size", "k_1 + k_2", "not_equivalent", None),
    guard("compose-size", "卷积核的大小", N, "checker.reason.foreign_symbol"),
    guard("output-height", "输出大小", N, "checker.reason.asked_symbol"),
    guard("bias-size", "输出通道数", "equivalent", None),
    guard("bias-size", "输入通道数", "not_equivalent", None),
]

TABLE = Table("question, answer, verdict, read", ROWS, symbolic=False)
test_a_sentence_that_computes_in_words_is_said_to_be_one = TABLE.check_test(also=read_as)
test_grade_gives_them_the_same_verdicts = TABLE.grade_test()
