"""A size's word closing a formula (s14exam E5, E6): ``floor((h - k_h + p_h + s_h)/s_h)
rows``, the worked answer's own box with the word the page accepts after a number
(``4 rows``), read the word as a factor (``⌊…⌋·h``: "h times too large"), and ``… + 1
rows`` said "words in brackets are read as a remark" of a word in none.  Now the word
after a closing bracket is dropped as after a number term, said as a size word after
the formula, and judged as the words of a remark are (the other axis's is refused).
Answers of our own, English and Chinese, through ``check`` and ``grade``."""

from __future__ import annotations

from derivations.checking import feedback
from derivations.messages import text
from tests.checking.rows import LANGS, Table, said_as

R, W, N = "equivalent", "not_equivalent", "invalid_input"
OH, OW = "output-height", "output-width"
WORDS = "checker.reason.words_name_other"
BOX_H = "floor((h - k_h + p_h + s_h)/s_h)"  # Answer 2's boxed output height
BOX_W = "floor((w - k_w + p_w + s_w)/s_w)"

ROWS = [
    (OH, f"{BOX_H} rows", R, "size_word"),
    (OH, "⌊(h − k_h + p_h + s_h)/s_h⌋ rows", R, "size_word"),
    (OW, f"{BOX_W} columns", R, "size_word"),
    (OW, f"{BOX_W} cols", R, "size_word"),
    (OH, f"{BOX_H} 行", R, "size_word"),
    (OW, "⌊(w − k_w + p_w + s_w)/s_w⌋ 列", R, "size_word"),
    (OH, "(h - k_h + p_h)//s_h + 1 rows", R, "size_word"),
    (OW, "floor((w - k_w + p_w)/s_w) + 1 columns", R, "size_word"),
    (OH, f"{BOX_H} (height)", R, "remark"),
    # the other axis's word is refused, as after a number term; wrong stays wrong
    (OH, f"{BOX_H} columns", N, f"{WORDS}: columns"),
    (OH, f"{BOX_H} 列", N, f"{WORDS}: 列"),
    (OW, f"{BOX_W} rows", N, f"{WORDS}: rows"),
    (OH, "floor((h - k_h + s_h)/s_h) rows", W, None),
    (OW, "⌊(w − k_w + p_w)/s_w⌋ 列", W, None),
]


def _said_where_it_is(result, *, verdict: str, said: str | None, **row) -> None:
    """The note's text (a size word after the formula, or words in brackets) is the
    one the feedback says, in both languages; a size word is never said to be in
    brackets."""
    said_as(result, verdict=verdict, said=said, **row)
    if said == "size_word":
        for lang in LANGS:
            words = feedback(result, lang)
            assert text("reading.note.remark", lang) not in words, words
            assert text("reading.note.size_word", lang, remark="{}").split("{}")[0] in words


TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_a_size_word_after_a_formula_is_read = TABLE.check_test(also=_said_where_it_is)
test_grade_reads_them_the_same = TABLE.grade_test()
