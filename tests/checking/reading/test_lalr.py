"""The LALR driver (:mod:`derivations.checking.reading.lalr`) against lark itself: over
the tables lark computes, it builds the very trees lark builds and stops at the very
token, with the very expected terminals, where lark raises ``UnexpectedToken``; on the
reader's own token lists and on random token sequences."""

import random

import pytest

from derivations.checking.reading import grammar, lalr
from derivations.checking.reading.lexer import TERMINALS, tokenize
from derivations.checking.reading.normalize import normalize

ANSWERS = [
    "2 c_i h/(w - 1)",
    "c_o×c_i×⌊(h−k_h+p_h+s_h)/s_h⌋",
    r"\frac{h}{2}^2",
    "max(h, w, 3)",
    "min[h, w]",
    "-k_h^2^3",
    "+h - -w",
    "(a)(b) c_i // 2",
    "⌈h/s_h⌉ * [w] * {k_w}",
    r"\frac{c_i}{g} c_o",
    "c_o*(",
    "*h",
    "h w)",
    "max()",
    "2^",
]
# a value for each terminal (the parser reads only the type; the text is for the trees)
TEXT = {"NUMBER": "2", "SYMBOL": "h", "FUNC": "max", "FRAC": "\\frac"}


def _shape(node):
    """A tree of lark's or ours as plain tuples (tokens with type, text and column)."""
    if hasattr(node, "children"):
        return (str(node.data), [_shape(child) for child in node.children])
    return ("token", node.type, str(node), node.start_pos)


def _outcome(parse, tokens):
    try:
        return ("tree", _shape(parse(tokens)))
    except Exception as error:  # lark's UnexpectedToken or ours: the same fields
        token = error.token
        return ("error", token.type, str(token), token.start_pos, set(error.expected))


@pytest.fixture(scope="module")
def parsers():
    from lark import Token as LarkToken

    built = grammar._lark()

    def theirs(tokens):
        return built.parse([LarkToken(t.type, str(t), start_pos=t.start_pos) for t in tokens])

    return theirs, lalr.Parser(grammar._derived()).parse


def _tokens(answer: str) -> list:
    return tokenize(normalize(answer))


@pytest.mark.parametrize("answer", ANSWERS)
def test_the_readers_tokens_parse_as_lark_parses_them(parsers, answer):
    theirs, ours = parsers
    tokens = _tokens(answer)
    assert _outcome(ours, tokens) == _outcome(theirs, tokens)


def test_random_token_sequences_parse_as_lark_parses_them(parsers):
    theirs, ours = parsers
    draw = random.Random(22)
    seen = {"tree": 0, "error": 0}
    for _ in range(4000):
        kinds = [draw.choice(TERMINALS) for _ in range(draw.randint(0, 9))]
        tokens = [
            lalr.Token(kind, TEXT.get(kind, kind.lower()), start_pos=column)
            for column, kind in enumerate(kinds, 1)
        ]
        expected = _outcome(theirs, tokens)
        assert _outcome(ours, tokens) == expected, kinds
        seen[expected[0]] += 1
    assert min(seen.values()) >= 25, seen  # both paths taken


def test_grammatical_sequences_grown_from_a_seed_parse_as_lark_parses_them(parsers):
    """Random sequences are mostly errors early on: these mutate answers that parse, so
    deep trees (and errors late in long inputs) are compared too."""
    theirs, ours = parsers
    draw = random.Random(7)
    pool = [_tokens(a) for a in ANSWERS[:10]]
    assert _outcome(ours, []) == _outcome(theirs, [])  # nothing at all
    for _ in range(1500):
        tokens = list(draw.choice(pool))
        for _ in range(draw.randint(1, 3)):
            at = draw.randint(0, len(tokens))
            if draw.random() < 0.5 and tokens:
                del tokens[min(at, len(tokens) - 1)]
            else:
                donor = draw.choice(pool)
                piece = donor[draw.randint(0, len(donor) - 1) :][: draw.randint(1, 4)]
                tokens[at:at] = piece
        tokens = [lalr.Token(t.type, str(t), start_pos=i) for i, t in enumerate(tokens, 1)]
        assert _outcome(ours, tokens) == _outcome(theirs, tokens), [t.type for t in tokens]


def test_tokens_compare_as_larks_do():
    assert lalr.Token("SYMBOL", "h") == "h"
    assert lalr.Token("SYMBOL", "h") != lalr.Token("FUNC", "h")
    assert lalr.Token("SYMBOL", "h").value == "h"
