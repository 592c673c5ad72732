"""Check one answer: read it, find the variant it equals, explain (the orchestration).

Stages and what bounds them: reading (length, depth, exponent and digit limits), exact
sampling (value size limit), then optional SymPy work (a node limit and its own work
budget; when it runs out the verdict stands, only the proof or the simplified
difference is missing).  The whole answer runs under :data:`.limits.TIME_BUDGET` CPU
seconds (:mod:`.deciding.budget`: work, not the clock).  A result that ran out of any
budget says so (``Result.budget_hit``): it is never cached.

No answer can crash a run: an unexpected exception in any stage becomes the verdict
``error`` for that answer, with a short reason (the exception's type and first line).

``m_h``, ``m_w`` are the book's own output size (its reference is written with them),
so an answer using them is plainly ``equivalent``; the result carries a note saying
how they are read (``Result.notes``), not an assumption.
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from functools import cache
from itertools import pairwise

from derivations.checking.deciding.asymptotic import order_mismatch
from derivations.checking.deciding.budget import OutOfTime, time_budget
from derivations.checking.deciding.catalogue import Entry
from derivations.checking.deciding.catalogue import entry as catalogue_entry
from derivations.checking.deciding.decide import (
    UNDEFINED,
    Match,
    Values,
    condition,
    find_match,
    first_difference,
    implied_restrictions,
    matcher,
    mixes_axes,
    on_special_layer,
    optional_restrictions,
    other_axis,
    reference_symbols,
    restriction_assumptions,
    special_case,
)
from derivations.checking.deciding.samples import restrict_point
from derivations.checking.explaining.diagnose import MAX_POINTS, MEANINGS, diagnose, holds
from derivations.checking.notation import (
    RIGHT,
    in_context,
    in_context_or_book,
    letters_written,
    resolve,
    substitute,
    widen,
)
from derivations.checking.reading.aliases import (
    BATCH_SYMBOL,
    COMPOSE_SYMBOLS,
    LAYER_SYMBOLS,
    OUTPUT_SYMBOLS,
    SQUARE_SYMBOLS,
)
from derivations.checking.reading.answer import parse_for, per_axis, read_answer
from derivations.checking.reading.branches import BRANCHES_NOTE, has_branches
from derivations.checking.reading.errors import InvalidAnswer, refuse, refused, said_fields
from derivations.checking.reading.informal import (
    COST_WORDS,
    COUNT_WORDS,
    INCREASE_NOTE,
    SAID_WITH_FIELDS,
    Note,
    countings_said,
    lazy_pattern,
)
from derivations.checking.reading.languages import (
    BIAS_SAID,
    BRACKET_FLOOR_WORDS,
    BYTE_WORDS,
    CHANNEL_WORDS,
    ELEMENT_WORDS,
    EXAMPLE_COUNTS,
    GRADIENT_TENSORS,
    KERNEL_WORDS,
    MEMORY_WORDS,
    OTHER_ROUNDING_WORDS,
    OUTPUT_WORDS,
    PARAMETER_WORDS,
    PART_COUNT_AFTER,
    PASS_WORDS,
    PER_WORDS,
    RATE_WORDS,
    RATIO_WORDS,
    ROUNDING_WORDS,
    SPOKEN,
    every_word,
    multiplier_words,
    words_pattern,
)
from derivations.checking.reading.lexer import (
    NAMED_PREFIX,
    UNKNOWN_KEYS,
    held_read,
    held_reading,
    held_value,
    named_products,
    names_read,
    product_letters,
    second_index_only,
    three_d_said,
    triple_read,
)
from derivations.checking.reading.limits import (
    MAX_SYMBOLIC_DEGREE,
    MAX_SYMBOLIC_NODES,
    SYMBOLIC_BUDGET,
    TIME_BUDGET,
)
from derivations.checking.reading.names import COMPOSED_SOURCE, MISSPELT_SOURCE
from derivations.checking.reading.normalize import refuse_too_long
from derivations.checking.reading.parse import PLAIN, PLAIN_FUNCTIONS, PLAIN_NAME, Parsed
from derivations.checking.result import DROPPED_FLOOR, VERDICTS, Result
from derivations.expr import tree as ex
from derivations.expr.evaluate import compile_node
from derivations.expr.printers import to_latex, to_text, to_unicode
from derivations.records import replace
from derivations.registry.questions import Family, Question, named_count
from derivations.registry.questions import question as find_question
from derivations.registry.restrictions import (
    AXES,
    Kind,
    Restriction,
    axes_with,
    divisibility_span,
    on_axis,
    span_text,
)
from derivations.registry.spellings import Symbol, spellings

__all__ = [
    "check",
    "as_graded",
    "outcome_of",
    "symbols_allowed",
    "SYMBOL_ORDER",
    "MAX_DIFFERENCE_OPS",
    "LAZY_MODULES",
    "PLAIN_LAZY_MODULES",
]

# the modules a check imports only on the path that needs them, never on the path of an
# answer read the first time (a cold ``check``, the practice page's first verdict): a
# refused answer's second look (:func:`_second_look`; the formulas in prose and the
# traditional characters' table, :func:`_islands`, :func:`_prose_read`), SymPy's proofs and simplified
# differences (:func:`_proof`, :func:`_difference`; the derivations are prebuilt)
LAZY_MODULES = (
    "derivations.checking.every_reading",
    "derivations.checking.reading.second_look",
    "derivations.checking.reading.islands",
    "derivations.checking.reading.traditional",
    "derivations.checking.reading.recursion",
    "derivations.checking.reading.tables",
    "derivations.checking.reading.worked",
    "derivations.checking.reading.examples",
    "derivations.checking.deciding.symbolic",
    "derivations.expr.bridge",
    "sympy",
)

# the reader's stages a plain formula skips (:func:`.parse.plain_formula`): imported where
# an answer needs them, never by a plain formula's check (a cold ``check`` of one, the
# practice bench's first answer)
PLAIN_LAZY_MODULES = (
    "derivations.checking.reading.around",
    "derivations.checking.reading.code",
    "derivations.checking.reading.statements",
    "derivations.checking.reading.spoken",
)

SYMBOL_ORDER = (
    "c_i",
    "c_o",
    "h",
    "w",
    "k_h",
    "k_w",
    "p_h",
    "p_w",
    "s_h",
    "s_w",
    "n",
    "k",
    "s",
    "p",
    "m_h",
    "m_w",
    "k_1",
    "k_2",
)
MAX_DIFFERENCE_OPS = 12  # a longer simplified difference is not shown (the diagnosis is)


def _invalid(key: str, position: int | None = None, **fields) -> InvalidAnswer:
    """An :class:`InvalidAnswer` whose reason is message ``checker.reason.<key>``."""
    return refused(f"checker.reason.{key}", position, **fields)


_ALLOWED: dict[str, frozenset] = {}  # question id -> the symbols an answer may use


def symbols_allowed(entry: Entry) -> frozenset:
    """The symbols an answer to the question may use (computed once per question)."""
    q = entry.question
    found = _ALLOWED.get(q.id)
    if found is not None:
        return found
    if q.family == "compose":
        names = set(COMPOSE_SYMBOLS)
    else:
        names = set(LAYER_SYMBOLS) | {"n", "k", "s", "p"}
        if q.output_symbols:
            names |= set(OUTPUT_SYMBOLS)
    found = _ALLOWED[q.id] = frozenset(names)
    return found


# the symbol a lone name before "=" may label (it names the size asked for): the
# question's shape axis's input size (``h = (H - k + 2p)/s + 1`` answering output-height)
_LABEL_SYMBOLS = {"height": "h", "width": "w"}
LABEL_NOTE = "reading.note.label_symbol"
UPDATED_NOTE = "reading.note.updated_symbol"


def _written_alone(name: str, text: str) -> bool:
    """Whether ``name`` is written as a whole name in ``text`` (case-sensitive: ``H``
    is not ``h``; ``h_in`` is not ``h``)."""
    return bool(re.search(rf"(?<![\\\w]){re.escape(name)}(?![\w'{{])", text))


# what only code writes: floor division, an index, a power, a statement's closing ";"
_CODE_MARKS = lazy_pattern(r"//|\[\s*\d\s*\]|\*\*|;\s*$")


def _code_like(formula: str, parsed: Parsed) -> bool:
    """Whether ``formula`` is written as code (:data:`_CODE_MARKS`, or code read around
    it, ``reading.note.code``, or calls read, ``reading.note.code_call``): there ``h = (h
    + …) // s + 1`` updates h."""
    return bool(_CODE_MARKS().search(formula)) or any(
        getattr(note, "key", None) in ("reading.note.code", "reading.note.code_call")
        for note in parsed.notes
    )


def _check_name(entry: Entry, parsed: Parsed, answer: str = "") -> dict | None:
    """``name = formula`` is fine unless the name is a symbol the formula may use
    (``m_h = ...`` answering forward-mults says something else than the count).  The
    one exception: a name spelling the size the question asks for along its axis
    (``h = …`` answering output-height): where the formula does not write it, in that
    spelling, after the ``=`` (``h = (H - k + 2p)/s + 1``), a label naming the result;
    where it does, in an answer written as code (``h = (h + 2*p - k) // s + 1``:
    :func:`_code_like`), code's update of the name, the new value from the old (in
    maths, ``h = (h - k + p)/s + 1`` stays refused); either said in the returned note (JSON as
    ``Result.parsed["notes"]``)."""
    if parsed.name is None:
        return None
    _label_judged(entry, parsed.name)  # A = …, elements = … answering the multiplications
    meaning = _spelt_symbol(entry, parsed.name)
    if meaning is not None:
        shape = entry.question.shape
        after = answer.split("=", 1)[1] if "=" in answer else answer
        if shape is not None and _LABEL_SYMBOLS.get(shape.value) == meaning.name:
            # written after its "=" too: code's update of the name (``h = (h + …) // s + 1``
            # gives the new h from the old), the formula after it graded all the same
            written = _written_alone(parsed.name, after)
            if not written or _code_like(after, parsed):
                key = UPDATED_NOTE if written else LABEL_NOTE
                return {"id": key, "fields": {"name": parsed.name, "symbol": meaning.name}}
        raise _invalid(
            "defines_symbol",
            parsed.name_column,
            name=parsed.name,
            symbol=meaning.name,
            question=entry.question.id,
        )
    return None


def _spelt_symbol(entry: Entry, name: str) -> Symbol | None:
    """The symbol of the question (less the batch n) that ``name`` spells
    (:func:`.registry.spellings.spellings`, any case: ``k``, ``s``), or None."""
    meaning = spellings().get(name.lower())
    if isinstance(meaning, Symbol) and meaning.name in symbols_allowed(entry) - {"n"}:
        return meaning
    return None


def _check_symbols(entry: Entry, parsed: Parsed, answer: str = "") -> dict | None:
    """Refuse a symbol the question does not have; the note of a label (``h =``)."""
    label = _check_name(entry, parsed, answer)
    foreign = sorted(parsed.symbols - symbols_allowed(entry))
    if not foreign:
        return label
    if set(foreign) & set(OUTPUT_SYMBOLS) and entry.question.family == "layer":
        symbol = next(name for name in foreign if name in OUTPUT_SYMBOLS)
        shape = entry.question.shape
        asked = shape.axis if shape is not None else None
        if asked is not None and _OUTPUT_AXES[symbol] != asked:
            # the other axis's output size (m_h answering the width): not what is asked
            # (s13exam E16), said by both axes
            raise _invalid(
                "other_output_symbol",
                symbol=symbol,
                count_axis=AXES[1 - asked],
                asked_axis=AXES[asked],
                question=entry.question.id,
            )
        raise _invalid("asked_symbol", symbol=symbol, question=entry.question.id)
    raise _invalid(
        "foreign_symbol",
        symbol=foreign[0],
        question=entry.question.id,
        symbols=", ".join(n for n in SYMBOL_ORDER if n in symbols_allowed(entry)),
    )


def _number(value):
    if value is None or isinstance(value, int):
        return value
    value = Fraction(value)
    return value.numerator if value.denominator == 1 else str(value)


def _counterexample(
    found: tuple, entry: Entry, parsed: Parsed, conventions=(), named=frozenset()
) -> dict:
    """A difference ``(env, reference value, answer value)`` as the result shows it;
    ``conventions``: those of the variant whose value was compared in place of the
    reference's (kept with it: a value is said with the convention it is under);
    ``named``: symbols a diagnosis beside it names, shown too (the missing m_w's value,
    which the answer does not write)."""
    env, want, got = found
    layer = _layer(env, entry, parsed, named)
    example = {"layer": layer, "reference": _number(want), "answer": _number(got)}
    written = reference_symbols(entry) | parsed.symbols
    derived = [name for name in layer if name in OUTPUT_SYMBOLS and name not in written]
    if derived:  # sizes the layer's give, shown for a diagnosis naming them: said so
        example["derived"] = derived
    if conventions:
        example["conventions"] = list(conventions)
    return example


def _diagnosed_symbols(diagnosis: list) -> frozenset:
    """The symbols the diagnoses name (their factors and terms)."""
    return frozenset(name for data in diagnosis for name in data.get("factor") or ())


def _layer(env: dict, entry: Entry, parsed: Parsed, named=frozenset()) -> dict:
    """The symbols of ``env`` a counterexample shows: the question's and the answer's,
    those a diagnosis names, and where an output size is shown the sizes it is computed
    from, but a kernel the question holds at 1 x 1 (the pointwise question's k_h, k_w
    are no symbols of it)."""
    shown = reference_symbols(entry) | parsed.symbols | named
    if shown & set(OUTPUT_SYMBOLS):
        shown |= {"h", "w", "p_h", "p_w", "s_h", "s_w"}
        if Restriction.K1 not in entry.question.base_domain:
            shown |= {"k_h", "k_w"}
    return {name: env[name] for name in SYMBOL_ORDER if name in shown and name in env}


def _merged(*groups) -> list:
    out: list[str] = []
    for group in groups:
        out.extend(name for name in group if name not in out)
    return out


def _small(parsed: Parsed) -> bool:
    return (
        ex.size(parsed.tree) <= MAX_SYMBOLIC_NODES
        and ex.degree_bound(parsed.tree) <= MAX_SYMBOLIC_DEGREE
    )


class _Work:
    """Optional SymPy work under its own budget; remembers whether a budget ran out."""

    def __init__(self):
        self.budget_hit = False

    def run(self, work):
        try:
            with time_budget(SYMBOLIC_BUDGET) as token:
                try:
                    return work()
                except OutOfTime as error:
                    if error.owner is token:
                        self.budget_hit = True
                        return None
                    raise
        except (ValueError, TypeError, ArithmeticError, RecursionError, NotImplementedError):
            return None


def _square_layer(expr, domain):
    """``expr`` with w, k_w, p_w, s_w read as h, k_h, p_h, s_h on a square layer."""
    if Restriction.SQUARE_INPUT not in domain:
        return expr
    from derivations.expr.bridge import SYMPY_SYMBOLS as S

    return expr.xreplace(
        {S["w"]: S["h"], S["k_w"]: S["k_h"], S["p_w"]: S["p_h"], S["s_w"]: S["s_h"]}
    )


def _restricted(tree, domain, padding="total"):
    from derivations.checking.deciding.symbolic import restrict
    from derivations.expr.bridge import to_sympy

    return _square_layer(restrict(to_sympy(tree), domain, padding), domain)


_REFERENCES: dict[tuple, tuple] = {}  # (question id, domain) -> (entry, restricted reference)


def _restricted_reference(entry: Entry, domain):
    """The question's reference as :func:`_restricted` gives it on ``domain`` (total
    padding), converted once per question and domain (it is the same for every answer)."""
    key = (entry.question.id, domain)
    found = _REFERENCES.get(key)
    if found is None or found[0] is not entry:
        found = _REFERENCES[key] = (entry, _restricted(entry.reference.tree, domain))
    return found[1]


def _proof(work: _Work, parsed: Parsed, tree, domain, padding) -> bool | None:
    if not _small(parsed):
        return None

    def prove():
        from derivations.checking.deciding.symbolic import prove_equal

        return prove_equal(
            _restricted(parsed.tree, domain, padding), _restricted(tree, domain, padding)
        )

    return work.run(prove)


def _difference(work: _Work, parsed: Parsed, entry: Entry, domain, example) -> dict | None:
    """answer - reference simplified, when short, and only when it evaluates to
    answer - reference at the counterexample (what is printed is never wrong)."""
    if not _small(parsed) or example is None or example["answer"] is None:
        return None

    def simplify():
        import sympy as sp

        from derivations.checking.deciding.symbolic import sized_difference
        from derivations.expr.bridge import from_sympy

        gap, size = sized_difference(
            _restricted(parsed.tree, domain),
            _restricted_reference(entry, domain),
            stride_one=axes_with(domain, Kind.STRIDE_1),
            no_padding=axes_with(domain, Kind.NO_PADDING),
        )
        if gap.has(sp.zoo, sp.nan, sp.oo, -sp.oo) or size > MAX_DIFFERENCE_OPS:
            return None
        return from_sympy(gap)

    tree = work.run(simplify)
    if tree is None:
        return None
    try:
        value = compile_node(tree)(example["env"])
    except (ArithmeticError, KeyError):
        return None
    if value != example["answer_value"] - example["reference_value"]:
        return None  # the simplification assumed something the counterexample breaks
    from derivations.expr.printers import to_latex, to_text

    return {"text": to_text(tree), "latex": to_latex(tree), "tree": ex.to_data(tree)}


def _reference(entry: Entry) -> dict:
    return {
        "text": entry.display_text,
        "latex": entry.display_latex,
        "expanded": entry.expanded_text,
        "definitions": list(entry.definitions),
    }


# reading notes said with their fields (from ``Result.parsed["notes"]``, or as a reading)
FIELD_NOTES = SAID_WITH_FIELDS | {"reading.note.notation"}


_OTHER_AXIS_NOTE = {"w": "width_formula_for_height", "h": "height_formula_for_width"}
FLOPS_OF_MULTIPLICATIONS = "flops_as_multiplications"  # checker.assumption.<id>


# registry/notations.yaml's record of g, the groups (read as 1: checker.note.groups_at_one),
# and of d_h, d_w (the dilation, said by the reading alone)
GROUPS_SOURCE = "formulas_page"


def _notes(entry: Entry, parsed: Parsed) -> list:
    notes = ["output_size_symbols"] if parsed.symbols & set(OUTPUT_SYMBOLS) else []
    if parsed.notes and _groups_written(parsed.notes):  # a grouped layer's g: say what 1 is
        notes.append("groups_at_one")
    axis = other_axis(entry, parsed.symbols)
    if axis is not None:  # the other axis's formula, read on a square layer
        notes.append(_OTHER_AXIS_NOTE[axis])
    # reading.note.*: informal forms (those with fields are said from the parsed notes)
    return notes + [note.key for note in parsed.notes if note.key not in FIELD_NOTES]


def _groups_written(notes) -> bool:
    """Whether the reader's ``notes`` say a name of the formulas page was read as the
    groups (``g``)."""
    from derivations.registry.notations import held_spelling

    return any(
        note.key == "reading.note.notation"
        and dict(note.fields)["source"] == GROUPS_SOURCE
        and (held_spelling(str(dict(note.fields)["written"])) or ("",))[0] == "groups"
        for note in notes
    )


def _undefined_everywhere(values: Values) -> bool:
    return all(values[index] is UNDEFINED for index in range(len(values)))


def _big_o(result: Result, entry: Entry, parsed: Parsed, restrictions) -> Result:
    if not entry.question.big_o:
        result.verdict, result.misconception = "not_equivalent", "big_o_for_exact"
        return result
    mismatch = order_mismatch(
        entry.reference.tree, parsed.body, entry.question.family, restrictions
    )
    if mismatch is None:
        result.verdict = "equivalent_under_convention"
        restrictions -= _order_free(entry, parsed, restrictions)
        # a big-O needs no floor: the order is the same with it or without
        result.assumptions = _merged(
            ("asymptotic",),
            [
                tag
                for tag in restriction_assumptions(restrictions, entry.reference.tree)
                if tag != DROPPED_FLOOR
            ],
        )
        return result
    result.verdict = "not_equivalent"
    result.order = {"size": mismatch.size, "sign": mismatch.sign}
    if mismatch.sign == 0:  # zero, negative or undefined somewhere: bounds nothing
        result.misconception = "wrong_order"
        return result
    for variant in entry.variants:
        if (
            variant.misconception
            and not variant.conventions
            and order_mismatch(variant.tree, parsed.body, entry.question.family, restrictions)
            is None
        ):
            result.misconception = variant.misconception
            break
    else:
        result.misconception = "wrong_order"
    return result


def _order_free(entry: Entry, parsed: Parsed, restrictions) -> frozenset:
    """The restrictions of a left-out stride or padding (:func:`.decide.special_case`)
    the order of ``parsed`` does not need: all of them where it has the reference's order
    without them, else none.  No ray of :mod:`.asymptotic` grows a stride or a padding,
    so a big-O that leaves them out assumes nothing of them (s15exam E1: "stride 1
    assumed" was said of ``O(c_o c_i h w)``, which is of the right order at any stride)."""
    special = frozenset(special_case(restrictions, entry.reference.tree))
    free = special and order_mismatch(
        entry.reference.tree, parsed.body, entry.question.family, restrictions - special
    )
    return special if special and free is None else frozenset()


class _Answer:
    """One parsed answer, compiled once, with its values at the points already
    evaluated per ``(domain, padding)`` (shared by matching, counterexample, diagnosis)."""

    def __init__(self, parsed: Parsed):
        self.parsed = parsed
        self.function = compile_node(parsed.tree)
        self.values: dict[tuple, Values] = {}

    def on(self, entry: Entry, domain: frozenset) -> Values:
        """Its values on ``domain`` with total padding (the reference's points)."""
        key = (domain, "total")
        if key not in self.values:
            self.values[key] = Values(self.function, matcher(entry).envs(domain, "total"))
        return self.values[key]

    def match(self, entry: Entry, restrictions: frozenset) -> Match | None:
        return find_match(
            entry,
            self.parsed.tree,
            restrictions,
            "n" in self.parsed.symbols,
            answers=self.values,
            function=self.function,
        )


def _match(entry: Entry, answer: _Answer, restrictions):
    parsed = answer.parsed
    match = answer.match(entry, restrictions)
    extra = optional_restrictions(entry, parsed.symbols) - restrictions
    if extra and (match is None or match.variant.misconception):
        second = answer.match(entry, restrictions | extra)
        if second and (second.variant.misconception is None or match is None):
            # a mistake that holds at every layer is said before "right only at stride
            # 1", the special layer that mistake happens to be right on (s10exam2 F5's
            # addendum: the whole padded input for the positions the windows cover)
            special = _narrowed(second.domain) and special_case(second.domain, second.variant.tree)
            if match is None or not special:
                match = second
    return match


def _said_counting(entry: Entry, match, stated: str | None) -> tuple[tuple, list]:
    """(the conventions of ``match``'s reading, its alternatives): of a ratio said with a
    count word (``4 FLOPs``), the reading under that counting where one of the variant's
    readings makes it (the same ratio in MACs and FLOPs: s14exam E12), the others after."""
    readings = [tuple(match.variant.conventions), *map(tuple, match.variant.alternatives)]
    if entry.question.ratio and stated in _COUNTINGS:
        said = next((r for r in readings if stated in r), None)
        if said is not None:
            readings.remove(said)
            readings.insert(0, said)
    return readings[0], [list(r) for r in readings[1:]]


def _right(result, entry, answer: _Answer, match, work, symbolic) -> Result:
    parsed = answer.parsed
    conventions, alternatives = _said_counting(entry, match, _stated(parsed, entry))
    tags = _merged(
        conventions,
        restriction_assumptions(match.domain, match.variant.tree),
        counting_assumptions(_stated(parsed, entry), entry),
    )
    result.verdict = "equivalent_under_convention" if tags else "equivalent"
    result.assumptions = tags
    if DROPPED_FLOOR in tags:
        result.counterexample = _floor_missing(entry, answer, match)
    result.alternatives = alternatives
    result.samples = len(matcher(entry).envs(match.domain, match.variant.padding))
    proved = (
        _proof(work, parsed, match.variant.tree, match.domain, match.variant.padding)
        if symbolic
        else None
    )
    result.proof = "symbolic" if proved else "sampled"
    return result


def _floor_missing(entry: Entry, answer: _Answer, match: Match) -> dict | None:
    """Where an answer right only where the stride divides (its floor left out) fails:
    the first layer off that restriction where it differs from the variant it matched
    (issue 25, s10exam F1: said with the convention, so that no one reads it as right
    in general); None if it differs nowhere sampled."""
    divides = frozenset(r for r in match.domain if Restriction(r).kind is Kind.DIVIDES)
    expected = match.variant.function if match.variant.conventions else None
    found = first_difference(
        entry, answer.parsed.tree, match.domain - divides, answer.function, expected
    )
    if not found:
        return None
    example = _counterexample(found, entry, answer.parsed, match.variant.conventions)
    example["divides"] = _divisions(entry, divides, match.variant.padding)
    return example


def _divisions(entry: Entry, divides: frozenset, padding: str) -> list:
    """Where an answer without its floor is right, per axis of the question (the output
    height's answer is right where s_h divides h − k_h + p_h, whatever its square layer
    says of the width): ``[{"stride", "span"}]``, the span with the padding counted as
    the variant counts it."""
    domain = entry.question.base_domain  # (a 1 × 1 kernel's k is 1: no symbol of it)
    return [
        {"stride": f"s_{axis}", "span": span_text(divisibility_span(axis, padding, domain))}
        for axis in AXES
        if on_axis(Kind.DIVIDES, axis) in divides and axis in matcher(entry).reference_axes
    ]


SPECIAL_CASE = "given_parameter_left_out"  # misconception id (registry/misconceptions.yaml)
_SPECIAL_TAGS = ("stride_1", "no_padding")


def _needed(entry: Entry, answer: _Answer, domain: frozenset, special: tuple, expected) -> list:
    """The restrictions of ``special`` the answer needs, each dropped in turn where the
    answer still equals the matched variant at every sampled layer without it (``0``
    for the padding's doubling is right at any stride where there is no padding: "only
    when p_h = 0 and p_w = 0", not "s_h = 1 and … p_w = 0")."""
    kept = list(special)
    for restriction in special:
        trial = domain - frozenset(r for r in special if r not in kept or r == restriction)
        if (
            len(kept) > 1
            and first_difference(entry, answer.parsed.tree, trial, answer.function, expected)
            is None
        ):
            kept.remove(restriction)
    return kept


# the share of the sampled layers off a special layer where an answer said to be "right
# only when s_h = 1 …" must be wrong (s13exam E15: one right at 84% of the strided
# layers, its stride carried by m_h, was told it leaves the stride out)
_SPECIAL_WRONG_SHARE = Fraction(3, 4)


def _wrong_off(entry: Entry, answer: _Answer, match: Match, special: tuple) -> bool:
    """Whether ``answer`` differs from the variant it matched at no fewer than
    :data:`_SPECIAL_WRONG_SHARE` of the sampled layers off the special layer the
    diagnosis would name (:func:`_needed`, :func:`.decide.on_special_layer`; where both
    are defined): only then is it "right only" there."""
    expected = match.variant.function if match.variant.conventions else None
    needed = _needed(entry, answer, match.domain, special, expected)
    general = match.domain - frozenset(special)
    envs = matcher(entry).envs(general, match.variant.padding)
    got = Values(answer.function, envs)
    want = Values(match.variant.function, envs)
    both = [
        i
        for i, env in enumerate(envs)
        if not on_special_layer(env, tuple(needed)) and UNDEFINED not in (got[i], want[i])
    ]
    wrong = sum(got[i] != want[i] for i in both)
    return bool(both) and wrong >= _SPECIAL_WRONG_SHARE * len(both)


def _special(result, entry, answer: _Answer, match: Match, special: tuple) -> Result:
    """Right only on the special layer a left-out given parameter implies (stride 1,
    no padding): ``not_equivalent``, its own misconception, the diagnosis naming that
    layer, and a counterexample off it (where the answer leaves the matched variant)."""
    parsed, variant = answer.parsed, match.variant
    result.verdict, result.misconception = "not_equivalent", SPECIAL_CASE
    tags = _merged(variant.conventions, restriction_assumptions(match.domain, variant.tree))
    result.misconception_assumptions = [tag for tag in tags if tag not in _SPECIAL_TAGS]
    expected = variant.function if variant.conventions else None
    conditions = [condition(r) for r in _needed(entry, answer, match.domain, special, expected)]
    result.diagnosis = [
        {
            "id": "special_case",
            "factor": [],
            "meaning": None,
            "constant": None,
            "text": ", ".join(conditions),
            "latex": ", ".join(conditions),
            "conditions": conditions,
            # the convention it was found under, said first in the same sentence (s12exam
            # E4: "right only when s_h = 1 …" of a FLOPs count is not right there as asked)
            **({"variant": list(variant.conventions)} if variant.conventions else {}),
        }
    ]
    general = match.domain - frozenset(special)
    found = first_difference(entry, parsed.tree, general, answer.function, expected)
    if found:
        result.counterexample = _counterexample(found, entry, parsed, variant.conventions)
    return result


def _wrong(result, entry, answer: _Answer, match, restrictions, work, symbolic) -> Result:
    parsed = answer.parsed
    result.verdict = "not_equivalent"
    if match:
        result.misconception = match.variant.misconception
        result.misconception_assumptions = _merged(
            match.variant.conventions, restriction_assumptions(match.domain, match.variant.tree)
        )
    found = first_difference(entry, parsed.tree, restrictions, answer.function)
    values = answer.on(entry, restrictions)
    if found and found[2] is None and _undefined_everywhere(values):
        raise _invalid("undefined_everywhere")
    example, conventions = None, ()
    if found:
        env, expected, actual = found
        example = {
            "env": env,
            "answer": actual,
            "answer_value": actual,
            "reference_value": expected,
        }
    envs = matcher(entry).envs(restrictions, "total")
    want = matcher(entry).reference_values(restrictions)
    # the values kept (the answer's: find_match may have computed them), read lazily
    found_diagnosis = _diagnosed(entry, answer, entry.reference, envs, want, values)
    if found_diagnosis:
        data = _diagnosis_data(found_diagnosis)
        data["where"], data["elsewhere"] = _where(entry, answer, restrictions, found_diagnosis)
        result.diagnosis = [data]
    elif not _in_own_counting(entry, match):
        result.diagnosis, variant = _against_conventions(entry, answer, restrictions)
        # the diagnosis is measured under the variant's counting: so is the value shown
        # beside it (s11exam F16: "a term 2*c_o*m_h*m_w is left out" beside the exact
        # count's 6314, a gap of 14; under FLOPs it is 6480, a gap of that term's 180)
        under = variant and first_difference(
            entry, parsed.tree, restrictions, answer.function, variant.function
        )
        if under:
            found, conventions = under, variant.conventions
    if found:
        result.counterexample = _counterexample(
            found, entry, parsed, conventions, _diagnosed_symbols(result.diagnosis)
        )
    if symbolic:
        result.difference = _difference(work, parsed, entry, restrictions, example)
    return result


def _in_own_counting(entry: Entry, match: Match | None) -> bool:
    """Whether ``match`` is a known mistake in the question's own counting (no
    convention of its own): it says what is wrong, and no diagnosis against a counting
    convention's count is said beside it (s13exam E7: "as a count under MACs, a term
    c_o*m_h*m_w is left out" beside "backward is taken to cost the same as forward"
    steers to the MACs count).  Not for a ratio (doubling the channels): there every
    counting gives nearly the same ratio, and "half the right value" under MACs is said
    of the exact one too."""
    return bool(
        match
        and match.variant.misconception
        and not match.variant.conventions
        and not entry.question.ratio
    )


# restrictions that narrow the layers a diagnosis was found on (not conventions of notation)
_NARROWING = (Kind.STRIDE_1, Kind.NO_PADDING, Kind.DIVIDES)


def _condition_text(restriction: Restriction, entry: Entry) -> str:
    """``restriction`` as a condition on the layer; an exact division's span without a
    kernel the question holds at 1 × 1 (:func:`.restrictions.divisibility_span`)."""
    if restriction.kind is Kind.DIVIDES:
        axis = restriction.axis or ""
        span = span_text(divisibility_span(axis, "total", entry.question.base_domain))
        return f"({span}) mod s_{axis} = 0"
    return condition(restriction)


def _narrowed(domain: frozenset) -> bool:
    """Whether ``domain`` holds a restriction that narrows the layers (cheap test)."""
    return any(Restriction(r).kind in _NARROWING for r in domain)


def _where(
    entry: Entry, answer: _Answer, restrictions: frozenset, found, index: int | None = None
) -> tuple[list, bool]:
    """``(conditions, elsewhere)``: the conditions under which a diagnosis holds, when
    it was found on layers the answer's own restrictions narrow (stride 1, no padding,
    exact division) and does not hold on every layer of the question: the fewest of
    those restrictions on whose layers it holds (no padding, not the stride, for an
    increase that padding alone makes: s13exam E3), and whether it also holds at some
    sampled layer of the question outside them (the floors absorb a doubled padding at
    a stride above 1: then "not elsewhere" would be false, s13exam E3); ``([], False)``
    when it holds at every layer.  The diagnosis is against the reference, or against
    the variant at ``index`` (a counting convention's: s12exam E4, "exactly half the
    FLOPs" said of ``c_o c_i h w`` holds at stride 1 without padding only)."""
    narrowing = sorted(
        (Restriction(r) for r in restrictions if Restriction(r).kind in _NARROWING),
        key=lambda r: (_NARROWING.index(r.kind), r.axis or ""),
    )
    if not narrowing:
        return [], False
    general = restrictions - frozenset(narrowing)
    envs = matcher(entry).envs(general, "total")
    against = entry.reference if index is None else entry.variants[index]
    want = _values_against(entry, index, general)
    got = answer.on(entry, general)
    # the diagnosis itself may hold there, though another is found first (s12exam E20:
    # "m_w missing" of an answer that leaves out the width, where m_h = m_w on the
    # square layer it is read on and "m_h missing" comes first)
    if holds(found, got, want, len(envs), envs):
        return [], False
    wider = _diagnosed(entry, answer, against, envs, want, got)
    if wider is not None and (wider.id, wider.factor, wider.constant) == (
        found.id,
        found.factor,
        found.constant,
    ):
        return [], False

    def elsewhere(kept) -> bool:  # holds at a sampled layer the conditions leave out
        return any(
            holds(found, (got[i],), (want[i],), 1, (envs[i],))
            and restrict_point(envs[i], frozenset(kept)) != envs[i]
            for i in range(len(envs))
        )

    for size in range(1, len(narrowing)):
        for kept in itertools.combinations(narrowing, size):
            domain = general | frozenset(kept)
            inside = matcher(entry).envs(domain, "total")
            values = _values_against(entry, index, domain)
            if holds(found, answer.on(entry, domain), values, len(inside), inside):
                return [_condition_text(r, entry) for r in kept], elsewhere(kept)
    return [_condition_text(r, entry) for r in narrowing], elsewhere(narrowing)


def _values_against(entry: Entry, index: int | None, domain: frozenset) -> Values:
    """The reference's values on ``domain``'s layers, or the variant's at ``index``."""
    if index is None:
        return matcher(entry).reference_values(domain)
    return matcher(entry).values_of_variant(index, domain)


_COUNTING_VARIANTS: dict[str, tuple] = {}  # question id -> (entry, variant indices)


def _counting_variants(entry: Entry) -> tuple[int, ...]:
    """The positions of the right variants counting MACs or FLOPs with total padding
    and no restriction of their own, in catalogue order (found once per question)."""
    cached = _COUNTING_VARIANTS.get(entry.question.id)
    if cached is not None and cached[0] is entry:
        return cached[1]
    indices = tuple(
        index
        for index, variant in enumerate(entry.variants)
        if not variant.misconception
        and set(variant.conventions) & set(_COUNTINGS)
        and variant.padding == "total"
        and not variant.domain
    )
    _COUNTING_VARIANTS[entry.question.id] = (entry, indices)
    return indices


def _against_conventions(entry: Entry, answer: _Answer, restrictions: frozenset) -> tuple:
    """``([diagnosis], variant)``: a diagnosis against the first right variant counting
    MACs or FLOPs (total padding, no restriction of its own: the reference's points
    serve, and the variant's values there are the matcher's, computed once), when none
    holds against the reference (a FLOPs count with one factor missing); ``([], None)``
    if none."""
    candidates = _counting_variants(entry)
    if not candidates:
        return [], None
    envs = matcher(entry).envs(restrictions, "total")
    got = answer.on(entry, restrictions)
    count = min(len(envs), MAX_POINTS)
    if not count or any(got[index] is UNDEFINED for index in range(count)):
        return [], None  # diagnose() would find nothing against any variant
    for index in candidates:
        variant = entry.variants[index]
        if "batch_counted" in variant.conventions and "n" not in answer.parsed.symbols:
            continue
        want = matcher(entry).values_of_variant(index, restrictions)
        found = _diagnosed(entry, answer, variant, envs, want, got)
        if found:
            data = _diagnosis_data(found)
            data["variant"] = list(variant.conventions)
            data["where"], data["elsewhere"] = _where(entry, answer, restrictions, found, index)
            return [data], variant
    return [], None


def _diagnosed(entry: Entry, answer: _Answer, against, envs, want=None, got=None):
    """:func:`diagnose` of ``answer`` against ``against`` (the reference or a variant,
    compiled) at ``envs``, told the question's kind from its record (its family, and
    whether it asks for a ratio: no factor 2 of a counting there)."""
    question = entry.question
    found = diagnose(
        answer.function,
        against.function,
        _with_worked(entry, envs),
        str(question.family),
        want,
        got,
        question.ratio,
    )
    axis = question.shape.axis if question.shape else None
    if found is not None and found.id == "swapped_axes" and axis is not None:
        # one size asked (the output height): the answer is the other size's formula
        return replace(found, id="other_axis_formula", meaning=_OUTPUT_MEANINGS[1 - axis])
    return found


def _with_worked(entry: Entry, envs):
    """``envs`` with the values of the quantities the question's worked answer names
    (:attr:`.Entry.worked`: C_h, C_w, the padded positions some window covers), which
    a diagnosis may name (s12exam E19: dX's overlap term c_i C_h C_w, in the book's
    counting, not a term of the FLOPs'); ``envs`` itself where there are none."""
    if not entry.worked:
        return envs
    functions = [(name, compile_node(tree)) for name, tree in entry.worked]
    return [{**env, **{name: function(env) for name, function in functions}} for env in envs]


# the meaning (explaining.diagnose.MEANINGS) of the output size along axis 0 and 1
_OUTPUT_MEANINGS = (MEANINGS[("m_h",)], MEANINGS[("m_w",)])


def _diagnosis_data(found) -> dict:
    from derivations.expr.printers import to_latex, to_text

    product = found.product()
    constant = found.constant
    return {
        "id": found.id,
        "factor": list(found.factor),
        "meaning": found.meaning,
        "constant": None if constant is None else str(constant),
        "text": to_text(product),
        "latex": to_latex(product),
    }


def outcome_of(entry: Entry, parsed: Parsed) -> tuple | None:
    """The verdict class of a fully known answer, for the notation layer's inference:
    ``("right",)``, ``("wrong", misconception)``, or None when it matches no variant."""
    if parsed.symbols - symbols_allowed(entry):
        return None
    restrictions = implied_restrictions(entry, parsed.symbols, parsed.kinds)
    if parsed.is_big_o:
        if not entry.question.big_o:
            return ("wrong", "big_o_for_exact")
        mismatch = order_mismatch(
            entry.reference.tree, parsed.body, entry.question.family, restrictions
        )
        return ("right",) if mismatch is None else None
    match = _match(entry, _Answer(parsed), restrictions)
    if match is None:
        return None
    if match.variant.misconception:
        return ("wrong", match.variant.misconception)
    if _narrowed(match.domain) and special_case(match.domain, match.variant.tree):
        return ("wrong", SPECIAL_CASE)
    if _clash(_stated(parsed, entry), match.variant.conventions, entry, parsed.counting_named):
        return ("wrong", mislabelling(entry))
    if unit_clash(parsed.unit, match.variant.conventions):
        return ("wrong", UNIT_MISLABELLED)
    if mixes_axes(entry, parsed.symbols):
        return ("wrong", AXIS_MIXUP)
    if _padding_clash(parsed, match.variant.conventions):
        return ("wrong", PER_SIDE_ONCE)
    if _sides_doubled(parsed, match.variant.conventions):
        return ("wrong", SIDES_DOUBLED)
    return ("right",)


_SIDE_POINTS = 32  # points at which the sides of a chain of equalities must agree


CHAIN_WRONG_NOTE = "reading.note.chain_every_side_wrong"


def _every_side_wrong(entry: Entry, parsed: Parsed) -> bool:
    """Whether no side of the chain is right and one is a mistake the catalogue knows
    (then the sides' disagreement does not matter: the answer is wrong whichever side
    the student meant, and the graded side is judged)."""
    sides = [parsed, *(parsed.with_tree(side, sides=()) for side in parsed.sides)]
    outcomes = [outcome_of(entry, side) for side in sides]
    return RIGHT not in outcomes and any(outcome is not None for outcome in outcomes)


def _other_name(parsed: Parsed, side: ex.Node, answer: str) -> bool:
    """Whether the first side after a chain's label is a name of the author's own read as
    one symbol (``nH = nW = …``: nW, the square layer's other size, written otherwise
    than the symbol it reads as), not a formula the chain states (``m_h = w = …`` is)."""
    if not isinstance(side, ex.Sym) or not parsed.name or not isinstance(answer, str):
        return False
    pieces = [piece.strip(" \t\n$`") for piece in answer.split("=")]
    if len(pieces) < 3:
        return False
    written = pieces[1].replace("_", "").replace("{", "").replace("}", "").lower()
    return written.isalnum() and written != side.name.replace("_", "").lower()


def _count_name_judged(entry: Entry, name: str) -> None:
    """Refused (``lead_names_other``) when ``name``, a chain's name after its label
    (``M = A = …``), is another count's name or its letter on the answer sheets
    (:func:`.registry.questions.sheet_letters`: A, the additions, answering the
    multiplications), as the label before it would be."""
    from derivations.registry.questions import sheet_letters

    named = sheet_letters().get(name) or named_count(name)
    if entry.question.shape is None and named is not None and named != entry.question.id:
        raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)


def _check_sides(entry: Entry, parsed: Parsed, answer: str = "") -> dict | None:
    """Every other formula side of a chain equals the graded one at the sample points
    of the answer's domain (else the answer says two things: refused), unless every
    side is wrong (:func:`_every_side_wrong`: the note saying so is returned)."""
    if not parsed.sides:  # one formula: nothing to compare, nothing compiled
        return None
    graded = compile_node(parsed.tree)
    # a number graded (``偏差 = c_out = 64``): the name before it is the formula, the
    # number the value at the author's layer (the second look grades the name)
    worked = not ex.symbols_in(parsed.tree)
    for index, side in enumerate(parsed.sides):
        if index == 0 and not worked and _other_name(parsed, side, answer):
            _count_name_judged(entry, answer.split("=")[1].strip(" \t\n$`"))
            continue  # nH = nW = …: the other size's name after the label, no formula
        foreign = sorted(ex.symbols_in(side) - symbols_allowed(entry))
        if foreign:
            raise _invalid(
                "foreign_symbol",
                symbol=foreign[0],
                question=entry.question.id,
                symbols=", ".join(n for n in SYMBOL_ORDER if n in symbols_allowed(entry)),
            )
        found = _disagreement(entry, parsed, side, graded)
        if found is not None:
            if _every_side_wrong(entry, parsed):
                return {"id": CHAIN_WRONG_NOTE, "fields": {"count": str(len(parsed.sides) + 1)}}
            env, mine, theirs = found
            if not parsed.symbols and not ex.symbols_in(side):  # 4*3*9*12 = 1300: no layer
                raise _invalid(
                    "chain_arithmetic",
                    side=_side_text(parsed, index),
                    graded=parsed.text,
                    side_value=_number(mine),
                )
            raise _invalid(
                "chain_disagrees",
                side=_side_text(parsed, index),
                graded=parsed.text,
                layer=", ".join(f"{k} = {v}" for k, v in _layer(env, entry, parsed).items()),
                side_value=_number(mine),
                graded_value=_number(theirs),
            )
    return None


def _side_text(parsed: Parsed, index: int) -> str:
    """The chain's side ``index`` as the answer writes it (:attr:`.Parsed.side_texts`),
    else as read."""
    if len(parsed.side_texts) == len(parsed.sides):
        return parsed.side_texts[index]
    return to_text(parsed.sides[index])


def _disagreement(entry: Entry, parsed: Parsed, side: ex.Node, graded=None):
    """(the point, the side's value, the graded formula's) at the first sample point of
    the answer's domain where ``side`` and ``parsed``'s formula differ, or None."""
    graded = graded or compile_node(parsed.tree)
    symbols = parsed.symbols | ex.symbols_in(side)
    restrictions = implied_restrictions(entry, symbols, parsed.kinds | ex.kinds_in(side))
    function = compile_node(side)
    for env in matcher(entry).envs(restrictions, "total")[:_SIDE_POINTS]:
        mine, theirs = _value_at(function, env), _value_at(graded, env)
        if mine != theirs:
            return env, mine, theirs
    return None


def _value_at(function, env):
    from derivations.expr.evaluate import Undefined

    try:
        return function(env)
    except Undefined:
        return None


MISLABELLED = "count_word_disagrees"  # misconception id (registry/misconceptions.yaml)
# ... and MACs or FLOPs said of a size, a memory or a number of parameters (s12exam E10)
NOT_OPERATIONS = "count_word_for_no_operations"


def counts_operations(entry: Entry) -> bool:
    """Whether ``entry``'s question asks for a count of operations (or a ratio or an
    increase of one): a variant of it counts in MACs or FLOPs, or it is the count the
    words "multiplications" or "additions" name (:func:`.registry.questions.named_count`)."""
    return (
        _counts_in(entry, "macs")
        or _counts_in(entry, "flops")
        or entry.question.id in (named_count("multiplications"), named_count("additions"))
    )


def mislabelling(entry: Entry) -> str:
    """The misconception of a count word (MACs, FLOPs) that clashes with a right answer
    to ``entry``: :data:`MISLABELLED` (the other counting) where the question counts
    operations, else :data:`NOT_OPERATIONS` (no counting of operations applies)."""
    return MISLABELLED if counts_operations(entry) else NOT_OPERATIONS


_COUNTINGS = ("macs", "flops")


def _clash(stated: str | None, conventions, entry: Entry, named: bool = False) -> bool:
    """A count word (MACs, FLOPs) that says the other counting than the formula's; or
    FLOPs said of a question no variant counts in FLOPs but the multiplications (the
    additions counted from zero, the memory: ``c_o c_i k_h k_w m_h m_w FLOPs`` answering
    forward-adds is not the additions it claims to count; the exact additions are FLOPs,
    :func:`_flops_of_additions`); or MACs said
    of one no variant counts in MACs, other than the count the MACs are (the
    multiplications; the additions accumulated from zero): ``c_o m_h m_w (c_i k_h k_w -
    1) MACs`` answering forward-adds is not the c_o c_i k_h k_w m_h m_w MACs it claims;
    or MACs said of a count matched under no MACs convention where one counts in MACs
    (``c_o m_h m_w (2 c_i k_h k_w - 1) MACs`` answering forward-ops: the exact count of
    operations, not the multiply-accumulates it claims; FLOPs may name that count).
    FLOPs said of the multiplications are their count (:func:`_flops_of_multiplications`,
    s10exam2 F6).  Never of a ratio of two costs (doubling the channels), which counting
    MACs or FLOPs leaves as it is.  ``named``: the word is in a code name (``conv_flops``),
    not a unit."""
    if stated not in _COUNTINGS or entry.question.ratio:
        return False  # (a ratio of two costs is the same in MACs and in FLOPs: s14exam E12)
    if any(c in _COUNTINGS and c != stated for c in conventions):
        return True
    if stated == "macs" and _counts_in(entry, "macs") and "macs" not in conventions:
        return True  # the exact count of operations said in MACs (s12adv)
    if stated == "macs" and not _counts_in(entry, "macs"):
        return named_count("macs") != entry.question.id and _FROM_ZERO not in conventions
    return (
        stated == "flops"
        and not _counts_in(entry, "flops")
        and not _flops_of_multiplications(stated, entry)
        and not (not named and _flops_of_additions(conventions, entry))
    )


def _flops_of_additions(conventions, entry: Entry) -> bool:
    """FLOPs said of the exact count of additions (the question the word "additions"
    names, matched under no convention): each addition is one floating-point operation,
    so ``1248 FLOPs`` is that count (s13exam E5); the multiplications' count said so
    (accumulating from zero) is not, nor is a name that holds it (``conv_flops = …``:
    the layer's FLOPs it names are all its operations, :func:`_clash`'s ``named``)."""
    return not conventions and named_count("additions") == entry.question.id


def _flops_of_multiplications(stated: str | None, entry: Entry) -> bool:
    """FLOPs said of the count of multiplications (the question the word
    "multiplications" names): ``c_o c_i k_h k_w m_h m_w FLOPs`` is that count if only
    the multiplications are counted as FLOPs, right under that convention
    (:func:`counting_assumptions`; s10exam2 F6, s11exam F12), not plainly right."""
    return stated == "flops" and named_count("multiplications") == entry.question.id


_FROM_ZERO = "accumulate_from_zero"  # the convention under which the additions are MACs


def _stated(parsed: Parsed, entry: Entry) -> str | None:
    """The counting ``parsed`` states (:attr:`.Parsed.counting`), but none for FLOPs
    stated only by a code name of several words (``total_conv_flops``,
    :attr:`.Parsed.counting_named`) on the question whose count the MACs are (the
    multiplications), no variant of it counted in FLOPs: flop counters name their
    multiply-accumulates so (fvcore's
    FlopCountAnalysis: 'We count one fused multiply-add as one flop',
    https://detectron2.readthedocs.io/en/latest/modules/fvcore.html), so the name says
    nothing of the counting there; a word or a comment still does."""
    if (
        parsed.counting_named
        and parsed.counting == "flops"
        and named_count("macs") == entry.question.id
        and not _counts_in(entry, "flops")
    ):
        return None
    return parsed.counting


def counting_clash(stated: str | None, conventions, entry: Entry) -> bool:
    """Whether the count word ``stated`` clashes with a value matched under
    ``conventions`` (:func:`_clash`: a number said with its word is judged as a formula is)."""
    return _clash(stated, conventions, entry)


def counting_assumptions(stated: str | None, entry: Entry) -> tuple[str, ...]:
    """The convention a right answer said with the count word ``stated`` makes:
    :data:`FLOPS_OF_MULTIPLICATIONS` for FLOPs said of the multiplications
    (:func:`_flops_of_multiplications`: only the multiplications counted as FLOPs, where
    the sheets count FLOPs = 2 × MACs; s11exam F12), else none."""
    return (FLOPS_OF_MULTIPLICATIONS,) if _flops_of_multiplications(stated, entry) else ()


def _counts_in(entry: Entry, counting: str) -> bool:
    """Whether a variant of ``entry`` counts under ``counting`` (``"flops"``, ``"macs"``)."""
    return any(counting in variant.conventions for variant in entry.variants)


AXIS_MIXUP = "axis_mixup"  # misconception id (registry/misconceptions.yaml)
PER_SIDE_ONCE = "per_side_padding_once"  # misconception id (registry/misconceptions.yaml)
SIDES_DOUBLED = "side_padding_doubled"  # misconception id (registry/misconceptions.yaml)


_PER_SIDE_REMARK = lazy_pattern(
    r"per[- ]?side|each\s+side|both\s+sides|每侧|单侧|每边|每一侧|两侧各"
    r"|de\s+chaque\s+c[ôo]t[ée]|par\s+c[ôo]t[ée]|(?:a|en|de|em|por)\s+cada\s+lado"
    r"|auf\s+jeder\s+seite|(?:pro|je)\s+seite|с\s+каждой\s+стороны|片側",
    re.I,
)
# a remark that says the padding is the total of both sides: no per-side padding
_TOTAL_REMARK = lazy_pattern(
    r"total|in\s+all|altogether|overall|总|合计|一共|共计|之和|上下|左右|gesamt|insgesamt", re.I
)
# the words around a formula that may say how its padding is counted: a remark, a
# definition in words (``where P is the padding on each side``), prose beside it
_SAID_FIELDS = {
    "reading.note.comment": "text",  # (``… # padding on each side``: s18wrong)
    "reading.note.remark": "remark",
    "reading.note.remark_after_comma": "remark",
    "reading.note.size_word": "remark",
    "reading.note.definition_words": "text",
    "reading.note.islands": "prose",
}
# the Deep Learning Specialization's padding with its layer superscript (p^{[l]}): per
# side, as its n^{[l]} = ⌊(n^{[l-1]} + 2p^{[l]} - f^{[l]})/s^{[l]} + 1⌋ (the parts record)
_LAYER_PADDING = lazy_pattern(r"p\^\{?\[l\]\}?")


# a parameter's array indexed by a loop's variable (``padding[i]``: any axis's, so its
# first's per-side reading is every axis's)
_LOOPED = lazy_pattern(r"\[\s*[ijd]\s*\]$")


def _per_side_written(parsed: Parsed) -> bool:
    """Whether the answer writes a notation's padding added on each side (PyTorch's
    ``padding[0]``, or ``padding[i]`` in a loop over the axes; Caffe's ``pad_h``), read
    as the book's padding, or a bare p beside the spellings of a notation whose P is per
    side (CS231n's F, W1: :func:`.notations.per_side_sources`; not where its padding is
    written as its two sides, CS230's P_start + P_end), or a bare p in an answer read
    with the letters of such a notation (Bishop's J and M: ``Parsed.per_side``), or the
    Deep Learning Specialization's ``p^{[l]}``, or says in a remark, a definition in words or prose
    beside the formula that its padding is per side (``(per side padding)``,
    ``where P is the padding on each side``, ``，P 为每侧填充``; not where it says the
    total)."""
    if parsed.per_side and "p" in parsed.symbols:  # Bishop's P beside its J and M
        return True
    if not parsed.notes:
        return False
    from derivations.registry.notations import per_side_sources, per_side_spellings

    # a padding written as its sides (CS230's P_start + P_end: p/2 each) is no bare p
    sides = any(
        note.key == "reading.note.notation" and dict(note.fields).get("read") in _TOTAL_READINGS
        for note in parsed.notes
    )
    for note in parsed.notes:
        fields = dict(note.fields)
        if note.key == "reading.note.notation" and (
            _LOOPED().sub("[0]", fields["written"].lower()) in per_side_spellings()
            or _LAYER_PADDING().fullmatch(fields["written"].lower())
            or ("p" in parsed.symbols and fields.get("source") in per_side_sources() and not sides)
        ):
            return True
        said = fields.get(_SAID_FIELDS.get(note.key, ""), "")
        if (
            said
            and parsed.symbols & {"p", "p_h", "p_w"}
            and _PER_SIDE_REMARK().search(said)
            and not _TOTAL_REMARK().search(said)
        ):
            return True
    return False


def _padding_clash(parsed: Parsed, conventions) -> bool:
    """A per-side padding of another notation counted as the book's total padding: its
    formula is right only under the per-side convention (``2 × padding[0]``)."""
    return "per_side_padding" not in conventions and _per_side_written(parsed)


def _sides_doubled(parsed: Parsed, conventions) -> bool:
    """A padding read as one side's, half its axis's total (``pad_top``, ``headPad``:
    p_h/2), a padded input's size read with the total padding (``h_padded``: h + p_h),
    or a padding said in words beside the formula to be the total (``where P is the
    total padding``, ``，P 为总填充``: :func:`_total_said`), in a formula right only under
    the per-side convention: each side doubled (``2*pad_before + 2*pad_after``, ``2P``),
    or the padded input padded again (``h_padded - k_h + p_h``): the padding counted
    twice."""
    return "per_side_padding" in conventions and (
        any(
            note.key == "reading.note.notation" and dict(note.fields).get("read") in _TOTAL_READINGS
            for note in parsed.notes
        )
        or _total_said(parsed)
        # a size the answer pads with the padding once, then pads again (H_pad = H + P;
        # (H_pad - K + P)/S + 1; h = h + p_h; … + p_h): its own total padding (s11adv)
        or any(dict(note.fields).get("padded") for note in parsed.notes)
        # an array the answer makes with a size padded once (np.zeros((N, C, H + p_h, W +
        # p_w))), its size then padded again (new_X.shape[2] - k_h + p_h): s17rev F15
        or any(_made_padded_once(note) for note in parsed.notes)
    )


# readings of a name that count the book's total padding: one side's half, the padded size
_TOTAL_READINGS = frozenset({"p/2", "p_h/2", "p_w/2", "(h + p_h)", "(w + p_w)"})
# a size of a made array's shape (its made_input note's sizes: ``new_X.shape[2]: (H +
# p_h)``) that is a size plus the padding once
_PADDED_ONCE = lazy_pattern(r"\(\s*[^\W\d]\w*\s*\+\s*(?:p|p_h|p_w|P|P_h|P_w)\s*\)")


def _made_padded_once(note) -> bool:
    """Whether ``note`` is a made array's (:data:`.reading.padded.MADE_NOTE`) whose
    sizes read hold one padded with the padding once (``(H + p_h)``)."""
    from derivations.checking.reading.padded import MADE_NOTE

    return note.key == MADE_NOTE and bool(_PADDED_ONCE().search(dict(note.fields)["sizes"]))


# a word of the padding (in the words beside a formula that say how it is counted)
_PADDING_WORD = lazy_pattern(r"pad|填充|パディング|패딩|remplissage|relleno|preenchimento", re.I)


def _total_said(parsed: Parsed) -> bool:
    """Whether words beside the formula (a remark, a definition in words, prose: as
    :func:`_per_side_written` reads them) say its padding is the total of both sides
    (``where P is the total padding``), and none says it is per side."""
    if not parsed.symbols & {"p", "p_h", "p_w"}:
        return False
    said = [dict(n.fields).get(_SAID_FIELDS.get(n.key, ""), "") for n in parsed.notes]
    # … or a name of the padding that says it (``total padding``, ``上下填充之和``: p, p_h)
    said += [
        dict(n.fields).get("written", "")
        for n in parsed.notes
        if n.key == "reading.note.notation" and dict(n.fields).get("read") in ("p", "p_h", "p_w")
    ]
    said = [text for text in said if text and _PADDING_WORD().search(text)]
    per_side = any(_PER_SIDE_REMARK().search(text) for text in said)
    return not per_side and any(_TOTAL_REMARK().search(text) for text in said)


def _per_side_once(result, entry, answer: _Answer, match: Match) -> Result:
    """A formula right with the book's total padding, written with a per-side padding:
    not equivalent, diagnosed against the per-side reading of the same conventions."""
    wanted = set(match.variant.conventions) | {"per_side_padding"}
    stated = next(
        (v for v in entry.variants if v.misconception is None and set(v.conventions) == wanted),
        None,
    )
    return _held_to(result, entry, answer, match, PER_SIDE_ONCE, stated)


UNIT_MISLABELLED = "unit_word_disagrees"  # misconception id (registry/misconceptions.yaml)


def unit_clash(stated: str | None, conventions) -> bool:
    """A unit word (bytes, elements) that says the other unit than the formula's: bytes
    said of a count in elements (no ``bytes_*`` convention), elements of one in bytes."""
    if stated is None:
        return False
    in_bytes = any(c.startswith("bytes_") for c in conventions)
    return in_bytes != (stated == "bytes")


# the notes of a memory's unit word written after the formula (bytes, elements, 字节, 个元素)
_MEMORY_UNIT_NOTES = ("reading.note.unit_bytes", "reading.note.unit_elements")


def memory_unit_word(notes) -> str:
    """The memory's unit word written after the formula (``bytes``, ``elements``,
    ``字节``, ``个元素``), from the reader's ``notes``; "" when none is."""
    return next((dict(n.fields)["unit"] for n in notes if n.key in _MEMORY_UNIT_NOTES), "")


def memory_unit_refusal(question_id: str, word: str) -> dict | None:
    """The refusal (``check``'s ``error``) of a memory's unit ``word`` said of a count of
    operations (or a factor or an increase of one) or of a size along one axis
    (:func:`_memory_unit`); None where the word is no mistake."""
    refused = _memory_unit(catalogue_entry(question_id), word)
    return None if refused is None else _error_of(refused)


def _memory_unit(entry: Entry, word: str) -> InvalidAnswer | None:
    """The refusal of a memory's unit ``word`` said of a count of operations (or a
    factor or an increase of one) or of a size along one axis: the wrong kind of word,
    said so as the other axis's word is for a size
    (``checker.reason.memory_unit_for_operations``, ``…_for_size``; s15exam E3:
    ``bytes`` got the bytes-vs-elements advice, multiply by 4, and ``elements`` was
    accepted); ``bytes`` said of a count of a tensor's parameters (``4 bytes`` answering
    the bias count: ``…_for_parameters``; the bytes advice, ×4, assumed the count right);
    None for no word, or where memory is counted, or a parameter count's elements."""
    shape = entry.question.shape
    if not word:
        return None
    if shape is not None and shape.axis is not None:
        return _invalid("memory_unit_for_size", unit=word, question=entry.question.id)
    if counts_operations(entry):
        return _invalid("memory_unit_for_operations", unit=word, question=entry.question.id)
    if entry.question.tensor is not None and word in BYTE_WORDS:  # 4 bytes of the bias
        return _invalid("memory_unit_for_parameters", unit=word, question=entry.question.id)
    return None


# the catalogued mistake of a ratio given where an increase is asked (double-padding)
_RATIO_FOR_INCREASE = "ratio_for_increase"


def _ratio_for_increase(entry: Entry, label: str) -> bool:
    """Whether ``label``, before a number, is a ratio's name (:data:`.languages.RATIO_WORDS`,
    any case: ``ratio``, ``倍数``) where the question asks an increase, a question the
    misconception ``ratio_for_increase`` (a ratio for the increase) applies to."""
    from derivations.registry.misconceptions import misconception

    names = {word.lower() for words in RATIO_WORDS.values() for word in words}
    asked = entry.question.id in misconception(_RATIO_FOR_INCREASE).questions
    return asked and label.strip().lower() in names


def _label_judged(entry: Entry, label: str) -> None:
    """Refused when ``label``, before a number or a formula, names another quantity
    by the registry's data: another count's letter on the answer sheets (``A = 1296``
    answering the multiplications: :func:`.registry.questions.sheet_letters`; a count's
    name is judged with the words, and MACs is a convention), a ratio's
    name where an increase is asked (``ratio = 3816``: :func:`_ratio_for_increase`), or
    a memory's unit word said of a count or a size (``elements = 1296``:
    :func:`_memory_label`)."""
    from derivations.registry.questions import sheet_letters

    lettered = sheet_letters().get(label.strip())
    if entry.question.shape is None and lettered not in (None, entry.question.id):
        raise _invalid("lead_names_other", lead=label, name=label, question=entry.question.id)
    if _ratio_for_increase(entry, label):
        raise _invalid("lead_names_other", lead=label, name=label, question=entry.question.id)
    unit_refused = _memory_label(entry, label)
    if unit_refused is not None:
        raise unit_refused


def _memory_label(entry: Entry, label: str) -> InvalidAnswer | None:
    """:func:`_memory_unit`'s refusal of a label before a number that is a memory's unit
    word (:data:`.languages.BYTE_WORDS`, :data:`.languages.ELEMENT_WORDS`, any case; a
    lone letter or character never: ``B``, ``个``): ``elements = 1296`` answering the
    multiplications; None for any other label."""
    units = {word.lower() for word in (*BYTE_WORDS, *ELEMENT_WORDS) if len(word) > 1}
    return _memory_unit(entry, label) if label.strip().lower() in units else None


def _mislabelled(result, entry, answer: _Answer, match: Match) -> Result:
    """A formula right under one counting, labelled with the other (MACs for a FLOPs
    count): not equivalent, diagnosed against the counting the word states; a size, a
    memory or a number of parameters said in MACs or FLOPs: :data:`NOT_OPERATIONS`,
    with no counting to diagnose against."""
    if not counts_operations(entry):
        return _held_to(result, entry, answer, match, NOT_OPERATIONS, None)
    parsed = answer.parsed
    stated = next(
        (
            v
            for v in entry.variants
            if v.misconception is None
            and parsed.counting in v.conventions
            and set(v.conventions) - {parsed.counting}
            == set(match.variant.conventions) - set(_COUNTINGS)
        ),
        None,
    )
    return _held_to(result, entry, answer, match, MISLABELLED, stated)


def _unit_mislabelled(result, entry, answer: _Answer, match: Match) -> Result:
    """A formula right in one unit, labelled with the other (bytes for a count in
    elements): not equivalent, diagnosed against the unit the word states."""
    kept = {c for c in match.variant.conventions if not c.startswith("bytes_")}
    stated = next(
        (
            v
            for v in entry.variants
            if v.misconception is None
            and {c for c in v.conventions if not c.startswith("bytes_")} == kept
            and any(c.startswith("bytes_") for c in v.conventions)
            == (answer.parsed.unit == "bytes")
        ),
        None,
    )
    return _held_to(result, entry, answer, match, UNIT_MISLABELLED, stated)


def _held_to(result, entry, answer: _Answer, match: Match, misconception: str, stated):
    """``result`` not equivalent with ``misconception``, diagnosed against the variant
    ``stated`` (what the answer's words say it counts) when there is one."""
    parsed = answer.parsed
    result.verdict, result.misconception = "not_equivalent", misconception
    result.misconception_assumptions = list(match.variant.conventions)
    if stated is None:
        return result
    envs = matcher(entry).envs(match.domain, stated.padding)
    found = _diagnosed(entry, answer, stated, envs)
    if found:
        data = _diagnosis_data(found)
        if stated.conventions:  # said against what the words state, so named
            data["variant"] = list(stated.conventions)
        result.diagnosis = [data]
    difference = first_difference(
        entry, parsed.tree, match.domain, answer.function, stated.function
    )
    if difference:
        result.counterexample = _counterexample(difference, entry, parsed, stated.conventions)
    return result


def _judge(entry: Entry, parsed: Parsed, result: Result, symbolic: bool, work: _Work) -> Result:
    result.notes = _notes(entry, parsed)
    restrictions = implied_restrictions(entry, parsed.symbols, parsed.kinds)
    if parsed.is_big_o:
        return _big_o(result, entry, parsed, restrictions)
    answer = _Answer(parsed)
    match = _match(entry, answer, restrictions)
    if match and match.variant.misconception is None:
        special = _narrowed(match.domain) and special_case(match.domain, match.variant.tree)
        # a parameter whose symbol the answer leaves out, or one it writes through the
        # output size (m_h carries s_h) that it is wrong without at most other layers
        if special and (set(special) <= restrictions or _wrong_off(entry, answer, match, special)):
            return _special(result, entry, answer, match, special)
        if special:  # right on the special layer and at many others: no "only when"
            return _wrong(result, entry, answer, None, restrictions, work, symbolic)
        if _clash(_stated(parsed, entry), match.variant.conventions, entry, parsed.counting_named):
            return _mislabelled(result, entry, answer, match)
        if unit_clash(parsed.unit, match.variant.conventions):
            return _unit_mislabelled(result, entry, answer, match)
        if mixes_axes(entry, parsed.symbols):
            return _held_to(result, entry, answer, match, AXIS_MIXUP, None)
        if _padding_clash(parsed, match.variant.conventions):
            return _per_side_once(result, entry, answer, match)
        if _sides_doubled(parsed, match.variant.conventions):
            stated = next(
                (
                    v
                    for v in entry.variants
                    if v.misconception is None
                    and set(v.conventions) == set(match.variant.conventions) - {"per_side_padding"}
                ),
                None,
            )
            return _held_to(result, entry, answer, match, SIDES_DOUBLED, stated)
        return _right(result, entry, answer, match, work, symbolic)
    return _wrong(result, entry, answer, match, restrictions, work, symbolic)


_HOW = {COMPOSED_SOURCE: "composed", MISSPELT_SOURCE: "misspelt"}


def _readings(parsed: Parsed, inferred: list, answer: str = "") -> list:
    """How each word of another notation was read (the reader's notes), then each
    letter the course declared or the checker inferred, as ``answer`` writes it (the
    reader takes a lone letter's two cases for one unknown, X: an ``x`` the answer
    writes only in lower case is said so)."""
    out: list[dict] = []
    for note in parsed.notes:
        if note.key == "reading.note.notation":
            fields = dict(note.fields)
            reading = {
                "written": fields["written"],
                "read": fields["read"],
                "how": _HOW.get(fields["source"], "notation"),
                "source": fields["source"],
            }
            if "meant" in fields:  # a misspelt name: the word it misspells
                reading["meant"] = fields["meant"]
            if reading not in out:  # a word written twice is said once
                out.append(reading)
    return out + [_as_written(reading, answer) for reading in inferred]


def _as_written(reading: dict, answer: str) -> dict:
    """``reading`` of a lone letter in the case ``answer`` writes it, where it writes it
    in lower case only (the reader's placeholder holds it in upper case)."""
    letter = reading.get("written", "")
    if not (len(letter) == 1 and letter.isupper() and isinstance(answer, str)):
        return reading
    alone = r"(?<![A-Za-z]){}(?![A-Za-z])"
    if re.search(alone.format(letter), answer) or not re.search(
        alone.format(letter.lower()), answer
    ):
        return reading
    return {**reading, "written": letter.lower()}


def _resolved(entry: Entry, reading, notation: dict | None, infer: bool):
    """(parsed, readings) of the notation layer (:mod:`.notation`): the letters other
    notations read otherwise (K, M, N) read their way where the answer writes those
    notations' own words (:func:`.notation.in_context`); the answer's letters resolved;
    then, for an answer that writes such a letter and as read matches no known answer,
    the wider reading of those letters when it makes the answer right."""
    judge = lambda p: outcome_of(entry, p)  # noqa: E731 - one line, used twice
    reread = None
    if letters_written(reading.answer):
        reread = lambda: _named_in(  # noqa: E731
            entry, parse_for(reading.answer, reading.question, letters=True)
        )
    parsed, read = reading.parsed, list[dict]()
    context = in_context(parsed, reading.answer) if reread else {}
    if reread and context:  # another notation's own words: its letters read its way
        parsed, read = in_context_or_book(entry, parsed, reread(), context, judge)
        reread = None
    if not infer:
        reread = None
    parsed, inferred = resolve(
        entry, parsed, judge, symbols_allowed(entry), notation, infer, reread
    )
    if reread is None or judge(parsed) is not None:
        return parsed, read + inferred
    wider = widen(entry, reread, judge, symbols_allowed(entry), notation)
    return wider if wider is not None else (parsed, inferred)


def _read_resolved(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """(reading, parsed, readings): the answer read, then resolved (:func:`_resolved`)."""
    reading = as_graded(entry, read_answer(answer, question_id))
    parsed, inferred = _resolved(entry, reading, notation, infer)
    return reading, parsed, inferred


def _verdict_of(entry: Entry, read) -> tuple | None:
    """The outcome of one fully read answer (None: it matches no known answer, or was
    refused)."""
    return None if isinstance(read, InvalidAnswer) else outcome_of(entry, read[1])


def _name_or_product(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """(reading, parsed, readings) of the answer.  A run of letters the book reads as a
    product of its letters that another notation or a name's parts read as one name
    (:func:`.lexer.named_products`: ``ks``, fastai's kernel size, or k·s; ``HH``, CS231n's
    filter height, or h·h) gives two readings: the product's (as always) unless the two
    give different verdicts; then the name's when the product matches no known answer
    (or is refused) and the name's does, the product's when only it matches; when both
    match with different verdicts, refused as ambiguous naming both readings.  An
    answer is never called wrong by the product reading alone when the name makes it
    right."""
    words = named_products(answer)
    if not words:
        return _read_resolved(entry, answer, question_id, notation, infer)
    product = _attempt(entry, answer, question_id, notation, infer, False)
    name = _attempt(entry, answer, question_id, notation, infer, True)
    ours, theirs = _verdict_of(entry, product), _verdict_of(entry, name)
    if (ours == RIGHT) == (theirs == RIGHT) or theirs is None:
        chosen = product
    elif ours is None:
        chosen = name
    else:
        raise _invalid(
            "ambiguous_letter",
            letter=words[0],
            first=_name_read(name, words[0]),
            second=" × ".join(product_letters(words[0])),
        )
    if isinstance(chosen, InvalidAnswer):
        raise chosen
    return chosen


def _in_either_order(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """(reading, parsed, readings) of the answer (:func:`_in_one_order`).  A name a
    notation spells as a padding added on each side that its parts read as another
    quantity (NumPy's ``pad_width``, per side along every axis, or the width's padding
    p_w: :func:`_per_side_or_parts`) is read both ways; where one reading makes the
    answer right and the other does not, the answer is refused as ambiguous, naming
    both: never called wrong, nor accepted, for a reading its author may not mean."""
    read = _in_one_order(entry, answer, question_id, notation, infer)
    for word, spelled, parts in _per_side_or_parts(answer):
        rewritten = re.sub(rf"(?<![\w.]){re.escape(word)}(?!\w)", parts, answer)
        other = _attempt(entry, rewritten, question_id, notation, infer, False)
        if (_verdict_of(entry, read) == RIGHT) != (_verdict_of(entry, other) == RIGHT):
            raise _invalid("ambiguous_letter", letter=word, first=spelled, second=parts)
    return read


def _per_side_or_parts(answer: str) -> list[tuple[str, str, str]]:
    """(the word as written, what its notation reads it as, what its parts read it as)
    of each name in ``answer`` that a notation spells as a padding added on each side
    (:func:`.notations.per_side_spellings`) and its parts read as another quantity
    (:func:`.names.compose`: ``pad_width``, NumPy's p per side, or p_w)."""
    from derivations.checking.reading.names import compose
    from derivations.registry.notations import notation_spellings, per_side_spellings

    if "_" not in answer:
        return []
    found = []
    for word in dict.fromkeys(re.findall(r"(?<![\w.])[A-Za-z_]\w*(?![\w\[])", answer)):
        lowered = word.lower()
        if lowered not in per_side_spellings() or lowered not in notation_spellings():
            continue
        composed = compose(word)
        spelled = notation_spellings()[lowered][0]
        if composed is not None and composed.read is not None and composed.read != spelled:
            found.append((word, spelled, composed.read))
    return found


def _in_one_order(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """(reading, parsed, readings) of the answer (:func:`_name_or_product`).  An answer
    that indexes names with [1] only and does not say it is 3-D
    (:func:`.lexer.second_index_only`: ``padding[1]``) reads them in Conv2d's order,
    (height, width); where that reading is not right and Conv3d's (depth, height, width)
    makes it right, the answer is refused as ambiguous, naming both readings: never
    called wrong for the order its page may have used.  An answer that says it is 3-D
    anywhere (:func:`.lexer.three_d_said`: ``Conv3d: …``) is read in Conv3d's order."""
    if three_d_said(answer):
        with triple_read():
            return _name_or_product(entry, answer, question_id, notation, infer)
    read = _name_or_product(entry, answer, question_id, notation, infer)
    if not second_index_only(answer) or _verdict_of(entry, read) == RIGHT:
        return read
    with triple_read():
        other = _attempt(entry, answer, question_id, notation, infer, False)
    if _verdict_of(entry, other) != RIGHT or _other_axis(entry, other):
        return read
    written, pair, triple = _order_readings(read, other)
    raise _invalid("ambiguous_order", written=written, pair=pair, triple=triple)


def _other_axis(entry: Entry, read) -> bool:
    """Whether ``read`` (Conv3d's reading) is along the other axis than the size the
    question asks for (``w = (h + 2*padding[1] …)``: the height's formula answering the
    width, right only on a square layer): then it is no reading that makes it right."""
    axis = entry.question.shape.axis if entry.question.shape else None
    return axis is not None and per_axis(read[1].tree, 1 - axis)


def _order_readings(pair, triple) -> tuple[str, str, str]:
    """(an indexed name, its reading in Conv2d's order, in Conv3d's) of the first name
    the two readings read differently."""
    theirs = {r["written"]: r["read"] for r in _readings(triple[1], triple[2])}
    for reading in _readings(pair[1], pair[2]):
        other = theirs.get(reading["written"])
        if other is not None and other != reading["read"]:
            return reading["written"], reading["read"], other
    return "[1]", "?", "?"  # pragma: no cover - the two readings differ in a name


def _attempt(entry: Entry, answer: str, question_id: str, notation, infer: bool, named: bool):
    """:func:`_read_resolved` (within :func:`.lexer.names_read` when ``named``), or the
    refusal it raised."""
    try:
        if named:
            with names_read():
                return _read_resolved(entry, answer, question_id, notation, infer)
        return _read_resolved(entry, answer, question_id, notation, infer)
    except InvalidAnswer as refusal:
        return refusal


def _name_read(read, word: str) -> str:
    """What the name reading read ``word`` as (its reading's formula), or ``"?"``."""
    for reading in _readings(read[1], read[2]):
        if reading["written"].lower() == word.lower():
            return reading["read"]
    return "?"  # pragma: no cover - a named product is always noted


def _substitute(node: ex.Node, mapping: dict) -> ex.Node:
    if isinstance(node, ex.Sym):
        return mapping.get(node.name, node)
    return ex.with_children(node, lambda child: _substitute(child, mapping))


NAMED_NOTE = "reading.note.named_count"


def _named_in(entry: Entry, parsed: Parsed) -> Parsed:
    """``parsed`` with each word naming another count of the layer (``adds = muls``:
    the reader's ``#forward-mults:muls``, :attr:`.Question.names`) replaced by that
    question's reference, noted; its text and LaTeX keep the word as written (what the
    answer says, not another question's reference).  Refused when the word names the
    count asked for (an answer in terms of itself says nothing)."""
    written = (parsed.symbols, *map(ex.symbols_in, parsed.sides))  # symbols: the tree's
    names = sorted({n for symbols in written for n in symbols if n.startswith(NAMED_PREFIX)})
    if not names:
        return parsed
    asked = entry.question.id
    ids = {name: name[len(NAMED_PREFIX) :].split(":", 1)[0] for name in names}
    if asked in ids.values():
        parsed = _asked_sides_dropped(entry, parsed, ids)
        names = [name for name in names if ids[name] != asked]
        if not names:
            return parsed
    graded = {name: catalogue_entry(ids[name]).reference.tree for name in names}
    shown = {name: ex.sym(name.split(":", 1)[1]) for name in names}
    display = _substitute(parsed.tree, shown)
    note = Note(NAMED_NOTE, (("questions", ", ".join(sorted(set(ids.values())))),))
    return replace(
        parsed.with_tree(
            _substitute(parsed.tree, graded),
            sides=tuple(_substitute(side, graded) for side in parsed.sides),
            notes=(*parsed.notes, note),
            # (an error naming a side says the word, never the reference it reads as:
            # s14exam E8's "2*(c_i*c_o*k_h*k_w*floor(…)*floor(…)) is not c_o + 1")
            side_texts=tuple(to_text(_substitute(side, shown)) for side in parsed.sides),
        ),
        text=to_text(display),
        latex=to_latex(display),
    )


ASKED_COUNT_NOTE = "reading.note.asked_count_side"


def _asked_sides_dropped(entry: Entry, parsed: Parsed, ids: dict) -> Parsed:
    """``parsed`` without the sides of its chain that name the count asked (``FLOPs = 2 ×
    MACs = 2 c_o c_i k_h k_w m_h m_w`` answering forward-mults: a relation, read side by
    side, s13exam E11), each noted; a side is dropped only where it agrees with the
    graded formula with the asked count read as its reference (FLOPs = 2 × MACs holds of
    a FLOPs count), so the graded formula is judged as written.  Refused
    (``names_the_asked``) where the graded formula names the asked count, or a side that
    names it disagrees (an answer in terms of itself says nothing)."""
    asked = entry.question.id

    def names_asked(tree: ex.Node) -> bool:
        return any(ids.get(name) == asked for name in ex.symbols_in(tree))

    if names_asked(parsed.tree):
        raise _invalid("names_the_asked", question=asked)
    reference = catalogue_entry(asked).reference.tree
    itself = {name: reference for name, named in ids.items() if named == asked}
    allowed = symbols_allowed(entry)
    kept, notes = [], []
    for side in parsed.sides:
        if not names_asked(side):
            kept.append(side)
            continue
        read = _substitute(side, itself)
        # compared only in the question's symbols (an unknown name is refused later)
        if not (ex.symbols_in(read) | parsed.symbols) <= allowed or (
            _disagreement(entry, parsed, read) is not None
        ):
            raise _invalid("names_the_asked", question=asked)
        shown = to_text(_substitute(side, _shown_names(side)))
        notes.append(Note(ASKED_COUNT_NOTE, (("side", shown),)))
    return parsed.with_tree(parsed.tree, sides=tuple(kept), notes=(*parsed.notes, *notes))


def _shown_names(tree: ex.Node) -> dict:
    return {
        n: ex.sym(n.split(":", 1)[1]) for n in ex.symbols_in(tree) if n.startswith(NAMED_PREFIX)
    }


def _named(entry: Entry, reading):
    """``reading`` with the other counts it names read (:func:`_named_in`)."""
    parsed = _named_in(entry, reading.parsed)
    if parsed is reading.parsed:
        return reading
    return replace(
        reading,
        parsed=parsed,
        tree=parsed.tree,
        unicode=to_unicode(_substitute(reading.parsed.tree, _shown_names(reading.parsed.tree))),
        ascii=parsed.text,
        latex=parsed.latex,
        notes=parsed.notes,
    )


PARTS_NOTE = "reading.note.parts"
GIVENS_NOTE = "reading.note.givens"
# what a list of the layer's givens names (``an $f \times f$ filter, padding $p$, and
# stride $s$, the output size is …``): a parameter of the layer, never any question's answer
_GIVEN_SYMBOLS = frozenset(
    {*SQUARE_SYMBOLS, *(n for pair in SQUARE_SYMBOLS.values() for n in pair), "h", "w"}
    | {BATCH_SYMBOL, "d_h", "d_w"}
)
_WORDS_NOTES = frozenset({"reading.note.lead_in", "reading.note.label"})


def _given(part: Parsed) -> bool:
    """Whether a formula of an answer of several is a given of the layer named in words
    (``padding $p$``, ``stride s``, ``an $f \times f$ filter``): one parameter's letter
    alone (or times itself), with words before it or read as it; never one named by
    the biases (``… weights + K biases``: CS231n's K, the biases' count)."""
    if len(part.symbols) != 1 or not part.symbols <= _GIVEN_SYMBOLS:
        return False
    if any(map(_names_the_bias, _labels(part))):
        return False
    if part.kinds - {ex.Sym, ex.Mul, ex.Pow, ex.Num}:
        return False
    return any(
        note.key in _WORDS_NOTES
        or (note.key == "reading.note.notation" and dict(note.fields).get("source") == "words")
        for note in part.notes
    )


def _answering(entry: Entry, candidates: list) -> list:
    """The formulas of an answer of several that answer the question: those named by
    its count's name (``muls = …; adds = …`` answering forward-adds: the adds; the
    bias's name, :func:`_names_the_bias`, answering the bias count: ``weights: …,
    biases: …``), else
    those not named as another count of the layer, nor, for a count, as the output's
    size along an axis (``oh = …`` beside ``macs = …``); of these, for a size of a shape,
    those written along the asked axis when every formula is along one axis
    (``height: …, width: …``), else all of them."""
    names = entry.question.names
    named = [c for c in candidates if c.name and c.name.lower() in names]
    if named:
        return named
    if entry.question.id == "bias-size":  # weights: …, biases: …: the biases'
        named = [c for c in candidates if any(map(_names_the_bias, _labels(c)))]
        if named:
            return named
    # a formula named as another count (MACs = … beside FLOPs = …) is that count's
    candidates = [
        c
        for c in candidates
        if not (c.name and named_count(c.name) not in (None, entry.question.id))
    ] or candidates
    axis = entry.question.shape.axis if entry.question.shape else None
    if axis is None:  # a count: a formula named as the output's size (oh = …) is no answer
        candidates = [c for c in candidates if _named_axis(c.name) is None] or candidates
    if axis is not None:
        # named by the output's size along an axis (H_out = …, W_out = …, output
        # height: …, Ausgabebreite = …): by the name or its label's words
        named_axes = [_candidate_axis(c) for c in candidates]
        if None not in named_axes and axis in named_axes:
            chosen = [c for c, at in zip(candidates, named_axes, strict=True) if at == axis]
            _not_swapped(chosen, [c for c in candidates if c not in chosen], axis)
            return chosen
        asked = [c for c in candidates if per_axis(c.tree, axis)]
        other = [c for c in candidates if per_axis(c.tree, 1 - axis)]
        if asked and len(asked) + len(other) == len(candidates):
            return asked
    return candidates


_OUTPUT_AXES = {"m_h": 0, "m_w": 1}
_AXIS_WORDS = ("height", "width")


def _not_swapped(asked: list, others: list, axis: int) -> None:
    """Refuse (``checker.reason.axes_swapped``) an answer that names each output size
    (``H_out = …; W_out = …``) and gives the one asked a formula along the other axis
    only, the other one a formula along the asked axis: the axes swapped, right only on
    a square layer, where one formula named for the other axis alone is the square
    layer's convention (CS231n's W2 for both sizes)."""
    along = [per_axis(c.tree, 1 - axis) and not per_axis(c.tree, axis) for c in asked]
    if all(along) and any(per_axis(c.tree, axis) for c in others):
        raise _invalid("axes_swapped", name=_label_of(asked[0]), axis=_AXIS_WORDS[1 - axis])


def _labels(part: Parsed) -> list[str]:
    """The name of one formula of several, then the labels read away before it."""
    labels = [dict(n.fields).get("label") for n in part.notes if n.key == "reading.note.label"]
    return [label for label in (part.name, *labels) if label]


def _label_of(part: Parsed) -> str:
    """The name of one formula of several, else the label read away before it."""
    return next(iter(_labels(part)), "")


_AXIS_ROLES = {"height": 0, "width": 1}
# roles a label of an output's size along one axis may hold beside its axis word
_SIZE_LABEL_ROLES = frozenset({"output", "size", "filler", "side", "dim", "map", None})


def _candidate_axis(part: Parsed) -> int | None:
    """The axis of the output size one formula of several is named or labelled as: its
    name (:func:`_named_axis`; else its words), else the words of the label read away
    before it (``height: …``), by the parts record's roles: one axis word and nothing
    but words of the output's size (``output height``, ``Ausgabebreite``, ``출력 너비``;
    not ``input height``), or None."""
    axis = _named_axis(part.name)
    if axis is not None:
        return axis
    return next((a for a in map(_label_axis, _labels(part)) if a is not None), None)


def _label_axis(label: str, output: bool = False) -> int | None:
    """The axis of the output size the words ``label`` name by the parts record's roles:
    one axis word and nothing but words of the output's size (``output height``,
    ``Ausgabebreite``, ``chiều rộng đầu ra``; not ``input height``), and, with
    ``output``, a word of the output among them (not ``height`` alone); else None."""
    roles = _roles(label)
    axes = {_AXIS_ROLES[r] for r in roles if r in _AXIS_ROLES}
    if len(axes) != 1 or not roles - set(_AXIS_ROLES) <= _SIZE_LABEL_ROLES:
        return None
    return axes.pop() if "output" in roles or not output else None


def _axes_of_words(words: str) -> set[int]:
    """The axes the words of ``words`` name by the parts record's roles (``width``,
    ``Breite``, ``幅``, ``cols``: 1; ``rows``: 0)."""
    return {_AXIS_ROLES[r] for r in _roles(words) if r in _AXIS_ROLES}


def _axis_of_words(name: str) -> int | None:
    """The one axis the words of ``name`` name (:func:`_axes_of_words`), or None (no
    axis word, or both)."""
    axes = _axes_of_words(name)
    return axes.pop() if len(axes) == 1 else None


def _other_axis_word(entry: Entry, words: str) -> bool:
    """Whether ``words`` name only the other axis than the output size asked (``width``,
    ``input width``, ``幅`` answering output-height; not ``height and width``): whatever
    else they name (the output's, the input's), never the size asked (s12adv)."""
    shape = entry.question.shape
    if shape is None or shape.axis is None or entry.question.family is Family.COMPOSE:
        return False
    return _axes_of_words(words) == {1 - shape.axis}


def _named_axis(name: str | None) -> int | None:
    """The axis whose output size ``name`` reads as (``H_out``, ``YW``: 0, 1), or None."""
    if not name:
        return None
    from derivations.checking.reading.lexer import tokenize
    from derivations.checking.reading.normalize import normalize

    try:
        tokens = tokenize(normalize(name))
    except InvalidAnswer:
        return None
    if len(tokens) != 1 or tokens[0].type != "SYMBOL":
        return None
    return _OUTPUT_AXES.get(str(tokens[0]))


def _other_count(entry: Entry, part: Parsed, chosen: list) -> None:
    """Refuse an answer one of whose other formulas is named as another count of the
    layer (``muls = …`` beside ``adds = …``) and is wrong for that count's question."""
    if any(part is c for c in chosen) or not part.name:
        return
    other = named_count(part.name)
    if other is None or other == entry.question.id:
        return
    counted = catalogue_entry(other)
    try:
        named = _named_in(counted, part)
    except InvalidAnswer:
        named = None
    if named is None or outcome_of(counted, named) != ("right",):
        raise _invalid("other_count_wrong", name=part.name, question=other)


def _other_size_alone(entry: Entry, candidates: list, chosen: list) -> None:
    """Refuse (``lead_names_other``) an answer to one output size one of whose other
    parts is the other output size alone, no formula (``Output width\n(h - k_h + p_h)//s_h
    + 1`` answering output-height: a line naming the width above the height's formula,
    which was accepted): as a label naming it is refused."""
    shape = entry.question.shape
    if shape is None or shape.axis is None:
        return
    other = ex.sym(("m_w", "m_h")[shape.axis])
    for part in candidates:
        if part.tree == other and not any(part is c for c in chosen):
            written = part.name or to_unicode(part.tree)
            raise _invalid(
                "lead_names_other", lead=written, name=written, question=entry.question.id
            )


def _one_formula(entry: Entry, reading):
    """``reading`` of an answer of several formulas (the reader's ``parts``) as the one
    graded: each formula that answers the question (:func:`_answering`) is judged, and
    they must agree (all right, or none right: the first is graded) and each must be
    read in the question's symbols; an answer with a right and a wrong formula for
    the same quantity is refused, never accepted."""
    parsed = reading.parsed
    if not parsed.parts:
        return reading
    candidates = [replace(parsed, parts=()), *parsed.parts]
    givens = [c for c in candidates if _given(c)]
    if givens and len(givens) < len(candidates):
        kept = [c for c in candidates if not _given(c)]
        given = Note(GIVENS_NOTE, (("parts", ", ".join(to_unicode(c.tree) for c in givens)),))
        candidates = [replace(kept[0], notes=(given, *kept[0].notes)), *kept[1:]]
    summed = _memory_parts(entry, candidates)
    candidates = [summed] if summed is not None else candidates
    _gradient_parts(entry, candidates)
    chosen = _answering(entry, candidates)
    _other_size_alone(entry, candidates, chosen)
    if len(chosen) > 1:
        right = []
        for candidate in chosen:
            named = _named_in(entry, candidate)
            if named.symbols - symbols_allowed(entry):
                raise _invalid("parts_unread", count=len(chosen))
            right.append(outcome_of(entry, named) == ("right",))
        if any(right) and not all(right):
            raise _invalid("parts_disagree", count=len(chosen))
        if all(right):  # right under two conventions at once (exact and MACs): one answer
            first = _named_in(entry, chosen[0])
            for other in chosen[1:]:
                said = {first.counting, other.counting}
                if len(said) == 2 and None not in said:
                    continue  # MACs: …, FLOPs: …: each right under the counting it states
                if _disagreement(entry, first, _named_in(entry, other).tree) is not None:
                    raise _invalid("parts_disagree", count=len(chosen))
    for other in candidates:
        _other_count(entry, other, chosen)
    first = chosen[0]
    if summed is None:  # (the parts summed say so in their own note)
        note = Note(PARTS_NOTE, (("count", str(len(candidates))), ("graded", str(len(chosen)))))
        first = replace(first, notes=(*first.notes, note))
    return replace(
        reading,
        parsed=first,
        tree=first.tree,
        unicode=to_unicode(first.tree),
        ascii=first.text,
        latex=first.latex,
        notes=first.notes,
        name=first.name,
    )


PARTS_SUMMED_NOTE = "reading.note.parts_summed"
# the roles of a name of a tensor of the layer (``input``, ``out_bytes``, ``kernel``), and
# those of a name of one of its sizes instead (``input_height``, ``output_channels``)
_TENSOR_ROLES = frozenset({"input", "output", "kernel"})
_SIZE_ROLES = frozenset({"height", "width", "channel", "size", "padding", "stride", "count"})


def _tensor_named(name: str | None) -> bool:
    """Whether ``name`` names a tensor of the layer and none of its sizes: by the parts
    record's roles (``input``, ``output``, ``in_bytes``, ``filters``; not
    ``input_height``), or the weights' or the bias's words (``weights``, ``权重``,
    ``bias``)."""
    if not name:
        return False
    roles = _roles(name)
    if roles & _SIZE_ROLES:
        return False
    return bool(roles & _TENSOR_ROLES) or bool(
        _WEIGHT_WORD().search(name) or _BIAS_WORD().search(name)
    )


def _memory_parts(entry: Entry, candidates: list) -> Parsed | None:
    """For the forward memory, the formulas of an answer of several that are each named
    by a tensor of the layer and by no total (``input = …``, ``output = …``, ``weights =
    …``: :func:`_tensor_named`): the memory they list, their sum, as one formula with a
    note naming them (a right memory listed so was graded by its first part alone, the
    input's: not_equivalent); None otherwise (``total = input + weights + output`` is
    read by the names it uses)."""
    asked = entry.question
    # (the backward pass's memory holds gradients and saved tensors, which these names do
    # not say: the forward's tensors listed for it are the forward memory, not summed)
    if not asked.recipe.in_bytes or asked.passes == "backward" or len(candidates) < 2:
        return None
    names = [c.name for c in candidates]
    if len(set(names)) < len(names) or not all(map(_tensor_named, names)):
        return None
    units = {c.unit for c in candidates} - {None}
    first = candidates[0]
    note = Note(PARTS_SUMMED_NOTE, (("names", ", ".join(n for n in names if n)),))
    return first.with_tree(
        ex.add(*(c.tree for c in candidates)),
        name=None,
        notes=(*first.notes, note),
        unit=units.pop() if len(units) == 1 else None,
    )


# a label naming one gradient of a layer (``dX``, ``dw``, ``grad_input``, ``W.grad``,
# ``weight gradient``, ``gradient of the input``, ``输入梯度``, ``对权重的梯度``): the
# tensor it is the gradient of, by its letter or words (:data:`.languages.GRADIENT_TENSORS`)
@cache
def _gradient_label() -> re.Pattern:
    letters = "".join(GRADIENT_TENSORS)
    words = [w for ws in GRADIENT_TENSORS.values() for w in ws if w.isascii()]
    either = words_pattern(*GRADIENT_TENSORS, *words)
    attached = words_pattern(
        *(w for ws in GRADIENT_TENSORS.values() for w in ws if not w.isascii())
    )
    return re.compile(
        rf"\s*(?:d\s*(?P<d>[{letters}])"
        rf"|grad[_\s]*(?P<grad>{either})"
        rf"|(?P<dot>{either})\s*\.\s*grad"
        rf"|(?P<before>{words_pattern(*words)})\s+grad(?:ient)?s?"
        r"|grad(?:ient)?s?\s+(?:of|w\.?r\.?t\.?)\s+(?:the\s+)?"
        rf"(?P<of>{words_pattern(*words)})"
        rf"|对?(?P<zh>{attached})的?梯度)\s*",
        re.I,
    )


# the tensor each letter or word of :data:`.languages.GRADIENT_TENSORS` names
_GRADIENT_OF = {
    word.lower(): tensor for tensor, words in GRADIENT_TENSORS.items() for word in (tensor, *words)
}


GRADIENT_PARTS = "checker.reason.gradient_parts"


def _gradient_named(label: str) -> str | None:
    """The tensor (``x``, ``w``, ``b``, ``y``) whose gradient ``label`` names
    (:func:`_gradient_label`), or None."""
    found = _gradient_label().fullmatch(label)
    if found is None:
        return None
    word = next(v for v in found.groupdict().values() if v)
    return _GRADIENT_OF[word.lower()]


def _gradient_parts(entry: Entry, candidates: list) -> None:
    """Refuse (:data:`GRADIENT_PARTS`) an answer that gives its formulas side by side,
    each labelled as the gradient of another tensor (``dX: …, dW: …``): one count is
    asked, and grading the first part alone told a right backward list it was half the
    count (s14exam E27), and a list answering forward-ops it was right; not for a
    memory (a list of gradient buffers is none of its counts).  No rewrite reads it
    otherwise (:data:`_DECISIVE`: one that drops the labels graded it so)."""
    if entry.question.recipe.in_bytes or len(candidates) < 2:
        return
    labels = [_label_of(c) for c in candidates]
    tensors = [_gradient_named(label) if label else None for label in labels]
    if None in tensors or len(set(tensors)) < len(tensors):
        return
    raise _invalid("gradient_parts", names=", ".join(labels))


def _relative(entry: Entry, reading):
    """``reading`` as its factor times the forward pass's count (``2 × FLOPs_forward``,
    ``与前向传播相当``: the reader's ``relative``): the reference of the question's forward
    counterpart, or the variant of it under a counting (MACs, FLOPs; the one the answer
    states, if it states one) with which the answer is right, else the reference; refused
    where the question has no forward counterpart."""
    parsed = reading.parsed
    if parsed.relative is None:
        return reading
    if entry.question.forward is None:
        raise refuse("relative_no_forward", question=entry.question.id)
    forward = catalogue_entry(entry.question.forward)
    choices = [
        v
        for v in forward.variants
        if not v.misconception
        and not v.domain
        and v.padding == "total"
        and set(v.conventions) <= set(_COUNTINGS)
    ]
    if parsed.counting is not None:  # FLOPs_forward: the forward pass counted in FLOPs
        choices = [v for v in choices if parsed.counting in v.conventions] or choices[:1]
    read = []
    for variant in choices:
        stated = parsed.counting or next(iter(variant.conventions), None)
        tree = variant.tree if parsed.tree == ex.Num(1) else ex.mul(parsed.tree, variant.tree)
        read.append(parsed.with_tree(tree, counting=stated))
    chosen = next((p for p in read if outcome_of(entry, p) == ("right",)), read[0])
    tree = chosen.tree
    return replace(
        reading,
        parsed=chosen,
        tree=tree,
        unicode=to_unicode(tree),
        ascii=chosen.text,
        latex=chosen.latex,
    )


def as_graded(entry: Entry, reading):
    """``reading`` (:class:`.answer.Reading`) as it is graded: of an answer of several
    formulas the one graded (:func:`_one_formula`), the other counts it names read
    (:func:`_named`), a factor of the forward pass's count read as that count
    (:func:`_relative`).  Refused (:class:`InvalidAnswer`) where one of them refuses."""
    return _relative(entry, _named(entry, _one_formula(entry, reading)))


# the refusals of a word or a letter no reading gives a meaning: the only ones after
# which an answer may be judged wrong under every reading (:mod:`.every_reading`)
_UNKNOWN_REFUSALS = UNKNOWN_KEYS | {
    "checker.reason.unknown_letter",
    "checker.reason.unknown_letter_named",
    "checker.reason.unknown_letter_unmeant",
}


def _loop_stepped(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """For the kernels' composition, the reading of a loop over the layers whose body is
    a receptive field's step (``for l in range(n): rf += (kernel_sizes[l] - 1) * s; s *=
    strides[l]``, :func:`_recursion`: run over the question's two layers), noted; None
    where it is none or does not read (the loop refused as before)."""
    done = _recursion(entry, answer)
    if done is None:
        return None
    try:
        read = _in_either_order(entry, done[0], question_id, notation, infer)
        reading, parsed, inferred, checked = _sides_checked(entry, read, done[0])
    except InvalidAnswer:
        return None
    return _noted(reading, parsed, (done[1],)), parsed, inferred, checked


def _loop_summed(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """The reading of a count the answer's loops add up (:func:`.accumulated.loop_sum`:
    the product of their numbers of passes and what each adds), noted; None where the
    loops are no such count or the product does not read (the loop refused as before)."""
    from derivations.checking.reading.accumulated import loop_sum

    summed = loop_sum(answer)
    if summed is None:
        return None
    try:
        read = _in_either_order(entry, summed[0], question_id, notation, infer)
        reading, parsed, inferred, checked = _sides_checked(entry, read, summed[0])
    except InvalidAnswer:
        return None
    return _noted(reading, parsed, (summed[1],)), parsed, inferred, checked


def _second_look(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """(reading, parsed, readings, (a label's note, the chain's note)) of the answer
    (:func:`_in_either_order`, :func:`_check_symbols`, :func:`_check_sides`); where they
    refuse it, of the first of its rewrites that reads (:mod:`.reading.second_look`: line
    breaks, a lead-in's colon, closing marks, a condition after, worked numbers;
    :func:`_asked`: a side naming the size asked; each noted), else (after a word or a
    letter refused, never an ambiguity), of the answer or a rewrite, its reading when it
    is wrong under every reading of the words refused (:mod:`.every_reading`), else the
    first refusal.  Nothing here runs for an answer read the first time.  A name added
    to that the answer never gives a value (``out_h += …``) is refused where the question
    asks no count (``unstarted``): the reading sums it from zero, which a size never is."""
    if isinstance(answer, str) and "+=" in answer and not entry.question.counts:
        from derivations.checking.reading.second_look import unstarted

        name = unstarted(answer)
        if name is not None and _recursion(entry, answer) is None:  # (r += (k - 1) * j: a step)
            raise _invalid("unstarted", name=name)
    if (
        isinstance(answer, str)
        and ("=" in answer or has_branches(answer))  # (R's ``<-``, a ``return`` a branch)
        and (answer.count("=") + answer.count("\n") > 1 or "++" in answer or "--" in answer)
    ):
        ordered = _in_order(entry, answer, question_id, notation, infer)
        if ordered is not None:
            return ordered
    plain = _plain_read(entry, answer, question_id, notation)
    if plain is not None:
        return plain
    try:
        read = _in_either_order(entry, answer, question_id, notation, infer)
        checked = _sides_checked(entry, read, answer)
    except InvalidAnswer as refusal:
        first = refusal
        if first.key == LOOP_REFUSAL:
            summed = _loop_summed(entry, answer, question_id, notation, infer)
            if summed is None:  # a loop over the layers growing a receptive field (issue 21)
                summed = _loop_stepped(entry, answer, question_id, notation, infer)
            if summed is not None:
                return summed
        if first.key in _DECISIVE:
            raise  # no rewrite makes it one layer's formula, or unswaps its named axes
    else:
        return _prose_read(entry, answer, read, question_id, notation, infer) or checked
    from derivations.checking.every_reading import every_reading, flag_reading  # refused only
    from derivations.checking.reading.second_look import rewrites

    texts = rewrites(answer)
    sized = [
        (done[0], (*notes_, done[1]))
        for text_, notes_ in [(answer, ()), *texts]
        if (done := _two_sizes(entry, text_)) is not None
    ]
    texts += sized
    from derivations.checking.reading.code import calls_defined

    called = calls_defined(answer)  # f(…) defined and called: never its body's formula alone
    for text_, notes_ in [(answer, ()), *texts]:
        for rule in (
            _table_row,
            _asked,
            _four_sizes,
            _islands,
            _sentences,
            _recursion,
            _prose_lines,
        ):
            if called and rule in (_islands, _sentences, _prose_lines):
                continue
            done = rule(entry, text_)
            if done is not None:
                texts.append((done[0], (*notes_, done[1])))
    unframed = None  # the refusal of the answer's display read without its environment
    for rewritten, notes in texts:
        try:
            read = _in_either_order(entry, rewritten, question_id, notation, infer)
            reading, parsed, inferred, checked = _sides_checked(entry, read, rewritten)
        except InvalidAnswer as refusal:
            if refusal.key == AXES_SWAPPED:
                raise  # a later rewrite reads the labels away: never graded so
            if unframed is None and _environment_refused(first, refusal):
                unframed = refusal
            continue
        if _counting_dropped(notes) and _verdict_of(entry, read) == RIGHT:
            continue  # right only with the counting its words state dropped: never
        if _per_side_dropped(entry, parsed, notes):
            continue  # right only with total padding, its words say per side: never
        if _comment_amends(notes) and _verdict_of(entry, read) == RIGHT:
            continue  # a comment or prose dropped that denies or amends it: never accepted
        if _worked_disagrees(parsed, notes) and _verdict_of(entry, read) == RIGHT:
            continue  # (2c_i)(2c_o)/(c_i c_o) = 2: the number it ends in is its answer
        notes = _worked_checked(answer, notes)
        prose = _prose_read(entry, rewritten, read, question_id, notation, infer)
        if prose is not None and not _right_only_dropped(entry, prose[1], notes):
            reading, parsed, inferred, checked = prose
        return _noted(reading, parsed, notes), parsed, inferred, checked
    _not_run(entry, answer)
    if unframed is not None:
        raise unframed  # why its rows were refused, not "\\begin" (which they are read without)
    if first.key not in _UNKNOWN_REFUSALS:  # an ambiguity is never decided here
        raise first
    for rewritten, notes in [(answer, ()), *texts]:
        wrong = flag_reading(entry, rewritten, question_id) or every_reading(
            entry, rewritten, question_id
        )
        if wrong is not None:
            reading, parsed, readings, checked = _sides_checked(entry, wrong, rewritten)
            return _noted(reading, parsed, notes), parsed, readings, checked
    raise first


WORKED_LAYER_NOTE = "reading.note.worked_at_layer"
WORKED_OFF_NOTE = "reading.note.worked_off"


def _worked_checked(answer: str, notes: tuple) -> tuple:
    """``notes`` of a rewrite that took a chain's worked numbers away, checked against
    the formula where a numeric side is the formula with its letters numbered
    (:func:`.worked.worked_layer`: the author's layer, no number guessed): the note
    ``worked_at_layer`` added where every number the chain says is the formula's value
    there, ``worked_off`` (the layer, the formula's value, the number said) where one is
    not.  The formula is graded either way: a slip in the author's own arithmetic
    (``(5 - 3 + 2)/2 + 1 = 2``) beside a right formula is flagged, not graded (graders
    of the hold-out data call such answers right); ``notes`` as they are where no side
    is so written (the numbers the author's own, not checked)."""
    from derivations.checking.reading.second_look import WORKED_DISAGREE_NOTE, WORKED_NOTE

    if not isinstance(answer, str) or not any(
        note.key in (WORKED_NOTE, WORKED_DISAGREE_NOTE) for note in notes
    ):
        return notes
    from derivations.checking.reading.worked import worked_layer

    layer = worked_layer(answer)
    if layer is None:
        return notes
    value = str(layer.value.numerator if layer.value.denominator == 1 else layer.value)
    fields = (("layer", layer.shown()), ("value", value))
    if layer.agrees:
        return (*notes, Note(WORKED_LAYER_NOTE, fields))
    said = next(n for n in layer.said if n != layer.value)
    shown = str(said.numerator if said.denominator == 1 else said)
    return (*notes, Note(WORKED_OFF_NOTE, (*fields, ("said", shown))))


def _environment_refused(first: InvalidAnswer, refusal: InvalidAnswer) -> bool:
    """Whether ``first`` refuses a LaTeX environment (``\\begin{aligned}``: the reader
    reads a display's rows only once its frame is taken away, a second look) and
    ``refusal``, of a rewrite, says why the rows were refused instead: the reason a
    student is told (the sheets' 1×1 box of M, A and M + A was "unsupported LaTeX
    command \\begin")."""
    return (
        first.key == "reading.unsupported_command"
        and first.fields.get("command") in ("begin", "end")
        and refusal.key not in ("reading.unsupported_command", "reading.unexpected_operand")
    )


def _plain_names(entry: Entry) -> frozenset:
    """The names a plain formula answering ``entry`` may write: the symbols an answer
    may use (:func:`symbols_allowed`) but the batch n (a notation may read it as an
    input size: :func:`.notation.n_as_input_size`), and the functions floor and ceil
    (computed once per question)."""
    found = _PLAIN_NAMES.get(entry.question.id)
    if found is None:
        found = (symbols_allowed(entry) - {BATCH_SYMBOL}) | PLAIN_FUNCTIONS
        _PLAIN_NAMES[entry.question.id] = found
    return found


_PLAIN_NAMES: dict[str, frozenset] = {}  # question id -> the names a plain formula may write


def _plain_read(entry: Entry, answer: str, question_id: str, notation):
    """(reading, parsed, readings, (a label's note, the chain's note)) of a plain formula
    (:data:`.parse.PLAIN`) whose names are the question's own symbols and floor or ceil
    (:func:`_plain_names`), no course notation given, read with no note, one formula, no
    name before ``=`` and no side, its symbols the question's: what
    :func:`_in_either_order` and :func:`_sides_checked` give it (no named product, no
    index, no 3-D, no word of another notation, no padding word, nothing resolved or
    regraded, no label or chain: ``[]`` and ``(None, None)``), and :func:`_prose_read`
    (no words: none), without the steps that find so; None for any other answer, or one
    the reader refuses (the general path reads it)."""
    if notation or not isinstance(answer, str) or not PLAIN().fullmatch(answer):
        return None
    if not _plain_names(entry).issuperset(PLAIN_NAME().findall(answer)):
        return None
    if _may_be_prose(answer):
        return None
    try:
        reading = read_answer(answer, question_id)
    except InvalidAnswer:
        return None
    parsed = reading.parsed
    if (
        parsed.notes
        or parsed.parts
        or parsed.sides
        or parsed.name is not None
        or parsed.relative is not None
        or not _plain_names(entry).issuperset(parsed.symbols)
    ):
        return None
    return reading, parsed, [], (None, None)


# a times sign between two sizes (compiled on first use: never on a cold check); LaTeX's
# \rfloor or \rceil before \times closes a size as ⌋ does; an x set apart by spaces
# between two sizes (``(n+2p-f)/s+1 x (n+2p-f)/s+1``) is a shape's, not a product's
_SIZES_SIGN = lazy_pattern(
    r"\\,|[ ,)}$]X[ ,({$\\]|[⌋)] *[x×]|(?:[⌋)}]|\\r(?:floor|ceil)) *\\times(?![A-Za-z])"
    r"|[\w)\]] +x +[\w(\[]"
)


def _may_be_prose(answer: str) -> bool:
    """Whether an ASCII answer may hold words around its formula (two words of letters
    side by side) or a times sign between two sizes: substring tests first."""
    tokens = answer.split()
    if any(len(a) > 1 and len(b) > 1 and a.isalpha() and b.isalpha() for a, b in pairwise(tokens)):
        return True
    if all(sign not in answer for sign in ("X", "\\,", "x", "×", "\\times")):
        return False
    return bool(_SIZES_SIGN().search(answer))


def _prose_read(entry: Entry, answer: str, read: tuple, question_id: str, notation, infer):
    """For an answer read whose reading matches no known answer (right or a catalogued
    mistake) and that has words or a times sign between sizes in it: the reading of
    its formulas in prose (:func:`_islands`: ``… as output = (…)/s + 1 and solve for
    output=16``, graded on ``16``) or of its two sizes (:func:`.second_look.two_sizes`:
    ``⌊…⌋ X ⌊…⌋`` answering one size) when that one matches a known answer; None
    otherwise (the reading stands).  As with a run of letters read as a name or a
    product, a reading that matches nothing never outweighs one that does; nor one
    whose code names its tensors' layout (``reading.note.layout``), which prose would
    drop."""
    if not isinstance(answer, str) or (answer.isascii() and not _may_be_prose(answer)):
        return None
    if _verdict_of(entry, read) is not None:
        return None
    from derivations.checking.reading.code import LAYOUT_NOTE

    if any(note.key == LAYOUT_NOTE for note in read[1].notes):
        return None  # ``x.shape[3] … // NHWC``: the comment the islands drop says the axis
    for rule in (_islands, _two_sizes):
        try:
            done = rule(entry, answer)
        except InvalidAnswer:
            continue  # words around one of its formulas carry arithmetic: read whole, kept
        if done is None:
            continue
        try:
            other = _in_either_order(entry, done[0], question_id, notation, infer)
            reading, parsed, inferred, checked = _sides_checked(entry, other, done[0])
        except InvalidAnswer:
            if rule is not _two_sizes:
                continue
            try:  # the pair after words (输出尺寸为 (…, …)): read as a refused answer is
                reading, parsed, inferred, checked = _second_look(
                    entry, done[0], question_id, notation, infer
                )
            except InvalidAnswer:
                continue
            other = (reading, parsed, inferred)
        if _verdict_of(entry, other) is not None:
            return _noted(reading, parsed, (done[1],)), parsed, inferred, checked
    return None


_AMENDED = {"reading.note.comment": "text", "reading.note.islands": "prose"}


def _comment_amends(notes: tuple) -> bool:
    """Whether a rewrite dropped a comment or prose that denies or amends the formula
    (``# TODO: off by one, real answer …``, ``// FIXME``, ``# 其实应该是 …``: s9adv, such a
    code was accepted), by :func:`.code.denies` and :func:`.code.amends`."""
    from derivations.checking.reading.code import amends, denies

    for note in notes:
        said = dict(note.fields).get(_AMENDED.get(note.key, ""), "")
        if said and (denies(said) or amends(said)):
            return True
    return False


def _worked_disagrees(parsed: Parsed, notes: tuple) -> bool:
    """Whether a rewrite dropped a worked number (``… = 2``) that differs from the value of
    the formula kept, where that value is the same at every layer (two layers tried:
    ``(2c_i)(2c_o)/(c_i c_o) = 2``: the student's own answer is the 2, not the 4 the
    formula makes; s9adv: it was accepted)."""
    from derivations.checking.reading.second_look import WORKED_DISAGREE_NOTE, WORKED_NOTE
    from derivations.expr.evaluate import Undefined, compile_node

    worked = (WORKED_NOTE, WORKED_DISAGREE_NOTE)
    said = [dict(note.fields)["numbers"] for note in notes if note.key in worked]
    if not said:
        return False
    names = sorted(parsed.symbols)
    try:
        function = compile_node(parsed.tree)
        # (the names in order and reversed: a floor of a small quotient is the same at
        # two layers of ordered sizes, h < k_h < p_h < s_h; s14exam E18)
        layers = [{n: 2 * i + 3 + shift for i, n in enumerate(names)} for shift in (0, 4)]
        layers.append({n: 3 * (len(names) - i) + 2 for i, n in enumerate(names)})
        values = {function(layer) for layer in layers}
        numbers = [Fraction(n.strip()) for text in said for n in text.split(",")]
    except (Undefined, ValueError, ZeroDivisionError, InvalidAnswer):
        return bool(not names)  # a constant that can not be compared: not taken as agreeing
    if len(values) > 1:
        return False  # a formula of the layer: its worked numbers are at a layer not given
    return any(number != next(iter(values)) for number in numbers)


def _per_side_dropped(entry: Entry, parsed: Parsed, notes: tuple) -> bool:
    """Whether the words a rewrite dropped say the padding is per side (``，P 为每侧填充``
    beside the formula: :func:`_per_side_written`) and the formula, so read, counts one
    side's padding (s9adv: it was accepted with the book's total padding); or say it is
    the total (``，P 为总填充``: :func:`_total_said`) and the formula counts it twice
    (``2P``; s10adv: accepted with the per-side convention)."""
    if not notes:
        return False
    said = outcome_of(entry, replace(parsed, notes=(*notes, *parsed.notes)))
    once = not _per_side_written(parsed) and said == ("wrong", PER_SIDE_ONCE)
    twice = not _total_said(parsed) and said == ("wrong", SIDES_DOUBLED)
    return once or twice


def _right_only_dropped(entry: Entry, parsed: Parsed, notes: tuple) -> bool:
    """Whether ``parsed`` (a rewrite's reading, after ``notes``) is right only with what
    the rewrite dropped: a counting its words state, a worked number that is its answer,
    words saying the padding is per side (the checks a rewrite's own reading gets in
    :func:`_second_look`)."""
    if _per_side_dropped(entry, parsed, notes):
        return True
    right = outcome_of(entry, parsed) == RIGHT
    return right and (_counting_dropped(notes) or _worked_disagrees(parsed, notes))


def _prose_lines(_entry: Entry, answer: str) -> tuple[str, Note] | None:
    """The formula's lines after lines of prose (:func:`.second_look.prose_lines`)."""
    from derivations.checking.reading.second_look import prose_lines

    return prose_lines(answer)


def _two_sizes(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """For a question asking one size of a shape: the answer with a size written as
    height X width read as the two sizes (:func:`.second_look.two_sizes`), else None."""
    if entry.question.shape is None:
        return None
    from derivations.checking.reading.second_look import two_sizes

    return two_sizes(answer)


TABLE_ROW_NOTE = "reading.note.table_row"


def _row_answers(entry: Entry, label: str) -> bool:
    """Whether a table row's ``label`` names the quantity ``entry`` asks: the biases
    (:func:`_names_the_bias`) for the bias count, the output's size along the asked axis
    (``height``, ``output height``, ``H_out``; never the input's) for a size, the count's
    own name (``multiplications``, ``MACs`` for the multiplications) for a count."""
    asked = entry.question
    if asked.id == "bias-size":
        return _names_the_bias(label)
    if _names_the_bias(label) or _WEIGHT_WORD().search(label):
        return False
    axis = asked.shape.axis if asked.shape is not None else None
    if axis is not None and asked.family is not Family.COMPOSE:
        return axis in (_named_axis(label.replace(" ", "_")), _label_axis(label))
    return named_count(label) == asked.id or named_count(label.replace(" ", "_")) == asked.id


def _table_row(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """The one row of a LaTeX table of labelled rows (:func:`.tables.table_rows`:
    ``\\text{kernel-shape:} & [k_h, k_w, c_i, c_o] \\\\ \\text{bias-shape:} & [c_o]``)
    whose label names the quantity asked (:func:`_row_answers`), as ``label: value``,
    noted with the label of the row graded and the number of rows; None where the
    answer is no such table or not exactly one row answers (the display read as before:
    its rows as formulas of their own, each graded where it answers)."""
    if "\\begin" not in answer:
        return None
    from derivations.checking.reading.tables import row_text, table_rows

    rows = table_rows(answer)
    if rows is None or len(rows) < 2:
        return None
    answering = [(label, value) for label, value in rows if _row_answers(entry, label)]
    if len(answering) != 1:
        return None
    label, value = answering[0]
    others = "; ".join(other for other, _ in rows if other != label)
    fields = (("label", label), ("rows", str(len(rows))), ("others", others))
    return row_text(label, value), Note(TABLE_ROW_NOTE, fields)


# a word of a size (the output's size: either axis's on a square layer, never the other's)
_SIZE_WORD = lazy_pattern(
    r"size|大小|尺寸|维度|維度|サイズ|크기|größe|tamaño|taille|tamanho|dimen|размер", re.I
)


def _names_other(entry: Entry, lead: str) -> str | None:
    """The name a lead-in's last words give that names another quantity of the layer
    than the one asked: the backward pass named answering a forward question
    (``backward multiplications:``), the other axis's output size (``The output width is``
    answering output-height), an output size answering a count (``输出高度为 …``
    answering forward-mults), a count answering a size, another count (``加法次数为``
    answering forward-mults, ``the number of multiplications is`` answering forward-ops;
    not for a factor's questions), the forward pass answering a backward question, the
    weights answering the bias count (:func:`_other_pass_or_part`);
    None otherwise (the longest name first; ``output size`` names either axis)."""
    from derivations.checking.reading.around import holds_symbol, lead_names

    if not lead.isascii():
        from derivations.checking.reading.traditional import simplified

        lead = simplified(lead) or lead
    asked = entry.question
    if _asked_among(entry, lead):
        return None  # OH와 OW =: both sizes named, one formula for each
    clause = _CLAUSE_MARK().split(lead)[-1].strip()
    if asked.passes == "forward" and _BACKWARD_PASS().search(clause):
        # the backward pass's name answering a forward count (``backward multiplications:``,
        # ``逆伝播の乗算回数は``), as :func:`_other_kind` judges a sentence's words
        return None if _FORWARD_WORD().search(clause) else _last_name(clause)
    # the input's, kernel's or stride's name before a size (``the input height is``,
    # ``H_in =``); never words that give them (``with input height h:``, ``for an input
    # of height h:``, ``given the input h, …``)
    by_role = asked.shape is not None and not (
        _GIVING().match(clause) or _LONE_LETTER().search(clause) or holds_symbol(clause)
    )
    for name in reversed(lead_names(lead)):
        axis = None if _SIZE_WORD().search(name) else _named_axis(name.strip())
        if axis is None and asked.shape is not None:  # words no name reads (출력 너비, 输出宽度)
            axis = _label_axis(name, output=True)
        if axis is not None:  # an output's size: never the composed kernel's
            on_axis = asked.shape is not None and asked.shape.axis in (axis, None)
            on_axis = on_axis and asked.family is not Family.COMPOSE
            return None if on_axis else name.strip()
        if by_role and _named_by_role(entry, name.strip(), _NOT_A_SIZE) == "other":
            return name.strip()
        if by_role and _other_axis_word(entry, name.strip()) and _other_axis_word(entry, clause):
            return name.strip()  # width: … answering the height (not height and width: …)
        counted = named_count(name.strip())
        if counted is not None and not countings_said(name):  # MACs: a counting
            apart = counted != asked.id and asked.id not in _FACTOR_QUESTIONS
            return name.strip() if apart else None
    if by_role and _channels_alone(clause):  # 通道数为 …, channels =: c_i's or c_o's name
        return clause
    if (
        asked.shape is None
        and asked.id not in _CHANGE_QUESTIONS
        and not (_GIVING().match(clause) or _LONE_LETTER().search(clause) or holds_symbol(clause))
        and _parameter_named(clause, bias=asked.id == "bias-size")
    ):
        return clause  # kernel size: … answering a count, … (stride) (s18wrong F2)
    if by_role and not clause.isascii() and _named_by_role(entry, clause, _NOT_A_SIZE) == "other":
        return clause  # 입력 높이는 (a lead-in whose names the reader does not split)
    if by_role and not clause.isascii() and _other_axis_word(entry, clause):
        return clause  # 宽： answering the height
    other = _other_pass_or_part(asked, lead)
    if other is not None or holds_symbol(lead):  # the weights are used m_h m_w times each:
        return other  # a reason, no name
    return _other_kind(asked, lead)


# words that give the layer's parameters before a formula, naming none as the result
_GIVING = lazy_pattern(
    r"^(?:with|for|given|let|if|when|where|assuming|对于|对|当|设|若|如果|给定)(?![A-Za-z])", re.I
)
# a letter standing alone in words (``for an input of height h``): a parameter given;
# not French's elided article (``hauteur d'entrée``, ``l'entrée``)
_LONE_LETTER = lazy_pattern(r"(?<![\w\\])[A-Za-z](?![\w('’])")


# names joined by "and" before one formula (OH와 OW =, H_out and W_out =, 高和宽为)
_AND = lazy_pattern(r"\s*(?:와|과|및|和|与|及|、|&|と|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
_LEAD_CLOSE = lazy_pattern(r"[\s:：=]+$")


def _asked_among(entry: Entry, lead: str) -> bool:
    """Whether the last clause of a lead-in names the output size asked among names
    joined by "and" (``OH와 OW =``, ``H_out and W_out =``: one formula given for both, a
    square layer's), by the last word before each "and" or the end."""
    shape = entry.question.shape
    if shape is None or shape.axis is None:
        return False
    clause = _CLAUSE_MARK().split(_LEAD_CLOSE().sub("", lead))[-1]
    pieces = [piece.split() for piece in _AND().split(clause)]
    if len(pieces) < 2:
        return False
    return any(words and _named_axis(words[-1]) == shape.axis for words in pieces)


# the questions whose answer is a factor (the cost of a layer changed): a count named
# before it (the multiplications quadruple) is what the factor is of
_FACTOR_QUESTIONS = frozenset({"double-channels", "double-padding", "pointwise-complexity"})
# the questions of a change of a layer's parameters (what a parameter's name may label)
_CHANGE_QUESTIONS = frozenset({"double-channels", "double-padding"})
_FORWARD_WORD = lazy_pattern(words_pattern(*every_word(PASS_WORDS["forward"])), re.I)
_BACKWARD_WORD = lazy_pattern(
    r"backward|bwd|反向|逆伝播|역전파|geri|обратн|twice|times|倍|ratio|kat|раз", re.I
)
_WEIGHT_WORD = lazy_pattern(
    r"weight|权重|權重|重み|가중치|peso|poids|gewicht|ağırlık|agirlik|вес(?:а|ов)?(?![а-я])", re.I
)
_BIAS_WORD = lazy_pattern(r"bias|偏置|偏差|バイアス|편향", re.I)
# the backward pass named, as a forward question's answer never is (no relative words:
# ``twice`` says nothing of the pass)
_BACKWARD_PASS = lazy_pattern(words_pattern(*every_word(PASS_WORDS["backward"])), re.I)
# the kinds of quantity a layer's words name besides a count's operations
# (:data:`.informal.COST_WORDS`): its memory, its parameters
_MEMORY_WORD = lazy_pattern(
    words_pattern(*every_word(MEMORY_WORDS)) + r"|(?<![A-Za-z])(?:mem|ram)(?![A-Za-z])",
    re.I,
)
# what a memory holds (activations, feature maps, tensors, the model's size): a memory's
# kind before a count or a factor, no kind before a size (``the output feature map's
# height``, ``output shape of tensor``)
_HELD_WORD = lazy_pattern(
    r"activation|feature\s*maps?|tensor|model\s+size|bandwidth|激活|特征图|张量|模型大小|带宽",
    re.I,
)
# (the weights are parameters too: :data:`_WEIGHT_WORD`)
_PARAMETER_WORD = lazy_pattern(words_pattern(*every_word(PARAMETER_WORDS)), re.I)
# a count of operations named (:data:`.informal.COUNT_WORDS` but the bare 次, and the
# Chinese names of a computation), where a memory or a number of parameters is asked
_OPERATION_WORD = lazy_pattern(
    r"(?<![A-Za-z])(?:"
    + "|".join(re.escape(w) for w in COUNT_WORDS if w.isascii())
    + r")(?![A-Za-z])|"
    + "|".join(w[1:] for w in COUNT_WORDS if not w.isascii() and len(w) > 1)
    + r"|计算量|运算量|计算次数|演算|연산|işlem|операци",
    re.I,
)
# the output's size named where a kernel's size is asked (compose-size), unless the
# words name the kernel or its receptive field too
# (the output's channels are a change a factor follows, never the quantity it is of)
# (:data:`.languages.OUTPUT_WORDS`, :data:`.languages.KERNEL_WORDS`; a channel's word
# before it, ``canal de salida``, ``kênh đầu ra``, names the channels too)
_CHANNEL_BEFORE = "".join(
    f"(?<!{re.escape(w)} )(?<!{re.escape(w)} de )(?<!{re.escape(w)}s de )" for w in CHANNEL_WORDS
)
_OUTPUT_WORD = lazy_pattern(
    rf"{_CHANNEL_BEFORE}(?:{words_pattern(*every_word(OUTPUT_WORDS))})"
    rf"(?![\s_-]*(?:{words_pattern(*CHANNEL_WORDS)}))",
    re.I,
)
_KERNEL_WORD = lazy_pattern(
    rf"(?:{words_pattern(*every_word(KERNEL_WORDS))})"
    rf"(?![\s_-]*(?:{words_pattern(*CHANNEL_WORDS, *every_word(PART_COUNT_AFTER))}))",
    re.I,
)


def _other_pass_or_part(asked: Question, lead: str) -> str | None:
    """The forward pass named by a lead-in's last clause answering a backward question
    (``the forward pass is``, ``前向传播的计算量为``; a clause that names the backward pass
    or a factor of the forward pass is a relative count, not this), or the weights named
    answering the bias count (``the number of weights is``); None otherwise."""
    clause = _CLAUSE_MARK().split(lead)[-1]
    if asked.passes == "backward" and _FORWARD_WORD().search(clause):
        return None if _BACKWARD_WORD().search(clause) else _last_name(clause)
    if (
        asked.id == "bias-size"
        and _WEIGHT_WORD().search(clause)
        and not _BIAS_WORD().search(clause)
    ):
        return _last_name(clause)
    if asked.id != "bias-size" and _bias_alone(clause):
        return _last_name(clause)
    return None


# the bias said to be counted in another quantity or left out of it (``FLOPs with bias``,
# ``(no bias)``, ``含偏置``, ``不含偏置``, ``bias excluded``): no name of the bias count
_WITH_BIAS = lazy_pattern(
    r"(?:with(?:out)?|no|incl\w*|excl\w*|plus|and|minus|ignoring|含|包含|包括|加上?|带|考虑"
    r"|无|没有|除去?|及|和)\s*(?:the\s+|its\s+|any\s+|a\s+)?(?:bias|偏置|偏差)"
    r"|(?:bias|偏置|偏差)\w*\s*(?:not|excluded|ignored|omitted|left\s+out|除外|不计|忽略)",
    re.I,
)


# words that say the bias is counted (``with bias``, ``including the bias``, ``If bias is
# included``, ``含偏置``, ``加上偏置``), and words that leave it out (``without bias``,
# ``no bias``, ``不含偏置``, ``bias excluded``)
_BIAS_COUNTED = lazy_pattern(
    r"(?<![A-Za-z])(?:with|incl\w*|plus|and|counting|adding)\s+(?:the\s+|its\s+|a\s+)?(?:bias|偏置|偏差)"
    r"|(?:bias|偏置|偏差)\w*\s+(?:is\s+|are\s+)?(?:included|counted|added|used)"
    r"|(?:含|包含|包括|加上|加|考虑|计入|带|有)(?:了)?(?:偏置|偏差)",
    re.I,
)
_BIAS_LEFT_OUT = lazy_pattern(
    r"(?<![A-Za-z])(?:without|no|not|excl\w*|ignor\w*|minus)(?![A-Za-z])|不|无|没|除|忽略", re.I
)


def _bias_said_other(words: str) -> str | None:
    """``"with"`` where ``words`` say the bias is counted in another language than
    English and Chinese (:data:`.languages.BIAS_SAID`: ``avec biais``, ``con el sesgo``,
    ``mit Bias``), ``"without"`` where they leave it out (``sans biais``), else None."""
    found = _BIAS_SAID_OTHER().search(words)
    if found is None:
        return None
    return "without" if found.group("without") else "with"


@cache
def _BIAS_SAID_OTHER() -> re.Pattern:
    def said(part: str) -> str:
        return words_pattern(
            *(w for table in BIAS_SAID.values() for w in table[part]),
            before=r"\w",
            after=r"\w",
        )

    return re.compile(
        rf"(?:(?P<without>{said('without')})|{said('with')})\s+"
        rf"(?:(?:{said('article')})\s*)?(?:{said('bias')})",
        re.I,
    )


def _bias_said_counted(entry: Entry, notes: list) -> None:
    """Refuse (``words_bias_counted``) a formula right without the bias (the reference
    itself, no convention) whose dropped words say the bias is counted (``… (with
    bias)``, ``含偏置：…``, ``If bias is included, …``) where counting it changes the
    count (:attr:`.Question.bias`): the words and the formula disagree (s15: a count of
    additions without the bias was accepted with ``(with bias)`` after it).  Words that
    leave the bias out (``without bias``, ``不含偏置``) say nothing against it."""
    for note in notes:
        for words in note.get("fields", {}).values():
            if isinstance(words, str) and _bias_said_other(words) == "with":
                raise _invalid("words_bias_counted", words=words, question=entry.question.id)
            if not isinstance(words, str) or not _BIAS_COUNTED().search(words):
                continue
            if not _BIAS_LEFT_OUT().search(words):
                raise _invalid("words_bias_counted", words=words, question=entry.question.id)


def _names_the_bias(label: str) -> bool:
    """Whether a formula's label names the biases and not the weights nor a quantity
    with its bias (``biases``, ``偏置参数``, ``bias parameters``; not ``weights and
    biases``, ``parameters with bias``)."""
    return bool(
        _BIAS_WORD().search(label)
        and not _WEIGHT_WORD().search(label)
        and not _WITH_BIAS().search(label)
    )


def _bias_alone(clause: str) -> bool:
    """Whether ``clause`` names the bias and no other quantity a formula may count with
    it (``biases =``, ``偏置个数 =``; not ``FLOPs with bias``, ``weights and biases``,
    ``含偏置的乘法次数``): answering another question than the bias count, it names
    another quantity (s14text: ``biases = c_o c_i k_h k_w m_h m_w`` was accepted as the
    forward multiplications)."""
    if not _BIAS_WORD().search(clause) or _WITH_BIAS().search(clause):
        return False
    return not any(
        found().search(clause)
        for found in (_OPERATION_WORD, _MEMORY_WORD, _HELD_WORD, _PARAMETER_WORD, _WEIGHT_WORD)
    ) and not COST_WORDS().search(clause)


def _other_kind(asked: Question, lead: str) -> str | None:
    """The words of ``lead``'s last clause that name another kind of quantity than the
    question ``asked`` asks, where the clause names none of the asked kind: a memory
    (:data:`_MEMORY_WORD`, :data:`_HELD_WORD`) or parameters answering a count of operations or a factor of
    one (``the memory quadruples`` answering double-channels, ``backward memory is twice
    the forward memory`` answering backward-ops; not where the clause names a cost too,
    :data:`.informal.COST_WORDS`), and for a factor the output or the kernel (``the
    output quadruples``); operations (:data:`_OPERATION_WORD`) or the parameters alone
    answering a memory, operations answering the bias count; a memory answering an output
    size; a memory, parameters or the output's size answering the composed kernel's
    (``the output size is``); the backward pass's name answering a forward question
    (``backward memory =`` answering forward-memory); the bias alone answering another
    question than the bias count (:func:`_bias_alone`).  The name the words are in (as
    :func:`.around.lead_names` reads it) or the words; None otherwise."""
    from derivations.checking.reading.around import lead_names

    clause = _CLAUSE_MARK().split(lead)[-1]
    if asked.passes == "forward" and _BACKWARD_PASS().search(clause):
        return None if _FORWARD_WORD().search(clause) else _last_name(clause)
    if asked.id != "bias-size" and _bias_alone(clause):  # bias = <a size>
        return _last_name(clause)
    memory = _MEMORY_WORD().search(clause)
    held = memory or _HELD_WORD().search(clause)
    parameters = _PARAMETER_WORD().search(clause) or _WEIGHT_WORD().search(clause)
    other: re.Match | None = None
    if asked.id.endswith("-memory"):
        # the parameters alone (``the number of parameters is``), not a list of the
        # parts held (``inputs + weights + outputs``)
        alone = None if _OUTPUT_WORD().search(clause) else parameters
        other = None if held else _OPERATION_WORD().search(clause) or alone
    elif asked.id == "bias-size":
        other = None if held else _OPERATION_WORD().search(clause)
    elif asked.id == "compose-size":
        output = None if _KERNEL_WORD().search(clause) else _OUTPUT_WORD().search(clause)
        other = memory or parameters or output
    elif asked.shape is not None:
        other = memory
    elif not COST_WORDS().search(_MEMORY_WORD().sub(" ", clause)):
        # a count of operations, or a factor of one (space complexity: no cost)
        tensor = asked.id in _FACTOR_QUESTIONS and (
            _OUTPUT_WORD().search(clause) or _KERNEL_WORD().search(clause)
        )
        other = held or parameters or tensor or None
    if other is None:
        return None
    # the name the word is in (``the output size``), else the word
    word = other.group()
    return next((n.strip() for n in lead_names(clause) if word in n), word)


def _last_name(clause: str) -> str:
    from derivations.checking.reading.around import lead_names

    return (lead_names(clause) or [clause.strip()])[-1].strip()


_UNIT_COUNT = "reading.note.unit_count"
# the book's own names of the output's sizes: before an answer to the other size's
# question, they name another quantity (other names, CS231n's W2 among them, are left to
# the reading of a square layer's other axis)
_OUTPUT_NAMES = frozenset({"m_h", "m_w"})


# readings at a number that are no parameter's: a switch read off (every_reading's flag:
# ``- bias``, the bias not counted), a course's declared letter
_FLAG = "flag"  # (every_reading.FLAG: that module is loaded only where it reads)
_NOT_HELD = (_FLAG, "declared")
# the environments a held parameter's place is checked at (edge layers first)
_HELD_POINTS = 24


def _held(readings: list) -> list[tuple[str, int, str | None]]:
    """(written, the book's value, parameter) of each name of an answer read as a number:
    a parameter every layer of the book holds at it (the dilation, the groups at 1; the
    output padding of a transposed convolution at 0).  The parameter is the notation
    records' (:func:`.notations.held_spelling`: ``groups``, ``dilation[0]``), else the
    groups or the dilation for a name whose parts the parts record reads as them
    (``group_count``; ``dilation_x``, ``dil``) or a letter inferred at a number (the
    roles record's D), ``stride_<layer>`` for a layer's stride read at the question's
    (:func:`.notation.layer_stride`: s_1 is ``stride_1``), else None."""
    if not readings:
        return []
    from derivations.checking.notation import layer_stride
    from derivations.checking.reading.names import role_of
    from derivations.registry.notations import held_spelling

    out = []
    for reading in readings:
        read, written = reading.get("read", ""), reading.get("written", "")
        if not (read.isdigit() and written) or reading.get("how") in _NOT_HELD:
            continue
        parameter = (held_spelling(written) or (None,))[0]
        parts = re.split(r"[^\w]+|_", written)
        if parameter is None and any(role_of(p) == "group" for p in parts if p):
            parameter = "groups"  # group_count, n_groups: the parts record's groups
        if reading.get("how") == "held_stride":  # s_1: the stride of layer 1
            parameter = f"stride_{layer_stride(written)}"
        if parameter is None and (
            reading.get("how") == "held" or any(role_of(p) == "dilation" for p in parts if p)
        ):
            parameter = "dilation"
        out.append((written, int(read), parameter))
    return out


def _held_points(family: str, tree: ex.Node) -> tuple:
    from derivations.checking.deciding.samples import environments

    square = frozenset({Restriction.SQUARE}) if ex.symbols_in(tree) & {"k", "p", "s"} else None
    return environments(family, square or frozenset())[:_HELD_POINTS]


def _at_trial(env: dict, effects: dict, trial: dict) -> tuple[dict, dict, int]:
    """(the environment the answer is read at with the held parameters at their trial
    values, the book's layer whose value it must equal there, less a number): the
    channels multiplied by the groups' trial value g (so that it divides them); where
    the groups act, c_i / g of them to each filter (``channels_per_group``), or the
    weights c_o c_i k_h k_w of the memory g times fewer (``weights_per_group``: the
    number less); a kernel size k widened to the dilated extent d (k - 1) + 1 where the
    dilation acts (``kernel_extent``)."""
    at_trial, book, less = dict(env), dict(env), 0
    groups = trial.get("groups")
    if groups and "c_i" in env:
        at_trial.update(c_i=env["c_i"] * groups, c_o=env["c_o"] * groups)
        book.update(at_trial)
        if effects.get("groups") == "channels_per_group":
            book["c_i"] = env["c_i"]
        elif effects.get("groups") == "weights_per_group":
            weights = book["c_o"] * book["c_i"] * book["k_h"] * book["k_w"]
            less = weights - weights // groups
    stride = trial.get("stride_1")
    if stride and effects.get("stride_1") == "receptive_field" and "k_2" in env:
        book["k_2"] = stride * (env["k_2"] - 1) + 1
    dilation = trial.get("dilation")
    if dilation and effects.get("dilation") == "kernel_extent":
        for name in ("k_h", "k_w", "k"):
            if name in env:
                book[name] = dilation * (env[name] - 1) + 1
    return at_trial, book, less


def _held_placed(
    entry: Entry, tree: ex.Node, readings: list, answer: str, notation: dict | None
) -> None:
    """Refused (``checker.reason.held_misplaced``) when an accepted answer writes a
    parameter the book's layer holds at a value (:func:`_held`: read at it, it would
    vanish wherever it stands) and the answer read again with it one above that value
    (the groups or the dilation at 2) is not what the question's value becomes there
    (:attr:`Question.held`: the dilated kernel's extent where k stands, c_i / g input
    channels per filter; unchanged for any parameter the record does not list), compared
    with the answer as accepted at the book's layer that value equals, at the first
    :data:`_HELD_POINTS` sample layers; ``checker.reason.held_unchecked`` when the answer so
    read cannot be read.  A bias flag read both ways (right with either value) is read at
    the value shown.
    Without this, ``(h + 2p - d*k)//s + 1``, ``c_o / g`` (the bias) and
    ``c_o c_i k_h k_w m_h m_w * g`` were accepted (s13rev)."""
    if not isinstance(answer, str) or held_reading():
        return  # (within the check of another answer's places: read, not checked again)
    held = _held(readings)
    if not held:
        return
    for written in _held_of_other_axis(
        entry, held, readings
    ):  # dilation[1] in the height's formula
        raise _invalid("held_misplaced", written=written, value=1, trial=2)
    effects = dict(entry.question.held)
    trial = {parameter: value + 1 for _, value, parameter in held if parameter}
    with held_read():  # (the same values: read as it was, its inferred letters too)
        # sampled, as the page checks (no SymPy there: a proof here made the page refuse
        # every held parameter the command line accepted, s14exam E28)
        again = check(entry.question.id, answer, symbolic=False, notation=notation, infer=True)
    first, value = held[0][0], held[0][1]
    marked = ex.from_data(again.parsed["tree"]) if again.parsed else None
    if again.verdict not in ("equivalent", "equivalent_under_convention") or not (
        marked is not None and any(held_value(node) is not None for node in ex.walk(marked))
    ):
        raise _invalid("held_unchecked", written=first, value=value, trial=value + 1)
    book, at_trial = compile_node(_unmarked(marked, 0)), compile_node(_unmarked(marked, 1))
    for env in _held_points(entry.question.family, marked):
        trial_env, book_env, less = _at_trial(env, effects, trial)
        want = _value_at(book, book_env)
        if want is not None and less:
            want -= less
        if _value_at(at_trial, trial_env) != want:
            raise _invalid("held_misplaced", written=first, value=value, trial=value + 1)


# the notes whose text may state a layer's parameter, and the field holding it: a remark
# in brackets or after a comma, a comment, a condition after the formula, the prose after it
_STATING_NOTES = {
    "reading.note.remark": "remark",
    "reading.note.remark_after_comma": "remark",
    "reading.note.comment": "text",
    "reading.note.condition_after": "condition",
    "reading.note.islands": "prose",
}
# the words leading a parameter's statement after a formula (``at stride 2``, ``when the
# stride is 2``)
_STATED_LEAD = lazy_pattern(r"^\s*(?:at|with|when|if|for|where|using)\s+(?:an?\s+)?")


def _remark_other_layer(entry: Entry, notes: list, tree: ex.Node | None = None) -> None:
    """Refused (``checker.reason.remark_other_layer``) when a remark in brackets or after
    a comma (the reader's ``remark`` notes), a comment, a condition or the prose after
    the formula (``at stride 2``, ``# stride 2``, ``when the stride is 2``) states a
    parameter (:func:`.informal.stated_parameters`: ``stride 2``) at another value than
    the model's :class:`~derivations.model.Layer` holds it at by default, where the
    question holds it there: a held parameter (:data:`.notations.HELD`: the dilation, the
    groups) on every question (``… (dilation 2)``, ``(atrous rate 2)``), every
    parameter on a question whose layers are those defaults but for its own symbols
    (:attr:`Family.COMPOSE`: ``k_1 + k_2 - 1 (stride 2)`` was accepted, though at stride
    2 the composed size is another).  A parameter with no default (the kernel's size) is
    not compared.  Refused (``checker.reason.remark_unplaced``) when such words name a
    property of the layer that no reading places (:func:`.informal.unplaced_property`:
    ``(groupwise)``, ``(output padding 1)``, ``(rounded up)`` after a floor of ``tree``;
    ``(same padding)`` where the question holds the padding, the composed kernel's)."""
    from derivations.checking.reading.informal import stated_parameters, unplaced_property
    from derivations.model import Layer
    from derivations.registry.notations import HELD
    from derivations.registry.symbols import BY_NAME

    compose = entry.question.family is Family.COMPOSE
    kinds = ex.kinds_in(tree) if tree is not None else set()
    rounds = frozenset(
        how for how, kind in (("floor", ex.Floor), ("ceil", ex.Ceil)) if kind in kinds
    )
    for note in notes:
        field = _STATING_NOTES.get(note.get("id", ""))
        remark = _STATED_LEAD().sub("", note.get("fields", {}).get(field or "", "")).strip()
        if not remark:
            continue
        for stated in stated_parameters(remark):
            held = {
                name: getattr(Layer, BY_NAME[name].attribute, None)
                for name in stated.symbols
                if compose or name in HELD
            }
            held = {name: default for name, default in held.items() if default is not None}
            if held and stated.value not in held.values():
                layer = ", ".join(f"{name} = {default}" for name, default in held.items())
                raise _invalid("remark_other_layer", remark=remark, layer=layer)
        unplaced = unplaced_property(remark, rounds, entry.question.passes, compose)
        if unplaced is not None:
            raise _invalid("remark_unplaced", remark=remark, words=unplaced[1])


def _islands_per_part(entry: Entry, notes: list) -> None:
    """Refused (``reading.remark_operation``) when the words right after an accepted
    formula read from a sentence (the ``islands`` note's ``per`` field:
    :func:`.informal.per_part` of the graded island's trail), or a condition after it
    (``condition_after``: ``… for each filter``), say the count is per one of a layer's
    parts (``… multiplications per output channel``), as a remark in brackets
    saying it is (s15rev F7: graded as the layer's count, and accepted); a wrong formula
    keeps its diagnosis.  Only where a count is asked: a size is the same for each
    output channel."""
    if entry.question.shape is not None:
        return
    for note in notes:
        fields = note.get("fields", {})
        per = fields.get("per") if note.get("id") == ISLANDS_NOTE else None
        if note.get("id") == "reading.note.condition_after":  # … for each filter
            from derivations.checking.reading.informal import per_part

            per = per_part(fields.get("condition", ""))
        if note.get("id") == "reading.note.factor_sentence":  # 4 times as many per channel
            from derivations.checking.reading.informal import per_part

            per = per_part(fields.get("sentence", ""))  # (s18wrong)
        if per:
            raise refuse("remark_operation", remark=per)


def _approximation_near(notes: list) -> None:
    """Refused (``reading.approximation_far``) when a number after ``≈`` does not round
    the accepted formula before it at large layers (the reader's ``approximation`` note
    with its ``far`` field): that formula is right, and the number approximates nothing
    of it (s15rev F3); a wrong formula keeps its diagnosis."""
    for note in notes:
        fields = note.get("fields", {})
        if note.get("id") == "reading.note.approximation" and fields.get("far"):
            raise refuse(
                "approximation_far", approximation=fields["approximation"], exact=fields["far"]
            )


def _held_of_other_axis(entry: Entry, held: list, readings: list) -> list[str]:
    """The held names (:func:`_held`) a notation record reads as one axis's parameter
    (PyTorch's ``dilation[1]``: ``d_w``) in the answer to a question whose reference has
    only the other axis's sizes: :func:`_held_placed` moves every held name to the same
    trial value, which cannot tell the axes apart; none where another name of the answer
    (``readings``) is that axis's in its record too."""
    from derivations.registry.notations import held_spelling, notations

    symbols = ex.symbols_in(entry.reference.tree)
    if symbols & _HEIGHT_AXIS and not symbols & _WIDTH_AXIS:
        other = "_w"
    elif symbols & _WIDTH_AXIS and not symbols & _HEIGHT_AXIS:
        other = "_h"
    else:
        return []
    # (an answer whose other names are that axis's in their record too, ``padding[1]`` …
    # ``dilation[1]`` in the height's formula, indexes its own way: read as it was)
    records = notations()
    spelled = {  # (each record's spellings as a mapping once, not once per reading)
        source: dict(records[source].spellings)
        for source in {r.get("source") for r in readings} & records.keys()
    }
    if any(
        str(spelled[r["source"]].get(r.get("written"), "")).endswith(other)
        for r in readings
        if r.get("source") in spelled and r.get("read") != "1"
    ):
        return []
    return [w for w, _, _ in held if (held_spelling(w) or ("", ""))[1].endswith(other)]


def _unmarked(tree: ex.Node, above: int) -> ex.Node:
    """``tree`` with each held parameter's mark replaced by its value plus ``above``."""
    value = held_value(tree)
    if value is not None:
        return ex.num(value + above)
    return ex.with_children(tree, lambda child: _unmarked(child, above))


# a name whose last part is the letter h alone after a word (stride_h, padH): the height's
# in PyTorch's and Caffe's spellings, the horizontal axis's where an author's vertical
# one is v (stride_v)
_H_LETTER = lazy_pattern(r"[A-Za-z]{3,}_?[hH]")
_HEIGHT_AXIS = frozenset({"h", "k_h", "p_h", "s_h", "m_h"})
_WIDTH_AXIS = frozenset({"w", "k_w", "p_w", "s_w", "m_w"})


def _readings_of(result: Result) -> list[dict]:
    """The readings of the names of ``result``'s answer (``Result.parsed``)."""
    return (result.parsed or {}).get("readings") or []


def _h_may_be_horizontal(entry: Entry, readings: list[dict], parsed: Parsed) -> None:
    """Refuse (``h_may_be_horizontal``) a wrong answer to a width question that is right
    with the h of one name read as the horizontal axis, where that h is a letter after a
    word (``stride_h``) and every other size of the answer is of the width, named by a
    word (``Output width = (Input width - kernel width + 2padding)/stride_h + 1``): a
    course that writes stride_v for the vertical stride writes stride_h for the
    horizontal one.  A name that says height in a word, a width written as a letter
    (``(w - k_w + p_w)/stride_h + 1``), or an answer wrong either way keeps its verdict."""
    if matcher(entry).reference_axes != {"w"}:
        return
    lettered = [
        r for r in readings if r["read"] in _HEIGHT_AXIS and _H_LETTER().fullmatch(r["written"])
    ]
    if len(lettered) != 1 or "height" in _roles(lettered[0]["written"]):
        return
    read = lettered[0]["read"]
    worded = {r["read"] for r in readings if "width" in _roles(r["written"])}
    if parsed.symbols & _HEIGHT_AXIS != {read} or not parsed.symbols & _WIDTH_AXIS <= worded:
        return
    across = read.replace("h", "w")
    horizontal = parsed.with_tree(substitute(parsed.tree, {read: ex.sym(across)}), sides=())
    if outcome_of(entry, horizontal) != ("right",):
        return
    raise _invalid("h_may_be_horizontal", name=lettered[0]["written"], symbol=across, read=read)


def _relative_noted(notes: list) -> bool:
    """Whether the reader's ``notes`` (as dicts) say the formula is a factor of the
    forward pass's count (:data:`.around.RELATIVE_NOTE`)."""
    from derivations.checking.reading.around import RELATIVE_NOTE

    return any(note.get("id") == RELATIVE_NOTE for note in notes)


def _padding_counted(words: str) -> bool:
    """Whether ``words`` say only how a padding is counted (``total padding``, ``per-side
    padding``: :func:`.reading.informal.padding_reading`)."""
    from derivations.checking.reading.informal import padding_reading

    return padding_reading(words)


def _lead_names_asked(
    entry: Entry, notes: list, name: str | None = None, tree: ex.Node | None = None
) -> None:
    """Refused (``checker.reason.lead_names_other``) when the words dropped before an
    accepted formula (a lead-in, a label) name another quantity of the layer than the one
    asked (:func:`_names_other`): a right formula under another quantity's name is sent
    to the instructor, never accepted (a wrong one stays not_equivalent).  For a count
    (no size asked), also a count word after the formula (``… additions``, ``… 次乘法``),
    the name before its ``=`` (``additions = …``, ``mults = …``) and a side of its chain
    read as a description (``乘法次数 = 加法次数 = …``: :func:`_count_name_judged`), and a name of more than
    one letter that reads as another of the layer's symbols (``kernel = c_o``, ``W1 =
    np.zeros(F)`` answering bias-size: :func:`_symbol_named_other`); for a size, the
    book's name of the other size before its ``=`` (``m_h = …`` answering output-width;
    s9adv).  A factor read from a sentence (or a count relative to the forward pass), and
    a factor question's remark in brackets, are refused when their words name another
    kind of quantity (:func:`_other_kind`: ``the memory quadruples``, ``4 (memory)``;
    s10adv); a counting word (FLOPs, MACs) is judged by its convention where operations
    are counted, and names another quantity where a memory or a parameter count is
    asked; a size's name whose words' roles name the input, kernel or stride (``H_in =``)
    or a memory (``memory =``); a name of the other axis's output size before a formula
    along the asked axis alone (``W_out = (h - k_h)/s_h + 1``, ``输出宽度 = …`` answering
    output-height: the name and the formula disagree; a formula along the named axis is
    a square layer's, CS231n's W2 for both sizes).  (``checker.reason.words_name_other``
    for the words of a factor's sentence, a remark, a size's name.)"""
    said = [*notes]
    shape = entry.question.shape
    for label in (name, *(n["fields"].get("text", "") for n in notes if n.get("id") == _LEAD_IN)):
        if label:  # not = …, at least = …: judged as the same words before a formula
            from derivations.checking.reading.around import judge_label

            judge_label(label.rstrip("=:：＝ "))
    if name and len(name) > 1 and shape is None and _symbol_named_other(entry, name):
        # kernel = c_o, W1 = np.zeros(F), input_channels = c_o answering bias-size: a name
        # of another of the layer's quantities (a lone letter, P = …, M = …, is a label)
        raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)
    if name and len(name) > 1 and _other_layer_named(name):
        # gamma = np.ones(F), running_mean = c_o: another layer's parameter (a batch norm's)
        raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)
    if name in _OUTPUT_NAMES and shape is not None:  # m_h = <the width's>
        said.append({"id": "reading.note.label", "fields": {"label": name}})
    elif name and tree is not None and _other_axis_named(entry, name, tree, notes):
        raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)
    if name and entry.question.shape is not None:  # memory = <a size>: its words' kind
        said.append({"id": "reading.note.label", "fields": {"sentence": name}})
        # H_in = <a size>, stride = …; not a name updated in place (input_size =
        # (input_size + 2*p - k)//s + 1: the next layer's input)
        updated = any(n.get("fields", {}).get("written") == name for n in notes)
        if _named_by_role(entry, name, _NOT_A_SIZE) == "other" and not updated:
            raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)
        if _channels_alone(name) and not updated:  # channels = 4, 通道数 = …: c_i or c_o
            raise _invalid("lead_names_other", lead=name, name=name, question=entry.question.id)
    for note in notes:  # 乘法次数 = 加法次数 = …: every side a count's name, not the first
        if note.get("id") == _SIDE_NOTE:
            _count_name_judged(entry, note.get("fields", {}).get("side", ""))
    if notes:  # (a plain formula's first check loads no second look: test_lazy_imports)
        from derivations.checking.reading.second_look import AFTER_NOTE
    for note in notes:  # … for the padded input: a condition that is no condition
        if note.get("id") == AFTER_NOTE:
            condition = note.get("fields", {}).get("condition", "")
            if (named := _of_another(entry, condition)) is not None:
                raise _invalid(
                    "words_name_other", lead=condition, name=named, question=entry.question.id
                )
    for note in notes:  # so the width becomes …; … — число умножений (s12adv)
        # (a comment or a remark beside the formula: … # output width, …（宽）)
        field = _BESIDE.get(note.get("id", ""), "")
        clause = note.get("fields", {}).get(field, "").strip(_COMMENT_MARKS)
        if field and _padding_counted(clause):
            continue  # (total padding), （每侧填充）: how its padding counts, no name
        # (a parameter's value, ``（步幅 1）``, names the layer, not a quantity answered)
        named = (
            _clause_names_other(entry, clause)
            if field and not _states_a_parameter(clause)
            else None
        )
        if named is None and field and note.get("id") != _COMMENT_NOTE:
            # (a code comment names its own line's variable: ``s = cfg.stride  # 步幅``)
            named = _apposed_other(entry, clause)
        if named is None and field and _size_named_other(entry, clause.replace("\t", " ")):
            named = clause  # … (Eingabebreite), … (taille de sortie) (s18wrong)
        if named is not None:
            lead = " … ".join(part for part in clause.split("\t") if part)
            raise _invalid("words_name_other", lead=lead, name=named, question=entry.question.id)
    for function in _functions_named(notes):  # def backward_flops(…): return …
        said.append({"id": "reading.note.label", "fields": {"label": function}})
    if name and entry.question.family is Family.COMPOSE:  # H_out = k_1 + k_2 - 1
        said.append({"id": "reading.note.label", "fields": {"label": name}})
    asked_id = entry.question.id
    if entry.question.shape is None:
        if name:
            said.append({"id": "reading.note.label", "fields": {"label": name}})
        for note in notes:
            unit = (
                note.get("fields", {}).get("unit", "")
                if note.get("id") in _COUNT_WORD_NOTES
                else ""
            )
            if unit:  # 次乘法: 乘法次数, as a lead-in says it (the word as written kept)
                label = unit[1:] + "次数" if unit.startswith("次") else unit
                said.append({"id": "reading.note.label", "fields": {"label": label, "after": unit}})
    else:  # a size's formula with a count's words after it (… + 1 multiplications, … biases)
        for note in notes:
            unit = note.get("fields", {}).get("unit", "") if note.get("id") == _UNIT_COUNT else ""
            if unit:
                raise _invalid("words_name_other", lead=unit, name=unit, question=asked_id)
    asked = entry.question
    operations = asked.shape is None and asked.id != "bias-size" and "memory" not in asked.id
    # a remark beside a factor says what it is a factor of (``2 × forward (memory)``)
    relative = bool(notes) and _relative_noted(notes)
    for note in said:
        fields = note.get("fields", {})
        if (
            note.get("id") in _SENTENCE_NOTES
            or (note.get("id") in _REMARK_NOTES and (asked.id in _FACTOR_QUESTIONS or relative))
            or "sentence" in fields
        ):
            # the words a factor was read from: what it is a factor of; a size's name
            # (only its kind: W2 may be the height's name on a square layer)
            lead = fields.get("sentence") or fields.get("remark") or ""
            other = _other_kind(asked, lead)
            if other is not None:
                raise _invalid("words_name_other", lead=lead, name=other, question=asked.id)
        elif note.get("id") in _LABEL_NOTES or (
            # a chain's side of words (``mem_new / mem_old = 4``): a label, but where
            # operations are counted (``parameters × output positions = …`` says why)
            note.get("id") == _SIDE_NOTE
            and (
                not (operations and asked.id not in _FACTOR_QUESTIONS)
                or fields.get("named")  # … = memory: a name after the formula (s15rev F13)
            )
        ):
            if fields.get("counting") and operations:
                continue  # MACs, FLOPs: a counting, judged by its convention
            # (a side's dots are code's attributes, no sentence's ends: conv.weight.numel())
            side = fields.get("side", "").replace(".", " ")
            lead = fields.get("text") or fields.get("label") or side
            other = _names_other(entry, lead)
        else:
            continue
        if other is not None:
            if fields.get("after"):  # a count word at the end, no word before (s15exam E4)
                raise _invalid(
                    "count_word_names_other", word=fields["after"], name=other, question=asked.id
                )
            raise _invalid("lead_names_other", lead=lead, name=other, question=asked.id)


SUMMED_NOTE = "reading.note.counts_summed"


def summed_terms_named(question: Question, notes) -> list[tuple[str, str, str]]:
    """The terms of a sum of counts each said with its word (the reader's
    ``counts_summed`` note among ``notes``, as :class:`Note` or as their dicts: ``…
    multiplications + … additions``), as ``(term, word, question id)`` triples, the id
    the question whose count the word names (:func:`named_count`), for a question of the
    same pass as ``question`` (the forward multiplications in a sum answering
    forward-ops; a backward sum's words name no count of its pass: none)."""
    pairs = (
        (n["id"], n["fields"]) if isinstance(n, dict) else (n.key, dict(n.fields)) for n in notes
    )
    terms = next((fields.get("terms", "") for key, fields in pairs if key == SUMMED_NOTE), "")
    found = []
    for line in terms.splitlines():
        term, word = line.split("\t")
        named = named_count(word)
        if named is not None and find_question(named).passes == question.passes:
            found.append((term, word, named))
    return found


def _summed_terms_named(
    entry: Entry, notes: list, symbolic: bool, notation: dict | None, infer: bool
) -> None:
    """Refused (``checker.reason.summed_term_other``) when a term of a sum of counts,
    each said with its word, is not the count its word names (each checked as an answer
    to that count's question, with the caller's ``symbolic``): ``c_o m_h m_w (c_i k_h
    k_w - 1) multiplications + c_o c_i k_h k_w m_h m_w additions`` sums to the right
    count with both words wrong (s15rev F5)."""
    for term, word, named in summed_terms_named(entry.question, notes):
        alone = check(named, term, symbolic=symbolic, notation=notation, infer=infer)
        if alone.verdict not in ("equivalent", "equivalent_under_convention"):
            raise _invalid("summed_term_other", term=term, word=word, question=named)


def _other_axis_named(entry: Entry, name: str, tree: ex.Node, notes: list) -> bool:
    """Whether ``name`` names the output size along the other axis than the one asked
    (:func:`_named_axis`, else its words' roles: ``输出宽度``, or the other axis alone:
    ``width``, ``cols``, the input's or the output's) before a formula ``tree``
    along the asked axis, and no words before it name the asked size beside it
    (``H_out and W_out = …``: one formula for both, :func:`_asked_among`); an output's
    size (``output_size``) names either axis."""
    shape = entry.question.shape
    if shape is None or shape.axis is None:
        return False
    axis = shape.axis
    if _SIZE_WORD().search(name) or not per_axis(tree, axis):
        return False
    named = _named_axis(name)
    # (the other axis's words alone, ``width``, ``cols``, ``幅``: the output's or the
    # input's, never the size asked; s12adv)
    named = _axis_of_words(name) if named is None else named
    if named != 1 - axis:
        return False
    said = (v for n in notes for k, v in n.get("fields", {}).items() if k in _WORDS_FIELDS)
    return not any(_asked_among(entry, f"{words} {name}") for words in said)


# the fields of a reading's notes that hold the words read away before a formula
_WORDS_FIELDS = frozenset({"prose", "text", "label", "sentence"})


def words_refusal(question_id: str, parsed: Parsed | None, unit: str = "") -> dict | None:
    """The refusal (``check``'s ``error``) a number right at a student's layer gets for
    the words said with it, as a right formula under them is refused
    (:func:`_lead_names_asked`): a name or words of another quantity (``m_w = 4``, ``the
    output width is 4``, ``padded height = 4``, ``1296 additions`` answering the
    multiplications), a name of the other axis's size (``W_out = 4``, ``width = 4``: a
    number is no formula along an axis, never a square layer's), or the size word
    ``unit`` after it naming the other axis (``4 columns`` answering output-height);
    None when they name what is asked, or nothing."""
    entry = catalogue_entry(question_id)
    name = parsed.name if parsed is not None else None
    try:
        shape = entry.question.shape
        # (a word after the number; the other axis's only where a size along one is asked)
        if unit and shape is not None and shape.axis is not None and _other_axis_word(entry, unit):
            raise _invalid(
                "unit_other_axis",
                unit=unit,
                count_axis=AXES[1 - shape.axis],
                asked_axis=AXES[shape.axis],
                question=question_id,
            )
        if name and not _SIZE_WORD().search(name) and _other_axis_word(entry, name):
            raise _invalid("lead_names_other", lead=name, name=name, question=question_id)
        if name and _named_axis(name) is not None and _other_axis_named_size(entry, name):
            raise _invalid("lead_names_other", lead=name, name=name, question=question_id)
        # the name before ``=`` (c_o = 4), or the words (output channels = 4)
        read = parsed.notes if parsed is not None else ()
        leads = [dict(n.fields)["text"] for n in read if n.key == _LEAD_IN]
        for label in (name, *(lead.rstrip("=:： ") for lead in leads)):
            if label:  # up to = 1296: judged as the same words before a formula
                from derivations.checking.reading.around import judge_label

                judge_label(label)
            if label:
                _label_judged(entry, label)
            if label and _symbol_named_other(entry, label):  # c_o = 4 answering the height
                raise _invalid("lead_names_other", lead=label, name=label, question=question_id)
            if label and shape is not None and _channels_alone(label):  # 通道数 = 4
                raise _invalid("lead_names_other", lead=label, name=label, question=question_id)
        if parsed is not None:
            notes = [{"id": note.key, "fields": dict(note.fields)} for note in parsed.notes]
            _lead_names_asked(entry, notes, name)
    except InvalidAnswer as error:
        return _error_of(error)
    return None


# a square layer's symbols of the kernel, the stride and the padding (one for both axes)
_SQUARE_NAMES = frozenset({"k", "s", "p"})


def _other_layer_named(name: str) -> bool:
    """Whether ``name``, the name a formula is assigned to, names a parameter of another
    layer than the convolution (:func:`.notations.other_parameter`: a batch norm's
    ``gamma``, ``running_mean``), which no question here asks."""
    from derivations.registry.notations import other_parameter

    return other_parameter(name) is not None


def _symbol_named_other(entry: Entry, name: str) -> bool:
    """Whether ``name``, the label of a number (``c_o = 4``, ``4 = c_o``), reads alone as
    one of the layer's symbols (``c_o``, ``C_out``, ``input channels``; ``height`` in
    words answering the height is the size asked) that is not the quantity asked: not
    the book's output size (:data:`_OUTPUT_NAMES`, judged by axis above) and not a right
    answer itself (``c_o`` answering bias-size is the count asked; answering
    output-height it names the output channels, s15exam E16)."""
    from derivations.checking.reading.parse import parse_answer

    try:
        named = parse_answer(name)
    except InvalidAnswer:
        return False
    from derivations.registry.symbols import BY_NAME

    tree = named.tree
    if not isinstance(tree, ex.Sym) or named.sides or named.parts:
        return False
    if tree.name not in BY_NAME:  # k, s: as the CLI's name before a formula is judged
        spelt = _spelt_symbol(entry, name)
        if spelt is None and tree.name in _SQUARE_NAMES and len(name.strip()) > 1:
            # kernel, stride, padding (a square layer's k, s, p, in words): the kernel's,
            # the stride's or the padding's name, never a count's nor an output size's
            return entry.question.family is not Family.COMPOSE
        shape = entry.question.shape
        asked = _LABEL_SYMBOLS.get(shape.value) if shape is not None else None
        return spelt is not None and spelt.name != asked
    if tree.name in _OUTPUT_NAMES:  # (MACs: a count's name)
        return False
    shape = entry.question.shape
    worded = any(dict(note.fields).get("source") == "words" for note in named.notes)
    if worded and shape is not None and tree.name == ("h", "w")[shape.axis or 0]:
        return False  # height = 4 answering output-height: the height asked, in words
    return outcome_of(entry, named) != ("right",)


def _error_of(error: InvalidAnswer, answer: str = "") -> dict:
    """A refusal as a result's ``error``: its reason, position, message id and fields; a
    refused lone letter said as ``answer`` writes it (``x``, which the reader holds as
    X: :func:`_as_written`), and then by what notations make of it as written (cuDNN's
    Q is no q)."""
    from derivations.messages import text as message
    from derivations.registry.notations import given_meanings

    fields = {k: str(v) for k, v in error.fields.items()}
    key, reason = error.key, error.reason
    letter = fields.get("letter", "")
    written = _as_written({"written": letter}, answer)["written"]
    if key in _LETTER_REFUSALS and written != letter:
        fields["letter"] = written
        if key == _NAMED_LETTER and not given_meanings(written):
            key = _UNMEANT_LETTER
        reason = message(key, "en", **said_fields(fields, "en"))
    return {"reason": reason, "position": error.position, "id": key, "fields": fields}


# refusals of a letter no reading matches: said named or unmeant by the letter as written
_NAMED_LETTER = "checker.reason.unknown_letter_named"
_UNMEANT_LETTER = "checker.reason.unknown_letter_unmeant"
_LETTER_REFUSALS = frozenset(
    {
        _NAMED_LETTER,
        _UNMEANT_LETTER,
        "checker.reason.unknown_letter",
        "checker.reason.unknown_letter_absent",
    }
)


def _other_axis_named_size(entry: Entry, name: str) -> bool:
    """Whether ``name`` reads as the output's size along the other axis than the one
    asked (``W_out``, ``out_w``: :func:`_named_axis`)."""
    shape = entry.question.shape
    return shape is not None and shape.axis is not None and _named_axis(name) == 1 - shape.axis


def _counting_dropped(notes: tuple) -> bool:
    """Whether a rewrite dropped a counting its words state (``总的FLOPS为:`` away)."""
    return any(dict(note.fields).get("dropped_counting") for note in notes)


ASKED_SIDE_NOTE = "reading.note.asked_side"


def _asked(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """``answer`` without the sides of its chain of equalities that name the size asked
    for (``… = 出力サイズ``, ``… = H_out`` answering output-height: a label written after
    the formula), and the note saying so; None when it has none."""
    shape = entry.question.shape
    if shape is None or shape.axis is None or "=" not in answer:
        return None
    sides = answer.split("=")
    if any(_STATEMENT_END().search(side) for side in sides[1:-1]):
        return None  # H_out = …; W_out = …: statements, each its own name's, no chain
    named = [
        i for i, side in enumerate(sides) if _named_axis(side.strip(_DELIMITERS)) == shape.axis
    ]
    if not named or len(named) == len(sides):
        return None
    note = Note(ASKED_SIDE_NOTE, (("name", sides[named[0]].strip(_DELIMITERS)),))
    kept: list[str] = []
    for index, side in enumerate(sides):
        if index not in named:
            kept.append(side.strip())
            continue
        # the math's delimiters around the name stay with the side next to it
        name = side.strip(_DELIMITERS)
        before, after = side.split(name, 1) if name else (side, "")
        if index == 0:
            sides[1] = before.strip() + sides[1]
        elif kept:
            kept[-1] += after.strip()
    return " = ".join(kept), note


_DELIMITERS = " \t\n$`"
# the end of a statement inside what would be a chain's side (``…; W_out``, ``…, W_out``)
_STATEMENT_END = lazy_pattern(r"[;；，\n]|,\s*[^\W\d][\w\s]*$")


ISLANDS_NOTE = "reading.note.islands"
# the notes that keep the words a factor was read from: a factor's sentence, a count
# relative to the forward pass
_SENTENCE_NOTES = frozenset({"reading.note.factor_sentence", "reading.note.relative"})
_REMARK_NOTES = frozenset(
    {"reading.note.remark", "reading.note.remark_after_comma", "reading.note.size_word"}
)
# (and a gloss closing the answer, naming what it gives: ``… （输出的高度）``)
_LABEL_NOTES = frozenset(
    {"reading.note.lead_in", "reading.note.label", "reading.note.gloss_answer"}
)
_SIDE_NOTE = "reading.note.side_skipped"
_CODE_NOTE = "reading.note.code"


def _functions_named(notes) -> list[str]:
    """The names of the functions whose heads (:func:`.reading.code.function_named`) the
    code notes (as dicts) hold, or a chain's side skipped (Kotlin's ``fun flops(…) =
    …``): each names what its ``return`` gives, as a label does."""
    found = []
    for note in notes:
        fields = note.get("fields", {})
        if note.get("id") == _CODE_NOTE:
            head = fields.get("text", "")
        elif note.get("id") == _SIDE_NOTE:
            head = fields.get("side", "")
        else:
            continue
        from derivations.checking.reading.code import function_named

        named = function_named(head)
        if named:
            found.append(named)
    return found


def _counting_around(parsed: Parsed) -> Parsed:
    """``parsed`` with the counting its function's name states (``def flops(…)``), or a
    side of its chain that gives the forward pass's count in words (``2 × forward FLOPs
    = …``: the formula after it claims to count FLOPs), where nothing else in it states
    one (:func:`.informal.countings_said`)."""
    if parsed.counting is not None or not parsed.notes:
        return parsed
    said = list(_functions_named(note.as_dict() for note in parsed.notes))
    said += [
        dict(note.fields)["side"]
        for note in parsed.notes
        if note.key == _SIDE_NOTE and _FORWARD_WORD().search(dict(note.fields)["side"])
    ]
    # a remark in brackets or after a comma naming the counting (``… (in MACs)``, ``…
    # (en FLOPs)``), as the word after the formula states it (s18wrong)
    said += [
        dict(note.fields).get("remark", "") for note in parsed.notes if note.key in _REMARK_NOTES
    ]
    stated = {countings_said(words).pop() for words in said if len(countings_said(words)) == 1}
    return replace(parsed, counting=stated.pop()) if len(stated) == 1 else parsed


LOOP_REFUSAL = "reading.loop"  # :func:`.reading.code._loop_refused`
# refusals no rewrite undoes: a layer applied again; both output sizes named with their
# axes swapped (a rewrite that reads the labels away would grade the asked axis's formula);
# an invisible break inside what is seen as one number, a rendered copy whose TeX and
# rendering differ (a rewrite reading a part of the answer would grade what is not seen)
AXES_SWAPPED = "checker.reason.axes_swapped"  # :func:`_not_swapped`
# a kernel layout named that no record holds, or two (:func:`.reading.code._named_layout`):
# the answer without its comment would read the index by another layout
KERNEL_LAYOUT = "reading.kernel_layout"
_DECISIVE = frozenset(
    {
        LOOP_REFUSAL,
        AXES_SWAPPED,
        GRADIENT_PARTS,
        KERNEL_LAYOUT,
        "reading.invisible_break",
        "reading.rendered_disagree",
    }
)


_OTHER_ROLES = frozenset({"input", "kernel", "padding", "stride", "channel", "dilation", "padded"})


def _named_as(entry: Entry, name: str) -> str | None:
    """What ``name`` names: ``"asked"``, what the question asks (the output's size along
    its axis: ``output height``, ``W2``, ``输出大小``; its count: ``MACs``, ``乘法次数``),
    ``"other"``, another quantity (the other axis's output size; another count:
    ``adds``; a name of the input, kernel, padding, stride or channels and not of the
    output: ``input size``, ``输入大小``), or None (``height``, ``altura``: the output's or
    the input's)."""
    name = name.strip(_DELIMITERS)
    shape = entry.question.shape
    if shape is not None and shape.axis is not None:
        # (an output's size, 출력 크기, names either axis: :func:`_names_other`)
        axis = None if _SIZE_WORD().search(name) else _named_axis(name)
        if axis is not None:
            return "asked" if axis == shape.axis else "other"
    elif name.lower() in entry.question.names or named_count(name) == entry.question.id:
        return "asked"
    elif named_count(name) is not None:
        return "other"
    return _named_by_role(entry, name)


def _named_by_role(entry: Entry, name: str, others: frozenset = _OTHER_ROLES) -> str | None:
    """What ``name`` names by the roles of its words (the parts record: ``input``,
    ``stride``, ``输入``, ``入力``), as :func:`_named_as` says it: ``"other"`` for a name of
    the input, kernel, padding, stride or channels and not of the output (of the output
    or the input and not the kernel where the composed kernel is asked), ``"asked"`` for
    the kernel where it is asked, else None."""
    roles = _roles(name)
    if entry.question.family is Family.COMPOSE:  # the kernel's size asked, not the output's
        if "kernel" in roles:
            return "asked"
        return "other" if roles & (others | {"output"}) else None
    if "output" not in roles and roles & others:
        return "other"
    return None


def _roles(name: str) -> set:
    """The parts record's roles of the words of ``name`` (None for a word it lacks)."""
    from derivations.checking.reading.names import run_parts
    from derivations.registry.notations import folded, label_phrases, name_parts

    parts = name_parts()
    lower = folded(name.lower())
    words = re.findall(r"[a-z]{2,}", lower)  # (no letter: $S$)
    roles = {parts.get(word) for word in words}
    # a word that joins parts (Eingabehöhe, iheight): its parts' roles
    roles |= {parts.get(p.lower()) for word in words if word not in parts for p in run_parts(word)}
    roles |= {role for word, role in parts.items() if not word.isascii() and word in lower}
    # a language's label of several words (đầu vào: the input), as whole words
    spaced = f" {' '.join(words)} "
    return roles | {role for phrase, role in label_phrases() if f" {phrase} " in spaced}


_LEAD_IN = "reading.note.lead_in"
# a word saying "each" (:data:`.languages.PER_WORDS`), as whole words
_PER = lazy_pattern(words_pattern(*PER_WORDS, before="[A-Za-z]", after="[A-Za-z]"), re.I)


# the roles of a layer's parameter's name (the parts record's): the kernel's only with a
# size or an axis (``filters`` alone is Keras' count of them, c_o)
_PARAMETER_ROLES = frozenset({"padding", "stride", "dilation"})
_KERNEL_EXTENT_ROLES = frozenset({"size", "height", "width"})


def _parameter_named(name: str, bias: bool = False) -> bool:
    """Whether the words of ``name`` name one of the layer's parameters and nothing a
    count is (``stride``, ``the padding``, ``kernel size``, ``步幅``, ``Schrittweite``,
    ``input channels``; not ``number of kernels``, ``filters``, ``kernel
    multiplications``): a label of a count or of the bias that names another quantity
    (s18wrong F2).  The output's channels are the bias count's (``bias``: one bias each),
    another quantity for any other count."""
    if re.search(r"[0-9]", name) or _PER().search(name):
        return False  # (stride 1: a condition, a layer said by its value; a rate)
    roles = _roles(name) - {None, "filler"}
    if "channel" in roles and roles <= {"channel", "input", "output", "count"}:
        return not (bias and "input" not in roles)
    if not roles or not roles <= _PARAMETER_ROLES | _KERNEL_EXTENT_ROLES | {"kernel"}:
        return False
    return bool(roles & _PARAMETER_ROLES) or (
        "kernel" in roles and bool(roles & _KERNEL_EXTENT_ROLES)
    )


def _channels_alone(name: str) -> bool:
    """Whether the words of ``name`` name channels and no size (``channels``, ``ch``,
    ``通道数``, ``number of channels``; not ``height of each output channel``), by the
    parts record's roles: the input's or the output's channels, never an output size;
    not channels said with a word of :data:`.languages.PER_WORDS` (``per channel``,
    ``每个通道``: the size of each channel's map)."""
    if _PER().search(name):
        return False
    return _roles(name) - {None, "filler", "count", "input", "output"} == {"channel"}


def reads_as_label(label: str) -> bool:
    """Whether the label data read ``label``, written before a number (``height 4``) or
    after it (``4 = m_h``), as a label: one of the book's symbols or an output size's
    name (``c_o``, ``m_h``, ``H_out``: judged after as a name), words of another script
    (``输出高度``: judged after by their roles), or English words each of which is a part
    of a name in the parts record (``output``, ``height``, ``channels``; a lone letter
    never: ``4 = k``), a word joining a name (:data:`.languages.NAME_FILLERS`: ``the``,
    ``is``) or a count's name or counting (``multiplications``, ``MACs``).  Any other
    word (``not``, ``maybe``, ``at least``, ``per``) makes no label."""
    from derivations.checking.reading.languages import NAME_FILLERS
    from derivations.registry.notations import name_parts
    from derivations.registry.symbols import BY_NAME

    label = label.strip()
    if label in BY_NAME or _named_axis(label) is not None or not label.isascii():
        return True
    words = label.split()
    parts, fillers = name_parts(), {w.lower() for w in NAME_FILLERS}
    return bool(words) and all(
        len(word) > 1
        and (
            word.lower() in parts
            or word.lower() in fillers
            or named_count(word) is not None
            or bool(countings_said(word))
        )
        for word in words
    )


# the roles whose names are another quantity than an output size (not the channels:
# ``the feature map height``, ``per channel``, ``height of each output channel``)
_NOT_A_SIZE = _OTHER_ROLES - {"channel"}


def _sentences(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """The sentences of an answer (:func:`.reading.islands.sentences`) that the reader
    reads alone, where the others it does not (a formula said in words after sentences
    that say none), one statement each (graded by :func:`_one_formula`: where they
    disagree, refused); None where none or every sentence reads, or where the others
    deny, state a counting or name a letter (:func:`.reading.islands.prose_blocks`)."""
    from derivations.checking.reading.code import holds_formula

    if not isinstance(answer, str):
        return None
    from derivations.checking.reading.islands import prose_blocks, sentences

    found = sentences(answer)
    if found is None:
        return None
    from derivations.checking.reading.second_look import rate_sentence

    read, said = [], []
    for sentence in found:
        rate = rate_sentence(sentence)  # a count said as a rate: the number it says
        for text_ in (sentence, rate[0] if rate else None):
            if text_ is None:
                continue
            try:
                _in_either_order(entry, text_, entry.question.id, None, True)
            except InvalidAnswer:
                continue
            read.append(text_)
            said.append(sentence)
            break
    prose = " ".join(s for s in found if s not in said)
    if not read or not prose or prose_blocks(prose, read) or holds_formula(prose):
        return None  # (a statement of code not read is no prose: never graded without it)
    if _conditioned_change(answer):
        return None  # ``if ceil_mode: oh += 1``: code changing the formula's value
    shown = prose if len(prose) <= 80 else prose[:77] + "..."
    return "; ".join(read), Note(ISLANDS_NOTE, (("prose", shown), ("count", str(len(read)))))


def _named_side(text_: str) -> str:
    """A named island's chain without its sides that are bare names (``W2 = … = H2``:
    the height named equal, a square layer's): its first side names what is asked."""
    sides = text_.split("=")
    if len(sides) < 3:
        return text_
    kept = [sides[0], *(side for side in sides[1:] if not re.fullmatch(r"\s*\w+\s*", side))]
    return "=".join(kept) if len(kept) > 1 else text_


# a statement of code changing a name in place (``oh += 1``, ``flops -= c``, ``n++``)
_CHANGED = lazy_pattern(r"[\w\])]\s*(?:\*\*|//|[-+*/])=(?!=)|[\w\]]\s*(?:\+\+|--)|(?:\+\+|--)\s*\w")


def _conditioned_change(answer: str) -> bool:
    """Whether ``answer`` is code that changes a name in place under a condition (``if
    ceil_mode: oh += 1``, ``if (mode == 1) flops += c;``): no prose around formulas, a
    branch of its value (never read away, as the islands read words)."""
    return "if" in answer and bool(_CHANGED().search(answer)) and bool(_IF_WORD().search(answer))


_IF_WORD = lazy_pattern(r"(?<![\w.])if\b")
# a number closing an island (``… be **4``): "times" after it makes a factor (4 times)
_NUMBER_END = lazy_pattern(r"\d(?:[\s*_]*)$")
_FACTOR_WORDS = ("times",)


def _islands(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """The formulas of an answer written as prose in any language (:mod:`.reading.islands`):
    of several, all but those named as another quantity of the layer (by the name before
    their ``=``, or by the prose before them: ``输入大小为 h*w``) and the conditions
    (``如果取 $p_h = k_h - 1$``, graded at every layer as a condition before a formula
    always is), one statement each
    (graded by :func:`_one_formula`: where they disagree, the answer is refused); the
    note says what prose was dropped.  None when the answer is
    no prose around formulas, or its prose denies them."""
    from derivations.checking.reading.around import bounded, bounded_after
    from derivations.checking.reading.code import calls_defined, holds_formula

    if not isinstance(answer, str):
        return None
    from derivations.checking.reading.informal import per_part
    from derivations.checking.reading.islands import formula_islands, lead_names, trail_names
    from derivations.checking.reading.spoken import (
        arithmetic_after,
        kind_words,
        separate_counts,
    )

    found = formula_islands(answer)
    if found is None:
        return None
    islands, prose, defined = found
    counts = separate_counts(answer)
    if counts:  # ``… multiplications and 0 additions``: never one of them graded (s14exam E27)
        raise _invalid("separate_counts", counts=", ".join(counts))
    if holds_formula(prose) or calls_defined(answer) or _conditioned_change(answer):
        # a formula or a statement of code the islands left out (one changing a name in
        # place under a condition: ``if ceil_mode: oh += 1``); a call
        return None

    def named(island) -> str | None:
        own = island.text.split("=", 1)[0] if "=" in island.text else None
        # its own name says what is asked (W2 = …); a letter before "=" is often the
        # author's for the result (h = …), so it never says "another quantity"
        said = [_named_as(entry, own)] if own else []
        said = [n for n in said if n == "asked"]
        said += [
            _named_as(entry, name)
            for name in reversed(lead_names(island.lead))
            if _names(name) and not _stated_under_condition(island.lead)
        ]
        said += [
            _named_as(entry, name) for name in reversed(trail_names(island.trail)) if _names(name)
        ]
        # the backward pass costs …; … (memory) (the last one's trail: the others' are
        # the next one's lead)
        around = (island.lead, island.trail) if island is islands[-1] else (island.lead,)
        if any(_other_kind(entry.question, words) for words in around):
            said.append("other")
        return next((n for n in said if n is not None), None)

    # those named as another quantity (输入大小为 h*w, the input's) are not graded; the
    # rest must agree
    chosen = [i for i in islands if named(i) != "other" and not i.condition]
    if not chosen or (len(chosen) > 1 and any(i.among_spans for i in chosen)):
        return None  # (among math spans a word apart: one island graded, or none)
    for island in chosen:  # ``less than c_o c_i …``: a bound, never the value (s15exam E11)
        if bounded(island.lead):
            raise refused("reading.lead_bounds", text=" ".join(island.lead.split()))
        if bounded_after(island.trail):
            raise refused("reading.trail_bounds", text=" ".join(island.trail.split()))
    for island in chosen:  # ``… / s_h rounded down, plus 1``: never graded without them
        said = arithmetic_after(island.trail)
        if said and not (_NUMBER_END().search(island.text) and said[0].lower() in _FACTOR_WORDS):
            raise _invalid("words_arithmetic", words=", ".join(said))  # (s12exam E23)
        iterated = _CODE_ITERATION().search(island.trail)
        if iterated is not None:  # ``… for _ in range(n)``: once an iteration (s18wrong)
            raise _invalid("words_arithmetic", words=iterated.group().strip())
    shown = prose if len(prose) <= 80 else prose[:77] + "..."
    product = _rate_product(entry, chosen, prose)
    if product is not None and not defined:
        # the count word of the sentence, judged as a count word after a formula is
        # (:func:`_lead_names_asked`: ``… needs c_i k_h k_w additions`` answering the
        # multiplications; s15rev F6)
        words = kind_words(prose)
        unit = (("unit", words[0]),) if words else ()
        return product, Note(RATE_PRODUCT_NOTE, (("prose", shown), *unit))
    text = "; ".join([*(_named_side(island.text) for island in chosen), *defined])
    if text.strip() == answer.strip():
        return None
    # the words of the one island graded, judged once its formula is right
    # (:func:`_lead_names_asked`: a wrong one stays not_equivalent; of several, each
    # size's formula is picked by its axis, as a formula's)
    clauses = _clauses_of(chosen[0], islands) if len(chosen) == 1 else ""
    fields = (("prose", shown), ("count", str(len(chosen))), (_CLAUSES, clauses))
    per = per_part(chosen[-1].trail)  # … per output channel: judged once it is right
    return text, Note(ISLANDS_NOTE, fields + ((("per", per),) if per else ()))


RATE_PRODUCT_NOTE = "reading.note.rate_product"
# the notes whose ``unit`` is a count word the answer said of its count: after a formula,
# in a rate sentence (``each of the … outputs needs … additions``)
_COUNT_WORD_NOTES = (_UNIT_COUNT, RATE_PRODUCT_NOTE)
# a rate between a count's two formulas in a sentence (``each of the … outputs needs …``,
# ``… per output element, times …``, ``每个需要``), as whole words
# (:data:`.languages.RATE_WORDS`)
_RATE = lazy_pattern(words_pattern(*RATE_WORDS, before="[A-Za-z]", after="[A-Za-z]"), re.I)


def _rate_product(entry: Entry, chosen: list, prose: str) -> str | None:
    """The product of the two formulas of a sentence that gives a count as a rate, one
    formula per element and the other the number of elements (``each of the c_o m_h m_w
    outputs needs c_i k_h k_w multiplications``, ``c_o m_h m_w 个输出，每个需要 c_i k_h k_w
    次乘法``: graded by one of them alone, a right count was "c_i k_h k_w times too small",
    s14exam E27), for a question asking a count; None where the prose says no rate
    (:data:`_RATE`), says another operation than the one ``times`` the product is, or
    either formula alone is right (the other then a remark, judged as two formulas are)."""
    from derivations.checking.reading.parse import parse_answer

    if len(chosen) != 2 or not entry.question.counts or not _RATE().search(prose):
        return None
    if [w.lower() for w in multiplier_words().findall(prose)] not in ([], ["times"]):
        return None
    texts = [_named_side(island.text) for island in chosen]
    for text_ in texts:
        try:
            alone = outcome_of(entry, _named_in(entry, parse_answer(text_)))
        except InvalidAnswer:
            return None
        if alone == ("right",):
            return None
    return " * ".join(f"({text_})" for text_ in texts)


_CLAUSE_MARK = lazy_pattern(r"[.;!?,，。；！？、\n]")
_TRAIL_OPEN = " \t—–-:：,，"
_CLAUSES = "clauses"  # the islands note's field: the graded islands' own clauses
# the notes of words beside a formula, judged by what they name (:func:`_clause_names_other`)
_BESIDE = {
    "reading.note.islands": _CLAUSES,
    "reading.note.comment": "text",
    "reading.note.remark": "remark",
    "reading.note.remark_after_comma": "remark",
    "reading.note.size_word": "remark",
}
_COMMENT_MARKS = " \t#/%;-*"


def _clauses_of(island, islands: list) -> str:
    """The words of an island's own clause, its parts apart (``\\t``): the last clause of
    the prose before it and the first clause of the prose after it if it is the last
    island (the others' trails are the next island's leads); none for an island that
    names itself (``the output width and height= …``, ``…, output width = …``, ``the
    height as m = … and moves on to the width``: its name is judged as a formula's)."""
    if "=" in island.text:
        return ""
    parts = [_CLAUSE_MARK().split(island.lead)[-1]]
    if island is islands[-1]:
        # (an abbreviation's dots end no clause: ``…, i.e. the input height``)
        trail = _ABBREVIATION().sub(_dots_kept, island.trail.lstrip(_TRAIL_OPEN))
        parts.append(_CLAUSE_MARK().split(trail)[0].replace(_KEPT_DOT, "."))
    return "\t".join(part.strip() for part in parts)


_ABBREVIATION = lazy_pattern(r"(?<![A-Za-z])(?:i\.\s?e|e\.\s?g|viz|cf)\.", re.I)
_KEPT_DOT = "\u2024"  # (one dot leader: a dot no clause mark splits at)


def _dots_kept(match: re.Match) -> str:
    return match.group().replace(".", _KEPT_DOT)


_COMMENT_NOTE = "reading.note.comment"
# words that open a name put beside a formula as what it is (``…, which is the stride``,
# ``…，即卷积核的高度``), and the article before the name
_APPOSED_OPENERS = (
    *("which is", "that is", "i.e.", "ie", "namely", "i.e", "the"),
    *("也就是", "即为", "即", "为", "是"),
)
# the words of a name in a remark besides the parts record's (:func:`_bare_name`): the
# kinds of quantity a count is not (:func:`_other_kind`)
_KIND_WORDS = (_WEIGHT_WORD, _PARAMETER_WORD, _MEMORY_WORD, _HELD_WORD, _BIAS_WORD)
_ASCII_WORD = lazy_pattern(r"[^\W\d_]+")
_NAME_FILLERS = frozenset({"the", "of"})
# the roles of a name of one quantity of the layer, beside an axis's or a size's words
_OBJECT_ROLES = frozenset(
    {"kernel", "padding", "stride", "input", "padded", "dilation", "group", "channel", "count"}
    | {"output"}
)


def _bare_name(words: str) -> str | None:
    """``words`` (one part of a remark or a clause beside a formula) as a name alone,
    its opening words away (:data:`_APPOSED_OPENERS`: ``which is the stride`` → ``stride``):
    every word a part of the parts record's (``height of the kernel``, ``卷积核的高度``) or
    a kind of quantity's (:data:`_KIND_WORDS`: ``the weights``, ``参数量``), and nothing
    that gives or describes (no number, letter or symbol of the layer: ``where k_h is the
    kernel height``; no other word: ``per side padding``, ``total padding``, ``in the
    end``); None otherwise."""
    from derivations.checking.reading.around import holds_symbol
    from derivations.registry.notations import name_parts

    text = words.strip(" \t,，.。;；:：()（）").lower()
    opened = True
    while opened and text:
        opened = False
        for word in _APPOSED_OPENERS:
            if text.startswith(word + " " if word.isascii() else word):
                text, opened = text[len(word) :].strip(), True
    if not text or len(text) > 40 or re.search(r"\d", text) or holds_symbol(text):
        return None
    parts = name_parts()
    if text.isascii():
        found = [w for w in _ASCII_WORD().findall(text) if w not in _NAME_FILLERS]
        if len(found) > 3 or _LONE_LETTER().search(text):
            return None
        # (a part of two letters, ``in``, ``no``, is a word of a sentence here: ``in the end``)
        known = all((w in parts and len(w) > 2) or _kind_word(w) for w in found)
        return text if found and known else None
    # (a script without spaces: what its parts and kind words leave must be nothing)
    rest = text
    for kind in _KIND_WORDS:  # (参数 before the parts record's 数)
        rest = kind().sub("", rest)
    rest = _other_script_parts().sub("", rest)
    return text if not re.sub(r"[的之量数\s]", "", rest) else None


@cache
def _other_script_parts() -> re.Pattern:
    """The parts record's words of scripts other than ASCII, longest first (高度 before 高)."""
    from derivations.registry.notations import name_parts

    words = sorted((w for w in name_parts() if not w.isascii()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def _kind_word(word: str) -> bool:
    return any(kind().fullmatch(word) or kind().match(word) for kind in _KIND_WORDS)


def _apposed_other(entry: Entry, clause: str) -> str | None:
    """The name (:func:`_bare_name`) a remark or a clause beside a right formula puts
    by it as what the whole answer is (``…, the height of the kernel``, ``…（卷积核的高度）``,
    ``…, which is the stride``, ``… (the weights)`` after a count), where it names another
    quantity than the one asked: a quantity of the layer its words read as by their parts
    (:func:`.names.phrase`) other than the one asked (any output size is left to the axis
    rules; the kernel's where the composed kernel is asked, the output channels where the
    biases are counted), else another quantity as a lead-in naming it would
    (:func:`_names_other`); None otherwise.  A remark that names what a symbol of the
    answer is gives its symbol or a number (``c_o the number of output channels``, ``where
    k_h is the kernel height``: no name alone), and words of a name that describe the
    formula (``per side padding``) are no name alone."""
    from derivations.checking.reading.names import compose, phrase, segmented

    shape, compose_asked = entry.question.shape, entry.question.family is Family.COMPOSE
    for part in clause.split("\t"):
        name = _bare_name(part)
        if name is None:
            continue
        if name.isascii():
            words = [w for w in _ASCII_WORD().findall(name) if w not in _NAME_FILLERS]
        else:
            words = segmented(re.sub(r"\s", "", name)) or []
        read = None
        if len(words) > 1:
            composed = phrase(words, 1)
            read = composed.read if composed is not None else None
        elif words:
            composed = compose(words[0])
            read = composed.read if composed is not None else None
        if not _roles(name) & _OBJECT_ROLES:
            read = None  # an axis or a size alone (``Высота: …``): the axis rules'
        if read in _OUTPUT_NAMES and shape is not None and not compose_asked:
            continue  # an output's size answering one: the axis rules' (_other_axis_word)
        if read is not None and read not in _asked_symbols(entry):
            return name
        if read is None and (other := _names_other(entry, name)) is not None:
            return other
    return None


def _asked_symbols(entry: Entry) -> frozenset[str]:
    """The quantities of the layer whose names a remark may give a right answer by: the
    kernel's sizes where the composed kernel is asked, the output channels where the
    biases are counted (one a filter)."""
    if entry.question.family is Family.COMPOSE:
        return frozenset({"k", "k_h", "k_w"})
    return frozenset({"c_o"} if entry.question.id == "bias-size" else ())


def _states_a_parameter(clause: str) -> bool:
    """Whether a remark's words state one parameter's value (``stride 1``, ``步幅为 1``:
    :func:`.informal.parameter_value`)."""
    from derivations.checking.reading.informal import parameter_value

    return parameter_value(clause)


def _clause_names_other(entry: Entry, clause: str) -> str | None:
    """The words of an island's clause (:func:`_clauses_of`) that name another quantity
    than the one asked, where they name neither the one asked nor say it is worked out
    alike (:data:`.languages.LIKEWISE`: ``… and similarly for the width``; a part of the
    clause that says so is set aside, the other still judged: ``the width of the output
    is …, the same as the height`` answering output-height names the width; s12adv): the other
    axis's word (:func:`_other_axis_word`: ``so the width becomes``, ``… — ширина
    выхода``; not ``the height as m = … and moves on to the width``), another count of
    operations by its name, not the asked one's (``… additions in total``, ``… — число
    умножений`` answering the multiplications; not a counting, MACs, nor the words beside
    a count of several kinds: forward-ops' mults and adds), or the other pass
    or another part (:func:`_other_pass_or_part`: ``the forward pass takes …`` answering
    backward-ops); else None.  (The input's or the stride's words are not read so: ``…,
    这里默认步长为1`` gives a condition, ``an n x n image gives …`` the input.)"""
    from derivations.checking.reading.around import lead_names
    from derivations.checking.reading.languages import LIKEWISE

    parts = [p for p in clause.split("\t") if not any(w in p.lower() for w in LIKEWISE)]
    words = " ".join(parts).strip()
    if not words:
        return None
    asked = entry.question
    said = next((o for part in parts if (o := _of_another(entry, part))), None)
    if said is not None:  # …，对于填充后的输入
        return said
    if _other_axis_word(entry, words):
        return next((w for w in words.split() if _other_axis_word(entry, w)), words)
    # (a count of one kind, named so: not a sum's, whose words name its parts' counts,
    # ``# mult = …, # adds = …`` beside forward-ops' formula)
    if asked.shape is None and asked.names:
        names = []
        for part in parts:
            heads = part.split()[:3]
            names += [*lead_names(part), *(" ".join(heads[:n]) for n in range(1, len(heads) + 1))]
        counted = {
            name.strip(_DELIMITERS): named_count(name.strip(_DELIMITERS))
            for name in names
            if not countings_said(name)
        }
        if asked.id not in counted.values():
            found = [name for name, count in counted.items() if count is not None]
            if found:
                return min(found, key=len)
        # (each item of a list of count names too: ``加法和乘法``)
        items = [i.strip() for part in parts for i in _LIST_JOIN().split(part) if i.strip()]
        counted |= {item: named_count(item) for item in items if not countings_said(item)}
        kinds = {count for count in counted.values() if count is not None}
        if asked.id in kinds and len(kinds) > 1 and not _negated(words):
            # the asked count named with another (``(additions and multiplications)``
            # answering the multiplications): their sum's words (s18wrong)
            return min((n for n, c in counted.items() if c not in (None, asked.id)), key=len)
    if asked.passes == "forward" and _gradient_named(words) is not None:
        return words  # … (dX), … (weight gradient): a backward pass's quantity (s18wrong)
    if (
        asked.passes == "forward"
        and _BACKWARD_PASS().search(words)
        and not _FORWARD_WORD().search(words)
    ):
        # the backward pass named beside a forward count (``(backward pass)``, ``（反向传播）``)
        return _last_name(words)
    return next((o for part in parts if (o := _other_pass_or_part(asked, part))), None)


# what joins the items of a list of names (the and of SPOKEN's languages, a comma, a plus)
_LIST_JOIN = lazy_pattern(
    words_pattern(
        *(w for ops in SPOKEN.values() for w in ops.get("and", ())),
        *("und", "y", "e"),
        before=r"\w",
        after=r"\w",
    )
    + r"|[,，+＋]",
    re.I,
)


# code's iteration after a formula (``… for _ in range(n)``, ``… for b in batch``): the
# formula made once an iteration
_CODE_ITERATION = lazy_pattern(r"^\s*for\s+\(?\w+(?:\s*,\s*\w+)*\)?\s+in\s+[^\n]*")


def _negated(words: str) -> bool:
    """Whether ``words`` hold a negation (:data:`.languages.NEGATIONS`: ``(no additions)``)."""
    from derivations.checking.reading.informal import negation_word

    return negation_word(words)


# the roles of words that name a size and nothing else (the parts record's)
_SIZE_ONLY_ROLES = frozenset({"height", "width", "size", "dim", "filler", None})


def _size_named_other(entry: Entry, words: str) -> bool:
    """Whether ``words`` (a remark beside a formula) name only a size of a tensor that is
    not the one asked, by the parts record's roles: the input's size answering an output
    size (``input width``, ``Eingabebreite``, ``largeur d'entrée``), the output's size
    answering the composed kernel's (``output size``, ``taille de sortie``); never words
    with a letter or a number (``input h``: a condition, a gloss)."""
    if re.search(r"[0-9]", words) or _LONE_LETTER().search(words):
        return False
    roles = _roles(words)
    if not roles & {"height", "width", "size", "dim"}:
        return False  # (für eine quadratische Eingabe: a condition on the input, no size)
    if entry.question.family is Family.COMPOSE:
        return "output" in roles and roles <= _SIZE_ONLY_ROLES | {"output"}
    if entry.question.shape is None:
        return False
    return "input" in roles and roles <= _SIZE_ONLY_ROLES | {"input"}


def _of_another(entry: Entry, words: str) -> str | None:
    """The quantity ``words`` (a clause after a formula) say the formula is of, where it
    is another than the one asked: the input, padded or not (``for the padded input``,
    ``对于填充后的输入``: a word of :data:`.languages.OF_TENSOR` first, then words whose
    roles name the input and not the output), or what a lead-in naming it would name
    (:func:`_names_other`: ``for the kernel``, ``for the stride`` after a size; ``for the
    memory`` after a count): a formula said so is another quantity's, refused (s12adv:
    ``… for the padded input``, s13rev: ``… for the kernel`` were dropped as conditions
    and accepted); None for a condition on the layer (``for a square input``: an
    indefinite article; ``for stride 1``, ``for an input of height h``: a number, a
    letter) and other words."""
    from derivations.checking.reading.around import holds_symbol
    from derivations.checking.reading.languages import OF_TENSOR

    opens, indefinite = OF_TENSOR
    said = words.strip(" \t,，.。;；")
    lower = said.lower()
    word = next((w for w in opens if lower.startswith(w + " " if w.isascii() else w)), None)
    if word is None:
        return None
    rest = lower[len(word) :].strip()
    if re.search(r"\d", rest) or any(
        rest.startswith(a + " " if a.isascii() else a) for a in indefinite
    ):
        return None
    if _LONE_LETTER().search(rest) or holds_symbol(rest):
        return None
    roles = _roles(rest)
    of_input = bool(roles & {"input", "padded"}) and "output" not in roles
    if of_input:
        return said[len(word) :].strip()
    return _names_other(entry, said[len(word) :].strip())


def _stated_under_condition(lead: str) -> bool:
    """Whether the words before an island state its value under a condition on a
    parameter (``; for a 3x3 kernel that is``, ``当 k = 3 时为``): the last clause opens
    with a condition's word (:data:`.languages.CONDITIONS`) and ends in a copula; then the
    parameter it names is the condition's, never the island's quantity (s9adv: ``…; for a
    3x3 kernel that is 3 c_o c_i m_h m_w`` had its wrong second formula dropped as the
    kernel's)."""
    from derivations.checking.reading.around import copulas
    from derivations.checking.reading.languages import CONDITIONS

    clause = _CLAUSE_MARK().split(lead.rstrip(" :：=,，"))[-1].strip().lower()
    opens = any(
        clause.startswith(word + " ") if word.isascii() else clause.startswith(word)
        for word in CONDITIONS
    )
    return opens and any(clause.endswith(copula) for copula in copulas())


def _names(words: str) -> bool:
    """Whether words before or after an island may name it: not when they end in a number
    (``with stride 1``, ``padding 0``: a value the layer is given, a condition, never the
    name of the formula beside it; s9adv: ``…, or with stride 1, $h - k_h + p_h$`` had its
    wrong second formula dropped as the stride's)."""
    return not words.rstrip(" ,，:：").endswith(tuple("0123456789"))


def _recursion(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """For the kernels' composition, a receptive field's step (``r_out = r_in + (k - 1)
    * j_in``) run over the question's two layers (:mod:`.reading.recursion`), or None."""
    if entry.question.family is not Family.COMPOSE or not isinstance(answer, str):
        return None
    from derivations.checking.reading.recursion import unrolled

    return unrolled(answer)


def _strides_placed(entry: Entry, answer: str) -> None:
    """For the kernels' composition, refused (``checker.reason.stride_misplaced``) when
    the accepted answer's step over a layer's index, which names a stride, gives another
    field than the layers' at strides other than the question's 1
    in either direction (:func:`.reading.recursion.strided`: ``RF_{l+1} = RF_l + (k_{l+1} - 1) s_{l+1}``,
    the layer's own stride where the strides before it act; Distill's step without its
    ``- s_2``, ``r_1 = s_2 r_2 + (k_2 - 1)``: s16rev F6, accepted as every stride put in
    as 1), compared at a few kernels' sizes."""
    if entry.question.family is not Family.COMPOSE or not isinstance(answer, str):
        return
    from derivations.checking.reading.indexed import KERNELS
    from derivations.checking.reading.parse import parse_answer
    from derivations.checking.reading.recursion import STRIDED, strided

    run = strided(answer)
    if run is None:
        return
    values, truth, written = run
    try:
        wanted = compile_node(parse_answer(truth).tree)
        given = [compile_node(parse_answer(value).tree) for value in values]
    except InvalidAnswer:
        return
    first, second = KERNELS
    layers = [{first: k_1, second: k_2} for k_1, k_2 in ((3, 5), (2, 7), (4, 4))]
    if not any(all(run(layer) == wanted(layer) for layer in layers) for run in given):
        raise _invalid("stride_misplaced", step=written, strides=", ".join(STRIDED))


def _not_run(entry: Entry, answer: str) -> None:
    """For the kernels' composition, a receptive field's sum or step that no reading ran
    over the question's two layers refused in one line naming its part that does not
    (:func:`.reading.recursion.not_run`: ``k_0``, ``\\sum_{i=1}^{M}``, the step)."""
    if entry.question.family is not Family.COMPOSE or not isinstance(answer, str):
        return
    from derivations.checking.reading.indexed import question_stride
    from derivations.checking.reading.recursion import not_run

    part = not_run(answer)
    if part is not None:
        raise _invalid("not_unrolled", part=part, stride=question_stride())


SIZES_NOTE = "reading.note.shape_sizes"
# (the two spatial sizes, the others) of a shape of four (NCHW, the composed kernel's
# (c_o, c_i, k, k); NHWC) or three sizes (NCHW one channel or example left out, CHW, NHW;
# HWC)
_LAYOUTS = {
    4: (((2, 3), (0, 1)), ((0, 1), (2, 3)), ((1, 2), (0, 3))),
    3: (((1, 2), (0,)), ((0, 1), (2,))),
}
_PER_AXIS = frozenset(
    ("h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w", "k", "s", "p", "k_1", "k_2")
)
_COMPUTED = lazy_pattern(r"[-+*/]")
_SHAPE_LEAD = lazy_pattern(r"^[\w\s'’,.:=`]*?(?:torch\s*\.\s*Size\s*\(\s*)?$", re.I)


def _entry_symbols(text_: str) -> frozenset | None:
    from derivations.checking.reading.parse import parse_answer

    try:
        return parse_answer(text_).symbols
    except InvalidAnswer:
        return None


def _four_sizes(entry: Entry, answer: str) -> tuple[str, Note] | None:
    """A 4-entry shape ending the answer (``(c_o, c_i, k_1 + k_2 - 1, k_1 + k_2 - 1)``,
    ``torch.Size([n, c_o, m_h, m_w])``) answering a question that asks one size of a
    2-D shape: rewritten as the pair of its two spatial sizes, by its layout: the two
    entries in the question's symbols where the other two are not (the composed
    kernel's channels), else (N, C, H, W)'s last two or (N, H, W, C)'s middle two where
    those alone are sizes along the axes, or where those alone are computed (``(N, F,
    1 + (H + 2 * P - HH) / S, …)``: F the filters' count); None otherwise."""
    from derivations.checking.reading.answer import _closing_bracket, _entries
    from derivations.checking.reading.code import unwrapped

    if entry.question.shape is None:
        return None
    answer = unwrapped(answer)
    bracket = _closing_bracket(answer)
    if bracket is None or not _SHAPE_LEAD().match(answer[: bracket[0]]):
        return None
    entries = _entries(answer, bracket[0] + 1, bracket[1])
    if len(entries) == 1 and entries[0][0].strip()[:1] in "([":  # torch.Size([...])
        inner = entries[0][0].strip()
        start = answer.index(inner, entries[0][1])
        entries = _entries(answer, start + 1, start + len(inner) - 1)
    if len(entries) not in (3, 4):
        return None
    read = [symbols for part, _ in entries if (symbols := _entry_symbols(part)) is not None]
    if len(read) != len(entries):
        return None
    allowed = symbols_allowed(entry)
    inside = [symbols <= allowed for symbols in read]
    along = [bool(symbols & _PER_AXIS) for symbols in read]
    # a size computed (an operator in it) beside names alone: CS231n's (N, F, H', W'),
    # F its filters' count, not the kernel's size F is as a letter of a formula
    computed = [bool(_COMPUTED().search(part)) for part, _ in entries]
    layouts = _LAYOUTS[len(entries)]
    for pair, other in layouts:
        if all(inside[i] for i in pair) and not any(inside[i] for i in other):
            break
        if all(inside) and all(along[i] for i in pair) and not any(along[i] for i in other):
            break
        if all(along[i] and computed[i] for i in pair) and not any(computed[i] for i in other):
            break
    else:
        return None
    sizes = ", ".join(entries[i][0].strip() for i in pair)
    written = answer[bracket[0] : bracket[1] + 1]
    return f"({sizes})", Note(SIZES_NOTE, (("shape", written),))


def _sides_checked(entry: Entry, read: tuple, answer: str) -> tuple:
    """(reading, parsed, readings, (a label's note, the chain's note)) of ``read``
    (:func:`_check_symbols`, :func:`_check_sides`)."""
    reading, parsed, inferred = read
    label = _check_symbols(entry, parsed, answer)
    return reading, parsed, inferred, (label, _check_sides(entry, parsed, answer))


def _in_order(entry: Entry, answer: str, question_id: str, notation, infer: bool):
    """The answer's statements run in order, read (:func:`.second_look.in_order_first`:
    only for code that changes a name in place, or whose branches give a formula a path:
    their refusal is the answer's), or None."""
    from derivations.checking.reading.second_look import in_order_first

    ordered = in_order_first(answer)
    if ordered is None:
        return None
    text_, notes = ordered
    try:
        read = _in_either_order(entry, text_, question_id, notation, infer)
        reading, parsed, inferred, checked = _sides_checked(entry, read, text_)
    except InvalidAnswer as refusal:
        branches = next((note for note in notes if note.key == BRANCHES_NOTE), None)
        if branches is None:
            return None
        if refusal.key == "checker.reason.parts_disagree":  # if … else …: which is it?
            raise _invalid("branches_disagree", **dict(branches.fields)) from None
        raise  # a path reads as no formula: the answer's refusal
    branches = next((note for note in notes if note.key == BRANCHES_NOTE), None)
    if branches is not None:
        _paths_agree(entry, answer, question_id, notation, infer, branches)
    # a size padded once before the formula (h = h + p_h): how the answer counts its
    # padding, judged with the formula (:func:`_sides_doubled`)
    padded = tuple(note for note in notes if dict(note.fields).get("padded"))
    parsed = replace(parsed, notes=(*parsed.notes, *padded)) if padded else parsed
    return _noted(reading, parsed, notes), parsed, inferred, checked


def _paths_agree(entry: Entry, answer: str, question_id: str, notation, infer: bool, branches):
    """Refuse (``branches_disagree``) an answer with a path through its branches whose
    formula, read alone, is right and another whose formula is wrong: every path's
    formula is the answer's, also one the reading of several formulas would set aside
    as answering another quantity (``else: mults = m_h*m_w``)."""
    from derivations.checking.reading.branches import path_formulas

    found = path_formulas(answer)
    if found is None or len(found[1]) < 2:
        return
    name, formulas = found[0], found[1]
    right = []
    for formula in formulas:
        text_ = (f"{name} = " if name else "") + formula
        parsed = _in_either_order(entry, text_, question_id, notation, infer)[1]
        right.append(outcome_of(entry, _named_in(entry, parsed)) == ("right",))
    if any(right) and not all(right):
        raise _invalid("branches_disagree", **dict(branches.fields))


def _noted(reading, parsed: Parsed, notes: tuple):
    """``reading`` (of ``parsed``) with ``notes`` first among its notes."""
    if not notes:
        return reading
    return replace(reading, notes=(*notes, *reading.notes))


def _clear(result: Result) -> None:
    result.assumptions, result.misconception, result.counterexample = [], None, None
    result.alternatives, result.notes, result.difference, result.proof = [], [], None, None
    result.diagnosis, result.misconception_assumptions, result.order = [], [], None


def _short(error: BaseException) -> str:
    first = (str(error).splitlines() or [""])[0]
    first = first if len(first) <= 80 else first[:77] + "..."
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def increase_said(notes) -> dict | None:
    """The fields of a factor said ``增加 N 倍`` (:data:`.informal.INCREASE_NOTE`: its
    ``words``, N as ``value``, N + 1 as ``more``), read as N, or None."""
    return next((dict(note.fields) for note in notes if note.key == INCREASE_NOTE), None)


def increase_refusal(said: dict) -> dict:
    """The refusal (a result's ``error``) of the factor :func:`increase_said` found,
    where its two readings give different verdicts."""
    return _error_of(_invalid("increase_ambiguous", **said))


def _increase_read_both_ways(entry: Entry, parsed: Parsed, result: Result) -> None:
    """Refuses a factor said ``增加 N 倍`` (N times the original, or N + 1 times, the
    normative reading: :func:`increase_said`) where the two readings give different
    verdicts, naming the words (s13exam E9: ``增加了 3 倍`` was graded wrong as 3 though
    it means 4 to many readers); where they agree, the verdict stands.  ``grade
    --variants`` asks the same of a number at a layer (:func:`increase_refusal`)."""
    said = increase_said(parsed.notes)
    if said is None:
        return
    other = Result(entry.question.id, result.answer, "invalid_input")
    read = _counting_around(parsed.with_tree(ex.num(Fraction(said["more"])), sides=()))
    if _judge(entry, read, other, False, _Work()).verdict != result.verdict:
        raise _invalid("increase_ambiguous", **said)


def check(
    question_id: str,
    answer: str,
    *,
    symbolic: bool = True,
    notation: dict | None = None,
    infer: bool = True,
) -> Result:
    """Check one answer to one question.  An unknown question is a DerivationError (a
    usage error); anything that goes wrong inside is the verdict ``error``.

    ``notation``: a course's own letters (``{"F": "k"}``: F reads as k); ``infer``:
    whether letters no notation names are inferred by role (:mod:`.notation`).

    The letters the answer defines in its own words, anywhere in it (``设 N 表示输入通道数，…，
    则计算量为 …``, ``… . Here N is …``), are bound first (:mod:`.reading.glossary`): the
    answer with its glossary taken out and said after its formula is checked, each
    binding said in a note; definitions that disagree are refused, naming the letter.
    Definitions after the formula in its own sentence (``…, where F is the filter size``)
    are read as before, the glossary's reading given where that one refuses the answer,
    or accepts it and the glossary's reading is wrong."""
    find_question(question_id)
    return _defined(question_id, answer, symbolic, notation, infer)


def _defined(question_id: str, answer, symbolic: bool, notation, infer: bool) -> Result:
    """:func:`check` of ``answer`` with its own glossary bound (see there)."""
    from derivations.checking.reading.glossary import glossary

    try:
        found = glossary(answer)
    except InvalidAnswer as error:
        refused_result = Result(question_id, answer, "invalid_input")
        refused_result.error = _error_of(error, answer)
        return refused_result
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:  # a fault of the glossary's own: the answer read as written
        found = None
    if found is None:
        return _checked(question_id, answer, symbolic, notation, infer)
    first = None
    if found.trailing:  # read as before; the glossary where that refuses or accepts it
        first = _checked(question_id, answer, symbolic, notation, infer)
        if first.verdict not in _ACCEPTED and first.verdict != "invalid_input":
            return first
    result = _checked(question_id, found.text, symbolic, notation, infer)
    if (
        first is not None
        and first.verdict in _ACCEPTED
        and result.verdict != "not_equivalent"
        and not _contradicted(first, found)
    ):
        return first  # a definition that makes it wrong makes it wrong; else as before
    if result.verdict in ("invalid_input", "error"):
        before = first or _checked(question_id, answer, symbolic, notation, infer)
        if before.verdict == "invalid_input" and found.guessed:
            return _unread(question_id, answer, found)  # what it refuses is those words
        if before.verdict not in _ACCEPTED or result.verdict == "error":
            return before  # (an answer its words define is never accepted without them)
    elif result.verdict in _ACCEPTED and found.guessed:
        # a letter its words define was read by its role: never accepted so
        before = first or _checked(question_id, answer, symbolic, notation, infer)
        return before if before.verdict in _ACCEPTED else _unread(question_id, answer, found)
    elif result.verdict == "not_equivalent" and found.prose and first is None:
        # other words left beside the formula: a refusal of the answer as written stands
        # (those words may say what the formula is not: ``the second term is …``)
        before = _checked(question_id, answer, symbolic, notation, infer)
        if before.verdict == "invalid_input":
            return before
    result.answer = answer
    if result.parsed is not None:
        result.parsed["notes"] = [found.note.as_dict(), *result.parsed.get("notes", [])]
    return result


def _contradicted(first: Result, found) -> bool:
    """Whether the reading of the answer as written (``first``) read a letter the answer
    defines in its own words as another quantity than those words name (``(A - k_h +
    p_h)/s_h + 1, where A is the output height``: A inferred as h): never accepted so."""
    readings = (first.parsed or {}).get("readings") or []
    bound = {b.letter: str(b.read) for b in found.bindings if b.read}
    return any(r.get("written") in bound and r.get("read") != bound[r["written"]] for r in readings)


def _unread(question_id: str, answer: str, found) -> Result:
    """The refusal of ``answer`` whose glossary defines a letter of its formula in words
    that read as no quantity (``reading.defined_unread``, naming them)."""
    refused_result = Result(question_id, answer, "invalid_input")
    refused_result.error = _error_of(
        refuse("defined_unread", letters=found.unread_letters, words=found.unread_words)
    )
    return refused_result


def _checked(
    question_id: str, answer, symbolic: bool, notation: dict | None, infer: bool
) -> Result:
    """:func:`check` of ``answer`` as written."""
    result = Result(question_id, answer, "invalid_input")
    work = _Work()
    try:
        if isinstance(answer, str):  # its length first: every reading's patterns run on it
            refuse_too_long(answer)
        entry = catalogue_entry(question_id)
        result.reference = _reference(entry)
        with time_budget(TIME_BUDGET) as token:
            try:
                reading, parsed, inferred, (label, chain) = _second_look(
                    entry, answer, question_id, notation, infer
                )
                said = reading.as_dict()
                readings = _readings(parsed, inferred, answer)
                result.parsed = {
                    **said,
                    "notes": said["notes"] + [n for n in (label, chain) if n],
                    "text": to_unicode(parsed.tree) if inferred else reading.unicode,
                    "ascii": parsed.text,
                    "latex": parsed.latex,
                    "readings": readings,
                    "tree": ex.to_data(parsed.tree),
                }
                refusal = _memory_unit(entry, memory_unit_word(parsed.notes))
                if refusal is not None:
                    raise refusal
                result = _judge(entry, _counting_around(parsed), result, symbolic, work)
                if result.verdict == "not_equivalent" and _readings_of(result):
                    _h_may_be_horizontal(entry, _readings_of(result), parsed)
                _increase_read_both_ways(entry, parsed, result)
                if result.verdict in ("equivalent", "equivalent_under_convention"):
                    _lead_names_asked(entry, said["notes"], parsed.name, parsed.tree)
                    _summed_terms_named(entry, said["notes"], symbolic, notation, infer)
                    _held_placed(entry, parsed.tree, readings, answer, notation)
                    _approximation_near(said["notes"])
                    _islands_per_part(entry, said["notes"])
                    _remark_other_layer(entry, said["notes"], parsed.tree)
                    _strides_placed(entry, answer)
                if result.verdict == "equivalent" and entry.question.bias:
                    _bias_said_counted(entry, said["notes"])
            except OutOfTime as error:
                if error.owner is not token:
                    raise
                result.budget_hit = True
                raise _invalid("budget", budget=f"{TIME_BUDGET:g}") from None
    except InvalidAnswer as error:
        result.verdict = "invalid_input"
        _clear(result)
        result.error = _error_of(error, answer)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        result.verdict = "error"
        _clear(result)
        result.error = {"reason": _short(error), "position": None, "id": None, "fields": {}}
    result.budget_hit = result.budget_hit or work.budget_hit
    result = _square_brackets(_words_multiply(result), symbolic, notation, infer)
    return _example_said(_bias_rate_said(result, symbolic, notation, infer))


EXAMPLE_NOTE = "reading.note.example_layer"
# the refusals of an answer read as no formula at all (a sentence, a word no name reads):
# where its example states the count right at its own layer, that is what it answers
_NO_FORMULA = frozenset(
    {"reading.sentence_only", "reading.nothing_computed", "reading.unexpected_character"}
    | UNKNOWN_KEYS
)


def _example_said(result: Result) -> Result:
    """``result``, checked against the example the answer works its count through
    (:func:`.examples.example_said`: ``with 10 filters there are 10 biases``): the
    reference computed at the layer its own words give (``10 filters``: c_o = 10) where
    they give every symbol of it.  The count it states there wrong: ``not_equivalent``,
    the counterexample that layer (a wrong number for its own givens is wrong whatever
    else the answer says).  Right: noted (``example_layer``) beside an accepted reading;
    where the answer was read as no formula (a sentence, :data:`_NO_FORMULA`) or as that
    very number alone (``10``, graded as a constant), ``equivalent``, graded at its own
    layer, said so.  Never where the answer denies or bounds anything (a negation, ``at
    least``), nor where no given is named (a number alone stays as read)."""
    if result.verdict == "error" or not isinstance(result.answer, str):
        return result
    if result.question not in EXAMPLE_COUNTS or not any(c.isdigit() for c in result.answer):
        return result  # (no count an example states, or no number: most answers)
    from derivations.checking.reading.examples import example_said

    found = example_said(result.answer, result.question)
    if found is None:
        return result
    from derivations.checking.reading.around import bounded
    from derivations.checking.reading.informal import negation_word

    if bounded(result.answer) or negation_word(result.answer):
        return result
    layer, stated, words = found
    reference = catalogue_entry(result.question).reference.tree
    if not ex.symbols_in(reference) <= set(layer):
        return result
    value = compile_node(reference)(layer)
    shown = ", ".join(f"{name} = {number}" for name, number in layer.items())
    note = {"id": EXAMPLE_NOTE, "fields": {"layer": shown, "said": words}}
    if value != stated:
        wrong = Result(result.question, result.answer, "not_equivalent")
        wrong.reference = result.reference
        wrong.parsed = {"text": str(stated), "ascii": str(stated), "latex": str(stated)}
        wrong.parsed |= {"notes": [note], "readings": [], "name": None}
        wrong.counterexample = {"layer": dict(layer), "reference": value, "answer": stated}
        return wrong
    if result.verdict in _ACCEPTED:
        result.parsed = {**(result.parsed or {})}
        result.parsed["notes"] = [*(result.parsed.get("notes") or []), note]
        return result
    refused = result.verdict == "invalid_input" and (result.error or {}).get("id") in _NO_FORMULA
    number = result.verdict == "not_equivalent" and (result.parsed or {}).get("tree") == [
        "num",
        str(stated),
    ]
    if not (refused or number) or len(set(layer.values())) < len(layer):
        return result  # (10 input channels and 10 filters: which one it counts is not known)
    right = Result(result.question, result.answer, "equivalent")
    right.reference = result.reference
    right.parsed = {"text": str(stated), "ascii": str(stated), "latex": str(stated)}
    right.parsed |= {"notes": [note], "readings": [], "name": None}
    return right


# the notes holding words a reading dropped beside the answer, and the field holding them:
# a remark, a comment, a condition, the prose, a closing sentence, a label, a lead-in
_BESIDE_NOTES = {
    **_STATING_NOTES,
    "reading.note.closing": "text",
    "reading.note.label": "label",
    "reading.note.lead_in": "text",
}
# the notes whose words are a remark on the count beside it (not prose around it): a rate
# there that no reading counts is refused
_REMARK_RATES = frozenset(
    {"reading.note.remark", "reading.note.remark_after_comma", "reading.note.comment"}
)
# a clause of the words beside an answer, up to its mark (``one bias per weight, so …``)
_RATE_CLAUSES = lazy_pattern(r"[^,.;:!?，。；：！？]+[,.;:!?，。；：！？]")
# the verdicts that accept an answer (equivalent, under a convention or not)
_ACCEPTED = VERDICTS[:2]
# a rate's words (:data:`.languages.PER_WORDS`): one bias per or for each of something
_PER_RATE = lazy_pattern(words_pattern(*PER_WORDS, before="[A-Za-z]", after="[A-Za-z]"), re.I)


def _bias_rate_said(result: Result, symbolic: bool, notation, infer: bool) -> Result:
    """``result``, unless it accepts the bias's count (:attr:`.Question.tensor`) and
    words dropped beside the formula say a rate (``c_o (one per input channel)``,
    ``c_o, one for each input channel``, ``c_o; each input channel has its own``, ``one
    bias per weight, so c_o``: s16rev F12, accepted as c_o): the rate's count
    (:func:`.second_look.rate_sentence`: ``number of input channel``) checked as the
    answer, its verdict given where it is not right (c_i: the misconception the Chinese
    ``每个输入通道一个`` gets); a rate in a remark or a comment that no reading counts
    (``one per kernel element``), or a clause that is a rate whose count does not read
    (``one bias per weight, so c_o``), refused naming its words
    (``checker.reason.remark_unplaced``).  Prose around the answer is judged by a rate
    it reads only (``each bias is added to every element …`` counts no biases)."""
    if result.verdict not in _ACCEPTED or not isinstance(result.answer, str):
        return result
    if find_question(result.question).tensor != "bias":
        return result
    from derivations.checking.reading.informal import per_part
    from derivations.checking.reading.second_look import rate_sentence

    for note in (result.parsed or {}).get("notes") or ():
        words = (note.get("fields") or {}).get(_BESIDE_NOTES.get(note.get("id", ""), ""), "")
        rate = _PER_RATE().search(words) if isinstance(words, str) else None
        if rate is None:
            continue
        # the clause holding the rate (``one bias per weight, so …``), else its unit
        # spelled as a rate of the bias (``… each input channel has its own``)
        clause = next(c for c in _RATE_CLAUSES().findall(words + ".") if rate.group() in c)
        clause = clause.strip(" ,.;:!?，。；：！？")
        part = per_part(clause)
        unit = (_PER_RATE().sub("", part) if part else clause[clause.find(rate.group()) :]).strip()
        unit = _PER_RATE().sub("", unit, count=1).strip() if not part else unit
        spelled = f"每个{unit}一个偏置" if unit and not unit.isascii() else f"one bias per {unit}"
        direct = rate_sentence(clause)
        read = direct or rate_sentence(spelled)
        said = None
        if read is not None:
            said = check(
                result.question, read[0], symbolic=symbolic, notation=notation, infer=infer
            )
        if said is not None and said.verdict == "not_equivalent":
            said.answer = result.answer
            return said
        if said is not None and said.verdict in _ACCEPTED:
            continue
        if note.get("id") not in _REMARK_RATES and direct is None:
            continue  # prose around the answer (each bias added to every element): no rate
        refused = Result(result.question, result.answer, "invalid_input")
        refused.error = _error_of(_invalid("remark_unplaced", remark=words, words=rate.group()))
        return refused
    return result


# the words a reading dropped beside the formula, by note: a label, prose around it, the
# names of the parts summed (``输入, 权重, 两倍输出``, each part's words apart)
_DROPPED_WORDS = {
    "reading.note.comment": "text",  # (``… # doubled``, ``… # times the batch``: s18wrong)
    "reading.note.label": "label",
    "reading.note.islands": "prose",
    "reading.note.parts_summed": "names",
}


def _words_multiply(result: Result) -> Result:
    """``result``, unless it is right and the words its reading dropped beside the
    formula (a label, prose around it, a part's name in a sum) hold a multiplier
    (``twice: …``, a line ``两倍`` above the formula, ``… plus twice the output (…)``,
    ``两倍输出 c_o m_h m_w 个``: s14rev F4, F11): then refused naming the words
    (``checker.reason.words_operation``); the student's count is not the formula read."""
    if result.verdict not in ("equivalent", "equivalent_under_convention"):
        return result
    for note in (result.parsed or {}).get("notes") or ():
        said = (note.get("fields") or {}).get(_DROPPED_WORDS.get(note.get("id"), ""), "")
        for words in said.split(", "):
            if multiplier_words().search(words):
                refused = Result(result.question, result.answer, "invalid_input")
                refused.error = _error_of(_invalid("words_operation", words=words.strip()))
                return refused
    return result


# a square bracket that opens a group: not an index (``padding[0]``, ``x[i]``), a
# superscript (``n^{[l]}``), a list in code (``([N, …])``) or LaTeX's ``\[``
_GROUP_BRACKET = lazy_pattern(r"(?<![\w\])}{^_(\\])\s*[\[［]")
# answers whose brackets are code's or LaTeX's (a comment, a delimiter): never the floor
_NOT_PLAIN = frozenset("#`\\")


# words that say a bracket is the floor (the integer part of Chinese school mathematics),
# and words of another rounding (up, the nearest), which a floor word never outweighs
_FLOOR_WORDS = lazy_pattern(
    words_pattern(*ROUNDING_WORDS["floor"], *itertools.chain(*BRACKET_FLOOR_WORDS.values())),
    re.I,
)
_NOT_FLOOR_WORDS = lazy_pattern(
    words_pattern(*ROUNDING_WORDS["ceil"], *itertools.chain(*OTHER_ROUNDING_WORDS.values())),
    re.I,
)


def _divides_at_top(group: str) -> bool:
    """Whether ``group`` is a quotient: a ``/`` outside its own brackets (``(h − k_h +
    p_h)/s_h``; not ``i + 2p − k``, a numerator in brackets)."""
    depth = 0
    for char in group:
        depth += (char in "([{（［") - (char in ")]}）］")
        if char in "/÷" and depth == 0:
            return True
    return False


def _as_floor(answer: str) -> str | None:
    """``answer`` with each group in square brackets that is a quotient (``[(h − k_h +
    p_h)/s_h] + 1``) as a floor ``⌊…⌋``, or None when it has none or its brackets do not
    pair."""
    opening = {m.end() - 1 for m in _GROUP_BRACKET().finditer(answer)}
    if not opening:
        return None
    out, stack = list(answer), []
    for index, char in enumerate(answer):
        if char in "[［":
            stack.append(index)
        elif char in "]］":
            if not stack:
                return None
            start = stack.pop()
            if start in opening and _divides_at_top(answer[start + 1 : index]):
                out[start], out[index] = "⌊", "⌋"
    floored = "".join(out)
    return floored if not stack and floored != answer else None


def _square_brackets(result: Result, symbolic: bool, notation, infer: bool) -> Result:
    """``result``, unless it is "the floor is missing" (right only where the stride
    divides) of an answer, plain text, that writes a group in square brackets whose
    reading as the floor (``[x]``, the integer part of Chinese school mathematics) gives
    another verdict (s13exam E12: ``[(h − k_h + p_h)/s_h] + 1``): then the floor's
    reading where the answer's words say it is one (取整, floor) and no word says another
    rounding (向上取整, 四舍五入, nearest), else refused naming the brackets
    (``checker.reason.square_brackets``)."""
    answer = result.answer
    if not (result.restricted and isinstance(answer, str)) or _NOT_PLAIN.intersection(answer):
        return result
    floored = _as_floor(answer)
    if floored is None:
        return result
    other = check(result.question, floored, symbolic=symbolic, notation=notation, infer=infer)
    if other.verdict == result.verdict:
        return result
    if _FLOOR_WORDS().search(answer) and not _NOT_FLOOR_WORDS().search(answer):
        other.answer = answer
        other.notes = [*other.notes, SQUARE_FLOOR_NOTE]
        return other
    refused = Result(result.question, answer, "invalid_input")
    refused.error = _error_of(_invalid("square_brackets"))
    return refused


SQUARE_FLOOR_NOTE = "reading.note.square_floor"
