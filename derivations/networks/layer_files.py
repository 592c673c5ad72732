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
                key="network.file_bad_json",
                path=path,
                problem=error.msg,
                line=error.lineno,
                column=error.colno,
            ) from None
        except Exception as error:
            raise DerivationError(
                key="network.file_unparsable", path=path, format="JSON", reason=_reason(error)
            ) from None
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or type(error).__name__
            if mark:
                raise DerivationError(
                    key="network.file_bad_yaml_at",
                    path=path,
                    problem=problem,
                    line=mark.line + 1,
                    column=mark.column + 1,
                ) from None
            raise DerivationError(key="network.file_bad_yaml", path=path, problem=problem) from None
        except Exception as error:
            raise DerivationError(
                key="network.file_unparsable", path=path, format="YAML", reason=_reason(error)
            ) from None
    raise DerivationError(key="network.file_suffix", path=path, suffix=repr(suffix or "(none)"))


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
        raise DerivationError(key="network.file_missing", path=path) from None
    except OSError as error:
        raise DerivationError(
            key="network.file_unreadable", path=path, reason=error.strerror or error
        ) from None
    if len(data) > MAX_BYTES:
        raise DerivationError(key="network.file_too_large", path=path, limit=f"{MAX_BYTES:,}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DerivationError(key="network.file_not_utf8", path=path) from None


def read_layer_file(path) -> LayerFile:
    """A layer file, its top level held to the schema (``schema.json``; the rows are
    checked by :func:`~derivations.networks.graph.parse_network`)."""
    path = Path(path)
    data = _parse(path, _read(path))
    check_file(data, str(path))
    if isinstance(data, list):
        return LayerFile(path.stem, data, None)
    return LayerFile(data.get("name", path.stem), data["layers"], data.get("input"))
