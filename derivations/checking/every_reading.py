"""Wrong under every reading (issue 21): an answer the checker refused because a word or
a letter in it reads as no quantity of the question (``dkernel``, ``h_w``,
``active_elements_count``) is judged ``not_equivalent`` when it is wrong whatever that
word stands for; otherwise it stays refused.

Tried only after the answer was refused (never on the path of an answer the checker
reads), on the answer read again with every word it refused as unknown held open as a
placeholder (:func:`.lexer.words_held_open`).  Each placeholder is given, in turn, every
reading of a wide pool, with no role hint narrowing it (hints only order the pool, so
the reading shown is the likeliest):

* each quantity an answer to the question may use, whether the answer writes it or not
  (the batch aside), and, for a layer's questions, the output sizes m_h, m_w written
  out where the question has no symbol for them;
* the composite quantities notes name with one word: the padded input (h + p_h, and
  h + 2 p_h for padding per side), the kernel's, input's and output's areas, a filter's
  weights c_i k_h k_w, the weights c_i c_o k_h k_w, the input's and output's element
  counts; for one placeholder also every product of two of the layer's quantities;
* the question's own reference and the layer's counts (a word naming the count asked
  for, or the multiplications a FLOPs count doubles), the factor 2 (FLOPs per MAC);
* 1 where the word may be no factor at all (written with no operator beside it: words
  of a sentence), or where its role lists a parameter held at 1 (dilation, groups);
  the question's stride for a layer's stride the question has no symbol for, where
  the question's record says it acts (:func:`.notation.layer_stride`: ``stride_1`` on
  compose-size);
* 0 and 1 where it is a term of a sum (``… + Q``);
* 0 and 1 for a bias flag (``bias``, ``use_bias``: 1 with a bias, 0 without).

A letter other notations read otherwise than the book (K, M, N, ...) also takes each of
those readings, and its book reading.  Only when no assignment of the pool makes the
answer right (or right under a convention), nor any side of its chain, is it called
wrong; the diagnosis is that of the first reading that matches a catalogued mistake
(else the first the hints order first), and "read as" says the word was read every way.
A registry letter with a role (its hints' quantities an answer may use; not a word of
parts, whose reading may be a composite) is shown in that role where a reading in it
matches a catalogued mistake (s_1 on compose-size was shown as k_1, a stride as a
kernel, where s_1 at the question's stride is the known mistake), else as above.
More than :data:`MAX_READINGS` assignments to judge: the answer stays refused (a bound
in assignments, never in time).  No reading is ever taken to make an answer right here.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from derivations.checking import checker
from derivations.checking.deciding.catalogue import entry as catalogue_entry
from derivations.checking.notation import (
    RIGHT,
    book_reading,
    foreign_names,
    hints_for,
    layer_stride,
    n_as_input_size,
    read_as,
    substitute,
    unknown_letters,
)
from derivations.checking.reading.answer import Reading, parse_for
from derivations.checking.reading.errors import InvalidAnswer
from derivations.checking.reading.indexed import question_stride
from derivations.checking.reading.lexer import unknown_letter, words_held_open
from derivations.checking.reading.names import hints_of
from derivations.checking.reading.parse import Parsed, parse_answer
from derivations.expr import tree as ex
from derivations.expr.printers import to_latex, to_text, to_unicode
from derivations.registry.notations import inferred_letters, meaning_of_word

__all__ = ["every_reading", "flag_reading", "MAX_READINGS", "HOW", "FLAG"]

# assignments judged at most (each one match against the catalogue): more, refused
MAX_READINGS = 400
# how "read as" says a word read every way (checker.phrase.reading_every)
HOW = "every"

_BASE = ("c_i", "c_o", "h", "w", "k_h", "k_w", "p_h", "p_w", "s_h", "s_w", "m_h", "m_w")
# composite quantities a note names with one word (the padded input, a filter's weights)
_COMPOSITES = (
    "h + p_h",
    "w + p_w",
    "h + 2*p_h",
    "w + 2*p_w",
    "k_h*k_w",
    "h*w",
    "m_h*m_w",
    "c_i*k_h*k_w",
    "c_i*c_o*k_h*k_w",
    "c_i*h*w",
    "c_o*m_h*m_w",
    "c_o*k_h*k_w",
)
_COMPOSE = ("k_1 + k_2", "k_1*k_2", "k_1 - 1", "k_2 - 1")
_COUNTS = ("forward-mults", "forward-adds", "forward-ops")
_OUTPUTS = {"m_h": "output-height", "m_w": "output-width"}
# a bias flag: 1 with a bias, 0 without
_FLAG = re.compile(r"(?:use_?|has_?|with_?|add_?)?bias(?:_?flag|_?term)?", re.I)
_OPERATOR = frozenset("+-*/^×·÷()[]{}")


@cache
def _tree(formula: str) -> ex.Node:
    return parse_answer(formula).tree


def _output_trees(entry, allowed: frozenset) -> dict[str, ex.Node]:
    """m_h, m_w as trees where the question has no symbol for them."""
    if entry.question.family != "layer" or "m_h" in allowed:
        return {}
    return {name: catalogue_entry(qid).reference.tree for name, qid in _OUTPUTS.items()}


def _written_out(tree: ex.Node, outputs: dict) -> ex.Node:
    return substitute(tree, outputs) if outputs else tree


def _pool(entry, allowed: frozenset, wide: bool) -> list[ex.Node]:
    """Every reading a placeholder takes (see the module's docstring), in order, no two
    alike."""
    outputs = _output_trees(entry, allowed)
    names = [n for n in checker.SYMBOL_ORDER if n in allowed and n != "n"]
    trees = [ex.sym(n) for n in names] + list(outputs.values())
    if entry.question.family == "compose":
        trees += [_tree(f) for f in _COMPOSE]
    else:
        base = [n for n in _BASE if n in allowed or n in outputs]
        trees += [_written_out(_tree(f), outputs) for f in _COMPOSITES]
        trees += [catalogue_entry(q).reference.tree for q in _COUNTS]
        if wide:
            for first, second in itertools.combinations(base, 2):
                trees.append(_written_out(ex.mul(ex.sym(first), ex.sym(second)), outputs))
    trees += [entry.reference.tree, ex.num(2)]
    return list(dict.fromkeys(trees))


def _stray(word: str, answer: str) -> bool:
    """Whether ``word`` is written somewhere in ``answer`` with no operator beside it
    (a word of a sentence, which may be no factor at all)."""
    for match in re.finditer(rf"(?<![\w?]){re.escape(word)}(?!\w)", answer):
        before = answer[: match.start()].rstrip()[-1:]
        after = answer[match.end() :].lstrip()[:1]
        if before not in _OPERATOR and after not in _OPERATOR:
            return True
    return False


def _options(
    entry, placeholder: str, parsed: Parsed, answer: str, pool: list
) -> tuple[list, frozenset]:
    """(the readings of one placeholder, those of its role): its hinted quantities first
    (its role's: those the answer may use, the batch's n too), then the pool; 1
    where the word may be no factor or its role holds a parameter at 1; 0 and 1 for a
    bias flag; a notation's letter, its book reading and the notations' readings."""
    letter = unknown_letter(placeholder) or placeholder
    if _FLAG.fullmatch(letter):
        return [ex.num(0), ex.num(1)], frozenset()
    meant = meaning_of_word(letter)
    hinted = (*(meant.symbols if meant else ()), *(hints_for(letter, parsed) or ()))
    # a layer's stride where it acts (s_1 on compose-size, the record's stride_1): at the
    # question's stride, so a right form is not called wrong; one that acts nowhere (s_2
    # in RF_2 = RF_1 + (k_2 - 1) s_2) is refused when read so, and wrong here
    layer = layer_stride(letter, checker.symbols_allowed(entry))
    if layer is not None and f"stride_{layer}" in dict(entry.question.held):
        hinted += (question_stride(),)
    first = [ex.num(int(n)) if n.isdigit() else ex.sym(n) for n in hinted]
    if letter in inferred_letters():
        book = book_reading(entry, letter)
        first += [ex.sym(book)] if book else []
        first += [ex.sym(symbol) for symbol, _ in inferred_letters()[letter]]
    ones = [ex.num(1)] if _stray(letter, answer) else []
    # a term of a sum (``… + Q``, ``c_i k_h k_w - Q``) may be a constant: 0 and 1 too,
    # so that "wrong whatever it stands for" holds of them (s13exam E24: Q = 1 is right)
    terms = [ex.num(0), ex.num(1)] if _a_term(parsed.tree, placeholder) else []
    allowed = checker.symbols_allowed(entry)  # (B's n, the batch, is no pool's reading)
    options = [
        t
        for t in first
        if t in pool or isinstance(t, ex.Num) or (isinstance(t, ex.Sym) and t.name in allowed)
    ]
    # a letter's role (the registry's letters: S, s_1, B) binds what is shown; a word's
    # parts (n_positions) only order the pool: its reading may be a composite
    lettered = meant is None and hints_of(letter) is None and hints_for(letter, parsed)
    own = first[: len(hinted)]  # (the notations' readings after them are no role's)
    role = frozenset(t for t in options if t in own) if lettered else frozenset()
    return list(dict.fromkeys([*options, *pool, *ones, *terms])), role


def _a_term(tree: ex.Node, name: str) -> bool:
    """Whether the symbol ``name`` is, alone or negated, a term of a sum in ``tree``."""
    if isinstance(tree, ex.Add):
        for part in tree.parts:
            bare = part.x if isinstance(part, ex.Neg) else part
            if isinstance(bare, ex.Sym) and bare.name == name:
                return True
    return any(_a_term(child, name) for child in ex.children(tree))


def _as_reading(question_id: str, answer: str, parsed: Parsed, latex: str) -> Reading:
    """``parsed`` as the :class:`.answer.Reading` of ``answer``, its LaTeX ``latex``."""
    return Reading(
        question_id,
        answer,
        parsed.tree,
        to_unicode(parsed.tree),
        parsed.text,
        latex,
        parsed.notes,
        parsed.name,
        parsed,
    )


def _graded(entry, answer: str, question_id: str, letters: bool = True) -> Reading:
    """The answer read as :func:`.answer.read_answer` reads it but with its unknown words
    held open (and, with ``letters``, a notation's letters as placeholders), then as it
    is graded (:func:`.checker.as_graded`); :class:`InvalidAnswer` where either refuses.
    Only the reading holds words open: grading tokenizes nothing but a count's name
    (:func:`.checker._named_axis`), which reads as no axis either way."""
    with words_held_open():
        parsed = parse_for(answer, question_id, letters=letters)
    return checker.as_graded(entry, _as_reading(question_id, answer, parsed, parsed.latex))


def _right(entry, parsed: Parsed) -> bool:
    """Whether this reading of the answer, or a side of its chain, is right."""
    if checker.outcome_of(entry, parsed) == RIGHT:
        return True
    return any(
        checker.outcome_of(entry, parsed.with_tree(side, sides=())) == RIGHT
        for side in parsed.sides
    )


def _gives_away(entry, parsed: Parsed, choice: tuple) -> bool:
    """Whether a word's reading in ``choice`` is, alone, a right answer to the question
    (the reference, or an output size written out as the reference is): "read as" and
    the feedback would print it, at the hint level too."""
    return any(
        checker.outcome_of(entry, parsed.with_tree(tree, sides=())) == RIGHT for tree in choice
    )


_SHORT = re.compile(r"[A-Za-z][0-9']?")


def _guessed(parsed: Parsed) -> bool:
    """Whether a quantity the answer writes is itself a guess that could be wrong too:
    a letter with a digit read by another notation (CS231n's H1, H2), or the batch n
    (many authors' n is a size).  Then a wrong verdict could be the guess's: the
    answer stays refused."""
    if "n" in parsed.symbols:
        return True
    return any(
        note.key == "reading.note.notation" and _SHORT.fullmatch(dict(note.fields)["written"])
        for note in parsed.notes
    )


FLAG = "flag"  # how "read as" says a bias flag was read both ways (checker.phrase.reading_flag)


def flag_reading(entry, answer: str, question_id: str):
    """(reading, parsed, readings) of an answer whose only words refused are bias flags
    (``(2*C_in*K*K - bias)``, ``+ use_bias*c_o*m_h*m_w``: 1 with a bias, 0 without) and
    that is right with every value of them: shown with no bias (0, the book's layer);
    None otherwise (wrong with either is for :func:`every_reading`; right with one
    value only: which one the author meant decides it, so it stays refused)."""
    try:
        reading = _graded(entry, answer, question_id, letters=False)
    except InvalidAnswer:
        return None
    parsed = reading.parsed
    placeholders = unknown_letters(parsed)
    if not placeholders or not all(_FLAG.fullmatch(unknown_letter(p) or p) for p in placeholders):
        return None
    shown = None
    for values in itertools.product((0, 1), repeat=len(placeholders)):
        candidate = read_as(
            parsed, {p: ex.num(v) for p, v in zip(placeholders, values, strict=True)}
        )
        if checker.outcome_of(entry, candidate) != RIGHT:
            return None
        shown = shown or candidate
    assert shown is not None
    readings = [{"written": unknown_letter(p) or p, "read": "0", "how": FLAG} for p in placeholders]
    return _as_reading(question_id, answer, shown, to_latex(shown.tree)), shown, readings


def every_reading(entry, answer: str, question_id: str):
    """(reading, parsed, readings) of an answer wrong under every reading of the words it
    was refused for, its shown reading chosen as the module's docstring says; None when
    some reading makes it right, or it cannot be read even so, or has nothing held
    open, or too many readings to judge."""
    try:
        reading = _graded(entry, answer, question_id)
    except InvalidAnswer:
        return None
    if _guessed(reading.parsed):
        return None
    allowed = checker.symbols_allowed(entry)
    parsed, _ = n_as_input_size(entry, reading.parsed)
    parsed = foreign_names(parsed, allowed)
    placeholders = unknown_letters(parsed)
    if not placeholders:
        return None
    pool = _pool(entry, allowed, wide=len(placeholders) == 1)
    options, roles = [], []
    for placeholder in placeholders:
        names, role = _options(entry, placeholder, parsed, answer, pool)
        options.append(names)
        roles.append(role)
    total = 1
    for names in options:
        total *= len(names)
    if total > MAX_READINGS:
        return None
    shown = in_role = None
    for choice in itertools.product(*options):
        candidate = read_as(parsed, dict(zip(placeholders, choice, strict=True)))
        try:
            if _right(entry, candidate):
                return None
            matched = checker.outcome_of(entry, candidate) is not None
            # asked only of a reading that would be shown: whether a reading gives the
            # answer away decides nothing else, and asking it of every reading built
            # values of every variant on every domain the pool's readings imply
            owned = all(c in role for c, role in zip(choice, roles) if role)
            if (
                (
                    shown is None
                    or (matched and not shown[1])
                    or (matched and owned and in_role is None)
                )
                and not any(isinstance(c, ex.Num) and c.value == 0 for c in choice)
                and not _gives_away(entry, parsed, choice)
            ):  # shown, it would print the answer (x + 1: x → the reference); a term
                # read as 0 only decides (… + 2 + 0 says nothing the student wrote)
                shown = (candidate, matched, choice)
                if matched and owned:
                    in_role = shown
        except InvalidAnswer:
            return None
    if shown is None:  # every reading holds the answer itself: refused, nothing shown
        return None
    chosen, matched, choice = in_role or shown
    if not matched:  # like no answer the catalogue knows under any reading: refused
        return None
    readings = [
        {"written": unknown_letter(p) or p, "read": to_text(c), "how": HOW, "count": str(total)}
        for p, c in zip(placeholders, choice, strict=True)
    ]
    return _as_reading(question_id, answer, chosen, to_latex(chosen.tree)), chosen, readings
