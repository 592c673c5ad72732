"""The layer-file schema (``derivations/networks/schema.json``): shipped, valid, in step
with the kinds, held against an independent validator (``jsonschema``), and the examples
under ``examples/networks/``."""

import copy
import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.errors import DerivationError
from derivations.networks import model_network, parse_network, read_layer_file, tabulate
from derivations.networks.kinds import Conv
from derivations.networks.rows import Row
from derivations.networks.schema import problem, schema
from tests.conftest import require_tool
from tests.networks.test_errors import BAD_FILES, BAD_ROWS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "networks"
COMMON = {"kind", "name", "from"}


@pytest.fixture(scope="module")
def jsonschema():
    require_tool(
        importlib.util.find_spec("jsonschema") is not None,
        "jsonschema not installed: pip install -e .[test]",
    )
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema


def test_shipped_as_package_data():
    text = resources.files("derivations.networks").joinpath("schema.json").read_text("utf-8")
    assert json.loads(text) == schema()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"networks/*.json"' in pyproject


def _defs():
    return schema()["$defs"]


def _kind_defs():
    """kind -> its $defs entry, read from the row's if/then dispatch."""
    found = {}
    for part in _defs()["row"]["allOf"]:
        cond = part["if"]["properties"]["kind"]
        kinds = [cond["const"]] if "const" in cond else cond["enum"]
        target = part["then"]["$ref"].removeprefix("#/$defs/")
        for kind in kinds:
            found[kind] = _defs()[target]
    return found


def test_every_kind_is_dispatched():
    assert sorted(_kind_defs()) == sorted(_defs()["kind"]["enum"])


def _valid_value(node):
    node = _defs()[node["$ref"].removeprefix("#/$defs/")] if "$ref" in node else node
    if "default" in node:
        return node["default"]
    if "enum" in node:
        return node["enum"][0]
    if "oneOf" in node:
        return 1
    return {"integer": 1, "boolean": True, "number": 0.5, "string": "x"}[node["type"]]


@pytest.mark.parametrize("kind", sorted(_kind_defs()))
def test_schema_fields_are_the_fields_the_kind_reads(kind):
    """Every field the schema allows is read by the kind, and every field it reads is in
    the schema (Row.finish refuses what was not read)."""
    node = _kind_defs()[kind]
    fields = set(node["properties"]) - COMMON
    row = {"kind": kind, **{f: _valid_value(node["properties"][f]) for f in fields}}
    if kind == "conv_transpose":
        row["output_padding"] = 0
    reader = Row(row, 1, kind)
    from derivations.networks.kinds import kind_of

    kind_of(reader)
    assert reader._read - COMMON == fields
    assert set(node["required"]) - COMMON <= fields


def test_schema_defaults_are_the_kinds_defaults():
    props = _kind_defs()["conv"]["properties"]
    explicit = {
        "kind": "conv",
        "out": 2,
        "kernel": 3,
        **{f: props[f]["default"] for f in props if "default" in props[f]},
    }
    assert Conv.read(Row(explicit, 1, "a")) == Conv.read(
        Row({"kind": "conv", "out": 2, "kernel": 3}, 1, "b")
    )


def test_padding_reading_stated_in_the_schema_and_the_help(capsys):
    padding = _kind_defs()["conv"]["properties"]["padding"]["description"]
    assert "PER SIDE" in padding and "total" in padding and "cost --ph" in padding
    assert "PER SIDE" in schema()["description"]
    with pytest.raises(SystemExit):
        main(["network", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "padding: per side (nn.Conv2d's padding=p) unless a row says padding_convention: "
        "total" in out
    )
    assert "`cost --ph` is total padding by default" in out


@pytest.mark.parametrize("rows, message", BAD_ROWS[:-1])
def test_our_verdict_is_jsonschemas(jsonschema, rows, message):
    """Every bad layer list of test_errors: jsonschema refuses it too, or it breaks a
    rule beyond the schema (a reference, a duplicate name)."""
    ours = problem(rows, {"$ref": "#/$defs/layers"})
    layers = {"$ref": "#/$defs/layers", "$defs": _defs()}
    theirs = list(jsonschema.Draft202012Validator(layers).iter_errors(rows))
    assert (ours is None) == (not theirs)


def test_examples_and_built_ins_are_valid(jsonschema):
    import yaml

    validator = jsonschema.Draft202012Validator(schema())
    paths = sorted(EXAMPLES.iterdir())
    assert {p.suffix for p in paths} >= {".json", ".yaml"}
    for path in paths:
        data = (
            json.loads(path.read_text())
            if path.suffix == ".json"
            else yaml.safe_load(path.read_text())
        )
        assert not list(validator.iter_errors(data)), path
        assert problem(data, schema()) is None
    from derivations.networks import MODELS

    for model in MODELS.values():
        data = {"name": model.name, "input": list(model.input), "layers": model.build()}
        assert not list(validator.iter_errors(copy.deepcopy(data))), model.name
        assert problem(data, schema()) is None


def _json_shapes():
    """The bad files of test_errors that are JSON documents of a wrong shape."""
    found = []
    for name, content, _ in BAD_FILES:
        try:
            data = json.loads(content) if name.endswith(".json") else None
        except json.JSONDecodeError:
            continue
        if data is not None:
            found.append(data)
    return found


@pytest.mark.parametrize("data", _json_shapes(), ids=json.dumps)
def test_bad_files_refused_by_jsonschema_too(jsonschema, data):
    rows = data.get("layers") if isinstance(data, dict) else data
    ours = problem(data, schema())
    theirs = list(jsonschema.Draft202012Validator(schema()).iter_errors(data))
    assert (ours is None) == (not theirs)
    if ours is None:  # the top level holds; then the rows are what is wrong
        assert problem(rows, {"$ref": "#/$defs/layers"}) is not None


def test_examples_tabulate():
    lenet_json, lenet_yaml = (read_layer_file(EXAMPLES / f"lenet.{s}") for s in ("json", "yaml"))
    assert lenet_json == lenet_yaml
    table = tabulate(parse_network(lenet_yaml.rows, lenet_yaml.input, lenet_yaml.name))
    assert table.totals == tabulate(model_network("lenet")).totals
    residual = read_layer_file(EXAMPLES / "residual.yaml")
    rows = {r.name: r for r in tabulate(parse_network(residual.rows, residual.input)).rows}
    # per side 1 and total 2: the same 3x3 layer, the same shape and counts
    assert rows["conv1"].output_shape == rows["conv2"].output_shape == (1, 64, 56, 56)
    assert rows["conv1"].macs == rows["conv2"].macs
    assert rows["joined"].output_shape == (1, 96, 56, 56)


def test_schema_error_is_one_line_naming_the_field(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text("layers:\n  - {kind: conv, out: 4, kernel: 3, padding: [1, -1]}\n")
    assert main(["network", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "derivations network: error: row 1 (conv1): padding=[1, -1] must be one "
        "integer >= 0 or [height, width] of them\n"
    )
    with pytest.raises(DerivationError, match=r"^row 2 \(b\): stride=0 must be one integer"):
        parse_network(
            [{"kind": "relu"}, {"name": "b", "kind": "maxpool", "kernel": 2, "stride": 0}],
            (1, 4, 4),
        )
