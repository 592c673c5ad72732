"""Reading a rubric file into plain data, bounded before any value is used.

- only a regular file (a FIFO or a device is refused: :mod:`.inputs`), at most
  :data:`MAX_RUBRIC_BYTES`, UTF-8;
- TOML, or YAML by the file's suffix.  YAML is read with the YAML 1.2 core schema's
  scalars, not YAML 1.1's: ``1:30`` is the string ``"1:30"`` (then refused as a number),
  not the sexagesimal 90; ``017`` is 17, ``yes``/``no``/``on``/``off`` are strings;
- the data's shape is capped before anything reads it: at most :data:`MAX_DEPTH` levels of
  tables and lists and :data:`MAX_ENTRIES` values in all (a file nested 3000 deep, or a
  YAML alias bomb, is one line, never a RecursionError or an endless walk); a parser's
  own failure on such a file (RecursionError, a 5000-digit integer's ValueError) is the
  same line.

Every failure is a keyed :class:`DerivationError` ``rubric FILE, WHERE: PROBLEM``.
"""

from __future__ import annotations

import re
import tomllib
from typing import NoReturn

from derivations.errors import DerivationError
from derivations.grading.escape import terminal
from derivations.grading.inputs import open_regular

__all__ = ["MAX_RUBRIC_BYTES", "MAX_DEPTH", "MAX_ENTRIES", "fail", "parse_rubric", "read_rubric"]

MAX_RUBRIC_BYTES = 1024 * 1024
MAX_DEPTH = 2  # tables and lists: the top table, and a table or list in it ([points], accepted)
MAX_ENTRIES = 100_000  # a wide file of 20,000 columns maps each in [columns]
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_CORE_SCALARS = (
    (_INT, r"^[-+]?[0-9]+$", "-+0123456789"),
    (_FLOAT, r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", "-+0123456789."),
    (_FLOAT, r"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$", "-+."),
    (_BOOL, r"^(true|True|TRUE|false|False|FALSE)$", "tTfF"),
)


def fail(source: str, entry: str, problem: DerivationError) -> NoReturn:
    """Stop: ``rubric SOURCE, ENTRY: PROBLEM`` (a keyed error, said where it is shown)."""
    raise DerivationError(key="grading.bad_rubric", path=source, entry=entry, problem=problem)


def _yaml_loader():
    """PyYAML's safe loader with YAML 1.2 core-schema numbers and booleans."""
    import yaml

    class CoreLoader(yaml.SafeLoader):
        pass

    CoreLoader.yaml_implicit_resolvers = {
        first: [(tag, found) for tag, found in resolvers if tag not in (_INT, _FLOAT, _BOOL)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    for tag, pattern, first in _CORE_SCALARS:
        CoreLoader.add_implicit_resolver(tag, re.compile(pattern), list(first))
    CoreLoader.add_constructor(_INT, lambda loader, node: int(_scalar(loader, node)))
    CoreLoader.add_constructor(_FLOAT, lambda loader, node: _float(_scalar(loader, node)))
    return CoreLoader


def _scalar(loader, node) -> str:
    return str(loader.construct_scalar(node))


def _float(text: str) -> float:
    """A core-schema float: ``.inf``, ``-.Inf``, ``.nan`` or digits."""
    return float(text.lower().replace(".inf", "inf").replace(".nan", "nan"))


def _decoded(source: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = DerivationError(
            key="grading.rubric_not_utf8", byte=f"0x{raw[error.start]:02X}", offset=error.start
        )
        fail(source, "-", problem)


def _too_deep(source: str) -> NoReturn:
    fail(
        source,
        "-",
        DerivationError(key="grading.rubric_too_big", depth=MAX_DEPTH, entries=MAX_ENTRIES),
    )


def _loaded(source: str, content: str) -> object:
    if source.lower().endswith((".yaml", ".yml")):
        import yaml

        try:
            return yaml.load(content, Loader=_yaml_loader())
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else "-"
            reason = terminal(str(getattr(error, "problem", error)))
            fail(source, where, DerivationError(key="grading.rubric_bad_yaml", reason=reason))
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        fail(
            source, "-", DerivationError(key="grading.rubric_bad_toml", reason=terminal(str(error)))
        )


def _check_shape(source: str, data: object) -> None:
    """At most MAX_DEPTH levels of tables and lists and MAX_ENTRIES values in all,
    walked without recursion (a
    YAML alias may make the data a graph with cycles: the count stops the walk)."""
    pending = [(data, 1)]
    seen = 0
    while pending:
        value, depth = pending.pop()
        seen += 1
        if seen > MAX_ENTRIES:
            _too_deep(source)
        if isinstance(value, dict):
            children = list(value.keys()) + list(value.values())
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_DEPTH:
            _too_deep(source)
        pending.extend((child, depth + 1) for child in children[: MAX_ENTRIES + 1])


def parse_rubric(source: str, raw: bytes) -> dict:
    """The rubric file's content as a table of keys, its shape checked."""
    content = _decoded(source, raw)
    try:
        data = _loaded(source, content)
    except DerivationError:
        raise
    except RecursionError:
        _too_deep(source)
    except (ValueError, OverflowError) as error:  # a number the parser cannot hold
        said = str(error).split(":")[0].strip()  # the parser's reason, not its advice
        reason = terminal(said or type(error).__name__)
        fail(source, "-", DerivationError(key="grading.rubric_bad_value", reason=reason))
    _check_shape(source, data)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fail(source, "-", DerivationError(key="grading.rubric_not_keys"))
    return data


def read_rubric(path) -> dict:
    """The rubric file at ``path`` as data (see the module)."""
    import os

    source = str(path)
    descriptor, size = open_regular(path)
    with os.fdopen(descriptor, "rb") as stream:
        try:
            raw = stream.read(min(size, MAX_RUBRIC_BYTES) + 1)
        except OSError as error:
            raise DerivationError(
                key="grading.cannot_read", path=source, reason=error.strerror or str(error)
            ) from None
    if len(raw) > MAX_RUBRIC_BYTES:
        raise DerivationError(key="grading.input_too_large", path=source, limit="1 MiB")
    return parse_rubric(source, raw)
