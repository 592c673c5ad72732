"""Spellings and shapes are typed registry values the reader looks up (issue 9).

Oracles: the symbol registry (:mod:`derivations.registry.symbols`), the grammar's
function names (:mod:`derivations.checking.reading.transform`), and the answers themselves.
"""

from __future__ import annotations

import pytest

from derivations.checking import check
from derivations.checking.reading import transform
from derivations.checking.reading.lexer import tokenize
from derivations.checking.reading.normalize import normalize
from derivations.registry.questions import QUESTIONS, Shape
from derivations.registry.spellings import (
    FUNCTION_SPELLINGS,
    SQUARE_SYMBOLS,
    SYMBOL_SPELLINGS,
    Function,
    Symbol,
    spellings,
)
from derivations.registry.symbols import BY_NAME


def test_every_spelled_symbol_is_a_registered_symbol_or_a_square_one():
    assert set(SYMBOL_SPELLINGS) <= set(BY_NAME) | set(SQUARE_SYMBOLS)
    for pair in SQUARE_SYMBOLS.values():
        assert set(pair) <= set(BY_NAME)


def test_every_function_is_one_the_grammar_builds():
    built = set(transform._ONE_ARGUMENT) | {"max", "min"}
    assert {function.value for function in Function} == built
    assert set(FUNCTION_SPELLINGS) == set(Function)


def test_each_spelling_means_one_typed_value():
    table = spellings()
    assert all(isinstance(meaning, Symbol | Function) for meaning in table.values())
    assert table["c_in"] == Symbol("c_i") and table["kh"] == Symbol("k_h")
    assert table["ceiling"] is Function.CEIL and table["\\max"] is Function.MAX
    written = [s.lower() for spelled in SYMBOL_SPELLINGS.values() for s in spelled]
    written += [s.lower() for spelled in FUNCTION_SPELLINGS.values() for s in spelled]
    assert len(written) == len(set(written)) == len(table)  # no spelling means two things


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("C_in*Kh", [("SYMBOL", "c_i"), ("OP", "*"), ("SYMBOL", "k_h")]),
        ("ceiling(h)", [("FUNC", "ceil"), ("LPAR", "("), ("SYMBOL", "h"), ("RPAR", ")")]),
        ("2c_ihw", [("NUMBER", "2"), ("SYMBOL", "c_i"), ("SYMBOL", "h"), ("SYMBOL", "w")]),
        ("\\max(h, w)", [("FUNC", "max"), ("SYMBOL", "h"), ("SYMBOL", "w")]),
        ("\\min\\{h, w\\}", [("FUNC", "min"), ("SYMBOL", "h"), ("SYMBOL", "w")]),
    ],
)
def test_the_lexer_reads_the_registry_meanings(text, tokens):
    read = [(token.type, str(token)) for token in tokenize(normalize(text))]
    kinds = {"SYMBOL", "FUNC", "NUMBER"}
    assert [t for t in read if t[0] in kinds] == [t for t in tokens if t[0] in kinds]


def test_shapes_are_declared_on_the_questions():
    shaped = {qid: q.shape for qid, q in QUESTIONS.items() if q.shape is not None}
    assert shaped == {
        "output-height": Shape.HEIGHT,
        "output-width": Shape.WIDTH,
        "compose-size": Shape.SQUARE,
    }
    assert (Shape.HEIGHT.axis, Shape.WIDTH.axis, Shape.SQUARE.axis) == (0, 1, None)


@pytest.mark.parametrize(
    "question, answer, verdict",
    [
        ("output-height", "(floor((h-k_h+p_h+s_h)/s_h), floor((w-k_w+p_w+s_w)/s_w))", "equivalent"),
        ("output-width", "(floor((h-k_h+p_h+s_h)/s_h), floor((w-k_w+p_w+s_w)/s_w))", "equivalent"),
        ("output-width", "(floor((w-k_w+p_w+s_w)/s_w), floor((h-k_h+p_h+s_h)/s_h))", None),
        ("compose-size", "(k_1+k_2-1)×(k_1+k_2-1)", "equivalent"),
        ("compose-size", "(k_1+k_2-1, k_1+k_2)", "invalid_input"),
        ("forward-mults", "(c_i, c_o)", "invalid_input"),  # no shape asked: no pair read
    ],
)
def test_a_shape_reads_as_the_size_its_question_asks_for(question, answer, verdict):
    result = check(question, answer, symbolic=False)
    if verdict is None:  # (m_w, m_h) for the width: not read as a shape of (height, width)
        assert result.verdict != "equivalent"
    else:
        assert result.verdict == verdict
