"""The checker's fast paths give exactly what the plain algorithms give.

Each fast path (issue 10: wrong answers as fast as before the feedback work) is compared
with a plain version written here from its definition, the oracle:

* matching: :func:`find_match` (a per-question plan, each variant's first point tested
  before the full comparison) against trying every variant at every point, in order;
* diagnosis: :func:`diagnose` (candidate products looked up by their values at three
  points) against testing every product of up to three (factor) or four (term) sizes,
  and told the values its caller keeps (read lazily) against computing them itself;
* evaluation: :func:`compile_node` (symbols looked up at once, bounds inlined) against
  a recursive evaluator with a bound after every multiplication.
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from derivations.checking.deciding.catalogue import entry
from derivations.checking.deciding.decide import (
    UNDEFINED,
    find_match,
    implied_restrictions,
    matcher,
)
from derivations.checking.explaining import diagnose as diagnosis
from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.limits import MAX_BITS
from derivations.checking.reading.parse import parse_answer
from derivations.expr import tree as ex
from derivations.expr.evaluate import Undefined, compile_node
from derivations.registry.questions import QUESTIONS
from tests.checking.fuzzing import answers
from tests.checking.test_difference import WRONG


def _plain_match(question: str, tree, restrictions: frozenset, uses_batch: bool):
    """The index of the first variant equal to the answer at every point, or None."""
    function = compile_node(tree)
    for index, variant in enumerate(entry(question).variants):
        if "batch_counted" in variant.conventions and not uses_batch:
            continue
        domain = restrictions | variant.domain
        envs = matcher(entry(question)).envs(domain, variant.padding)
        values = [_value(function, env) for env in envs]
        if UNDEFINED not in values and values == [_value(variant.function, e) for e in envs]:
            return index
    return None


def _value(function, env):
    try:
        return function(env)
    except Undefined:
        return UNDEFINED


def _corpus() -> list[tuple[str, str]]:
    references = {qid: entry(qid).display_text for qid in QUESTIONS}
    right = [(qid, entry(qid).display_text) for qid in QUESTIONS]
    return right + WRONG + list(answers(11, 400, references))


def test_find_match_is_the_first_variant_equal_at_every_point():
    compared = matched = 0
    for question, text in _corpus():
        try:
            parsed = parse_answer(text)
        except InvalidAnswer:
            continue
        if parsed.is_big_o:
            continue
        restrictions = implied_restrictions(entry(question), parsed.symbols, parsed.kinds)
        uses_batch = "n" in parsed.symbols
        try:
            expected = _plain_match(question, parsed.tree, restrictions, uses_batch)
        except (InvalidAnswer, KeyError):  # too large somewhere, or a foreign symbol: the
            continue  # checker refuses these before (or while) matching
        found = find_match(entry(question), parsed.tree, restrictions, uses_batch)
        assert (found.index if found else None) == expected, (question, text)
        compared += 1
        matched += expected is not None
    assert compared > 300 and matched > 100  # the corpus exercises both outcomes


def _plain_factor(got, want, envs, sizes):
    for names in diagnosis._products(sizes, 3):
        products = [diagnosis._product(env, names) for env in envs]
        if all(g == w * p for g, w, p in zip(got, want, products)):
            return ("factor_extra", names)
        if all(g * p == w for g, w, p in zip(got, want, products)):
            return ("factor_missing", names)
    return None


def _plain_term(gaps, envs, sizes):
    for names in diagnosis._products(sizes, 4):
        products = [diagnosis._product(env, names) for env in envs]
        coefficient = Fraction(gaps[0]) / products[0]
        if coefficient and all(g == coefficient * p for g, p in zip(gaps, products)):
            return ("term_extra" if coefficient > 0 else "term_missing", names, coefficient)
    return None


_SIZES = ("c_o", "c_i", "k_h", "k_w", "m_h", "m_w", "h", "w")


def _envs(rng: random.Random, count: int) -> list[dict]:
    return [{name: rng.randint(1, 9) for name in _SIZES} for _ in range(count)]


def _cases(seed: int, count: int):
    """(got, want, envs): true factors and terms (of random products, some with
    fractional coefficients), near misses (one point off) and unrelated values."""
    rng = random.Random(seed)
    products = list(diagnosis._products(_SIZES, 4))
    for _ in range(count):
        envs = _envs(rng, rng.choice((3, 5, 12)))
        want = [rng.randint(1, 50) * rng.choice((1, 1, -1)) for _ in envs]
        names = rng.choice(products)
        values = [diagnosis._product(env, names) for env in envs]
        kind = rng.randrange(5)
        if kind == 0:
            got = [w * v for w, v in zip(want, values)]
        elif kind == 1:
            got = [Fraction(w, v) for w, v in zip(want, values)]
        elif kind == 2:
            scale = Fraction(rng.choice((1, -1, 3, -2)), rng.choice((1, 2, 7)))
            got = [w + scale * v for w, v in zip(want, values)]
        elif kind == 3:
            got = [rng.randint(-60, 60) for _ in envs]
        else:
            got = [w * v for w, v in zip(want, values)]
            got[rng.randrange(len(got))] += 1
        yield got, want, envs


@pytest.mark.parametrize("seed", range(4))
def test_factor_and_term_lookups_find_what_testing_every_product_finds(seed):
    found = {"factor": 0, "term": 0}
    for got, want, envs in _cases(seed, 300):
        sizes = _SIZES
        fast = diagnosis._factor(got, want, envs, sizes)
        plain = _plain_factor(got, want, envs, sizes)
        assert (fast and (fast.id, fast.factor)) == (plain or None), (got, want, envs)
        gaps = [g - w for g, w in zip(got, want)]
        if any(gaps):
            fast = diagnosis._term(gaps, envs, sizes)
            plain_term = _plain_term(gaps, envs, sizes)
            shown = fast and (fast.id, fast.factor, Fraction(fast.constant))
            assert shown == (plain_term or None), (gaps, envs)
            found["term"] += plain_term is not None
        found["factor"] += plain is not None
    assert found["factor"] > 50 and found["term"] > 30  # both kinds are really found


def test_a_zero_product_at_a_key_point_tests_every_product():
    envs = [dict.fromkeys(_SIZES, 2) for _ in range(4)]
    envs[0]["m_h"] = 0  # a degenerate point: the lookup tables do not apply
    want = [3, 5, 7, 11]
    got = [w * diagnosis._product(env, ("c_o", "m_h")) for w, env in zip(want, envs)]
    assert diagnosis._table(_SIZES, diagnosis._key_values(envs, _SIZES), 3) is None
    fast = diagnosis._factor(got, want, envs, _SIZES)
    assert (fast.id, fast.factor) == _plain_factor(got, want, envs, _SIZES)


def _plain_evaluate(node: ex.Node, env: dict):
    match node:
        case ex.Num(value):
            return value
        case ex.Sym(name):
            return env[name]
        case ex.Add(parts):
            return Fraction(sum(_plain_evaluate(p, env) for p in parts))
        case ex.Mul(parts):
            values = [_plain_evaluate(p, env) for p in parts]
            result = Fraction(1)
            for value in values:
                result *= value
                size = max(result.numerator.bit_length(), result.denominator.bit_length())
                if size > MAX_BITS:
                    raise InvalidAnswer("too large")
            return result
        case ex.Neg(x):
            return -_plain_evaluate(x, env)
        case ex.Max(parts):
            return max(_plain_evaluate(p, env) for p in parts)
        case ex.Min(parts):
            return min(_plain_evaluate(p, env) for p in parts)
        case ex.Div(top, bottom):
            lower = _plain_evaluate(bottom, env)
            if lower == 0:
                raise Undefined
            return Fraction(_plain_evaluate(top, env)) / lower
        case ex.Floor(x):
            return Fraction(_plain_evaluate(x, env)).__floor__()
        case ex.Ceil(x):
            return Fraction(_plain_evaluate(x, env)).__ceil__()
    raise AssertionError(node)


@pytest.mark.parametrize(
    "text",
    [
        "c_i c_o k_h k_w m_h m_w",
        "c_i + c_o + h",
        "max(h, w, k_h) - min(p_h, p_w)",
        "c_i/2 * c_o/3 * 6",
        "floor((h - k_h + p_h + s_h)/s_h) * ceil(w/s_w)",
        "h w / (h w)",
        "c_i/(p_h - p_h)",
        # sums and products of numbers, symbols and other terms (numbers combined once)
        "c_o*(2*c_i*k_h*k_w-1)*m_h*m_w",
        "h - k_h + 1/2 + 2",
        "0.5*c_i*h*3",
        "0*c_i*(h - 1) + 3",
        "2*h*(p_h - p_h)*c_i",
        "(h - k_h + p_h)/s_h + 1 - w",
        "c_i*h*(w/(p_h - p_h))",
    ],
)
def test_compiled_functions_evaluate_as_the_plain_evaluator(text):
    tree = parse_answer(text).tree
    function = compile_node(tree)
    rng = random.Random(text)
    for _ in range(50):
        env = {name: rng.randint(0, 9) for name in ("c_i", "c_o", "h", "w")}
        env |= {name: rng.randint(1, 5) for name in ("k_h", "k_w", "s_h", "s_w", "m_h", "m_w")}
        env |= {name: rng.randint(0, 3) for name in ("p_h", "p_w")}
        try:
            expected = _plain_evaluate(tree, env)
        except Undefined:
            with pytest.raises(Undefined):
                function(env)
            continue
        value = function(env)
        assert value == expected
        assert type(value) is (int if Fraction(expected).denominator == 1 else Fraction)


def test_a_product_too_large_is_refused_even_of_plain_symbols():
    function = compile_node(parse_answer("c_i c_o h w").tree)
    huge = 2 ** (MAX_BITS // 2)
    assert function({"c_i": huge, "c_o": 1, "h": 1, "w": 1}) == huge
    with pytest.raises(InvalidAnswer):
        function({"c_i": huge, "c_o": huge, "h": 2, "w": 1})
    # the bound holds for every partial product, not only the last one
    with pytest.raises(InvalidAnswer):
        function({"c_i": huge, "c_o": huge * 4, "h": 0, "w": 1})
    # so in a product of numbers, symbols and other terms (its numbers combined once)
    mixed = compile_node(parse_answer("2*c_i*(h + 0)*c_o*w").tree)
    assert mixed({"c_i": huge, "c_o": 1, "h": 1, "w": 1}) == 2 * huge
    with pytest.raises(InvalidAnswer):
        mixed({"c_i": huge, "c_o": huge, "h": 2, "w": 1})
    with pytest.raises(InvalidAnswer):
        mixed({"c_i": huge, "c_o": huge * 4, "h": 1, "w": 0})


def test_one_walk_measures_what_depth_height_and_big_o_count_measure():
    from derivations.checking.reading.transform import _measures

    trees = [entry(qid).reference.tree for qid in QUESTIONS]
    for variant in entry("forward-ops").variants:
        trees.append(variant.tree)
    for _, text in _corpus():
        try:
            trees.append(parse_answer(text).tree)
        except InvalidAnswer:
            continue
    trees.append(ex.BigO(ex.mul(ex.div(ex.div(ex.sym("h"), ex.sym("w")), ex.sym("c_i")))))
    for tree in trees:
        big_o = sum(isinstance(node, ex.BigO) for node in ex.walk(tree))
        assert _measures(tree) == (ex.depth(tree), ex.height(tree), big_o), tree
    assert len(trees) > 300


def test_book_like_environments_are_the_same_sequence_every_time():
    from derivations.checking.deciding import counterexample
    from derivations.registry.restrictions import Restriction

    for domain in (frozenset(), frozenset({Restriction.SQUARE}), frozenset({Restriction.K1})):
        fresh = list(counterexample._all_environments(domain))
        first = list(itertools.islice(counterexample.book_like_environments(domain), 5))
        assert first == fresh[:5]  # a search that stopped early ...
        assert list(counterexample.book_like_environments(domain)) == fresh  # ... and all
        assert list(counterexample.book_like_environments(domain)) == fresh


def test_the_reference_restricted_once_is_the_reference_restricted():
    """The checker's reference restricted once per question and domain (for the
    simplified difference) is the reference restricted anew, on the domain of every
    wrong answer of the catalogue's table (:data:`WRONG`), and is kept."""
    from derivations.checking import checker

    domains = set()
    for question, answer in WRONG:
        parsed = parse_answer(answer)
        found = entry(question)
        domain = implied_restrictions(found, parsed.symbols, parsed.kinds)
        kept = checker._restricted_reference(found, domain)
        assert kept == checker._restricted(found.reference.tree, domain), (question, answer)
        assert checker._restricted_reference(found, domain) is kept
        domains.add((question, domain))
    assert len(domains) > 20


def _plain_difference(student, reference, stride_one, no_padding):
    """The simplified difference by its definition (each form counted where compared):
    the shortest, first among equals, of each candidate factored or with its terms'
    common factors taken out."""
    import sympy as sp

    from derivations.checking.deciding.symbolic import _candidates

    plain = sp.expand(student - reference)
    candidates = _candidates(plain, "total", stride_one, no_padding)
    if not candidates or (
        plain.has(sp.floor) and len(candidates) == 1 and candidates[0].has(sp.floor)
    ):
        candidates.append(plain)
    forms = []
    for candidate in candidates:
        expr = sp.expand(candidate)
        grouped = sp.factor_terms(expr)
        factored = sp.factor(expr) if sp.count_ops(expr) <= 60 else grouped
        forms.append(factored if sp.count_ops(factored) <= sp.count_ops(grouped) else grouped)
    return min(forms, key=sp.count_ops)


def test_the_sized_difference_is_the_plain_difference_and_its_size():
    """:func:`sized_difference` (each form counted once) gives what the definition gives,
    and that form's ``count_ops``, on every wrong answer of :data:`WRONG`."""
    import sympy as sp

    from derivations.checking import checker
    from derivations.checking.deciding.symbolic import sized_difference
    from derivations.registry.restrictions import Kind, axes_with

    compared = 0
    for question, answer in WRONG:
        parsed = parse_answer(answer)
        found = entry(question)
        domain = implied_restrictions(found, parsed.symbols, parsed.kinds)
        if not checker._small(parsed):
            continue
        student = checker._restricted(parsed.tree, domain)
        reference = checker._restricted_reference(found, domain)
        sides = axes_with(domain, Kind.STRIDE_1), axes_with(domain, Kind.NO_PADDING)
        expected = _plain_difference(student, reference, *sides)
        gap, size = sized_difference(student, reference, "total", *sides)
        assert gap == expected and size == sp.count_ops(expected), (question, answer)
        compared += 1
    assert compared > 100


def test_each_node_is_compiled_once(monkeypatch):
    """A grouped sum or product compiles each part once, however deep the nesting (a
    product compiled its other terms twice, for its written-order fallback: a cold
    check of a wrong answer, which compiles every variant, took a quarter longer)."""
    from derivations.expr import evaluate

    real, calls = evaluate.compile_node, []
    monkeypatch.setattr(
        evaluate, "compile_node", lambda node, *rest: calls.append(node) or real(node, *rest)
    )
    tree = parse_answer("2*c_i*(3*c_o*(2*k_h*(k_w*(h - 1) - 1) + 1) - w)").tree
    evaluate.compile_node(tree)
    assert len({id(node) for node in calls}) == len(calls)  # no node compiled twice
    assert len(calls) <= sum(1 for _ in ex.walk(tree))
    assert evaluate.compile_node(tree)({"c_i": 1, "c_o": 1, "k_h": 1, "k_w": 2, "h": 3, "w": 4})


class _Counted:
    """A lazy sequence of one function's values at ``envs`` (as the deciding layer's
    ``Values``) that records the indices read."""

    def __init__(self, function, envs):
        self.values, self.read = [_value(function, env) for env in envs], []

    def __getitem__(self, index: int):
        self.read.append(index)
        return self.values[index]


def test_a_diagnosis_from_the_values_kept_is_the_diagnosis_computed_afresh():
    """:func:`diagnose` told the values a caller keeps (lazily: the checker's ``Values``,
    read by index) finds what it finds computing them itself, at every answer of the
    corpus that parses, and reads only the points it compares: the first
    ``MAX_POINTS`` and the last ``MAX_POINTS`` after them (never the points between),
    the later ones too from the values told (it computed them anew)."""
    compared = found = 0
    for question, text in _corpus():
        try:
            parsed = parse_answer(text)
        except InvalidAnswer:
            continue
        the_entry = entry(question)
        restrictions = implied_restrictions(the_entry, parsed.symbols, parsed.kinds)
        envs = matcher(the_entry).envs(restrictions, "total")
        family = str(the_entry.question.family)
        function, reference = compile_node(parsed.tree), the_entry.reference.function
        try:
            afresh = diagnosis.diagnose(function, reference, envs, family)
            want, got = _Counted(reference, envs), _Counted(function, envs)
        except (InvalidAnswer, KeyError):  # too large somewhere, or a foreign symbol
            continue
        assert diagnosis.diagnose(function, reference, envs, family, want, got) == afresh
        count, first = len(envs), diagnosis.MAX_POINTS
        later = set(range(count)[first:][-first:])
        assert set(want.read + got.read) <= set(range(min(count, first))) | later, text
        if afresh is not None and len(later) >= 3:  # found again there, from the values told
            assert later <= set(want.read) & set(got.read), (question, text)
        compared += 1
        found += afresh is not None
    assert compared > 300 and found > 20  # the corpus exercises both outcomes
