"""A count accumulated by loops (issue 21): a rewrite of :mod:`.second_look`'s, tried
after the answer as given was refused (a loop that updates a name from itself is refused
by :mod:`.code`: its passes apply a formula again).

    macs = 0
    for co in range(c_out):
        for y in range(oh):
            for x in range(ow):
                macs += c_in * k * k

A name given 0, then loops nested one in another, the innermost adding to the name one
formula that uses no loop's variable (``macs += …``, ``macs = macs + …``; C's ``ops +=
…;``), and nothing else but closing braces, ``end``, lines of comments (none denying or amending
the code) and a ``return`` of the name: the
count is the product of the loops' numbers of passes and the formula, ``macs = (c_out) *
(oh) * (ow) * (c_in * k * k)``, noted (``reading.note.loop_sum``).  A loop's number of
passes is read from its bounds: Python's ``range(n)`` and ``range(a, b)`` (b - a), C's,
Java's and JavaScript's ``for (int i = 0; i < n; i++)``, Julia's and MATLAB's ``for i =
1:n`` and ``for i in 1:n``; a step (``range(0, n, s)``), a bound ``<=``, a bound that
uses another loop's variable, or any other statement in the loops leaves the answer
unread (refused as before).  Whether the bounds are the question's sizes is the
reader's to say: they are read as any formula is.

A loop whose number of passes as written is below 1 runs no pass (``range(-h)``, ``for
(i = 0; i < n - k; i++)`` where n < k): a number of passes written with a minus sign
(the only way the layer's quantities, none negative, give one below 0) is read as
``max(0, …)``, what every one of these languages runs, so ``range(-oh)`` twice never
multiplies into ``oh * ow``; one without is the number as written.  More than
:data:`.limits.MAX_LOOPS` loops nested one in another are refused (``reading.loop_depth``).

Nothing evaluates text: each rule is a pattern, the count is text put together.
"""

from __future__ import annotations

import re

from derivations.checking.reading.code import top_level_parts
from derivations.checking.reading.errors import refuse
from derivations.checking.reading.informal import Note, lazy_pattern
from derivations.checking.reading.limits import MAX_LOOPS

__all__ = ["LOOP_SUM_NOTE", "loop_sum"]

LOOP_SUM_NOTE = "reading.note.loop_sum"

_DECLARED = r"(?:(?:int|long|size_t|auto|let|var|const|double|float|int64_t|uint64_t)\s+)?"
_START = lazy_pattern(rf"^\s*{_DECLARED}(?P<name>[A-Za-z_]\w*)\s*=\s*0\s*;?\s*$")
_PYTHON = lazy_pattern(r"^\s*for\s+(?P<var>[A-Za-z_]\w*)\s+in\s+range\s*\((?P<args>.*)\)\s*:\s*$")
_C = lazy_pattern(
    rf"^\s*for\s*\(\s*{_DECLARED}(?P<var>[A-Za-z_]\w*)\s*=\s*0\s*;\s*(?P=var)\s*<\s*(?P<bound>[^;]+?)\s*;"
    r"\s*(?:(?P=var)\s*\+\+|\+\+\s*(?P=var)|(?P=var)\s*\+=\s*1)\s*\)\s*\{?\s*$"
)
_RANGE = lazy_pattern(
    r"^\s*for\s+(?P<var>[A-Za-z_]\w*)\s*(?:=|\bin\b)\s*1\s*:\s*(?P<bound>[^:\s][^:]*?)\s*:?\s*$"
)
_ADD = r"^\s*{name}\s*(?:\+=\s*(?P<a>.+?)|=\s*{name}\s*\+\s*(?P<b>.+?))\s*;?\s*\}}*\s*$"
_CLOSING = lazy_pattern(r"^\s*(?:\}+|end(?:for)?)\s*;?\s*$")
_RETURN = r"^\s*return\s+{name}\s*;?\s*$"
# a line that is one comment (``# 每个输出通道``, ``// per output channel``)
_COMMENT_LINE = lazy_pattern(r"^\s*(?:#|//)")


def _passes(line: str) -> tuple[str, str] | None:
    """(the loop's variable, its number of passes as written) of a loop's header, or
    None where it is no header this module reads."""
    python = _PYTHON().match(line)
    if python is not None:
        args = [a.strip() for a in top_level_parts(python.group("args"))]
        if len(args) == 1 and args[0]:
            return python.group("var"), args[0]
        if len(args) == 2 and all(args):
            return python.group("var"), args[1] if args[0] == "0" else f"{args[1]} - ({args[0]})"
        return None
    found = _C().match(line) or _RANGE().match(line)
    return (found.group("var"), found.group("bound").strip()) if found else None


def _passes_run(passes: str) -> str:
    """The number of passes a loop runs, its count as written ``passes``: ``max(0, …)``
    where a minus sign could make it negative (see the module's docstring)."""
    return f"max(0, {passes})" if "-" in passes else passes


def _uses(names: list[str], text: str) -> bool:
    return any(re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", text) for n in names)


def loop_sum(answer: str) -> tuple[str, Note] | None:
    """``answer`` with a count accumulated by loops written as the product it sums (see
    the module's docstring), noted; None where it is no such count."""
    if "for" not in answer or "0" not in answer:
        return None
    from derivations.checking.reading.code import amends, denies

    comments = [line for line in answer.split("\n") if _COMMENT_LINE().match(line)]
    if any(denies(line) or amends(line) for line in comments):
        return None  # ``# wrong: …``, ``# TODO …``: not what the author answers
    lines = [line for line in answer.split("\n") if line.strip() and line not in comments]
    start = _START().match(lines[0]) if lines else None
    if start is None:
        return None
    name = re.escape(start.group("name"))
    loops: list[tuple[str, str]] = []
    added = None
    for line in lines[1:]:
        header = _passes(line)
        if header is not None and added is None:
            loops.append(header)
            if len(loops) > MAX_LOOPS:
                raise refuse("loop_depth", depth=len(loops), limit=MAX_LOOPS)
            continue
        step = re.match(_ADD.format(name=name), line)
        if step is not None and added is None and loops:
            added = step.group("a") or step.group("b")
            continue
        if added is not None and (
            _CLOSING().match(line) or re.match(_RETURN.format(name=name), line)
        ):
            continue
        return None
    if added is None:
        return None
    variables = [var for var, _ in loops]
    if _uses(variables, added) or any(_uses(variables, bound) for _, bound in loops):
        return None  # a formula or a bound of a loop's variable: no product of counts
    counts = [_passes_run(bound) for _, bound in loops]
    product = " * ".join(f"({part})" for part in [*counts, added.rstrip(";")])
    shown = "; ".join(f"{var}: {bound}" for var, bound in loops)
    return f"{start.group('name')} = {product}", Note(LOOP_SUM_NOTE, (("loops", shown),))
