"""A user's layer list from a JSON or YAML file.

The file holds either a list of rows, or a mapping ``{"layers": [...], "input":
[channels, height, width], "name": "..."}`` (``input`` and ``name`` optional); the format
is ``schema.json`` (:mod:`.schema`).  YAML is
read with ``yaml.safe_load`` only: the file is untrusted and no tag may build objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from derivations.errors import DerivationError
from derivations.networks.schema import check_file

__all__ = ["LayerFile", "MAX_BYTES", "read_layer_file"]

MAX_BYTES = 1_000_000  # a layer list of a few hundred rows is tens of kilobytes


@dataclass(frozen=True)
class LayerFile:
    name: str
    rows: list
    input: list | None


def _parse(path: Path, text: str):
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise DerivationError(
                f"{path}: not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
            ) from None
        except Exception as error:
            raise DerivationError(f"{path}: cannot be parsed as JSON ({_reason(error)})") from None
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
            problem = getattr(error, "problem", None) or type(error).__name__
            raise DerivationError(f"{path}: not valid YAML: {problem}{where}") from None
        except Exception as error:
            raise DerivationError(f"{path}: cannot be parsed as YAML ({_reason(error)})") from None
    raise DerivationError(f"{path}: suffix {suffix or '(none)'!r} is not .json, .yaml or .yml")


def _reason(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    first = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {first[:80]}" if first else type(error).__name__


def _read(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)  # never more, whatever the file (or device) holds
    except FileNotFoundError:
        raise DerivationError(f"{path}: no such file") from None
    except OSError as error:
        raise DerivationError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise DerivationError(
            f"{path}: larger than {MAX_BYTES:,} bytes; a layer list is far smaller"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DerivationError(f"{path}: cannot be read (not UTF-8)") from None


def read_layer_file(path) -> LayerFile:
    """A layer file, its top level held to the schema (``schema.json``; the rows are
    checked by :func:`~derivations.networks.graph.parse_network`)."""
    path = Path(path)
    data = _parse(path, _read(path))
    check_file(data, str(path))
    if isinstance(data, list):
        return LayerFile(path.stem, data, None)
    return LayerFile(data.get("name", path.stem), data["layers"], data.get("input"))
