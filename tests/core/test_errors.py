"""The one error path: a DerivationError carries a catalogue id and says it in any language."""

import pytest

from derivations.errors import DerivationError
from derivations.messages import text
from derivations.model import Layer


def test_a_keyed_error_says_its_catalogue_text_in_each_language():
    error = DerivationError(key="model.not_positive", field="h", value="0")
    assert str(error) == text("model.not_positive", "en", field="h", value="0") == error.text()
    assert error.text("zh") == text("model.not_positive", "zh", field="h", value="0")
    assert error.text("zh") != str(error) and "h=0" in error.text("zh")
    assert (error.key, dict(error.fields)) == ("model.not_positive", {"field": "h", "value": "0"})


def test_fields_without_a_key_are_refused():
    with pytest.raises(TypeError):
        DerivationError(field="h")


def test_an_unkeyed_error_is_its_message_in_every_language():
    error = DerivationError("the catalogue file is not a mapping")
    assert error.key is None and error.text("zh") == str(error)


def test_the_models_validation_errors_come_from_the_catalogue():
    with pytest.raises(DerivationError) as caught:
        Layer(c_i=3, c_o=4, h=5, w=5, k_h=3, k_w=3, groups=2)
    assert caught.value.key == "model.groups_not_dividing"
    assert "groups=2" in caught.value.text("zh") and "c_i=3" in caught.value.text("zh")


def test_an_error_in_a_field_is_said_in_the_same_language():
    problem = DerivationError(key="model.not_positive", field="h", value="0")
    error = DerivationError(key="network.in_row", problem=problem, row=3, name="conv1")
    assert str(error) == text("network.in_row", "en", problem=str(problem), row=3, name="conv1")
    assert error.text("zh") == text(
        "network.in_row", "zh", problem=problem.text("zh"), row=3, name="conv1"
    )


def test_a_keyed_error_crosses_a_process_boundary_whole():
    import pickle

    from derivations.checking.reading.errors import refuse

    problem = DerivationError(key="model.not_positive", field="h", value="0")
    error = DerivationError(key="network.in_row", problem=problem, row=3, name="conv1")
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), back.key, str(back)) == (DerivationError, error.key, str(error))
    assert back.text("zh") == error.text("zh")
    invalid = refuse("empty", 1)
    again = pickle.loads(pickle.dumps(invalid))
    assert (type(again), again.key, again.position, str(again)) == (
        type(invalid),
        invalid.key,
        1,
        str(invalid),
    )
