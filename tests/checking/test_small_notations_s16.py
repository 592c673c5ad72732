"""Issue 21, session sixteen: small notations inside a formula that H15-test (public now)
missed as a class (every answer here is our own), each class a table of answers, right
and wrong, in English and Chinese, through ``check`` and ``grade``:

- a full stop as the times sign between a number and a letter (``2.P``, ``2 . p_w``):
  refused (an unexpected ``.``); now a product (with a note since s16note: the dot's
  step was not reported).  A decimal (``2.5p_h``) and a list's
  number (``1. (…)``) keep their reading.
- HTML entities with no tag around them (``… + 1&nbsp;``, ``&minus;``): refused; now read
  as their characters, with a note.
- a Greek letter named by its subscript (``η_in``, ``\\lambda_{out}``, ``σ_out``): refused
  (an unexpected character, an unsupported command); now a name read by its parts, as
  ``x_in`` is (with a note since s16note: the student saw ``eta_in``, a name never
  written).
- TeX's bold and italic text around a name (``\\textbf{H}``, ``\\textit{in}``,
  ``\\boldsymbol{W}``) and its empty delimiters (``\\left.``, ``\\right.``): refused; now
  the name, and no bracket.

No wrong answer is accepted: each wrong row is ``not_equivalent`` or refused.  Rows
that keep their verdict without this change are guards (:func:`.rows.guard`)."""

from __future__ import annotations

import pytest

from tests.checking.rows import Table, classes_test, guard, said_as

R, C, W, N = "equivalent", "equivalent_under_convention", "not_equivalent", "invalid_input"
OH, OW = "output-height", "output-width"

CLASSES: dict[str, list[tuple]] = {
    "a full stop as the times sign between a number and a letter": [
        (OH, "(h + 2.p_h - k_h)/s_h + 1", C, "dot_times"),
        (OW, "W_2 = (W_1 - F + 2.P)/S + 1", C, "dot_times"),
        (OW, "输出宽度 = (w + 2 . p_w - k_w + s_w)/s_w", C, "dot_times"),
        (OH, "(h + 2.p_h - k_h)/s_h", W, None),
        (OH, "输出高度：(h - k_h + 2.p_h)/2.s_h + 1", W, None),
        (OW, "输出宽度 = (w + 2 . p_w - k_w)/s_w", W, None),
        guard(OH, "(h - k_h + 2.5p_h)/s_h + 1", W, None),
        guard(OH, "1. (h - k_h + p_h + s_h)/s_h", C, None),
        # a name's digit before an attribute: no product (H8-dev's k_1.h kept its reading)
        guard("compose-size", "k_1.size + k_2.size - 1", N, None),
    ],
    "HTML entities inside a formula": [
        (OH, "(h - k_h + p_h)/s_h + 1&nbsp;", C, "html_entities"),
        (OH, "(h&nbsp;-&nbsp;k_h + p_h + s_h)/s_h", C, "html_entities"),
        (OH, "(h &minus; k_h + p_h + s_h)/s_h", C, "html_entities"),
        (OW, "输出宽度：⌊(w &minus; k_w + p_w)/s_w⌋ + 1", R, "html_entities"),
        (OH, "(h - k_h)/s_h + 1&nbsp;", W, None),
        guard(OW, "输出宽度：(w &minus; k_w)/s_w&nbsp;", W, None),
    ],
    "a Greek letter named by its subscript": [
        (OH, "θ_out = (θ_in + p_h - k_h + s_h)/s_h", C, "greek_name"),
        (
            OH,
            r"\lambda_{out} = \lfloor (\lambda_{in} + p_h - k_h)/s_h \rfloor + 1",
            R,
            "greek_name",
        ),
        (OH, "输出高度 σ_out = (σ_in - k_h + p_h + s_h)/s_h", C, "greek_name"),
        (OH, r"\lambda_{out} = \lambda_{in} - k_h + 1", W, None),
        (OH, "θ_out = (θ_in - k_h)/s_h", W, None),
        (OH, "输出高度：σ_out = σ_in + p_h - k_h", W, None),
    ],
    "TeX's bold and italic text and empty delimiters": [
        (OH, r"\textit{out} = (\textit{in} - k + 2p)/s + 1", C, None),
        (
            OH,
            r"输出高度：\textbf{H}_{out} = \lfloor (\textbf{H}_{in} + p_h - k_h)/s_h \rfloor + 1",
            R,
            None,
        ),
        (OH, r"\left.\frac{h-k_h+p_h}{s_h}\right. + 1", C, None),
        (OH, r"\textbf{out} = \textbf{in} - k + 1", W, None),
        guard(OH, r"\left.\frac{h-k_h}{s_h}\right. + 1", W, None),
        (OW, r"输出宽度：\boldsymbol{W}_{out} = \boldsymbol{W}_{in} - k_w + 1", W, None),
    ],
}
# a capital read as the book's lower-case letter (P as p): said, not silent (s16std), in
# one note naming every such letter (s17std)
CAPITALS = [
    ("output-height", "(H - K_h + P_h)/S_h + 1", ["H", "K_h", "P_h", "S_h"]),
    ("output-width", "输出宽度：(w - k_w + 2.P)/s_w + 1", ["P"]),
    ("forward-mults", "C_o C_i K_h K_w M_h M_w", ["C_o", "C_i", "K_h", "K_w", "M_h", "M_w"]),
]


@pytest.mark.parametrize("question, answer, capitals", CAPITALS)
def test_a_capital_read_in_lower_case_is_said(question, answer, capitals):
    from derivations.checking import check
    from derivations.checking.explaining.wording import note_text

    notes = check(question, answer, symbolic=False).parsed["notes"]
    said = [note["fields"] for note in notes if note["id"] == "reading.note.capital"]
    written, read = ", ".join(capitals), ", ".join(c.lower() for c in capitals)
    assert said == [{"read": read, "written": written}], notes
    for lang in ("en", "zh"):
        assert written in note_text("reading.note.capital", lang, **said[0])
        assert read in note_text("reading.note.capital", lang, **said[0])


ROWS = [row for rows in CLASSES.values() for row in rows]

TABLE = Table("question, answer, verdict, said", ROWS, symbolic=False)
test_each_class_is_read = TABLE.check_test(also=said_as)
test_grade_reads_them_the_same = TABLE.grade_test()
test_every_class_has_right_and_wrong_answers = classes_test(CLASSES, chinese=8, ascii=14)
