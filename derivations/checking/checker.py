"""Check one answer: read it, find the variant it equals, explain (the orchestration).

Stages and what bounds them: reading (length, depth, exponent and digit limits), exact
sampling (value size limit), then optional SymPy work (a node limit and its own time
budget; when it runs out the verdict stands, only the proof or the simplified
difference is missing).  The whole answer runs under :data:`.limits.TIME_BUDGET`.

``m_h``, ``m_w`` are the book's own output size (its reference is written with them),
so an answer using them is plainly ``equivalent``; the result carries a note saying
how they are read (``Result.notes``), not a convention.
"""

from __future__ import annotations

from fractions import Fraction

from derivations.checking import expression as ex
from derivations.checking.reading.aliases import COMPOSE_SYMBOLS, LAYER_SYMBOLS, OUTPUT_SYMBOLS, spellings
from derivations.checking.deciding.asymptotic import order_mismatch
from derivations.checking.deciding.budget import OutOfTime, time_budget
from derivations.checking.deciding.catalogue import Entry, entry as catalogue_entry
from derivations.checking.deciding.decide import (UNDEFINED, Values, find_match, first_difference, implied_restrictions,
                     matcher, optional_restrictions, restriction_conventions)
from derivations.checking.evaluate import compile_node
from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.limits import MAX_SYMBOLIC_DEGREE, MAX_SYMBOLIC_NODES, SYMBOLIC_BUDGET, TIME_BUDGET
from derivations.checking.reading.parse import Parsed, parse_answer
from derivations.registry.questions import BOOK_CONVENTION
from derivations.checking.result import Result

__all__ = ["check"]

_ORDER = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "n", "k", "s",
          "p", "m_h", "m_w", "k_1", "k_2")


def _allowed(entry: Entry) -> frozenset:
    q = entry.question
    if q.family == "compose":
        return frozenset(COMPOSE_SYMBOLS)
    names = set(LAYER_SYMBOLS) | {"n", "k", "s", "p"}
    if q.output_symbols:
        names |= set(OUTPUT_SYMBOLS)
    return frozenset(names)


def _check_name(entry: Entry, parsed: Parsed) -> None:
    """``name = formula`` is fine unless the name is a symbol the formula may use
    (``m_h = ...`` answering forward-mults says something else than the count)."""
    if parsed.name is None:
        return
    kind, symbol = spellings().get(parsed.name.lower(), (None, None))
    if kind == "symbol" and symbol in _allowed(entry):
        raise InvalidAnswer(f"'{parsed.name} =' defines the symbol {symbol}, not the answer "
                            f"to question {entry.question.id}: give only the formula",
                            parsed.name_column)


def _check_symbols(entry: Entry, parsed: Parsed) -> None:
    _check_name(entry, parsed)
    foreign = sorted(parsed.symbols - _allowed(entry))
    if not foreign:
        return
    if set(foreign) & set(OUTPUT_SYMBOLS) and entry.question.family == "layer":
        raise InvalidAnswer(f"{foreign[0]} is what question {entry.question.id} asks for; "
                            "write it with h, w, k, p, s")
    raise InvalidAnswer(f"symbol {foreign[0]} does not belong to question "
                        f"{entry.question.id} (its symbols: "
                        f"{', '.join(n for n in _ORDER if n in _allowed(entry))})")


def _number(value):
    if value is None or isinstance(value, int):
        return value
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else str(value)


def _layer(env: dict, entry: Entry, parsed: Parsed) -> dict:
    shown = ex.symbols_in(entry.reference.tree) | parsed.symbols
    return {name: env[name] for name in _ORDER if name in shown and name in env}


def _conventions(*groups) -> list:
    out = []
    for group in groups:
        out.extend(name for name in group if name not in out)
    return out


def _small(parsed: Parsed) -> bool:
    return (ex.size(parsed.tree) <= MAX_SYMBOLIC_NODES
            and ex.degree_bound(parsed.tree) <= MAX_SYMBOLIC_DEGREE)


def _symbolic(work):
    """Run optional SymPy work under its own budget; None when it runs out or fails."""
    try:
        with time_budget(SYMBOLIC_BUDGET) as token:
            try:
                return work()
            except OutOfTime as error:
                if error.owner is token:
                    return None
                raise
    except (ValueError, TypeError, ArithmeticError, RecursionError, NotImplementedError):
        return None


def _proof(parsed: Parsed, tree, domain, padding) -> bool | None:
    if not _small(parsed):
        return None

    def work():
        from derivations.checking.deciding.symbolic import prove_equal, restrict, to_sympy
        return prove_equal(restrict(to_sympy(parsed.tree), domain, padding),
                           restrict(to_sympy(tree), domain, padding))
    return _symbolic(work)


def _difference(parsed: Parsed, entry: Entry, domain) -> dict | None:
    if not _small(parsed):
        return None

    def work():
        import sympy as sp

        from derivations.checking.deciding.symbolic import difference, restrict, to_sympy
        gap = difference(restrict(to_sympy(parsed.tree), domain),
                         restrict(to_sympy(entry.reference.tree), domain),
                         stride_one=frozenset(t[-1] for t in domain if t.startswith("stride1")),
                         no_padding=frozenset(t[-1] for t in domain if t.startswith("nopad")))
        if gap.has(sp.zoo, sp.nan, sp.oo, -sp.oo):  # undefined somewhere: no difference
            return None
        return {"text": sp.sstr(gap), "latex": sp.latex(gap)}
    return _symbolic(work)


def _reference(entry: Entry) -> dict:
    return {"text": entry.display_text, "latex": entry.display_latex,
            "expanded": entry.expanded_text, "definitions": list(entry.definitions),
            "convention": BOOK_CONVENTION}


def _notes(parsed: Parsed) -> list:
    return ["output_size_symbols"] if parsed.symbols & set(OUTPUT_SYMBOLS) else []


def _undefined_everywhere(entry: Entry, parsed: Parsed, restrictions) -> bool:
    envs = matcher(entry).envs(restrictions, "total")
    values = Values(compile_node(parsed.tree), envs)
    return all(values[index] is UNDEFINED for index in range(len(envs)))


def _big_o(result: Result, entry: Entry, parsed: Parsed, restrictions) -> Result:
    if not entry.question.big_o:
        result.verdict, result.misconception = "not_equivalent", "big_o_for_exact"
        return result
    mismatch = order_mismatch(entry.reference.tree, parsed.body, entry.question.family,
                              restrictions)
    if mismatch is None:
        result.verdict = "equivalent_under_convention"
        result.conventions = _conventions(("asymptotic",),
                                          restriction_conventions(restrictions,
                                                                  entry.reference.tree))
        return result
    result.verdict = "not_equivalent"
    result.order = {"size": mismatch[0], "sign": mismatch[1]}
    for variant in entry.variants:
        if variant.misconception and not variant.conventions and order_mismatch(
                variant.tree, parsed.body, entry.question.family, restrictions) is None:
            result.misconception = variant.misconception
            break
    else:
        result.misconception = "wrong_order"
    return result


def _judge(entry: Entry, parsed: Parsed, result: Result, symbolic: bool) -> Result:
    result.notes = _notes(parsed)
    restrictions = implied_restrictions(entry, parsed.symbols, parsed.kinds)
    if parsed.is_big_o:
        return _big_o(result, entry, parsed, restrictions)
    match = find_match(entry, parsed.tree, restrictions, "n" in parsed.symbols)
    extra = optional_restrictions(entry, parsed.symbols) - restrictions
    if extra and (match is None or match.variant.misconception):
        second = find_match(entry, parsed.tree, restrictions | extra, "n" in parsed.symbols)
        if second and (second.variant.misconception is None or match is None):
            match = second
    if match and match.variant.misconception is None:
        tags = _conventions(match.variant.conventions,
                            restriction_conventions(match.domain, match.variant.tree))
        result.verdict = "equivalent_under_convention" if tags else "equivalent"
        result.conventions = tags
        result.alternatives = [list(a) for a in match.variant.alternatives]
        result.samples = len(matcher(entry).envs(match.domain, match.variant.padding))
        proved = _proof(parsed, match.variant.tree, match.domain,
                        match.variant.padding) if symbolic else None
        result.proof = "symbolic" if proved else "sampled"
        return result
    result.verdict = "not_equivalent"
    if match:
        result.misconception = match.variant.misconception
        result.misconception_conventions = _conventions(
            match.variant.conventions,
            restriction_conventions(match.domain, match.variant.tree))
    found = first_difference(entry, parsed.tree, restrictions)
    if found and found[2] is None and _undefined_everywhere(entry, parsed, restrictions):
        raise InvalidAnswer("the answer divides by zero at every valid layer")
    if found:
        env, expected, actual = found
        result.counterexample = {"layer": _layer(env, entry, parsed),
                                 "reference": _number(expected),
                                 "answer": _number(actual)}
    if symbolic:
        result.difference = _difference(parsed, entry, restrictions)
    return result


def check(question_id: str, answer: str, *, symbolic: bool = True) -> Result:
    """Check one answer to one question (unknown question: DerivationError)."""
    entry = catalogue_entry(question_id)
    result = Result(question_id, answer, "invalid_input", reference=_reference(entry))
    try:
        with time_budget(TIME_BUDGET) as token:
            try:
                parsed = parse_answer(answer)
                _check_symbols(entry, parsed)
                result.parsed = {"text": parsed.text, "latex": parsed.latex}
                return _judge(entry, parsed, result, symbolic)
            except OutOfTime as error:
                if error.owner is not token:
                    raise
                raise InvalidAnswer(f"checking took longer than {TIME_BUDGET:g} s") from None
    except InvalidAnswer as error:
        result.verdict = "invalid_input"
        result.conventions, result.misconception, result.counterexample = [], None, None
        result.alternatives, result.notes, result.difference, result.proof = [], [], None, None
        result.error = {"reason": error.reason, "position": error.position}
        return result
