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

__all__ = ["BRANCHES_NOTE", "MODES_NOTE", "branched", "has_branches", "path_formulas"]

BRANCHES_NOTE = "reading.note.branches"

# a branch's header: the word, its condition, and what closes it (Python's ``:`` and the
# statement after it on the line, Lua's ``then``, a brace)
# (a colon of C++'s scope, ``padding::same``, is no Python header's)
_IF = lazy_pattern(
    r"^(?P<indent>[ \t]*)if\b\s*(?P<cond>.*?)\s*(?:(?P<colon>(?<!:):(?!:))(?P<inline>.*)|\bthen|\{)?\s*$"
)
_ELIF = lazy_pattern(
    r"^(?P<indent>[ \t]*)\}?\s*(?:elif|elseif|else\s*if)\b\s*(?P<cond>.*?)\s*"
    r"(?:(?P<colon>(?<!:):(?!:))(?P<inline>.*)|\bthen|\{)?\s*$"
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
    """Whether ``answer`` has a line opening a second branch (``elif``, ``else``), or a
    ``switch`` with a ``case``."""
    if "switch" in answer and "case" in answer and _SWITCH().search(answer):
        return True
    return ("else" in answer or "elif" in answer) and bool(_WORDS().search(answer))


# C's, C++'s, Java's, JavaScript's and Go's ``switch (x) {`` (Go's ``switch x {``), its
# ``case A:`` and ``default:`` labels, each on its own line or before its statements,
# and its ``break;`` lines; read as the chain ``if (x == A) { … } else if … else { … }``
_SWITCH = lazy_pattern(r"^[ \t]*switch\b\s*\(?(?P<subject>[^(){}\n]*?)\)?\s*\{[ \t]*$", re.M)
_CASE = lazy_pattern(
    r"^[ \t]*(?:case\s+(?P<label>[^\n]+?)|(?P<default>default))\s*:(?!:)[ \t]*(?P<rest>.*)$"
)
_BREAK = lazy_pattern(r"^[ \t]*break\s*;?[ \t]*$")
_GOES_ON = "=+-*/(,"  # the last character of a line whose statement goes on


def _switched(answer: str) -> str:
    """``answer`` with its one ``switch`` written as the chain of ``if``'s it is (see
    :data:`_SWITCH`; a label with no statements of its own shares the next one's, its
    labels joined by ``||``); as it is where it has none, or one nested."""
    match = _SWITCH().search(answer)
    if match is None:
        return answer
    lines = answer[match.end() :].split("\n")[1:]
    arms: list[tuple[list[str], list[str]]] = []  # (labels, body)
    depth, end = 1, None
    for index, line in enumerate(lines):
        depth += line.count("{") - line.count("}")
        if depth <= 0:
            end = index
            break
        case = _CASE().match(line)
        if case is not None:
            label = "else" if case.group("default") else case.group("label").strip()
            if arms and not arms[-1][1]:
                arms[-1][0].append(label)  # case A: case B: … (one body)
            else:
                arms.append(([label], []))
            rest = case.group("rest").strip().removesuffix("break;").strip()
            if rest:
                arms[-1][1].append(rest)
        elif arms and line.strip() and not _BREAK().match(line):
            statement = line.strip().removesuffix("break;").strip()
            if arms[-1][1] and arms[-1][1][-1][-1:] in _GOES_ON:  # value =\n (…) /\n s;
                arms[-1][1][-1] += " " + statement
            else:
                arms[-1][1].append(statement)
        elif not arms and line.strip():
            return answer  # a statement before the first case
    if end is None or len(arms) < 2 or any(not body for _, body in arms):
        return answer
    subject = match.group("subject").strip()
    chain = []
    for number, (labels, body) in enumerate(arms):
        if "else" in labels:
            head = "} else {" if number else "if (true) {"
        else:
            cond = " || ".join(f"{subject} == {label}" for label in labels)
            head = f"{'} else ' if number else ''}if ({cond}) {{"
        chain += [head, *body]
    chain.append("}")
    before = answer[: match.start()]
    after = "\n".join(lines[end + 1 :])
    return before + "\n".join(chain) + ("\n" + after if after.strip() else "")


# a C-like function's head opening its body (``size_t out_len(size_t in, int k) {``,
# ``int64_t Out(int64_t x, Padding p) const {``) and the brace closing it; a variable
# declared with no value (``size_t len;``, ``int out = 0;`` is a statement)
_FUNCTION_HEAD = lazy_pattern(
    r"^\s*(?:[A-Za-z_][\w:<>*&]*\s+)+[A-Za-z_]\w*\s*\([^()]*\)\s*(?:const\s*)?\{\s*$"
)
_MAX_HEAD_LINES = 8  # lines a function's head's parameters may take
_DECLARED = lazy_pattern(r"^\s*(?:[A-Za-z_][\w:<>*&]*\s+)+[A-Za-z_]\w*\s*;\s*$")


def _body_lines(lines: list[str]) -> list[str]:
    """``lines`` without a C-like function's head and closing brace around them all,
    and without the declarations that give no value (:data:`_FUNCTION_HEAD`,
    :data:`_DECLARED`)."""
    code = [line for line in lines if line.strip()]
    if len(code) > 2 and code[-1].strip() in ("}", "};"):
        for count in range(1, min(_MAX_HEAD_LINES, len(code) - 1) + 1):
            if _FUNCTION_HEAD().match(" ".join(line.strip() for line in code[:count])):
                first = lines.index(code[count - 1]) + 1
                lines = lines[first : len(lines) - lines[::-1].index(code[-1]) - 1]
                break
    return [line for line in lines if not _DECLARED().match(line) or "return" in line]


# a statement that gives no value, only an error (``throw …``, ``raise …``, ``return
# kTfLiteError;``): its branch is no path of the formula
_FAILING = lazy_pattern(
    r"^\s*(?:(?:throw|raise|panic!?|assert|error)\b|return\s+[\w:.]*(?:Error|ERROR|Err)\w*"
    r"(?:\s*\(.*\))?\s*;?\s*$)"
)
# a padding mode named in a branch's condition (``pad == padding::same``, ``'valid'``,
# ``kTfLitePaddingSame``, ``PADDING_VALID``, ``Pad::kSame``, Keras' and TensorFlow's
# 'same'/'valid'/'full' and 'causal'): the layer of such a branch has no padding of its own
_MODE = lazy_pattern(r"(?i)(?:(?<![a-z])k?|(?<=padding))(?:same|valid|full|causal)(?![a-z])")
# one side of an equality test: a name (``mode``, ``this.Padding``, ``Pad::kSame``,
# ``params->padding``) or a quoted word (``'same'``)
_OPERAND = r"(?:[A-Za-z_][\w.:]*(?:->[A-Za-z_][\w.:]*)*|'[^'\n]*'|\"[^\"\n]*\")"
_EQUALITY = lazy_pattern(rf"^\(*\s*(?P<left>{_OPERAND})\s*===?\s*(?P<right>{_OPERAND})\s*\)*$")
_EITHER = lazy_pattern(r"\|\||\bor\b")
MODES_NOTE = "reading.note.padding_modes"


def _mode_test(condition: str) -> bool:
    """Whether ``condition`` is only equality tests against padding modes (``padding ==
    'same'``, ``mode == PAD_SAME || mode == PAD_VALID``, a ``switch``'s ``case`` labels):
    not where one is negated (``!=``, ``not``) or joined with another test (``or p_h >
    0``, ``&&``), whose branch a layer with its padding given may take."""
    terms = _EITHER().split(condition.strip().removeprefix("(").removesuffix(")"))
    for term in terms:
        test = _EQUALITY().match(term.strip())
        if test is None or not any(_MODE().search(test.group(side)) for side in ("left", "right")):
            return False
    return True


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


def branched(answer: object) -> tuple[str, tuple[Note, ...]] | None:
    """The formulas of ``answer``'s paths through its chain of branches, one statement
    each (``out_h = ((…)); ((…))``: the first named as its path's last statement is), and
    the notes naming the padding modes' branches left out and the branches' conditions
    (the condition of the one path left, where one is); None where it has no chain of
    two branches or more, or a path reads as no formula (see the module's docstring)."""
    found = path_formulas(answer)
    if found is None:
        return None
    name, formulas, conditions, count, modes = found
    # doubled brackets: a path's formula in one pair after a ``;`` would read as a remark
    shown = [f"(({formula}))" for formula in formulas]
    text = (f"{name} = " if name else "") + "; ".join(shown)
    notes = [Note(MODES_NOTE, (("conditions", modes),))] if modes else []
    if count != "1":
        notes.append(Note(BRANCHES_NOTE, (("conditions", conditions), ("count", count))))
    elif conditions != "else":
        notes.append(Note("reading.note.condition", (("text", conditions),)))
    return text, tuple(notes)


def path_formulas(answer: object) -> tuple[str | None, list[str], str, str, str] | None:
    """(the name, the distinct formulas of ``answer``'s paths, their conditions, the count
    of paths, the conditions of the padding modes' branches left out) for
    :func:`branched`; None as there.  A branch that only fails (``throw …``) is no path;
    a branch whose condition is only a padding mode's test (:func:`_mode_test`) is left out where another is not: the
    question's layer, whose padding is given, takes that one."""
    from derivations.checking.reading.second_look import in_order

    if not isinstance(answer, str) or not has_branches(answer):
        return None
    if "case" in answer:
        answer = _switched(answer)
    lines = _body_lines(answer.strip("\n").split("\n"))
    found = _chain(lines)
    if found is None:
        return None
    start, branches, after, has_else = found
    failing = [b for b in branches if b[1] and all(_FAILING().match(line) for line in b[1])]
    if failing:  # else { throw … }: no path (and none past the chain without a branch)
        branches, has_else = [b for b in branches if b not in failing], True
    modes = [b for b in branches if b[0] != "else" and _mode_test(b[0])]
    if modes and len(modes) < len(branches):
        # the question's layer has its padding given: the branch for it, not a mode's
        branches = [b for b in branches if b not in modes]
    else:
        modes = []
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
    dropped = "\n".join(cond.strip(" ()") for cond, _ in modes)
    return name, formulas, conditions, str(len(paths)), dropped
