"""Other notations than the book's (``notations.yaml``): one record per source with its
citation, each spelling read as a formula in the book's spellings, and the role hints
of letters no notation names (the checker's inference by role).

Declarations only: the reader (:mod:`derivations.checking.notation`) decides when a
spelling of this registry applies (after the book's own spellings).  The file is read
once, on first use (as JSON from the store when it holds it: :mod:`.data`); a malformed record is a :class:`DerivationError` naming it.
"""

from __future__ import annotations

import re
from functools import cache

from derivations import records
from derivations.errors import DerivationError

__all__ = [
    "Notation",
    "Meaning",
    "notations",
    "notation_spellings",
    "per_side_spellings",
    "per_side_sources",
    "notation_stems",
    "notation_letters",
    "inferred_letters",
    "given_meanings",
    "given_meanings_text",
    "role_hints",
    "decorated_hints",
    "stem_of",
    "meanings",
    "meaning_of_letter",
    "meaning_of_symbols",
    "meaning_of_word",
    "names_nothing",
    "misspelling_of",
    "ROLES_RECORD",
    "PARTS_RECORD",
    "PART_ROLES",
    "name_parts",
    "label_phrases",
    "folded",
    "layouts",
    "constructors",
    "kernel_layouts",
    "same_shape",
    "library_aliases",
    "holders",
    "find_callable",
    "other_parameter",
    "HELD",
    "held_spelling",
    "loop_indices",
    "layer_indices",
    "layer_counts",
]

# the model's symbols of the parameters every layer of the book holds at one value: which
# parameter each is; d, the dilation of both axes (as k is the kernel's).  A spelling
# written as one of them keeps the symbol here; the checker reads it at the model's value
# (:func:`derivations.checking.reading.lexer.book_formula`)
HELD = {"d_h": "dilation", "d_w": "dilation", "d": "dilation", "g": "groups"}

ROLES_RECORD = "roles"
PARTS_RECORD = "parts"  # the record of the parts of a name read by their roles


@records.record(frozen=True)
class Notation:
    """One source's notation: its id, its citation, spelling -> formula (book's)."""

    id: str
    name: dict  # {"en", "zh"}: how a reading names the source
    citation: str
    spellings: tuple  # ((written, formula), ...)
    roles: tuple = ()  # ((letter, (symbol, ...)), ...): the roles record only
    meanings: tuple = ()  # (Meaning, ...): the roles record only
    letters: tuple = ()  # ((letter as written, book symbol), ...): tried by inference only
    context_letters: tuple = ()  # the same, read only beside this source's own words
    context_together: tuple = ()  # letters that, all written, are this source's own words
    decorated: tuple = ()  # ((letter, (symbol, ...)), ...): the roles record only
    # ((word, (the word it may be misspelt from, symbol, ...)), ...): the roles record only
    misspelt: tuple = ()
    per_side: tuple = ()  # spellings naming a padding added on each side (lower case)
    padding_per_side: bool = False  # its padding letter P (the book's p) is per side
    parts: tuple = ()  # ((role, (word, ...)), ...): the parts record only
    # ((language, ((role, (word, ...)), ...)), ...): the parts record only
    labels: tuple = ()
    layouts: tuple = ()  # ((object, ((layout, (symbol, ...)), ...)), ...): layouts only
    # ((an input's layout, (the kernel's layouts beside it, ...)), ...): layouts only
    kernels: tuple = ()
    # ((callable, (first, stop, keyword)), ...): the positional arguments first..stop
    # that give the shape (stop None: all from first on; first None: by keyword only),
    # and its keyword (None: it has none)
    constructors: tuple = ()
    holders: tuple = ()  # callables whose first argument is the tensor they hold
    # names of other layers' parameters (a batch norm's gamma, running_mean)
    other_parameters: tuple = ()
    same_shape: tuple = ()  # methods that keep an array's shape (uniform_, to, astype)
    # ((a library's full name, the short name its constructors are listed under), ...)
    aliases: tuple = ()
    loop_indices: tuple = ()  # a loop's variable's names over the axes: the parts record only
    layer_indices: tuple = ()  # a layer's index letters over a stack: the parts record only
    layer_counts: tuple = ()  # letters of a stack's count of layers: the parts record only


@records.record(frozen=True)
class Meaning:
    """A role of the layer's quantities: its id (message ``checker.meaning.<id>``), the
    book's symbols of that role, the roots of the words that name it, and the words
    holding a root that do not (``about``)."""

    id: str
    symbols: tuple[str, ...]
    roots: tuple[str, ...]
    # words holding a root that name no quantity ("about" holds "out")
    not_names: tuple[str, ...] = ()


def _meanings(key: str, data) -> tuple[Meaning, ...]:
    if not isinstance(data, dict):
        raise _bad(key, "meanings")
    out = []
    for name, meaning in data.items():
        if not isinstance(meaning, dict) or not all(
            isinstance(meaning.get(field), list)
            and all(isinstance(item, str) and item for item in meaning[field])
            for field in ("symbols", "roots")
        ):
            raise _bad(key, f"meanings.{name}")
        not_names = meaning.get("not_names", [])
        if not isinstance(not_names, list) or not all(
            isinstance(item, str) and item for item in not_names
        ):
            raise _bad(key, f"meanings.{name}.not_names")
        out.append(
            Meaning(
                str(name),
                tuple(meaning["symbols"]),
                tuple(meaning["roots"]),
                tuple(w.lower() for w in not_names),
            )
        )
    return tuple(out)


def _bad(key: str, why: str) -> DerivationError:
    return DerivationError(key="registry.notation_malformed", id=repr(key), why=why)


def _hints(key: str, data, field: str) -> tuple:
    """A ``letter: [symbol, ...]`` table (``roles``, ``decorated``) as pairs."""
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(s, str) for s in v)
        for k, v in data.items()
    ):
        raise _bad(key, field)
    return tuple((letter, tuple(names)) for letter, names in data.items())


def _letters(key: str, data) -> tuple:
    """``letters``: one letter as written -> one symbol of the book (a spelling of it)."""
    from derivations.registry.spellings import Symbol, spellings

    if not isinstance(data, dict):
        raise _bad(key, "letters")
    out = []
    for letter, formula in data.items():
        meaning = spellings().get(str(formula).lower()) if isinstance(formula, str) else None
        if not (isinstance(letter, str) and len(letter) == 1 and letter.isalpha()) or not (
            isinstance(meaning, Symbol)
        ):
            raise _bad(key, f"letters.{letter}")
        out.append((letter, meaning.name))
    return tuple(out)


def _together(key: str, data, record: dict) -> tuple:
    """``context_together``: two or more of the record's own context letters."""
    own = set(record.get("context_letters", {}))
    if not isinstance(data, list) or (data and (len(data) < 2 or not set(data) <= own)):
        raise _bad(key, "context_together")
    return tuple(data)


def _record(key: str, data) -> Notation:
    if not isinstance(data, dict) or not isinstance(data.get("citation"), str):
        raise _bad(key, "citation")
    name = data.get("name")
    if not isinstance(name, dict) or set(name) != {"en", "zh"}:
        raise _bad(key, "name")
    spellings = data.get("spellings", {})
    if not isinstance(spellings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
        for k, v in spellings.items()
    ):
        raise _bad(key, "spellings")
    return Notation(
        key,
        {lang: str(name[lang]) for lang in ("en", "zh")},
        " ".join(data["citation"].split()),
        tuple(spellings.items()),
        _hints(key, data.get("roles", {}), "roles"),
        _meanings(key, data.get("meanings", {})),
        letters=_letters(key, data.get("letters", {})),
        context_letters=_letters(key, data.get("context_letters", {})),
        context_together=_together(key, data.get("context_together", []), data),
        decorated=_hints(key, data.get("decorated", {}), "decorated"),
        misspelt=_hints(key, data.get("misspelt", {}), "misspelt"),
        per_side=_per_side(key, data.get("per_side", []), spellings),
        padding_per_side=_flag(key, data, "padding_per_side"),
        parts=_parts(key, data.get("parts", {})),
        labels=_labels(key, data.get("labels", {})),
        layouts=_layouts(key, data.get("layouts", {})),
        constructors=_constructors(key, data.get("constructors", {})),
        kernels=_hints(key, data.get("kernels", {}), "kernels"),
        same_shape=_names(key, data.get("same_shape", []), "same_shape"),
        aliases=_aliases(key, data.get("aliases", {})),
        holders=_callables(key, data.get("holders", [])),
        other_parameters=_names(key, data.get("other_parameters", []), "other_parameters"),
        loop_indices=_loop_indices(key, data.get("loop_indices", [])),
        layer_indices=_one_letters(key, data.get("layer_indices", []), "layer_indices"),
        layer_counts=_one_letters(key, data.get("layer_counts", []), "layer_counts"),
    )


def _loop_indices(key: str, data) -> tuple:
    """``loop_indices``: a list of names (words of letters)."""
    if not isinstance(data, list) or not all(isinstance(w, str) and w.isalpha() for w in data):
        raise _bad(key, "loop_indices")
    return tuple(data)


def _one_letters(key: str, data, field: str) -> tuple:
    """A list of letters, one character each (``layer_indices``, ``layer_counts``)."""
    if not isinstance(data, list) or not all(
        isinstance(w, str) and len(w) == 1 and w.isalpha() for w in data
    ):
        raise _bad(key, field)
    return tuple(data)


@cache
def held_spelling(written: str) -> tuple[str, str] | None:
    """(the parameter, the model's symbol) of a spelling a record reads as a parameter
    :data:`HELD` names, case-insensitively (PyTorch's ``dilation[1]``: ``("dilation",
    "d_w")``; ``groups``: ``("groups", "g")``), or None."""
    lowered = written.lower()
    for record in notations().values():
        for spelled, formula in record.spellings:
            if formula in HELD and spelled.lower() == lowered:
                return HELD[formula], formula
    return None


LAYOUT_OBJECTS = frozenset({"input", "output", "kernel"})


def _layouts(key: str, data) -> tuple:
    """``layouts``: object (input, output, kernel) -> layout name -> the book's symbols
    of its axes, in order."""
    if not isinstance(data, dict) or not set(data) <= LAYOUT_OBJECTS:
        raise _bad(key, "layouts")
    return tuple((obj, _hints(key, table, f"layouts.{obj}")) for obj, table in data.items())


def _names(key: str, data, field: str) -> tuple:
    """A list of names (identifiers) as a tuple."""
    if not isinstance(data, list) or not all(isinstance(w, str) and w.isidentifier() for w in data):
        raise _bad(key, field)
    return tuple(data)


def _aliases(key: str, data) -> tuple:
    """``aliases``: a library's full name -> its short name (identifiers both)."""
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.isidentifier() and v.isidentifier()
        for k, v in data.items()
    ):
        raise _bad(key, "aliases")
    return tuple(data.items())


# a constructor's shape argument: its place among the positional arguments ("0": the
# first; "*0": all from the first on, PyTorch's torch.zeros(*size); "0:2": the first two,
# needle's kaiming_uniform(fan_in, fan_out); "-": by keyword only), then its keyword ("-":
# none)
_PLACE = re.compile(r"(?P<star>\*)?(?P<first>[0-9])(?::(?P<stop>[0-9]))?|-")
# a callable's dotted name; "()" after it: the object its call makes, called
_CALLABLE = re.compile(r"\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?:\(\))?")


def _constructors(key: str, data) -> tuple:
    """``constructors``: a callable (``np.random.uniform``, ``.initialize`` a method) ->
    [the place of its shape argument (:data:`_PLACE`), its keyword or "-"], as
    (callable, (first, stop, keyword))."""
    pairs = _hints(key, data, "constructors")
    out: list[tuple[str, tuple[int | None, int | None, str | None]]] = []
    for name, entry in pairs:
        place = _PLACE.fullmatch(entry[0]) if len(entry) == 2 else None
        if place is None or not entry[1] or not _CALLABLE.fullmatch(name):
            raise _bad(key, f"constructors.{name}")
        keyword = None if entry[1] == "-" else entry[1]
        if entry[0] == "-":
            if keyword is None:
                raise _bad(key, f"constructors.{name}")
            out.append((name, (None, None, keyword)))
            continue
        first = int(place.group("first"))
        stop = None if place.group("star") else int(place.group("stop") or first + 1)
        if stop is not None and (stop <= first or place.group("star")):
            raise _bad(key, f"constructors.{name}")
        out.append((name, (first, stop, keyword)))
    return tuple(out)


def _callables(key: str, data) -> tuple:
    """``holders``: a list of callables' dotted names (``nn.Parameter``)."""
    if not isinstance(data, list) or not all(
        isinstance(w, str) and _CALLABLE.fullmatch(w) for w in data
    ):
        raise _bad(key, "holders")
    return tuple(data)


PART_ROLES = frozenset(
    {
        "height",
        "width",
        "kernel",
        "input",
        "output",
        "padding",
        "stride",
        "channel",
        "count",
        "size",
        "dim",
        "map",
        "dilation",
        "group",
        "filler",
        "side",
        "side_h",
        "side_w",
        "padded",
        "total",
        "both_h",
        "both_w",
    }
)


def _parts(key: str, data) -> tuple:
    """``parts``: role -> the words of that role (roles of :data:`PART_ROLES`)."""
    pairs = _hints(key, data, "parts")
    if not all(role in PART_ROLES and all(words) for role, words in pairs):
        raise _bad(key, "parts")
    return pairs


def _labels(key: str, data) -> tuple:
    """``labels``: language -> role -> the words of that role in that language (roles
    of :data:`PART_ROLES`; a word may be several words, ``đầu vào``)."""
    if not isinstance(data, dict) or not all(isinstance(lang, str) for lang in data):
        raise _bad(key, "labels")
    return tuple((lang, _parts(key, table)) for lang, table in data.items())


def _per_side(key: str, data, spellings: dict) -> tuple:
    """``per_side``: spellings of the record itself (each naming a padding)."""
    if not isinstance(data, list) or not all(
        isinstance(item, str) and item in spellings for item in data
    ):
        raise _bad(key, "per_side")
    return tuple(item.lower() for item in data)


def _flag(key: str, data: dict, field: str) -> bool:
    """A yes/no field of a record (absent: no)."""
    value = data.get(field, False)
    if not isinstance(value, bool):
        raise _bad(key, field)
    return value


@cache
def per_side_sources() -> frozenset:
    """The notations (ids) whose padding letter P, the book's spelling p, is added on
    each side (CS231n's (W - F + 2P)/S + 1)."""
    return frozenset(key for key, record in notations().items() if record.padding_per_side)


@cache
def per_side_spellings() -> frozenset:
    """Every notation's spellings (lower case) of a padding added on each side."""
    return frozenset(item for record in notations().values() for item in record.per_side)


@cache
def notations() -> dict[str, Notation]:
    """Every source id -> its record, in the file's order."""
    from derivations.registry.data import read

    data = read("notations.yaml")
    if not isinstance(data, dict):
        raise _bad("notations.yaml", "not a mapping")
    return {str(key): _record(str(key), value) for key, value in data.items()}


@cache
def notation_spellings() -> dict[str, tuple[str, str, str]]:
    """lower-case written form -> (formula in the book's spellings, source id, as
    written in the registry); the first source listing a spelling wins."""
    table: dict[str, tuple[str, str, str]] = {}
    for record in notations().values():
        for written, formula in record.spellings:
            table.setdefault(written.lower(), (formula, record.id, written))
    return table


def _stem(written: str) -> str:
    """A word without the plural ``s`` of each of its parts (``strides_height``:
    ``stride_height``); parts of three letters or fewer stay as they are."""
    return "_".join(
        part[:-1] if len(part) > 3 and part.endswith("s") else part
        for part in written.lower().split("_")
    )


@cache
def notation_stems() -> dict[str, tuple[str, str, str]]:
    """A word's stem (:func:`_stem`) -> its reading, for a word no source spells as
    written (``strides_height``, Keras' ``strides`` beside TensorFlow's
    ``stride_height``): only the stems every spelling of which reads alike (``filters``,
    the number of filters, and ``filter``, the kernel, share none)."""
    table: dict[str, tuple[str, str, str]] = {}
    clashing: set[str] = set()
    for written, found in notation_spellings().items():
        stem = _stem(written)
        if stem in table and table[stem][0] != found[0]:
            clashing.add(stem)
        table.setdefault(stem, found)
    return {stem: found for stem, found in table.items() if stem not in clashing}


def stem_of(word: str) -> tuple[str, str, str] | None:
    """The reading of ``word`` by its stem, or None."""
    return notation_stems().get(_stem(word))


@cache
def notation_letters() -> dict[str, tuple[tuple[str, str], ...]]:
    """A letter as written -> ((book symbol, source id), ...): the readings other
    notations give a letter the book or the role hints read otherwise (``K``: c_o,
    CS231n's number of filters), in the file's order."""
    table: dict[str, list[tuple[str, str]]] = {}
    for record in notations().values():
        for letter, symbol in (*record.letters, *record.context_letters):
            table.setdefault(letter, []).append((symbol, record.id))
    return {letter: tuple(found) for letter, found in table.items()}


def given_meanings(written: str) -> tuple[tuple[str, str], ...]:
    """((reading in the book's spellings, source id), ...): what the registered
    notations make of the word ``written``, a letter as written (:func:`notation_letters`,
    case kept: cuDNN's Q) or a spelling (:func:`notation_spellings`, any case: the
    formulas page's g); empty where no notation gives it a meaning."""
    spelling = notation_spellings().get(written.lower())
    spelt = ((spelling[0], spelling[1]),) if spelling else ()
    return (*notation_letters().get(written, ()), *spelt)


def given_meanings_text(written: str, lang: str) -> str:
    """:func:`given_meanings` of ``written`` said in ``lang``: "cuDNN/CUTLASS reads it as
    m_w", several joined (message ``checker.phrase.notation_reads``); empty where none."""
    from derivations.messages import text

    said = [
        text(
            "checker.phrase.notation_reads",
            lang,
            source=notations()[source].name[lang],
            read=read,
        )
        for read, source in given_meanings(written)
    ]
    return text("checker.phrase.id_separator", lang).join(said)


@cache
def inferred_letters() -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`notation_letters` less those a source reads only beside its own words
    (``context_letters``: MobileNets' N is no guess for an N written alone, which is the
    batch as often as the output channels)."""
    table: dict[str, list[tuple[str, str]]] = {}
    for record in notations().values():
        for letter, symbol in record.letters:
            table.setdefault(letter, []).append((symbol, record.id))
    return {letter: tuple(found) for letter, found in table.items()}


@cache
def decorated_hints() -> dict[str, tuple[str, ...]]:
    """upper-case letter -> the quantities a name of that letter and a digit (H0, w_1)
    may stand for (inference)."""
    record = notations().get(ROLES_RECORD)
    return {letter.upper(): names for letter, names in record.decorated} if record else {}


@cache
def loop_indices() -> tuple[str, ...]:
    """The names of a loop's variable over the axes (``i``, ``idx``, ``axis``: the parts
    record's ``loop_indices``) that index a parameter's array (``paddings[idx]``)."""
    record = notations().get(PARTS_RECORD)
    return record.loop_indices if record else ()


@cache
def layer_indices() -> tuple[str, ...]:
    """The letters of a layer's index over a stack's layers (the parts record's
    ``layer_indices``): a sum's index (``\\sum_{i=1}^{L}``), a step's layer
    (``RF_l = RF_{l-1} + …``)."""
    record = notations().get(PARTS_RECORD)
    return record.layer_indices if record else ()


@cache
def layer_counts() -> tuple[str, ...]:
    """The letters of the count of a stack's layers (the parts record's
    ``layer_counts``): a sum's top (``\\sum_{i=1}^{L}``)."""
    record = notations().get(PARTS_RECORD)
    return record.layer_counts if record else ()


@cache
def name_parts() -> dict[str, str]:
    """lower-case word -> its role, a part of a name of several parts (``filt``: the
    kernel; the parts record), the first role listing a word winning; then each
    language's label words of one word (``masukan``, ``wysokość``), as :func:`folded`
    writes them (``wysokosc``)."""
    record = notations().get(PARTS_RECORD)
    table: dict[str, str] = {}
    for role, words in record.parts if record else ():
        for word in words:
            table.setdefault(word.lower(), role)
    for _lang, roles in record.labels if record else ():
        for role, words in roles:
            for word in words:
                if " " not in word:
                    table.setdefault(folded(word.lower()), role)
    return table


@cache
def label_phrases() -> tuple[tuple[str, str], ...]:
    """(phrase, role) of each language's label words of several words (Vietnamese
    ``đầu vào``, the input), as :func:`folded` writes them (``dau vao``), longest first."""
    record = notations().get(PARTS_RECORD)
    found = {
        (folded(word.lower()), role)
        for _lang, roles in (record.labels if record else ())
        for role, words in roles
        for word in words
        if " " in word
    }
    return tuple(sorted(found, key=lambda pair: (-len(pair[0]), pair)))


# Latin letters written without their marks, as code names them (giriş: giris; entrée:
# entree); letters with a stroke or none to drop (Turkish's dotless i, Vietnamese đ,
# Polish ł) have no decomposition to drop it from
_UNMARKED = {"ı": "i", "ß": "ss", "đ": "d", "ł": "l", "ø": "o"}


def folded(words: str) -> str:
    """``words`` with each Latin letter's marks dropped (``giriş yüksekliği``: ``giris
    yuksekligi``; ``chiều cao đầu vào``: ``chieu cao dau vao``), other scripts as they
    are (Hangul is never split into its letters)."""
    import unicodedata

    out = []
    for char in words:
        if char in _UNMARKED:
            out.append(_UNMARKED[char])
        elif "\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff":
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if not unicodedata.combining(c)))
        else:
            out.append(char)
    return "".join(out)


@cache
def role_hints() -> dict[str, tuple[str, ...]]:
    """upper-case letter -> the quantities it may stand for by its role (inference)."""
    record = notations().get(ROLES_RECORD)
    return {letter.upper(): names for letter, names in record.roles} if record else {}


@cache
def meanings() -> tuple[Meaning, ...]:
    """The roles of the layer's quantities (the roles record's ``meanings``)."""
    record = notations().get(ROLES_RECORD)
    return record.meanings if record else ()


def _meaning_of_symbols(names) -> Meaning | None:
    """The role of the first of ``names`` that has one (M: an output size first, then
    the kernel it may also stand for)."""
    return next((m for name in names for m in meanings() if name in m.symbols), None)


def meaning_of_symbols(names) -> Meaning | None:
    """The one role all of ``names`` belong to (c_i, c_o: the channels), or None."""
    return next((m for m in meanings() if names and set(names) <= set(m.symbols)), None)


def meaning_of_letter(letter: str) -> Meaning | None:
    """The role of a letter no notation reads, from its role hint (F: the kernel);
    None when the registry gives it none (B)."""
    hinted = role_hints().get(letter.upper())
    return _meaning_of_symbols(hinted) if hinted else None


def misspelling_of(word: str) -> tuple[str, tuple[str, ...]] | None:
    """The word ``word`` may be a misspelling of where a size is written, and the book's
    symbols of that word (``weight``: ``width``, w, k_w; the roles record's
    ``misspelt``), or None."""
    record = notations().get(ROLES_RECORD)
    found = dict(record.misspelt if record else ()).get(word.lower())
    return (found[0], tuple(found[1:])) if found else None


def names_nothing(word: str) -> bool:
    """Whether ``word`` is one of a role's ``not_names`` (``about``): a word of prose,
    no quantity's name, so no role or spelling is suggested for it."""
    return any(word.lower() in m.not_names for m in meanings())


def meaning_of_word(word: str) -> Meaning | None:
    """The role a word names by one of its roots (``kernal_size``: the kernel), the
    first in the registry's order; None when no root is in it, or the word is one of
    the role's ``not_names`` (``about``: no output size)."""
    lowered = word.lower()
    return next(
        (
            m
            for m in meanings()
            if lowered not in m.not_names and any(root in lowered for root in m.roots)
        ),
        None,
    )


@cache
def layouts() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """object (input, output, kernel) -> ((layout name, the book's symbols of its axes
    in order), ...): how a tensor's shape indexes its sizes (NCHW, HWC, OIHW ...)."""
    table: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for record in notations().values():
        for obj, pairs in record.layouts:
            table[obj] = table.get(obj, ()) + tuple(pairs)
    return table


@cache
def constructors() -> dict[str, tuple[int | None, int | None, str | None]]:
    """callable -> (the first positional argument that gives the shape of the array it
    makes, the one after the last, None for all the rest; the first None where only its
    keyword does; that keyword, None where it has none): ``np.random.uniform`` -> (2, 3,
    "size"), ``torch.zeros`` -> (0, None, "size"); a name starting with a dot is a
    method of any object."""
    return {name: entry for record in notations().values() for name, entry in record.constructors}


@cache
def holders() -> frozenset[str]:
    """The callables whose first argument is the tensor they hold (``nn.Parameter``)."""
    return frozenset(name for record in notations().values() for name in record.holders)


def find_callable(name: str, table) -> str | None:
    """The entry of ``table`` (callables' dotted names, :func:`constructors` or
    :func:`holders`) that ``name`` (a call's dotted name as written, spaces removed) calls:
    the longest of ``name``'s dotted tails found there (``ndl.init.rand``: ``init.rand``),
    a library's full name read as its short one (``numpy.zeros`` as ``np.zeros``:
    :func:`library_aliases`), else a method of any object by the last name
    (``.add_weight``); None where none is."""
    parts = name.split(".")
    aliases = library_aliases()
    for start in range(len(parts)):
        tail = ".".join(parts[start:])
        library, dot, rest = tail.partition(".")
        short = f"{aliases[library]}.{rest}" if dot and library in aliases else tail
        for written in (tail, short):
            if written in table and not written.startswith("."):
                return written
    method = "." + parts[-1]
    return method if len(parts) > 1 and method in table else None


def other_parameter(name: str) -> str | None:
    """The parameter of another layer than the convolution that ``name`` (a name a count
    is assigned to: ``gamma``, ``self.running_mean``, ``bn1_beta``, ``gamma2``) names, by
    the records' ``other_parameters`` (a batch norm's), or None: the name, less an object
    before it and a number after it, is one of them or ends in ``_`` and one."""
    names = {n.lower() for record in notations().values() for n in record.other_parameters}
    if not names:
        return None
    last = re.sub(r"[0-9_]+$", "", name.strip().split(".")[-1].lower())
    for other in names:
        if last == other or last.endswith("_" + other):
            return other
    return None


@cache
def kernel_layouts() -> dict[str, tuple[str, ...]]:
    """an input's layout (NCHW, HWC, ...) -> the kernel's layouts a framework holds
    beside it (NCHW: OIHW, PyTorch's)."""
    return {
        layout: kernels for record in notations().values() for layout, kernels in record.kernels
    }


@cache
def library_aliases() -> dict[str, str]:
    """A library's full name -> the short name the constructors are listed under
    (``numpy`` -> ``np``: ``numpy.zeros`` is read as ``np.zeros``)."""
    return {full: short for record in notations().values() for full, short in record.aliases}


@cache
def same_shape() -> frozenset[str]:
    """The methods that keep an array's shape (``uniform_``, ``to``, ``astype``)."""
    return frozenset(name for record in notations().values() for name in record.same_shape)
