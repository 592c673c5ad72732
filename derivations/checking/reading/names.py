"""Names of several parts read by the roles of their parts (``h_filt``, ``filt_h``,
``FilterHeight``, ``n_filt``, ``x_h``, ``O_C``, ``n_c^{[l]}``): a name no spelling of the
book or of another notation reads as a whole.

The name is split into parts (at ``_``, at a change of case, ``outputSize``; a layer
superscript ``^{[l]}``/``^{[l-1]}`` is a part of its own: the layer's output or its
input), each part looked up in the registry's lexicon of parts
(:func:`derivations.registry.notations.name_parts`: ``filt`` the kernel, ``h`` the
height axis, ``n`` a count, ``x`` the input ...), and the set of roles combined, in any
order, into the quantity they name (kernel + height: k_h; count + kernel: c_o; input +
channel: c_i; output + width: m_w; padding: p; the filter's padding or stride,
``filter_pad``: the padding, the stride; padded + height, ``h_padded``: the padded
input's height, h + p_h).  Where the roles do not name one
quantity (channels alone: c_i or c_o; an axis beside one part of no role, ``h_lift``),
the name is a placeholder whose candidates are the quantities they allow, left to the
checker's inference by role (which accepts only a unique matching reading).

Nothing is guessed from spelling: a name with a part of no role reads directly as
nothing, and a name with two parts of no role, or of clashing roles (two axes, two
objects), is no name this module reads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

from derivations import records
from derivations.checking.reading.informal import lazy_pattern
from derivations.registry.notations import (
    PARTS_RECORD,
    decorated_hints,
    layouts,
    meanings,
    name_parts,
)

COMPOSED_SOURCE = PARTS_RECORD  # the source a reading by parts is noted with
MISSPELT_SOURCE = "misspelt"  # ... and one with a misspelt part (:func:`misspelt`)

__all__ = [
    "Composed",
    "compose",
    "layer_suffix",
    "LAYER",
    "DECORATED",
    "own_decorated",
    "hints_of",
    "phrase",
    "layer_own",
    "segmented",
    "COMPOSED_SOURCE",
    "MISSPELT_SOURCE",
    "INDEXED",
    "shape_of",
    "shape_hints",
    "one_layout",
    "named_layouts",
    "kernel_layout_names",
    "kernel_layouts_named",
    "KERNEL_AXIS_WORDS",
    "one_word_hint",
    "split_parts",
    "role_of",
    "run_parts",
    "parameter_word",
    "axes_pair",
    "corrected",
    "misspelt",
    "padded_or_padding",
]

# a layer superscript after a name (Andrew Ng's n_H^{[l]}, n_c^{[l-1]}; ^{(l)} too):
# the layer's own quantities, or (l-1) its input's
LAYER = re.compile(r"\^\s*\{?\s*[\[(]\s*[lL]\s*(?P<prev>-\s*1)?\s*[\])]\s*\}?")
_SUFFIX = lazy_pattern(r"\^\[l(-1)?\]$")
_CAMEL = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[^\x00-\x7f]+")
# an author's own name, read as a placeholder to infer by its letter's role: a letter
# and a digit (H0, w_1), an axis letter (FH, F_w) or a word below it (K_width, N_in,
# k_size); not x (x2: a times sign and 2)
DECORATED = lazy_pattern(
    r"([A-WYZa-wyz])(?:_?([0-9]{1,2}|[HWhw])|_(in|out|input|output|height|width|size))",
    re.IGNORECASE,
)

MIN_UNKNOWN = 3  # letters of the one part of no role a name may have (h_lift)
_PARAMETERS = frozenset({"kernel", "padding", "stride", "dilation"})
_OBJECTS = ("kernel", "input", "output", "padding", "stride", "dilation")


@records.record(frozen=True)
class Composed:
    """What a name's parts read as: ``read`` one formula in the book's spellings (a
    symbol, or ``"1"`` for the dilation), else ``hints`` the quantities inference may
    read it as."""

    read: str | None = None
    hints: tuple[str, ...] = ()


def layer_suffix(match: re.Match) -> str:
    """The canonical suffix of a layer superscript (``^[l]`` or ``^[l-1]``)."""
    return "^[l-1]" if match.group("prev") else "^[l]"


def _split(word: str) -> list[str]:
    """The parts of a name: at ``_``, then at each change of case (``outputSize``,
    ``FilterH``); a run of capitals stays one part (``OH``)."""
    parts: list[str] = []
    for chunk in word.split("_"):
        if chunk:
            parts += _CAMEL().findall(chunk) if not chunk.isupper() else [chunk]
    return parts


def split_parts(word: str) -> list[str]:
    """The parts of a name (:func:`_split`): ``inputSize``: input, Size."""
    return _split(word)


def _roles(parts: list[str]) -> tuple[list[str], int] | None:
    """(the roles of the parts, how many parts have none); None for a part that is a
    number or a prime (an author's own index: not this module's), or a part of no role
    shorter than :data:`MIN_UNKNOWN`."""
    roles, unknown = [], 0
    for part in parts:
        if not part.isalpha() and not all(ord(c) > 127 for c in part):
            return None
        role = role_of(part, rooted=len(parts) > 1)
        if role is None and len(part) < MIN_UNKNOWN:
            return None  # c_q: an index, or a misspelling; never a part to infer
        if role is None:
            unknown += 1
        elif role != "filler":
            roles.append(role)
    if set(roles) & _TOTALS and "padding" not in roles:  # total_ops: total names nothing
        unknown += sum(role in _TOTALS for role in roles)
        roles = [role for role in roles if role not in _TOTALS]
    return roles, unknown


# the roles saying a padding counted on both sides together (total padding, 总填充,
# 上下填充之和): the book's own padding (p, p_h), read only beside a padding
_TOTALS = frozenset({"total", "both_h", "both_w"})


# a parameter's root (the roles record's meanings) a word of no role starts with, a
# misspelling or a shortening of the parameter's name (kernerl, kernal, Strid, padd)
_ROOTED = ("kernel", "padding", "stride")
MIN_ROOTED = 4  # letters of such a word
# letters of a word alone read as the one it misspells by an edit (sride; not stop, fill,
# with: English words one edit from step, filt, width)
MIN_ALONE_EDITED = 5


@lru_cache(maxsize=4096)
def role_of(part: str, rooted: bool = True) -> str | None:
    """The role of one part of a name: the lexicon's (:func:`.notations.name_parts`), else
    (``rooted``: a part beside others, ``kernerl_size``) the role of a parameter whose
    root it starts with (``kernerl``: the kernel; ``Strid``: the stride), a word of
    :data:`MIN_ROOTED` letters or more, or of the one lexicon word it misspells
    (:func:`corrected`: ``heigth``, ``sride``).  Alone (not ``rooted``) only the
    lexicon's: a misspelt word alone is read by :func:`_alone`, said so."""
    lowered = part.lower()
    role = name_parts().get(lowered)
    if role is not None or not rooted or len(part) < MIN_ROOTED or not lowered.isascii():
        return role
    for meaning in meanings():
        if meaning.id in _ROOTED and any(
            lowered.startswith(root) for root in meaning.roots if root.isascii()
        ):
            return meaning.id
    meant = corrected(lowered)
    return name_parts()[meant] if meant else None


# roles whose words a misspelling may be read as (not the fillers, the sides, a count)
_CORRECTED_ROLES = frozenset(
    {"height", "width", "kernel", "input", "output", "padding", "stride", "channel", "size"}
    | {"dilation", "map", "dim"}
)


def _one_edit(word: str, other: str) -> bool:
    """Whether ``other`` is ``word`` with one letter left out, added, replaced, or two
    neighbours swapped (optimal string alignment distance 1)."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other)) if a != b]
        if len(diff) == 1:
            return True
        first, second = diff[0], diff[-1]
        return (
            len(diff) == 2
            and second == first + 1
            and word[first] == other[second]
            and word[second] == other[first]
        )
    short, long = sorted((word, other), key=len)
    index = next((i for i, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    return short[index:] == long[index + 1 :]


@lru_cache(maxsize=1)
def _correctable() -> tuple[tuple[str, str], ...]:
    """(word, role) of the lexicon's ASCII words of :data:`MIN_ROOTED` letters or more
    whose role a misspelling may be read as."""
    return tuple(
        (word, role)
        for word, role in name_parts().items()
        if len(word) >= MIN_ROOTED and word.isascii() and role in _CORRECTED_ROLES
    )


@lru_cache(maxsize=4096)
def corrected(word: str) -> str | None:
    """The lexicon word (:func:`.notations.name_parts`) that ``word``, itself none, of
    :data:`MIN_ROOTED` letters or more, misspells by one edit (:func:`_one_edit`:
    ``sride``, ``heigth``, ``chanels``), its first letter kept; None when there is none,
    or when the words it is one edit from have two roles (never a guess between
    them)."""
    lowered = word.lower()
    if len(lowered) < MIN_ROOTED or not lowered.isascii() or lowered in name_parts():
        return None
    found = [
        (other, role)
        for other, role in _correctable()
        if other[0] == lowered[0] and _one_edit(lowered, other)
    ]
    if len({role for _, role in found}) != 1:
        return None
    return min((-len(other), other) for other, _ in found)[1]  # the longest: kernel


@lru_cache(maxsize=1024)
def misspelt(word: str) -> str | None:
    """``word`` (a name) with each part of it that is no lexicon word but misspells
    one (a parameter's root cut short, ``padd``; one edit, ``sride``) written as
    that word (``padding``, ``stride``; ``kernal_size``: ``kernel_size``); None when no
    part is misspelt."""
    parts = _split(word)
    out, changed = [], False
    for part in parts:
        lowered = part.lower()
        if lowered in name_parts() or not lowered.isalpha() or len(part) < MIN_ROOTED:
            out.append(part)
            continue
        meant = _rooted_word(lowered) or corrected(lowered)
        if meant is None:  # a run with a misspelt word in it (flitersize: filter, size)
            pieces = _segments(part) or []
            fixed = [p if p.lower() in name_parts() else corrected(p.lower()) for p in pieces]
            if fixed and all(fixed) and fixed != pieces:
                meant = "_".join(cast(list[str], fixed))
        changed = changed or meant is not None
        out.append(meant or part)
    return "_".join(out) if changed else None


def _rooted_word(lowered: str) -> str | None:
    """The parameter's name a word starting with its root names (``kernerl``: kernel)."""
    for meaning in meanings():
        if meaning.id in _ROOTED and any(
            lowered.startswith(root) for root in meaning.roots if root.isascii()
        ):
            return meaning.id
    return None


# letters that may lead a run before a word of four letters or more (Torch7's
# iheight, owidth; nfilters; fsize as C code names it): the input, the output, a
# count, the kernel (k, f)
_LEADS = frozenset({"i", "o", "n", "k", "f"})
# words of two letters that may lead such a run (insize, as C code names the input's
# size beside outsize and fsize)
_LEAD_WORDS = frozenset({"in"})
_LONGEST_RUN = 24  # letters of a run split into parts at most


def _segments(part: str) -> list[str] | None:
    """A run of letters of one case (``PADTOP``, ``STRIDEY``, ``kernelsize``) as parts of
    the lexicon, longest first (backtracking: ``kernelsize`` is kernel, size, not
    kernels and a rest), each of three letters or more but a last axis letter (``y``)
    and a first letter of :data:`_LEADS` or a word of :data:`_LEAD_WORDS` before four
    letters or more (``iheight``, ``insize``) or before an axis's word (``ncol``:
    :func:`_axis_word`); where no split into lexicon words covers
    it, a piece of five letters or more may be a lexicon word misspelt by one edit
    (:func:`corrected`: ``flitersize``); None when no split covers it, or the run is one
    part."""
    table = name_parts()
    lowered = part.lower()

    def split(index: int, edited: bool) -> list[str] | None:
        if index == len(lowered):
            return []
        for stop in range(len(lowered), index, -1):
            piece = lowered[index:stop]
            last_axis = stop == len(lowered) and piece in ("h", "w", "x", "y")
            # a first letter of an object or a count before a word (iheight, owidth)
            lead = (
                index == 0
                and (piece in _LEADS or piece in _LEAD_WORDS)
                and (len(lowered) - stop >= MIN_ROOTED or _axis_word(lowered[stop:]))
            )
            known = piece in table or (
                edited and stop - index >= MIN_ALONE_EDITED and corrected(piece) is not None
            )
            if known and (stop - index >= MIN_UNKNOWN or last_axis or lead):
                rest = split(stop, edited)
                if rest is not None:
                    return [part[index:stop], *rest]
        return None

    pieces = None
    if len(lowered) <= _LONGEST_RUN:  # the lexicon's words first, then one misspelt
        pieces = split(0, False)
        pieces = pieces if pieces is not None and len(pieces) > 1 else split(0, True)
    return pieces if pieces is not None and len(pieces) > 1 else None


def _axis_word(rest: str) -> bool:
    """Whether ``rest`` is one word of an axis of three letters or more (``row``,
    ``cols``): a first letter may lead it (``nrow``, ``ncol``, as R's ``nrow(x)`` and
    ``ncol(x)`` count a matrix's rows and columns; s12adv: ``ncol = …`` answering
    output-height was read as no name and accepted)."""
    return len(rest) >= MIN_UNKNOWN and name_parts().get(rest) in ("height", "width")


def run_parts(run: str) -> list[str]:
    """The lexicon's parts a run of letters joins, as :func:`compose` splits it
    (:func:`_segments`: ``eingabehohe``: eingabe, hohe); [] where none covers it."""
    return _segments(run) or []


def _expanded(parts: list[str]) -> list[str]:
    """``parts`` with each one the lexicon does not hold that is a run of lexicon parts
    split into them (:func:`_segments`), before any is read by its root (``PADTOP``: pad,
    top; not a misspelt pad)."""
    out: list[str] = []
    for part in parts:
        pieces = None if name_parts().get(part.lower()) else _segments(part)
        out += pieces or [part]
    return out


def _axis(roles: set) -> str | None:
    if "side_h" in roles:
        return None if "width" in roles else "h"
    if "side_w" in roles:
        return None if "height" in roles else "w"
    return "h" if "height" in roles else "w" if "width" in roles else None


_AXIS_QUANTITIES = {
    "h": ("h", "m_h", "k_h", "p_h", "s_h"),
    "w": ("w", "m_w", "k_w", "p_w", "s_w"),
}


# an axis's letter and p (H_p, W_p): the padded size along it (H_p = H + 2*pad, as code
# names the input np.pad padded) or its padding (p_h): two readings, never a guess
_PADDED_OR_PADDING = lazy_pattern(r"(?P<axis>[HhWw])_p")


def padded_or_padding(word: str) -> tuple[str, str] | None:
    """(the padded size, the padding) a name may each be (``W_p``: (w + p_w), p_w), or
    None for a name of one reading (:data:`_PADDED_OR_PADDING`)."""
    match = _PADDED_OR_PADDING().fullmatch(word)
    if match is None:
        return None
    axis = match.group("axis").lower()
    padded = compose(f"{axis}_padded")  # the parts record's padded size (h + p_h)
    if padded is None or padded.read is None:
        return None
    return padded.read, f"p_{axis}"


def _combine(roles: set, layer: str | None) -> Composed | None:
    """The quantity a set of roles names (see the module's docstring)."""
    if {"height", "width"} <= roles:
        return None
    if "padded" in roles:  # the input after its padding, along an axis: h + p_h
        axis = _axis(roles)
        plain = roles <= {"padded", "input", "height", "width", "size", "dim"}
        return Composed(read=f"({axis} + p_{axis})") if axis and plain else None
    totals = roles & _TOTALS
    if totals:  # a padding in total, along an axis or both sides of one: p, p_h
        said = {"both_h": "h", "both_w": "w", "height": "h", "width": "w"}
        axes = {said[role] for role in roles if role in said}
        if roles - totals - {"height", "width"} != {"padding"} or len(axes) > 1:
            return None
        return Composed(read=f"p_{axes.pop()}" if axes else "p")
    sides = roles & {"side", "side_h", "side_w"}
    if sides:  # a side's padding (top, left, beginning): half the total of its axis
        axis = _axis(roles)
        rest = roles - sides - {"height", "width"}
        if rest != {"padding"} or len(sides) > 1 or (sides != {"side"} and axis is None):
            return None
        return Composed(read=f"p_{axis}/2" if axis else "p/2")
    if "group" in roles:  # group_count, n_groups: a grouped layer's, the book's 1
        return Composed(read="1") if roles <= {"group", "count", "size"} else None
    objects = roles & set(_OBJECTS)
    if objects == {"dilation", "kernel"}:  # a dilated kernel's extent: k at dilation 1
        objects = {"kernel"}
        roles = roles - {"dilation"}
    if "dilation" in objects:
        return Composed(read="1") if len(objects) == 1 else None
    if len(objects) == 2 and "kernel" in objects and objects & {"padding", "stride"}:
        # the filter's padding or stride (filter_pad, conv_stride as code names the
        # layer's: a kernel has no padding of its own): the parameter
        objects = objects - {"kernel"}
        roles = roles - {"kernel"}
    if len(objects) > 1:
        return None
    if not objects and layer:  # n_c^{[l]}: the layer's output's
        objects = {"output" if layer == "out" else "input"}
    obj = next(iter(objects), None)
    axis = _axis(roles)
    rest = roles - objects - {"height", "width"}
    if "map" in rest:  # a feature map: its sizes, or counted, its channels
        rest = rest - {"map", "channel"} | ({"channel"} if "count" in rest else set())
    if "dim" in rest:  # a dimension: the input's (or output's) size or channels, or a size
        rest = rest - {"dim"} | ({"count"} if obj in ("input", "output") else {"size"})
    if "channel" in rest and "size" in rest:  # feature_map_size: no channel count
        return None
    if obj in ("padding", "stride"):
        if rest & {"count", "channel"}:
            return None
        letter = obj[0]
        return Composed(read=f"{letter}_{axis}" if axis else letter)
    if obj == "kernel":
        if "channel" in rest:
            return None if axis else Composed(hints=("c_i", "c_o"))
        if "count" in rest and axis:  # num_mask_cols: the kernel's columns counted
            return None if "size" in rest else Composed(read=f"k_{axis}")
        if "count" in rest:
            return None if "size" in rest else Composed(read="c_o")
        return Composed(read=f"k_{axis}" if axis else "k")
    if obj in ("input", "output"):
        size = {"input": "", "output": "m_"}[obj]
        channels = {"input": "c_i", "output": "c_o"}[obj]
        if "channel" in rest:
            return None if axis else Composed(read=channels)
        if axis:
            return Composed(read=f"{size}{axis}")
        if "count" in rest:  # n_in: a size or the channels
            return Composed(hints=(f"{size}h", f"{size}w", channels))
        return Composed(read=f"{size}h")  # a square layer's one size (input_size)
    if "channel" in rest:
        return None if axis else Composed(hints=("c_i", "c_o"))
    if axis and rest & {"count", "size"}:  # num_rows: the input's, the output's or the kernel's
        return Composed(hints=(axis, f"m_{axis}", f"k_{axis}"))
    return None


def _coordinates(parts: list[str], roles: list[str]) -> list[str]:
    """The roles of a parameter's name with x or y (``s_x``, ``k_y``: the stride along
    x, the kernel along y): x the width's axis, y the height's, not the input and the
    output they are beside a size (``x_h``)."""
    axes = {"x": "width", "y": "height"}
    out = [role for part, role in zip(_known(parts), roles) if part.lower() not in axes]
    return out + [axes[part.lower()] for part in parts if part.lower() in axes]


def _known(parts: list[str]) -> list[str]:
    """The parts that have a role (not a filler), in order: the parts :func:`_roles`
    gives a role each."""
    return [part for part in parts if role_of(part) not in (None, "filler")]


# one word of three letters or more naming a role of several quantities: a hint of
# them (the channels: either count; a size: a square layer's one size, the input's,
# the output's or the kernel's, each read as its height's as input_size is)
_ALONE_HINTS = {"channel": ("c_i", "c_o"), "size": ("h", "m_h", "k")}


def _alone(word: str) -> Composed | None:
    """A word of one part (``filt``, ``kern``, ``step``): read only when it names a
    parameter of the layer (the kernel, padding, stride, dilation), of three letters or
    more and, for the kernel, not a plural (``kernels``: as often the number of them);
    so is such a parameter's name misspelt or cut short (``padd``, ``sride``: the lexer
    says so, :func:`misspelt`).  A word of an axis of four letters or more (``altezza``,
    ``yukseklik``, ``heigth``) is the input's size along it, as ``height`` reads.
    A word of the channels' or a size's role (``Channels``, ``depth``, ``size``) names
    no one quantity: a hint of its role's (:data:`_ALONE_HINTS`), left to inference."""
    role = role_of(word, rooted=False)
    if len(word) < 3:
        return None
    if role in _ALONE_HINTS:
        return Composed(hints=_ALONE_HINTS[role])
    if role in ("height", "width") and len(word) >= MIN_ROOTED:  # altezza, as height
        return Composed(read=role[0])
    if role is None and word.isalpha():  # padd, sride: a parameter's name misspelt
        lowered = word.lower()
        meant = _rooted_word(lowered) if len(word) >= MIN_ROOTED else None
        if meant is None and len(word) >= MIN_ALONE_EDITED:
            meant = corrected(lowered)
        role = name_parts().get(meant) if meant else None
        if role in ("height", "width"):  # heigth: as height reads, the input's
            return Composed(read=role[0])
    if role not in _PARAMETERS:
        return None
    if role == "kernel" and word.lower().endswith("s"):
        return None
    return _combine({role}, None)


def parameter_word(word: str) -> Composed | None:
    """A word of another script that alone names a parameter of the layer (``パディング``,
    ``스트라이드``, ``核``: the padding, the stride, the kernel), whatever its length;
    None for any other."""
    role = name_parts().get(word.lower())
    return _combine({role}, None) if role in _PARAMETERS else None


def one_word_hint(word: str) -> bool:
    """Whether ``word`` is one word of a role of several quantities (``Channels``,
    ``size``): :func:`_alone`'s hint, not a reading."""
    return (
        "_" not in word
        and len(_split(word)) == 1
        and _alone(word) is not None
        and role_of(word, rooted=False) in _ALONE_HINTS
    )


def _letters(word: str) -> Composed | None:
    """A name of two letters, each a part (``ih``, ``oc``: the input's height, the
    output's channels): only a direct reading."""
    found = _roles(list(word))
    if found is None or found[1]:
        return None
    combined = _combine(set(found[0]), None)
    return combined if combined is not None and combined.read is not None else None


def _layered(word: str) -> tuple[str, str | None]:
    match = _SUFFIX().search(word)
    if match is None:
        return word, None
    return word[: match.start()], "in" if match.group(1) else "out"


@lru_cache(maxsize=1024)
def compose(word: str) -> Composed | None:
    """What ``word`` (a name, with a canonical layer suffix ``^[l]``/``^[l-1]`` when
    one was written) reads as by its parts; None when it is not a name of parts of
    roles (one part and no layer, a number among its parts, clashing roles).  With one
    part of no role, the reading is only a hint: the quantities of the known parts
    (an axis alone: every quantity of that axis; an object named by an axis's letter
    and the other axis in a word, ``W_height``: a quantity of the word's axis)."""
    base, layer = _layered(word)
    parts = _expanded(_split(base))
    if len(parts) == 1 and layer is None and len(base) == 2 and base.isalpha():
        return _letters(base)
    if len(parts) == 1 and layer is None:
        return _alone(parts[0])
    if not parts:
        return None
    found = _roles(parts)
    if found is None:
        return None
    roles, unknown = found
    if _named_by_the_other_axis(parts, roles) and layer is None:
        # W_height: an image or a matrix named W, its height: a quantity of that axis
        return Composed(hints=_AXIS_QUANTITIES["h" if role_of(parts[1]) == "height" else "w"])
    if _PARAMETERS & set(roles) and {"x", "y"} & {part.lower() for part in parts}:
        roles = _coordinates(parts, roles)
    if unknown > 1 or not roles or (unknown and len(parts) < 2):
        return None
    combined = _combine(set(roles), layer)
    if unknown == 0:
        return combined
    if "padded" in roles:  # a sum, no quantity to infer among
        return None
    if combined is not None:
        named = (combined.read,) if combined.read and combined.read != "1" else combined.hints
        return Composed(hints=named) if named else None
    axis = _axis(set(roles))
    if axis and set(roles) <= {"height", "width", "size"}:  # h_lift: of that axis
        return Composed(hints=_AXIS_QUANTITIES[axis])
    return None


def layer_own(word: str) -> bool:
    """Whether ``word`` names, in an answer that marks the previous layer's quantities
    (``n_C_prev``), the layer's own (output) quantity: a name of two parts or more with
    no input or output part whose reading by its parts changes with the layer
    (``n_H``: the output's height; not ``k_h``, ``c_in``, nor one letter)."""
    parts = _split(word)
    if len(parts) < 2 or "^" in word:
        return False
    found = _roles(parts)
    if found is None or found[1] or {"input", "output"} & set(found[0]):
        return False
    own = compose(word + "^[l]")
    return own is not None and own.read is not None and own != compose(word)


def phrase(words: list[str], shortest: int = 2) -> Composed | None:
    """What a name written as words (``No. of Kernels``, ``output rows``; Chinese
    parts, ``卷积核高``) reads as: only a direct reading, and only when every word is a
    part of a role of ``shortest`` letters or more (``k h`` is a product, never a
    name)."""
    table = name_parts()
    if len(words) < 2 or any(len(w) < shortest or w.lower() not in table for w in words):
        return None
    composed = compose("_".join(words))
    return composed if composed is not None and composed.read is not None else None


def segmented(run: str) -> list[str] | None:
    """A run of Chinese characters as parts of the lexicon, longest first (``卷积核高``:
    卷积核, 高); None when some part of it is none."""
    table = name_parts()
    longest = max((len(word) for word in table), default=1)
    parts, index = [], 0
    while index < len(run):
        for stop in range(min(len(run), index + longest), index, -1):
            if run[index:stop] in table:
                parts.append(run[index:stop])
                index = stop
                break
        else:
            return None
    return parts


def _named_by_the_other_axis(parts: list[str], roles: list[str]) -> bool:
    """Whether ``parts`` are one letter of an axis and a word of the other (``W_height``,
    ``H_width``): the letter names an object (an image, a matrix), never its axis."""
    return (
        len(parts) == 2
        and len(parts[0]) == 1
        and len(parts[1]) > 1
        and set(roles) == {"height", "width"}
    )


def own_decorated(word: str) -> bool:
    """Whether ``word`` is an author's own name read by its letter's decorated role (a
    letter and a digit, ``H0``; or a letter the registry hints with an axis or a word,
    ``FH``, ``K_width``): those keep that reading; others (``O_H``, and an axis's letter
    with the other axis's word, ``W_height``) are read by their parts."""
    match = DECORATED().fullmatch(word)
    if match is None:
        return False
    base, suffix, said = match.groups()
    if (
        said
        and (found := _roles([base, said]))
        and _named_by_the_other_axis([base, said], found[0])
    ):
        return False  # W_height: read by its parts, W an object's name
    return bool(suffix and suffix.isdigit()) or base.upper() in decorated_hints()


# a name with an index written after it (i_shape[2]), as a placeholder's name
INDEXED = lazy_pattern(r"(?P<name>[A-Za-z_][A-Za-z_0-9]*)\[(?P<index>-?[0-9])\]")


# the weights' names before a shape's part: a shape is a tensor's, and of the layer's
# tensors (x, w, y as code names them) w is the weights, never the width
_WEIGHTS = frozenset({"w", "weight", "weights", "wt"})


# a tensor's name numbered by its author (``X1``, ``W2``, ``x0``: the first input
# channel, the second kernel), before its shape's part
_NUMBERED = lazy_pattern(r"^(?P<name>[A-Za-z]+)_?[0-9]+(?=_)")


def shape_of(word: str) -> str | None:
    """The tensor a name of a shape names by its parts (``i_shape``, ``out_shape``,
    ``kernel_dims``: input, output, kernel; ``w_shape``: the weights', the kernel;
    ``fmap_in_shape``: a feature map's, the input's; ``X1_shape``, ``W2_shape``: a
    tensor numbered by its author, its letter's), or None: a part of the dim role and
    one object (a feature map's part beside it), nothing else (``input_size`` is a size,
    not a shape)."""
    if word[:1].isalpha() and any(c.isdigit() for c in word):
        word = _NUMBERED().sub(lambda match: match.group("name"), word)
    parts = _split(word)
    if len(parts) == 2 and parts[0].lower() in _WEIGHTS and role_of(parts[1]) == "dim":
        return "kernel"  # w_shape, weight_shape: the weights' (x, w, y in code)
    found = _roles(parts) if len(parts) > 1 else None
    if found is None or found[1]:
        return None
    # a feature map is the tensor its other part names (fmap_in: the input's)
    roles = [role for role in found[0] if role not in ("dim", "map")] or ["map"]
    if "dim" not in found[0] or len(roles) != 1 or roles[0] not in layouts():
        return None
    return roles[0]


def shape_hints(word: str, index: int) -> tuple[str, ...] | None:
    """The quantities ``word[index]`` may be (a shape indexed: ``i_shape[2]``; counted
    from the end, ``x_shape[-2]``, as Python does): the size
    at ``index`` in each layout of its tensor (:func:`.notations.layouts`: NCHW, CHW,
    NHWC, HWC; OIHW, HWIO), in order, once each; None when ``word`` names no shape or no
    layout has that index."""
    obj = shape_of(word)
    if obj is None:
        return None
    found = [axes[index] for _, axes in layouts()[obj] if -len(axes) <= index < len(axes)]
    return tuple(dict.fromkeys(found)) or None


# the layouts a name of a data format orders an input's and an output's sizes in: the
# layouts record's own (NCHW, NHWC, …), and Keras' data_format ('channels_last
# corresponds to inputs with shape (batch_size, height, width, channels) while
# channels_first corresponds to inputs with shape (batch_size, channels, height, width)',
# https://keras.io/api/layers/convolution_layers/convolution2d/), batched or not
FORMATS = {
    "channels_first": frozenset({"NCHW", "CHW"}),
    "channels_last": frozenset({"NHWC", "HWC"}),
}


def named_layouts(name: str) -> frozenset[str]:
    """The layouts a data format's name (``NHWC``, ``channels_first``) or a kernel's
    layout (``HWIO``) names: the input's and the output's (:data:`FORMATS`, or the layouts
    record's own name; for a kernel's layout named alone, those a framework holds it
    beside, :func:`.notations.kernel_layouts`) and the kernel's (the one named, or those
    held beside the input's); several names joined by ", " (``NHWC, HWIO``; ``NCHW,
    HWIO``, TensorFlow's filters beside its NCHW data), the layouts all the formats allow
    and the kernel's named.  Empty where a name is none of these, two kernel layouts are
    named, or the formats allow no layout together."""
    from derivations.registry.notations import kernel_layouts, layouts

    inputs_all = {layout for layout, _ in layouts()["input"]}
    kernels_all = {layout for layout, _ in layouts()["kernel"]}
    names = name.split(", ")
    formats = [one for one in names if one not in kernels_all]
    kernels = {one for one in names if one in kernels_all}
    if len(kernels) > 1:
        return frozenset()
    inputs = None
    for one in formats:
        these = set(FORMATS.get(one, frozenset({one}) & inputs_all))
        inputs = these if inputs is None else inputs & these
    if inputs is None:  # a kernel's layout alone: the inputs a framework holds it beside
        inputs = {i for i, beside in kernel_layouts().items() if kernels & set(beside)}
    if not kernels:
        kernels = {k for layout in inputs for k in kernel_layouts().get(layout, ())}
    if not inputs or not kernels:
        return frozenset()
    return frozenset(inputs | kernels)


def kernel_layout_names() -> frozenset[str]:
    """The names of the kernel's layouts the layouts record holds (OIHW, HWIO, OHWI)."""
    from derivations.registry.notations import layouts

    return frozenset(layout for layout, _ in layouts()["kernel"])


# the words a kernel's shape is written with, each the axis letter of a kernel layout's
# name: PyTorch's Conv2d weight (out_channels, in_channels/groups, kernel_size[0],
# kernel_size[1]) and torch.nn.functional.conv2d's (out_channels, in_channels/groups,
# kH, kW) (https://docs.pytorch.org/docs/stable/generated/torch.nn.Conv2d.html,
# .../torch.nn.functional.conv2d.html), tf.nn.conv2d's [filter_height, filter_width,
# in_channels, out_channels] (https://www.tensorflow.org/api_docs/python/tf/nn/conv2d),
# Keras' kernel_size + (input_channels, filters)
KERNEL_AXIS_WORDS: dict[str, tuple[str, ...]] = {
    "O": ("out_channels", "out_channels/groups", "output_channels", "filters", "c_out", "C_out"),
    "I": ("in_channels", "in_channels/groups", "input_channels", "c_in", "C_in"),
    "H": ("kH", "kh", "kernel_size[0]", "filter_height", "kernel_height", "kernel_h"),
    "W": ("kW", "kw", "kernel_size[1]", "filter_width", "kernel_width", "kernel_w"),
}
# a kernel layout's name: its four axes' letters (OIHW, IOHW, IHWO), and a shape spelled
# in words (``(in_channels, out_channels, kH, kW)``)
_KERNEL_LETTERS = lazy_pattern(r"(?<![A-Za-z])[OIHW]{4}(?![A-Za-z])")
_WORDS_SHAPE = lazy_pattern(r"[(\[]([^()\[\]]*(?:\[[01]\][^()\[\]]*)*)[)\]]")


def kernel_layouts_named(raw: str) -> set[str]:
    """The kernel layouts ``raw`` names, held by the layouts record or not: each run of
    the four letters O, I, H, W once each (``OIHW``, ``IOHW``, ``OIHW -> HWIO``: two), and
    each shape of four words of :data:`KERNEL_AXIS_WORDS` (``(in_channels,
    out_channels, kH, kW)``: IOHW), by their letters."""
    named = {m.group() for m in _KERNEL_LETTERS().finditer(raw) if len(set(m.group())) == 4}
    letter = {word: axis for axis, words in KERNEL_AXIS_WORDS.items() for word in words}
    for match in _WORDS_SHAPE().finditer(raw):
        items = [item.strip() for item in match.group(1).split(",")]
        letters = "".join(letter.get(item, "") for item in items)
        if len(items) == 4 and len(set(letters)) == 4:
            named.add(letters)
    return named


def one_layout(assigned: dict[str, str], declared: frozenset[str] | None = None) -> bool:
    """Whether the readings of the indexed shapes among ``assigned`` (placeholder name
    ``i_shape[2]`` -> quantity) agree with one layout per tensor name (``i_shape[0]`` h
    and ``i_shape[2]`` c_i: HWC; not ``i_shape[0]`` h with ``i_shape[1]`` c_i), and the
    input's and the output's with the same layout (NCHW in, NCHW out), one of
    ``declared`` where the answer names its layouts (:func:`named_layouts`), and each
    kernel's with a layout a framework holds beside theirs
    (:func:`.notations.kernel_layouts`: NCHW's OIHW, so ``x_shape[2]`` h with
    ``w_shape[0]`` k_h is no reading)."""
    from derivations.registry.notations import kernel_layouts

    by_name: dict[str, list[tuple[int, str]]] = {}
    for written, quantity in assigned.items():
        match = INDEXED().fullmatch(written)
        if match and shape_of(match.group("name")):
            by_name.setdefault(match.group("name"), []).append(
                (int(match.group("index")), quantity)
            )
    shared: set | None = None if declared is None else set(declared)
    named_kernels = (declared or frozenset()) & kernel_layout_names()
    kernels: list[set] = []
    for name, readings in by_name.items():
        obj = cast(str, shape_of(name))
        fitting = {
            layout
            for layout, axes in layouts()[obj]
            if all(
                -len(axes) <= index < len(axes) and axes[index] == quantity
                for index, quantity in readings
            )
        }
        if not fitting:
            return False
        if obj == "kernel":
            kernels.append(fitting)
        elif obj in ("input", "output"):
            shared = fitting if shared is None else shared & fitting
            if not shared:
                return False
    if named_kernels:  # w_shape[0] c_o beside # HWIO: the kernel's layout named
        return all(fitting & named_kernels for fitting in kernels)
    if shared is None or not kernels:
        return True
    beside = {kernel for layout in shared for kernel in kernel_layouts().get(layout, ())}
    return all(fitting & beside for fitting in kernels)


_PAIR_OBJECTS = {None: ("h", "w"), "input": ("h", "w"), "output": ("m_h", "m_w")}
_PAIR_OBJECTS.update(kernel=("k_h", "k_w"), padding=("p_h", "p_w"), stride=("s_h", "s_w"))


def axes_pair(word: str) -> tuple[str, str] | None:
    """The two quantities a name of a pair names by its parts, in the order it writes
    its axes (``h_w_dims``: h, w; ``out_w_h``: m_w, m_h; ``kernel_h_w``: k_h, k_w): a
    height part and a width part, at most one object (the input where none) and a
    dimension or size part; None for any other name."""
    parts = _split(word)
    roles = [role_of(part, rooted=False) for part in parts]
    axes = [role for role in roles if role in ("height", "width")]
    objects = [role for role in roles if role is not None and role in _PAIR_OBJECTS]
    rest = [role for role in roles if role not in ("height", "width", *objects)]
    if sorted(axes) != ["height", "width"] or len(objects) > 1:
        return None
    if any(role not in ("dim", "size", "filler") for role in rest):
        return None
    pair = _PAIR_OBJECTS[objects[0] if objects else None]
    return pair if axes[0] == "height" else (pair[1], pair[0])


def hints_of(word: str) -> tuple[str, ...] | None:
    """The quantities inference may read a placeholder ``word`` as by its parts, or None
    when its parts say nothing (its letter's role decides).  An indexed shape
    (``i_shape[2]``): the sizes its layouts put at that index (:func:`shape_hints`)."""
    indexed = INDEXED().fullmatch(word)
    if indexed is not None:
        return shape_hints(indexed.group("name"), int(indexed.group("index"))) or ()
    if own_decorated(word):
        return None
    composed = compose(word)
    if composed is None:
        return None
    return (composed.read,) if composed.read else composed.hints
