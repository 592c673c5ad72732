"""The compiled closed forms in the store (kind ``forms``): a forged entry never changes
a count; the entry is derived and stored again.  (The store's rules:
tests/core/test_store.py.)"""

import json

import pytest

from derivations import closed_forms, store
from derivations.model import Layer
from derivations.registry.forms import Form


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(store, "_warned", set())
    store._secret.cache_clear()
    _forget_forms()
    yield
    store._secret.cache_clear()
    _forget_forms()


def _forget_forms():
    closed_forms.trees.cache_clear()
    closed_forms._functions.cache_clear()


def test_a_forged_forms_entry_never_changes_a_result(fresh, capsys):
    layer = Layer(c_i=3, c_o=5, h=9, w=8, k_h=3, k_w=2, p_h=1, s_w=2)
    expected = closed_forms.evaluate_all(layer)  # derived, then stored
    path = closed_forms.CACHE.path("total-no-bias")
    record = json.loads(path.read_text())
    record["payload"][Form.FORWARD_MULTS.value] = ["num", "0"]
    path.write_text(json.dumps(record))
    _forget_forms()
    assert closed_forms.evaluate_all(layer) == expected
    assert "ignoring cache file" in capsys.readouterr().err
    # and the entry was stored again: the next process-equivalent reads it silently
    _forget_forms()
    store._warned.clear()
    assert closed_forms.evaluate_all(layer) == expected
    assert capsys.readouterr().err == ""


def test_a_signed_entry_outside_the_schema_is_derived_again(fresh, capsys):
    """Signed with the user's own key, the forms' validator still refuses it."""
    layer = Layer(c_i=2, c_o=2, h=5, w=5, k_h=3, k_w=3)
    expected = closed_forms.evaluate_all(layer)
    closed_forms.CACHE.store("total-no-bias", {Form.FORWARD_MULTS.value: ["eval", "h"]})
    _forget_forms()
    assert closed_forms.evaluate_all(layer) == expected
    assert "ignoring cache file" in capsys.readouterr().err
