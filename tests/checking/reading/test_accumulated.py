"""A count accumulated by loops (:mod:`derivations.checking.reading.accumulated`): a loop
runs no pass where its number of passes as written is below 1 (Python's ``range(-oh)``,
C's ``i < -H_out``), so two such loops never multiply into a right count; loops nested
deeper than ``MAX_LOOPS`` are refused in one line naming the depth, through ``check``
and ``grade``."""

from __future__ import annotations

from derivations.checking.reading.limits import MAX_LOOPS
from tests.checking.rows import Table, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"


def _nested(depth: int, innermost: str) -> str:
    """``macs = 0`` and ``depth`` loops nested one in another, the first ``depth - 7``
    over ``range(1)`` (one pass each), then a convolution's seven (batch, c_o, m_h, m_w,
    c_i, k_h, k_w), the innermost adding ``innermost``."""
    bounds = ["1"] * (depth - 7) + ["1", "c_out", "oh", "ow", "c_in", "k_h", "k_w"]
    lines = ["macs = 0"]
    for level, bound in enumerate(bounds):
        lines.append(" " * level + f"for v{level} in range({bound}):")
    lines.append(" " * len(bounds) + f"macs += {innermost}")
    return "\n".join(lines)


# (question, answer, verdict, said): said as tests.checking.rows.said_as reads it
ROWS = [
    # a number of passes below 1: the loop runs none (it was read as -oh passes, and
    # (-oh)(-ow) made the wrong count right)
    (
        "forward-mults",
        "macs = 0\nfor y in range(-oh):\n    for x in range(-ow):\n"
        "        macs += c_in * c_out * k_h * k_w",
        W,
        None,
    ),
    (
        "forward-mults",
        "int ops = 0;\nfor (int y = 0; y < -H_out; y++) {\n  for (int x = 0; x < -W_out; x++) {\n"
        "    ops += K * K * C_in * C_out;\n  }\n}",
        W,
        None,
    ),
    (
        "forward-mults",
        "macs = 0\nfor y in range(-oh):\n    for x in range(-ow):\n        # 每个输出位置的乘法次数\n"
        "        macs += c_in * c_out * k_h * k_w",
        W,
        None,
    ),
    # a minus sign in a number of passes that is never below 1 at a layer: as written
    guard(
        "forward-mults",
        "macs = 0\nfor y in range(1, oh + 1):\n    for x in range(ow):\n"
        "        macs += c_in * c_out * k_h * k_w",
        R,
        "loop_sum",
    ),
    guard(
        "output-height",
        "n = 0\nfor y in range((h + p_h - k_h) // s_h + 1):\n    n += 1",
        R,
        "loop_sum",
    ),
    # nested loops: up to MAX_LOOPS read, one more refused naming the depth
    guard("forward-mults", _nested(MAX_LOOPS, "1"), R, "loop_sum"),
    (
        "forward-mults",
        _nested(MAX_LOOPS + 1, "1"),
        N,
        f"reading.loop_depth: {MAX_LOOPS + 1}",
    ),
]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_count_of_passes_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
