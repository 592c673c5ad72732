"""The reader's cheap gates skip nothing a rule would have done (issue 21's readings,
kept as fast as the checker before them): each gate is compared with the plain rule it
stands in front of, over every character or the fuzzing corpus.

* the character check: one regular expression finds the first character the per-character
  rule could refuse (categories Cc and Cs), and it finds exactly those, over all of Unicode;
* ``Normalized.sub``: where its pattern matches nothing it returns the text itself, as the
  plain rebuild would (same text, same columns);
* the question's symbol names: kept per question, as computed afresh.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from derivations.checking.reading import answer, normalize
from derivations.checking.reading.errors import InvalidAnswer
from derivations.registry.questions import QUESTIONS
from tests.checking.fuzzing import answers


def _refused_by_the_rule(char: str) -> bool:
    category = unicodedata.category(char)
    return (category == "Cc" and char not in "\t\n\r") or category == "Cs"


def test_the_character_gate_matches_exactly_what_the_rule_refuses():
    pattern = normalize._REFUSED_CHARACTER
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(pattern.fullmatch(char)) == _refused_by_the_rule(char), hex(code)


@pytest.mark.parametrize(
    "raw", ["c_o\x07 k", "k\u200bh \x85", "a\ud800b", "ok\tk_h\r\n", "ü\x1f", "\x7f"]
)
def test_the_character_check_refuses_what_the_loop_alone_refuses(raw):
    first = next((i for i, c in enumerate(raw) if _refused_by_the_rule(c)), None)
    try:
        normalize._check_characters(raw)
    except InvalidAnswer as error:
        assert first is not None and error.position == first + 1
    else:
        assert first is None


def _plain_sub(self, pattern: re.Pattern, replace):
    """``Normalized.sub`` without its gate: always rebuilt."""
    chars, cols, last = [], [], 0
    for match in pattern.finditer(self.text):
        chars.append(self.text[last : match.start()])
        cols.extend(self.columns[last : match.start()])
        new = replace(match) if callable(replace) else match.expand(replace)
        chars.append(new)
        cols.extend([self.columns[match.start()]] * len(new))
        last = match.end()
    chars.append(self.text[last:])
    cols.extend(self.columns[last:])
    return normalize.Normalized("".join(chars), cols)


def _corpus() -> list[str]:
    references = {qid: qid.replace("-", "_") for qid in QUESTIONS}
    extra = [r"\mathrm{floor}(h_{k} + \text{kernel\_size})", r"\left( k \right)", "n_{H_{prev}}"]
    return [text for _, text in answers(21, 600, references)] + extra


def _normalized(raw: str):
    try:
        done = normalize.normalize(raw)
    except InvalidAnswer as error:
        return ("refused", error.key, error.position)
    return (done.text, done.columns)


def test_normalize_with_the_sub_gate_gives_what_the_plain_rebuild_gives(monkeypatch):
    corpus = _corpus()
    gated = [_normalized(raw) for raw in corpus]
    monkeypatch.setattr(normalize.Normalized, "sub", _plain_sub)
    assert [_normalized(raw) for raw in corpus] == gated
    assert sum(isinstance(g[0], str) and "\\" not in g[0] for g in gated) > 100


def test_the_question_symbols_kept_per_question_are_those_computed_afresh():
    for qid in [*QUESTIONS, "no-such-question"]:
        assert answer._symbols(qid) == answer._symbols.__wrapped__(qid)


def test_the_latex_symbol_gate_leaves_only_names_no_greek_word_fits_in():
    from derivations.expr import printers

    names = {"k", "c_i", "m_h", "n", "b", "ab", "Da", "eta", "d_k", "a_1"}
    names |= {*printers._GREEK_WORDS, "alpha_0", "Delta_h", "xbeta", "betas", "k_beta"}
    for word in printers._GREEK_WORDS:  # every shorter piece of every word
        names |= {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1)}
    for name in names:
        assert printers._LATEX.symbol(name) == printers._GREEK.sub(r"\\\1", name), name
    assert printers._LATEX.symbol("alpha_0") == r"\alpha_0"


def _plain_symbols(node) -> frozenset:
    from derivations.expr import tree as ex

    return frozenset(n.name for n in ex.walk(node) if isinstance(n, ex.Sym))


def test_symbols_and_kinds_are_those_every_node_of_the_walk_gives():
    """And a reading's ``symbols`` are its tree's (the checker reads them instead of
    walking the tree again for the names of other counts)."""
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr import tree as ex

    read = 0
    for raw in [*_corpus(), "adds = muls", "2 * muls + c_o", "FLOPs = 2 MACs = 2 c_i c_o"]:
        for letters in (False, True):
            try:
                parsed = parse_answer(raw, letters)
            except InvalidAnswer:
                continue
            read += 1
            for tree in (parsed.tree, *parsed.sides):
                assert ex.symbols_in(tree) == _plain_symbols(tree), raw
                assert ex.kinds_in(tree) == frozenset(type(n) for n in ex.walk(tree)), raw
            assert parsed.symbols == _plain_symbols(parsed.tree), raw
    assert read > 300


def test_a_product_of_sizes_is_what_the_bounded_product_gives():
    """One ``math.prod`` of a product of symbols' values, where it is a nonzero int
    within the bound, gives what multiplying and bounding each partial product gives,
    and refuses what it refuses (a zero after a product too large, fractions)."""
    import random
    from fractions import Fraction

    from derivations.expr import evaluate

    def outcome(combine, values, limit):
        try:
            value = combine(values, limit)
        except InvalidAnswer as error:
            return ("refused", error.key)
        return (type(value), value)

    rng = random.Random(21)
    pools = [
        lambda: rng.randint(1, 9),
        lambda: rng.randint(-3, 3),
        lambda: rng.choice((0, 1, 2**40, -(2**70))),
        lambda: Fraction(rng.randint(1, 5), rng.randint(1, 3)),
    ]
    seen = set()
    for _ in range(3000):
        pool = rng.sample(pools, rng.randint(1, 3))
        values = tuple(rng.choice(pool)() for _ in range(rng.randint(1, 6)))
        for limit in (64, 100, 4096):
            fast = outcome(evaluate._product_of_sizes, values, limit)
            assert fast == outcome(evaluate._product, values, limit), (values, limit)
            seen.add(fast[0] if fast[0] != "refused" else "refused")
            seen.add("zero after too large" if fast[0] == "refused" and 0 in values else "")
    assert {int, Fraction, "refused", "zero after too large"} <= seen
