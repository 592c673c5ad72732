"""A second look at an answer the reader refused (issue 21): what is left of it once
marks and worked numbers that no reading of a formula needs are taken away, each kept
as a note.  Tried only after the answer as given was refused (an answer the reader
reads never comes here), each rewrite read by the whole reader again:

* marks closing the answer after its formula: a comma (code's ``… + 1,``, a list's), an
  enumeration comma, an exclamation mark (``，``, ``、``, ``!``, ``！``);
* a line opening a block of code (``if padding == 'same':``, ``def f(x):``);
* code's statements run in order (``x = …``, ``x /= s``, ``return int(x)``): each name's
  latest formula put in where later ones use it;
* comments closing lines of code (``… * filter[0] # [3] if groups``, ``…; // rows``,
  ``/* … */``);
* what a formula is pasted inside: comment marks opening its lines (``//``, ``#``,
  ``--``, ``%``, ``;``), a comment's marks around it (``/* … */``, ``(* … *)``),
  ``.. math::``, a LaTeX alignment's ``&`` and ``\\\\``, ``\\biggl``;
* of an answer with words around its displays, the last display (``\\begin{align} …``,
  ``$$ … $$``), ``\\label`` and ``\\tag`` away;
* a display's LaTeX frame (``(14.2)\\[\\begin{aligned} … \\end{aligned}\\]``): the
  equation's number before it, the environments, ``\\tag``, the alignment's ``&``; its
  rows a chain where a row goes on with ``&=``, else statements of their own;
* line breaks (a formula pasted over several lines, a lead-in, then the formula on a
  line of its own, a display block ``$$ … $$``): one space each;
* a lead-in sentence ending in a colon (``Use the formula: …``, ``The width is
  calculated as: …``): what follows its last colon;
* a condition after the formula (``… when padding is 'valid'``, ``… if the stride
  divides``, ``…，没有padding``): graded at every layer all the same, as a condition
  before it is (:mod:`.around`);
* ``~`` after a name (``Time~O(…)``): an equals sign of a label;
* a worked number in a chain of equalities: a side with no letter in it
  (``c_i c_o k_h k_w m_h m_w = 27,648``, ``… = 3·64·9·30·30 = 1 555 200 MACs``), where
  another side is a formula (an operator or two names apart); a count word after the
  number stays (``MACs``: it states the counting).  The number is the value at the
  author's example layer, which the question does not give: it is not checked.

* line breaks pasted escaped (``\\n`` before no letter): line breaks;
* traditional Chinese characters (``總的來說``, ``卷積核尺寸``): read as the simplified
  ones the reader's words are written in (:mod:`.traditional`; never Japanese);
* a Markdown or HTML image (its alt text, or the TeX an equation image's address
  holds), a link (its text), an autolink, a highlight (``==…==``): what it shows
  (:mod:`.pasted`);
* HTML tags around the formula (``<b>N(output)</b> = … <br>``): away, ``<sub>``/``<sup>``
  read as ``_{…}``/``^{…}``, entities (``&times;``, ``&lt;``) as their characters;
* Markdown's strong emphasis around parts (``__M__ x __N__``, ``**c_o**``) and a book's
  continuation glyph in code (``➥``, ``↪``): away;
* a count said as a rate, "one X for each Y" in any of the languages of
  :data:`.languages.RATE_ONE` and :data:`.languages.RATE_EACH_ATTACHED` (``There is one
  bias value for each output channel``, ``每个输出通道一个偏置``): the number of Y.

Each rewrite only deletes, or replaces characters or tags by their reading; nothing
evaluates text.  The formulas in prose of any language are found after these
(:mod:`.islands`, by the checker, which knows the question asked).
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction
from functools import cache

from derivations.checking.reading.accumulated import loop_sum
from derivations.checking.reading.code import top_level_parts
from derivations.checking.reading.informal import (
    COUNT_WORDS,
    Note,
    countings_said,
    lazy_pattern,
    negation,
    states_operation,
)
from derivations.checking.reading.languages import (
    BIAS_USED,
    BIAS_USED_AROUND,
    BIAS_WORDS,
    CONNECTORS,
    COUNT_OF,
    TOTAL_WORDS,
    VECTOR_PHRASE,
    VECTOR_WORDS,
    every_word,
    words_pattern,
)
from derivations.checking.reading.padded import padded_input
from derivations.checking.reading.pasted import pasted

__all__ = [
    "rewrites",
    "worked_values",
    "total_stated",
    "in_order_first",
    "in_order",
    "TRAILING_NOTE",
    "WORKED_NOTE",
    "WORKED_DISAGREE_NOTE",
    "CASES_NOTE",
    "FROM_TO_NOTE",
    "LINES_NOTE",
    "COLON_NOTE",
    "AFTER_NOTE",
    "TILDE_NOTE",
    "HEADER_NOTE",
    "SEQUENCE_NOTE",
    "MARKUP_NOTE",
    "DISPLAY_NOTE",
    "TRADITIONAL_NOTE",
    "HTML_NOTE",
    "TWO_SIZES_NOTE",
    "RATE_NOTE",
    "EMPHASIS_NOTE",
    "BBCODE_NOTE",
    "PROMPT_NOTE",
    "TABLE_NOTE",
    "two_sizes",
    "rate_sentence",
    "prose_lines",
    "unstarted",
]

TRAILING_NOTE = "reading.note.trailing_mark"
WORKED_NOTE = "reading.note.worked_number"
TOTAL_NOTE = "reading.note.total_after"
CLOSING_NOTE = "reading.note.closing"
LINES_NOTE = "reading.note.line_breaks"
COLON_NOTE = "reading.note.after_colon"
AFTER_NOTE = "reading.note.condition_after"
TILDE_NOTE = "reading.note.tilde"
HEADER_NOTE = "reading.note.code_header"
SEQUENCE_NOTE = "reading.note.sequence"
MARKUP_NOTE = "reading.note.markup"
DISPLAY_NOTE = "reading.note.last_display"
TRADITIONAL_NOTE = "reading.note.traditional"
HTML_NOTE = "reading.note.html"
ENTITIES_NOTE = "reading.note.html_entities"
TWO_SIZES_NOTE = "reading.note.two_sizes"
PROSE_LINES_NOTE = "reading.note.prose_lines"
RATE_NOTE = "reading.note.rate_sentence"
EMPHASIS_NOTE = "reading.note.emphasis"

# marks closing the answer, before the math's closing delimiters if any
_TRAILING = lazy_pattern(r"(?:\s*[,，、!！])+(?P<close>\s*(?:\$\$?|\\\]|\\\)|`+)?\s*)$")
# a side of a chain that is a number, or numbers, brackets and operators (a worked
# example), and the words after it (a count word)
_NUMERIC = lazy_pattern(
    r"^\s*(?P<number>[-+(⌊⌈\s]*[0-9][-+*/×·xX^()⌊⌋⌈⌉0-9,.\u00a0\u2009\u202f ]*?)"
    r"(?P<words>(?:\s*[^\W\d_][^\W\d_\s-]*(?:[\s-]+[^\W\d_]+)*)?)\s*[.。]?\s*$"
)
_BREAKS = lazy_pattern(r"\s*\n\s*")
# the last colon after a lead-in's words (no := and no :: of code)
_COLON = lazy_pattern(r"^(?P<lead>.*[^\W\d_]{2}.*)[:：](?![:=])\s*(?P<rest>\S.*)$", re.S)
# a condition after the formula: a connector, then words
_AFTER = lazy_pattern(
    r"(?:\s+|\s*[,，]\s*)(?P<cond>(?:when|whenever|if|for|provided|assuming|given|with"
    r"|wenn|falls|quand|lorsque|si|cuando|quando|se)\b[^=]*"
    r"|(?:当|如果|若|假设|没有|无|不考虑|不带|在)[^=]*)$",
    re.I,
)
_FORMULA = lazy_pattern(r"[-+*/^×·()\\]|[A-Za-z_]\w*\s+[A-Za-z_]")
# code's iteration (``[torch.zeros(c_o) for _ in range(c_i)]``, ``… for i in range(c_i)``):
# what comes before it is made once an iteration, so dropping it as a condition can only
# make a wrong count look right (s18wrong F8)
_ITERATION = lazy_pattern(r"for\s+\(?\w+(?:\s*,\s*\w+)*\)?\s+in\s", re.I)
# another branch of a condition: an else, an otherwise
_ELSE = lazy_pattern(
    r"\b(?:else|elif|otherwise|sinon|sonst|sino|senão|altrimenti|andernfalls)\b|否则|不然|其他情况",
    re.I,
)
# a formula inside a condition (``with no padding, ⌊(h - k_h)/s_h⌋``, ``for a 3x3 kernel
# that is 3 c_o c_i m_h m_w``): an operator, or two sizes side by side (a product); such
# a "condition" states another formula, which dropping can only make look right (s9adv)
_SUBSCRIPTED = r"[A-Za-z]{1,2}_\{?[A-Za-z0-9]{1,3}\}?"
_COND_FORMULA = lazy_pattern(
    r"[+*/^×·⌊⌋⌈⌉]|(?<![A-Za-z])-|-(?![A-Za-z])|\\(?:lfloor|frac|cdot|times)"
    rf"|(?:(?<![\w\\]){_SUBSCRIPTED}|\b\d+)\s+{_SUBSCRIPTED}(?![\w{{])"
)
# (an ``=`` of code's compound assignment, ``oh += 1``, or of a comparison is no side's)
_CHAIN = lazy_pattern(r"\s*(?:(?<![-+*/%<>!=:^])=(?!=)|≈|\\approx)\s*")


# unit words a count may end in besides the count words (bytes, elements, 个)
_UNIT_WORDS = frozenset({"bytes", "byte", "b", "字节", "elements", "个", "parameters", "params"})


def _count_word(words: str) -> bool:
    """Whether ``words`` (after a worked number) is a count or unit word (``MACs``,
    ``次``): what states the counting stays, a name would be a factor."""
    return words.lower() in COUNT_WORDS or words.lower() in _UNIT_WORDS


def trailing(answer: str) -> tuple[str, Note] | None:
    """``answer`` without its closing marks (``4,``, ``1296，``, ``… !``) and the note
    saying which mark was dropped; None when it has none (or is nothing but them)."""
    match = _TRAILING().search(answer)
    if match is None or not answer[: match.start()].strip():
        return None
    close = match.group("close")
    mark = match.group()[: match.start("close") - match.start()].strip()[-1:]
    return answer[: match.start()] + close, Note(TRAILING_NOTE, (("mark", mark),))


_DELIMITER_LINE = lazy_pattern(r"^(?:\$\$|\\\[|\\\]|```\w*|)$")
# a line ending in an operator (LaTeX's too: ``\text{MACs} \approx``, ``m_h \times``), and
# a line opening with one (issue 21: a display's product broken over lines)
_CONTINUED = lazy_pattern(r"(?:[-+*/×·^(=,≈]|\\(?:times|cdot|div|approx|ast)|\\left[(\[])$")
_GOES_ON = lazy_pattern(r"^(?:[-+*/×·^)]|\\(?:times|cdot|div|ast)(?![A-Za-z]))")


def _lines(answer: str) -> tuple[str, Note] | None:
    """``answer`` on one line where its lines are one formula: at most one line that is
    neither a lead-in ending in a colon nor a math or code delimiter, or each break
    inside a formula (after an operator or an open bracket, or before an operator);
    None otherwise (two formulas on two lines are two answers)."""
    lines = [line.strip() for line in answer.strip().splitlines()]
    if len(lines) < 2:
        return None
    body = [
        line for line in lines if not (_DELIMITER_LINE().match(line) or line.endswith((":", "：")))
    ]
    continued = all(
        _CONTINUED().search(first)
        or _GOES_ON().match(second)
        or first.count("(") > first.count(")")
        for first, second in itertools.pairwise(body)  # (a display's $$ lines apart)
    )
    if len(body) > 1 and not continued:
        return None
    return _BREAKS().sub(" ", answer.strip()), Note(LINES_NOTE)


# a first line of words and the rest after it (``MAC数\nK × K × …``, ``Forward:``'s
# line without its colon)
_FIRST_LINE = lazy_pattern(r"^\s*(?P<label>[^\n]{1,40}?)[ \t]*\n(?P<rest>\s*\S[\s\S]*)$")


def _label_line(answer: str) -> tuple[str, Note] | None:
    """``answer`` with a first line of at most three words alone and no colon (``MAC数``,
    ``Number of MACs``, ``前向乘法次数``) read as the label of what follows it (``MAC数:
    …``), as a first line ending in a colon is: its words are judged as a label's (they
    may state the counting, or name another quantity).  Never a line holding a name of
    the book (``Cin Cout``, ``c_o c_i``: a formula's first line), a negation, a longer
    sentence (read by its words, :mod:`.islands`), nor above a formula with a name of
    its own (``综上所述\n输出宽度 = …``)."""
    if "\n" not in answer:
        return None
    match = _FIRST_LINE().match(answer)
    if match is None or "=" in match.group("rest"):
        return None  # (综上所述\n输出宽度 = …: the formula has a name of its own)
    label = match.group("label").strip()
    if label.endswith((":", "：")) or len(label.split()) > 3 or len(label) > 24:
        return None  # (a sentence before the formula is read by its words: islands)
    if not _words_only(label) or _names_a_symbol(label) or negation(label):
        return None
    return f"{label}: {match.group('rest').strip()}", Note(LINES_NOTE)


def _names_a_symbol(words: str) -> bool:
    """Whether one of ``words`` is a spelling of a symbol of the book (``Cin``, ``K``)."""
    from derivations.registry.spellings import Symbol, spellings

    table = spellings()
    return any(
        isinstance(table.get(word.lower()), Symbol) for word in re.findall(r"[A-Za-z]\w*", words)
    )


# a clause closing the answer that says one other name is worked out the same way
# (``…，$m_w$同理。``, ``…, and likewise W_out``, ``…; similarly for m_w``)
@cache
def _likewise_clause() -> re.Pattern:
    from derivations.checking.reading.languages import LIKEWISE

    words = "|".join(sorted(map(re.escape, LIKEWISE), key=len, reverse=True))
    name = r"\$?\s*[A-Za-z][A-Za-z0-9]*(?:_\{?[A-Za-z0-9]+\}?)?\s*\$?"
    return re.compile(
        rf"\s*[,，;；]\s*(?:and\s+)?(?:(?P<a>{name})\s*(?:{words})|(?:{words})\s+(?:for\s+)?(?P<b>{name}))"
        r"\s*[.。]?\s*$",
        re.I,
    )


def _likewise_after(answer: str) -> tuple[str, Note] | None:
    """``answer`` without a clause closing it that says one other name is worked out the
    same way (``…，$m_w$同理。``, ``…, and likewise W_out``): a remark on the other size,
    noted, never a formula of the answer (it was read as one, and refused)."""
    match = _likewise_clause().search(answer)
    if match is None or not answer[: match.start()].strip():
        return None
    return answer[: match.start()], Note(CLOSING_NOTE, (("text", match.group().strip(" ,，;；")),))


# a quantity's words and its formula, as a list names its parts: ``the input (c_i h w)``,
# ``输入 c_i h w 个``, ``权重为 c_o c_i k_h k_w``
_NAMED_PART = lazy_pattern(
    r"^\s*(?:(?:the|its|a|an)\s+)?(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,2}?)\s*"
    r"(?:\((?P<a>[^()]+)\)|[为是]?\s*(?P<b>[^()]+?)\s*(?:个元素|个|elements)?)\s*[.。]?\s*$"
)
# what joins a list's parts: a comma, plus, and (a part's own + is inside its brackets)
_PART_JOIN = lazy_pattern(
    r"\s*(?:[,，;；、]\s*(?:(?:and|plus)\s+)?|\s+(?:plus|and)\s+|\s+\+\s+(?=[^\W\d_]{2}))"
)


def _named_parts(answer: str) -> tuple[str, Note] | None:
    """A list of a layer's quantities each named by words and given by a formula
    (``the input (c_i h w) plus the weights (c_o c_i k_h k_w) plus the output (c_o m_h
    m_w)``, ``输入 c_i h w 个，权重 c_o c_i k_h k_w 个，输出 c_o m_h m_w 个``): one statement
    a part (``input = c_i h w``, one a line), for the checker to read as the parts of
    an answer (the forward memory's tensors summed, another question's part that
    answers it graded); it was graded by its last part alone (a right memory called
    wrong) or refused.  Two parts or more, each name words alone (no symbol of the book),
    each formula a product or holding an operator (:data:`_FORMULA`; not ``kernel k``);
    None otherwise."""
    if len(answer) > 300 or "\n" in answer.strip() or any(mark in answer for mark in "=:："):
        return None  # (MACs: …, FLOPs: …: labels, read as such)
    pieces = [p for p in _PART_JOIN().split(answer.strip().rstrip("。.")) if p.strip()]
    if len(pieces) < 2:
        return None
    statements = []
    for piece in pieces:
        match = _NAMED_PART().match(piece)
        if match is None:
            return None
        name, formula = match.group("name").strip(), (match.group("a") or match.group("b") or "")
        if not _words_only(name) or _names_a_symbol(name) or not _FORMULA().search(formula):
            return None  # (kernel k, padding p, stride s: the layer given, no parts)
        statements.append(f"{name} = {formula.strip()}")
    return "\n".join(statements), Note(LINES_NOTE)


# a part of a layer's parameters, its formula and its words in either order: ``c_o
# biases``, ``the biases (c_o)``, ``偏置 c_o 个``, ``c_o 个偏置``, ``c_o c_i k_h k_w weights``
_WORDS_AFTER = lazy_pattern(
    r"^(?P<formula>.*?[^\s(])\s*(?:个|elements)?\s*"
    r"(?P<name>(?<=\s)[^\W\d_]{2,}(?:\s+[^\W\d_]{2,}){0,2}|[\u4e00-\u9fff]{2,6})$"
)
# what joins such parts: a comma, and, plus, + (a part's own + is inside its brackets)
_PARAMETER_JOIN = lazy_pattern(
    r"\s*(?:[,，;；、]\s*(?:(?:and|plus)\s+)?|\s+(?:plus|and)\s+|\s+\+\s+)"
)
_BIAS_PART = lazy_pattern("|".join((*BIAS_WORDS["en"], *BIAS_WORDS["zh"])), re.I)
# LaTeX's commands and subscripted names (``\\cdot``, ``D_1``, ``out_channels``), and a
# word of two letters or more once they are away
_COMMANDS_AND_NAMES = lazy_pattern(r"\\[A-Za-z]+|[A-Za-z]+_\{?\w+\}?")
_WORD_IN_FORMULA = lazy_pattern(r"[^\W\d_]{2,}")


def _book_symbols_only(formula: str) -> bool:
    """Whether every name in ``formula`` is a spelling of a symbol of the book's
    (``c_o``, ``C_out``, ``out_channels``), LaTeX's commands aside."""
    from derivations.registry.spellings import Symbol, spellings

    table = spellings()
    names = re.findall(r"[A-Za-z]\w*(?:_\{\w+\})?", re.sub(r"\\[A-Za-z]+", " ", formula))
    return all(isinstance(table.get(re.sub(r"[{}]", "", n).lower()), Symbol) for n in names)


def _weights_and_biases(answer: str) -> tuple[str, Note] | None:
    """The parts of a layer's parameters side by side, one named by the bias (``c_o c_i
    k_h k_w weights + c_o biases``, ``the weights (c_o c_i k_h k_w) and the biases
    (c_o)``, ``权重 c_o c_i k_h k_w 个，偏置 c_o 个``): one statement a part (``biases =
    c_o``), for the checker to read as an answer's parts (the bias's graded where the
    bias count is asked: ``checker._answering``); the bias's formula may be one symbol,
    which :func:`_named_parts` takes for a parameter given.  Two parts or more, each
    named by words alone (no symbol of the book) before or after its formula, the
    formula holding no words and only the book's symbols; None otherwise."""
    if len(answer) > 300 or "\n" in answer.strip() or not _BIAS_PART().search(answer):
        return None
    if any(mark in answer for mark in "=:："):
        return None  # (weights: …, biases: …: labels, read as such)
    pieces = [p for p in _PARAMETER_JOIN().split(answer.strip().rstrip("。.")) if p.strip()]
    if len(pieces) < 2:
        return None
    statements = []
    for piece in pieces:
        match = _WORDS_AFTER().match(piece.strip()) or _NAMED_PART().match(piece)
        if match is None:
            return None
        found = match.groupdict()
        name = found["name"].strip()
        formula = (found.get("formula") or found.get("a") or found.get("b") or "").strip()
        if not _words_only(name) or _names_a_symbol(name) or not formula:
            return None
        if _WORD_IN_FORMULA().search(_COMMANDS_AND_NAMES().sub(" ", formula)):
            return None  # words inside the formula: no part of such a list
        if not _book_symbols_only(formula):
            # (another course's letters are inferred from the whole answer: the bias's
            # part alone, CS231n's ``K biases``, would read K as a kernel's)
            return None
        statements.append(f"{name} = {formula}")
    if not any(_BIAS_PART().search(s.split(" = ")[0]) for s in statements):
        return None
    return "\n".join(statements), Note(LINES_NOTE)


_SUMS = lazy_pattern(r"[-+=*^×·−_0-9]")
_LEAD_WORD = lazy_pattern(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words_only(lead: str) -> bool:
    """Whether a lead-in holds words and no formula: no sum, product, equation, index or
    number, no question (``quadruples? No: …``), and no lone letter but a, A, I
    (``MACs: c k k m m, FLOPs`` holds one)."""
    if _SUMS().search(lead) or "?" in lead or "？" in lead:  # a question answered after it
        return False
    return all(
        len(word) > 1 or word in ("a", "A", "I") or not word.isascii()
        for word in _LEAD_WORD().findall(lead)
    )


_COUNTING_LABELS = {"macs": "MACs", "flops": "FLOPs"}


def _after_colon(answer: str) -> tuple[str, Note] | None:
    """What follows the last colon, when what precedes it holds words and no formula
    (:func:`_words_only`: ``height: (…), height: (…)`` is two formulas); a counting the
    lead-in states (``总的来说，总的FLOPS为: …``) stays with it as a label (``FLOPs: …``)."""
    match = _COLON().match(answer.strip())
    if match is None or not _words_only(match.group("lead")):
        return None
    rest, said = match.group("rest"), countings_said(match.group("lead"))
    if len(said) > 1:
        return None  # MACs … FLOPs …: which the formula counts is not clear
    if said:  # 总的来说，总的FLOPS为: …: the counting it states stays with the formula
        rest = f"{_COUNTING_LABELS[said.pop()]}: {rest}"
    return rest, Note(COLON_NOTE, (("lead", match.group("lead").strip()),))


# a line that holds a formula (an operator, ``=``, a fraction or a floor)
_FORMULA_LINE = lazy_pattern(r"[=+*/^×·−]|\\frac|\\lfloor|⌊")
_PROSE_LINE_WORD = lazy_pattern(r"[^\W\d_]{3}")


# a question: its mark, an auxiliary opening it (``Is the output given by``), 吗, 是否
_ASKS = lazy_pattern(
    r"[?？]|吗|嗎|是否|^\s*(?:[-*•]\s*)?(?:is|are|does|do|should|could|would|can|will)\b",
    re.I,
)


def prose_lines(answer: str) -> tuple[str, Note] | None:
    """The lines from the first that holds a formula on, after lines of prose in any
    language that hold none (``… where H' and W' are given by`` / ``H' = 1 + …``,
    ``Высота и ширина вывода H_out`` / ``, W_out`` / ``вычисляются …:`` / ``H_out = …``:
    a docstring's or a note's lead-in with no colon, or one broken over lines); None where
    the prose denies or doubts (:func:`.code.denies`, a question: ``?``, ``Is … given
    by``, 吗).  A counting the
    prose states is noted as dropped (the checker never takes a reading right only
    without it).  Tried by the checker after the formulas in prose (:mod:`.islands`)."""
    if "\n" not in answer:
        return None
    lines = answer.strip().split("\n")
    first = next((i for i, line in enumerate(lines) if _FORMULA_LINE().search(line)), 0)
    prose = "\n".join(lines[:first]).strip()
    if first == 0 or not _PROSE_LINE_WORD().search(prose) or _ASKS().search(prose):
        return None
    from derivations.checking.reading.code import denies

    if denies(prose):
        return None
    said = countings_said(prose)
    fields = (("dropped_counting", sorted(said)[0]),) if said else ()
    shown = prose if len(prose) <= 80 else prose[:77] + "..."
    return "\n".join(lines[first:]), Note(PROSE_LINES_NOTE, (*fields, ("prose", shown)))


# a line defining a parameter under a label that names a case (``same conv: p = (f-1)/2``,
# ``- valid 卷积：p = 0``): a word, a colon, a name, "=" and what it is set to
_CASE_LINE = lazy_pattern(
    r"^\s*(?:[-*•]\s+)?(?P<label>[^\W\d_]{2,}[^:：=\n]*?)\s*[:：]\s*"
    r"(?P<name>[A-Za-z][A-Za-z0-9_]*)\s*=\s*(?P<value>[^=\n]+?)\s*$"
)
CASES_NOTE = "reading.note.case_definitions"


def _case_lines(answer: str) -> tuple[str, Note] | None:
    """The formula's lines after lines that define a parameter for a case, each under its
    label (``same conv: p = (f -1) /2``, ``valid conv: p = 0``), remarks with no formula
    (``in CV, f is usually odd.``) and blank lines among them: a special case's value,
    never put into the formula after them (the answer is the last formula); None where no
    line is such a case, no formula follows them, or a remark denies or asks."""
    if "\n" not in answer:
        return None
    lines = answer.strip().split("\n")
    cases, last = [], None
    for index, line in enumerate(lines):
        if _CASE_LINE().match(line):
            cases.append(line.strip())
            last = index
        elif line.strip() and _FORMULA_LINE().search(line):
            break  # the formula
        elif _ASKS().search(line):
            return None
    if last is None or not any(_FORMULA_LINE().search(line) for line in lines[last + 1 :]):
        return None
    from derivations.checking.reading.code import denies

    if denies("\n".join(lines[: last + 1])):
        return None
    rest = [line for line in lines[last + 1 :] if line.strip()]
    first = next(i for i, line in enumerate(rest) if _FORMULA_LINE().search(line))
    said = "; ".join(cases)
    shown = said if len(said) <= 80 else said[:77] + "..."
    return "\n".join(rest[first:]), Note(CASES_NOTE, (("cases", shown),))


# "from A to B": the words before it, A, then B (形状从 n_h × n_w 减少到 …; the output
# shrinks from n x n to …; 출력이 A에서 B로; AからBに)
_FROM_TO = (
    lazy_pattern(
        r"^(?P<lead>[^从]*?)从\s*(?P<a>[^到至]+?)\s*"
        r"(?:减少|减小|缩小|缩减|增加|增大|扩大|变化|变|降低|降|减|增|缩)?\s*(?:到|至|为|成)\s*(?P<b>.+)$",
        re.S,
    ),
    lazy_pattern(
        r"^(?P<lead>.*?)\bfrom\s+(?P<a>.+?)\s+(?:down\s+|up\s+)?to\s+(?P<b>.+)$", re.S | re.I
    ),
)
FROM_TO_NOTE = "reading.note.from_to"


def _from_to(answer: str) -> tuple[str, Note] | None:
    """A change said "from A to B" (``形状从 n_h × n_w 减少到 (n_h-k_h+1) × (n_w-k_w+1)``,
    ``the output shrinks from n x n to …``): B, after the words before it as a lead-in
    (a colon; they may name what changes, which the checker holds to the question), A
    noted; None where B holds no formula."""
    for pattern in _FROM_TO:
        match = pattern().match(answer)
        if match is None or not _FORMULA_LINE().search(match.group("b")):
            continue
        lead = match.group("lead").strip()
        said = match.group("a").strip()
        text = f"{lead}: {match.group('b').strip()}" if lead else match.group("b").strip()
        return text, Note(FROM_TO_NOTE, (("from", said),))
    return None


# letters defined in words with no verb after a formula (``…, x the input size, f the
# filter size``, ``…；x 输入大小，f 卷积核大小``): each item a letter, then its words
_BARE_ITEM = lazy_pattern(
    r"\s*(?P<letter>[A-Za-z](?:_\{?[A-Za-z0-9]{1,3}\}?)?)\s*(?:[:：]\s*|\s+)"
    r"(?P<words>[^\W\d_][^=+*/^()\d]*?)\s*[.。]?\s*"
)
_ITEM_MARK = lazy_pattern(r"[,;，；]")
# words, not symbols: a word of three letters or more, or Chinese, and no subscript
_WORDS_SAID = lazy_pattern(r"^[^_]*(?:[^\W\d_]{3}|[\u4e00-\u9fff])[^_]*$")
BARE_DEFINITIONS_NOTE = "reading.note.bare_definitions"


def _bare_definitions(answer: str) -> tuple[str, Note] | None:
    """A formula and, after its first comma, its letters defined in words with no verb
    (``(x - f + 2p)/s + 1, x the input size, f the filter size``, ``…；x 输入大小，f
    卷积核大小``): rewritten as the definitions the reader reads after a connector
    (``…, where x is the input size, f is the filter size``; ``…，其中 x 为输入大小``),
    noted; None where any item after the formula is not a letter of the formula and
    words."""
    parts = _ITEM_MARK().split(answer)
    items = [part for part in parts[1:] if part.strip()]
    if not items or not _FORMULA().search(parts[0]):
        return None
    found = [_BARE_ITEM().fullmatch(item) for item in items]
    if any(
        match is None
        or not _WORDS_SAID().search(match["words"])  # (c_o c_i k_h: a formula, no words)
        or not re.search(rf"(?<![A-Za-z_\\]){re.escape(match['letter'])}(?!\w)", parts[0])
        for match in found
    ):
        return None
    defined = [(match["letter"], match["words"].strip()) for match in found if match]
    if re.search(r"[\u4e00-\u9fff]", answer):
        text = parts[0] + "，其中 " + "，".join(f"{letter} 为 {words}" for letter, words in defined)
    else:
        text = (
            parts[0] + ", where " + ", ".join(f"{letter} is {words}" for letter, words in defined)
        )
    said = ", ".join(f"{letter} {words}" for letter, words in defined)
    return text, Note(BARE_DEFINITIONS_NOTE, (("definitions", said),))


def _after_colon_uncounted(answer: str) -> tuple[str, Note] | None:
    """What follows the last colon of a lead-in that states a counting, without it
    (where the formula with it as a label does not read): the note says the counting
    was dropped, and the checker never accepts such a reading (a counting dropped can
    only make a mislabelled answer look right)."""
    match = _COLON().match(answer.strip())
    if match is None or not _words_only(match.group("lead")):
        return None
    said = countings_said(match.group("lead"))
    if len(said) != 1:
        return None
    fields = (("dropped_counting", said.pop()), ("lead", match.group("lead").strip()))
    return match.group("rest"), Note(COLON_NOTE, fields)


def _condition_after(answer: str) -> tuple[str, Note] | None:
    """The formula before a condition after it (``… when s = 1``), or None; never when
    the condition has another branch (``… if s_h > 1 else h - k_h``, ``否则 …``): the
    other branch is a formula too, and dropping it can only make a wrong answer look
    right (s8adv)."""
    match = _AFTER().search(answer)
    if match is None or not _FORMULA().search(answer[: match.start()]):
        return None
    if _ELSE().search(match.group("cond")) or _COND_FORMULA().search(match.group("cond")):
        return None
    if _ITERATION().match(match.group("cond")):
        return None  # code's loop over a range: a count of copies, no condition (s18wrong F8)
    said = match.group("cond").strip().rstrip(".。")
    return answer[: match.start()], Note(AFTER_NOTE, (("condition", said),))


# LaTeX a worked side is written in, and the plain marks it stands for: a fraction's
# numerator and denominator (\\frac{60}{2}: {60}/{2}), products, sizing and spacing away
_LATEX_MARKS = (
    (lazy_pattern(r"\\[dt]?frac\s*(?=\{)"), ""),
    (lazy_pattern(r"\}\s*\{"), "}/{"),
    (lazy_pattern(r"\\(?:cdot|times)(?![A-Za-z])"), "*"),
    (lazy_pattern(r"\\lfloor(?![A-Za-z])"), "⌊"),
    (lazy_pattern(r"\\rfloor(?![A-Za-z])"), "⌋"),
    (lazy_pattern(r"\\lceil(?![A-Za-z])"), "⌈"),
    (lazy_pattern(r"\\rceil(?![A-Za-z])"), "⌉"),
    (lazy_pattern(r"\\(?:left|right|[bB]igg?[lr]?)(?![A-Za-z])|\\[,;:! ]|~"), " "),
)
# a math span's closing delimiter after the last side (``… = 31$``)
_CLOSE = lazy_pattern(r"\s*(?:\$\$?|\\\]|\\\))\s*$")
# digits grouped by a comma or a space (27,648; 1 555 200): a number as written, no sum
_GROUPED = lazy_pattern(r"[0-9][,\s\u00a0\u2009\u202f]+[0-9]")
WORKED_DISAGREE_NOTE = "reading.note.worked_disagree"


def _plain_side(side: str) -> str:
    """A side of a chain in LaTeX read as plain marks, where it holds only numbers, the
    LaTeX of :data:`_LATEX_MARKS` and braces (``\\frac{64-4+2\\cdot 0}{2}+1``:
    ``(64-4+2*0)/(2)+1``); ``side`` itself otherwise."""
    if "\\" not in side and "{" not in side:
        return side
    plain = side
    for pattern, mark in _LATEX_MARKS:
        plain = pattern().sub(mark, plain)
    if "\\" in plain or re.search(r"[^\W\d_]", plain):
        return side
    return plain.replace("{", "(").replace("}", ")")


def _value(number: str):
    """The value of a worked side (numbers and operators), read by the reader, never
    evaluated as text: None where it holds a grouped number or does not read."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.parse import parse_answer
    from derivations.expr.evaluate import Undefined, compile_node

    if _GROUPED().search(number):
        return None
    try:
        parsed = parse_answer(number)
        return None if parsed.symbols else compile_node(parsed.tree)({})
    except (InvalidAnswer, Undefined, ArithmeticError, ValueError):
        return None


def worked_values(answer: str) -> list[tuple[str, Fraction | None]]:
    """The worked numbers of ``answer``'s chain after its formula (:func:`_split_worked`:
    ``c_o c_i k_h k_w m_h m_w = 8*3*9*15*16 = 51,840``), each as written with its value
    read by the reader (a number grouped by commas or spaces as the one number it
    writes; None where the reader cannot read it: ``= 1/0``), in order; [] where it has
    none."""
    found = _split_worked(answer)
    if found is None:
        return []
    values: list[tuple[str, Fraction | None]] = []
    for number in found[1]:
        grouped = _GROUPED().search(number)
        value = _value(re.sub(r"[,\s\u00a0\u2009\u202f]", "", number) if grouped else number)
        values.append((number, None if value is None else Fraction(value)))
    return values


def _worked(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the sides of its chain that are worked numbers, plain or in
    LaTeX (``= \\frac{64-4+0}{2}+1 = 31``, a math span's closing ``$`` kept), or None.
    The note says the numbers are the author's own layer's, not graded; where the worked
    sides' values differ (``= (64-4)/2+1 = 32``), its other key flags the author's
    arithmetic (never graded either way)."""
    found = _split_worked(answer)
    if found is None:
        return None
    text, numbers = found
    shown = ", ".join(numbers)
    values = {_value(number) for number in numbers} - {None}
    key = WORKED_DISAGREE_NOTE if len(values) > 1 else WORKED_NOTE
    return text, Note(key, (("numbers", shown),))


def _split_worked(answer: str) -> tuple[str, list[str]] | None:
    """(``answer`` without the sides of its chain that are worked numbers, those
    numbers as written) where it has a formula and such sides (:func:`_worked`), or
    None."""
    sides = _CHAIN().split(answer)
    if len(sides) < 2:
        return None
    close = _CLOSE().search(sides[-1])
    closing = ""
    if close is not None and close.start() > 0:
        closing, sides[-1] = close.group().strip(), sides[-1][: close.start()]
    kept, numbers, words = [], [], ""
    for index, side in enumerate(sides):
        plain = _plain_side(side)
        match = _NUMERIC().match(plain) if re.search(r"[0-9]", plain) else None
        last = index == len(sides) - 1
        said = match.group("words").strip() if match else ""
        if match is None or (said and (not last or not _count_word(said))):
            kept.append(side)  # (a number with words before the last side: 2 MACs)
            continue
        numbers.append(match.group("number").strip())
        words = said
    if not numbers or not (any(_FORMULA().search(side) for side in kept) or _labelled_name(kept)):
        return None
    if closing:  # the math span closes after the last side kept
        kept[-1] = kept[-1].rstrip() + closing
    return " = ".join(side.strip() for side in kept) + (f" {words}" if words else ""), numbers


# one name, a LaTeX subscript's braces allowed (c_out, C_{out}, out_channels)
_ONE_NAME = lazy_pattern(r"^\s*[A-Za-z][A-Za-z0-9]*(?:_\{?[A-Za-z0-9]+\}?)*\s*$")


def _labelled_name(kept: list[str]) -> bool:
    """Whether the sides of a chain left once its worked numbers are away are a label
    and one name (``偏差 = c_out = 64``: the bias, its formula c_out, 64 at the author's
    layer): the name is the formula, as a product is."""
    return len(kept) == 2 and not _FORMULA().search(kept[0]) and bool(_ONE_NAME().match(kept[1]))


_TILDE = lazy_pattern(r"(?<=[^\W\d])\s*(?:~|\\sim(?![A-Za-z]))\s*(?=\S)")


def _tilde(answer: str) -> tuple[str, Note] | None:
    """``Time~O(…)``, ``FLOPs \\sim …``: a name, then ``~`` for "is about": an equals
    sign of a label (as ``\\approx`` is); before a number alone, ``≈`` (the number is
    then an approximation the reader values)."""
    match = _TILDE().search(answer)
    if match is None:
        return None
    rest = answer[match.end() :]
    # a number after it is an approximate value (``… ~ 5``): valued as after ``≈``
    sign = " ≈ " if _DECIMAL_ONLY().fullmatch(rest) else " = "
    return answer[: match.start()] + sign + rest, Note(TILDE_NOTE)


_DECIMAL_ONLY = lazy_pattern(r"\s*\d+(?:\.\d+)?\s*")


def _bias_decided(answer: str) -> tuple[str, Note] | None:
    """``answer`` with its code under a bias test run as a layer without a bias runs it
    (:func:`.code.bias_decided`), before any block's header is read away."""
    from derivations.checking.reading.code import bias_decided

    return bias_decided(answer)


_HEADER = lazy_pattern(
    r"^[ \t]*(?:if|elif|else|for|while|with|def|try|except|case)\b[^\n]*:[ \t]*(?:\n|$)", re.M
)


_BRANCH_HEADER = lazy_pattern(r"^[ \t]*(?:if|elif|else)\b[^\n]*:", re.M)


def _code_headers(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the lines that open a block of code (``if padding == 'same':``,
    ``def f(x):``): the statements under them are the formula."""
    match = _HEADER().search(answer)
    if match is None or _loop_carried(answer) or len(_BRANCH_HEADER().findall(answer)) > 1:
        return None  # (two branches' headers: their paths are :mod:`.branches`' to read)
    from derivations.checking.reading.code import bias_decided, calls_defined

    if calls_defined(answer):
        return None  # def f(…): … then f(W, KH, …): the call's value, not the body's
    if bias_decided(answer) is not None:
        return None  # if m.bias is not None: …, never run: the code reads it away
    rest = _HEADER().sub("", answer)
    if not rest.strip():
        return None
    return rest, Note(HEADER_NOTE, (("header", match.group().strip()),))


# a loop's header; a name assigned in a statement (h = …, h += …)
_LOOP = lazy_pattern(r"^[ \t]*(?:for|while)\b[^\n]*:[ \t]*$", re.M)
_ASSIGNED = lazy_pattern(
    r"^[ \t]*(?P<name>[A-Za-z_]\w*)\s*(?P<op>\*\*|//|[-+*/])?=(?!=)(?P<rhs>.*)$", re.M
)


def _loop_carried(answer: str) -> bool:
    """Whether a loop's header opens statements that update a name the loop reads
    (``for _ in range(2):`` then ``h = (h - k_h + p_h)//s_h + 1``, or ``out = …h…`` then
    ``h = out``): each pass applies the formula again, so the header is never read away
    (s8adv: a layer applied twice was accepted)."""
    loop = _LOOP().search(answer)
    if loop is None:
        return False
    body = list(_ASSIGNED().finditer(answer, loop.end()))
    assigned = {m.group("name") for m in body}
    # a name read before the body assigns it (or by the statement that assigns it) is the
    # last pass's; one assigned first and read after (``kernel = …`` then ``… - kernel``)
    # is this pass's own helper
    done: set[str] = set()
    for match in body:
        read = set(re.findall(r"(?<![\w.])[A-Za-z_]\w*", match.group("rhs")))
        if match.group("op") or (read & assigned) - done:
            return True
        done.add(match.group("name"))
    return False


_ASSIGNMENT = lazy_pattern(
    r"^\s*(?:(?:var|let|const|int|long|float|double|auto|local)\s+)?"
    r"(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\s*['\"]?\w+['\"]?\s*\])*)\s*"
    r"(?P<op>\*\*|//|[-+*/])?=(?!=)\s*(?P<body>.+?)\s*;?\s*$"
)
_RETURN = lazy_pattern(r"^\s*return\s+(?P<body>.+?)\s*;?\s*$")
_MAX_STEPS = 12  # statements followed at most
_MAX_GROWN = 2000  # characters the formula may grow to as names are put in


def _put_in(body: str, known: dict[str, str]) -> str:
    """``body`` with each name of ``known`` replaced by its formula in brackets, in one
    pass (a name inside a formula put in is the input's, not replaced again)."""
    if not known:
        return body
    names = "|".join(sorted(map(re.escape, known), key=len, reverse=True))
    return re.sub(rf"(?<![\w.])(?:{names})(?!\w)", lambda m: f"({known[m.group()]})", body)


@cache
def _layer_symbols() -> frozenset:
    """The layer's symbols (h, w, k_h, p_h …): changed in place, never an accumulator."""
    from derivations.checking.reading.aliases import LAYER_SYMBOLS

    return frozenset(LAYER_SYMBOLS)


def _a_layer_size(name: str) -> bool:
    """Whether ``name`` is, or reads by itself as, one of the layer's symbols (``h``;
    ``H``, ``in_h``: h): a value the answer changes in place (``H += 2 * pad``: the
    padded height), never an accumulator from zero."""
    from derivations.checking.reading.code import own_reading

    return name in _layer_symbols() or own_reading(name) in _layer_symbols()


# a name given a value (``out_h = 0``, ``let oh = 0;``) or added to (``out_h += …``)
_SET_OR_ADDED = lazy_pattern(r"(?<![\w.\]])(?P<name>[A-Za-z_]\w*)\s*(?P<added>\+)?=(?!=)")


# a function's head and its parameters: Python's, JavaScript's, Julia's ``def f(x, pad):``,
# ``function f(x, pad)``, Rust's, Go's, Kotlin's; a C-like head with its body's brace
_PARAMETERS = lazy_pattern(
    r"(?:\b(?:def|function|fn|func|fun)\s+[A-Za-z_]\w*\s*\((?P<a>[^()]*)\)"
    r"|^[ \t]*(?:[A-Za-z_][\w:<>*&]*[ \t]+)+[A-Za-z_]\w*\s*\((?P<b>[^()]*)\)\s*\{)",
    re.M,
)


def parameters(answer: str) -> frozenset[str]:
    """The names of the parameters of the functions ``answer`` defines (``def f(x, pad):``:
    x and pad; ``int f(int x, int pad) {``; a type or a default after the name, Python's
    ``x: int = 3``, Rust's ``x: i64``): values the function is given, never sums from
    zero."""
    names: set[str] = set()
    for match in _PARAMETERS().finditer(answer):
        for parameter in (match.group("a") or match.group("b") or "").split(","):
            head = re.split(r"[:=]", parameter)[0].split()
            if head and re.fullmatch(r"[*&]*[A-Za-z_]\w*", head[-1]):
                names.add(head[-1].lstrip("*&"))
    return frozenset(names)


def unstarted(answer: str) -> str | None:
    """The first name ``answer`` adds to (``out_h += …``) before anything gives it a value
    (``out_h = 0``, ``int oh = 0;``, a function's parameter: :func:`parameters`), other
    than one of the layer's sizes changed in place (``H += 2 * pad``: the input's height
    padded, :func:`_a_layer_size`); None where every name added to is given a value
    first.  The reading sums such a name from zero (:mod:`.code`, :func:`_run`), which
    only a count is (``flops += …``)."""
    given: set[str] = set(parameters(answer)) if "(" in answer else set()
    for match in _SET_OR_ADDED().finditer(answer):
        name = match.group("name")
        if not match.group("added"):
            given.add(name)
        elif name not in given and not _a_layer_size(name):
            return name
    return None


def _uses_itself(name: str, body: str) -> bool:
    """Whether ``body`` reads ``name`` (a whole name, not a member: ``x.H``)."""
    return re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", body) is not None


def _changed_in_place(answer: str) -> bool:
    """Whether a line gives one of the layer's sizes, or a parameter of the function the
    answer defines (:func:`parameters`), a new value from its own (``H = H + 2 * pad``:
    the padded height from then on, :func:`_a_layer_size`; ``x = x + 2 * pad``)."""
    given = parameters(answer) if "(" in answer else frozenset()
    return any(
        not match.group("op")
        and _uses_itself(match.group("name"), match.group("rhs"))
        and (_a_layer_size(match.group("name")) or match.group("name") in given)
        for match in _ASSIGNED().finditer(answer)
    )


def _statements_of(answer: str) -> list[str]:
    """``answer``'s statements: its lines and ``;``-separated parts, comments' lines away."""
    return [
        line
        for line in re.split(r"[\n;]", answer)
        if line.strip() and not line.strip().startswith(("//", "#"))  # a comment's line
    ]


def _run(
    lines: list[str], given: frozenset[str] = frozenset()
) -> tuple[tuple[str | None, str], bool, list[str]] | None:
    """(the last statement's name, or None for a ``return``, and its formula with each
    name's latest formula put in; whether a layer's size was given a new value from its
    own; the names assigned, in order) of ``lines`` run in order, or None where a line is
    no statement, a statement follows a ``return``, or the formula grows past
    :data:`_MAX_GROWN`.  A name of ``given`` (a function's parameters) holds its own
    value: added to, it is changed in place (``x += 2 * pad``), never summed from zero."""
    known: dict[str, str] = {}
    names: list[str] = []
    last: tuple[str | None, str] | None = None
    changed = False  # a layer's size given a new value from its own (H = H + 2 * pad)
    for line in lines:
        returned = _RETURN().match(line)
        match = returned or _ASSIGNMENT().match(line)
        if match is None or (last is not None and last[0] is None):
            return None
        body = _put_in(match.group("body"), known)
        if returned:
            last = (None, body)
            continue
        name, op = match.group("name"), match.group("op")
        own = name in given or _a_layer_size(name)
        if op == "+" and name not in known and not own:
            op = None  # an accumulator from zero (total += …); h += p_h: the input's h
        if not op and name not in known and _uses_itself(name, match.group("body")):
            if not own:
                return None  # total = total + …: from no value the answer gives
            changed = True
        if op:
            body = f"({known.get(name, name)}) {op} ({body})"
        names.append(name)
        known[name] = body
        last = (name, body)
        if len(body) > _MAX_GROWN:
            return None
    return (last, changed, names) if last is not None else None


def in_order(answer: str) -> tuple[str | None, str] | None:
    """(the name the last statement assigns, where it is a plain name, and its formula)
    of ``answer``'s statements run in order (:func:`_run`; one statement alone too), or
    None where they do not run."""
    lines = _statements_of(answer)
    done = _run(lines) if 0 < len(lines) <= _MAX_STEPS else None
    if done is None:
        return None
    (name, body), _, _ = done
    plain = name is not None and re.fullmatch(r"[A-Za-z_]\w*", name)
    return (name if plain else None), body


def _sequential(answer: str, given: frozenset[str] = frozenset()) -> tuple[str, Note] | None:
    """Code's statements run in order (``x = …``, ``x /= s``, ``x = floor(x + 1)``,
    ``return int(x)``): each name's latest formula put in, in brackets, where later
    statements use it; the last statement (its name's formula, or what ``return``
    gives) is the answer.  Only where a name is assigned twice, changed in place or
    returned (else the statements are read as definitions, :mod:`.statements`); None
    when a line is no statement or the formula grows past :data:`_MAX_GROWN`.  ``given``:
    the parameters of the function the statements are the body of (:func:`_run`)."""
    lines = _statements_of(answer)
    if not 1 < len(lines) <= _MAX_STEPS:
        return None
    done = _run(lines, given)
    if done is None:
        return None
    last, changed, names = done
    if (
        last[0] is not None
        and not changed
        and len(set(names)) == len(names)
        and not any(m.group("op") for m in map(_ASSIGNMENT().match, lines) if m)
    ):
        return None  # plain definitions: read as such by the first look
    plain = last[0] is not None and re.fullmatch(r"[A-Za-z_]\w*", last[0])
    text = f"{last[0]} = {last[1]}" if plain else last[1]
    return text, Note(SEQUENCE_NOTE, (("count", str(len(lines))), *_padded(lines)))


def _padded(lines: list[str]) -> tuple:
    """The ``padded`` field of a sequence's note: the first statement that pads a
    layer's size with its padding once (``h = h + p_h``, ``h += p_h``: the book's
    total, :func:`.statements.padded_once`), or none."""
    from derivations.checking.reading.statements import padded_once

    for line in lines:
        match = _ASSIGNMENT().match(line)
        if match is None or not _a_layer_size(match.group("name")):
            continue
        name, body = match.group("name"), match.group("body")
        if padded_once(f"{name} + {body}" if match.group("op") == "+" else body):
            return (("padded", line.strip()),)
    return ()


_UNPACK = lazy_pattern(
    r"^(?P<indent>[ \t]*)(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*=(?!=)(?P<values>.+)$",
    re.M,
)
UNPACKED_NOTE = "reading.note.unpacked"


def _unpacked(answer: str) -> tuple[str, Note] | None:
    """``answer`` with each line assigning several names at once (``b, c_in = x[0],
    w[1]``) written as one assignment a line, in order; None when it has none (or the
    counts differ)."""
    if "," not in answer or "=" not in answer:
        return None
    done = 0

    def split(match: re.Match) -> str:
        nonlocal done
        names = [name.strip() for name in match.group("names").split(",")]
        values = [value.strip() for value in top_level_parts(match.group("values"))]
        if len(names) != len(values) or not all(values):
            return match.group()
        done += 1
        indent = match.group("indent")
        return "\n".join(f"{indent}{n} = {v}" for n, v in zip(names, values, strict=True))

    text = _UNPACK().sub(split, answer)
    return (text, Note(UNPACKED_NOTE)) if done else None


_COMPOUND = lazy_pattern(r"[\w\])]\s*(?:\*\*|//|[-+*/])=(?!=)")


# a name incremented or decremented as a statement of its own (C's, Java's, JavaScript's
# ``out++;``, ``++out;``, ``out--``): ``out += 1``, ``out -= 1``
_INCREMENT = lazy_pattern(
    r"(?:^|(?<=[;\n{]))(?P<indent>[ \t]*)(?:(?P<pre>\+\+|--)(?P<n1>[A-Za-z_]\w*)"
    r"|(?P<n2>[A-Za-z_]\w*)(?P<post>\+\+|--))[ \t]*(?=;|\n|$)"
)


def _incremented(match: re.Match) -> str:
    name = match.group("n1") or match.group("n2")
    sign = (match.group("pre") or match.group("post"))[0]
    return f"{match.group('indent')}{name} {sign}= 1"


def in_order_first(answer: object) -> tuple[str, tuple[Note, ...]] | None:
    """The statements run in order (:func:`_sequential`, headers of code blocks away)
    when the answer changes a name in place (``x /= s``, ``x += 1``, ``x++``, ``H = H +
    2 * pad``): then the first look would read each statement as a formula of its own,
    so this one comes first; None (a substring test or two) for any other answer."""
    if isinstance(answer, str) and ("++" in answer or "--" in answer):
        answer = _INCREMENT().sub(_incremented, answer)
    if not isinstance(answer, str):
        return None
    from derivations.checking.reading.branches import branched, has_branches
    from derivations.checking.reading.code import bias_decided

    decided = bias_decided(answer)  # if m.bias is not None: …, run as the layer has none
    if decided is not None:
        ordered = in_order_first(decided[0])
        return (ordered[0], (decided[1], *ordered[1])) if ordered else None
    if has_branches(answer):  # if … else …: a formula a path, never the last one assigned
        branches = branched(answer)
        return branches if branches else None
    if "=" not in answer or (not _COMPOUND().search(answer) and not _changed_in_place(answer)):
        return None
    headers = _code_headers(answer)
    text, notes = (headers[0], (headers[1],)) if headers else (answer, ())
    done = _sequential(text, parameters(answer) if headers else frozenset())
    return (done[0], (*notes, done[1])) if done else None


_COMMENT_PREFIX = lazy_pattern(r"^[ \t]*(?://+|#+|%+|\*+(?!\*)|--|;+)[ \t]?", re.M)
# a comment's marks around the whole answer: C's and CSS's ``/* … */``, OCaml's and
# Pascal's ``(* … *)``, HTML's ``<!-- … -->``, Haskell's ``{- … -}``, Lua's ``--[[ …
# ]]``, a Python docstring
_WRAPPED_COMMENT = lazy_pattern(
    r"^\s*(?:/\*+|\(\*|<!--|\{-|--\[\[|\"\"\"|\'\'\')(?P<body>.*?)"
    r"(?:\*+/|\*\)|-->|-\}|\]\]|\"\"\"|\'\'\')\s*$",
    re.S,
)
_DIRECTIVE = lazy_pattern(r"^[ \t]*\.\.[ \t]+[\w-]+::[^\n]*$", re.M)
_ALIGNMENT = lazy_pattern(r"&|\\\\[ \t]*$|\\[bB]igg?[lr](?![A-Za-z])", re.M)


def _markup(answer: str) -> tuple[str, Note] | None:
    """``answer`` without what a formula is pasted inside: comment marks opening its lines
    (``//``, ``#``, ``%``, ``*``, ``--``, ``;``; one line commented out too), a comment's
    marks around the whole answer (:data:`_WRAPPED_COMMENT`: ``/* … */``, ``(* … *)``,
    ``{- … -}``, ``<!-- … -->``, a docstring), a reStructuredText directive line (``.. math::``), a
    LaTeX alignment's ``&`` and line ends ``\\\\``, ``\\biggl``/``\\biggr`` sizes; its lines
    joined where they are one formula (:func:`_lines`).  None when there is none of
    these."""
    given = answer
    wrapped = _WRAPPED_COMMENT().match(answer)
    if wrapped is not None:  # /* … */, (* … *), <!-- … -->, {- … -}, a docstring
        answer = wrapped.group("body")
    elif (
        "\n" not in answer
        and "&" not in answer
        and "\\big" not in answer.lower()
        and not _COMMENT_PREFIX().match(answer)  # one line commented out
    ):
        return None
    text = _DIRECTIVE().sub("", answer)
    text = _COMMENT_PREFIX().sub("", text)
    text = _ALIGNMENT().sub(" ", text)
    if text == given or not text.strip():
        return None
    joined = _lines(text)  # its lines joined where they are one formula (else kept)
    return (joined[0] if joined else text.strip()), Note(MARKUP_NOTE)


# a comment closing a line of code inside an answer of several lines: ``#`` after an
# operand (``* filter["shape"][0] # [3] if groups``) or after the comma closing a line of
# a tuple over lines (``h - k_h + 1,  # output height``), ``//`` or ``%`` after a
# statement's ``;`` (C, JavaScript, MATLAB), ``/* … */`` anywhere on a line
_LINE_COMMENT = lazy_pattern(
    r"(?:(?<=[\w)\]}'\",])[ \t]+#(?!define)|(?<=;)[ \t]*(?://|%))[^\n]*$|[ \t]*/\*[^\n]*?\*/", re.M
)
COMMENT_NOTE = "reading.note.comment"
_COMMENT_LINE = lazy_pattern(
    r"^[ \t]*(?://|#|%)(?!define)[ \t]*[^\W\d_][^\n=+*/^()\[\]0-9]*$", re.M
)
# a line of Python's or C's comment (``#``, ``//``) whatever it holds, and a line of code
# assigning a name (``window_mac = …``): among two of those, the first is a comment
_CODE_COMMENT_LINE = lazy_pattern(r"^[ \t]*(?://|#)(?!define)[^\n]*$", re.M)
_ASSIGNMENT_LINE = lazy_pattern(r"^[ \t]*[A-Za-z_][\w.]*[ \t]*=[^=\n]+$", re.M)


# a line continued: MATLAB's ``...`` closing it (a Python ``\\`` the reader reads; a
# book's glyph, :func:`_continuation`)
_CONTINUED_LINE = lazy_pattern(r"[ \t]*(?:\.\.\.|…)[ \t]*\n[ \t]*")


def _continued(answer: str) -> tuple[str, Note] | None:
    """``answer`` with its lines continued by MATLAB's ``...`` joined (one space each)."""
    if "\n" not in answer or not _CONTINUED_LINE().search(answer):
        return None
    return _CONTINUED_LINE().sub(" ", answer), Note(LINES_NOTE)


# words after a ``#`` (no operator, digit or bracket): a comment's, on one line too where a
# call or an index closes the code before it (``np.zeros((…, c_o))  # NHWC``)
_COMMENT_WORDS = lazy_pattern(r"#[ \t]*[^\W\d_][^\n=+*/^()\[\]0-9]*")


def _words_after_call(answer: str, comment: re.Match) -> bool:
    """Whether ``comment`` (a ``#`` and what follows) is words after a closing bracket."""
    return answer[: comment.start()].endswith((")", "]")) and bool(
        _COMMENT_WORDS().fullmatch(comment.group().strip())
    )


def _in_comment_line(answer: str, index: int) -> bool:
    """Whether ``index`` is on a line that opens with a comment mark (``# a, # b``: one
    comment, the line's, not a second one after its comma)."""
    line = answer[answer.rfind("\n", 0, index) + 1 : index].lstrip()
    return line.startswith(("#", "//", "%"))


def _line_comments(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the comments closing its lines (:data:`_LINE_COMMENT`; a ``#``
    only in an answer of several lines, or after a closing bracket, words:
    :func:`_words_after_call`), its lines joined where they are one formula
    (:func:`_lines`); None when it has none."""
    several = "\n" in answer.strip()  # ``h # w`` on one line: no code's comment
    found = [
        m
        for m in _LINE_COMMENT().finditer(answer)
        if (several or m.group().lstrip()[:1] != "#" or _words_after_call(answer, m))
        and not _in_comment_line(answer, m.start())
    ]
    # a line that is only a comment in words, among lines of code (``// 输出宽度``); any
    # comment line, among two statements or more (``# N * mac`` above ``x = …``)
    if several:
        code = len(_ASSIGNMENT_LINE().findall(answer)) >= 2
        found += list((_CODE_COMMENT_LINE if code else _COMMENT_LINE)().finditer(answer))
    found = sorted(found, key=lambda m: m.start())
    if not found or any(a.end() > b.start() for a, b in itertools.pairwise(found)):
        return None
    said = "; ".join(m.group().strip() for m in found)
    text = answer
    for match in reversed(found):
        text = text[: match.start()] + text[match.end() :]
    if not text.strip():
        return None
    joined = _lines(text)
    return (joined[0] if joined else text), Note(COMMENT_NOTE, (("text", said),))


_DISPLAY = lazy_pattern(
    r"\\begin\{(?P<env>align|equation|gather|multline|displaymath)\*?\}(?P<body>.*?)"
    r"\\end\{(?P=env)\*?\}|\$\$(?P<dollars>.+?)\$\$|\\\[(?P<bracket>.+?)\\\]",
    re.S,
)
_TAGS = lazy_pattern(r"\\(?:label|tag|nonumber|notag)\*?(?:\{[^{}]*\})?")


def _last_display(answer: str) -> tuple[str, Note] | None:
    """The last displayed formula of an answer that has words around its displays
    (``… so your formula simplifies to \\begin{align} … \\end{align}``, ``let $$s = 1$$
    … then $$…$$``): its body, ``\\label``/``\\tag`` away; None when the answer is one
    display or has none."""
    found = list(_DISPLAY().finditer(answer))
    if not found or any(_touches_math(answer, match) for match in found):
        return None
    if _states_operations(answer, found[-1]):
        return None
    last = found[-1]
    body = last.group("body") or last.group("dollars") or last.group("bracket") or ""
    body = _TAGS().sub(" ", body).strip()
    if not body or body == answer.strip() or _defines_before(body, answer[: last.start()]):
        return None
    return body, Note(DISPLAY_NOTE)


def _defines_before(body: str, before: str) -> bool:
    """Whether the display ``body`` defines a name (``k' = …``) that ``before`` writes
    after an ``=`` (``$$out = … k' …$$ 其中 $$k' = …$$``): a definition of the formula
    before it (:func:`_displays_defined`), never the answer alone."""
    defined = _DEFINES().match(body)
    if defined is None or "=" not in before:
        return False
    name = re.escape(defined.group("name"))
    return bool(re.search(rf"(?<![\w\\']){name}(?![\w'])", before.split("=", 1)[-1]))


# what may stand between two displays where the second defines a name of the first: a
# connector of a definition (:data:`.languages.CONNECTORS`: ``where``, ``其中``) and
# punctuation
_BETWEEN_DISPLAYS = lazy_pattern(
    r"^[\s,，.。:：;；]*(?P<connector>"
    + "|".join(sorted((w for ws in CONNECTORS.values() for w in ws), key=len, reverse=True))
    + r")[\s,，.。:：;；]*$",
    re.I,
)
_DEFINES = lazy_pattern(r"^\s*(?P<name>[^\W\d][\w']*(?:_\{\w+\})?)\s*=(?!=)")


def _displays_defined(answer: str) -> tuple[str, Note] | None:
    """An answer of displays (``$$ … $$``, ``\\[ … \\]``, an environment) whose later
    ones each define a name written before them, after a connector (``$$out = ⌊(in + 2p
    - k')/s⌋ + 1$$ 其中， $$k' = …$$``, ``… where $$K = …$$``): the displays' bodies on
    one line, joined by the connector (``out = …，其中 k' = …``), ``\\tag`` and
    ``\\label`` away, for the answer's statements to put the definitions in (noted
    there).  None when anything but a connector stands between two displays, or a later
    display defines no name written before it."""
    found = list(_DISPLAY().finditer(answer))
    if len(found) < 2 or answer[: found[0].start()].strip() or answer[found[-1].end() :].strip():
        return None
    bodies = [
        _TAGS().sub(" ", m.group("body") or m.group("dollars") or m.group("bracket") or "").strip()
        for m in found
    ]
    joined = bodies[0]
    for before, after, body in zip(found, found[1:], bodies[1:]):
        between = _BETWEEN_DISPLAYS().match(answer[before.end() : after.start()])
        if between is None or not _defines_before(body, joined):
            return None
        connector = between.group("connector")
        joined += (", " if connector.isascii() else "，") + connector + " " + body
    return joined, Note(MARKUP_NOTE)


# math just before or just after a display (an operator, a number, a command, a letter
# alone, a subscript): the display is a part of a formula, not the formula
_MATH_BEFORE = lazy_pattern(
    r"(?:[-+*/^×·÷(\[{_0-9\\]|\\[A-Za-z]+|(?<![^\W\d_])(?![aAI])[A-Za-z])\s*$"
)
_MATH_AFTER = lazy_pattern(r"^\s*(?:[-+*/^×·÷=)\]}_0-9\\]|(?![aAI])[A-Za-z](?![^\W\d_]))")


def _touches_math(answer: str, match: re.Match[str]) -> bool:
    """Whether math stands right before or right after the display ``match`` (``… \\]
    \\times 2``, ``2\\begin{equation}``): then the words around it are no frame (s8adv:
    such an answer was graded on the display alone)."""
    return bool(
        _MATH_BEFORE().search(answer[: match.start()])
        or _MATH_AFTER().search(answer[match.end() :])
    )


def _states_operations(answer: str, last: re.Match[str]) -> bool:
    """Whether the words after the last display ``last``, or those of its clause before
    it, state an operation or a number (``\\] 再乘以 2``, ``twice \\[…\\]``; an
    equation's number ``(2)``, ``(eq. 3)`` is none): then they are no frame (s8adv)."""
    after = _NUMBERED().sub(" ", answer[last.end() :])
    clause = _CLAUSE().split(answer[: last.start()])[-1]
    return states_operation(after) or states_operation(clause)


# a clause's end in the words before a display
_CLAUSE = lazy_pattern(r"[.:;,!?。：；，！？\n]|\$\$|\\\]|\\end\{[a-z]+\*?\}")
# an equation's number after a display: (2), (2.1), (eq. 3), (式 4)
_NUMBERED = lazy_pattern(
    r"[(（]\s*(?:eqn?\.?|equation|式|公式)?\s*[0-9]+(?:\.[0-9]+)*\s*[)）]", re.I
)


_ENVIRONMENT = lazy_pattern(
    r"\\begin\{array\}\s*\{[lcr|\s]*\}|"  # (an array, its columns' specification)
    r"\\(?:begin|end)\{(?:array|aligned|alignedat|align|split|gathered|gather|equation|eqnarray"
    r"|multline|displaymath|flalign|cases)\*?\}(?:\{\d+\})?|\\[\[\]()]|\$\$?"
)
# an equation's number before its display (``(14.2)\[ … \]``, ``(3) $$ … $$``)
_NUMBER_BEFORE = lazy_pattern(r"^\s*\(\s*\d+(?:\.\d+)*[a-z]?\s*\)\s*(?=\\\[|\$\$|\\begin)")
_ROW_END = lazy_pattern(r"\\\\(?:\[[^\]]*\])?")


def _display_body(answer: str) -> tuple[str, Note] | None:
    """A display's formula without its LaTeX frame: an equation number before it
    (``(14.2)\\[…``), the environments (``\\begin{aligned}``, ``split``, ``equation``,
    ``\\[ \\]``, ``$$``), ``\\tag``/``\\label``, the alignment's ``&``; its rows (``\\\\``)
    a chain where a row goes on with ``&=`` (``FLOPs &= … \\\\ &= 2 …``), else statements
    of their own (``h_o &= … \\\\ w_o &= …``), a full stop or comma closing a row away.
    None when the answer has no such frame, or two rows state one name."""
    if "\\begin" not in answer and "\\[" not in answer and "\\\\" not in answer:
        return None  # (a plain $$ … $$ is the other rules')
    text = _NUMBER_BEFORE().sub("", answer)
    text = _TAGS().sub(" ", _ENVIRONMENT().sub(" ", text))
    rows: list[str] = []
    for row in _ROW_END().split(text):
        row = row.strip().rstrip(".,;，。").strip()
        if not row:
            continue
        if rows and row.startswith("&"):
            rows[-1] += " " + row
        else:
            rows.append(row)
    rows = [" ".join(row.replace("&", " ").split()) for row in rows]
    named = [row.split("=", 1)[0].strip() for row in rows if "=" in row]
    if len(set(named)) < len(named):
        return None  # two rows for one name (m_h = …; m_h = …): no rewrite decides
    done = "; ".join(rows)
    if not done or done == answer.strip():
        return None
    return done, Note(MARKUP_NOTE)


def _traditional(answer: str) -> tuple[str, Note] | None:
    """``answer`` with traditional Chinese characters read as simplified (the table of
    :mod:`.traditional`, imported only when a Han character is in the answer)."""
    if answer.isascii() or not any("\u4e00" <= char <= "\u9fff" for char in answer):
        return None
    from derivations.checking.reading.traditional import simplified

    folded = simplified(answer)
    if folded is None:
        return None
    changed = "".join(sorted({a for a, b in zip(answer, folded, strict=True) if a != b}))
    return folded, Note(TRADITIONAL_NOTE, (("characters", changed),))


# BBCode's tags (``[math]…[/math]``, ``[b]``, ``[code=python]``) and MediaWiki's math
# template (``{{math|…}}``); an opening tag right after a name or a bracket is code's
# index (``x[i]``, ``shape[s]``), never a tag
_BBCODE_TAGS = r"(?:math|tex|latex|itex|code|b|i|u|s|quote|sub|sup|font|color|size|center|mono)"
_BBCODE = lazy_pattern(
    rf"(?<![\w\])}}])\[{_BBCODE_TAGS}(?:=[^\]\n]{{0,20}})?\]|\[/{_BBCODE_TAGS}\]"
    r"|\{\{\s*(?:math|mvar)\s*\|(?:\s*\d=)?|\}\}",
    re.I,
)
BBCODE_NOTE = "reading.note.bbcode"


def _bbcode(answer: str) -> tuple[str, Note] | None:
    """``answer`` without BBCode's tags (``[math]m_h = …[/math]``, ``[b]…[/b]``,
    ``[code]…[/code]``) and MediaWiki's ``{{math|…}}`` template: what they frame kept,
    ``[sub]``/``[sup]`` read as a subscript and a power."""
    if "[" not in answer and "{{" not in answer:
        return None
    found = list(_BBCODE().finditer(answer))
    if not found:
        return None

    def read(match: re.Match) -> str:
        tag = match.group().lower()
        if tag in ("[sub]", "[sup]"):
            return "_{" if tag == "[sub]" else "^{"
        return "}" if tag in ("[/sub]", "[/sup]") else " "

    text = _BBCODE().sub(read, answer).strip()
    tags = ", ".join(dict.fromkeys(m.group() for m in found))
    return (text, Note(BBCODE_NOTE, (("tags", tags),))) if text else None


# a prompt opening a line pasted from a console or a notebook (``>>> ``, ``... ``,
# ``In [3]: ``, ``Out[3]: ``, ``julia> ``, ``> `` of R or a Markdown quotation)
_PROMPT = lazy_pattern(
    r"^[ \t]*(?:>>>|\.\.\.(?=[ \t])|In \[\d*\]:|Out\[\d*\]:|julia>|In\[\d*\]:=|Out\[\d*\]=|>)[ \t]?",
    re.M,
)
PROMPT_NOTE = "reading.note.prompt"


def _prompts(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the prompts opening its lines (a console's ``>>>``, a notebook's
    ``In [1]:``/``Out[1]:``, Mathematica's ``In[1]:=``, a Markdown quotation's ``>``), its
    lines joined where they are one formula."""
    if ">" not in answer and "[" not in answer:
        return None
    found = [m.group().strip() for m in _PROMPT().finditer(answer)]
    if not found:
        return None
    text = _PROMPT().sub("", answer)
    if not text.strip():
        return None
    joined = _lines(text)
    said = ", ".join(dict.fromkeys(found))
    return (joined[0] if joined else text.strip()), Note(PROMPT_NOTE, (("prompts", said),))


_TABLE_RULE = lazy_pattern(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
TABLE_NOTE = "reading.note.table"


def _table(answer: str) -> tuple[str, Note] | None:
    """A Markdown table's rows (``| output height | (h - k_h + p_h)/s_h + 1 |``) as lines of
    ``label: formula`` (the last cell the formula, the cells before it its label), its
    rule (``|---|---|``) away and, above a rule, the header; None when the answer holds no
    row of cells or a row of more than three."""
    lines = answer.strip().splitlines()
    if not lines or not all(line.strip().startswith("|") for line in lines):
        return None
    rule = next((i for i, line in enumerate(lines) if _TABLE_RULE().match(line)), None)
    rows = lines[rule + 1 :] if rule is not None else lines
    out = []
    for row in rows:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if not 1 <= len(cells) <= 3 or not cells[-1]:
            return None
        label = " ".join(cell for cell in cells[:-1] if cell)
        out.append(f"{label}: {cells[-1]}" if label else cells[-1])
    if not out:
        return None
    return "\n".join(out), Note(TABLE_NOTE, (("rows", str(len(out))),))


# backslashes doubled, as JSON or a Markdown source escapes them (``\\frac``, ``\\(``)
_DOUBLED = lazy_pattern(r"\\\\(?=[A-Za-z()\[\]{}])")


def _doubled_backslashes(answer: str) -> tuple[str, Note] | None:
    """``answer`` with LaTeX's backslashes pasted doubled (``\\\\frac{…}``, ``\\\\(…\\\\)``)
    single, where no command is written with one backslash."""
    if "\\\\" not in answer or re.search(r"(?<!\\)\\[A-Za-z]", answer):
        return None
    text = _DOUBLED().sub(lambda m: "\\", answer)
    return (text, Note(MARKUP_NOTE)) if text != answer else None


_TAG = lazy_pattern(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]*)\b[^<>]*?/?>")
_SCRIPTS = {"sub": "_", "sup": "^"}
# a fraction's slash between a superscript and a subscript, as HTML writes it
_SLASH = lazy_pattern(r"</sup>\s*(?:[/⁄∕]|&frasl;|&#8260;|&#x2044;)\s*<sub>", re.I)


def _fraction_tags(tags: list[re.Match], answer: str) -> dict[int, str]:
    """What each tag of a fraction set in HTML (``<sup>a</sup>/<sub>b</sub>``, as notes
    write one on a line: nested tags inside) is replaced by, by the tag's start: its
    ``<sup>`` by ``(``, its ``</sup>`` by ``)/`` (the slash between stays), its ``<sub>``
    by ``(``, its ``</sub>`` by ``)``."""
    found: dict[int, str] = {}
    names = [(m.group("name").lower(), bool(m.group("close"))) for m in tags]
    for index in range(len(tags) - 1):
        if names[index] != ("sup", True) or names[index + 1] != ("sub", False):
            continue
        if answer[tags[index].end() : tags[index + 1].start()] != "/":
            continue
        opening = _matching(names, index, "sup", -1)
        closing = _matching(names, index + 1, "sub", 1)
        if opening is None or closing is None:
            continue
        found[tags[opening].start()] = "("
        found[tags[index].start()] = ")"
        found[tags[index + 1].start()] = "("
        found[tags[closing].start()] = ")"
    return found


def _matching(names: list[tuple[str, bool]], at: int, name: str, step: int) -> int | None:
    """The index of the tag that opens (``step`` -1) or closes (1) the ``name`` tag at
    ``at``, nested ones of the same name counted; None when there is none."""
    depth, index = 0, at
    while 0 <= index < len(names):
        tag, close = names[index]
        if tag == name:
            depth += 1 if close == (step < 0) else -1
            if depth == 0:
                return index
        index += step
    return None


def _html(answer: str) -> tuple[str, Note] | None:
    """``answer`` without its HTML tags (``<b>``, ``<br>``, ``<p>``, ``<code>``): a tag
    is a space, ``<sub>x</sub>`` is ``_{x}`` and ``<sup>2</sup>`` is ``^{2}``, but a
    fraction set as ``<sup>a</sup>/<sub>b</sub>`` is ``(a)/(b)``
    (:func:`_fraction_tags`); then its entities (``&times;``, ``&amp;``) read as their
    characters; an answer with entities and no tag (``… + 1&nbsp;``) has them read so,
    noted as such.  None when it has neither."""
    tags = [m.group("name").lower() for m in _TAG().finditer(answer)] if "<" in answer else []
    if not tags:
        return _entities(answer)

    answer = _SLASH().sub("</sup>/<sub>", answer)  # ⁄, &frasl;: the slash
    fraction = _fraction_tags(list(_TAG().finditer(answer)), answer)

    def replaced(match: re.Match) -> str:
        if match.start() in fraction:
            return fraction[match.start()]
        mark = _SCRIPTS.get(match.group("name").lower())
        if mark is None:
            return " "
        return "}" if match.group("close") else mark + "{"

    import html

    text = html.unescape(_TAG().sub(replaced, answer)).strip()
    if not text:
        return None
    names = ", ".join(dict.fromkeys(f"<{name}>" for name in tags))
    return text, Note(HTML_NOTE, (("tags", names),))


_ENTITY = lazy_pattern(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def _entities(answer: str) -> tuple[str, Note] | None:
    """``answer`` with its HTML entities (``&nbsp;``, ``&minus;``, ``&#215;``) read as their
    characters, and the note naming them; None when it has none."""
    if "&" not in answer:
        return None
    found = list(dict.fromkeys(m.group() for m in _ENTITY().finditer(answer)))
    if not found:
        return None
    import html

    text = html.unescape(answer).strip()
    if not text or text == answer:
        return None
    return text, Note(ENTITIES_NOTE, (("entities", ", ".join(found)),))


# LaTeX's sizing before a bracket (``\\left``, ``\\biggl``, ``\\Bigl``) is part of it
_OPENS = lazy_pattern(
    r"(?:\\left|\\[bB]igg?l)\s*\\l(?:floor|ceil)|(?:\\left|\\[bB]igg?l)\s*[(\[]"
    r"|\\l(?:floor|ceil)|[(\[{⌊⌈]"
)
_CLOSES = lazy_pattern(
    r"(?:\\right|\\[bB]igg?r)\s*\\r(?:floor|ceil)|(?:\\right|\\[bB]igg?r)\s*[)\]]"
    r"|\\r(?:floor|ceil)|[)\]}⌋⌉]"
)
_SPACING = r"(?:\s|\\[,;:! ])*"
# a times sign (X, x, ×, \\times) standing alone, LaTeX's spacing around it
_SIZE_TIMES = lazy_pattern(
    _SPACING + r"(?:(?<![A-Za-z_\\])[Xx](?![A-Za-z_0-9])|×|\\times(?![A-Za-z]))" + _SPACING
)
_TOP_SUM = lazy_pattern(r"[-+−]")
# a rounding or a conversion called on a bracket (``floor(…)``, ``math.floor(…)``, ``int(…)``)
_ROUNDING_CALL = lazy_pattern(
    r"(?:(?:math|np|numpy|torch|Math|std:)[.:])?(?:floor|ceil|int|trunc)\s*(?=\()"
)
_ROUNDING_BEFORE = lazy_pattern(
    r"(?:(?:math|np|numpy|torch|Math|std:)[.:])?(?:floor|ceil|int|trunc)\s*$"
)
# what bounds a size written before the sign (a label's ``=`` or colon, the math's ``$``, a
# back-quote, a line's start, a word of Chinese or Japanese), or after it (those, an
# equation's number or label: ``\\tag{2}``)
_EDGE_BEFORE = lazy_pattern(r"[=:：$`\n\u3000-\u9fff\uff00-\uffef]")
_EDGE_AFTER = lazy_pattern(
    r"[$`\n,，;；:：。\u3000-\u9fff\uff00-\uffef]|\.(?!\d)|\\(?:tag|label)\*?\{"
)
# a word of prose next to a bracketed size (``is (…) x (…)``, ``(…) x (…) matrix``)
_PROSE_BEFORE = lazy_pattern(r"(?:^|\s)[^\W\d_]{2,}\s+$")
_PROSE_AFTER = lazy_pattern(r"^\s+[^\W\d_]{2,}(?:\s|$|[.,;:])")
_FORMULA_MARK = lazy_pattern(r"[-+−/]|\\frac")
# a word of prose before more words or a bracket (``gives (…``), a rounding's name apart
_PROSE_WORD = lazy_pattern(r"(?<![\\\w])(?!(?:floor|ceil|int|trunc)\b)[^\W\d_]{2,}\s+(?=[^\W\d(])")


def _a_size(text: str) -> bool:
    """Whether ``text`` is a size's formula: a sum at its top level (``⌊…⌋ + 1``,
    ``floor(…) + 1``), or one
    bracket or floor around it all (a rounding's or a conversion's name before it:
    ``floor(…)``, ``int(…)``)."""
    if any(_depth_at(text, m.start()) == 0 for m in _TOP_SUM().finditer(text)):
        return True  # floor(…) + 1 too
    call = _ROUNDING_CALL().match(text)
    if call is not None:
        text = text[call.end() :]
    marks = sorted(
        [(m.start(), m.end(), 1) for m in _OPENS().finditer(text)]
        + [(m.start(), m.end(), -1) for m in _CLOSES().finditer(text)]
    )
    if not marks or marks[0][0] != 0 or marks[-1][1] != len(text.rstrip()):
        return False
    depth = 0
    for index, (_, _, step) in enumerate(marks):
        depth += step
        if depth <= 0 and index < len(marks) - 1:
            return False  # (a) + (b): the first bracket closes before the end
    return depth == 0


def _depth_at(text: str, index: int) -> int:
    """The bracket depth at ``index`` (LaTeX's \\left, \\lfloor and their closes counted)."""
    head = text[:index]
    return len(_OPENS().findall(head)) - len(_CLOSES().findall(head))


def _group_before(text: str, end: int) -> int | None:
    """The start of the bracket (or floor) closing at ``end`` (a rounding's name before it
    included), or None when ``text[:end]`` ends in no closing bracket."""
    marks = sorted(
        [(m.start(), m.end(), 1) for m in _OPENS().finditer(text, 0, end)]
        + [(m.start(), m.end(), -1) for m in _CLOSES().finditer(text, 0, end)]
    )
    if not marks or marks[-1][1] != end or marks[-1][2] != -1:
        return None
    depth = 0
    for start, _, step in reversed(marks):
        depth -= step
        if depth == 0:
            call = _ROUNDING_BEFORE().search(text, 0, start)
            return call.start() if call else start
    return None


def _group_after(text: str, start: int) -> int | None:
    """The end of the bracket (or floor) opening at ``start`` (after a rounding's name),
    or None when none opens there."""
    call = _ROUNDING_CALL().match(text, start)
    start = call.end() if call else start
    marks = sorted(
        [(m.start(), m.end(), 1) for m in _OPENS().finditer(text, start)]
        + [(m.start(), m.end(), -1) for m in _CLOSES().finditer(text, start)]
    )
    if not marks or marks[0][0] != start or marks[0][2] != 1:
        return None
    depth = 0
    for _, stop, step in marks:
        depth += step
        if depth == 0:
            return stop
    return None


def _first_size(text: str, end: int) -> int | None:
    """Where the size written just before ``end`` (a times sign) starts: everything after
    a label's ``=`` or colon, the math's ``$`` or a line's start, when that is a size
    (``m_h = ⌊…⌋ + 1 X …``); else a bracket (``floor(…)``) after such an edge or a word
    of prose; None when neither (``c_o (h - k) X …``: a product)."""
    edges = list(_EDGE_BEFORE().finditer(text, 0, end))
    start = edges[-1].end() if edges else 0
    if _a_size(text[start:end].strip()) and not _PROSE_WORD().search(text, start, end):
        return start + len(text[start:end]) - len(text[start:end].lstrip())
    group = _group_before(text, len(text[:end].rstrip()))
    if group is None:
        return None
    head = text[:group]
    if (
        not head.strip()
        or _EDGE_BEFORE().fullmatch(head.rstrip()[-1])
        or _PROSE_BEFORE().search(head)
    ):
        return group
    return None


def _second_size(text: str, start: int) -> int | None:
    """Where the size written just after ``start`` (a times sign) ends (:func:`_first_size`
    the other way: up to the math's closing ``$``, a sentence's end or a line's)."""
    edge = _EDGE_AFTER().search(text, start)
    end = edge.start() if edge else len(text)
    if _a_size(text[start:end].strip()) and not _PROSE_WORD().search(text, start, end):
        return len(text[:end].rstrip())
    group = _group_after(text, start)
    if group is None:
        return None
    tail = text[group:]
    if not tail.strip() or _EDGE_AFTER().match(tail.lstrip()) or _PROSE_AFTER().match(tail):
        return group
    return None


def two_sizes(answer: str) -> tuple[str, Note] | None:
    """A size of a 2-D shape written as ``A X B`` (``⌊…⌋ X ⌊…⌋``, ``(…) × (…)``,
    ``floor(…) x floor(…)``: the height by the width, X or × between two sizes at the
    top level, once): the answer with ``A X B`` replaced in place by the pair ``(A,
    B)``, or by ``A`` alone where both are written alike (a square layer's size twice).
    What is around it stays for the reader (a label before an ``=`` or a colon, a
    sentence, the math's ``$``).  Each size is what a label's ``=`` or colon, the math's
    ``$``, a line or a word of prose bounds, or one bracket (a rounding's name before
    it); a size holds an operator (``+``, ``-``, ``/``); a bracket after a factor
    (``c_o (h - k) x (w - k)``) is no size.  For the checker to read in place of the
    product where the question asks one size along an axis."""
    if not isinstance(answer, str):
        return None
    found = []
    for sign in _SIZE_TIMES().finditer(answer):
        if _depth_at(answer, sign.start()) != 0:
            continue
        begin, stop = _first_size(answer, sign.start()), _second_size(answer, sign.end())
        if begin is None or stop is None:
            continue
        first, second = answer[begin : sign.start()].strip(), answer[sign.end() : stop].strip()
        if _FORMULA_MARK().search(first) and _FORMULA_MARK().search(second):
            found.append((begin, sign, stop, first, second))
    if len(found) != 1:
        return None
    begin, sign, stop, first, second = found[0]
    alike = "".join(first.split()) == "".join(second.split())
    body = first if alike else f"({first}, {second})"
    text = f"{answer[:begin]}{body}{answer[stop:]}"
    return text, Note(TWO_SIZES_NOTE, (("sign", sign.group().strip()), ("alike", str(alike))))


def _alternation(words) -> str:
    return words_pattern(*words)


def _rate_patterns() -> list[re.Pattern]:
    from derivations.checking.reading.languages import (
        CARDINALS,
        RATE_ADVERBS,
        RATE_ARTICLES,
        RATE_CLOSINGS,
        RATE_EACH_ATTACHED,
        RATE_FOR_EACH,
        RATE_HAS,
        RATE_HAS_ATTACHED,
        RATE_LEADS,
        RATE_ONE,
        RATE_PER,
        RATE_SUBJECTS,
        RATE_TIED,
    )

    one = _alternation(w for words in RATE_ONE.values() for w in words)
    each, has, own = (
        _alternation(w for words in RATE_HAS.values() for w in words[i]) for i in range(3)
    )
    per = _alternation(w for words in RATE_PER.values() for w in words)
    adverb = _alternation(RATE_ADVERBS)
    zh_each, zh_one = RATE_EACH_ATTACHED["zh"]
    ja_each, ja_one = RATE_EACH_ATTACHED["ja"]
    ko_each, ko_one = RATE_EACH_ATTACHED["ko"]
    ko_subject, ko_topic, ko_there, ko_is = map(_alternation, RATE_CLOSINGS["ko"])
    # what may stand before "one" (RATE_LEADS: connector, "there is" or a subject and its
    # verb, "exactly"), no other word; the articles after "per" that are no number
    connector, there, subject, verb, exact = (
        _alternation(w for words in RATE_LEADS.values() for w in words[i]) for i in range(5)
    )
    said = rf"(?:(?:{subject})\s+)?(?:(?:{adverb})\s+)?(?:{verb})\s+"
    lead = rf"(?:(?:{connector})[,，]?\s+)?(?:(?:{there})\s+|{said})?(?:(?:{exact})\s+)?"
    numbers = {w.lower() for w in every_word(CARDINALS)}
    of, the = (
        _alternation(w for words in RATE_ARTICLES.values() for w in words[i] if w not in numbers)
        for i in range(2)
    )
    the_any = _alternation(w for words in RATE_ARTICLES.values() for w in words[1])
    return [
        re.compile(
            rf"^{lead}(?:{one})\s+(?:(?P<thing>[^\W\d_][\w\s'-]{{0,40}}?)\s+)?"
            rf"(?:{per})\s+(?:(?:{of})\s+(?:(?:{the})\s+)?)?"
            r"(?P<unit>[^\W\d_][\w\s'-]{0,40}?)\s*[.。!]?\s*$",
            re.I,
        ),
        re.compile(
            rf"^[\w\s，,]*?(?:{_alternation(zh_each)})(?P<unit>[\u4e00-\u9fff\w]+?)"
            rf"(?:{_alternation(zh_one)})(?P<thing>[\u4e00-\u9fff\w]*)[。.]?\s*$"
        ),
        re.compile(
            rf"^(?P<unit>[^\s。.]+?)(?:{_alternation(ja_each)})(?:{_alternation(ja_one)})"
            r"[^\s。.]*[。.]?\s*$"
        ),
        re.compile(
            rf"^(?:{each})\s+(?P<unit>[^\W\d_][\w\s'-]{{0,40}}?)\s+(?:(?:{adverb})\s+)?"
            rf"(?:{has})\s+(?:{own})\s+"
            r"(?P<thing>[^\W\d_][\w\s'-]{0,40}?)\s*[.。!]?\s*$",
            re.I,
        ),
        re.compile(
            rf"^(?:(?:{connector})[,，]?\s+)?(?:(?:{the_any})\s+)?"
            r"(?P<thing>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)\s+"
            rf"(?:{_alternation(w for words in RATE_TIED.values() for w in words)})\s+"
            r"(?:(?:the|each|every|its|chaque|cada|jedem|jeder|le|la|les|el|los|o|os|den|dem)\s+)?"
            r"(?P<unit>[^\W\d_][\w\s'-]{0,40}?)"
            r"(?:\s*[,，]?\s*(?:and\s+|et\s+|y\s+|e\s+|und\s+)?(?:not|non|pas|no|não|nicht)\s+[^.。]*)?"
            r"\s*[.。!]?\s*$",
            re.I,
        ),
        re.compile(
            r"^(?P<thing>[\u4e00-\u9fff]+?)(?:与|和|跟)(?P<unit>[\u4e00-\u9fff]+?)"
            r"(?:一一对应|一一對應|一一相对应|一对一)[。.]?\s*$"
        ),
        # for each Y, a subject and a verb, one X (``For each filter we also learn one bias``)
        re.compile(
            rf"^(?:{_alternation(RATE_FOR_EACH)})\s+(?P<unit>[^\W\d_][\w\s'-]{{0,40}}?)\s*,?\s+"
            rf"(?:{_alternation(RATE_SUBJECTS)})\s+(?:(?:{adverb})\s+)?(?:(?:{verb})\s+)?"
            rf"(?:(?:{exact})\s+)?(?:{one})\s+"
            r"(?P<thing>[^\W\d_][\w\s'-]{0,40}?)"
            r"\s*[.。!]?\s*$",
            re.I,
        ),
        # Korean: Y, "per", then one X or X and one (``필터마다 하나의 편향``, ``출력 채널마다
        # 편향 1개``)
        re.compile(
            rf"^(?P<unit>[^\s。.]+(?:\s[^\s。.]+)?)(?:{_alternation(ko_each)})\s*"
            rf"(?:{_alternation(ko_one)})\s*(?P<thing>[^\s。.\d]+?)(?:{ko_subject})?\s*"
            rf"(?:{ko_there})?\s*[。.]?\s*$"
        ),
        re.compile(
            rf"^(?P<unit>[^\s。.]+(?:\s[^\s。.]+)?)(?:{_alternation(ko_each)})\s*"
            rf"(?P<thing>[^\s。.\d]+?)(?:{ko_subject}|{ko_topic})?\s*(?:{_alternation(ko_one)})"
            rf"(?:{ko_is}|{ko_there})?\s*[。.]?\s*$"
        ),
        # each Y has one X, in the scripts that attach a particle to Y (RATE_HAS_ATTACHED)
        *(
            re.compile(
                rf"^(?:{_alternation(each_)})\s*(?P<unit>[^\s。.、，,]+?(?:\s[^\s。.、，,]+?)?)\s*"
                rf"(?:{_alternation(particles)})?\s*(?:{_alternation(own_)})\s*"
                rf"(?P<thing>[^\s。.、，,]+?)\s*(?:{_alternation(verbs)})?\s*[。.]?\s*$"
            )
            for each_, particles, own_, verbs in (RATE_HAS_ATTACHED[k] for k in ("zh", "ja", "ko"))
        ),
    ]


_RATES = cache(_rate_patterns)
_TIED = 4  # the index in _rate_patterns of the tie, "X are associated with Y"
_SPACED_RATES = (0, 3, 4, 6)  # … and of those in words between spaces (their Y's number)
_KOREAN_RATES = (7, 8, 11)  # … and of those in Korean (``필터 수``: its number, spaced)


def rate_sentence(answer: str) -> tuple[str, Note] | None:
    """A count said as a rate, "one X for each Y" (``There is one bias value for each
    output channel.``, ``un sesgo por cada canal de salida``, ``每个输出通道一个偏置``,
    ``出力チャンネルごとに1つ``; :data:`.languages.RATE_ONE`, :data:`.languages.RATE_PER`,
    :data:`.languages.RATE_EACH_ATTACHED`) or "each Y has one X" (``Each filter has its
    own bias``, ``cada filtro tiene un sesgo``; :data:`.languages.RATE_HAS`), X a bias
    where it is said (:data:`.languages.RATE_COUNTED`: ``one weight per filter`` is no
    count of biases, None): the number of Y (``number of output
    channel``, ``输出通道数``), for the reader to read as its quantity (a Y it does not
    read stays refused); None where the sentence denies or asks (:func:`.islands.denied`:
    ``I don't think there is one bias per filter``), bounds it, says it absent or at
    times (:func:`_rate_unsaid`: ``at least``, ``1つ以上``, ``sans``, ``a veces``), puts
    a word before "one" that :data:`.languages.RATE_LEADS` does not hold (``más de un
    sesgo …``), a number before Y or in X (:func:`_of_several`: ``por cada dos canales``,
    ``one or two biases``), or ties X to Y with any word before the bias's
    (``some biases are associated with filters``)."""
    if len(answer) > 160 or "=" in answer or _rate_unsaid().search(answer):
        return None
    from derivations.checking.reading.islands import denied
    from derivations.checking.reading.languages import RATE_COUNTED

    for index, pattern in enumerate(_RATES()):
        match = pattern.match(answer.strip())
        if match is None:
            continue
        thing = (match.groupdict().get("thing") or "").lower()
        if _of_several(match.group("unit")) or _of_several(thing, anywhere=True):
            return None  # un sesgo por cada dos canales, one or two biases per filter
        if thing and not any(word in thing for word in RATE_COUNTED):
            return None  # one weight per filter: no count of biases
        if index == _TIED and not thing.startswith(tuple(w.lower() for w in RATE_COUNTED)):
            return None  # some biases are associated with filters: no count
        # each filter has one bias per input channel: one for each pair, Y's number
        # times the number of the second Y (:func:`_second_rate`)
        units = [match.group("unit").strip()]
        if _rate_per().search(thing):
            second = _second_rate(match.group("thing"))
            if second is None or index not in _SPACED_RATES:
                return None
            units.append(second)
        # (a tie's contrast after it, ``…, and not the activation maps``, is its own)
        said = answer.strip()[: match.start("thing")] if index == _TIED else answer
        if denied(said):
            return None  # I don't think there is one bias per filter
        if any(_of_elements(unit) for unit in units):
            return None
        if index in _SPACED_RATES:
            text = " * ".join(COUNT_OF["en"].format(_in_roles(u) or u) for u in units)
        else:
            unit = units[0]
            text = COUNT_OF["ko" if index in _KOREAN_RATES else "zh"].format(unit)
        return text, Note(RATE_NOTE, (("sentence", answer.strip()),))
    return None


def _in_roles(unit: str) -> str | None:
    """A rate's Y written in a language the name reader reads by its label words only
    (Russian ``выходной канал``, Vietnamese ``kênh đầu ra``, Portuguese ``canal de saída``)
    as the roles its words name in the parts record (:func:`.registry.notations.name_parts`,
    :func:`.registry.notations.label_phrases`: ``output channel``), the tensor's role
    first; None where it is ASCII already, or a word of it names no role (then it is read
    as written, and a word the reader does not know keeps it refused)."""
    if unit.isascii():
        return None
    from derivations.registry.notations import folded, label_phrases, name_parts

    text = f" {folded(unit.lower())} "
    roles = []
    for phrase, role in label_phrases():
        while f" {phrase} " in text:
            roles.append(role)
            text = text.replace(f" {phrase} ", " ", 1)
    parts = name_parts()
    for word in text.split():
        part = parts.get(word)
        if part is None:
            return None
        if part != "filler":
            roles.append(part)
    tensors = [r for r in roles if r in ("input", "output")]
    rest = [r for r in roles if r not in ("input", "output")]
    return " ".join(tensors + rest) or None


# the words that bound a rate or say it absent or at times, wherever they stand in its
# sentence, every language's (:data:`.languages.LEAD_BOUNDS`, :data:`.languages.TRAIL_BOUNDS`,
# :data:`.languages.RATE_UNSAID`): ``at least one bias per filter``, ``出力チャネルごとに
# 1つ以上``, ``至少每个输出通道一个偏置``, ``sans un biais par canal`` (s17rev F1, F4, F14)
@cache
def _rate_unsaid() -> re.Pattern:
    from derivations.checking.reading.languages import (
        LEAD_BOUNDS,
        LETTER,
        RATE_UNSAID,
        TRAIL_BOUNDS,
    )

    words = (*every_word(LEAD_BOUNDS), *every_word(TRAIL_BOUNDS), *every_word(RATE_UNSAID))
    return re.compile(words_pattern(*words, before=LETTER, after=LETTER), re.I)


# the words for "per" (:data:`.languages.RATE_PER`, and :data:`.languages.RATE_EACH_ATTACHED`'s
# in the scripts without spaces), found in a rate's X: ``Each filter has one bias per input
# channel`` says a bias for each pair of a filter and an input channel (c_o c_i), no count
# of filters (s17rf2's full run read it as the number of filters, c_o, and accepted it)
@cache
def _rate_per() -> re.Pattern:
    from derivations.checking.reading.languages import LETTER, RATE_EACH_ATTACHED, RATE_PER

    words = (*every_word(RATE_PER), *(w for each, _ in RATE_EACH_ATTACHED.values() for w in each))
    return re.compile(words_pattern(*words, before=LETTER, after=LETTER), re.I)


def _second_rate(thing: str) -> str | None:
    """The second Y of a rate's X that holds "per" (:func:`_rate_per`: ``bias per input
    channel`` in ``Each filter has one bias per input channel``): the words after it,
    where the words before it name the bias (:data:`.languages.RATE_COUNTED`) and those
    after it are one Y (no number, :func:`_of_several`; no third "per"); else None (the
    sentence is not read)."""
    from derivations.checking.reading.languages import RATE_COUNTED

    found = _rate_per().search(thing)
    if found is None:
        return None
    before, after = thing[: found.start()].strip(), thing[found.end() :].strip()
    if not any(word in before.lower() for word in RATE_COUNTED):
        return None
    if not after or _rate_per().search(after) or _of_several(after):
        return None
    return after


def _rate_led(before: str) -> bool:
    """Whether the text ``before`` a rate inside a sentence (up to its "one") ends where
    a rate may start: nothing, a mark, or a word of :data:`.languages.RATE_LEADS` or
    :data:`.languages.RATE_INSIDE_BEFORE` (``we apply``, ``is true for``), not another
    (``nearly``, ``about``, ``mindestens``: s17rev F14)."""
    text = before.rstrip()
    if not text or not (text[-1].isalnum() or text[-1] in "'’"):
        return True
    return _rate_lead_end().search(text) is not None


@cache
def _rate_lead_end() -> re.Pattern:
    from derivations.checking.reading.languages import (
        LETTER,
        RATE_ADVERBS,
        RATE_INSIDE_BEFORE,
        RATE_LEADS,
    )

    words = (
        *(w for parts in RATE_LEADS.values() for part in parts for w in part),
        *every_word(RATE_INSIDE_BEFORE),
        *RATE_ADVERBS,
    )
    return re.compile(rf"(?:{words_pattern(*words, before=LETTER)})$", re.I)


def _of_several(unit: str | None, *, anywhere: bool = False) -> bool:
    """Whether a rate's Y (or its X) is said with a number (:data:`.languages.CARDINALS`:
    ``dos canales``, ``zwei Filter``, ``两个通道``, ``one or two biases``): one X for every
    two Y is no count of Y (s17rev F13); a word of a spaced script counts whole, an
    attached one where the text opens with it (or, ``anywhere``, holds it)."""
    from derivations.checking.reading.languages import CARDINALS, attached

    text = (unit or "").strip().lower()
    words = text.split()
    for number in every_word(CARDINALS):
        if attached(number):
            if text.startswith(number) or (anywhere and number in text):
                return True
        elif number.lower() in words:
            return True
    return False


def _of_elements(unit: str) -> bool:
    """Whether a rate's Y names elements of a part (``filter element``: a memory's unit
    word, :data:`.languages.ELEMENT_WORDS`): one bias per filter element is one per
    weight, not per filter (s15rev F15: the word was dropped as a unit and the sentence
    read as c_o)."""
    from derivations.checking.reading.languages import ELEMENT_WORDS

    return any(word in ELEMENT_WORDS for word in unit.lower().split()[1:])


# a bias said as a rate inside a sentence, "one bias per Y" (``Therefore, we apply one bias
# value to the entire filter's output, …``, ``(I think it is one bias per one filter…)``):
# the words for "one" and for "per" (:data:`.languages.RATE_ONE`, :data:`.languages.RATE_PER`
# and "to (each | the entire)"), the bias's word with its noun, Y's words up to a clause's end
@cache
def _rate_inside_pattern() -> re.Pattern:
    from derivations.checking.reading.languages import (
        RATE_COUNTED,
        RATE_EACH_ATTACHED,
        RATE_INSIDE,
        RATE_ONE,
        RATE_PER,
        RATE_TO,
    )

    one = _alternation(w for words in RATE_ONE.values() for w in words)
    per = _alternation([*(w for words in RATE_PER.values() for w in words), *RATE_TO])
    bias = _alternation(w for w in RATE_COUNTED if w.isascii())
    nouns, clauses = (_alternation(words) for words in RATE_INSIDE["en"])
    zh_each, zh_one = RATE_EACH_ATTACHED["zh"]
    adverbs, verbs, same = (_alternation(words) for words in RATE_INSIDE["zh"])
    zh_bias = _alternation(w for w in RATE_COUNTED if not w.isascii())
    return re.compile(
        rf"(?<![\w'’])(?:only\s+)?(?:{one})\s+(?:{bias})\w*(?:\s+(?:{nouns})s?)?"
        rf"\s+(?:{per})\s+(?:one\s+)?(?P<unit>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){{0,3}}?)"
        rf"(?:['’]s\s+(?:output|outputs)|\s+as\s+a\s+whole)?\s*(?=$|[.,;:!…)，。；）]|\s+(?:{clauses})\b)"
        rf"|(?:为|給|给)?(?:{_alternation(zh_each)})(?P<zh>[\u4e00-\u9fffA-Za-z]+?)"
        rf"(?:{adverbs})?(?:{verbs})?(?:{_alternation(zh_one)}|{same})(?:{zh_bias}|bias)",
        re.I,
    )


# a sentence's formula marks: an operator, an equals sign, a digit but a lone 1 (the
# rate's "one"), a symbol of the book with its subscript, a dash between spaces (a minus,
# or a glossary's: ``K – Anzahl der Filter, …`` defines a letter, nothing to grade)
_SENTENCE_MATH = lazy_pattern(r"[=+*/^×·_\\$]|(?<![\w.])(?!1(?![\d.,]))\d|\s[-–—]\s")


def rate_inside(answer: str) -> tuple[str, Note] | None:
    """A bias count said as a rate inside prose that holds no formula (``Therefore, we
    apply one bias value to the entire filter's output, maintaining …``, ``(I think it
    is true for one bias per one filter…)``, ``包含偏置项，每个输出通道一个偏置``,
    ``为每个filter提供相同的bias``): the number of Y, for the reader to read as its
    quantity (a Y it does not read stays refused), as :func:`rate_sentence` reads a
    sentence that is the rate alone.  None where the prose holds a formula, a number
    or a second rate, denies or asks, or multiplies (:func:`_plain_words`), bounds the
    rate or says it absent or at times (:func:`_rate_unsaid`), says Y with a number
    (:func:`_of_several`), puts before its "one" a word no rate opens with
    (:func:`_rate_led`: ``nearly one bias per filter``), or is over 400 characters."""
    if len(answer) > 400 or not _BIAS_PART().search(answer) or _SENTENCE_MATH().search(answer):
        return None
    if _rate_unsaid().search(answer):
        return None  # we apply at least one bias value to each filter
    found = list(_rate_inside_pattern().finditer(answer))
    if len(found) != 1:
        return None
    match = found[0]
    if _of_several(match.group("unit") or match.group("zh")):
        return None
    if match.group("unit") and not _rate_led(answer[: match.start()]):
        return None  # nearly one bias per filter, mindestens ein Bias pro Filter
    # (one bias per filter and one per position: a second rate; I don't think …: denied)
    if not _plain_words(f"{answer[: match.start()]} {answer[match.end() :]}"):
        return None
    unit = (match.group("unit") or match.group("zh")).strip()
    if _of_elements(unit):
        return None
    text = COUNT_OF["en" if unit.isascii() else "zh"].format(unit)
    return text, Note(RATE_NOTE, (("sentence", answer.strip()),))


# a vector of a length said in words (``a vector of length c_o``, ``a c_o-dimensional
# vector``, ``一个 (c_o,) 向量``, ``长度为 c_o 的向量``): its length, the formula between
# the words (no words inside it but a name's)
# (the vector's words: :data:`.languages.VECTOR_WORDS`, those around its length:
# :data:`.languages.VECTOR_PHRASE`)
_EN, _ZH = VECTOR_PHRASE["en"], VECTOR_PHRASE["zh"]
_VECTOR = lazy_pattern(
    rf"(?<![^\W\d_])(?:{words_pattern(*_EN['one'])})\s+(?:(?:{words_pattern(*_EN['kind'])})\s+)?"
    rf"(?:{words_pattern(*VECTOR_WORDS['en'])})\s+"
    rf"(?:of\s+)?(?:{words_pattern(*_EN['length'])})"
    r"\s+(?P<a>[^\s,;。，；]+(?:\s*[*×·]\s*[^\s,;。，；]+)*)"
    rf"|(?<![^\W\d_])(?:{words_pattern(*_EN['one'])})\s+(?P<b>[^\s,;。，；-]+)-"
    rf"(?:{words_pattern(*_EN['joined'])})\s*(?:{words_pattern(*VECTOR_WORDS['en'])})?"
    rf"|(?:{words_pattern(*_ZH['one'])})?\s*(?:\(\s*(?P<c>[^(),\s]+)\s*,?\s*\)"
    rf"|(?:{words_pattern(*_ZH['length'])})(?:为|是)\s*(?P<d>[^\s,;。，；的]+))"
    rf"\s*(?:{words_pattern(*_ZH['joined'])})?\s*的?\s*(?:{words_pattern(*VECTOR_WORDS['zh'])})",
    re.I,
)


def _vector_length(answer: str) -> tuple[str, Note] | None:
    """The bias said as a vector of a length in words (:data:`_VECTOR`: ``the bias is a
    vector of length c_o``, ``偏置是一个(c_o,)向量``) as its shape (``shape (c_o,)``), its
    elements counted as a shape's are; words around it only (no other formula, a second
    vector, a denial: None)."""
    if len(answer) > 300 or not any(w in answer for ws in VECTOR_WORDS.values() for w in ws):
        return None
    found = list(_VECTOR().finditer(answer))
    if len(found) != 1:
        return None
    match = found[0]
    length = next(match.group(g) for g in "abcd" if match.group(g) is not None).strip()
    if not _plain_words(f"{answer[: match.start()]} {answer[match.end() :]}"):
        return None
    return f"shape ({length},)", Note(
        "reading.note.shape_count", (("shape", match.group().strip()),)
    )


def _plain_words(rest: str) -> bool:
    """Whether the words around a count said in words change nothing of it: no formula
    mark (:data:`_SENTENCE_MATH`), no denial or question (:func:`.islands.denied`), no
    rate (``per``, ``each``, ``每``: :data:`.languages.RATE_WORDS`) and no multiplier
    (``twice``, ``倍``: :data:`.languages.MULTIPLYING`, :data:`.languages.MULTIPLIER_WORDS`)."""
    from derivations.checking.reading.islands import denied
    from derivations.checking.reading.languages import MULTIPLIER_WORDS, MULTIPLYING, RATE_WORDS

    if _SENTENCE_MATH().search(rest) or denied(rest):
        return False
    lower = rest.lower()
    words = (*RATE_WORDS, *MULTIPLYING, *(w for ws in MULTIPLIER_WORDS.values() for w in ws))
    return not any(
        re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", lower) if w.isascii() else w in lower
        for w in words
    )


# a clause opening the answer that says the layer has a bias (``If bias is included,``,
# ``如果有偏置，``): a condition the bias count always meets
# (its words: :data:`.languages.BIAS_USED`, :data:`.languages.BIAS_WORDS` and those
# around them, :data:`.languages.BIAS_USED_AROUND`)
_BIAS_EN, _BIAS_ZH = BIAS_USED_AROUND["en"], BIAS_USED_AROUND["zh"]
_BIAS_USED = lazy_pattern(
    rf"^\s*(?:{words_pattern(*BIAS_USED['en'][0])})\s+"
    rf"(?:(?:{words_pattern(*_BIAS_EN['before'])})\s+)?(?:{words_pattern(*BIAS_WORDS['en'])})"
    rf"(?:es)?\s+(?:{words_pattern(*_BIAS_EN['after'])})\s+"
    rf"(?:{words_pattern(*BIAS_USED['en'][1])})\s*[,，:]\s*"
    rf"|^\s*(?:{words_pattern(*BIAS_USED['zh'][0])})(?:{words_pattern(*BIAS_USED['zh'][1])})"
    rf"(?:{words_pattern(*_BIAS_ZH['said'])})?(?:{words_pattern(*BIAS_WORDS['zh'])})"
    rf"(?:{words_pattern(*_BIAS_ZH['after'])})?(?:{words_pattern(*_BIAS_ZH['closing'])})?"
    r"\s*[,，:：]\s*",
    re.I,
)


def _bias_condition(answer: str) -> tuple[str, Note] | None:
    """``answer`` without a clause opening it that says the layer has a bias (``If bias
    is included, the number of bias parameters equals …``, ``如果有偏置，…``): the bias
    count's condition, always met, noted as a condition (an answer to another question
    keeps it: the rewrite reads only where what follows does)."""
    match = _BIAS_USED().match(answer)
    if match is None or not answer[match.end() :].strip():
        return None
    condition = match.group().strip(" ,，:：")
    return answer[match.end() :], Note("reading.note.condition", (("text", condition),))


# a total stated after the answer as a number alone (``…, 64 in total``, ``…，共 64 个``,
# ``… (64 in all)``): the value at the author's layer
_TOTAL_AFTER = lazy_pattern(
    r"(?:[,，;；]\s*(?:(?:so|i\.e\.|that is|giving)\s+)?|\s*[(（]\s*)"
    rf"(?P<number>[0-9][0-9,]*)\s+(?:{words_pattern(*TOTAL_WORDS['en'])})\s*[)）]?\s*[.。]?\s*$"
    rf"|[,，;；(（]\s*(?:所以|即)?\s*(?:{words_pattern(*TOTAL_WORDS['zh'])})有?"
    r"\s*(?P<zh>[0-9][0-9,]*)\s*个?[\u4e00-\u9fff]{0,4}\s*[)）]?\s*[.。]?\s*$",
    re.I,
)
# (a quick test before the pattern: the last word of each)
_TOTAL_QUICK = tuple({words.split()[-1] for ws in TOTAL_WORDS.values() for words in ws})


def _total_after(answer: str) -> tuple[str, Note] | None:
    """``answer`` without a total it states after itself as a number alone (``one bias
    per output channel, 64 in total``, ``每个输出通道一个偏置，共 64 个``): the number is the
    value at the author's layer, which the question does not give (noted as a worked
    number, never graded: :data:`TOTAL_NOTE`); a total that is a formula stays."""
    if not any(word in answer for word in _TOTAL_QUICK):
        return None
    match = _TOTAL_AFTER().search(answer)
    if match is None or not answer[: match.start()].strip():
        return None
    number = match.group("number") or match.group("zh")
    return answer[: match.start()], Note(TOTAL_NOTE, (("number", number),))


def total_stated(answer: str) -> tuple[str, Fraction] | None:
    """The total ``answer`` states after itself as a number alone (:func:`_total_after`:
    ``每个输出通道一个，共 4 个``), as written and as its value, or None: where a layer is
    given (a number question's) it is checked there, as a chain's worked numbers are."""
    found = _total_after(answer)
    if found is None:
        return None
    number = dict(found[1].fields)["number"]
    return number, Fraction(number.replace(",", ""))


# Markdown's strong emphasis around a factor (``__M__``, ``**N**``): no ``**`` of a power
_EMPHASIS = lazy_pattern(
    r"(?<![\w)\]}*])(\*\*|__)(?=[^\s*_])(?P<body>[^*\n]+?)(?<=[^\s*_])\1(?![\w(\[{*])"
)


# … and its strong emphasis of words inside a sentence of a script written without spaces
# (``所以**总的乘法计算量**为…``: CommonMark's ``**`` may open and close inside a word),
# words only inside, a Chinese character among them (``k**kh**w`` is code's powers)
_INTRAWORD_STRONG = lazy_pattern(
    r"\*\*(?=[^\W\d_])(?P<body>(?=[^*\n]*[\u3400-\u9fff])[^\W\d_](?:[^\W\d_]| (?=[^\W\d_]))*)"
    r"(?<=[^\W\d_])\*\*"
)


# … and its emphasis of words (``with a *valid padding*``, ``_same_``): a word of three
# letters or more inside, no operator
_WORD_EMPHASIS = lazy_pattern(
    r"(?<![\w*])([*_])(?P<body>[^\W\d_][^\W\d_ '-]*(?:[ '-][^\W\d_]+)*)\1(?![\w*])"
)


# … and its emphasis of math in notes (``就是 _(n - f + 1)×(n - f + 1)_ 。``, ``*n×n*``): one
# mark after a space, a line's start or a character of another script, the math inside
# (no mark of its own kind but a subscript's), the same mark before a space, punctuation, another script
# or the end (a subscript's ``_`` follows a letter; a product's ``*`` stands between
# spaces)
_MATH_EMPHASIS = lazy_pattern(
    r"(?P<before>^|[\s\u3000-\u9fff\uff00-\uffef(（])(?P<mark>[_*])(?=[^\s_*])"
    r"(?P<body>(?:(?!(?P=mark))[^\n]|(?<=[A-Za-z])_(?=[A-Za-z{])){1,200}?)(?<=[^\s_*])(?P=mark)"
    r"(?=$|[\s\u3000-\u9fff\uff00-\uffef.,;:!?)）])",
    re.M,
)


def _emphasis(answer: str) -> tuple[str, Note] | None:
    """``answer`` without Markdown's strong emphasis around its parts (``__(D_K)^2__ x
    __M__``, ``**c_o**``), its emphasis of words (``a *valid padding*``) and of math
    set off by spaces or other scripts (``维度就是 _(n - f + 1)×(n - f + 1)_ 。``): the
    marks away, what they emphasise kept."""
    if "__" not in answer and "**" not in answer and "*" not in answer and "_" not in answer:
        return None
    text = _EMPHASIS().sub(lambda m: m.group("body"), answer)
    if "**" in text:
        text = _INTRAWORD_STRONG().sub(lambda m: m.group("body"), text)
    text = _WORD_EMPHASIS().sub(
        lambda m: m.group("body") if len(m.group("body")) >= 3 else m.group(), text
    )
    text = _MATH_EMPHASIS().sub(lambda m: f"{m.group('before')}{m.group('body')}", text)
    if text == answer:
        return None
    return text, Note(EMPHASIS_NOTE)


# a code line's continuation glyph, as books print it (``➥``, ``↪``, ``↵``, ``⏎``)
_CONTINUATION = lazy_pattern(r"[ \t]*[➥↪↵⏎][ \t]*")


def _continuation(answer: str) -> tuple[str, Note] | None:
    """``answer`` without the glyphs a book prints where a line of code goes on (``…
    - filter_size)\n    ➥// stride + 1``), its lines joined where they are one formula."""
    if not any(mark in answer for mark in "➥↪↵⏎"):
        return None
    text = _CONTINUATION().sub(" ", answer)
    joined = _lines(text)
    return (joined[0] if joined else text.strip()), Note(MARKUP_NOTE)


_ESCAPED_BREAK = lazy_pattern(r"\\n(?![A-Za-z])")


def _escaped_breaks(answer: str) -> tuple[str, Note] | None:
    """``answer`` with the line breaks pasted escaped (``…: \\n(\\text{out} = …)``, a
    backslash and ``n`` not starting a LaTeX command such as ``\\neq``) as line breaks,
    for the rules after it."""
    if "\\n" not in answer:
        return None
    text = _ESCAPED_BREAK().sub("\n", answer)
    return (text, Note(LINES_NOTE)) if text != answer else None


_DOXYGEN = lazy_pattern(r"\\f[\[\]$]")


def _doxygen(answer: str) -> tuple[str, Note] | None:
    """``answer`` without Doxygen's math delimiters (``\\f[ … \\f]``, ``\\f$ … \\f$``)."""
    if "\\f" not in answer:
        return None
    text = _DOXYGEN().sub(" ", answer).strip()
    return (text, Note(MARKUP_NOTE)) if text and text != answer.strip() else None


_RULES = (
    _escaped_breaks,
    _doubled_backslashes,
    _doxygen,
    _bbcode,
    _prompts,
    _table,
    _traditional,
    pasted,
    _html,
    _line_comments,
    _emphasis,
    _continuation,
    padded_input,
    loop_sum,
    _total_after,
    rate_sentence,
    _bias_condition,
    rate_inside,
    _vector_length,
    _continued,
    _unpacked,
    _bias_decided,
    _code_headers,
    _sequential,
    _markup,
    _displays_defined,
    _case_lines,
    _from_to,
    _label_line,
    _named_parts,
    _lines,
    _after_colon,
    _after_colon_uncounted,
    _weights_and_biases,
    _bare_definitions,
    _last_display,
    _display_body,
    trailing,
    _likewise_after,
    _condition_after,
    _tilde,
    _worked,
)
MAX_REWRITES = 24  # rewrites read again at most (each rule on each earlier rewrite)


def rewrites(answer: object) -> list[tuple[str, tuple[Note, ...]]]:
    """The answer's rewrites to read again, in order (each with the notes saying what
    was taken away): each rule of :data:`_RULES` on the answer and on every rewrite
    before it (line breaks, then a lead-in's colon, closing marks, a condition after,
    worked numbers), the fewest changes first; at most :data:`MAX_REWRITES`."""
    if not isinstance(answer, str):
        return []
    found: list[tuple[str, tuple[Note, ...]]] = []
    seen = {answer}
    for rule in _RULES:
        for text, notes in [(answer, ()), *found]:
            done = rule(text)
            if done is not None and done[0] not in seen and len(found) < MAX_REWRITES:
                seen.add(done[0])
                found.append((done[0], (*notes, done[1])))
    return sorted(found, key=lambda item: len(item[1]))
