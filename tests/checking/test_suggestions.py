"""Issue 21: a symbol the checker refuses is told what it probably means in this
question, by its role in the notation registry (``registry/notations.yaml``: a letter's
role hint, the roots of a word), not by spelling: "F: the kernel size is k_h here".  A
symbol with no role gets the question's symbols and no guessed meaning ('B' is not "the
batch size").  Both languages, through ``check`` and ``grade``; our own answers."""

import pytest

from derivations.checking import check, feedback
from derivations.messages import text
from derivations.registry.notations import meaning_of_letter, meaning_of_word, meanings
from tests.checking.rows import GUARD, Guard, graded_rows, guard

# (question, answer, message id, role (None: no meaning said), symbols said)
TABLE = [
    # letters with a role hint that no reading makes right
    (
        "output-height",
        "(h - R + p_h + s_h)//s_h + 7",
        "checker.reason.unknown_letter",
        "kernel",
        "k_h",
    ),
    (
        "forward-mults",
        "c_i c_o R^2 m_h m_w + 1",
        "checker.reason.unknown_letter",
        "kernel",
        "k_h, k_w",
    ),
    (
        "forward-mults",
        "C C k_h k_w m_h m_w",
        "checker.reason.unknown_letter",
        "channels",
        "c_i, c_o",
    ),
    (
        "output-width",
        "(w - k_w + Z + s_w)//s_w + 5",
        "checker.reason.unknown_letter",
        "padding",
        "p_w",
    ),
    (
        "output-height",
        "(h - k_h + p_h + T)//T + 3",
        "checker.reason.unknown_letter",
        "stride",
        "s_h",
    ),
    # words: a root names the role (the whole word is named, not the unread rest); a
    # parameter's name misspelt alone (kernal, padd) is read, said so (test_misspelt_names)
    (
        "output-height",
        "(h - mykernal + p_h + s_h)//s_h",
        "reading.unknown_word_meant",
        "kernel",
        "k_h, k_w, k",
    ),
    (
        "output-height",
        "(h - k_h + mypadd + s_h)//s_h",
        "reading.unknown_word_meant",
        "padding",
        "p_h, p_w, p",
    ),
    (
        "forward-mults",
        "batchsize c_i c_o k_h k_w m_h m_w",
        "reading.unknown_word_meant",
        "batch",
        "n",
    ),
    (
        "forward-mults",
        "c_i c_o k_h k_w 输出尺度",
        "reading.unknown_word_meant",
        "output_size",
        "m_h, m_w",
    ),
    # B's role is the batch (s9adv): a count with k_w left out is not made right by
    # reading B as k_w; an output size has no batch (its n is the input size)
    ("forward-mults", "B c_i c_o k_h m_h m_w", "checker.reason.unknown_letter", "batch", "n"),
    # (a role the question does not have: said so since 7fad6d19, s15exam E15)
    (
        "output-height",
        "(B - k_h + p_h + s_h)//s_h",
        "checker.reason.unknown_letter_absent",
        "batch",
        "h, k_h, p_h, s_h",  # the question's own symbols, no dash (s15exam E15)
    ),
    # no role: no meaning is claimed (a letter another notation reads, cuDNN's Q, is
    # said so: no notation's meaning is denied it)
    guard(  # (G, now the formulas page's groups, and V, Qiu's kernel width, were its letter)
        "forward-mults",
        "A c_i c_o k_h k_w m_h m_w",
        "checker.reason.unknown_letter_unmeant",
        None,
        None,
    ),
    (
        "output-height",
        "(h - k_h + p_h + s_h)//s_h + Q",
        "checker.reason.unknown_letter_named",
        None,
        None,
    ),
    ("forward-mults", "xyzzy c_i c_o k_h k_w m_h m_w", "reading.unknown_word", None, None),
]


@pytest.mark.parametrize(
    "question, answer, key, role, symbols",
    [pytest.param(*row, marks=GUARD) if isinstance(row, Guard) else row for row in TABLE],
)
def test_a_refused_symbol_is_told_its_meaning_by_role(question, answer, key, role, symbols):
    result = check(question, answer, symbolic=False)
    assert result.verdict == "invalid_input"
    error = result.error
    assert error["id"] == key, error
    en, zh = feedback(result, "en"), feedback(result, "zh")
    if role is None:
        assert "role" not in error["fields"]
        for meaning in meanings():  # no meaning named, in either language
            assert text(f"checker.meaning.{meaning.id}", "en") not in en
            assert text(f"checker.meaning.{meaning.id}", "zh") not in zh
        return
    assert error["fields"]["role"] == role and error["fields"]["symbols"] == symbols
    assert text(f"checker.meaning.{role}", "en") in en and symbols in en
    assert text(f"checker.meaning.{role}", "zh") in zh and symbols in zh


def test_the_sentence_reads_as_the_issue_asks():
    # inference off: a right answer's letter is refused, and said by its meaning
    result = check("output-height", "(h - R + p_h + s_h)//s_h", symbolic=False, infer=False)
    assert "R: the kernel size is k_h here" in feedback(result, "en")
    assert "R：本题中卷积核大小写作 k_h" in feedback(result, "zh")


def test_b_is_the_batch_by_meaning():
    assert meaning_of_letter("B").id == "batch" and meaning_of_letter("G") is None
    assert meaning_of_letter("F").id == "kernel" and meaning_of_letter("c").id == "channels"
    assert meaning_of_word("kernel_sz").id == "kernel" and meaning_of_word("xyz") is None


def test_every_meaning_has_its_name_in_both_catalogues_and_its_symbols_are_the_books():
    from derivations.checking.checker import SYMBOL_ORDER

    assert meanings()
    for meaning in meanings():
        assert text(f"checker.meaning.{meaning.id}", "en") and text(
            f"checker.meaning.{meaning.id}", "zh"
        )
        assert set(meaning.symbols) <= set(SYMBOL_ORDER) and meaning.roots


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_says_the_same(lang):
    graded = graded_rows(TABLE, lang)
    assert all(row["verdict"] == "invalid_input" for row in graded)
    kernel = text("checker.meaning.kernel", lang)
    assert kernel in graded[0]["feedback"] and "k_h" in graded[0]["feedback"]
    assert kernel not in graded[9]["feedback"]


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_word_of_prose_holding_a_root_gets_no_guessed_meaning(lang):
    """Issue 25, s11exam F15: ``about 4`` was told "about: probably the output size" (it
    holds the root "out"); a role's ``not_names`` get the plain "names none of the layer's
    quantities", no meaning, no spelling; a name holding the root keeps its meaning."""
    from derivations.checking.reading.around import _OPENING
    from derivations.grading.outcome import grade_answer

    words = [w for m in meanings() for w in m.not_names]
    assert "about" in words
    for word in words:
        assert meaning_of_word(word) is None, word
        if _OPENING().match(f"{word} 4"):  # about 4: the number, read (s15fix 71879652)
            continue
        said = grade_answer("double-channels", f"{word} 4", lang, "hint", False)
        plain = text("reading.unknown_word", lang, word=word)
        assert said.verdict == "invalid_input" and plain in said.feedback, said.feedback
    assert meaning_of_word("output_h").id == "output_size"
