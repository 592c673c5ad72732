"""A user's layer list from a JSON or YAML file.

The file holds either a list of rows, or a mapping ``{"layers": [...], "input":
[channels, height, width], "name": "..."}`` (``input`` and ``name`` optional).  YAML is
read with ``yaml.safe_load`` only: the file is untrusted and no tag may build objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import DerivationError

__all__ = ["LayerFile", "read_layer_file"]

TOP_LEVEL = ("layers", "input", "name")


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
            raise DerivationError(f"{path}: not valid JSON: {error.msg} at line "
                                  f"{error.lineno} column {error.colno}") from None
    if suffix in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise DerivationError(f"{path}: reading YAML needs PyYAML "
                                  f"(pip install pyyaml); or give the layers as JSON") from None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
            problem = getattr(error, "problem", None) or type(error).__name__
            raise DerivationError(f"{path}: not valid YAML: {problem}{where}") from None
    raise DerivationError(f"{path}: suffix {suffix or '(none)'!r} is not .json, .yaml or .yml")


def read_layer_file(path) -> LayerFile:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DerivationError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise DerivationError(f"{path}: cannot be read ({reason})") from None
    data = _parse(path, text)
    if isinstance(data, list):
        return LayerFile(path.stem, data, None)
    if not isinstance(data, dict):
        raise DerivationError(f"{path}: holds {type(data).__name__}, not a list of rows or "
                              f"a mapping with 'layers'")
    unknown = sorted(set(data) - set(TOP_LEVEL), key=str)
    if unknown:
        raise DerivationError(f"{path}: unknown top-level field {unknown[0]!r} "
                              f"(known: {', '.join(TOP_LEVEL)})")
    if "layers" not in data:
        raise DerivationError(f"{path}: the mapping has no 'layers' list")
    name = data.get("name", path.stem)
    if not isinstance(name, str):
        raise DerivationError(f"{path}: name={name!r} is not a string")
    return LayerFile(name, data["layers"], data.get("input"))
