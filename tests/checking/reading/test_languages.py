"""The language data of :mod:`derivations.checking.reading.languages` and its one pattern
builder, :func:`~derivations.checking.reading.languages.words_pattern`.

- A word of a language that spaces its words matches whole where the caller asks for a
  bound (``per`` in ``per filter``, not in ``hyper``); a Chinese word anywhere (``每`` in
  ``每个``). The bound patterns of around.py and informal.py (s15's D6) and checker's rate
  words are built by it.
- The words a record shares with the registries say the same thing there: the tensors a
  gradient label names (:data:`GRADIENT_TENSORS`) are the parts record's input, output
  and kernel words, the bias's the bias words; the held parameters' words
  (:data:`HELD_PARAMETER_WORDS`) are those of ``registry/notations.py``'s ``HELD``."""

from __future__ import annotations

import re

import pytest

from derivations.checking.reading.languages import (
    BIAS_WORDS,
    GRADIENT_TENSORS,
    HELD_PARAMETER_WORDS,
    LETTER,
    words_pattern,
)
from derivations.registry import notations

# (words, before, after, text, what the first match is: None for no match)
BOUNDS = [
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "one per filter", "per"),
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "hyperparameter", None),
    (("per", "每"), "", "", "hyperparameter", "per"),
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "每个卷积核", "每"),
    # the Latin class leaves a letter of another script beside the word
    (("per", "每"), "[A-Za-z]", "[A-Za-z]", "每per个", "每"),
    (("less than",), LETTER, "", "小于less than", None),
    (("less than",), "[A-Za-z]", "", "小于less than", "less than"),
    (("less than",), LETTER, "", "less   than 4", "less   than"),
    (("at most", "at the most"), "", LETTER, "at the most 4", "at the most"),
    (("or more",), "", LETTER, "or moreover", None),
    # a word of any spaced script is bounded (Cyrillic, Vietnamese: s17lang), a word of a
    # script that attaches its particles (Korean, Japanese) is not
    (("не",), LETTER, LETTER, "неверно", None),
    (("не",), LETTER, LETTER, "это не так", "не"),
    (("gấp",), LETTER, LETTER, "gấp 4 lần", "gấp"),
    (("마다",), LETTER, LETTER, "필터마다", "마다"),
    (("ごと",), LETTER, LETTER, "フィルタごと", "ごと"),
]


@pytest.mark.parametrize("words, before, after, text, found", BOUNDS)
def test_words_match_whole_where_bounded(words, before, after, text, found):
    match = re.search(words_pattern(*words, before=before, after=after), text)
    assert (match.group() if match else None) == found


def test_gradient_tensors_are_the_parts_records():
    parts = notations.name_parts()
    roles = {"x": "input", "y": "output"}
    for tensor, role in roles.items():
        for word in GRADIENT_TENSORS[tensor]:
            assert parts.get(word.lower()) == role, (tensor, word)
    bias = {*BIAS_WORDS["en"], *BIAS_WORDS["zh"]}
    assert set(GRADIENT_TENSORS["b"]) == bias
    kernel = [w for w in GRADIENT_TENSORS["w"] if parts.get(w.lower()) == "kernel"]
    assert kernel, "the kernel's words name the weights' gradient"


def test_held_parameter_words_are_the_held_parameters():
    assert set(HELD_PARAMETER_WORDS) == set(notations.HELD.values())


def test_each_row_of_the_tables_moved_out_of_the_patterns_is_read_by_them():
    """The words the patterns typed until s17std (around._OPENING's 约/大约 and approx/ca,
    informal._HEDGE's 以上/以下/以内, second_look._VECTOR's and _BIAS_USED's words) are
    tables of :mod:`.languages` the patterns are built from: each row of each table is
    read where the pattern reads its kind of word (a differential test over the rows: a
    row the pattern does not read fails; a pattern typed again misses an added row)."""
    from derivations.checking.reading import around, informal, second_look
    from derivations.checking.reading.languages import (
        ABOUT_ABBREVIATIONS,
        ABOUT_ATTACHED,
        ABOUT_WORDS,
        BIAS_USED,
        BIAS_USED_AROUND,
        BIAS_WORDS,
        BOUNDED_AFTER_ZH,
        TRAIL_BOUNDS,
        VECTOR_PHRASE,
        VECTOR_WORDS,
    )

    def about(text: str) -> str | None:
        match = around._OPENING().match(text)
        return None if match is None else (match["about"] or "").strip()

    for word in ABOUT_ATTACHED:
        assert about(f"{word} 4.04") == word, word
    for word in (*ABOUT_WORDS, *(w.capitalize() for w in ABOUT_WORDS)):
        assert about(f"{word} 4") == word, word
        assert about(f"{word}4") is None, word  # a word before a number, spaced
    for word in (*ABOUT_ABBREVIATIONS, *(w.capitalize() for w in ABOUT_ABBREVIATIONS)):
        assert about(f"{word}. 1296") == f"{word}.", word
    assert about("ca 1296") is None  # (ca only with its dot)
    for word in BOUNDED_AFTER_ZH:
        assert word in TRAIL_BOUNDS["zh"] and around.bounded_after(f" {word}"), word
        assert informal._hedged(f"计算量是原来的 4 倍{word}"), word
    assert not informal._hedged("计算量是原来的 4 倍")

    vector = second_look._VECTOR()
    en, zh = VECTOR_PHRASE["en"], VECTOR_PHRASE["zh"]
    for one in en["one"]:
        for kind in ("", *en["kind"]):
            for noun in VECTOR_WORDS["en"]:
                for length in en["length"]:
                    text = f"{one} {kind} {noun} of {length} c_o".replace("  ", " ")
                    assert vector.fullmatch(text)["a"] == "c_o", text
        for joined in en["joined"]:
            assert vector.fullmatch(f"{one} c_o-{joined} vector")["b"] == "c_o", joined
    for noun in VECTOR_WORDS["zh"]:
        for one in ("", *zh["one"]):
            assert vector.fullmatch(f"{one}(c_o,){noun}")["c"] == "c_o", (one, noun)
        for length in zh["length"]:
            assert vector.fullmatch(f"{length}为 c_o 的{noun}")["d"] == "c_o", length
        for joined in zh["joined"]:
            assert vector.fullmatch(f"(c_o,) {joined}的{noun}")["c"] == "c_o", joined

    used = second_look._BIAS_USED()
    around_en, around_zh = BIAS_USED_AROUND["en"], BIAS_USED_AROUND["zh"]
    opening, said = BIAS_USED["en"]
    for o in opening:
        for b in ("", *around_en["before"]):
            for w in BIAS_WORDS["en"]:
                for a in around_en["after"]:
                    for s in said:
                        text = f"{o} {b} {w} {a} {s}, ".replace("  ", " ")
                        assert used.fullmatch(text), text
    opening, said = BIAS_USED["zh"]
    for o in opening:
        for s in said:
            for w in BIAS_WORDS["zh"]:
                assert used.fullmatch(f"{o}{s}{w}，"), (o, s, w)
                for part in ("said", "after", "closing"):
                    for extra in around_zh[part]:
                        text = {
                            "said": f"{o}{s}{extra}{w}，",
                            "after": f"{o}{s}{w}{extra}，",
                            "closing": f"{o}{s}{w}{extra}，",
                        }[part]
                        assert used.fullmatch(text), text
