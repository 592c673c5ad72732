"""A formula said in words (issue 21): ``(h minus k plus 1) over s``, ``h plus 2p minus k,
divided by s, plus one``, ``the product of the output height, the output width, the
kernel's height and width and the input and output channels``, ``twice the MACs``,
``输入通道数乘以输出通道数乘以卷积核大小的平方``: read into the tokens of the formula it
says, which the grammar (:mod:`.grammar`) reads into the same expression tree as the
formula written with symbols.  Each quantity said in words (``the output height``,
``卷积核大小``) is read by the lexer (:mod:`.lexer`: the book's spellings, the notation
records, the names layer), never guessed here.

A small grammar over word tokens, its words data per language
(:data:`.languages.SPOKEN`):

* a sentence is clauses separated by commas; a clause after a comma that starts with an
  operation applies it to all said before it (``h plus 2p minus k, divided by s, plus
  one`` is ((h + 2p − k)/s) + 1); ``all``/``then`` may open it;
* in a clause: ``plus``/``minus``, ``times``/``over`` (``divided by``); a clause that
  joins terms by ``plus`` or ``minus`` and also multiplies or divides (``h minus k plus
  1 over s``) is ambiguous and refused, except a number times a quantity (``two times
  the padding``) and a quantity over a number (``the padding over two``), which bind
  tight;
* after a quantity: ``squared``, ``cubed`` (的平方, 的两倍, 向下取整: Chinese says them
  after); before one: ``twice``, ``half``, ``the square of`` (refused as ambiguous when
  the clause goes on after its quantity: ``the square of k times c_i``), ``the floor
  of`` (to the end of its clause, and the clauses after it that say ``all``);
* a list: ``the product of A, B and C``, ``the sum of A and B``, ``A、B和C的乘积``; in a
  list, ``the kernel's height and width`` are the kernel's height and the kernel's
  width, ``the input and output channels`` the input's and the output's channels, ``the
  output height and width`` the output's height and width (where that reads);
* ``the`` (a, an) before a quantity is dropped; a quantity ``X of the Y`` no spelling
  reads is read as ``Y X`` (``the height of the output``);
* brackets group.

Only tried where the lexer could not read the text (:func:`.parse._formula`'s failure
path) and the text holds a word of the grammar (:func:`may_be_spoken`): a formula
written with symbols never pays for it.  A sentence that does not parse as a formula
keeps the refusal it had; a sentence that denies (:func:`.code.denies`) is not read.
Nothing evaluates text.
"""

from __future__ import annotations

import re
from functools import cache

from derivations.checking.reading.errors import InvalidAnswer, refuse
from derivations.checking.reading.informal import NUMBER_WORDS, Note
from derivations.checking.reading.lalr import Token
from derivations.checking.reading.languages import ROUNDING_WORDS, SPOKEN, SPOKEN_NOT_OPERATIONS
from derivations.checking.reading.normalize import Normalized

__all__ = [
    "may_be_spoken",
    "spoken_tokens",
    "ends_in_word",
    "says_formula",
    "arithmetic_words",
    "arithmetic_after",
    "separate_counts",
    "summed_counts",
    "summed_terms",
    "kind_words",
    "NOTE",
]

NOTE = "reading.note.spoken"

_BINARY = {"plus": "PLUS", "minus": "MINUS", "times": "STAR", "over": "SLASH"}
_SIGNS = {"plus": "+", "minus": "-", "times": "*", "over": "/"}
_SYMBOLIC = {"+": "plus", "-": "minus", "*": "times", "/": "over"}
_POSTFIX = {"squared", "cubed", "doubled", "tripled", "halved"}
_PREFIX = {"square_of", "cube_of", "floor_of", "ceil_of", "twice", "thrice", "half"}
_LISTS = {"product_of": "times", "sum_of": "plus"}
_LIST_ENDS = {"product_end": "times", "sum_end": "plus"}
_MAX_UNITS = 120
_STARTS = {"(", "words"}  # what starts a factor written side by side with another
_SCRIPTS = r"\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af"  # (with 、)


def _spaced(word: str) -> bool:
    return not re.search(f"[{_SCRIPTS}]", word)


@cache
def _words() -> dict[str, str]:
    """Every word of :data:`.languages.SPOKEN` (lower case) -> its kind."""
    found: dict[str, str] = {}
    for kinds in SPOKEN.values():
        for kind, words in kinds.items():
            for word in words:
                found.setdefault(word.lower(), kind)
    return found


@cache
def _pattern() -> re.Pattern:
    """The operation words (longest first), whole words where the script has spaces;
    first the words that hold one and are none (:data:`.languages.SPOKEN_NOT_OPERATIONS`)."""
    alternatives = []
    for word in sorted((w for w, k in _words().items() if k != "the"), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+")
        alternatives.append(rf"(?<![\w'’]){escaped}(?![\w'’])" if _spaced(word) else escaped)
    words = "|".join(map(re.escape, sorted(SPOKEN_NOT_OPERATIONS, key=len, reverse=True)))
    return re.compile(
        rf"(?P<none>{words})|(?P<word>" + "|".join(alternatives) + r")|(?P<mark>[-+*/(),])",
        re.I,
    )


@cache
def _gate() -> tuple[frozenset, str]:
    """The first words of the spaced operation words and determiners (lower case), and
    the first characters of the others: what :func:`may_be_spoken` looks for."""
    spaced = frozenset(w.split()[0] for w in _words() if _spaced(w))
    other = "".join(sorted({w.lstrip("0123456789")[0] for w in _words() if not _spaced(w)}))
    return spaced, other


@cache
def _last_words() -> frozenset:
    return frozenset(w.split()[-1] for w in _words() if _spaced(w))


def ends_in_word(text: str) -> bool:
    """Whether ``text`` ends in a word of the grammar (``twice the``, ``the product
    of``): a count word after it (``twice the MACs``) names a quantity, not a unit."""
    last = re.search(r"[^\W\d_]+$", text)
    return last is not None and last.group().lower() in _last_words()


def may_be_spoken(text: str) -> bool:
    """Whether ``text`` holds a word of the grammar (a cheap test: a set of words, a set
    of characters)."""
    spaced, other = _gate()
    if any(char in other for char in text):
        return True
    return not spaced.isdisjoint(re.findall(r"[^\W\d_]+", text.lower()))


# the kinds of word that state an operation (not ``and``, ``then``, ``the``)
_ARITHMETIC = frozenset(_BINARY) | _POSTFIX | _PREFIX | {"floored"} | set(_LISTS) | set(_LIST_ENDS)
# words of the grammar that prose uses for other things as often ("given by", "summed
# over the channels", "double slashes"): an operation only inside a formula said in words
_PROSE_WORDS = frozenset({"by", "over", "double", "triple", "half"})


_THEN_WORDS = 4  # words after a then word that still say one more step (``then divided in two``)


def arithmetic_after(trail: str) -> list[str]:
    """The words stating an operation (:func:`arithmetic_words`) in the first sentence of
    ``trail``, the words after a formula, when that sentence opens with one (after
    spaces, commas and a ``then`` word: ``rounded down, plus 1``, ``, floor of it, plus
    1``, ``再乘以批量 n``): they go on with the formula, never dropped as prose (s12exam
    E23); the whole sentence when it opens with a ``then`` word followed by at most
    :data:`_THEN_WORDS` words and states no operation the grammar knows (``, then
    halved``: never dropped, s13rev); [] otherwise
    (``其中,ceil为向上取整``, a clause of its own, says what a word means)."""
    sentence = _SENTENCE_END.split(trail, maxsplit=1)[0]
    found = arithmetic_words(sentence)
    start = _opened(sentence, 0)
    if not found:  # ``, then halved``: a then word goes on with the formula (s13rev)
        opening = _pattern().match(sentence, start)
        if opening is None or not opening.group("word"):
            return []
        said = re.sub(r"\s+", " ", opening.group("word"))
        rest = sentence[opening.end() :].split()
        if _words()[said.lower()] != "then" or not 0 < len(rest) <= _THEN_WORDS:
            return []  # (a longer clause is prose: ``then total padding is solved from …``)
        return [sentence[start:].strip()]
    for match in _pattern().finditer(sentence, start):
        word = match.group("word")
        if match.start() != start or not word:
            break
        if _words()[re.sub(r"\s+", " ", word.lower())] != "then":
            return found
        start = _opened(sentence, match.end())
    return found if _rounding().match(sentence, start) else []


@cache
def _count_kinds() -> dict[str, str]:
    """The words of a count of one kind of operation (:data:`.informal.COUNTS`' with a
    kind, their classifier 次 left to the pattern, and :data:`.informal.ONE_KIND_WORDS`),
    lower case -> that kind (``multiplication``, ``addition``)."""
    from derivations.checking.reading.informal import COUNTS, ONE_KIND_WORDS

    kinds = {word.removeprefix("次"): kind for word, (_, kind) in COUNTS.items() if kind}
    return kinds | ONE_KIND_WORDS


@cache
def _kind_count() -> re.Pattern:
    """A count of one kind of operation (:func:`_count_kinds`) after a formula's last
    token (a number, a letter, a subscripted name, a closing bracket): ``m_w
    multiplications``, ``0 additions``, ``m_w 次加法`` (not ``counts multiplications``, a
    word before it)."""
    from derivations.checking.reading.languages import words_pattern

    return re.compile(
        r"(?:\d|(?<![A-Za-z])[A-Za-z]|[A-Za-z]_\w+|[)\]}])\s*(?:次\s*)?"
        rf"(?P<word>{words_pattern(*_count_kinds())})(?![A-Za-z])",
        re.I,
    )


def separate_counts(answer: str) -> list[str]:
    """The count words of ``answer`` that each follow a formula (:func:`_kind_count`),
    when they name both multiplications and additions (``… multiplications and 0
    additions``, ``… 次乘法和 … 次加法``): the answer gives the two counts apart, not the
    one count a formula holds; [] otherwise."""
    lowered = answer.lower()
    if not any(w in lowered for w, kind in _count_kinds().items() if kind == "addition"):
        return []  # the quick test: no addition count named
    found = [m.group("word") for m in _kind_count().finditer(answer)]
    kinds = {_count_kinds()[word.lower()] for word in found}
    return found if len(kinds) > 1 else []


def kind_words(text: str) -> list[str]:
    """The count words of one kind of operation (:func:`_count_kinds`) in ``text``, as
    written, in order, English as whole words (``needs additions``, ``每个需要次加法``)."""
    return _kind_word().findall(text)


@cache
def _kind_word() -> re.Pattern:
    """A count word of one kind (:func:`_count_kinds`), English as a whole word."""
    from derivations.checking.reading.languages import words_pattern

    return re.compile(rf"(?<![A-Za-z])(?:{words_pattern(*_count_kinds())})(?![A-Za-z])", re.I)


def summed_counts(text: str) -> list[tuple[int, int, str]]:
    """The count words ending each term of a sum (``1296 multiplications + 1248
    additions``, ``… 次乘法 + … 次加法``: :func:`_kind_count`, both kinds named, every term
    at the sum's top level ending in one), as ``(start, end, word)`` spans of ``text``
    from the space before each (``次`` with it): the student summed the two counts the
    question sums, each said with its word; [] otherwise."""
    terms, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += (char in "([{（") - (char in ")]}）")
        if char == "+" and depth == 0:
            terms.append((start, at))
            start = at + 1
    terms.append((start, len(text)))
    if len(terms) < 2:
        return []
    spans = []
    for begin, end in terms:
        piece = text[begin:end].rstrip()
        match = _kind_count().search(piece)
        if match is None or match.end() != len(piece):
            return []
        cut = begin + match.start("word")
        while cut > begin and (text[cut - 1].isspace() or text[cut - 1] == "次"):
            cut -= 1
        spans.append((cut, begin + len(piece), match.group("word")))
    kinds = {_count_kinds()[word.lower()] for *_, word in spans}
    return spans if len(kinds) > 1 else []


def summed_terms(text: str) -> list[tuple[str, str]]:
    """The terms of a sum of counts each said with its word (:func:`summed_counts`), as
    ``(term, word)`` pairs, the term as written without its word (``1296``,
    ``c_o m_h m_w (c_i k_h k_w - 1)``); [] where :func:`summed_counts` finds none."""
    pairs, begin = [], 0
    for start, end, word in summed_counts(text):
        pairs.append((text[begin:start].strip().lstrip("+").strip(), word))
        begin = end
    return pairs


def _opened(text: str, at: int) -> int:
    """Where ``text`` goes on after the spaces, commas and markup at ``at``."""
    match = _OPENING.match(text, at)
    return match.end() if match else at


_SENTENCE_END = re.compile(r"[。；;!?！？\n]|\.(?!\d)")
_OPENING = re.compile(r"[\s,，:：*_]*")


def arithmetic_words(text: str) -> list[str]:
    """The words of ``text`` that state an operation in the grammar's languages
    (``rounded down``, ``plus``, ``divided by``, ``squared``, 向下取整, 加, 乘以; not ``by``,
    ``over``, ``double``, ``triple`` or ``half`` alone), as written, in order."""
    found = []
    for match in _pattern().finditer(text):
        word = match.group("word")
        if not word:
            continue
        key = re.sub(r"\s+", " ", word.lower())
        if _words()[key] in _ARITHMETIC and key not in _PROSE_WORDS:
            found.append(word)
    found += [m.group() for m in _rounding().finditer(text) if m.group() not in found]
    return found


@cache
def _rounding() -> re.Pattern:
    """A rounding said in words (:data:`.languages.ROUNDING_WORDS`: ``round up``, 向上取整)."""
    words = sorted((w for ws in ROUNDING_WORDS.values() for w in ws), key=len, reverse=True)
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(w)}(?!\w)" if _spaced(w) else re.escape(w) for w in words),
        re.I,
    )


class _Failed(Exception):
    """The text is no formula said in words (its own refusal stands)."""


class _Unit:
    """A word token of the sentence: ``kind`` (an operation of :data:`SPOKEN`, ``(``,
    ``)``, ``,`` or ``words``), where it is in the text, the words it holds."""

    __slots__ = ("end", "kind", "start", "words")

    def __init__(self, kind: str, start: int, end: int, words=()):
        self.kind, self.start, self.end, self.words = kind, start, end, list(words)


def _units(text: str, start: int, end: int) -> list[_Unit]:
    units: list[_Unit] = []
    index = start

    def material(stop: int) -> None:
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, index, stop)]
        if words:
            units.append(_Unit("words", words[0][1], words[-1][2], words))

    for match in _pattern().finditer(text, start, end):
        if match.group("none"):
            continue  # 乘法: a word (the material around it goes on)
        material(match.start())
        if match.group("mark"):
            mark = match.group("mark")
            kind = _SYMBOLIC.get(mark, mark)
        else:
            kind = _words()[re.sub(r"\s+", " ", match.group("word").lower())]
        units.append(_Unit(kind, match.start(), match.end()))
        index = match.end()
    material(end)
    return units


# a word of the material between operation words (a full stop inside one stays: 0.5)
_WORD = re.compile(r"(?:[^\s,.;:!?。！？；：]|\.(?=\w))+")


# --- the tree said ----------------------------------------------------------------


class _Leaf:
    """Quantities said in words (read by the lexer when the tokens are made)."""

    def __init__(self, unit: _Unit):
        self.unit = unit
        self.words = list(unit.words)


class _Op:
    def __init__(self, kind: str, column_at: int, *parts):
        self.kind, self.at, self.parts = kind, column_at, list(parts)


class _Parser:
    def __init__(self, units: list[_Unit]):
        self.units, self.index = units, 0
        # an answer that puts brackets in reads by precedence (its author groups what
        # precedence does not: (h minus k plus 2p) over s plus one)
        self.bracketed = any(unit.kind == "(" for unit in units)

    def peek(self, offset: int = 0) -> str | None:
        at = self.index + offset
        return self.units[at].kind if at < len(self.units) else None

    def take(self) -> _Unit:
        unit = self.units[self.index]
        self.index += 1
        return unit

    def sentence(self):
        node = self.floored(self.clause())
        while self.peek() in (",", "then"):
            marks = 1 + (self.peek() == "," and self.peek(1) == "then")
            if self.peek(marks) not in _BINARY:
                raise _Failed
            self.index += marks
            node = self.floored(self.applied(node))
        return node

    def floored(self, node):
        """``node``, rounded down when a word says so after it (向下取整: all before it)."""
        while self.peek() == "floored":
            op = self.take()
            node = _Op(op.kind, op.start, node)
        return node

    def applied(self, node):
        """``node`` with the operation starting here (``divided by s``) applied to it."""
        op = self.take()
        return _Op(op.kind, op.start, node, self.clause())

    def clause(self):
        terms = [self.term()]
        ops = []
        while self.peek() in ("plus", "minus"):
            ops.append(self.take())
            terms.append(self.term())
        loose = [op for _, op in terms if op is not None]
        if len(terms) > 1 and loose and not self.bracketed:
            raise _Ambiguous(loose[0])
        node = terms[0][0]
        for op, (term, _) in zip(ops, terms[1:], strict=True):
            node = _Op(op.kind, op.start, node, term)
        return node

    def term(self):
        """A product or quotient, and its first operation that does not bind tight (a
        number times a quantity, a quantity over a number do), or None."""
        node = self.factor()
        loose = None
        while self.peek() in ("times", "over") or self.peek() in _STARTS:
            if self.peek() in _STARTS:  # 2(the padding): side by side, a product
                op = _Unit("times", self.units[self.index].start, self.units[self.index].start)
                right = self.factor()
                node = _Op(op.kind, op.start, node, right)
                continue
            op = self.take()
            right = self.factor()
            tight = (op.kind == "times" and _is_number(node)) or (
                op.kind == "over" and _is_number(right)
            )
            loose = loose or (None if tight else op)
            node = _Op(op.kind, op.start, node, right)
        return node, loose

    def factor(self):
        kind = self.peek()
        if kind is None:
            raise _Failed
        if kind in _PREFIX:
            node = self.prefixed()
        elif kind in _LISTS:
            node = self.listed()
        elif kind == "(":
            self.take()
            node = self.sentence()
            if self.peek() != ")":
                raise _Failed
            self.take()
        elif kind == "words":
            node = _Leaf(self.take())
            if self.peek() == "and" or (self.peek() == "," and self.peek(1) == "words"):
                node = self.zh_list(node)
        else:
            raise _Failed
        return self.postfixed(node)

    def postfixed(self, node):
        while self.peek() in _POSTFIX:
            op = self.take()
            node = _Op(op.kind, op.start, node)
        return node

    def prefixed(self):
        op = self.take()
        if op.kind in ("twice", "thrice", "half"):
            return _Op(op.kind, op.start, self.factor())
        if op.kind in ("floor_of", "ceil_of"):
            argument = self.clause()
            # ", all divided by s": inside what the floor is of
            while self.peek() == "," and self.peek(1) == "then" and self.peek(2) in _BINARY:
                self.take()
                self.take()
                argument = self.applied(argument)
            return _Op(op.kind, op.start, argument)
        argument = self.factor()  # the square of ...
        if self.peek() in _BINARY:
            raise _Ambiguous(op)
        return _Op(op.kind, op.start, argument)

    def items(self, first=None) -> list:
        items = [first if first is not None else self.factor_only()]
        while True:
            if self.peek() == "and":
                self.take()
            elif self.peek() == "," and self.peek(1) in ("words", "and", "(", *_PREFIX):
                self.take()
                if self.peek() == "and":
                    self.take()
            else:
                return items
            items.append(self.factor_only())

    def factor_only(self):
        """A factor that is no list of its own (an item of a list)."""
        kind = self.peek()
        if kind == "words":
            return self.postfixed(_Leaf(self.take()))
        return self.factor()

    def listed(self):
        op = self.take()
        join = _LISTS[op.kind]
        items = _distributed(self.items())
        if len(items) < 2:
            raise _Failed
        if self.peek() in _BINARY and self.peek() != join:
            raise _Ambiguous(op)
        return _joined(join, op.start, items)

    def zh_list(self, first: _Leaf):
        """``A、B和C的乘积`` (a list closed by what it makes), else refused."""
        items = self.items(first)
        kind = self.peek()
        if kind not in _LIST_ENDS or len(items) < 2:
            raise _Failed
        op = self.take()
        return _joined(_LIST_ENDS[op.kind], op.start, _distributed(items))


class _Ambiguous(Exception):
    def __init__(self, unit: _Unit):
        super().__init__()
        self.unit = unit


def _is_number(node) -> bool:
    return (
        isinstance(node, _Leaf)
        and len(node.words) == 1
        and _number_word(node.words[0][0]) is not None
    )


def _number_word(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word.lower(), NUMBER_WORDS.get(word))


def _joined(join: str, at: int, items: list):
    node = items[0]
    for item in items[1:]:
        node = _Op(join, at, node, item)
    return node


_DETERMINERS = frozenset(SPOKEN["en"]["the"])


def _content(leaf: _Leaf) -> list:
    return [w for w in leaf.words if w[0].lower() not in _DETERMINERS]


def _bare(leaf) -> bool:
    """A leaf of one word with no determiner before it (``width`` in ``the kernel's
    height and width``)."""
    return isinstance(leaf, _Leaf) and len(leaf.words) == 1


def _possessive(word: str) -> bool:
    return word.lower().endswith(("'s", "’s"))


def _distributed(items: list) -> list:
    """The items of a list, a word shared by coordinated items put in each (see the
    module's docstring), where the shared reading reads."""
    for index in range(len(items) - 1):
        first, second = items[index], items[index + 1]
        if not isinstance(first, _Leaf) or not isinstance(second, _Leaf):
            continue
        content = _content(first)
        if not content:
            continue
        if _bare(second) and len(content) >= 2:
            # the kernel's height and width; the output height and width
            owner = next((i for i, w in enumerate(content) if _possessive(w[0])), None)
            shared = content[: owner + 1] if owner is not None else content[:-1]
            candidate = [*shared, second.words[0]]
            if _reads(candidate):
                second.words = candidate
        elif len(content) == 1 and len(second.words) >= 2 and not _content_has_det(second):
            # the input and output channels
            candidate = [content[0], *second.words[1:]]
            if _reads(candidate):
                first.words = candidate
    return items


def _content_has_det(leaf: _Leaf) -> bool:
    return leaf.words[0][0].lower() in _DETERMINERS


# --- reading the quantities and making the tokens ------------------------------------


class _Maker:
    def __init__(self, text: Normalized, notes: list | None, letters: bool):
        self.text, self.notes, self.letters = text, notes, letters
        self.tokens: list[Token] = []

    def col(self, index: int) -> int:
        return self.text.column(index)

    def add(self, kind: str, value: str, at: int) -> None:
        self.tokens.append(Token(kind, value, start_pos=self.col(at)))

    def make(self, node) -> int:
        """Add the tokens of ``node``; its precedence (1: a sum, 2: a product, 3: a
        power, 9: one token or a call), to bracket it where its parent binds tighter."""
        if isinstance(node, _Leaf):
            tokens = self.quantity(node.words)
            self.tokens.extend(tokens)
            return 9 if len(tokens) == 1 else 2  # 2 p: a product (h/(2 p), (2 p)^2)
        kind, at = node.kind, node.at
        if kind in _BINARY:
            level = 1 if kind in ("plus", "minus") else 2
            self.operand(node.parts[0], at, level)
            self.add(_BINARY[kind], _SIGNS[kind], at)
            self.operand(node.parts[1], at, level + 1)
            return level
        if kind in ("squared", "square_of", "cubed", "cube_of"):
            self.operand(node.parts[0], at, 9)
            self.add("CARET", "^", at)
            self.add("NUMBER", "3" if kind.startswith("cube") else "2", at)
            return 3
        if kind in ("twice", "thrice", "doubled", "tripled"):
            self.add("NUMBER", "3" if kind in ("thrice", "tripled") else "2", at)
            self.add("STAR", "*", at)
            self.operand(node.parts[0], at, 3)
            return 2
        if kind in ("half", "halved"):
            self.operand(node.parts[0], at, 2)
            self.add("SLASH", "/", at)
            self.add("NUMBER", "2", at)
            return 2
        if kind in ("floor_of", "ceil_of", "floored"):
            self.add("FUNC", "ceil" if kind == "ceil_of" else "floor", at)
            self.add("LPAR", "(", at)
            self.make(node.parts[0])
            self.add("RPAR", ")", at)
            return 9
        raise _Failed  # pragma: no cover - every kind the parser makes is above

    def operand(self, node, at: int, least: int) -> None:
        """``node``'s tokens, bracketed when its precedence is below ``least``."""
        mark = len(self.tokens)
        if self.make(node) < least:
            self.tokens.insert(mark, Token("LPAR", "(", start_pos=self.col(at)))
            self.add("RPAR", ")", at)

    def quantity(self, words: list) -> list[Token]:
        """The tokens of quantities said in ``words`` (a number word, the lexer's
        reading of the words without ``the``, or of ``Y X`` for ``X of the Y``)."""
        content = [w for w in words if w[0].lower() not in _DETERMINERS] or words
        tokens: list[Token] = []
        if content and _number_word(content[0][0]) is not None and not content[0][0].isdigit():
            value = _number_word(content[0][0])
            tokens.append(Token("NUMBER", str(value), start_pos=self.col(content[0][1])))
            content = content[1:]
            if not content:
                return tokens
        read = _tokens_of(self.text, content, self.notes, self.letters)
        if read is None:
            of = next((i for i, w in enumerate(content) if w[0].lower() == "of"), None)
            if of is not None and 0 < of < len(content) - 1:
                after = [w for w in content[of + 1 :] if w[0].lower() not in _DETERMINERS]
                read = _tokens_of(self.text, [*after, *content[:of]], self.notes, self.letters)
        if read is None:
            raise _Failed
        return [*tokens, *read]


def _plain(word: str) -> str:
    return word[:-2] if _possessive(word) else word


def _slice(text: Normalized, words: list) -> Normalized:
    """``words`` (text, start, end) joined by single spaces, each character's column as
    in ``text``."""
    chars: list[str] = []
    columns: list[int] = []
    for word, start, _ in words:
        if chars:
            chars.append(" ")
            columns.append(text.columns[start] if start < len(text.columns) else 0)
        plain = _plain(word)
        chars.append(plain)
        columns.extend(text.columns[start : start + len(plain)])
    return Normalized("".join(chars), columns)


def _tokens_of(text: Normalized, words: list, notes: list | None, letters: bool):
    from derivations.checking.reading.lexer import tokenize

    if not words:
        return None
    found: list = []
    try:
        tokens = tokenize(_slice(text, words), 0, found, letters)
    except InvalidAnswer:
        return _named(text, words)
    if notes is not None:
        notes.extend(found)
    return tokens


def _named(text: Normalized, words: list) -> list[Token] | None:
    """The token of another count of the layer named in words of a script the lexer
    reads no names in (乘法次数: the multiplications; :attr:`.Question.names`)."""
    from derivations.checking.reading.lexer import NAMED_PREFIX
    from derivations.registry.questions import named_count

    said = "".join(_plain(word) for word, _, _ in words)
    named = named_count(said) if len(words) == 1 else None
    if named is None:
        return None
    return [Token("SYMBOL", f"{NAMED_PREFIX}{named}:{said}", start_pos=text.column(words[0][1]))]


def _reads(words: list) -> bool:
    """Whether the lexer reads ``words`` (a candidate of :func:`_distributed`)."""
    plain = " ".join(_plain(w[0]) for w in words if w[0].lower() not in _DETERMINERS)
    probe = Normalized(plain, list(range(len(plain))))
    return _tokens_of(probe, [(plain, 0, len(plain))], None, False) is not None


def spoken_tokens(
    text: Normalized, start: int, end: int, notes: list | None, letters: bool
) -> list[Token] | None:
    """The tokens of the formula ``text[start:end]`` says in words, with a note saying
    how it was read; None when it is no such formula; refused (``spoken_ambiguous``)
    when it can be read two ways."""
    from derivations.checking.reading.code import denies

    said = text.text[start:end]
    if denies(said):
        return None
    units = _units(text.text, start, end)
    if len(units) > _MAX_UNITS:
        return None  # no formula said in words is that long (and the parser recurses)
    if not any(u.kind != "words" for u in units) and not _quantity_only(units):
        return None
    parser = _Parser(units)
    try:
        tree = parser.sentence()
        if parser.index != len(units):
            return None
        found: list = []
        maker = _Maker(text, found, letters)
        maker.make(tree)
    except _Failed:
        return None
    except _Ambiguous as ambiguous:
        word = text.text[ambiguous.unit.start : ambiguous.unit.end]
        raise refuse("spoken_ambiguous", text.column(ambiguous.unit.start), word=word) from None
    if notes is not None:
        notes.extend(found)
        notes.append(Note(NOTE, (("text", said.strip()),)))
    return maker.tokens


def _quantity_only(units: list[_Unit]) -> bool:
    """One run of words that starts with ``the`` (``the number of filters``)."""
    return (
        len(units) == 1 and units[0].words[0][0].lower() in _DETERMINERS and len(units[0].words) > 1
    )


def says_formula(text: str) -> bool:
    """Whether ``text`` is a formula said in words (or one refused as ambiguous): no
    remark to drop (``（输入高度减卷积核高度）``), no factor sentence (``two times the
    output channels``)."""
    if not may_be_spoken(text):
        return False
    try:
        return (
            spoken_tokens(Normalized(text, list(range(len(text)))), 0, len(text), None, False)
            is not None
        )
    except InvalidAnswer:
        return True
