"""The input padded by a call a few statements before its sizes are read (issue 21): a
rewrite of :mod:`.second_look`'s, tried after the answer as given was refused.

    A = A.pad(((0, 0), (p, p), (p, p), (0, 0)))      # needle's, NumPy's pad_width
    N, H, W, C_in = A.shape
    H_out = (H - K) // s + 1

The call is ``Y = X.pad(SPEC)`` (an array's method, needle's), ``Y = np.pad(X, SPEC, …)``
(NumPy's, JAX's, TensorFlow's ``tf.pad``: SPEC one ``(before, after)`` pair an axis, from
the first) or ``Y = F.pad(X, SPEC, …)`` (PyTorch's ``torch.nn.functional.pad``: SPEC flat,
``(left, right, top, bottom)``, pairs from the last axis back); SPEC may be a name the
answer gives the tuple to first.  Its padded axes are the height's and the width's in
that order: with pairs an axis, exactly two padded, at the places the height and the
width have in one of an input's layouts (:func:`.notations.layouts`: NHWC's 1 and 2,
NCHW's 2 and 3, an image's 0 and 1); PyTorch's, the last (the width) and the one before
it.  Any other call (one amount for every axis, ``np.pad(x, p)``, whose channels are
padded too; one axis of pairs padded; three) is not read here: the answer stays refused.

After the call, each size of Y's shape at a padded axis is that size plus the two
amounts: a name unpacked there (``N, H, W, C_in = Y.shape``: ``H``) is written as ``(H +
p + p)`` where it is used, a shape indexed there (``Y.shape[1]``) as ``(h + p + p)``.  A
name that reads by itself as another size than the axis's (``N, W, H, C = Y.shape``)
leaves the answer unread.  A condition that only skips the call where it pads nothing
(``if p > 0:``, and an ``else:`` giving Y the unpadded X) is read away.  Noted
(``reading.note.padded_input``: the call, the padded sizes).

An array made of a shape the answer writes (``new_X = np.zeros((N, H + 2 * p, W + 2 * p,
C))``, by a constructor the notation registry names: :func:`.answer.constructed`) and read
after it the same way: each size of its shape unpacked or indexed is the size the call
wrote at that place (``new_X.shape[1]``: ``(H + 2 * p)``; ``reading.note.made_input``); what fills a slice of it
(``new_X[:, p:p + H, p:p + W, :] = X``) keeps its shape and is read away.  A shape whose
sizes the call does not give one by one (``np.zeros(X.shape)``), an unpacking of another
number of names, or a size indexed past its end leaves the answer unread.

Nothing evaluates text: the call's brackets are split at their commas, the rest is
replacing names by text.
"""

from __future__ import annotations

import re

from derivations.checking.reading.code import _closing, top_level_parts
from derivations.checking.reading.informal import Note, lazy_pattern

__all__ = ["PADDED_NOTE", "MADE_NOTE", "padded_input"]

PADDED_NOTE = "reading.note.padded_input"
MADE_NOTE = "reading.note.made_input"

# ``Y = X.pad(`` (a method) or ``Y = np.pad(X,`` / ``F.pad(X,`` (a function); the call's
# arguments follow its "("
_METHOD = lazy_pattern(
    r"^(?P<indent>[ \t]*)(?:(?:const|let|var|auto)\s+)?(?P<y>[A-Za-z_]\w*)\s*=\s*(?:self\s*\.\s*)?(?P<x>[A-Za-z_]\w*)\s*\.\s*pad\s*\("
)
_FUNCTION = lazy_pattern(
    r"^(?P<indent>[ \t]*)(?:(?:const|let|var|auto)\s+)?(?P<y>[A-Za-z_]\w*)\s*=\s*(?P<lib>np|numpy|jnp|tf|F|nn\s*\.\s*functional"
    r"|torch\s*\.\s*nn\s*\.\s*functional)\s*\.\s*pad\s*\(\s*(?:self\s*\.\s*)?(?P<x>[A-Za-z_]\w*)\s*,"
)
_TORCH = ("F", "nn.functional", "torch.nn.functional")
# ``if p > 0:``, ``if self.padding:``, ``if pad != 0:`` before the call: the call skipped
# only where it pads nothing
_SKIP = lazy_pattern(
    r"^[ \t]*if\s*\(?\s*(?:self\s*\.\s*)?(?P<amount>[A-Za-z_]\w*)\s*(?:>\s*0|!=\s*0|>=\s*1)?\s*\)?\s*:\s*$"
)
_ELSE = lazy_pattern(r"^[ \t]*else\s*:\s*$")
_SPEC_NAME = lazy_pattern(r"^[ \t]*(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<spec>[(\[].*[)\]])\s*$")
_ZERO = lazy_pattern(r"^\s*0\s*$")


def _parts(text: str) -> list[str]:
    """``text`` split at its top-level commas, each part stripped (an empty last one, a
    tuple's closing comma, away)."""
    parts = [part.strip() for part in top_level_parts(text)]
    return parts[:-1] if parts and not parts[-1] else parts


def _bracketed(text: str) -> str | None:
    """What is inside the brackets ``text`` is, or None where it is no bracket."""
    text = text.strip()
    if len(text) < 2 or text[0] not in "([" or _closing(text, 0) != len(text) - 1:
        return None
    return text[1:-1]


def _input_places(count: int) -> set[tuple[int, int]]:
    """The places (height's, width's) of an input's shape of ``count`` sizes in one of
    its layouts, or a run of one as long (an image's ``(h, w)``)."""
    from derivations.registry.notations import layouts

    places = set()
    for _, axes in layouts()["input"]:
        for start in range(len(axes) - count + 1):
            window = axes[start : start + count]
            if "h" in window and "w" in window:
                places.add((window.index("h"), window.index("w")))
    return places


def _padded_axes(spec: str, torch: bool) -> tuple[dict[int, tuple[str, str]], int | None] | None:
    """({axis: (symbol, the two amounts added, as written)}, the number of axes the spec
    gives) of a pad call's ``spec`` (see the module's docstring); axes counted from the
    end (negative) for PyTorch's (the number None: any), from the first and from the end
    otherwise; None where the padded axes are not read."""
    inner = _bracketed(spec)
    if inner is None:
        return None
    parts = _parts(inner)
    if torch:  # (left, right[, top, bottom]): the last axis's pair first
        if len(parts) not in (2, 4) or any(_bracketed(p) is not None for p in parts):
            return None
        found = {-1: ("w", f"{parts[0]} + {parts[1]}")}
        if len(parts) == 4:
            found[-2] = ("h", f"{parts[2]} + {parts[3]}")
        return found, None
    pairs = [_parts(_bracketed(p) or "") if _bracketed(p) is not None else None for p in parts]
    if any(pair is None or len(pair) != 2 for pair in pairs):
        return None  # one amount for every axis (np.pad(x, (p, p))): the channels too
    padded = [i for i, pair in enumerate(pairs) if pair and not all(_ZERO().match(a) for a in pair)]
    if len(padded) != 2 or tuple(padded) not in _input_places(len(pairs)):
        return None
    (hi, wi) = padded
    amounts = {i: " + ".join(pairs[i] or ()) for i in padded}
    found = {hi: ("h", amounts[hi]), wi: ("w", amounts[wi])}
    return {**found, **{i - len(pairs): axis for i, axis in found.items()}}, len(pairs)


def _call(line: str) -> tuple[str, str, str, bool] | None:
    """(the padded tensor's name, the unpadded one's, the spec as written, whether the
    call is PyTorch's) of a pad call's line, or None."""
    function = _FUNCTION().match(line)  # first: np.pad( is no method of a tensor np
    method = None if function else _METHOD().match(line)
    found = method or function
    if found is None:
        return None
    opening = found.end() - 1 if method else line.index("(", found.start("lib"))
    closing = _closing(line, opening)
    if closing is None:
        return None
    arguments = _parts(line[opening + 1 : closing])
    spec = arguments[0] if method else (arguments[1] if len(arguments) > 1 else "")
    torch = function is not None and re.sub(r"\s", "", function.group("lib")) in _TORCH
    return found.group("y"), found.group("x"), spec, torch


def _name_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w\[(])")


def padded_input(answer: str) -> tuple[str, Note] | None:
    """``answer`` with its input padded by a call, or made of a shape it writes, read
    into the sizes used after it (see the module's docstring), noted; None where it has
    no such call, or it is not read."""
    if "shape" not in answer or "\n" not in answer:
        return None
    lines = answer.split("\n")
    at = next((i for i, line in enumerate(lines) if _call(line)), None) if "pad" in answer else None
    if at is None:
        return _made_input(lines)
    y, x, spec, torch = _call(lines[at]) or ("", "", "", False)
    dropped = {at}
    named = _SPEC_NAME().match(next((line for line in reversed(lines[:at]) if line.strip()), ""))
    if re.fullmatch(r"(?:self\s*\.\s*)?[A-Za-z_]\w*", spec.strip()):
        if named is None or named.group("name") != spec.strip().removeprefix("self.").strip():
            return None
        dropped.add(max(i for i in range(at) if lines[i].strip()))
        spec = named.group("spec")
    read = _padded_axes(spec, torch)
    if read is None:
        return None
    axes, count = read
    if not _skip_read_away(lines, dropped, at, x, y, axes):
        return None
    after = "\n".join(line for i, line in enumerate(lines) if i > at and i not in dropped)
    before = [line for i, line in enumerate(lines) if i < at and i not in dropped]
    done = _sizes_put_in(after, y, axes, count)
    if done is None:
        return None
    text, sizes = done
    call = lines[at].strip()
    fields = (("call", call), ("sizes", ", ".join(sizes)))
    return "\n".join([*before, text]).strip("\n"), Note(PADDED_NOTE, fields)


def _skip_read_away(
    lines: list[str], dropped: set[int], at: int, x: str, y: str, axes: dict
) -> bool:
    """Whether the lines around the call are read: a condition skipping the call where it
    pads nothing (:data:`_SKIP` on an amount the call adds) and an ``else:`` that gives
    ``y`` the unpadded ``x`` are added to ``dropped``; any other condition opening the
    call's block is not read (False)."""
    first = min(dropped)
    previous = next((i for i in range(first - 1, -1, -1) if lines[i].strip()), None)
    if previous is None or not lines[previous].rstrip().endswith(":"):
        return True
    skip = _SKIP().match(lines[previous])
    amounts = " ".join(amount for _, amount in axes.values())
    if skip is None or not re.search(rf"(?<![\w]){re.escape(skip.group('amount'))}(?!\w)", amounts):
        return False
    dropped.add(previous)
    following = next((i for i in range(at + 1, len(lines)) if lines[i].strip()), None)
    if following is not None and _ELSE().match(lines[following]):
        body = next((i for i in range(following + 1, len(lines)) if lines[i].strip()), None)
        if body is None or not re.fullmatch(
            rf"\s*{re.escape(y)}\s*=\s*{re.escape(x)}\s*;?\s*", lines[body]
        ):
            return False
        dropped.update((following, body))
    return True


# the padded tensor's shape: unpacked into names, or indexed by a number
_UNPACKING = r"^(?P<indent>[ \t]*)(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\s*=\s*(?:self\s*\.\s*)?{y}\s*\.\s*shape\s*;?\s*$"
_INDEXED = r"(?<![\w.])(?:self\s*\.\s*)?{y}\s*\.\s*shape\s*\[\s*(?P<index>-?[0-9])\s*\]"


def _sizes_put_in(text: str, y: str, axes: dict, count: int | None) -> tuple[str, list[str]] | None:
    """``text`` (the lines after the call) with each size of ``y``'s shape at a padded
    axis written padded, and the sizes so written (a name unpacked there, used or not:
    ``F.pad(x, (p, p))`` pads the width alone, and the height read after it is the
    unpadded one); None where no size of ``y`` is read after the call, a name
    unpacked at a padded axis reads as another size, or an unpacking has other than the
    ``count`` names the call pads."""
    from derivations.checking.reading.code import own_reading

    sizes: list[str] = []
    unpacking = re.search(_UNPACKING.format(y=re.escape(y)), text, re.M)
    if unpacking is not None:
        names = [n.strip() for n in unpacking.group("names").split(",")]
        if count is not None and len(names) != count:
            return None
        head, rest = text[: unpacking.end()], text[unpacking.end() :]
        for place, name in enumerate(names):
            axis = axes.get(place - len(names))
            if axis is None:
                continue
            symbol, amounts = axis
            own = own_reading(name)
            if own not in (symbol, None):
                return None  # N, W, H, C = Y.shape: the author's layout, not the call's
            written = f"({name if own == symbol else symbol} + {amounts})"
            rest = _name_pattern(name).sub(written.replace("\\", "\\\\"), rest)
            sizes.append(f"{name}: {written}")
        text = head + rest
    indexed = re.compile(_INDEXED.format(y=re.escape(y)))

    def padded(match: re.Match) -> str:
        axis = axes.get(int(match.group("index")))
        if axis is None:
            return match.group()
        written = f"({axis[0]} + {axis[1]})"
        sizes.append(f"{match.group().strip()}: {written}")
        return written

    text = indexed.sub(padded, text)
    return (text, sizes) if sizes else None


# ``Y = <a call>`` on a line of its own; a slice of Y filled (``Y[:, p:p + H, …] = X``)
_ASSIGNED_CALL = lazy_pattern(r"^[ \t]*(?P<y>[^\W\d]\w*)\s*=\s*(?P<call>[A-Za-z_].*\))\s*;?\s*$")
_FILLED = r"^[ \t]*{y}\s*\[[^\n]*\]\s*=(?!=)[^\n]*$"


def _made_input(lines: list[str]) -> tuple[str, Note] | None:
    """The answer ``lines`` with the sizes of an array made of a shape it writes read
    after it (see the module's docstring), noted; None where none is read."""
    from derivations.checking.reading.answer import MOST_SIZES, constructed

    for at, line in enumerate(lines):
        found = _ASSIGNED_CALL().match(line)
        made = constructed(found.group("call")) if found is not None else None
        if made is None or found is None:
            continue
        sizes = [part.strip() for part, _ in made[0]]
        if not 1 < len(sizes) <= MOST_SIZES or any(not size for size in sizes):
            return None
        y = found.group("y")
        filled = re.compile(_FILLED.format(y=re.escape(y)))
        after = "\n".join(rest for rest in lines[at + 1 :] if not filled.match(rest))
        axes = {place: size for place, size in enumerate(sizes)}
        axes.update({place - len(sizes): size for place, size in enumerate(sizes)})
        done = _sizes_written(after, y, axes, len(sizes))
        if done is None:
            return None
        text, read = done
        fields = (("call", line.strip()), ("sizes", ", ".join(read)))
        return "\n".join([*lines[:at], text]).strip("\n"), Note(MADE_NOTE, fields)
    return None


def _sizes_written(text: str, y: str, axes: dict, count: int) -> tuple[str, list[str]] | None:
    """``text`` with each size of ``y``'s shape unpacked or indexed written as the size
    ``axes`` gives at that place, and the sizes so written; None where none is read, an
    unpacking has other than ``count`` names, or an index is past the shape's end."""
    sizes: list[str] = []
    unpacking = re.search(_UNPACKING.format(y=re.escape(y)), text, re.M)
    if unpacking is not None:
        names = [n.strip() for n in unpacking.group("names").split(",")]
        if len(names) != count:
            return None
        head, rest = text[: unpacking.start()], text[unpacking.end() :]
        for place, name in enumerate(names):
            if name != "_" and _name_pattern(name).search(rest):
                written = f"({axes[place]})"
                rest = _name_pattern(name).sub(written.replace("\\", "\\\\"), rest)
                sizes.append(f"{name}: {written}")
        text = head + rest
    indexed = re.compile(_INDEXED.format(y=re.escape(y)))
    if any(int(m.group("index")) not in axes for m in indexed.finditer(text)):
        return None

    def made(match: re.Match) -> str:
        size = f"({axes[int(match.group('index'))]})"
        sizes.append(f"{match.group().strip()}: {size}")
        return size

    text = indexed.sub(made, text)
    return (text, sizes) if sizes else None
