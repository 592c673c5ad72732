"""What real students write around a formula, read as they mean it (issue 10), each
reading recorded as a note id (``reading.note.*``) so the student sees how it was read.

Applied to the normalized text (so every column still points into the answer as given):

* ``\\(…\\)`` and ``\\[…\\]`` around the whole answer: LaTeX delimiters, dropped;
* a label before a colon (``乘法：…``, ``mults: …``; NFKC makes ``：`` a ``:``): dropped
  (not a Python keyword: ``lambda: 0`` stays code, refused by the lexer); a count word
  in it (``总的FLOPS为:``) states the counting as one after the formula does;
* ``math.floor(…)``, ``np.floor(…)``, ``numpy.ceil(…)``: the functions; ``int(…)`` is
  ``floor(…)`` (the same on the non-negative values every count takes), with a note;
* a unit after the formula (``bytes``, ``B``, ``字节``; ``elements``, ``个``): dropped,
  with a note naming it (the deciding stage knows whether a question counts bytes);
* a parenthesised remark that is no formula (``(per side padding)``, ``(每侧)``):
  dropped, with a note; a bracket of letters (``(W - F)``) is a formula, and a remark
  stating an operation or a number (``(doubled)``, ``（再乘以2）``) is refused (it would
  change the formula), unless it restates the factor sentence before it
  (``（也就是多了300%）``);
* a count word after the formula (``次乘法``, ``multiplications``, ``operations``,
  ``MACs``, ``FLOPs``): dropped, with a note; MACs and FLOPs also state the counting
  (:func:`counting`), which the deciding stage holds the formula to;
* a whole answer that is a factor: ``4x``, ``x4``, ``×4``, ``4 times``, ``4倍``,
  ``四倍``, ``four``, ``twice``: the number; ``增加4倍`` ("increase by 4 times") is
  ambiguous in Chinese (4x, or 5x?) and is read as 4x with a note carrying both (the
  checker refuses it where the two readings' verdicts differ); ``增加一倍`` is doubled;
* a factor inside a sentence (``变为原来的 4 倍``, ``大约是 4 倍``, ``roughly 4 times
  as many``, ``it quadruples``, ``翻两番``): the number, when the rest is words only and
  does not deny, bound, reverse or question it (``不是4倍``, ``less than 4 times``,
  ``减少4倍``, ``4倍吗``: no factor read).

Nothing here evaluates text: each rule is a pattern and a deletion or a replacement.
"""

from __future__ import annotations

import keyword
import re
from functools import cache
from typing import NamedTuple

from derivations.checking.reading.errors import refuse
from derivations.checking.reading.languages import (
    ALTERNATIVES,
    BIAS_COUNT_WORDS,
    BYTE_WORDS,
    CONTRASTS,
    COUNT_NOUNS,
    ELEMENT_WORDS,
    FACTOR_BY,
    FACTOR_MORE,
    FACTOR_OPENINGS,
    FACTOR_TIMES,
    FACTOR_VERBS,
    HEDGE_STEMS,
    HEDGES,
    HELD_PARAMETER_WORDS,
    LAYER_PROPERTY_WORDS,
    LEAD_BOUNDS,
    LEAD_NEGATIONS,
    LEAD_SCRIPTS,
    LETTER,
    MULTIPLIER_WORDS,
    NEGATION_FILLERS,
    NEGATIONS,
    PADDING_SIDES,
    PER_AFTER,
    PER_UNITS,
    PER_WORDS,
    RATE_EACH_ATTACHED,
    RATE_ONE,
    RATE_PER,
    RATE_WORDS,
    REMARK_NUMBERS,
    REMARK_OPERATIONS,
    ROUNDING_WORDS,
    SPOKEN,
    SPOKEN_JOINERS,
    attached,
    every_word,
    words_pattern,
)
from derivations.checking.reading.normalize import Normalized, lazy_pattern
from derivations.numbers import CHINESE_NUMERAL, chinese_number
from derivations.records import record
from derivations.registry import symbols

__all__ = [
    "LOOP_HEAD",
    "ratio_colon",
    "lazy_pattern",
    "Note",
    "informal",
    "NUMBER_WORDS",
    "counting",
    "COUNT_WORDS",
    "COUNTS",
    "ONE_KIND_WORDS",
    "COST_WORDS",
    "edit",
    "readable",
    "sentence_factor",
    "stated_counting",
    "countings_said",
    "stated_unit",
    "ROUNDING_NOTE",
    "INCREASE_NOTE",
    "may_be_factor",
    "words_only",
    "states_factor",
    "SAID_WITH_FIELDS",
    "negation",
    "stated_parameters",
    "alternative",
    "padding_reading",
    "other_under_a_reading",
]


@record(frozen=True)
class Note:
    """How part of an answer was read: message ``key`` with ``fields``."""

    key: str
    fields: tuple = ()  # ((name, value), ...): hashable

    def as_dict(self) -> dict:
        return {"id": self.key, "fields": dict(self.fields)}


def _note(key: str, **fields) -> Note:
    return Note(f"reading.note.{key}", tuple(sorted((k, str(v)) for k, v in fields.items())))


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "sixteen": 16,
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "triple": 3,
    "quadruple": 4,
    "一": 1,
    "二": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_NUMBER = (
    r"(?P<n>[0-9]+(?:\.[0-9]+)?|"
    # a number in Chinese numerals, its decimals after 点 (四点零四: chinese_number)
    + f"[{''.join(sorted(CHINESE_NUMERAL))}]+(?:点[{''.join(sorted(CHINESE_NUMERAL))}]+)?|"
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + ")"
)
_FACTOR_VERBS = every_word(FACTOR_VERBS)
# the other languages' "times" after the number, "more" after it and "by" before it
# (:data:`.languages.FACTOR_TIMES`, :data:`.languages.FACTOR_MORE`, :data:`.languages.FACTOR_BY`)
_TIMES_OTHER = tuple(w for lang, ws in FACTOR_TIMES.items() if lang not in ("en", "zh") for w in ws)
_MORE = tuple(w for ws in FACTOR_MORE.values() for w in ws)
# what a text _factors() can match ends or starts with (lower case, stripped)
_FACTOR_ENDS = (
    "*",
    *(w.split()[-1].lower() for w in (*every_word(FACTOR_TIMES), *_MORE)),
)
_FACTOR_STARTS = ("x", "*")


@cache
def _factors() -> list:
    """The patterns of a bare factor (compiled on first use: most answers are formulas,
    which :func:`may_be_factor` tells apart without them)."""
    return [
        re.compile(
            rf"^\s*(?P<verb>{words_pattern(*_FACTOR_VERBS)})\s*(?:了\s*)?{_NUMBER}\s*倍\s*$", re.I
        ),
        re.compile(
            rf"^\s*(?:{words_pattern(*every_word(FACTOR_OPENINGS))})?\s*"
            rf"(?:(?:{words_pattern(*every_word(FACTOR_BY))})\s+)?"
            rf"{_NUMBER}\s*(?:x|\*|\\?times|倍|fold|-fold|{words_pattern(*_TIMES_OTHER, after=LETTER)})"
            rf"(?:\s*(?:{words_pattern(*_MORE, after=LETTER)}))?\s*$",
            re.I,
        ),
        re.compile(rf"^\s*(?:x|\*)\s*{_NUMBER}\s*$", re.I),
        # a number word alone, in English or Chinese (four, 四: s10exam2 F10)
        re.compile(rf"^\s*(?P<word>{'|'.join(map(re.escape, NUMBER_WORDS))})\s*$", re.I),
    ]


def may_be_factor(text: str) -> bool:
    """False only when no pattern of :func:`_factors` can match ``text`` (each needs one
    of the verbs, or ends or starts as listed, or is a number word alone)."""
    bare = text.strip().lower()
    return (
        any(verb in text for verb in _FACTOR_VERBS)
        or bare.endswith(_FACTOR_ENDS)
        or bare.startswith(_FACTOR_STARTS)
        or bare in NUMBER_WORDS
    )


# a limit after the formula, a number or infinity (``\frac{…}{…} \;\xrightarrow{c_i\to
# \infty}\; 4``, Answer 3's box): the formula before the arrow is the answer (s13exam E10)
_LIMIT = lazy_pattern(
    r"(?:\s|\\[;,:!])*\\(?:xrightarrow\s*\{[^{}]*\}|to|rightarrow|longrightarrow)"
    r"(?:\s|\\[;,:!])*(?P<limit>[0-9]+(?:\.[0-9]+)?|\\infty)\s*$"
)
_DELIMITERS = lazy_pattern(r"^\s*\\[(\[](?P<body>.*)\\[)\]]\s*$", re.S)
_LABEL = lazy_pattern(r"^\s*[^\W\d][\w ]{0,30}?\s*:\s*")
_NUMBER_BEFORE_COLON = lazy_pattern(r"(?:^|[\s(（])\d+(?:\.\d+)?\s*$")
_NUMBER_AFTER_COLON = lazy_pattern(r"\s*\d")


def ratio_colon(before: str, after: str) -> bool:
    """Whether a colon between ``before`` and ``after`` is a ratio's (``close to 2:1``,
    ``之比为 3:1``): a number standing alone before it and a number after it; no label
    ends there (``H2: …`` is a name's label)."""
    return bool(_NUMBER_BEFORE_COLON().search(before) and _NUMBER_AFTER_COLON().match(after))


_LIBRARY = lazy_pattern(r"\b(?:math|np|numpy|torch|sympy|sp)\s*\.\s*(?=(?:floor|ceil)\s*\()")
_INT = lazy_pattern(r"\bint\s*(?=\()")
# a memory's unit word ending a count (:data:`.languages.BYTE_WORDS`, ``ELEMENT_WORDS``)
_UNIT_ENDINGS = (*BYTE_WORDS, *ELEMENT_WORDS)
_UNITS = lazy_pattern(
    rf"(?:(?<=[\s\d)\]}}])\s*(?P<unit>{'|'.join(_UNIT_ENDINGS)})"
    r"|(?<=[数量])(?P<cjk>个元素|个))"  # 输出通道数个: a count's word, then its unit
    r"\s*$"
)
_BYTES = frozenset(BYTE_WORDS)
# a unit alone in a remark, ``in`` before it in English, German, French, Spanish,
# Portuguese, Russian (``(in bytes)``, ``(en octets)``; not a letter alone: ``(B)``)
_UNIT_REMARK = lazy_pattern(
    r"\s*(?:(?:in|im|en|em|в)\s+)?(?P<unit>"
    + "|".join(re.escape(w) for w in _UNIT_ENDINGS if len(w) > 1)
    + r")\s*"
)
# "number of" and words alone before an element word: the word is the phrase's noun, the
# things counted, no unit (``number of kernel elements`` is no ``number of kernel``, c_o;
# the rate sentences say their Y so: ``one per kernel element``, s16rev2 G1)
_NUMBER_OF_WORDS = lazy_pattern(r"^\s*(?:the\s+)?number\s+of\s+[A-Za-z][A-Za-z\s'-]*$", re.I)
# count words after a formula -> (the counting they state, None: a count, no counting;
# the one operation they count, None: operations of any kind)
COUNTS: dict[str, tuple[str | None, str | None]] = {
    word: meaning for words in COUNT_NOUNS.values() for word, meaning in words.items()
}
# count words after a formula -> the counting they state (None: a count, no counting)
COUNT_WORDS = {word: counting for word, (counting, _) in COUNTS.items()}
# words of a count of one operation besides those of COUNTS, never read as a count word
# at an answer's end: ``addition`` is no count's word (``adds``, the additions count's
# name in registry/questions.py, ends a count as ``muls`` does: s15exam E2)
ONE_KIND_WORDS = {"addition": "addition"}
_COUNT_ENDINGS = tuple(COUNT_WORDS)  # lower case: a quick test before the pattern
# the words after a formula that say it counts biases, every language's
# (:data:`.languages.BIAS_COUNT_WORDS`: judged as a label is, only the bias count's); their
# last words, lower case, a quick test before the pattern
_BIAS_WORDS = tuple(word for words in BIAS_COUNT_WORDS.values() for word in words)
_BIAS_ENDINGS = tuple({w.split()[-1].lower() for w in _BIAS_WORDS})


@cache
def _bias_count() -> re.Pattern:
    """The bias count's words at the end of an answer (:data:`_BIAS_WORDS`)."""
    return re.compile(
        rf"(?:(?<=[\s\d)\]}}])\s*|\s*(?=[{LEAD_SCRIPTS}]))(?P<unit>"
        + "|".join(sorted(map(re.escape, _BIAS_WORDS), key=len, reverse=True))
        + r")\s*[.。]?\s*$",
        re.I,
    )


@cache
def _count() -> re.Pattern:
    """The count word at the end of an answer (compiled on first use: only an answer
    ending in one needs it, and compiling it is a good part of a cold start)."""
    return re.compile(
        rf"(?:(?<=[\s\d)\]}}])\s*|\s*(?=[{LEAD_SCRIPTS}]))(?P<unit>"
        + "|".join(sorted(map(re.escape, COUNT_WORDS), key=len, reverse=True))
        + r")\s*[.。]?\s*$",
        re.I,
    )


# a count word alone in a bracket closing the answer (``1296 multiplications (MACs)``,
# ``… （次乘加）``): the counting said, as a count word after the formula (s14exam E11)
_COUNT_BRACKET = lazy_pattern(
    r"\s*\(\s*(?P<unit>"
    + "|".join(sorted(map(re.escape, COUNT_WORDS), key=len, reverse=True))
    + r")\s*\)\s*[.。]?\s*$",
    re.I,
)
_PAREN = lazy_pattern(r"\((?P<body>[^()]*)\)")
# (an abbreviation's full stop after a letter: ``(i.e. width and height alike)``)
_WORDISH = lazy_pattern(r"^(?:[\sA-Za-z\u4e00-\u9fff'\-,]|(?<=[A-Za-z])\.)+$")
# a Chinese remark may hold numbers (（即增加300%）)
_CJK_WORDISH = lazy_pattern(r"^[\sA-Za-z0-9%.\u4e00-\u9fff'\-,]+$")
# a remark stating the rounding of the formula before it -> the rounding
_ROUNDINGS = (
    (lazy_pattern(r"向上取整|上取整|round(?:ed|ing)?\s+up|ceil(?:ing)?", re.I), "ceil"),
    (lazy_pattern(r"向下取整|下取整|round(?:ed|ing)?\s+down|floor(?:ed)?", re.I), "floor"),
)
ROUNDING_NOTE = "reading.note.rounding"
# the notes said with their fields (what was removed, how a part was read): said from
# ``Result.parsed["notes"]`` in "read as", not as bare ids in ``Result.notes``
SAID_WITH_FIELDS = frozenset(
    f"reading.note.{key}"
    for key in (
        "unit_count",
        "remark_after_comma",
        "size_word",
        "rounding_call",
        "factor_sentence",
        "chain",
        "side_skipped",
        "decorated",
        "label",
        "label_symbol",
        "updated_symbol",
        "updated_output",
        "layer_field",
        "batch_word",
        "padded_input",
        "made_input",
        "worked_comment",
        "example_value",
        "loop_sum",
        "ending",
        "named_count",
        "definitions",
        "parts",
        "parts_summed",
        "summed_layers",
        "html_entities",
        "image_alt",
        "image_tex",
        "rendered_copy",
        "greek_name",
        "dot_times",
        "capital",
        "rate_product",
        "counts_summed",
        "bare_definitions",
        "glossary",
        "comment",
        "code",
        "code_call",
        "operator",
        "lead_in",
        "names_in_sentence",
        "clause",
        "bracket_around_name",
        "flat_power",
        "times_sign",
        "rounding",
        "relative",
        "spoken",
        "quoted",
        "condition",
        "bias_switch",
        "bias_block",
        "bias_made",
        "layout",
        "padding_modes",
        "closing",
        "shape_count",
        "opening",
        "definition_words",
        "trailing_mark",
        "worked_number",
        "total_after",
        "worked_disagree",
        "case_definitions",
        "from_to",
        "chain_every_side_wrong",
        "after_colon",
        "condition_after",
        "asked_side",
        "asked_count_side",
        "increase_ambiguous",
        "increase_doubled",
        "limit_after",
        "times_opening",
        "code_header",
        "sequence",
        "shape_sizes",
        "recursion",
        "traditional",
        "size_of",
        "bbcode",
        "prompt",
        "table",
        "equation_number",
        "html",
        "islands",
        "givens",
        "apposition",
        "gloss",
        "gloss_answer",
        "contrast",
        "approximation",
        "term_label",
        "prose_lines",
        "two_sizes",
        "rate_sentence",
        "branches",
        "sizeof",
        "table_row",
        "worked_at_layer",
        "worked_off",
        "example_layer",
    )
)


def edit(text: Normalized, start: int, end: int, new: str = "") -> Normalized:
    """``text`` with ``[start, end)`` replaced by ``new`` (given the column of start)."""
    column = (
        text.columns[start]
        if start < len(text.columns)
        else (text.columns[-1] if text.columns else 0)
    )
    return Normalized(
        text.text[:start] + new + text.text[end:],
        text.columns[:start] + [column] * len(new) + text.columns[end:],
    )


def readable(word: str) -> bool:
    """Whether the lexer would read ``word`` as known spellings (longest first)."""
    from derivations.checking.reading.lexer import _table

    table, longest = _table()
    index = 0
    while index < len(word):
        for length in range(min(longest, len(word) - index), 0, -1):
            if word[index : index + length].lower() in table:
                index += length
                break
        else:
            return False
    return True


def _named_formula(body: str) -> bool:
    """Whether a text with Chinese in it is a formula of words: an operator, and each
    run of Chinese characters names quantities (``输入尺寸 - 核尺寸``)."""
    from derivations.registry.notations import notation_spellings

    if not re.search(r"[-+*/^]", body):
        return False
    table = notation_spellings()
    for run in re.findall(r"[\u4e00-\u9fff]+", body):
        index = 0
        while index < len(run):
            stop = next((e for e in range(len(run), index, -1) if run[index:e] in table), None)
            if stop is None:
                return False
            index = stop
    return True


def _formula_word(word: str) -> bool:
    """Whether a word of a bracket may be a term of a formula: one letter (a symbol,
    known or to infer: ``(W - F)``), a known spelling, a notation's name, or a name of
    several parts its parts name (``inputSize``, ``fieldSize``: :func:`.names.compose`)."""
    from derivations.checking.reading.names import compose, split_parts
    from derivations.registry.notations import notation_spellings

    if len(word) == 1 or readable(word) or word.lower() in notation_spellings():
        return True
    return len(split_parts(word)) > 1 and compose(word) is not None


def _remark(body: str) -> bool:
    """A parenthesised text that is words, not a formula: CJK (numbers allowed:
    ``（即增加300%）``; unless its Chinese names quantities and an operator joins them:
    :func:`_named_formula`), or English with a word that is no term of a formula
    (``per`` is not p·e·r: ``er`` is no symbol; ``(W - F)``, ``(Q)`` are formulas:
    :func:`_formula_word`)."""
    if not body.strip():
        return False
    if re.search(r"[\u4e00-\u9fff]", body):
        return bool(_CJK_WORDISH().match(body)) and not _named_formula(body)
    if not _WORDISH().match(body):
        return False
    words = re.findall(r"[A-Za-z']+", body)
    return len(words) >= 1 and not all(_formula_word(w) for w in words)


# a remark stating a parameter's value (``(stride 1)``, ``(p = 4)``, ``（步幅为 1）``): the
# layer the author had in mind, never a factor (s14exam E9, E14: ``… (stride 1)`` was read
# as ``… × s × 1``)
_PARAMETER_VALUE = lazy_pattern(
    r"\s*(?P<name>[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff ]*?)\s*(?:=|:|：|\bis\b|\bof\b|为|是|等于)?"
    r"\s*\d+(?:\.\d+)?\s*"
)
_PARAMETER_MEANINGS = frozenset({"stride", "padding", "kernel"})


# parts of a bracket stating several parameters (``stride 1 and no padding``)
_PARAMETER_PARTS = lazy_pattern(r"\s*(?:,|，|、|;|；|\band\b|和|且)\s*")
# a parameter said to be absent (``no padding``, ``without padding``, ``无填充``)
_NO_PARAMETER = lazy_pattern(
    r"\s*(?:no|without|zero)\s+(?P<name>[A-Za-z ]+?)\s*|\s*(?:无|没有|不)(?P<cjk>[\u4e00-\u9fff]+)\s*"
)


def parameter_value(body: str) -> bool:
    """Whether a bracket's text states parameters' values and nothing else (``stride
    1``, ``p = 4``, ``步幅为 1``, ``stride 1 and no padding``): each part a parameter's
    word or letter then a number, or a parameter said to be absent."""
    parts = _PARAMETER_PARTS().split(body)
    return all(_one_parameter(part) for part in parts) if len(parts) > 1 else _one_parameter(body)


# a parameter's letter -> what it names (``p_h``: the padding), from the symbol registry
_LETTER_PARAMETERS = {
    infos[0].name.split("_")[0]: word for word, infos in symbols.parameters().items()
}
# a parameter's letter, with an axis or none (``p``, ``s_h``, ``k_{w}``), of
# :data:`_LETTER_PARAMETERS`
_PARAMETER_LETTER = lazy_pattern(rf"([{''.join(_LETTER_PARAMETERS)}])(?:_\{{?([hw])\}}?)?")
# … or a held parameter's word (``dilation``, ``groups``, ``膨胀率``: the parameter and
# :data:`.languages.HELD_PARAMETER_WORDS`)
_HELD_WORD = {word: held for held, words in HELD_PARAMETER_WORDS.items() for word in (held, *words)}


class Stated(NamedTuple):
    """A parameter's value a remark states: the book's symbols the name written stands
    for (``stride``: s_h, s_w; ``p_h``: p_h; Keras's ``filters``: c_o), the value, and
    whether it was written as the book's letter (``p_h = 4``: the book's total padding)
    rather than a word (``padding 2``: a course's, total or per side)."""

    symbols: tuple[str, ...]
    value: int
    letter: bool


def stated_parameters(body: str) -> list[Stated]:
    """The parameters' values a bracket's text states (:func:`parameter_value`: ``stride
    2``, ``p_h = 4``, ``filters 4``, ``no padding`` a padding of 0), each name read as
    the checker reads it (:func:`_stated_symbols`); a name read as none of the layer's
    parameters is left out; empty when the text is not such a statement or states no
    whole number."""
    from derivations.registry.notations import meaning_of_word

    if not parameter_value(body):
        return []
    found = []
    for part in _PARAMETER_PARTS().split(body):
        absent = _NO_PARAMETER().fullmatch(part)
        if absent is not None:
            meant = meaning_of_word((absent.group("name") or absent.group("cjk") or "").strip())
            words = symbols.parameters().get(meant.id, ()) if meant else ()
            found.append(Stated(tuple(info.name for info in words), 0, False))
            continue
        match = _PARAMETER_VALUE().fullmatch(part)
        number = re.search(r"\d+(?:\.\d+)?", part[match.end("name") :]) if match else None
        if match is None or number is None or "." in number.group():
            return []
        name = match.group("name").strip()
        letter = _PARAMETER_LETTER().fullmatch(name)
        if letter:
            written = letter.group(1) + (f"_{letter.group(2)}" if letter.group(2) else "")
            found.append(Stated(_symbols_of(written), int(number.group()), True))
            continue
        named = _stated_symbols(name)
        if named:
            found.append(Stated(named, int(number.group()), False))
    return found


def _stated_symbols(name: str) -> tuple[str, ...]:
    """The book's symbols a parameter's name in a remark stands for: its spelling in
    the notation records (:func:`.notations.notation_spellings`: ``filters`` is Keras's
    c_o, ``dilation rate`` dilation_rate's d), else the parameter its meaning names
    (:func:`.notations.meaning_of_word`: ``kernel size``); none for another name
    (``output padding``: no convolution's parameter; it was read as the groups)."""
    from derivations.registry.notations import meaning_of_word, notation_spellings

    spellings = notation_spellings()
    lower = name.lower()
    held = _HELD_WORD.get(lower) or _HELD_WORD.get(name)
    if held is not None:  # 膨胀率, atrous rate, 分组数: the held parameter's symbols
        return tuple(info.name for info in symbols.parameters().get(held, ()))
    spelled = spellings.get(lower) or spellings.get(re.sub(r"\s+", "_", lower))
    if spelled is not None:
        return _symbols_of(spelled[0])
    meant = {m.id for word in name.split() if (m := meaning_of_word(word)) is not None}
    if len(meant) != 1:  # (output padding: the output's and the padding's words)
        return ()
    return tuple(info.name for info in symbols.parameters().get(meant.pop(), ()))


# a clause after other words saying what holds in another case (``… # filter[3] if groups
# is considered``): the other case's, not the answer's
_OTHER_CASE = lazy_pattern(
    r"(?<=\S)\s*(?:\b(?:if|when|unless|in case)\b|如果|若是).*$", re.I | re.S
)
# the properties a parameter's value states (``dilation 2``): read by stated_parameters;
# the others are no convolution's parameter (``output_padding=1`` was read as a padding)
_PARAMETERS_VALUED = frozenset({"dilation", "groups", "sides", "rounding", "padding_same"})
# the words of each property of :data:`.languages.LAYER_PROPERTY_WORDS`, a word of a
# language that spaces its words whole
_PROPERTY_WORDS = {
    name: lazy_pattern(words_pattern(*every_word(words), before=r"[\w-]", after=r"[\w-]"), re.I)
    for name, words in LAYER_PROPERTY_WORDS.items()
}


def unplaced_property(
    body: str,
    rounds: frozenset = frozenset(),
    passes: str | None = None,
    padding_held: bool = True,
) -> tuple[str, str] | None:
    """The property of a layer (:data:`.languages.LAYER_PROPERTY_WORDS`: its name and the
    words written) that a remark, a comment or the words after an answer name and that
    no reading places: not a parameter's value (:func:`stated_parameters`: ``dilation
    1``, ``groups 2``, read and compared by the caller), not a padding's reading
    (:func:`padding_reading`: ``per-side padding``), not the rounding the formula does
    itself (``rounds``: "floor" and "ceil" where the formula has them; ``rounded down``
    after a floor; any where it has none, the rounding then applied or explained), not
    a padding's mode where the question leaves the padding open (``padding_held``
    False: ``same`` is one padding the formula's p_h may be; ``valid`` is none), not a
    held parameter's name alone (``# 分组数`` glossing a name of the groups), not
    a clause after other words saying what holds in another case (``filter[3] if groups
    is considered``), not a transposed convolution where the question asks the backward
    pass (``passes``), which is one.  None when the text names none (issue 21: ``(groupwise)``,
    ``(output padding 1)``, ``(same padding)``, ``(rounded up)`` after a floor were
    dropped unread)."""
    if padding_reading(body):
        return None
    for part in _PARAMETER_PARTS().split(_OTHER_CASE().sub("", body)):
        if part.strip().lower() in _HELD_WORD:
            continue  # 分组数, dilation: a name glossed, no layer stated
        valued = bool(stated_parameters(part))
        for name, pattern in _PROPERTY_WORDS.items():
            found = pattern().search(part)
            if found is None or (valued and name in _PARAMETERS_VALUED):
                continue  # dilation 2, 分组数 2: a value, compared with the layer's
            if name == "rounding" and (not rounds or _rounding_of(found.group()) in rounds):
                continue  # (rounded down) after a floor, or no rounding it contradicts
            if name == "transposed" and passes == "backward":
                continue  # dX is a transposed convolution of the output's gradient
            if name == "padding_valid" or (name == "padding_same" and not padding_held):
                continue  # none, or a padding the formula's p_h may be
            return name, found.group()
    return None


def _rounding_of(word: str) -> str | None:
    """ "floor" or "ceil" for a word of :data:`.languages.ROUNDING_WORDS`; None for
    another rounding's (``nearest``, 四舍五入)."""
    lower = re.sub(r"\s+", " ", word.lower())
    return next((how for how, words in ROUNDING_WORDS.items() if lower in words), None)


def _symbols_of(formula: str) -> tuple[str, ...]:
    """The layer's symbols a registry formula that is one symbol stands for (``p``: both
    axes' p_h, p_w; ``c_o``, ``g``: itself); none for another formula."""
    names = (formula,) if formula in symbols.BY_NAME else (f"{formula}_h", f"{formula}_w")
    return tuple(n for n in names if n in symbols.BY_NAME and symbols.BY_NAME[n].attribute)


# a padding's own value in its reading (``padding 4 on each side``, ``填充为 4``)
_PADDING_VALUE = lazy_pattern(r"(?:padding|填充)\s*(?:of|=|:|为|是)?\s*\d+", re.I)


def other_under_a_reading(body: str) -> bool:
    """Whether a bracket offers another number under a padding's reading (``5 with
    per-side padding``, ``每边填充时为 6``): a number besides the padding's own and a
    word of :data:`.languages.PADDING_SIDES` (two answers, s15exam's E12 residual)."""
    lower = body.lower()
    return any(side in lower for side in PADDING_SIDES) and bool(
        re.search(r"\d", _PADDING_VALUE().sub(" ", body))
    )


def padding_reading(body: str) -> bool:
    """Whether a bracket's text names how a padding is counted (``per-side padding``,
    ``padding 4 on each side``, ``填充按每边计``: a word of the padding and one of
    :data:`.languages.PADDING_SIDES`; no number but the padding's own): the reading the
    number is given under, not a scale of it (s15exam E14: "scale it, multiply it or
    make it a count per item"); ``4 (5 with per-side padding)`` offers another number,
    no reading."""
    from derivations.registry.notations import meaning_of_word

    lower = body.lower()
    if not any(side in lower for side in PADDING_SIDES) or other_under_a_reading(body):
        return False  # 4 (5 with per-side padding): another number offered, no reading
    words = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]+", body)
    return any((m := meaning_of_word(w)) is not None and m.id == "padding" for w in words) or (
        "填充" in body
    )


def _one_parameter(body: str) -> bool:
    """Whether ``body`` states one parameter's value (or its absence)."""
    from derivations.registry.notations import meaning_of_word

    absent = _NO_PARAMETER().fullmatch(body)
    if absent is not None:
        name = (absent.group("name") or absent.group("cjk") or "").strip()
        meant = meaning_of_word(name)
        return meant is not None and meant.id in _PARAMETER_MEANINGS
    match = _PARAMETER_VALUE().fullmatch(body)
    if match is None:
        return False
    name = match.group("name").strip()
    if _PARAMETER_LETTER().fullmatch(name) or name in _HELD_WORD:
        return True
    meant = meaning_of_word(name)
    return meant is not None and meant.id in _PARAMETER_MEANINGS


# a remark that states an operation on the formula or a number (``(doubled)``, ``(times
# two)``, ``（再乘以2）``, ``（除以2）``) changes its value: never dropped as words
_OPERATION_WORDS = lazy_pattern(
    r"(?<![A-Za-z])(?:times|twice|thrice|doubled?|tripled?|quadrupled?|halve[ds]?|half|"
    r"squared?|cubed?|plus|minus|add(?:ed|ing|s)?|subtract(?:ed|ing|s)?|divided?|over|"
    r"multipl(?:y|ied|ies|ying)|fold|more|less|fewer|"
    + "|".join(w for w in NUMBER_WORDS if w.isascii())
    + r")(?![A-Za-z])|[0-9]|[乘除加减倍半翻再]|平方|立方|"
    + "|".join(w for w in NUMBER_WORDS if not w.isascii()),
    re.I,
)


def _other_languages_operations() -> tuple[str, ...]:
    """The words stating an operation or a number in the languages besides English and
    Chinese (:data:`_OPERATION_WORDS` holds theirs): :data:`.languages.SPOKEN`'s
    operations, :data:`.languages.MULTIPLIER_WORDS`, :data:`.languages.REMARK_NUMBERS` and
    :data:`.languages.REMARK_OPERATIONS`
    (``(mal zwei)``, ``(fois deux)``, ``(por dos)``, ``(vezes dois)``; s18wrong F16)."""
    spoken = (
        word
        for language, operations in SPOKEN.items()
        if language not in ("en", "zh")
        for operation, words in operations.items()
        if operation not in SPOKEN_JOINERS
        for word in words
    )
    multipliers = (
        w for lang, ws in MULTIPLIER_WORDS.items() if lang not in ("en", "zh") for w in ws
    )
    numbers = (word for words in REMARK_NUMBERS.values() for word in words)
    operations = (word for words in REMARK_OPERATIONS.values() for word in words)
    return (*spoken, *multipliers, *numbers, *operations)


@cache
def _OTHER_OPERATION_WORDS() -> re.Pattern:
    return re.compile(
        words_pattern(*_other_languages_operations(), before=r"\w", after=r"\w"), re.I
    )


# a remark restating what the sentence before it says (``（也就是多了300%）``)
_RESTATES = lazy_pattern(r"^\s*(?:即|也就是|也即|亦即|i\.?\s*e\.?|that\s+is|namely)", re.I)


@cache
def _count_names() -> re.Pattern:
    """The names of a count (``multiply-adds``, 乘加, and every question's count names
    written in a script without spaces, :attr:`.registry.questions.Question.names`:
    乘法, 加法次数, 乗算; s12exam E22: ``（乘法）`` was refused as an operation)."""
    from derivations.registry.questions import QUESTIONS

    names = {n for q in QUESTIONS.values() for n in q.names if not _spaced(n)}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(
        r"multiply[- ](?:adds?|accumulates?)|乘加|" + "|".join(map(re.escape, ordered)), re.I
    )


def states_operation(body: str) -> bool:
    """Whether a remark states an operation or a number (:data:`_OPERATION_WORDS`) or
    that the count is per one of a layer's parts (``per group``, ``每组``:
    :data:`_PER`); the name of a count (``multiply-adds``, 乘加, 乘法次数:
    :func:`_count_names`) is none, nor is a rate (``one per filter``:
    :data:`.languages.RATE_WORDS`)."""
    rest = _THE_NUMBER().sub(" ", _RATE().sub(" ", _count_names().sub(" ", body)))
    return bool(
        _OPERATION_WORDS().search(rest)
        or _OTHER_OPERATION_WORDS().search(rest)
        or _PER().search(rest)
    )


def per_part(words: str) -> str | None:
    """The words of ``words`` saying the count before them is per one of a layer's parts
    (:data:`_PER`: ``per output channel``, ``每个输出通道``), a rate aside (``one per
    filter``: :data:`.languages.RATE_WORDS`); None when they say none."""
    found = _PER().search(_RATE().sub(" ", words))
    return found.group() if found else None


# a number word after "the" (``of the two``, ``the three of them``): a reference to things
# named before, no number the remark states (s15exam E15: ``(same as the full convolution
# of the two)`` was refused as changing the formula)
_THE_NUMBER = lazy_pattern(r"(?<![A-Za-z])(?:the|both)\s+(?:two|three|four)(?![A-Za-z])", re.I)


def _words_of(words) -> str:
    return words_pattern(*words, before=LETTER, after=LETTER)


# a remark saying the count is per one of the layer's parts (``per group``, ``for each
# image``, ``每组``, ``每个样本``): the count before it times that many (s14exam E14's
# twin: ``c_o (per group)`` was accepted as c_o)
_PER = lazy_pattern(
    rf"(?:{_words_of(PER_WORDS)})[\s-]*(?:[A-Za-z]+\s+)?(?:{_words_of(PER_UNITS)})"
    rf"|(?:{_words_of(PER_UNITS)})\s*の?\s*(?:{_words_of(PER_AFTER)})",
    re.I,
)
# another answer offered in brackets or between two formulas (``(or 2592)``, ``或 c_i``)
_ALTERNATIVE = lazy_pattern(rf"^\s*(?:{_words_of(ALTERNATIVES)})\s*(?P<other>\S.*?)\s*$", re.I)
_BETWEEN = lazy_pattern(r"\s(?:or)\s|或者?|或是", re.I)


def alternative(body: str) -> bool:
    """Whether a bracket's text offers another answer (``or 2592``, ``maybe c_i``,
    ``也可能是 3``: :data:`.languages.ALTERNATIVES` then a number or a formula)."""
    match = _ALTERNATIVE().match(body)
    if match is None:
        return False
    return _offered(match.group("other"))


def _offered(other: str) -> bool:
    """Whether ``other`` is an answer offered: a formula alone (:func:`_a_formula`) with
    a number, a symbol's subscript, an operator, or one letter in it, not a word that
    happens to read as letters (``or so``: s·o); a number word (``three``); a question
    mark after it (``3?``) dropped; ``4 or 3`` (after ``either``) offered when each side
    is (s15rev F16)."""
    other = other.strip().rstrip("?？ ")
    if len(sides := _BETWEEN().split(other)) > 1:
        return all(_offered(side) for side in sides)
    if other.lower() in NUMBER_WORDS or other in NUMBER_WORDS:
        return True
    written = bool(re.search(r"[0-9_+*/^()\-]", other)) or len(other) == 1
    return written and _a_formula(other)


def bounded_remark(body: str) -> bool:
    """Whether a bracket's text makes the answer before it a bound (``or more``,
    ``或更多``: :func:`.around.bounded_after` of the text, as after a formula; s15rev
    F16: a remark's bound was dropped as a remark)."""
    from derivations.checking.reading.around import bounded_after  # (around reads this)

    return bounded_after(body)


def _a_formula(text: str) -> bool:
    """Whether ``text`` reads as a formula alone (a number, known symbols, operators):
    no word the lexer does not know."""
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import NAMED_PREFIX, UNKNOWN_PREFIX, tokenize
    from derivations.checking.reading.normalize import Normalized

    body = text.strip()
    if not body:
        return False
    try:
        tokens = tokenize(Normalized(body, list(range(len(body)))))
    except InvalidAnswer:
        return False
    return not any(t.value[:1] in (UNKNOWN_PREFIX, NAMED_PREFIX) for t in tokens)


def _alternatives(text: Normalized) -> None:
    """Refuse an answer offering two (``c_o or c_i``, ``c_o 或 c_i``: each side a
    formula alone), naming them: read as one, "or" was an unknown letter inferred as
    k_h·k_w and the answer "diagnosed" as a mistake it did not make (s15exam E13)."""
    found = list(_BETWEEN().finditer(text.text))
    if len(found) != 1:
        return
    match = found[0]
    left, right = text.text[: match.start()], text.text[match.end() :]
    if left.count("(") != left.count(")"):
        return  # c_o（或 c_i）: in a bracket, the bracket's rule
    if _offered(left) and _offered(right):
        from derivations.checking.reading.errors import refuse

        raise refuse("alternative", text.column(match.start()), remark=text.text.strip())


# a contrast in brackets: the quantity not meant (``not c_i``, ``而不是 c_i``)
_CONTRAST = lazy_pattern(rf"^\s*(?:{_words_of(CONTRASTS)})\s*(?P<other>\S.*?)\s*$", re.I)


def _contrast(body: str, before: str, column: int | None = None) -> bool:
    """Whether a bracket's ``body`` contrasts the formula ``before`` it with another
    (``c_o (not c_i)``, ``c_o（而不是 c_i）``): a remark, the formula graded as written; a
    contrast with the very formula written (``c_o (not c_o)``) denies it and is refused
    (``reading.remark_negates``)."""
    match = _CONTRAST().match(body)
    if match is None or not re.search(r"[A-Za-z]", match.group("other")):
        return False
    other = match.group("other")
    if re.search(r"[\u4e00-\u9fff]", other) or not readable(re.sub(r"[\s_*()+\-/^0-9]", "", other)):
        return False
    if re.sub(r"\s", "", other) == re.sub(r"\s", "", before):
        from derivations.checking.reading.errors import refuse

        raise refuse("remark_negates", column, remark=body.strip())
    return True


# a rate aside, "one per Y" (``one per filter``, ``ein Bias pro Filter``, ``每个卷积核
# 一个``, ``フィルタごとに1つ``): :data:`.languages.RATE_ONE`, :data:`.languages.RATE_PER`,
# :data:`.languages.RATE_EACH_ATTACHED`, every language's
_RATE = lazy_pattern(
    rf"(?<!{LETTER})(?:{words_pattern('one', '1', 'a', 'an', *every_word(RATE_ONE))})\s+"
    rf"(?:{LETTER}+\s+)?"
    rf"(?:{words_pattern(*(w for w in (*RATE_WORDS, *every_word(RATE_PER)) if not attached(w)))})"
    rf"\s+{LETTER}+"
    rf"|(?:{words_pattern(*(w for w in RATE_WORDS if attached(w)))})[\u4e00-\u9fff]*?"
    rf"(?:{words_pattern(*RATE_EACH_ATTACHED['zh'][1])})"
    rf"|(?:{words_pattern(*RATE_EACH_ATTACHED['ja'][0])})(?:{words_pattern(*RATE_EACH_ATTACHED['ja'][1])})",
    re.I,
)


def _rounding(remark: str, after: str) -> list:
    """The rounding a remark at the end of the answer states (``（结果向上取整）``,
    ``(rounded up)``), as a note the reader applies (:data:`ROUNDING_NOTE`)."""
    if after.strip():
        return []  # not at the end: about a part, not the result
    stated = {how for pattern, how in _ROUNDINGS if pattern().search(remark)}
    if len(stated) != 1:
        return []
    return [Note(ROUNDING_NOTE, (("rounding", stated.pop()),))]


# a scale prefix (GFLOPs, MMACs) names the same counting
_LABEL_COUNTS = lazy_pattern(r"(?<![A-Za-z])[kmgt]?(macs?|flops?)(?![A-Za-z])", re.I)


def countings_said(words: str) -> set:
    """Every counting (``"macs"``, ``"flops"``) a MAC or FLOP word in ``words`` says
    (:func:`stated_counting`'s words; empty when none)."""
    stated = {COUNT_WORDS[found.lower()] for found in _LABEL_COUNTS().findall(words)}
    lower = re.sub(r"[_\s]+", "-", words.lower())  # multiply_accumulates, multiply adds
    if any(word in lower for word in ("乘加", "multiply-accumulate", "multiply-add")):
        stated.add("macs")
    if "浮点" in lower:
        stated.add("flops")
    return stated - {None}


def stated_counting(words: str) -> str | None:
    """The counting (``"macs"``, ``"flops"``) words around a formula state (a label, a
    lead-in: ``总的FLOPS为``, ``乘加运算次数为``), as a count word after the formula or a
    name does: a MAC or FLOP word in them (乘加, 浮点, multiply-accumulate); None when
    they state none or both."""
    stated = countings_said(words)
    return stated.pop() if len(stated) == 1 else None


def _spelled(spelled: str) -> int | str | None:
    """The number a factor's ``n`` states: a number word's value (four, 俩), a number in
    Chinese numerals as digits (:func:`~derivations.numbers.chinese_number`: 四, 四点零四;
    None when it is none), else the digits as written."""
    word = NUMBER_WORDS.get(spelled.lower(), NUMBER_WORDS.get(spelled))
    if word is not None:
        return word
    if spelled[:1] in CHINESE_NUMERAL:
        return chinese_number(spelled)
    return spelled


def _factor(text: Normalized, notes: list) -> Normalized:
    if not may_be_factor(text.text):
        return text
    for pattern in _factors():
        match = pattern.match(text.text)
        if not match:
            continue
        spelled = match.groupdict().get("n") or match.group("word")
        value = _spelled(spelled)
        if value is None:
            continue  # Chinese numerals that are no number (一二倍, 四点十倍)
        said = match.group().strip()
        read: list = []
        if match.groupdict().get("verb"):
            value = _increase(said, value, read)
        notes += [_note("factor", text=said, value=value), *read]
        return edit(text, 0, len(text.text), str(value))
    return text


_VERBS = {
    "doubles": 2,
    "doubled": 2,
    "double": 2,
    "triples": 3,
    "tripled": 3,
    "triple": 3,
    "quadruples": 4,
    "quadrupled": 4,
    "quadruple": 4,
    "翻两番": 4,
    "翻了两番": 4,
    "翻倍": 2,
    "翻了一倍": 2,
    "翻一番": 2,
    "翻了一番": 2,
    "加倍": 2,
    # the cost stays as it was: a factor of 1 (``计算量不变``, ``the cost is unchanged``)
    "不变": 1,
    "unchanged": 1,
}


@cache
def _sentence_factors() -> list:
    """The patterns of a factor in a sentence (compiled on first use)."""
    return [
        re.compile(
            r"(?P<verb>" + "|".join(sorted(map(re.escape, _VERBS), key=len, reverse=True)) + r")",
            re.I,
        ),
        re.compile(rf"(?:factor\s+of\s+){_NUMBER}(?![\w.])", re.I),
        # not inside a word or number (a Chinese character before it is a word boundary:
        # 增加4倍)
        re.compile(
            rf"(?<![A-Za-z0-9_.]){_NUMBER}\s*"
            rf"(?:x|×|times|-?fold|倍|{words_pattern(*_TIMES_OTHER)})(?![A-Za-z])",
            re.I,
        ),
    ]


# (多了, 多出: "more by"; not 差不多, about)
_INCREASE = lazy_pattern(
    r"(?:(?:增加|提高|扩大|增大|增长|增多)(?:了)?|(?<!不)多(?:出)?了|(?<!不)多出)\s*$"
)


def increase_before(words: str) -> bool:
    """Whether ``words`` end in a verb of increase (``增加了``, ``提高``: :data:`_INCREASE`):
    what follows is the increase, N times or N + 1 times the original, no value a label
    names (s16rev2 G2: ``增加了 4/1 倍`` lost its verb as a label and was read as 4)."""
    return bool(_INCREASE().search(words))


_WORDS_ONLY = lazy_pattern(
    r"^[\sA-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff\u1e00-\u1eff"
    r"\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef'’,.!?~，。！？、：:;-]*$"
)


def states_factor(text: str) -> bool:
    """Whether ``text`` may be a factor or a sentence stating one (no formula in it, and
    a factor pattern found; no formula said in words: ``2 times p``): a lead-in before
    it is left to the sentence readings."""
    if _FORMULA_MARKS.intersection(text):
        return False
    found = may_be_factor(text) or any(p.search(text) for p in _sentence_factors())
    return found and not _says_formula(text)


def _says_formula(text: str) -> bool:
    """Whether ``text`` is a formula said in words (:func:`.spoken.says_formula`)."""
    from derivations.checking.reading.spoken import says_formula

    return says_formula(text)


def words_only(text: str) -> bool:
    """Whether ``text`` is words and punctuation only: no digit, no operator."""
    return bool(_WORDS_ONLY().match(text))


_FORMULA_MARKS = frozenset("+-*/^()=_\\[]{}")  # a text holding one is a formula, no sentence


def _sentence_factor(text: Normalized, notes: list) -> Normalized | None:
    """The factor one sentence states (the rest of it words only, at least one real
    word: ``2 x c_i`` stays a formula), or None."""
    if _FORMULA_MARKS.intersection(text.text):
        return None
    for pattern in _sentence_factors():
        found = list(pattern.finditer(text.text))
        if len(found) != 1:
            continue
        match = found[0]
        rest = text.text[: match.start()] + " " + text.text[match.end() :]
        wordy = re.search(rf"{LETTER}{{3,}}|[{LEAD_SCRIPTS}]", rest)
        if not _WORDS_ONLY().match(rest) or not (wordy or match.groupdict().get("verb")):
            continue
        verb = match.groupdict().get("verb")
        value: int | str
        if verb:
            value = _VERBS[verb.lower()]
        else:
            spelled_value = _spelled(match.group("n"))
            if spelled_value is None:
                continue  # Chinese numerals that are no number (一二倍, 四点十倍)
            value = spelled_value
        increase = None if verb else _INCREASE().search(text.text[: match.start()])
        read: list = []
        if increase:
            value = _increase(text.text[increase.start() : match.end()], value, read)
        # the whole sentence kept: its words say what the factor is of (the checker
        # refuses a factor of another quantity: ``the memory quadruples``)
        notes.append(
            _note("factor_sentence", text=match.group().strip(), value=value, sentence=text.text)
        )
        notes += read
        return edit(text, 0, len(text.text), str(value))
    return None


_CLAUSE_MARKS = lazy_pattern(r"[,;!?，；。！？]")
# words naming the cost a sentence's conclusion is about (not the change it starts from)
COST_WORDS = lazy_pattern(
    r"计算|运算|乘法|加法|复杂度|开销|成本|연산|계산|flop|mac|cost|comput|operation|multiplication|"
    r"work",
    re.I,
)


def _clause(text: Normalized, start: int, end: int) -> Normalized:
    return edit(edit(text, end, len(text.text)), 0, start)


# words that deny, bound, reverse or question the factor a sentence states (``不是4倍``,
# ``not 4 times``, ``4倍以上``, ``less than 4x``, ``4 times fewer``, ``减少4倍``, ``4倍的一半``,
# ``quadruples? No``): the sentence does not say the factor is that number
_HEDGE = lazy_pattern(
    words_pattern(
        *(w for lang, ws in HEDGES.items() if lang != "zh" for w in ws),
        *(w for lang, ws in LEAD_NEGATIONS.items() if lang not in ("en", "zh") for w in ws),
        before=LETTER,
        after=LETTER,
    )
    + r"|n't|[?？]|不(?!变)|"
    # the bound words of a lead-in (小于, 远大于: s15exam E11)
    + words_pattern(*HEDGES["zh"], *LEAD_BOUNDS["zh"])
    # a decrease, a speed or a price, whatever the word's ending (4 times faster,
    # уменьшается в 4 раза): no bound after the beginning
    + "|"
    + words_pattern(*every_word(HEDGE_STEMS), before=LETTER),
    re.I,
)


# a bound word right before the number of a factor (``小于 4 倍``, ``less than 4 times``)
_BOUND_BEFORE_NUMBER = lazy_pattern(
    rf"(?P<words>{words_pattern(*every_word(LEAD_BOUNDS), before=LETTER)})"
    r"\s*(?:[为是]\s*)?(?:原来的\s*)?[0-9０-９一二两三四五六七八九十]",
    re.I,
)


def _hedged(text: str) -> bool:
    """Whether a sentence denies, bounds, reverses or questions its factor (:data:`_HEDGE`)."""
    return bool(_HEDGE().search(text))


def sentence_factor(text: Normalized, notes: list) -> Normalized | None:
    """The factor a sentence states (:func:`_sentence_factor`); a sentence of several
    clauses that state factors (``输入通道和输出通道的数量加倍，计算数量变为原来4倍``: the
    change, then its cost) is read by the one clause that names a cost, with a note; None
    when there is no such clause or more than one, when a clause names the cost and
    another states the only factor, or the sentence hedges its factor
    (:func:`_hedged`: ``不是4倍``, ``less than 4 times``)."""
    if _FORMULA_MARKS.intersection(text.text):
        return None
    bound = _BOUND_BEFORE_NUMBER().search(text.text)
    if bound and _sentence_factors()[2].search(text.text):
        # 小于 4 倍, mehr als 4-mal: a bound, said so (s15exam E11), in every language
        # (``в 4 раза больше``: "more" after the number says "4 times as many")
        raise refuse("lead_bounds", text.column(0), text=bound.group("words"))
    if _hedged(text.text):
        if bound:  # at least 1296, 小于 4: a bound before the value, said so (s15exam E11)
            raise refuse("lead_bounds", text.column(0), text=bound.group("words"))
        return None
    if _says_formula(text.text):  # two times the output channels: a formula
        return None
    bounds = [0, *(m.end() for m in _CLAUSE_MARKS().finditer(text.text)), len(text.text)]
    clauses = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    stating = [
        (start, end)
        for start, end in clauses
        if any(p.search(text.text[start:end]) for p in _sentence_factors())
    ]
    if len(stating) <= 1:
        if stating and any(
            COST_WORDS().search(text.text[s:e]) for s, e in clauses if (s, e) not in stating
        ):
            # the clause naming the cost states no factor (``通道数翻两番，计算量也增加``):
            # the factor stated is the change's, not the cost's
            return None
        return _sentence_factor(text, notes)
    costly = [(s, e) for s, e in stating if COST_WORDS().search(text.text[s:e])]
    if len(costly) != 1:
        return None
    start, end = costly[0]
    found = _sentence_factor(_clause(text, start, end), notes)
    if found is not None:
        said = text.text[start:end].strip(" ,;!?，；。！？")
        notes.insert(len(notes) - 1, _note("clause", clause=said))
    return found


_UNIT_WORDS = (
    (lazy_pattern(r"(?<![A-Za-z])bytes?(?![A-Za-z])|字节", re.I), "bytes"),
    # (numel: PyTorch's Tensor.numel, "the total number of elements in the input tensor")
    (lazy_pattern(r"(?<![A-Za-z])(?:elements?|entries|numel)(?![A-Za-z])|元素", re.I), "elements"),
)
_UNIT_NOTES = {"reading.note.unit_bytes": "bytes", "reading.note.unit_elements": "elements"}


def stated_unit(notes) -> str | None:
    """The unit (``"bytes"``, ``"elements"``) the answer's words state: a unit after the
    formula (its note), or a unit word in a label or lead-in (``bytes:``, ``内存（元素
    个数）为``); None when they state none or both."""
    stated = set()
    for note in notes:
        if note.key in _UNIT_NOTES:
            stated.add(_UNIT_NOTES[note.key])
        elif note.key in ("reading.note.label", "reading.note.lead_in"):
            fields = dict(note.fields)
            words = fields.get("label") or fields.get("text") or ""
            stated |= {unit for pattern, unit in _UNIT_WORDS if pattern().search(words)}
    return stated.pop() if len(stated) == 1 else None


def named_unit(name: str | None) -> str | None:
    """The unit the name before an ``=`` states by its words, as a label's does
    (:func:`stated_unit`: ``bytes =``, ``total_bytes``, ``n_elements``, ``numel``, ``字节数
    =``); None when it states none or both (s12adv: ``bytes = <a count in elements>`` was
    accepted)."""
    if not name:
        return None
    stated = {unit for pattern, unit in _UNIT_WORDS if pattern().search(name)}
    return stated.pop() if len(stated) == 1 else None


def counting(notes) -> str | None:
    """The counting (``"macs"``, ``"flops"``) a count word or name of the answer
    states, from its notes; None when it states none (or both)."""
    stated = {dict(note.fields).get("counting") for note in notes} - {None, ""}
    return stated.pop() if len(stated) == 1 else None


def _plus_one(value) -> str:
    from decimal import Decimal

    return str(Decimal(str(value)) + 1)


INCREASE_NOTE = "reading.note.increase_ambiguous"


def _increase(said: str, value, notes: list):
    """The factor ``增加 N 倍`` states (``said``: the words as written), its note added to
    ``notes``: ``增加一倍`` (N = 1) is doubled, the idiom's one meaning (s13exam E9: it
    was read as 1); for any other N the words are ambiguous, N times the original or
    N + 1 times (an increase by N times it, the normative reading): read as N, the note
    carrying both (the checker refuses the answer where their verdicts differ)."""
    if str(value) == "1":
        notes.append(_note("increase_doubled", words=said))
        return 2
    notes.append(_note("increase_ambiguous", words=said, value=value, more=_plus_one(value)))
    return value


# characters none of the whole-answer factor patterns (_FACTOR) can hold: a text with one
# is a formula, and those patterns are not tried
_NOT_A_FACTOR = frozenset("_()+/^=[]{}\\")
# a factor written as a fraction of whole numbers and its word (``214/53 倍``, ``214/53
# times``: s15exam E6), where _NOT_A_FACTOR's "/" keeps the other patterns away
_FRACTION_FACTOR = lazy_pattern(
    r"^\s*(?P<n>[0-9]+\s*/\s*[1-9][0-9]*)\s*(?:倍|times|-?fold)\s*[.。]?\s*$", re.I
)
# a number and LaTeX's times sign after it (``4\times``): the factor ``4x``
_LATEX_TIMES_AFTER = lazy_pattern(r"^\s*[0-9]+(?:\.[0-9]+)?\s*(?P<sign>\\times)\s*$")


def _after_operator(before: str) -> bool:
    """Whether ``before`` ends in an operator, an equals sign or an x times sign, or a
    word of a formula said in words (``twice the``, ``the product of``:
    :func:`.spoken.ends_in_word`): what follows is a factor (``… x B``: B the batch;
    ``twice the MACs``) or a side of its own after a formula (``c_o c_i … = MACs``: a
    name, s14exam E11), not a unit; after a count's name (``MACs = FLOPs``) a count word."""
    bare = before.rstrip()
    if bare.endswith(("*", "+", "-", "/", "^", "(")) or re.search(r"\s[xX]$", bare):
        return True
    if bare.endswith("="):  # c_o c_i … = MACs, adds = muls: a side; MACs = FLOPs: a count word
        return not _counting_before(bare[:-1])
    from derivations.checking.reading.spoken import ends_in_word

    return ends_in_word(bare)


def _counting_before(left: str) -> bool:
    """Whether ``left`` (the text before ``=``) is only the name of a counting (``MACs``,
    ``FLOPs``: :func:`stated_counting`); not a count of the layer named (``adds = muls``:
    the additions stated in terms of the multiplications, H3's; ``muls`` became a count
    word at an answer's end, s15exam E2)."""
    name = left.strip()
    return bool(re.fullmatch(r"[^\W\d][\w']*", name)) and stated_counting(name) is not None


def _by_between_sums(text: Normalized) -> Normalized:
    """``text`` with each side of one "by" between two sums bracketed (``k_1 + k_2 - 1 by
    k_1 + k_2 - 1``: a by b, not k_1 + k_2 − 1·k_1 + k_2 − 1, which no author means;
    s14exam E10); as it is otherwise (no "by" outside brackets, or more than one, or a
    side that is no sum)."""
    depth, found = 0, []
    for index, char in enumerate(text.text):
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and text.text.startswith(" by ", index):
            found.append(index)
    if len(found) != 1:
        return text
    left, right = text.text[: found[0]], text.text[found[0] + 4 :]
    if not (_sum(left) or _sum(right)):
        return text
    if _sum(right):
        text = edit(text, found[0] + 4, len(text.text), f"({right.strip()})")
    return edit(text, 0, found[0], f"({left.strip()})") if _sum(left) else text


def _sum(side: str) -> bool:
    """Whether ``side`` has a + or − outside brackets (a sum, not a bracketed one)."""
    depth = 0
    for char in side:
        depth += (char in "([{") - (char in ")]}")
        if depth == 0 and char in "+-−":
            return True
    return False


# a rounding's Chinese name written as a function, before its bracket (``向下取整((h -
# k_h + p_h)/s_h) + 1``): the floor or the ceiling of the bracket (s14exam E22: the words
# were dropped as words around the formula, then the floor said to be missing)
_ROUNDING_CALL = lazy_pattern(
    r"(?:(?P<floor>向下取整|下取整|取下整)|向上取整|上取整|取上整)\s*(?=[(（\[])"
)


# a term that is a number alone (``+ 1``) or a closing bracket (``floor(…)``, ``⌊…⌋``),
# and a word or a bracket of words after it closing the text (``… + 1 rows``, ``… + 1
# (height)``, ``… + 1 行``, ``floor((h - k_h + p_h + s_h)/s_h) rows``)
_AFTER_TERM = lazy_pattern(
    r"(?:\+\s*\d+|[)\]⌋])\s*(?:\((?P<inner>[^()]*)\)|(?P<word>[^\W\d_]+))\s*[.。]?\s*$"
)


def _size_words(words: str) -> bool:
    """Whether ``words`` are words of an output's size along an axis by the parts record
    (``rows``, ``height``, ``output columns``, ``行``): an axis's word among them, the
    others the output's, none a letter alone (``h`` is a symbol)."""
    from derivations.registry.notations import name_parts

    parts = name_parts()
    roles = [
        parts.get(word.lower()) if len(word) > 1 or not word.isascii() else None
        for word in words.split()
    ]
    kinds = set(roles)
    return bool(kinds & {"height", "width"}) and kinds <= {"height", "width", "output"}


def _size_after_term(text: Normalized, notes: list) -> Normalized:
    """``text`` without the size's words closing it after a term that is a number alone
    or a closing bracket (``… + 1 rows``, ``… + 1 (height)``, ``… + 1 行``, ``⌊…⌋ rows``),
    noted as a remark in brackets or as a size word after the formula (then judged as
    one: ``… + 1 columns`` answering output-height names the other axis): read as a
    factor they made the + 1 a product, ``1·h`` (s12adv), and the size ``⌊…⌋·h`` (s14exam
    E5: a right size called wrong); the note says where the words were (E6: "words in
    brackets" of words in none)."""
    match = _AFTER_TERM().search(text.text)
    if match is None:
        return text
    words = (match.group("inner") or match.group("word") or "").strip()
    if not _size_words(words):
        return text
    notes.append(_note("remark" if match.group("inner") else "size_word", remark=words))
    return edit(
        text,
        match.start("inner") - 1 if match.group("inner") else match.start("word"),
        len(text.text),
    )


# a loop's header of code before a colon (``for i in range(3):``, ``while h > k:``):
# never a label, the statement after it may run again
LOOP_HEAD = lazy_pattern(r"^\s*(?:for\s+[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s+in\s|while\s)")


def informal(text: Normalized) -> tuple[Normalized, list]:
    """``text`` with the informal forms above read; the notes saying how.  Each form is
    looked for only when the text holds what it needs (a colon for a label, a dot for a
    library prefix, a unit or count word at the end ...): a plain formula costs a few
    membership tests."""
    notes: list = []
    if "\\" in text.text and (match := _DELIMITERS().match(text.text)):
        text = edit(edit(text, match.end("body"), len(text.text)), 0, match.start("body"))
    if "\\" in text.text and (match := _LIMIT().search(text.text)) and match.start() > 0:
        notes.append(_note("limit_after", limit=match.group("limit").strip()))
        text = edit(text, match.start(), len(text.text))
    match = _LABEL().match(text.text) if ":" in text.text else None
    if match and ratio_colon(match.group().rstrip().rstrip(":"), text.text[match.end() :]):
        match = None  # … ratios close to 2:1: no label
    if match and LOOP_HEAD().match(match.group()):
        match = None  # for i in range(3): h = …: a loop's header, no label (s8adv)
    if match and not keyword.iskeyword(match.group().strip().rstrip(":").strip()):
        label = match.group().strip().rstrip(":").strip()
        notes.append(_note("label", label=label, counting=stated_counting(label) or ""))
        text = edit(text, 0, match.end())
    while "." in text.text and (match := _LIBRARY().search(text.text)):
        text = edit(text, match.start(), match.end())
    if " by " in text.text:  # k_1 + k_2 - 1 by k_1 + k_2 - 1: a shape of two sums
        text = _by_between_sums(text)
    while match := _ROUNDING_CALL().search(text.text):  # 向下取整((h - k_h + p_h)/s_h)
        function = "floor" if match.group("floor") else "ceil"
        notes.append(_note("rounding_call", word=match.group().strip(), function=function))
        text = edit(text, match.start(), match.end(), function)
    if "int" in text.text and (match := _INT().search(text.text)):
        notes.append(_note("int_floor"))
        while match := _INT().search(text.text):
            text = edit(text, match.start(), match.end(), "floor")
    if text.text.rstrip(" .。").endswith(")") and (match := _COUNT_BRACKET().search(text.text)):
        before = text.text[: match.start()]
        if before.strip() and not _after_operator(before):  # 1296 multiplications (MACs)
            unit = match.group("unit")
            notes.append(_note("unit_count", unit=unit, counting=COUNT_WORDS[unit.lower()] or ""))
            text = edit(text, match.start(), len(text.text))
    if "+" in text.text and ("加法" in text.text or "add" in text.text.lower()):
        # 1296 multiplications + 1248 additions: each word its term's, never a factor
        from derivations.checking.reading.spoken import summed_counts, summed_terms

        summed = summed_counts(text.text)
        if summed:  # (each term with its word: the checker grades it as that count)
            terms = "\n".join(f"{term}\t{word}" for term, word in summed_terms(text.text))
            words = ", ".join(w for *_, w in summed)
            notes.append(_note("counts_summed", words=words, terms=terms))
        for start, end, _ in reversed(summed):
            text = edit(text, start, end)
    match = (
        _count().search(text.text)
        if text.text.rstrip(" .。").lower().endswith(_COUNT_ENDINGS)
        else None
    )
    if (
        match
        and text.text[: match.start()].strip()
        and not _after_operator(text.text[: match.start()])  # 2 × MACs: a named count
        and not _sentence_factors()[2].search(text.text)
    ):
        unit = match.group("unit")
        stated = COUNT_WORDS[unit.lower()] or ""
        notes.append(_note("unit_count", unit=unit, counting=stated))
        text = edit(text, match.start(), len(text.text))
    match = (
        _bias_count().search(text.text)
        if text.text.rstrip(" .。").lower().endswith(_BIAS_ENDINGS)
        else None
    )
    if (
        match
        and text.text[: match.start()].strip()
        and not _after_operator(text.text[: match.start()])  # c_o × bias: a product
    ):
        notes.append(_note("unit_count", unit=match.group("unit"), counting=""))
        text = edit(text, match.start(), len(text.text))
    match = _UNITS().search(text.text) if text.text.rstrip().endswith(_UNIT_ENDINGS) else None
    if (
        match
        and text.text[: match.start()].strip()
        and not _after_operator(text.text[: match.start()])
        and not _NUMBER_OF_WORDS().match(text.text[: match.start()])
    ):
        unit = match.group("unit") or match.group("cjk")
        notes.append(_note("unit_bytes" if unit in _BYTES else "unit_elements", unit=unit))
        text = edit(text, match.start(), len(text.text))
    if text.text.rstrip(" .。)")[-1:].isalpha() and "+" in text.text:  # (… + 1 rows, ⌊…⌋ 行)
        text = _size_after_term(text, notes)
    if " or " in text.text.lower() or "或" in text.text:  # c_o or c_i: two answers
        _alternatives(text)
    operations = []
    if "(" in text.text:
        for match in reversed(list(_PAREN().finditer(text.text))):
            if _added_alone(text.text, match):
                operations.append((match.group("body").strip(), text.column(match.start())))
                text = edit(text, match.start(), match.end())
                continue
            if negation(match.group("body")):
                from derivations.checking.reading.errors import refuse

                raise refuse(
                    "remark_negates", text.column(match.start()), remark=match.group("body").strip()
                )
            if alternative(match.group("body")):
                from derivations.checking.reading.errors import refuse

                raise refuse(
                    "alternative", text.column(match.start()), remark=match.group("body").strip()
                )
            if bounded_remark(match.group("body")):
                from derivations.checking.reading.errors import refuse

                raise refuse(
                    "trail_bounds", text.column(match.start()), text=match.group("body").strip()
                )
            if _contrast(
                match.group("body"), text.text[: match.start()], text.column(match.start())
            ):
                notes.append(_note("contrast", remark=match.group("body").strip()))
                text = edit(text, match.start(), match.end())
                continue
            parameter = parameter_value(match.group("body"))
            if (
                (parameter or _remark(match.group("body")))
                and not _operand(text.text, match.start(), match.end())
                and not _says_formula(match.group("body"))
                and not (not parameter and _glosses(text.text[: match.start()], match))
            ):
                body = match.group("body")
                unit = _UNIT_REMARK().fullmatch(body)
                if unit is not None and not text.text[match.end() :].strip(" .。"):
                    # a unit in brackets closing the answer (``… (in bytes)``, ``… (en
                    # octets)``): the unit word after it, said so (s18wrong)
                    said = unit.group("unit")
                    key = "unit_bytes" if said in _BYTES else "unit_elements"
                    notes.append(_note(key, unit=said))
                    text = edit(text, match.start(), match.end())
                    continue
                rounding = _rounding(body, text.text[match.end() :])
                if not rounding and not parameter and states_operation(body):
                    operations.append((body.strip(), text.column(match.start())))
                # words labelling a term of a sum (``c_o c_i k_h k_w (weights) + …``):
                # the term's label, not words about the whole answer (s14exam E27)
                inside = text.text[match.end() :].lstrip()[:1] in ("+", "-", "−")
                key = "term_label" if inside and not parameter else "remark"
                notes.append(_note(key, remark=body.strip()))
                notes.extend(rounding)
                text = edit(text, match.start(), match.end())
    if operations:
        _refuse_operations(operations, bool(_NOT_A_FACTOR.intersection(text.text)))
    if "\\" in text.text and (match := _LATEX_TIMES_AFTER().match(text.text)):
        text = edit(text, match.start("sign"), match.end("sign"), "x")  # 4\times: 4x (E10)
    if (match := _FRACTION_FACTOR().match(text.text)) is not None:  # 214/53 倍 (E6)
        notes.append(_note("factor", text=match.group().strip(), value=match["n"]))
        return edit(text, 0, len(text.text), match["n"]), notes
    if _NOT_A_FACTOR.intersection(text.text):  # a formula: no factor, no sentence
        return _times_signs(text, notes), notes
    factor = _factor(text, notes)
    if factor is text:
        factor = sentence_factor(text, notes) or _times_signs(text, notes)
    return factor, notes


def _spaced(word: str) -> bool:
    """Whether ``word`` is written between spaces (not a Han, kana or Hangul word)."""
    return not re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", word)


@cache
def _negation_words() -> tuple[re.Pattern, re.Pattern]:
    def pattern(words) -> re.Pattern:
        ordered = sorted(words, key=len, reverse=True)
        return re.compile(
            "|".join(
                rf"(?<!\w){re.escape(w)}(?!\w)" if _spaced(w) else re.escape(w) for w in ordered
            ),
            re.I,
        )

    return pattern(NEGATIONS), pattern(NEGATION_FILLERS)


def negation_word(words: str) -> bool:
    """Whether ``words`` hold a word of :data:`.languages.NEGATIONS` (``not``, ``no``,
    ``不``, ``ohne``… as whole words where the language spaces them)."""
    return bool(_negation_words()[0].search(words.replace("n't", " not")))


def negation(body: str) -> bool:
    """Whether a remark only denies the answer before it (``(not)``, ``(wrong)``,
    ``（不对）``, ``(this is wrong)``: :data:`.languages.NEGATIONS` and fillers, nothing
    else); ``(no bias)``, ``(不含偏置)``, ``(not sure)`` say more and are remarks."""
    if not body.strip() or len(body) > 40 or re.search(r"[0-9_^*/+=\\]", body):
        return False
    denies, fillers = _negation_words()
    rest = body.replace("n't", " not")
    if not denies.search(rest):
        return False
    rest = fillers.sub(" ", denies.sub(" ", rest))
    return not re.search(r"[^\W_]", rest)


_LETTER_BEFORE = lazy_pattern(r"(?<![A-Za-z0-9])[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?'?\s*$")


def _glosses(before: str, match: re.Match) -> bool:
    """Whether the bracket ``match`` may gloss the letter written right before it
    (``c_o (input channels)``, ``c_i h w（输入）``): its words read as symbols and
    nothing else; left to the lexer, which drops a gloss of those letters and refuses
    one of others (``lexer._without_glosses``), not dropped here as a remark unread."""
    if not _LETTER_BEFORE().search(before):
        return False
    from derivations.checking.reading.errors import InvalidAnswer
    from derivations.checking.reading.lexer import NAMED_PREFIX, UNKNOWN_PREFIX, tokenize
    from derivations.checking.reading.normalize import Normalized

    body = match.group("body").strip()
    try:
        tokens = tokenize(Normalized(body, list(range(len(body)))))
    except InvalidAnswer:
        return False
    return all(
        t.type == "SYMBOL" and t.value[:1] not in (UNKNOWN_PREFIX, NAMED_PREFIX) for t in tokens
    )


def _added_alone(text: str, match: re.Match) -> bool:
    """Whether the bracket ``match`` ends ``text`` holding a term added (``c_o (+1)``,
    ``c_o（+ 1）``) with no operator before it: an addition said aside, not a factor of
    +1 (s16rev F7: ``c_o (+1)`` was read as ``c_o × 1``)."""
    return (
        match.group("body").lstrip().startswith("+")
        and not text[match.end() :].strip(" .。")
        and not _operand(text, match.start(), match.end())
    )


def _operand(text: str, start: int, end: int) -> bool:
    """Whether the bracket ``text[start:end]`` is an operand: divided, multiplied or
    raised right after it (``(W - FW)/S``), after an operator (``2 * (FW)``), right
    after a number it multiplies with a term or a closing bracket after it
    (``2(填充))``; not ``… + 1（高）``, a remark at the end), or first in a bracket with a
    term after it (``((输入尺寸) - …``: a definition in words put in for its name)."""
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    if text[start - 1 : start].isdigit() and after in (")", "+", "-"):
        return True  # 2(填充)) …; not a remark at the end, 1（高）
    return (
        after in ("/", "*", "^")
        or before in ("*", "/", "^", "+", "-")
        or (before == "(" and after in ("+", "-"))
    )


def _refuse_operations(operations: list, formula: bool) -> None:
    """Refuse a remark that states an operation or a number (the first written): read
    as words it would drop a factor the student meant (``c_o c_i k_h k_w m_h m_w
    (doubled)`` is not the formula before it).  A restatement (``（也就是多了300%）``)
    after a factor sentence, not a formula, says again what the sentence says: kept
    dropped."""
    remark, column = operations[-1]
    if not formula and all(_RESTATES().match(body) for body, _ in operations):
        return
    from derivations.checking.reading.errors import refuse

    raise refuse("remark_operation", column, remark=remark)


# x or X between two factors, spaces on both sides: a times sign (K x K x c_i)
_TIMES = lazy_pattern(r"(?<=[A-Za-z0-9)\]}'])\s+[xX]\s+(?=[A-Za-z0-9(\\{⌊⌈\[])")


def _x_is_a_symbol() -> bool:
    from derivations.registry.notations import notation_spellings
    from derivations.registry.spellings import spellings

    return "x" in spellings() or "x" in notation_spellings()


def _times_signs(text: Normalized, notes: list) -> Normalized:
    """``text`` with each x between two factors read as a times sign (never when a
    notation spells a symbol x), with a note."""
    if " x " not in text.text and " X " not in text.text:
        return text
    found = list(_TIMES().finditer(text.text))
    if not found or _x_is_a_symbol():
        return text
    signs = sorted({match.group().strip() for match in found})
    notes.append(_note("times_sign", sign=" ".join(signs)))
    for match in reversed(found):
        text = edit(text, match.start(), match.end(), " * ")
    return text
