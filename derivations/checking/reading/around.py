"""The text around a formula (issue 21): the step in front of the grammar that finds
the formula in what a student pasted, each removal kept as a note (``reading.note.*``,
said in "read as": ``check --validate``, the JSON, the report's ``parsed`` column).

Applied to the normalized text (every column still points into the answer as given),
before :func:`.informal.informal`:

* ``$…$`` math inside text (``乘法次数为$c_o c_i k_h k_w m_w m_h$``): the math is the
  formula, the words before it a lead-in (noted); a unit or count word after it is
  left for :mod:`.informal`.  Several ``$…$`` inside one sentence are names in it
  (``输入通道$c_i$和输出通道$c_o$的数量加倍，计算数量变为原来4倍``): the sentence is
  read for the factor it states, else the dollars are dropped as before;
* a lead-in before the formula: words ending in a colon (``计算复杂度（浮点计算数FLOP）：``,
  ``MACs:``), a Chinese sentence ending in 为/是/等于 (``总加法次数为``), a Japanese or
  Korean one ending in its particle (``計算量は``, ``연산 복잡도는``), words ending in a
  copula of a language written with spaces (``the number of multiplications is``,
  ``El número de productos es``, ``Число умножений равно``), or a count name and a
  space (``FLOPs_forward 2 × …``): dropped, with a note; a MACs or FLOPs word in it
  states the counting (:func:`.informal.counting`), as one after the formula does.
  The words of each language are data in :mod:`.languages`;
* the words closing the sentence after the formula (``… です。``, ``… 입니다.``): dropped,
  with a note;
* a word before a bracketed formula (``bias(输出通道数)``: a word no spelling reads, the
  bracket a formula): the word is a label;
* ``\\approx`` (and ``\\simeq``, ``:=``) is an equals sign of a chain;
* a floor or ceiling around ``name = …`` (``⌊N = (W − F + 2P)/S + 1⌋``): around the
  formula, not the name;
* a size written as a function of the tensor it measures (``N(input)``, ``size(kernel)``):
  the tensor's name, read as its size, never a product (``N × input``);
* an equation's number closing an equation (``… \\quad (2.1)``, ``…    (3)``, ``…, (3)``,
  ``\\tag{4}``): a label, dropped with a note; ``c_o (3)``, no equation, is a product;
* a ``;`` ending the formula (code pasted with its semicolon), a code comment after it
  (``… + 1  # 出力高さ``), Markdown's code marks and a bold label (``**Answer:**``):
  dropped, with a note; "about" (``~``, ``≈``) opening what is left after them or after
  a label's colon (`` `~ N * M …` ``, ``MACs: ~ …``) is read as it opens an answer;
* ``K2`` for ``K^2`` (a flattened power): only a single letter and the digit 2, when no
  other name with a digit is in the answer (``K1``, ``P2``, ``S_2``: indices) and no
  symbol of the question or notation is spelled so (compose-size's ``k2``, CS231n's
  ``W2``).

A count given relative to the forward pass (``3 × FLOPs_forward``, ``twice the forward
pass``, ``前向传播的两倍``, ``与前向传播相当``: once; a ratio, ``backward-forward FLOP
ratios close to 2:1``, ``反向与前向之比为 2:1``, ``Rückwärts- zu Vorwärtsdurchlauf 2:1``,
in the order the passes are named) is read as its factor with a note
(:data:`RELATIVE_NOTE`); the checker multiplies it by the reference of the question's
forward counterpart (``Question.forward``).

Math-italic letters (𝐻𝑊𝐶𝑖𝑛) are folded by NFKC in :mod:`.normalize`; ``x``/``X`` as a
times sign is read in :mod:`.informal` (after the factor readings, which ``4 x`` is).
A plain formula costs a few substring tests here (:func:`around`'s fast path).
Nothing evaluates text: each rule is a pattern and a deletion or a replacement.
"""

from __future__ import annotations

import itertools
import keyword
import re
from fractions import Fraction
from functools import cache

from derivations.checking.reading.code import amends, denies
from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import (
    LOOP_HEAD,
    NUMBER_WORDS,
    ROUNDING_NOTE,
    Note,
    _hedged,
    edit,
    increase_before,
    lazy_pattern,
    ratio_colon,
    sentence_factor,
    stated_counting,
    states_factor,
    words_only,
)
from derivations.checking.reading.languages import (
    ABOUT_ABBREVIATIONS,
    ABOUT_ATTACHED,
    ABOUT_WORDS,
    ATTACHED_COPULAS,
    BARE_COPULAS,
    CONCLUSIONS,
    CONDITIONS,
    CONDITIONS_AFTER,
    ENDINGS,
    LEAD_AUXILIARIES,
    LEAD_BOUNDS,
    LEAD_LINKS,
    LEAD_NEGATIONS,
    LEAD_NOUNS,
    LEAD_SCRIPTS,
    LEAD_USES,
    LEAD_VERBS,
    LETTER,
    NEGATIONS,
    PROPOSALS,
    RATE_WORDS,
    ROUNDING_WORDS,
    SAME_AS,
    SAME_AS_AFTER,
    TOTAL_OPENINGS,
    TRAIL_BOUNDS,
    WORD_COPULAS,
    attached,
    every_word,
    words_pattern,
)
from derivations.checking.reading.normalize import Normalized

__all__ = [
    "around",
    "every_rule",
    "framed",
    "lead_names",
    "copulas",
    "holds_symbol",
    "RELATIVE_NOTE",
]


def _note(key: str, **fields) -> Note:
    return Note(f"reading.note.{key}", tuple(sorted((k, str(v)) for k, v in fields.items())))


_CJK = lazy_pattern(r"[\u4e00-\u9fff]")
# a lead-in: words (any script), digits inside words, spaces, bracketed words
_LEAD_CHARS = lazy_pattern(r"^[\w\s'\-,()]*$")
_CJK_COPULA = lazy_pattern("|".join(ATTACHED_COPULAS["zh"]))
# a Japanese or Korean lead-in: its particle attached to a word of its script, the
# formula (Latin letters, a digit, a bracket, LaTeX) after it
_KANA_HANGUL_COPULA = lazy_pattern(
    rf"(?<=[{LEAD_SCRIPTS}A-Za-z])(?:"
    + "|".join(sorted((*ATTACHED_COPULAS["ja"], *ATTACHED_COPULAS["ko"]), key=len, reverse=True))
    + r")\s*(?=[A-Za-z0-9(\\⌊⌈\[{])"
)
_WORD_COPULAS = tuple(
    sorted({w for words in WORD_COPULAS.values() for w in words}, key=len, reverse=True)
)


def _words(words) -> str:
    """An alternation of ``words`` (:func:`.languages.words_pattern`)."""
    return words_pattern(*words)


_NOUN = rf"(?:(?:the|this|a|an)\s+)?(?:following\s+)?(?:{_words(LEAD_NOUNS)})"
# a lead-in said with a verb (:data:`.languages.LEAD_VERBS`): ``is calculated by``,
# ``cal as``, ``can be computed with the formula``, ``uses the formula``
_VERB_PHRASE = (
    rf"(?:(?:{_words(LEAD_AUXILIARIES)})\s+)?(?:{_words(LEAD_VERBS)})\s+"
    rf"(?:{_words(LEAD_LINKS)})(?:\s+{_NOUN})?"
    rf"|(?:{_words(LEAD_USES)})\s+{_NOUN}"
)
_EN_COPULA = lazy_pattern(
    r"\s+(?P<verb>" + _VERB_PHRASE + "|" + _words(_WORD_COPULAS) + r"|=)\s+",
    re.I,
)
# a Chinese label with no copula or colon, a space, then the formula (``总计算量 2N x …``)
# (never before a LaTeX times or division sign: ``输出高 \times 输出宽 \times …``, a
# product of words as \text{输出高} writes it, issue 21)
_CJK_LABEL = lazy_pattern(
    r"^\s*[\u4e00-\u9fff][\u4e00-\u9fff（）()]+\s+"
    r"(?=[A-Za-z0-9(⌊⌈\[{]|\\(?!(?:times|cdot|div|ast)(?![A-Za-z])))"
)
_COUNT_NAME = lazy_pattern(r"^\s*(?P<name>(?:flops?|macs?|maccs?)(?:_\w+)?)\s+(?=[\w(\\⌊⌈])", re.I)
_FORMULA_START = lazy_pattern(r"\s*[A-Za-z0-9(\\⌊⌈\[{\u4e00-\u9fff]")


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return False
    return depth == 0


# letters with subscripts side by side (``c_i c_o k_h``): a formula, never a lead-in's words
_LETTERS_SIDE_BY_SIDE = lazy_pattern(
    r"(?<![\w])[A-Za-z]_\{?[A-Za-z0-9]+\}?\s+[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?(?![\w])"
)


_NEGATION = lazy_pattern(words_pattern(*NEGATIONS, before=LETTER, after=LETTER), re.I)


def _formula_kept(prefix: str) -> bool:
    """Whether ``prefix`` holds letters with subscripts side by side (``c_i c_o k_h``: a
    formula) that no negation after them takes back (``$c_o c_i …$ 不对，应该是``)."""
    if "_" not in prefix:
        return False
    runs = list(_LETTERS_SIDE_BY_SIDE().finditer(prefix))
    return bool(runs) and not _NEGATION().search(prefix, runs[-1].end())


def _lead_text(prefix: str) -> bool:
    """Whether ``prefix`` is words only (bracketed words allowed), with a word in it and
    no formula of letters side by side kept (``乘法次数是 c_i c_o k_h k_w 乘以…``: a
    formula before the math, s8adv)."""
    return (
        bool(prefix.strip())
        and bool(_LEAD_CHARS().match(prefix))
        and _balanced(prefix)
        and bool(re.search(r"[^\W\d_]", prefix))
        and not _formula_kept(prefix)
    )


_LEAD_DENIES = lazy_pattern(
    r"(?<![^\W\d_])(?:"
    + _words(w for words in LEAD_NEGATIONS.values() for w in words if not attached(w))
    + r")(?![^\W\d_])|n['’]t\b",
    re.I,
)
_CJK_DENIES = lazy_pattern(
    r"(?:" + _words(LEAD_NEGATIONS["zh"]) + r")\s*(?:[为是等于约需要]*)\s*[:：]?\s*$"
)


# a lead-in that ends in a bound word (after a copula or a colon): what follows is a bound
_LEAD_BOUNDED = lazy_pattern(
    rf"(?:{words_pattern(*every_word(LEAD_BOUNDS), before=LETTER)})"
    r"\s*(?:[为是等于约]*)\s*[:：]?\s*$",
    re.I,
)


def bounded(lead: str) -> bool:
    """Whether a lead-in makes the formula after it a bound (:data:`.languages.LEAD_BOUNDS`:
    ``less than …``, ``the count is at least …``, ``小于 …``)."""
    return bool(_LEAD_BOUNDED().search(lead))


_TRAIL_BOUNDED = lazy_pattern(
    rf"^\s*[,，]?\s*(?:{words_pattern(*every_word(TRAIL_BOUNDS), after=LETTER)})", re.I
)


def bounded_after(trail: str) -> bool:
    """Whether the words after a formula make it a bound (:data:`.languages.TRAIL_BOUNDS`:
    ``… or more``, ``… at most``, ``… 以上``)."""
    return bool(_TRAIL_BOUNDED().search(trail))


def judge_label(label: str) -> None:
    """Refuse the words ``label`` a formula or a number is given under (the name before
    its ``=``: ``not = …``, ``at least = 1296``) as the same words before it are refused
    (``reading.lead_negates`` where they deny it, ``reading.lead_bounds`` where they make
    it a bound: :func:`_denied`, :func:`bounded`); nothing for any other label."""
    words = " ".join(label.split())
    if _denied(words):
        raise refuse("lead_negates", 0, text=words)
    if bounded(words):
        raise refuse("lead_bounds", 0, text=words)


def _denied(lead: str) -> bool:
    """Whether a lead-in denies the formula after it (:data:`.languages.LEAD_NEGATIONS`:
    ``乘法次数不是 …``, ``the count is never …``, ``cannot be computed as …``)."""
    if _PROPOSAL().search(lead):
        return False  # shouldn't that be …: a question proposing the formula
    return bool(_LEAD_DENIES().search(lead) or _CJK_DENIES().search(lead))


_PROPOSAL = lazy_pattern(r"(?:^|\s)(?:" + _words(PROPOSALS) + r")(?:\s|$)", re.I)


# a lead-in ending in a condition on one name (``doubles when c_i =``, ``2 times, if
# k =``, ``当 c =``): what follows is the condition's value, not the answer
_CONDITION_END = lazy_pattern(
    r"(?:(?<![^\W\d_])(?:when|whenever|if|assuming|wenn|falls|quand|lorsque"
    r"|si|cuando|quando|se)\s+|(?:当|如果|若|假设)\s*)[^\s=]+\s*[=＝]?\s*$",
    re.I,
)


def _drop_lead(text: Normalized, end: int, notes: list, key: str) -> Normalized:
    """``text`` without ``[0, end)``, the lead-in ``text[:end]`` noted (with the
    counting a MACs or FLOPs word in it states); refused when the lead-in denies the
    formula (:func:`_denied`)."""
    if _denied(text.text[:end]):
        raise refuse("lead_negates", text.column(0), text=text.text[:end].strip())
    if bounded(text.text[:end]):
        raise refuse("lead_bounds", text.column(0), text=text.text[:end].strip())
    if _CONDITION_END().search(text.text[:end]):
        return text  # doubles when c_i = 4: a condition's value, not the formula (s8adv)
    lead = text.text[:end].strip().rstrip(":").strip()
    said = {"label": lead} if key == "label" else {"text": lead}
    notes.append(_note(key, **said, counting=stated_counting(lead) or ""))
    if _PROPOSAL().search(lead):  # shouldn't that be …?: the question mark closing it
        stripped = text.text.rstrip()
        if stripped.endswith(("?", "？")):
            text = edit(text, len(stripped) - 1, len(text.text))
    return edit(text, 0, end)


def _lead_in(text: Normalized, notes: list) -> Normalized:
    """The text without a lead-in before the formula (see the module's docstring)."""
    body = text.text
    if ":" in body:
        colon = body.index(":")
        prefix = body[:colon]
        if (
            _lead_text(prefix)
            and not ratio_colon(prefix, body[colon + 1 :])  # 2:1: no label before it
            and not keyword.iskeyword(prefix.strip())
            and not LOOP_HEAD().match(prefix)  # for i in range(3): a loop (s8adv)
            and body[colon + 1 :].strip()
        ):
            return _about_opening(_drop_lead(text, colon + 1, notes, "label"), notes)
    # only the first copula can end a lead-in
    match = _CJK_COPULA().search(body) if not body.isascii() else None
    if match:
        prefix, rest = body[: match.start()], body[match.end() :]
        if (
            _CJK().search(prefix)
            and _lead_text(prefix)
            and _FORMULA_START().match(rest)
            and not states_factor(rest)  # 变为4倍, 是原来的4倍: a factor sentence
        ):
            return _drop_lead(text, match.end(), notes, "lead_in")
    match = _CJK_LABEL().match(body) if not body.isascii() else None
    if match and not states_factor(body[match.end() :]) and not increase_before(match.group()):
        return _drop_lead(text, match.end(), notes, "lead_in")
    match = _KANA_HANGUL_COPULA().search(body) if not body.isascii() else None
    if match:
        prefix, rest = body[: match.start()], body[match.end() :]
        if _lead_text(prefix) and not states_factor(rest):
            return _drop_lead(text, match.end(), notes, "lead_in")
    match = _EN_COPULA().search(body)
    if match:
        prefix, rest = body[: match.start()], body[match.end() :]
        equals = match.group("verb") == "="
        words = re.findall(r"[^\W\d_]{2,}", prefix)
        if (
            # a copula of a language with spaces; "=" after words of any script
            (equals or not re.search(f"[{LEAD_SCRIPTS}]", prefix))
            and _lead_text(prefix)
            # two words, or one no spelling reads (It is …, Answer is …)
            and (len(words) >= 2 or (len(words) == 1 and not equals and not _reads(prefix)))
            # "name = …" (FLOPs_fwd = …) is parse's: a lead-in before = is words
            and (not equals or " " in prefix.strip())
            and _FORMULA_START().match(rest)
            and not states_factor(rest)
        ):
            return _drop_lead(text, match.end(), notes, "lead_in")
    match = _COUNT_NAME().match(body)
    if match and not re.match(r"\s*[=≈]", body[match.end() :]):
        return _drop_lead(text, match.end(), notes, "lead_in")
    return text


_DOLLARS = lazy_pattern(r"\$\$?(?P<math>[^$]+)\$\$?")
_NAME_ONLY = lazy_pattern(r"^\s*[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?\s*$")


def _without_dollars(text: Normalized) -> Normalized:
    return text.sub(re.compile(r"\$"), " ")


def _dollars(text: Normalized, notes: list) -> Normalized:
    """The math of ``$…$`` inside text (see the module's docstring)."""
    spans = list(_DOLLARS().finditer(text.text))
    outside = _DOLLARS().sub("", text.text)
    if not spans or not outside.strip() or "$" in outside:
        return _without_dollars(text)  # the whole answer is math, or unbalanced
    if len(spans) == 1:
        span = spans[0]
        prefix = text.text[: span.start()]
        text = edit(text, span.end("math"), span.end(), " ")
        text = edit(text, span.start(), span.start("math"))
        if prefix.strip():
            if not _lead_text(prefix.replace(":", " ")):
                return _without_dollars(text)
            return _drop_lead(text, len(prefix), notes, "lead_in")
        return text
    if all(_NAME_ONLY().match(span.group("math")) for span in spans):
        # names inside a sentence: the factor it states, the names as words
        words = text.sub(_DOLLARS(), lambda m: " " + m.group("math").replace("_", "") + " ")
        factor = sentence_factor(words, notes)
        if factor is not None:
            notes.insert(
                -1,
                _note("names_in_sentence", names=", ".join(s.group("math").strip() for s in spans)),
            )
            return factor
    return _without_dollars(text)


# the forward pass named in an answer to a backward question (a count relative to it)
_FORWARD = lazy_pattern(
    r"(?:(?:flops?|macs?)_?\{?)?(?:forward|fwd)\}?"
    r"(?:\s+(?:pass(?:'s)?|propagation|flops?|macs?|cost|count|operations))*"
    r"|(?:前向|正向)(?:传播|计算|过程)?(?:的)?(?:计算量|运算量|计算|运算|代价|开销|FLOPs?)?"
    r"|vorwärts\w*|(?:propagation|passe)\s+avant|(?:propagación|pasada|paso)\s+hacia\s+a?delante"
    r"|прям\w*\s+проход\w*|прям\w*\s+распростран\w*",
    re.I,
)
# what may name the forward pass, in the languages of :data:`_FORWARD` (substring tests)
_FORWARD_FIRST = ("forward", "fwd", "前向", "正向", "vorwärts", " avant", "delante", "прям")
_SAME = lazy_pattern(r"相当|相同|一样|差不多|same|equal|as\s+much|comparable", re.I)
_TIMES_SIGN = lazy_pattern(r"\\times|\\cdot|(?<![A-Za-z])[xX](?![A-Za-z])|[*×]")
_ASCII_NUMBER = lazy_pattern(
    r"(?<![\w.])(?P<n>\d+(?:\.\d+)?|"
    + "|".join(w for w in NUMBER_WORDS if w.isascii())
    + r")(?![\w.])",
    re.I,
)
_CJK_NUMBER = lazy_pattern("(?P<n>[" + "".join(w for w in NUMBER_WORDS if not w.isascii()) + "])倍")
RELATIVE_NOTE = "reading.note.relative"


def _numbers(rest: str) -> list:
    """The numbers a text says (2, 两倍, twice, double), each once."""
    found = [m.group("n") for m in _ASCII_NUMBER().finditer(rest)]
    found += [m.group("n") for m in _CJK_NUMBER().finditer(rest)]
    if "翻倍" in rest or "加倍" in rest:
        found.append("2")
    return [NUMBER_WORDS.get(n.lower(), NUMBER_WORDS.get(n, n)) for n in found]


_RATIO = lazy_pattern(
    r"(?<![\w.])(?P<a>\d{1,4}(?:\.\d{1,3})?)\s*[:：∶]\s*(?P<b>\d{1,4}(?:\.\d{1,3})?)(?!\w|\.\d)"
)
_BACKWARD = lazy_pattern(
    r"backward|back-?prop|bwd|反向|后向|後向|逆向|rückwärts|rétropropagation|arrière"
    r"|hacia\s+atrás|retropropagación|обратн",
    re.I,
)
_HYPHENS = lazy_pattern(r"(?<=[A-Za-z])-|-(?=[A-Za-z])")


def _ratio(rest: str, forward_at: int) -> str | None:
    """``rest`` (the text around the forward pass's name, which stood at ``forward_at``)
    with a ratio (``backward-forward FLOP ratios close to 2:1``, ``反向与前向之比为 2:1``)
    as the factor it states, the words' hyphens as spaces: the backward pass named before
    the forward one, A:B is A/B; after it (``forward:backward = 1:2``), B/A.  None when a
    ratio names no backward pass, or there are several; ``rest`` as it is without one."""
    found = list(_RATIO().finditer(rest))
    if not found:
        return rest
    backward = _BACKWARD().search(rest)
    if len(found) > 1 or backward is None:
        return None
    ratio = found[0]
    a, b = Fraction(ratio.group("a")), Fraction(ratio.group("b"))
    if a == 0 or b == 0:
        return None
    factor = a / b if backward.start() < forward_at else b / a
    said = str(factor.numerator) if factor.denominator == 1 else f"{float(factor):g}"
    rest = rest[: ratio.start()] + f" {said} " + rest[ratio.end() :]
    return _HYPHENS().sub(" ", rest)


# a letter with a subscript (``c_o``, ``k_{h}``): a symbol of the layer, no word of a sentence
_SUBSCRIPTED = lazy_pattern(r"(?<![\w\\])[A-Za-z]{1,2}_\{?[A-Za-z0-9]{1,3}\}?(?![\w{])")


def holds_symbol(rest: str) -> bool:
    """Whether ``rest`` writes a symbol of the layer with its subscript (``… = 2 c_o c_i
    k_h k_w m_h m_w``: a formula, never a factor of the forward pass's count)."""
    from derivations.registry.spellings import Symbol, spellings

    table = spellings()
    return any(
        isinstance(table.get(re.sub(r"[{}]", "", m.group()).lower()), Symbol)
        for m in _SUBSCRIPTED().finditer(rest)
    )


def _relative(text: Normalized, notes: list) -> Normalized | None:
    """A count given relative to the forward pass (``2 × FLOPs_forward``, ``twice the
    forward pass``, ``前向传播的两倍``, ``与前向传播相当``: once; a ratio, :func:`_ratio`):
    the factor, with a note
    the checker reads against the question's forward counterpart; None when the text is
    no such answer (anything else in it than words, one number, a times sign, a name
    before ``=``; a symbol of the layer, :func:`holds_symbol`)."""
    found = list(_FORWARD().finditer(text.text))
    if len(found) != 1:
        return None
    named = found[0]
    rest = text.text[: named.start()] + " " + text.text[named.end() :]
    if ":" in rest or "：" in rest or "∶" in rest:
        ratio = _ratio(rest, named.start())
        if ratio is None:
            return None
        rest = ratio
    if holds_symbol(rest):  # FLOPs_forward = 2 c_o c_i …: the forward's own count
        return None
    rest = _TIMES_SIGN().sub(" ", rest)
    values = _numbers(rest)
    bare = _ASCII_NUMBER().sub(" ", rest)
    bare = re.sub(r"[_{}=≈:]", " ", bare)  # a name before "=": FLOPs_{backward} =
    if not words_only(bare) or len(values) > 1:
        return None
    if not values and not _SAME().search(rest):
        return None
    if _hedged(rest):  # 不是前向的两倍, less than twice the forward pass: no factor stated
        return None
    value = values[0] if values else 1
    written = named.group().strip()
    notes.append(  # the sentence kept: its words say what the count is of
        _note(
            "relative",
            text=written,
            factor=value,
            counting=stated_counting(written) or "",
            sentence=text.text,
        )
    )
    return edit(text, 0, len(text.text), str(value))


_ENDING = lazy_pattern(
    r"(?:(?<=[\w)\]}'’′])\s*(?P<ending>"
    + "|".join(
        sorted(
            (e for k, words in ENDINGS.items() if k != "en" for e in words), key=len, reverse=True
        )
    )
    + r")|(?<=[\w)\]}'’′])\s+(?P<word>"
    + "|".join(w.replace(" ", r"\s+") for w in ENDINGS["en"])
    + r"))\s*[.。!！]?\s*$",
    re.I,
)
_ENDING_WORDS = tuple(ENDINGS["en"])
# the last characters of the endings of the languages written without spaces
_ENDING_LAST = frozenset(e[-1] for k, words in ENDINGS.items() if k != "en" for e in words)


def _ending(text: Normalized, notes: list) -> Normalized:
    """The text without the words closing its sentence after the formula (``… です。``,
    ``… 입니다.``: :data:`.languages.ENDINGS`), noted."""
    match = _ENDING().search(text.text)
    if not match or not text.text[: match.start()].strip():
        return text
    notes.append(_note("ending", text=match.group("ending") or match.group("word")))
    return edit(text, match.start(), len(text.text))


def _comment(text: Normalized, notes: list) -> Normalized:
    """The text without a code comment after the formula (``… + 1  # 出力高さ``: a ``#``
    after a space, outside brackets, the formula before it, a word after it), noted."""
    depth = 0
    for index, char in enumerate(text.text):
        depth += (char in "([{") - (char in ")]}")
        if (
            char == "#"
            and depth == 0
            and index > 0
            and text.text[index - 1] in " \t"
            and text.text[:index].strip()
            and "=" not in text.text[index:]
            # words (h # w is no comment: a letter after #)
            and re.search(r"[^\W\d_]{2,}", text.text[index:])
            and not denies(text.text[index + 1 :])  # "# wrong": the formula denied
            and not amends(text.text[index + 1 :])  # "# TODO: off by one": amended
        ):
            notes.append(_note("comment", text=text.text[index + 1 :].strip()))
            return edit(text, index, len(text.text))
    return text


_ROUNDING_ENDS = tuple(w for words in ROUNDING_WORDS.values() for w in words)
# a rounding said in words right after the formula (its last character a letter, digit
# or closing bracket: ``… / s 向下取整``, ``…)/s, rounded down``; ``不向下取整`` is no such)
_ROUNDING = lazy_pattern(
    r"(?<=[A-Za-z0-9)\]}'])\s*[,，]?\s*(?:(?:结果|再|then|and)\s*)?(?P<word>"
    + _words(_ROUNDING_ENDS)
    + r")\s*[.。!！]?\s*$",
    re.I,
)


def _rounding_words(text: Normalized, notes: list) -> Normalized:
    """The text without a rounding said in words after the formula
    (:data:`.languages.ROUNDING_WORDS`), noted as the rounding the reader applies to
    the whole formula (:data:`.informal.ROUNDING_NOTE`)."""
    match = _ROUNDING().search(text.text)
    if not match or not text.text[: match.start()].strip():
        return text
    word = match.group("word").lower()
    how = next(h for h, words in ROUNDING_WORDS.items() if word in (w.lower() for w in words))
    notes.append(Note(ROUNDING_NOTE, (("rounding", how),)))
    return edit(text, match.start(), len(text.text))


_MARKDOWN_LABEL = lazy_pattern(
    r"^\s*(?P<mark>\*\*|__)(?P<label>[^*_]*[^\W\d_][^*_]*?)(?P=mark)\s*[:：]?"
)


def _markdown(text: Normalized, notes: list) -> Normalized:
    """The text without Markdown's code marks (`` `…` ``) and a bold label first
    (``**Answer:**``, said as a label); "about" opening what is left (`` `~ …` ``)
    read as it opens an answer (:func:`_about_opening`)."""
    if "`" in text.text:
        text = text.sub(re.compile("`+"), " ")
    match = _MARKDOWN_LABEL().match(text.text)
    if match and (match.group("label").rstrip().endswith((":", "：")) or ":" in match.group()):
        label = match.group("label").strip().rstrip(":：").strip()
        notes.append(_note("label", label=label, counting=stated_counting(label) or ""))
        text = edit(text, 0, match.end())
    return _about_opening(text, notes)


_ABOUT_FIRST = frozenset("~≈∼≃")


def _about_opening(text: Normalized, notes: list) -> Normalized:
    """``text`` without an "about" sign opening it (``~``, ``≈``) once a label or code
    marks before it are read away (``MACs: ~ …``, `` `~ …` ``): :func:`_opening`'s, as
    it opens an answer."""
    if text.text.lstrip()[:1] in _ABOUT_FIRST:
        return _opening(text, notes)
    return text


# a formula quoted inside a sentence (``when i use the equation " h_o = … " to calculate
# the output's side``, ``if we follow the formula **out_w = …,** then …``)
_QUOTED = lazy_pattern(
    r'"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|\*\*(?P<c>(?:[^*]|\*(?!\*))+)\*\*|`(?P<d>[^`]+)`'
    r"|\\{1,2}\((?P<e>.+?)\\{1,2}\)"
)
_QUOTED_MARKS = frozenset("=+-*/^()")


def _quoted_group(span: re.Match) -> str:
    return next(name for name in "abcde" if span.group(name) is not None)


def _quoted(text: Normalized, notes: list) -> Normalized:
    """The formula quoted inside a sentence: one quotation holding a formula, the words
    around it (two words at least) dropped and noted; a sentence around it that denies
    it is refused."""
    # the one quotation holding a formula (a quoted word beside it, "fit", is words)
    spans = [
        span
        for span in _QUOTED().finditer(text.text)
        if _QUOTED_MARKS.intersection(span.group(_quoted_group(span)))
    ]
    if len(spans) != 1:
        return text
    span = spans[0]
    group = _quoted_group(span)
    inner = span.group(group)
    outside = text.text[: span.start()] + " " + text.text[span.end() :]
    if not _QUOTED_MARKS.intersection(inner) or _QUOTED_MARKS.intersection(outside):
        return text
    if len(re.findall(r"[^\W\d_]{2,}", outside)) < 2:
        return text  # k**2 + c**2: a power, no quotation
    words = " ".join(outside.split())
    if denies(outside):
        raise refuse("lead_negates", text.column(0), text=words)
    notes.append(_note("quoted", text=words))
    start, end = span.start(group), span.end(group)
    while end > start and text.text[end - 1] in " ,;.":
        end -= 1
    return edit(edit(text, end, len(text.text)), 0, start)


# a condition before a formula (``With padding='SAME' and stride=2, …``, ``if s = 1,
# …``): dropped and noted (the formula is graded at every layer all the same)
_FORMULA_MARKS = frozenset("=+-*/^()_")
_CONDITION = lazy_pattern(
    r"^\s*(?P<words>(?:(?:"
    + _words(w for w in CONDITIONS if w.isascii())
    + r")\b|(?:"
    + _words(w for w in CONDITIONS if not w.isascii())
    + r"))[^,，;；]*?)\s*[,，]\s*(?=\S)",
    re.I,
)


# a clause ending in a condition (``입력 크기가 (H,W)이고 커널 크기가 (KH,KW)이라면 …``), the
# formula after it
_CONDITION_CLAUSE = lazy_pattern(
    r"^\s*(?P<words>[^=]*?(?:" + _words(CONDITIONS_AFTER) + r"))\s+(?=\S)"
)


def _condition_clause(text: Normalized, notes: list) -> Normalized:
    """``text`` without a clause closed by a condition's ending (:data:`.languages.
    CONDITIONS_AFTER`) before the formula, noted as a condition: the formula is graded at
    every layer all the same."""
    match = _CONDITION_CLAUSE().match(text.text)
    if not match or not _FORMULA_MARKS.intersection(text.text[match.end() :]):
        return text
    notes.append(_note("condition", text=match.group("words").strip()))
    return edit(text, 0, match.end())


# words of a script written without spaces before a pair of names set equal to a pair
# (``출력 크기 (OH,OW)=(…,…)``): a label
_PAIR_LABEL = lazy_pattern(
    rf"^\s*(?P<label>[{LEAD_SCRIPTS}][{LEAD_SCRIPTS}\s]*?)\s*(?=\(\s*\w+\s*,\s*\w+\s*\)\s*=\s*\()"
)


_PAIR_STOP = lazy_pattern(r"(?<=\))\s*[.。]\s*$")


def _pair_label(text: Normalized, notes: list) -> Normalized:
    """``text`` without the words labelling a pair of names set equal to a pair, and
    without the full stop closing the pair (``(OH, OW) = (…, …).``), each noted, so that
    the pair is split into its two statements."""
    stop = _PAIR_STOP().search(text.text)
    if stop:
        notes.append(_note("trailing_mark", mark=stop.group().strip()))
        text = edit(text, stop.start(), len(text.text))
    match = _PAIR_LABEL().match(text.text)
    if not match:
        return text
    notes.append(_note("lead_in", text=match.group("label").strip(), counting=""))
    return edit(text, 0, match.end())


def _condition(text: Normalized, notes: list) -> Normalized:
    match = _CONDITION().match(text.text)
    if not match or not _FORMULA_MARKS.intersection(text.text[match.end() :]):
        return text  # (if the channels double, the work quadruples: a factor's clause)
    notes.append(_note("condition", text=match.group("words").strip()))
    return edit(text, 0, match.end())


# a sentence closing the answer after the formula's full stop (``… + 1. This is right.``)
_CLOSING = lazy_pattern(
    r"(?<=[\w)\]}])\s*(?:\.\s+|。\s*)(?P<words>[^\W\d_][^.。!?=+*/^()\[\]{}\d]*[.。!]?)\s*$"
)


def _closing(text: Normalized, notes: list) -> Normalized:
    match = _CLOSING().search(text.text)
    if match is None:
        return text
    words = match.group("words")
    if len(re.findall(r"[^\W\d_]{2,}", words)) < 2 and not re.search(
        f"[{LEAD_SCRIPTS}]{{2}}", words
    ):
        return text  # (one word: a unit, a name)
    words = match.group("words").strip()
    if denies(words):
        raise refuse("remark_negates", text.column(match.start("words")), remark=words)
    notes.append(_note("closing", text=words))
    return edit(text, match.start(), len(text.text))


_APPROX = lazy_pattern(r"\\(?:approx|simeq|approxeq|doteq|thickapprox)(?![A-Za-z])|:=")
_OPENERS = {"\\lfloor": "\\rfloor", "⌊": "⌋", "\\lceil": "\\rceil", "⌈": "⌉"}
_AROUND_NAME = lazy_pattern(
    r"^\s*(?P<open>\\lfloor|⌊|\\lceil|⌈)\s*(?P<name>[^\W\d][\w']*)\s*=(?P<body>.*?)"
    r"(?P<close>\\rfloor|⌋|\\rceil|⌉)\s*$",
    re.S,
)


def _bracket_around_name(text: Normalized, notes: list) -> Normalized:
    match = _AROUND_NAME().match(text.text)
    if not match or _OPENERS[match.group("open")] != match.group("close"):
        return text
    body = match.group("body")
    if any(opener in body for opener in _OPENERS):
        return text  # ⌊N = ⌊a⌋ + b⌋: which bracket closes where is not clear
    notes.append(_note("bracket_around_name", name=match.group("name")))
    moved = edit(text, match.start("open"), match.end("open"))
    shift = match.end("open") - match.start("open")
    at = match.start("body") - shift
    return edit(moved, at, at, match.group("open") + " ")


# a size written as a function of the tensor it measures: ``N(input)``, ``N (input)``,
# ``size(kernel)``; a letter after a factor, then a space, is no call (``c_i h w
# (input)``: a gloss of the product, s14exam E27)
_SIZE_OF = lazy_pattern(
    r"(?<![\w.\\])(?:[A-Za-z]|size|len|length|dim|numel)(?P<space>\s*)\(\s*"
    r"(?P<tensor>inputs?|outputs?|in|out|image|img|kernel|filter)\s*\)",
    re.I,
)
_SIZE_OF_FIRST = ("(in", "(out", "(im", "(ker", "(fil", "( in", "( out", "( im", "( ker", "( fil")


def _size_of(text: Normalized, notes: list) -> Normalized:
    """``text`` with a size written as a function of the tensor it measures
    (``N(output) = ((N(input) + 2*(Padding) - K)/S) + 1``, ``size(kernel)``) as that
    tensor's name, which reads as its size (input: h); never a product (``N × input``)."""
    found = [m for m in _SIZE_OF().finditer(text.text) if not _after_factor(text.text, m)]
    for match in reversed(found):
        text = edit(text, match.start(), match.end(), match.group("tensor"))
    if found:
        notes.append(_note("size_of", written=", ".join(m.group() for m in found)))
    return text


def _after_factor(text: str, match: re.Match) -> bool:
    """Whether the one letter of ``match`` stands after a factor with a space before
    its bracket (``h w (input)``): a product glossed, not a call."""
    if not match.group("space") or not match.group()[1:2].isspace():
        return False  # N(input), size (input): a call
    last = text[: match.start()].rstrip()[-1:]
    return last != "" and (last.isalnum() or last in ")]}")


# C's size in bytes of what it is called on (``(N * H * W * C)*sizeof(input)``)
_BYTES_OF = lazy_pattern(r"(?<![\w.\\])sizeof\s*\(\s*(?P<what>[A-Za-z_]\w*)\s*\)")


def _bytes_of(text: Normalized, notes: list) -> Normalized:
    """``text`` with C's ``sizeof(…)`` as the bytes of one element: of the type named
    (:data:`.dtypes.C_TYPES`: ``sizeof(float)``, 4), else of a tensor's, the book's type
    (``sizeof(input)``: float32's 4), noted; the answer so counts bytes, which the
    checker holds to the question's unit (the float32 bytes convention where it counts
    elements).  A type of another size (``sizeof(double)``) is refused: the question
    counts elements, or float32's bytes."""
    from derivations.registry.dtypes import C_TYPES, DEFAULT_DTYPE, DTYPE_BYTES

    found = list(_BYTES_OF().finditer(text.text))
    for match in reversed(found):
        dtype = C_TYPES.get(match.group("what"), DEFAULT_DTYPE)
        size = DTYPE_BYTES[dtype]
        if size != DTYPE_BYTES[DEFAULT_DTYPE]:
            raise refuse(
                "sizeof_type", text.column(match.start()), written=match.group(), size=size
            )
        text = edit(text, match.start(), match.end(), str(size))
    if found:
        written = ", ".join(dict.fromkeys(m.group() for m in found))
        notes.append(_note("sizeof", written=written, bytes=DTYPE_BYTES[DEFAULT_DTYPE]))
    return text


_SEMICOLON = lazy_pattern(r"[;；]\s*(?=(?:\([^()]*\))?\s*$)")
# the bracket after such a semicolon holding a formula (an operator, or one name), not a
# remark (``;  (结果向下取整)``, ``; (1 stride)``)
_FORMULA_AFTER = lazy_pattern(r"\((?:[^()]*[*+\-/^=×·][^()]*|\s*[A-Za-z_]\w*\s*)\)\s*")
# an equation's number closing it: ``\tag{3}``, or a bracketed number set apart by a wide
# space (``\quad (2.1)``, two spaces or more), a comma or a semicolon (``…, (3)``)
_EQUATION_NUMBER = lazy_pattern(
    r"(?P<gap>\s{2,}|\s*[,;，；]\s*|\s)\(\s*(?P<eq>eq\.?\s*|equation\s*|式\s*|公式\s*)?"
    r"\d{1,3}(?:\.\d{1,3})*[a-z]?\s*\)\s*[.。]?\s*$|\s*\\tag\*?\s*\{[^{}]{1,12}\}\s*[.。]?\s*$",
    re.I,
)
# … and before it, opening an equation (``(1) m_h = …``, ``(2.3) H_out = …``)
_NUMBER_BEFORE = lazy_pattern(
    r"^\s*\(\s*\d{1,3}(?:\.\d{1,3})*[a-z]?\s*\)\s+(?=[A-Za-z\\][\w{}\\']*\s*(?:=|≈)(?!=))"
)
# an assignment's arrow after a name (pseudocode's ``m_h ← …``, ``\\leftarrow``, ``\\gets``)
_ARROW = lazy_pattern(r"^(?P<name>\s*[A-Za-z][\w{}]*\s*)(?:\\leftarrow|\\gets|←|⟵)(?![A-Za-z])")


def _may_number(body: str, raw: str | None) -> bool:
    """Whether an equation's number in brackets may close ``body`` (substring tests)."""
    return any(mark in body for mark in ("  (", ",", ";", "，", "；", "式")) or (
        "eq" in body.lower() or "\t" in (raw or "")
    )


def _number_before(text: Normalized, notes: list) -> Normalized:
    """``text`` without an equation's number opening it (``(1) m_h = …``): a label."""
    match = _NUMBER_BEFORE().match(text.text)
    if match is None:
        return text
    notes.append(_note("equation_number", number=match.group().strip()))
    return edit(text, 0, match.end())


def _equation_number(text: Normalized, notes: list, raw: str | None = None) -> Normalized:
    """``text`` without an equation's number closing it (``W2 = … + 1    (3)``, ``… \\quad
    (2.1)``, ``… \\tag{3}``): a label of the equation, no factor of it.  A bracketed
    number counts as one only after an equation (an ``=`` before it) and set apart by a
    wide space (a tab), a comma or a semicolon, or said as one (``(eq. 3)``, ``(式3)``);
    ``c_o (3)`` is a product."""
    match = _EQUATION_NUMBER().search(text.text)
    if match is None or not text.text[: match.start()].strip():
        return text
    gap = match.group("gap")
    if gap is not None and gap.isspace() and len(gap) == 1 and not match.group("eq"):
        # one space: a tab pasted (``…\t(3)``), else a product (``c_o (3)``)
        at = text.columns[match.start("gap")] if match.start("gap") < len(text.columns) else -1
        if raw is None or not 0 <= at < len(raw) or raw[at] != "\t":
            return text
    if "\\tag" not in match.group() and "=" not in text.text[: match.start()]:
        return text
    notes.append(_note("equation_number", number=match.group().strip(" ,;，；.。")))
    return edit(text, match.start(), match.end())


def _semicolon(text: Normalized, notes: list) -> Normalized:
    match = _SEMICOLON().search(text.text)
    if not match or not text.text[: match.start()].strip():
        return text
    if _FORMULA_AFTER().fullmatch(text.text[match.end() :]):
        return text  # ``(a); (b)``: two statements, never the product of a and b
    notes.append(_note("semicolon"))
    return edit(text, match.start(), match.end(), " ")


# (x2 is "times 2", never a power)
_FLAT = lazy_pattern(r"(?<![0-9_'\\])(?P<base>[A-WYZa-wyz])2(?![0-9_'])")


def _a_symbol(word: str, symbols: frozenset | None) -> bool:
    """Whether ``word`` spells a symbol of the question (``symbols``; None: of any
    question) or a notation's name (CS231n's ``W2``)."""
    from derivations.registry.notations import notation_spellings
    from derivations.registry.spellings import Symbol, spellings

    if word.lower() in notation_spellings():
        return True
    found = spellings().get(word.lower())
    return isinstance(found, Symbol) and (symbols is None or found.name in symbols)


def _math_letter(raw: str | None, text: Normalized, index: int) -> bool:
    """Whether the letter at ``index`` was written as a mathematical letter (𝐾: each one
    a symbol of its own, so a digit after it in a run, 𝐾2𝐶, is no part of a name)."""
    if raw is None:
        return False
    import unicodedata

    column = text.columns[index]
    return column < len(raw) and unicodedata.name(raw[column], "").startswith("MATHEMATICAL")


def _flat_powers(
    text: Normalized, notes: list, symbols: frozenset | None, raw: str | None
) -> Normalized:
    """``K2`` as ``K^2`` when unambiguous (see the module's docstring)."""
    for match in reversed(list(_FLAT().finditer(text.text))):
        base = match.group("base")
        before = text.text[match.start() - 1 : match.start()] if match.start() else ""
        after = text.text[match.end() : match.end() + 1]
        if (before.isalpha() or after.isalpha()) and not _math_letter(
            raw, text, match.start("base")
        ):
            continue  # MACC2, K2C: a name of letters and a digit
        # K2 beside K1, P2 or S_2: an index of a name (the width's), not a power
        indexed = re.findall(r"[A-Za-z]_?\{?[0-9]", text.text)
        if len(indexed) != 1 or _a_symbol(base + "2", symbols):
            continue
        notes.append(_note("flat_power", written=base + "2", read=base + "^2"))
        text = edit(text, match.end("base"), match.end("base"), "^")
    return text


_LABELLED = lazy_pattern(
    r"^\s*(?P<label>[A-Za-z]{3,}|[\u4e00-\u9fff]{2,})\s*\((?P<body>[^()]+)\)\s*$"
)
# words that operate on the bracket (twice(c_o) is 2 c_o) or build an array of it: never
# a label
_OPERATOR_WORDS = frozenset(
    {
        *("floor", "ceil", "int", "min", "max", "sqrt", "log", "ln", "exp", "round", "abs"),
        *("sum", "prod", "mean", "avg", "len", "half", "square", "squared", "cube", "times"),
        # array constructors: rand(n) is MATLAB's n × n array, NumPy's n values
        *("rand", "randn", "zeros", "ones", "empty", "full", "eye", "array", "tensor"),
        *("arange", "range", "linspace", "repeat", "tile", "reshape"),
    }
)
_OPERATOR_CJK = lazy_pattern("倍|平方|立方|半|根|开方|取整|乘|加|减|除|和|积|商|差")


def _reads(text: str) -> bool:
    """Whether the lexer reads ``text`` as tokens of a formula."""
    from derivations.checking.reading.lexer import tokenize

    try:
        tokenize(Normalized(text, list(range(len(text)))))
    except InvalidAnswer:
        return False
    return True


def _label_before_bracket(text: Normalized, notes: list) -> Normalized:
    """``bias(输出通道数)``: a word no spelling reads before a bracketed formula."""
    match = _LABELLED().match(text.text)
    if not match:
        return text
    label = match.group("label").lower()
    if label in _OPERATOR_WORDS or label in NUMBER_WORDS or _OPERATOR_CJK().search(label):
        return text
    if _reads(match.group("label")) or not _reads(match.group("body")):
        return text  # k_h(…), ck(…): a product of symbols; (a remark): informal's
    notes.append(_note("lead_in", text=match.group("label"), counting=""))
    text = edit(text, match.end("body"), len(text.text))
    return edit(text, 0, match.start("body"))


def around(
    text: Normalized, symbols: frozenset | None = None, raw: str | None = None
) -> tuple[Normalized, list]:
    """``text`` with the text around its formula removed; the notes saying what was
    removed and how the rest was read.  ``symbols``: the question's symbol names, when
    the question is known (``K2`` is a flattened power only where no symbol of the
    question is spelled so; None: of any question); ``raw``: the answer as given (a
    letter written as a mathematical letter, 𝐾2𝐶, is one symbol)."""
    if text.text.isascii() and not _may_need(text.text):
        return text, []  # a plain formula: nothing around it
    return every_rule(text, symbols, raw)


# what opens a whole answer and is no part of its formula: a list's bullet or number
# (``- ``, ``* ``, ``• ``, ``1. ``, ``2) ``, ``a) ``), a code fence (````` ```python `````),
# "about" (``~``, ``≈``; Chinese ``约``, ``大约``, ``约为``, ``约等于``: ``约 4.04 倍`` is read
# as a factor, so ``约4.04`` is read as the number, s12exam E21; ``approx. 1296``,
# ``ca. 1296`` were graded as a constant formula at the checker's layers, s15exam E16),
# LaTeX's times sign before
# a factor (``\times 4``, ``\times \frac{…}{…}``: the sheets' boxes, as ``×4`` reads;
# s13exam E10); "about" in words before a number (``about 4``, ``roughly 4.04``), and
# "in all" (``共 1296 次乘法``, ``总共 …``: s14exam E13)
# (:data:`.languages.TOTAL_OPENINGS`, :data:`.languages.ABOUT_ATTACHED`,
# :data:`.languages.ABOUT_WORDS`, :data:`.languages.ABOUT_ABBREVIATIONS`; either case first)
_OPENING = lazy_pattern(
    r"^\s*(?:(?P<bullet>[-*•]\s+|[0-9]{1,2}[.)]\s+|[a-h][.)]\s+)"
    rf"|(?P<fence>```[A-Za-z0-9_+-]*\s*)|(?P<about>(?:[~≈∼≃]|{words_pattern(*ABOUT_ATTACHED)}"
    rf"|(?P<total>{'|'.join(TOTAL_OPENINGS)}))\s*"
    rf"|(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in ABOUT_WORDS)})\s+(?=[0-9])"
    rf"|(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in ABOUT_ABBREVIATIONS)})\.\s*(?=[0-9]))"
    r"|(?P<times>\\times\s*))(?=\S)"
)
_FENCE_END = lazy_pattern(r"\s*```\s*$")
# quotes around the whole answer ('…', "…", “…”, 「…」)
_ENCLOSING = {"'": "'", '"': '"', "“": "”", "「": "」", "‘": "’"}


def _opening(text: Normalized, notes: list) -> Normalized:
    match = _OPENING().match(text.text)
    if match is None:
        return text
    if match.group("fence"):
        end = _FENCE_END().search(text.text, match.end())
        if end is None:
            return text
        text = edit(text, end.start(), len(text.text))
    said = match.group().strip()
    if match.group("times"):
        notes.append(_note("times_opening", text=said))
    else:  # which kind of opening it is, said in the note (s15exam E10)
        kind = (
            "bullet"
            if match.group("bullet")
            else "fence"
            if match.group("fence")
            else "total"
            if match.group("total")
            else "about"
        )
        notes.append(_note("opening", text=said, opening=kind))
    return edit(text, 0, match.end())


def _enclosed(text: Normalized, notes: list) -> Normalized:
    stripped = text.text.strip()
    close = _ENCLOSING.get(stripped[:1])
    inner = stripped[1:-1]
    if not close or len(stripped) < 3 or stripped[-1] != close or stripped[0] in inner:
        return text
    start = text.text.index(stripped[0])
    notes.append(_note("opening", text=stripped[0] + close, opening="quotes"))
    return edit(edit(text, start + len(stripped) - 1, len(text.text)), 0, start + 1)


# a copula with no subject opening the answer (``equal to the number of output channels``)
_BARE = lazy_pattern(
    r"^\s*(?P<words>" + _words(BARE_COPULAS) + r")(?:\s+|(?<=[^\x00-\x7f]))(?=\S)", re.I
)


def _bare_copula(text: Normalized, notes: list) -> Normalized:
    match = _BARE().match(text.text)
    if match is None or not text.text[match.end() :].strip():
        return text
    following = text.text[match.end() :].split()[0].lower()
    if following in _LEAD_WORDS:
        return text  # it is calculated by …: the lead-in's own rule
    return _drop_lead(text, match.end(), notes, "lead_in")


# words, then a conclusion and the formula (``one bias per output channel, so c_o``)
_CONCLUSION = lazy_pattern(
    r"^(?P<words>[^=+*/^()\[\]{}_$\\]*?)[,，;；.。:：]\s*(?:and\s+)?(?P<so>"
    + _words(CONCLUSIONS)
    + r")(?:\s*[,，:：]\s*|\s+|(?<=[^\x00-\x7f]))(?=\S)",
    re.I,
)
# a rate closing the answer after a comma (``c_o, one for each filter``)
_RATE_AFTER = lazy_pattern(
    r"[,，]\s*(?P<words>(?:one|1|a|an)\s+(?:"
    + _words(w for w in RATE_WORDS if w.isascii())
    + r")\s+[A-Za-z][A-Za-z ]*)[.。]?\s*$",
    re.I,
)


def _conclusion(text: Normalized, notes: list) -> Normalized:
    match = _CONCLUSION().match(text.text)
    if match is None or not re.search(r"[^\W\d_]{2,}", match.group("words")):
        return text
    words = match.group("words").strip()
    rest = text.text[match.end() :]
    if denies(words) or not (_FORMULA_MARKS.intersection(rest) or _says_formula(rest)):
        return text  # …, so the cost becomes 4 times as large: a factor sentence's
    notes.append(_note("lead_in", text=text.text[: match.end()].strip(), counting=""))
    return edit(text, 0, match.end())


def _rate_after(text: Normalized, notes: list) -> Normalized:
    match = _RATE_AFTER().search(text.text)
    if match is None or not text.text[: match.start()].strip():
        return text
    # no brackets here: the note says where the remark is (s12exam E23)
    notes.append(_note("remark_after_comma", remark=match.group("words").strip()))
    return edit(text, match.start(), len(text.text))


_SAME_AS = lazy_pattern(
    r"^\s*(?P<before>(?:"
    + _words(SAME_AS[0])
    + r")\s*)(?=\S)(?P<x>.+?)(?P<after>\s*(?:"
    + _words(SAME_AS[1])
    + r")\s*[.。]?\s*)$"
)


_SAME_AFTER = lazy_pattern(
    r"^\s*(?P<x>\S.*?)(?P<after>\s*(?:" + _words(SAME_AS_AFTER) + r")\s*[.。]?\s*)$"
)


def _same_after(text: Normalized, notes: list) -> Normalized:
    """``出力チャンネル数と同じ`` (the same as the number of output channels): the quantity."""
    match = _SAME_AFTER().match(text.text)
    if match is None or not (_reads(match.group("x")) or _says_formula(match.group("x"))):
        return text
    notes.append(_note("lead_in", text="…" + match.group("after").strip(), counting=""))
    return edit(text, match.start("after"), len(text.text))


def _same_as(text: Normalized, notes: list) -> Normalized:
    """``和输出通道数相同`` (the same as the number of output channels): the quantity."""
    match = _SAME_AS().match(text.text)
    if match is None or not (_reads(match.group("x")) or _says_formula(match.group("x"))):
        return text  # 和前向传播一样: the forward pass, read by its own rule
    notes.append(
        _note(
            "lead_in", text=match.group("before") + "…" + match.group("after").strip(), counting=""
        )
    )
    return edit(edit(text, match.start("after"), len(text.text)), 0, match.start("x"))


def framed(text: Normalized) -> tuple[Normalized, list]:
    """``text`` without what frames the whole answer, before it is split into statements
    (their commas): a formula quoted inside a sentence (the words around it), a
    condition before it (``With padding='SAME' and stride=2, …``); C's ``sizeof(…)`` as
    its bytes (:func:`_bytes_of`); the notes saying what was removed.  A few substring
    tests when there is none."""
    notes: list = []
    body = text.text
    if body.lstrip()[:1] in _OPENING_FIRST:
        text = _opening(text, notes)
    if text.text.strip()[:1] in _ENCLOSING:
        text = _enclosed(text, notes)
    if '"' in body or "“" in body or "**" in body or "`" in body or "\\(" in body:
        text = _quoted(text, notes)
    if text.text.lstrip().lower().startswith(_CONDITION_FIRST):
        text = _condition(text, notes)
    if any(word in text.text for word in CONDITIONS_AFTER):
        text = _condition_clause(text, notes)
    lower = text.text.lower()
    if any(word in lower for word in _CONCLUSION_WORDS):
        text = _conclusion(text, notes)
    if "," in text.text or "，" in text.text:
        text = _rate_after(text, notes)
    if text.text.lstrip().lower().startswith(_BARE_FIRST):
        text = _bare_copula(text, notes)
    if text.text.lstrip()[:1] in _SAME_FIRST:
        text = _same_as(text, notes)
    if any(word in text.text for word in SAME_AS_AFTER):
        text = _same_after(text, notes)
    if "sizeof" in text.text:  # before code's casts read ``(float)`` away
        text = _bytes_of(text, notes)
    if not text.text.isascii() and text.text.rstrip(" .。!！")[-1:] in _ENDING_LAST:
        # a sentence's ending after a pair (``(OH,OW)=(…,…)이다.``): before the pair's split
        text = _ending(text, notes)
    if ")=(" in text.text.replace(" ", ""):  # a pair set equal to a pair
        text = _pair_label(text, notes)
    return text, notes


def every_rule(
    text: Normalized, symbols: frozenset | None = None, raw: str | None = None
) -> tuple[Normalized, list]:
    """:func:`around` without its fast path (each rule still looks for what it needs)."""
    body = text.text
    notes: list = []
    lower = body.lower()
    if any(word in lower for word in _FORWARD_FIRST):
        relative = _relative(text, notes)
        if relative is not None:
            return relative, notes
    if ". " in text.text or "。" in text.text:
        text = _closing(text, notes)
    if ("approx" in body or "eq" in body or ":=" in body) and _APPROX().search(body):
        text = text.sub(_APPROX(), "≈")
    if ("arrow" in body or "gets" in body or "←" in body or "⟵" in body) and _ARROW().match(
        text.text
    ):
        text = text.sub(_ARROW(), r"\g<name>≈")
    if any(first in lower for first in _SIZE_OF_FIRST):
        text = _size_of(text, notes)
    if "$" in body:
        text = _dollars(text, notes)
    if "\\tag" in body or ("(" in body and _may_number(body, raw)):
        text = _equation_number(text, notes, raw)
    if body.lstrip().startswith("(") and "=" in body:
        text = _number_before(text, notes)
    if ";" in body or "；" in body:
        text = _semicolon(text, notes)
    if text.text.lstrip().startswith(("⌊", "⌈", "\\lfloor", "\\lceil")) and "=" in text.text:
        text = _bracket_around_name(text, notes)
    if "#" in body:
        text = _comment(text, notes)
    if "`" in body or body.lstrip().startswith(("**", "__")):
        text = _markdown(text, notes)
    if not body.isascii() or body.rstrip(" .!").lower().endswith(_ENDING_WORDS):
        text = _ending(text, notes)
    if not body.isascii() or body.rstrip(" .!").lower().endswith(_ROUNDING_ENDS):
        text = _rounding_words(text, notes)
    if not body.isascii() or ":" in body or _english_lead(body):
        text = _lead_in(text, notes)
    if text.text.rstrip().endswith(")") and "(" in text.text:
        text = _label_before_bracket(text, notes)
    if "2" in text.text:
        text = _flat_powers(text, notes, symbols, raw)
    return text, notes


# the first word of each copula written in ASCII (``is``, ``es``, ``ist``, ``est``, ``equal``)
_ASCII_LEADS = sorted(
    {w.split()[0] for w in _WORD_COPULAS if w.isascii()}
    | {w.split()[0] for w in (*LEAD_AUXILIARIES, *LEAD_VERBS, *LEAD_USES)},
    key=len,
    reverse=True,
)
_EN_LEAD = lazy_pattern(r"\s(?:" + "|".join(_ASCII_LEADS) + r"|equals?|=)\s|^\s*(?:flop|mac)", re.I)


def _english_lead(body: str) -> bool:
    """Whether an English lead-in may be in ``body`` (a copula, or a count name first)."""
    return bool(_EN_LEAD().search(body))


_NEEDS = frozenset("$;:\\#")  # dollars, a semicolon, a colon label, LaTeX (\\approx, \\lfloor)


_CONDITION_FIRST = tuple(word.split()[0] for word in CONDITIONS)
_BARE_FIRST = tuple(word.split()[0] for word in BARE_COPULAS)
_SAME_FIRST = frozenset(word[0] for word in SAME_AS[0])
_LEAD_WORDS = frozenset(w.split()[0] for w in (*LEAD_VERBS, *LEAD_USES, *LEAD_AUXILIARIES))


def _says_formula(text: str) -> bool:
    from derivations.checking.reading.spoken import says_formula

    return says_formula(text)


_CONCLUSION_WORDS = tuple(word.lower() for word in CONCLUSIONS)
# the first characters :data:`_OPENING` can match (its words' from :mod:`.languages`)
_OPENING_FIRST = frozenset("-*•`~≈∼≃0123456789abcdefgh\\") | {
    c
    for w in (*TOTAL_OPENINGS, *ABOUT_ATTACHED, *ABOUT_WORDS, *ABOUT_ABBREVIATIONS)
    for c in (w[0], w[0].upper())
}


def _may_need(body: str) -> bool:
    """False only when no rule of :func:`around` can apply to the ASCII ``body``: each
    needs one of :data:`_NEEDS`, an English copula (`` is ``, `` = `` ...), a count name
    first, a letter then 2, or a word before a bracket (tested never to skip one)."""
    if not _NEEDS.isdisjoint(body):
        return True
    if " " in body and _EN_LEAD().search(body):  # a copula of a lead-in, a count name
        return True
    lower = body.lower()
    if " equal" in lower or lower.lstrip()[:3] in ("flo", "mac"):
        return True
    if "forward" in lower or "fwd" in lower:  # (the other languages' are not ASCII)
        return True
    if "  (" in body or ", (" in body:  # an equation's number (``…    (3)``)
        return True
    if any(first in lower for first in _SIZE_OF_FIRST):  # N(input)
        return True
    if '"' in body or "**" in body or ". " in body or lower.lstrip().startswith(_CONDITION_FIRST):
        return True
    if "`" in body or lower.rstrip(" .!").endswith((*_ENDING_WORDS, *_ROUNDING_ENDS)):
        return True
    if "2" in body and _FLAT().search(body):
        return True
    return body.rstrip().endswith(")") and bool(_LABELLED().match(body))


_LEAD_END = lazy_pattern(r"[\s:：=,，]+$")
# a verb of making ending a lead-in: what comes before it is what made the formula
_GIVES = lazy_pattern(
    r"(?:^|\s)(?:gives?|gave|yields?|produces?|results?\s+in|leads?\s+to)(?:\s+(?:us|you))?$",
    re.I,
)
_LEAD_SCRIPT_RUN = lazy_pattern(f"[{LEAD_SCRIPTS}]+$")
_LEAD_CLAUSE = lazy_pattern(r"[.;!?,，。；！？、\n]")


@cache
def copulas() -> tuple[str, ...]:
    """Every copula a lead-in may end in (:data:`.languages.WORD_COPULAS`,
    :data:`.languages.ATTACHED_COPULAS`), longest first."""
    words = {w for group in (WORD_COPULAS, ATTACHED_COPULAS) for ws in group.values() for w in ws}
    return tuple(sorted(words, key=len, reverse=True))


def lead_names(lead: str) -> list[str]:
    """The names the prose before an island may give it (``the resulting output height
    is`` → ``height``, ``output height``, ``resulting output height``; ``则输出大小为：`` →
    ``小``, ``大小``, ``输出大小``, …): its last words, a closing colon, ``=`` or copula
    (:data:`.languages.WORD_COPULAS`, :data:`.languages.ATTACHED_COPULAS`) away; the
    last one to three words of a script with spaces, the last two to eight characters
    of one without (and its last two or three words, where it writes spaces between
    them: ``곱셈 횟수``); none after a verb of making (``… with a fxf filter gives us``:
    the words before it name what made the formula, not the formula)."""
    text = _LEAD_END().sub("", lead)
    text = _LEAD_CLAUSE().split(text)[-1]  # the last clause names it (We pad first. Then …)
    if _GIVES().search(text):
        return []  # … with a fxf filter gives us: its subject made it, the words name no result
    lower = text.lower()
    for copula in copulas():
        if lower.endswith(copula) and (
            not copula.isascii()
            or len(lower) == len(copula)
            or not lower[-len(copula) - 1].isalnum()
        ):
            text = _LEAD_END().sub("", text[: len(text) - len(copula)])
            break
    run = _LEAD_SCRIPT_RUN().search(text)
    words = text.split()
    if run:
        chars = run.group()
        # and its last words of that script where it writes spaces between them (곱셈 횟수)
        script = list(itertools.takewhile(_LEAD_SCRIPT_RUN().fullmatch, reversed(words)))[::-1]
        spaced = [" ".join(script[-n:]) for n in range(2, min(len(script), 3) + 1)]
        return [chars[-n:] for n in range(2, min(len(chars), 8) + 1)] + spaced
    return [" ".join(words[-n:]) for n in range(1, min(len(words), 3) + 1)]
