"""The notation layer between reading and deciding: every letter an answer uses that
neither the book's spellings nor a registered notation named (a placeholder ``?F`` of
the reader, :data:`.lexer.UNKNOWN_PREFIX`) is resolved to a quantity of the question.

In this order, each step reported as a reading (``{"written", "read", "how"}``):

1. a notation the course declares (``check(..., notation={"F": "k"})``, the rubric's
   ``[notation]`` table): the letter reads as that formula;
2. inference by role (unless switched off): the injective assignments of the letters
   still unknown to the question's quantities that agree with their name hints
   (:func:`derivations.registry.notations.role_hints`: F is kernel-like, P padding-like,
   C a channel count; a letter in a sum with height symbols only goes with the height
   axis) are each matched against the reference and its catalogued variants at every
   sampled layer.  One is accepted only when every assignment that matches anything
   gives the same verdict; two with different verdicts are *ambiguous* ("F could be k_h
   or c_o") and nothing is graded; none that matches: the letter is refused, with the
   quantities its role suggests.

3. wider, only when the answer as read matches nothing (no known answer, or no reading
   by role): the letters other notations read otherwise than the book or the role hints
   (:func:`derivations.registry.notations.notation_letters`: CS231n's K, the number of
   filters; MobileNets' M and N, the channels) are re-read as placeholders and each
   tries its book reading, its role's quantities and those notations' readings, under
   the same rule (every matching assignment gives the same verdict; two that differ:
   ambiguous).  A reading a notation gives is said with its source ("K → c_o
   (CS231n's K, inferred)").  A hint-free search (every quantity for every letter) is
   not made: a one-letter answer would then match whatever the question asks.

A letter with a digit (``H0``, ``w_1``: an author's own name) is a placeholder whose
role is its letter's (:func:`derivations.registry.notations.decorated_hints`: H0 a size
of the height axis, h or m_h); where the same answer writes a 0 for the letter o
(``c0`` for c_o), a 0 in its other names is an o too (``H0``: h_o, the book's m_h).

Inference never makes an answer right that is wrong under every assignment: the
verdict is always the one of an assignment that was itself matched.
"""

from __future__ import annotations

import re
from functools import cache

from derivations.checking.reading.errors import InvalidAnswer, refused
from derivations.checking.reading.indexed import LAYERS, question_stride, stride_like
from derivations.checking.reading.informal import lazy_pattern
from derivations.checking.reading.lexer import (
    BATCH_WORD_NOTE,
    DECORATED,
    PRIMED,
    UNKNOWN_PREFIX,
    book_spellings,
    held_reading,
    unknown_letter,
)
from derivations.checking.reading.names import INDEXED, hints_of, named_layouts, one_layout
from derivations.checking.reading.parse import Parsed, parse_answer
from derivations.expr import tree as ex
from derivations.registry.notations import (
    decorated_hints,
    given_meanings,
    inferred_letters,
    meaning_of_letter,
    meaning_of_symbols,
    notation_letters,
    notations,
    per_side_sources,
    role_hints,
)
from derivations.registry.spellings import Symbol, spellings

__all__ = [
    "resolve",
    "widen",
    "letters_written",
    "in_context",
    "in_context_or_book",
    "read_in_context",
    "substitute",
    "unknown_letters",
    "read_as",
    "hints_for",
    "layer_stride",
    "book_reading",
    "foreign_names",
    "n_as_input_size",
    "RIGHT",
    "MAX_ASSIGNMENTS",
    "MAX_LETTERS",
    "MAX_STEPS",
    "assignments",
]

# more unknown letters than this: refused, not guessed (a bound on the search's depth;
# the work is bounded by the two budgets below, counted in steps, never in time)
MAX_LETTERS = 8
# more assignments than this to try (each one match of the catalogue): refused, never
# decided on some of them (a verdict must hold over every reading that matches)
MAX_ASSIGNMENTS = 200
# partial assignments visited while counting those (a letter given a quantity another
# letter already has is one step, and cut there): more, refused as too many
MAX_STEPS = 20 * MAX_ASSIGNMENTS

_AXIS = {
    "h": "h",
    "k_h": "h",
    "p_h": "h",
    "s_h": "h",
    "m_h": "h",
    "w": "w",
    "k_w": "w",
    "p_w": "w",
    "s_w": "w",
    "m_w": "w",
}


def _invalid(key: str, **fields) -> InvalidAnswer:
    """An :class:`InvalidAnswer` whose reason is message ``checker.reason.<key>``."""
    return refused(f"checker.reason.{key}", **fields)


def substitute(node: ex.Node, mapping: dict) -> ex.Node:
    """``node`` with each symbol named in ``mapping`` replaced by its tree."""
    match node:
        case ex.Sym(name):
            return mapping.get(name, node)
        case ex.Add(parts):
            return ex.add(*(substitute(p, mapping) for p in parts))
        case ex.Mul(parts):
            return ex.mul(*(substitute(p, mapping) for p in parts))
        case ex.Neg(x):
            return ex.neg(substitute(x, mapping))
    return ex.with_children(node, lambda part: substitute(part, mapping))


def unknown_letters(parsed: Parsed) -> list[str]:
    """The placeholder symbols of the answer (all its sides), sorted."""
    names = {name for name in parsed.symbols if name.startswith(UNKNOWN_PREFIX)}
    for tree in parsed.sides:
        names |= {name for name in ex.symbols_in(tree) if name.startswith(UNKNOWN_PREFIX)}
    return sorted(names)


def read_as(parsed: Parsed, mapping: dict) -> Parsed:
    """``parsed`` (its tree and every side of its chain) with each symbol named in
    ``mapping`` read as its tree: a placeholder given a reading."""
    sides = tuple(substitute(side, mapping) for side in parsed.sides)
    return parsed.with_tree(substitute(parsed.tree, mapping), sides=sides)


def _question_axis(entry) -> str | None:
    """The one axis of a question whose reference is of one axis only (the output
    height: ``h``), else None."""
    from derivations.checking.deciding.decide import reference_symbols  # cached per question

    axes = {_AXIS[name] for name in reference_symbols(entry) if name in _AXIS}
    return next(iter(axes)) if len(axes) == 1 else None


def n_as_input_size(entry, parsed: Parsed) -> tuple[Parsed, list]:
    """``n`` in an answer to an output size (one axis) is the input size of that axis,
    not the batch (which no output size holds): the book's own n_h, n_w and many
    courses' ``(n + 2p - f)/s + 1`` write n so; said as a reading.  A word of the batch
    (``batch_size``: ``reading.note.batch_word``) stays the batch.  So is ``n`` in an
    answer to a question of both axes that writes no other size of the input or the
    output (the Deep Learning Specialization's square layer inside a count:
    ``((n - k + 2p + s)//s)^2``): the height's, a square layer's one size."""
    if "n" not in parsed.symbols and not any("n" in ex.symbols_in(s) for s in parsed.sides):
        return parsed, []  # the common case: nothing to do (a chain's sides count too)
    if any(note.key == BATCH_WORD_NOTE for note in parsed.notes):
        return parsed, []  # batch_size: the batch as written, never the input size
    axis = _question_axis(entry)
    if axis is None:
        from derivations.checking.deciding.decide import reference_symbols
        from derivations.checking.reading.aliases import OUTPUT_SYMBOLS

        inputs = set(_AXIS.values())  # h, w
        written = set(parsed.symbols).union(*(ex.symbols_in(side) for side in parsed.sides))
        if written & (inputs | set(OUTPUT_SYMBOLS)) or not inputs <= reference_symbols(entry):
            return parsed, []
        axis = min(inputs)  # h: the square layer's convention reads one size as both
    reading = {"written": "n", "read": axis, "how": "input_size"}
    return read_as(parsed, {"n": ex.sym(axis)}), [reading]


_BOOK_NAME = lazy_pattern(r"([a-z])_([0-9])")


def foreign_names(parsed: Parsed, allowed: frozenset) -> Parsed:
    """The book's names of a letter and a digit (k_1, k_2: the compose question's two
    kernels) in a question that has none: an author's own names (K1, K2 for the kernel
    height and width), placeholders to infer like H0."""
    foreign = [name for name in parsed.symbols - allowed if _BOOK_NAME().fullmatch(name)]
    if not foreign:
        return parsed
    names = {name: ex.sym(UNKNOWN_PREFIX + name.replace("_", "").upper()) for name in foreign}
    return read_as(parsed, names)


def _declared(notation: dict | None, letter: str) -> ex.Node | None:
    """The formula a declared notation gives ``letter`` (data of the course, read by
    the same reader as answers), or None."""
    if not notation:
        return None
    for written, formula in notation.items():
        if str(written).upper() == letter.upper():
            return parse_answer(str(formula)).tree
    return None


def _split_declared(placeholders: list, notation: dict | None) -> tuple[dict, list, list]:
    """(placeholder -> the formula a declared notation gives its letter, the
    placeholders it gives none, the readings of the declared ones), in order."""
    mapping: dict[str, ex.Node] = {}
    rest, readings = [], []
    for placeholder in placeholders:
        letter = unknown_letter(placeholder) or placeholder
        formula = _declared(notation, letter)
        if formula is None:
            rest.append(placeholder)
        else:
            mapping[placeholder] = formula
            readings.append({"written": letter, "read": _text(formula), "how": "declared"})
    return mapping, rest, readings


def _axes_near(tree: ex.Node, name: str) -> set[str]:
    """The axes of the per-axis symbols in the smallest sum around ``name``."""
    best: set[str] | None = None
    best_size = None
    for node in ex.walk(tree):
        if isinstance(node, ex.Add) and name in ex.symbols_in(node):
            size = ex.size(node)
            if best_size is None or size < best_size:
                best_size = size
                best = {_AXIS[s] for s in ex.symbols_in(node) if s in _AXIS}
    return best or set()


def _zero_is_o(parsed: Parsed) -> bool:
    """Whether the answer writes a 0 for the letter o in a name another notation read
    (``c0`` for c_o: "co" is a spelling of the symbol it was read as)."""
    for note in parsed.notes:
        if note.key == "reading.note.notation":
            fields = dict(note.fields)
            written = fields["written"].lower()
            if "0" in written and spellings().get(written.replace("0", "o")) == Symbol(
                fields["read"]
            ):
                return True
    return False


_IN, _OUT = frozenset({"h", "w", "c_i"}), frozenset({"m_h", "m_w", "c_o"})
_SUBSCRIPTS = {
    "in": _IN,
    "input": _IN,
    "out": _OUT,
    "output": _OUT,
    "height": "h",
    "width": "w",
    "h": "h",
    "w": "w",
}


def hints_for(letter: str, parsed: Parsed) -> tuple[str, ...] | None:
    """The quantities a letter's role allows (None: any).  An author's own name
    (:data:`.lexer.DECORATED`) by its letter's decorated role: with a digit, its 0 an o
    where the answer writes one so (H0: m_h); with an axis letter or word, that axis's
    (FH, K_width: k_h, k_w); with in or out, the input's or output's (N_in: h, w); with
    size, the square one (k_size: k).  A letter with primes (``M'``) by its letter's
    decorated role (M: m_h, m_w), none when it has none.  A name of several parts (``h_lift``, ``n_c``) by
    the roles of its parts (:func:`.names.hints_of`)."""
    composed = hints_of(letter)
    if composed is not None:
        return composed
    if PRIMED().fullmatch(letter):  # M': its letter's decorated role, else none to try
        return decorated_hints().get(letter[0].upper(), ())
    decorated = DECORATED().fullmatch(letter)
    if decorated is None:
        return role_hints().get(letter)
    base, suffix, word = decorated.groups()
    hints = decorated_hints().get(base.upper(), ())
    if suffix and suffix.isdigit():
        if suffix == "0" and _zero_is_o(parsed):
            meaning = spellings().get(f"{base.lower()}_o")
            if isinstance(meaning, Symbol):
                return (meaning.name,)
        # a letter the decorated record has no role for keeps its bare role (B_1: the
        # batch, as B; without this, any quantity: B_1 was read as k)
        return hints or role_hints().get(base.upper()) or None
    kept = _SUBSCRIPTS.get((suffix or word).lower(), "")
    if not hints:  # a letter of no role (L_in): its subscript's quantities alone
        hints = tuple(_AXIS) + tuple(sorted(_IN | _OUT)) if kept else ()
    if isinstance(kept, str) and kept:  # an axis
        return tuple(name for name in hints if _AXIS.get(name) == kept)
    if kept:
        return tuple(name for name in hints if name in kept)
    square = tuple(name for name in hints if name in ("k", "s", "p"))  # size
    return square or hints


def _candidates(
    letter: str,
    placeholder: str,
    parsed: Parsed,
    quantities: list,
    batch: bool = False,
    allowed: frozenset = frozenset(),
) -> list[str]:
    hinted = hints_for(letter, parsed)
    if hinted is None and _a_factor(parsed, placeholder):
        # a letter of no role (U, Q, X: no hint) written as a factor of a product beside
        # other quantities: in a product any quantity it lacks fits that place, so the
        # reading that makes it right is unique by construction, not by what the letter
        # says (``c_o c_i k_h U m_h m_w``: U as k_w; ``c_o c_i k_h k_w X Y``, the input's
        # sizes, as m_h m_w): not inferred (s18wrong F12); only a notation that names it
        # reads it (:func:`widen`).  In a sum or as a divisor its place says its role
        # (``(h - U + p_h)//s_h + 1``: the kernel's).
        return []
    names = [q for q in quantities if hinted is None or q in hinted]
    # a shape's index its layouts give to the batch (NCHW's [0]), or a letter whose role
    # is the batch (B), where the question counts one (``batch``) the answer does not
    # write: the batch size n
    if batch and hinted and "n" in hinted:
        names += [] if "n" in parsed.symbols else ["n"]
    # a number a hint lists: a parameter the book's layers hold at that value (D, the
    # dilation, is 1 there)
    names += [value for value in hinted or () if value.isdigit()]
    if layer_stride(letter, allowed) is not None:  # s_1 on compose-size: its stride
        names.append(question_stride())
    axes = _axes_near(parsed.tree, placeholder)
    if len(axes) == 1 and not INDEXED().fullmatch(letter):  # a shape's index: its layout's
        (axis,) = axes
        names = [q for q in names if _AXIS.get(q, axis) == axis]
    if not names and hinted and len(hinted) == 1 and hinted[0] in _AXIS:
        # a letter its role and its own axis pin to one size of the other axis (f_w
        # answering the height: the kernel's width): that size, judged as written
        names = [hinted[0]]
    return names


def _a_factor(parsed: Parsed, placeholder: str) -> bool:
    """Whether ``placeholder`` is a factor (or a power of one) of a product that has
    another factor holding a symbol, in the answer's tree or a side of its chain."""
    for tree in (parsed.tree, *parsed.sides):
        for node in ex.walk(tree):
            if not isinstance(node, ex.Mul):
                continue
            mine = [part for part in node.parts if _is_letter(part, placeholder)]
            if mine and any(
                ex.symbols_in(part) for part in node.parts if not _is_letter(part, placeholder)
            ):
                return True
    return False


def _is_letter(node: ex.Node, placeholder: str) -> bool:
    """Whether ``node`` is the placeholder or a power of it (``U``, ``U^2``)."""
    if isinstance(node, ex.Pow):
        node = node.base
    return isinstance(node, ex.Sym) and node.name == placeholder


# a layer's name and its index (``s_1``, ``S2``, ``stride_{1}``)
_LAYER_NAME = lazy_pattern(r"(?P<base>[A-Za-z]+?)_?\{?(?P<index>[0-9]+)\}?")


def layer_stride(letter: str, allowed: frozenset | None = None) -> int | None:
    """The layer whose stride ``letter`` names (1 for ``s_1``, ``S_1``, ``stride_1``), where
    the symbols an answer may use (``allowed``, when given) hold no stride (compose-size:
    its layers' stride is the model's default, :func:`.indexed.question_stride`): a name that reads as a stride
    (:func:`.indexed.stride_like`; a jump's is a product of strides, no layer's) indexed by
    one of the question's layers (:data:`.indexed.LAYERS`); None otherwise."""
    found = _LAYER_NAME().fullmatch(letter)
    if found is None or (allowed is not None and any(_ROLE_OF.get(q) for q in allowed)):
        return None
    from derivations.checking.reading.recursion import is_jump  # (lazy: a second look's)

    base, index = found["base"], int(found["index"])
    if stride_like(base) != "stride" or is_jump(base) or not 1 <= index <= LAYERS:
        return None
    return index


# the book's symbols of a stride (a question that has one reads a layer's stride as it)
_ROLE_OF = {"s": "stride", "s_h": "stride", "s_w": "stride"}


def _quantities(entry, parsed: Parsed, allowed: frozenset) -> list[str]:
    """The question's quantities a letter may stand for (the symbols an answer to it may
    use, but the batch size), in the book's order, minus those the answer writes."""
    from derivations.checking.checker import SYMBOL_ORDER

    return [name for name in SYMBOL_ORDER if name in allowed - {"n"} and name not in parsed.symbols]


def resolve(
    entry,
    parsed: Parsed,
    judge,
    allowed: frozenset,
    notation: dict | None = None,
    infer: bool = True,
    reread=None,
):
    """(``parsed`` with every placeholder resolved, the readings made); raise
    :class:`InvalidAnswer` when a letter stays unknown or is ambiguous.  ``judge(parsed)``
    returns an outcome key of a fully known answer (None: it matches no variant);
    ``allowed``: the symbols an answer to the question may use; ``reread()``: the answer
    read again with the letters of other notations as placeholders (:func:`widen`),
    tried when no reading by role matches."""
    parsed, readings = n_as_input_size(entry, parsed)
    parsed = foreign_names(parsed, allowed)
    letters = unknown_letters(parsed)
    if not letters:
        return parsed, readings
    mapping, rest, declared = _split_declared(letters, notation)
    readings += declared
    if rest and not infer:
        raise _refused(rest[0], entry, parsed, allowed)
    if rest:
        try:
            inferred, right = _infer(entry, read_as(parsed, mapping), rest, judge, allowed)
        except InvalidAnswer as refusal:
            if reread is None or refusal.key == "checker.reason.ambiguous_letter":
                raise
            wider = widen(entry, reread, judge, allowed, notation)
            if wider is None:
                raise
            return wider
        mapping.update(inferred)
        readings += [
            {
                "written": unknown_letter(p),
                "read": _text(inferred[p]),
                "how": _how(inferred[p], right, layer_stride(unknown_letter(p) or p, allowed)),
            }
            for p in rest
        ]
    return read_as(parsed, mapping), readings


def _how(tree: ex.Node, right: bool = True, layer: int | None = None) -> str:
    """How "read as" says a letter inferred as ``tree``: ``held_stride`` for a number
    read for a layer's stride (``layer``: :func:`layer_stride`), ``held`` for another
    number (a role's hint lists one only for D, the dilation, which the question's layer
    holds at 1: ``k' = (d - 1)(k - 1) + k``, a dilated kernel, is the kernel there), else
    ``inferred`` where the reading makes the answer right, ``inferred_mistake`` where
    it matches only a catalogued mistake (``x - k_h + 1``: x is h only as that mistake
    reads it)."""
    if isinstance(tree, ex.Num):
        return "held" if layer is None else "held_stride"
    return "inferred" if right else "inferred_mistake"


def _text(tree: ex.Node) -> str:
    from derivations.expr.printers import to_text

    return to_text(tree)


def _refused(placeholder: str, entry, parsed: Parsed, allowed: frozenset) -> InvalidAnswer:
    """The letter refused, with what it probably means in this question when the
    registry gives it a role ("F: the kernel size is k_h here": the symbols of that
    role in the question's reference, else those an answer to it may use); a letter
    with no role gets the question's symbols, never a guessed meaning; one whose role
    the question has no symbol of (m, an output size, on compose-size), that role and
    the question's symbols; a name of
    several parts, the role all its parts' readings share (n_ch: the channels)."""
    from derivations.checking.checker import SYMBOL_ORDER

    letter = unknown_letter(placeholder) or placeholder
    if letter in entry.question.worked_names:  # the practice page's note writes them out
        return _invalid("worked_answer_name", letter=letter, question=entry.question.id)
    meaning = meaning_of_letter(letter) or meaning_of_symbols(hints_of(letter) or ())
    used = ex.symbols_in(entry.reference.tree)
    if _question_axis(entry) is not None:  # an output size's n is its input size
        allowed = allowed - {"n"}
    names = (
        [n for n in meaning.symbols if n in used] or [n for n in meaning.symbols if n in allowed]
        if meaning is not None
        else []
    )
    if not names:  # no role, or one this question has no symbol of
        names = [n for n in SYMBOL_ORDER if n in used] or sorted(allowed - {"n"})
    if meaning is not None and not set(names) & set(meaning.symbols):
        # m on compose-size: it was "the output size is - here" (s15exam E15)
        return _invalid(
            "unknown_letter_absent",
            letter=letter,
            question=entry.question.id,
            role=meaning.id,
            symbols=", ".join(names),
        )
    if meaning is None:
        # a letter another notation reads (cuDNN's Q): said so, never "no notation
        # gives it a meaning"
        return _invalid(
            "unknown_letter_named" if given_meanings(letter) else "unknown_letter_unmeant",
            letter=letter,
            question=entry.question.id,
            symbols=", ".join(names),
        )
    return _invalid(
        "unknown_letter",
        letter=letter,
        question=entry.question.id,
        role=meaning.id,
        symbols=", ".join(names),
    )


def _infer(
    entry, parsed: Parsed, placeholders: list, judge, allowed: frozenset
) -> tuple[dict, bool]:
    """The one reading of the placeholders that matches (see the module's docstring),
    and whether it makes the answer right (else it matches a catalogued mistake).
    Readings by the question's quantities come first; a number a role hint lists (D:
    the dilation, 1) is tried only when none of them matches anything, so a letter that
    reads as a quantity is never made ambiguous by it."""
    if len(placeholders) > MAX_LETTERS:
        raise _refused(placeholders[0], entry, parsed, allowed)
    quantities = _quantities(entry, parsed, allowed)
    batch = "n" in allowed
    options = [
        _candidates(unknown_letter(p) or p, p, parsed, quantities, batch, allowed)
        for p in placeholders
    ]
    axis = _question_axis(entry)
    if axis is not None:  # the question's axis first: N_in in an output width is w
        options = [sorted(names, key=lambda n: _AXIS.get(n, axis) != axis) for names in options]
    matched = _matches(parsed, placeholders, options, judge, numbers=False)
    if not matched:
        matched = _matches(parsed, placeholders, options, judge, numbers=True)
    if not matched:
        raise _refused(placeholders[0], entry, parsed, allowed)
    outcomes = {outcome for _, outcome in matched}
    if len(outcomes) > 1:
        raise _ambiguous(placeholders, matched)
    choice = matched[0][0]
    return {p: _node(name) for p, name in zip(placeholders, choice)}, outcomes == {RIGHT}


def _matches(parsed: Parsed, placeholders: list, options: list, judge, numbers: bool) -> list:
    """(choice, outcome) of each injective assignment that matches a known answer:
    those of quantities only, or (``numbers``) those that hold a number, the indices of
    one shape read in one layout (:func:`.names.one_layout`); none when there are more
    than :data:`MAX_ASSIGNMENTS` to try."""
    letters = [unknown_letter(p) or p for p in placeholders]
    declared = _declared_layouts(parsed)
    choices = assignments(
        options,
        lambda choice: (
            any(name.isdigit() for name in choice) == numbers
            and one_layout(dict(zip(letters, choice)), declared)
        ),
    )
    if choices is None:
        return []  # too many readings to decide on: the letters are refused
    matched: list[tuple[tuple, object]] = []
    for choice in choices:
        mapping = {p: _node(name) for p, name in zip(placeholders, choice)}
        outcome = judge(read_as(parsed, mapping))
        if outcome is not None:
            matched.append((choice, outcome))
    return matched


def _declared_layouts(parsed: Parsed) -> frozenset[str] | None:
    """The layouts the answer's code names for its tensors (``reading.note.layout``:
    ``NHWC``, ``channels_first``), or None where it names none."""
    if not parsed.notes:
        return None
    from derivations.checking.reading.code import LAYOUT_NOTE

    for note in parsed.notes:
        if note.key == LAYOUT_NOTE:
            return named_layouts(dict(note.fields)["layout"])
    return None


def assignments(options: list, keep) -> list[tuple] | None:
    """The injective assignments (one option of each list, no two alike) that ``keep``
    keeps, in the order of :func:`itertools.product`; None when there are more than
    :data:`MAX_ASSIGNMENTS` of them or counting them takes more than :data:`MAX_STEPS`
    partial assignments (a budget in steps: the same answer is refused or decided on
    every machine, at any load).  A prefix that repeats a quantity is cut at once, so
    many letters with few quantities each cost what their injective readings do."""
    found: list[tuple] = []
    steps = 0
    stack: list[tuple[int, tuple]] = [(0, ())]
    while stack:
        depth, prefix = stack.pop()
        if depth == len(options):
            if keep(prefix):
                found.append(prefix)
                if len(found) > MAX_ASSIGNMENTS:
                    return None
            continue
        for name in reversed(options[depth]):  # popped in the options' order
            steps += 1
            if steps > MAX_STEPS:
                return None
            if name not in prefix:
                stack.append((depth + 1, (*prefix, name)))
    return found


def _node(name: str) -> ex.Node:
    """A candidate as a tree: a symbol, or a number (a parameter held at it; marked
    within :func:`.reading.lexer.held_read`, as a name the registry reads so is)."""
    if not name.isdigit():
        return ex.sym(name)
    return ex.power(ex.num(int(name)), 1) if held_reading() else ex.num(int(name))


def _ambiguous(placeholders: list, matched: list) -> InvalidAnswer:
    """Name the first letter read differently by two assignments of different verdicts."""
    first_outcome = matched[0][1]
    other = next(choice for choice, outcome in matched if outcome != first_outcome)
    for index, placeholder in enumerate(placeholders):
        if matched[0][0][index] != other[index]:
            return _invalid(
                "ambiguous_letter",
                letter=unknown_letter(placeholder),
                first=matched[0][0][index],
                second=other[index],
            )
    return _invalid(  # pragma: no cover - two different choices differ somewhere
        "ambiguous_letter", letter=unknown_letter(placeholders[0]), first="?", second="?"
    )


def in_context_or_book(entry, book: Parsed, reread: Parsed, context: dict, judge):
    """(parsed, readings): the answer with the letters of ``context`` read as their
    notation reads them (:func:`read_in_context`), unless the book's reading of them
    (``book``, with no letter left to infer) matches a known answer and theirs matches
    none (a course's W1 with EECS 498's K for the kernel: the book's K); when both
    match with different verdicts, ambiguous."""
    parsed, readings = read_in_context(entry, reread, context)
    if unknown_letters(book) or unknown_letters(parsed) or not readings:
        return parsed, readings
    theirs, ours = judge(parsed), judge(book)
    if ours is None or theirs == ours:
        return parsed, readings
    if theirs is None:
        return book, []
    first = readings[0]
    raise _invalid(
        "ambiguous_letter",
        letter=first["written"],
        first=first["read"],
        second=book_reading(entry, first["written"]) or "?",
    )


# --- wider: the letters other notations read otherwise ----------------------------------

RIGHT = ("right",)  # the outcome of a right answer (the checker's ``outcome_of``)


def in_context(parsed: Parsed, answer: str) -> dict[str, tuple[str, str]]:
    """letter -> (book symbol, source) for each letter ``answer`` writes that a notation
    reads otherwise and whose own words the answer writes (``D_K``, ``D_G``: MobileNets,
    so its M is the input channels): read so directly, as that notation's words are.  A
    notation's letter the answer does not write is none (CS231n's F read, no K: the
    other letters, Eyeriss's E F M C R S, are left to the wider reading)."""
    sources = {
        dict(note.fields)["source"] for note in parsed.notes if note.key == "reading.note.notation"
    }
    written = set(_letters_pattern().findall(answer))
    sources |= {  # letters that are a source's own words together (Eyeriss's E and F)
        record.id
        for record in notations().values()
        if record.context_together and set(record.context_together) <= written
    }
    found: dict[str, tuple[str, str]] = {}
    for letter, readings in notation_letters().items():
        for symbol, source in readings:
            if source in sources and letter in written:
                found.setdefault(letter, (symbol, source))
    return found


def _spelled_symbol(letter: str) -> str | None:
    """The book's symbol a source's spelling reads ``letter`` as (CS231n's F: k), as the
    first reading read it; None when no spelling reads it as one symbol."""
    spelled = book_spellings().get(letter.lower())
    if spelled is None or not isinstance(spellings().get(spelled[0]), Symbol):
        return None
    return spelled[0]


def read_in_context(entry, parsed: Parsed, context: dict) -> tuple[Parsed, list]:
    """``parsed`` (read with the letters of other notations as placeholders) with those
    of ``context`` read as their notation reads them, and the others as the book reads
    them (K: k), with the readings made; placeholders of no notation stay.  Read so in a
    notation whose padding letter is per side (Bishop's), it is marked so
    (:func:`_sided`)."""
    mapping: dict[str, ex.Node] = {}
    readings = []
    for placeholder in unknown_letters(parsed):
        letter = unknown_letter(placeholder) or placeholder
        if letter in context:
            symbol, source = context[letter]
            mapping[placeholder] = ex.sym(symbol)
            reading = {"written": letter, "read": symbol, "how": "notation", "source": source}
            readings.append(reading)
        elif letter in notation_letters() and book_reading(entry, letter) is not None:
            mapping[placeholder] = ex.sym(letter.lower())  # the book's reading, as first read
        elif (spelled := _spelled_symbol(letter)) is not None:  # CS231n's F: k
            mapping[placeholder] = ex.sym(spelled)
    return _sided(read_as(parsed, mapping), {r["source"] for r in readings}), readings


def _sided(parsed: Parsed, sources: set) -> Parsed:
    """``parsed`` marked as written in a notation whose padding letter is per side
    (:func:`.notations.per_side_sources`: Bishop's, Qiu's), where one of ``sources`` is."""
    if sources & per_side_sources():
        return parsed.with_tree(parsed.tree, per_side=True)
    return parsed


@cache
def _letters_pattern() -> re.Pattern:
    letters = "".join(sorted(notation_letters()))
    return re.compile(rf"(?<![A-Za-z0-9_\\])[{letters}](?![A-Za-z0-9_'])")


def letters_written(answer: object) -> bool:
    """Whether ``answer`` writes, as a word of its own, a letter another notation reads
    otherwise than the book (K, M, N): only then can :func:`widen` read it otherwise."""
    return (
        isinstance(answer, str)
        and bool(notation_letters())
        and bool(_letters_pattern().search(answer))
    )


def book_reading(entry, letter: str) -> str | None:
    """What the book's spellings read a letter as (K: k), the batch n being an output
    size's input size (:func:`n_as_input_size`); None when they read none."""
    meaning = spellings().get(letter.lower())
    if not isinstance(meaning, Symbol):
        return None
    if meaning.name == "n":
        return _question_axis(entry) or "n"
    return meaning.name


def _wide_options(entry, letter: str, placeholder: str, parsed: Parsed, quantities: list):
    """(candidates, {candidate: source}) of one placeholder of the wider reading: its
    book reading, else its role's quantities (none for a letter of no role that a
    notation reads: cuDNN's Q is its output width, not any quantity); then the readings
    other notations give it (among the quantities the answer may use and does not
    write)."""
    book = book_reading(entry, letter)
    if book:
        names = [book]
    elif hints_for(letter, parsed) is None and letter in inferred_letters():
        names = []  # a letter of no role (cuDNN's Q): only the notations' readings
    else:
        names = _candidates(letter, placeholder, parsed, quantities)
    sources = {}
    for symbol, source in inferred_letters().get(letter, ()):
        if symbol in quantities and symbol not in names:
            names.append(symbol)
            sources[symbol] = source
    return names, sources


def widen(entry, reread, judge, allowed: frozenset, notation: dict | None = None):
    """(parsed, readings) of the answer re-read by ``reread()`` with the letters other
    notations read otherwise as placeholders, when the readings of them that match a
    known answer all make it right; None when the re-read has none of those letters, or
    none matches, or those that match make it wrong (the guess of another notation is
    not taken to call an answer wrong: M for the bias count is not MobileNets' M unless
    the answer writes MobileNets' words, :func:`in_context`; nor where, read as a
    notation whose padding letter is per side, Qiu's M, its bare p makes it wrong); raise
    the ambiguity when two verdicts differ."""
    try:
        parsed = reread()
    except InvalidAnswer:
        return None
    placeholders = unknown_letters(parsed)
    if not any(unknown_letter(p) in inferred_letters() for p in placeholders):
        return None
    parsed, readings = n_as_input_size(entry, parsed)
    mapping, rest, declared = _split_declared(placeholders, notation)
    readings += declared
    if not rest or len(rest) > MAX_LETTERS:
        return None
    parsed = read_as(parsed, mapping)
    quantities = _quantities(entry, parsed, allowed)
    options, sources = [], []
    for placeholder in rest:
        names, source = _wide_options(
            entry, unknown_letter(placeholder) or placeholder, placeholder, parsed, quantities
        )
        options.append(names)
        sources.append(source)
    matched = _matches(parsed, rest, options, judge, numbers=False) or _matches(
        parsed, rest, options, judge, numbers=True
    )
    if not matched:
        return None
    outcomes = {outcome for _, outcome in matched}
    if len(outcomes) > 1:
        raise _ambiguous(rest, matched)
    if outcomes != {RIGHT}:  # a guessed notation is taken only where it makes it right
        return None
    choice = matched[0][0]
    taken = {source[name] for name, source in zip(choice, sources) if name in source}
    chosen = _sided(read_as(parsed, {p: _node(n) for p, n in zip(rest, choice)}), taken)
    if chosen.per_side and judge(chosen) != RIGHT:
        return None  # right only with the book's total padding, in a per-side notation
    for placeholder, name, source in zip(rest, choice, sources):
        letter = unknown_letter(placeholder) or placeholder
        book = book_reading(entry, letter)
        if name in source:
            readings.append(
                {
                    "written": letter,
                    "read": name,
                    "how": "inferred_notation",
                    "source": source[name],
                }
            )
        elif name == book and book != letter.lower():
            readings.append({"written": letter, "read": name, "how": "input_size"})
        elif name != book:
            readings.append({"written": letter, "read": name, "how": "inferred"})
    return chosen, readings
