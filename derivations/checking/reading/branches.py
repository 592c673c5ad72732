"""Branches of code (issue 21): an answer whose code computes the asked size one way or
another under a condition, read as one formula a path through it.

A chain of branches is Python's ``if …:`` / ``elif …:`` / ``else:`` (its bodies indented,
or on the header's line), Lua's, Julia's, MATLAB's and Ruby's ``if … then`` / ``elseif``
/ ``else`` / ``end``, or the braces of C, C++, Java, JavaScript and R (``if (…) {`` / ``}
else if (…) {`` / ``} else {`` / ``}``), over lines.  A path is the statements before the
chain, one branch's and those after it; with no ``else``, the path through no branch too.
Each path's statements are run in order (:func:`.second_look.in_order`), and the paths'
formulas are the answer's formulas, each graded by the checker: the answer is graded
where they agree, not_equivalent where every one is wrong, else refused
(``checker.reason.branches_disagree``, naming the conditions).

A condition is never decided: a branch right only under its condition (``if pad == 0:
out = (h - k) // s + 1``) is a formula of its own, so such an answer is refused, never
graded on the branch assigned last (which was graded alone: ``if pad > 0: (h - k) // s
+ 1`` / ``else: (h + 2 * pad - k) // s + 1`` was accepted).  A chain inside a branch, or
a line of a branch that is no statement, reads as no path: None, and the answer is read
(or refused) as it is, never with its branches' headers taken away.

Nothing evaluates text: lines are classified by patterns and joined.
"""

from __future__ import annotations

import re

from derivations.checking.reading.informal import Note, lazy_pattern

__all__ = ["BRANCHES_NOTE", "branched", "has_branches", "path_formulas"]

BRANCHES_NOTE = "reading.note.branches"

# a branch's header: the word, its condition, and what closes it (Python's ``:`` and the
# statement after it on the line, Lua's ``then``, a brace)
_IF = lazy_pattern(
    r"^(?P<indent>[ \t]*)if\b\s*(?P<cond>.*?)\s*(?:(?P<colon>:)(?P<inline>.*)|\bthen|\{)?\s*$"
)
_ELIF = lazy_pattern(
    r"^(?P<indent>[ \t]*)\}?\s*(?:elif|elseif|else\s*if)\b\s*(?P<cond>.*?)\s*"
    r"(?:(?P<colon>:)(?P<inline>.*)|\bthen|\{)?\s*$"
)
_ELSE = lazy_pattern(r"^(?P<indent>[ \t]*)\}?\s*else\b\s*(?:(?P<colon>:)(?P<inline>.*)|\{)?\s*$")
_END = lazy_pattern(r"^[ \t]*(?:end|\}|endif|end\s+if)\s*;?\s*$")
# the words of a chain (a substring test first)
_WORDS = lazy_pattern(r"^[ \t]*\}?\s*(?:elif|elseif|else)\b", re.M)
# a comment closing a line of a branch: Python's ``#``, Lua's ``--``, MATLAB's ``%``
# (each after a space and before one), C's ``//`` before two words or another script
# than Latin (Python's floor division by a name, ``// S``, is no comment)
_TRAILING = lazy_pattern(
    r"\s+(?:#|--|%)\s.*$"
    r"|\s*//\s*(?:[^\W\d_]+\s+[^\W\d_]+|[^\x00-\x7f])[^\n=+*/()0-9]*$"
)
_MAX_PATHS = 4


def has_branches(answer: str) -> bool:
    """Whether ``answer`` has a line opening a second branch (``elif``, ``else``)."""
    return ("else" in answer or "elif" in answer) and bool(_WORDS().search(answer))


def _statement(line: str) -> str:
    """``line`` without its closing comment, ``;`` and R's ``<-`` (an ``=``)."""
    line = _TRAILING().sub("", line).rstrip().rstrip(";")
    return re.sub(r"^(\s*[A-Za-z_]\w*)\s*<-(?![-<])", r"\1 =", line)


def _chain(lines: list[str]) -> tuple[int, list[tuple[str, list[str]]], int, bool] | None:
    """(the chain's first line, its branches (a condition, the body's lines), the line
    after it, whether it has an ``else``) of the first chain of ``lines``; None where
    there is none, it nests another, or it has one branch."""
    start = next((i for i, line in enumerate(lines) if _IF().match(line)), None)
    if start is None:
        return None
    header = _IF().match(lines[start])
    assert header is not None
    indented = bool(header.group("colon"))  # Python: a branch ends where its body does
    depth = len(header.group("indent").expandtabs())
    branches: list[tuple[str, list[str]]] = [(header.group("cond"), [])]
    if header.group("inline") and header.group("inline").strip():
        branches[-1][1].append(header.group("inline"))
    has_else, index = False, start + 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        indent = len(line) - len(line.lstrip())
        otherwise = _ELSE().match(line)
        other = _ELIF().match(line) or otherwise
        if other is not None and (not indented or indent <= depth):
            has_else = has_else or otherwise is not None
            cond = other.groupdict().get("cond") or "else"
            branches.append((cond, []))
            if other.group("inline") and other.group("inline").strip():
                branches[-1][1].append(other.group("inline"))
            index += 1
            continue
        if not indented and _END().match(line):
            index += 1
            following = next((n for n in lines[index:] if n.strip()), "")
            if _ELIF().match(following) or _ELSE().match(following):
                continue  # ``}`` then ``else {`` on the next line: the chain goes on
            break
        if indented and indent <= depth:
            break
        if _IF().match(line):
            return None  # a chain inside a branch: not read
        branches[-1][1].append(line.strip())
        index += 1
    else:
        if not indented:
            return None  # no end closing the chain
    if len(branches) < 2:
        return None
    return start, branches, index, has_else


def branched(answer: object) -> tuple[str, Note] | None:
    """The formulas of ``answer``'s paths through its chain of branches, one statement
    each (``out_h = ((…)); ((…))``: the first named as its path's last statement is), and
    the note naming the branches' conditions; None where it has no chain of two branches
    or more, or a path reads as no formula (see the module's docstring)."""
    found = path_formulas(answer)
    if found is None:
        return None
    name, formulas, conditions, count = found
    # doubled brackets: a path's formula in one pair after a ``;`` would read as a remark
    shown = [f"(({formula}))" for formula in formulas]
    text = (f"{name} = " if name else "") + "; ".join(shown)
    return text, Note(BRANCHES_NOTE, (("conditions", conditions), ("count", count)))


def path_formulas(answer: object) -> tuple[str | None, list[str], str, str] | None:
    """(the name, the distinct formulas of ``answer``'s paths, their conditions, the count
    of paths) for :func:`branched`; None as there."""
    from derivations.checking.reading.second_look import in_order

    if not isinstance(answer, str) or not has_branches(answer):
        return None
    lines = answer.strip("\n").split("\n")
    found = _chain(lines)
    if found is None:
        return None
    start, branches, after, has_else = found
    before = [_statement(line) for line in lines[:start] if line.strip()]
    rest = [_statement(line) for line in lines[after:] if line.strip()]
    paths = [before + [_statement(line) for line in body] + rest for _, body in branches]
    if not has_else:
        paths.append(before + rest)
    if len(paths) > _MAX_PATHS:
        return None
    paths = [path for path in paths if path]  # (no else, nothing around: no path)
    formulas: list[str] = []
    name = None
    for path in paths:
        done = in_order("\n".join(path))
        if done is None:
            return None
        named, formula = done
        name = name or named
        if formula not in formulas:
            formulas.append(formula)
    if not formulas:
        return None
    # one condition a line: a message says them joined by its language's separator
    # (:func:`.errors.said_fields`)
    conditions = "\n".join(cond.strip(" ()") for cond, _ in branches)
    return name, formulas, conditions, str(len(paths))
