"""The registry's YAML files (:data:`FILES`) read as data, through the store of derived
data: the parsed file is kept as JSON keyed by the file's bytes (kind ``registry``), so a
run reads JSON and imports no PyYAML once it is cached or prebuilt (the practice pages'
archive ships each file prebuilt: the browser has no PyYAML at all).

:func:`read` gives the parsed mapping; the records are checked by the registry module
that reads them (:mod:`.misconceptions`, :mod:`.notations`), whichever way it came.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FILES", "read", "prebuilt_files"]

FILES = ("misconceptions.yaml", "notations.yaml")  # below derivations/registry/
_HERE = Path(__file__).resolve().parent


def _kind(name: str):
    """The store's kind holding ``name`` as JSON, keyed by its bytes (None where the
    package is not a folder of files: then the YAML is parsed each time)."""
    from derivations.store import Kind

    if not (_HERE / name).is_file():
        return None
    # (this module among the sources: an entry stored before the order was kept is
    # another entry, never read as one)
    return Kind("registry", (f"registry/{name}", "registry/data.py"))


def _entry(name: str) -> str:
    return name.removesuffix(".yaml")


def _mapping(payload: object) -> dict:
    """A stored file as :func:`read` returns it: every mapping in it in the file's order
    (:func:`_stored`); ValueError otherwise."""
    data = _decoded(payload)
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ValueError("not a mapping of records")
    return data


def _stored(data: object) -> object:
    """What the store keeps of a parsed file: each mapping as the list of its pairs
    (``{"=": [[key, value], ...]}``), in the file's order.  The store writes JSON with
    its keys sorted, which lost the order, and it matters: the first source listing a
    spelling wins (:func:`.notations.notation_spellings`), the first layout of a tensor
    reads its shape (:func:`.notations.layouts`); the page, reading the prebuilt JSON,
    read ``w.numel()`` in another layout than the command line, which parsed the YAML
    (s14exam E25)."""
    if isinstance(data, dict):
        return {"=": [[key, _stored(value)] for key, value in data.items()]}
    if isinstance(data, list):
        return [_stored(item) for item in data]
    return data


def _decoded(stored: object) -> object:
    """The parsed file :func:`_stored` kept; ValueError for anything else."""
    if isinstance(stored, dict):
        pairs = stored.get("=")
        if set(stored) != {"="} or not isinstance(pairs, list):
            raise ValueError("not a stored mapping")
        if not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], str) for p in pairs):
            raise ValueError("not a stored mapping")
        return {key: _decoded(value) for key, value in pairs}
    if isinstance(stored, list):
        return [_decoded(item) for item in stored]
    return stored


def _parsed(name: str) -> object:
    from importlib import resources

    import yaml  # only when neither the cache nor the package holds the JSON

    source = resources.files(__package__).joinpath(name).read_text("utf-8")
    return yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read(name: str) -> object:
    """The parsed contents of registry file ``name`` (one of :data:`FILES`): from the
    store when it holds them for these very bytes (the user's cache, or prebuilt beside
    the package), else parsed from the YAML and cached."""
    kind = _kind(name)
    if kind is not None:
        found = kind.get(_entry(name), _mapping)
        if found is not None:
            return found
    data = _parsed(name)
    if kind is not None and isinstance(data, dict):
        kind.store(_entry(name), _stored(data))
    return data


def prebuilt_files() -> dict[str, bytes]:
    """Every registry file as the store's prebuilt entry (path below the package ->
    bytes), parsed from the YAML now: what the practice pages' archive ships."""
    out = {}
    for name in FILES:
        kind = _kind(name)
        if kind is not None:
            data = _parsed(name)
            if not isinstance(data, dict):
                raise ValueError(f"{name}: not a mapping of records")
            out[f"prebuilt/{kind.kind}/{_entry(name)}.json"] = kind.prebuilt_file(
                _entry(name), _stored(data)
            )
    return out
