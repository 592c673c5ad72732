"""The registry's YAML files as the store keeps them (``derivations/registry/data.py``):
every mapping in the file's order, whichever way a run reads it (s14exam E25: the
store's JSON sorted the keys, so the practice page, reading the prebuilt JSON, took
another tensor layout first than the command line, which parsed the YAML, and read
``w.numel()`` as k_h k_w c_i c_o)."""

import json

import pytest

from derivations.registry import data
from tests.checking.rows import GUARD


def _order(value) -> object:
    """``value`` with every mapping as the list of its keys and values, in order."""
    if isinstance(value, dict):
        return [[key, _order(item)] for key, item in value.items()]
    if isinstance(value, list):
        return [_order(item) for item in value]
    return value


@pytest.mark.parametrize("name", data.FILES)
def test_the_prebuilt_file_keeps_every_mapping_in_the_files_order(name):
    parsed = data._parsed(name)
    (entry,) = [v for k, v in data.prebuilt_files().items() if k.endswith(f"/{name[:-5]}.json")]
    payload = json.loads(entry.decode("utf-8").splitlines()[1])
    read = data._mapping(payload)
    assert _order(read) == _order(parsed)
    # and the store's JSON sorts keys: the order survives that too
    resorted = json.loads(json.dumps(payload, sort_keys=True))
    assert _order(data._mapping(resorted)) == _order(parsed)


@pytest.mark.parametrize(
    "payload",
    [
        {"a": 1},
        {"=": [["a"]]},
        {"=": [[1, 2]]},
        {"=": "a"},
        {"=": [], "b": 1},
        # guard: a list was refused before the ordered mappings (fe47622e) too
        pytest.param([1, 2], marks=GUARD),
    ],
)
def test_anything_else_stored_is_refused(payload):
    with pytest.raises(ValueError):
        data._mapping(payload)
