"""``network`` command: tables, JSON, the list, and a user's JSON/YAML layer list."""

import importlib.util
import json
import sys

import pytest

from derivations.cli import main
from derivations.networks import MODELS, model_network, tabulate
from tests.conftest import require_tool


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", list(MODELS))
def test_json_rows_and_totals(capsys, name):
    report = _json(capsys, ["network", name, "--json", "--batch", "2"])
    table = tabulate(model_network(name), 2)
    assert report["totals"] == table.totals
    assert [(r["name"], tuple(r["output_shape"]), r["macs"]) for r in report["layers"]] == [
        (r.name, r.output_shape, r.macs) for r in table.rows]
    assert report["bytes"]["params"] == 4 * table.totals["params"]
    for key in ("params", "macs", "activations"):
        assert sum(r["share"][key] for r in report["layers"]) == pytest.approx(1.0, abs=1e-12)


def test_table_text(capsys):
    assert main(["network", "resnet50", "--dtype", "float16"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("resnet50: input 1x3x224x224\n")
    total = next(line for line in out.splitlines() if line.startswith("total "))
    assert total.split() == ["total", "25,557,032", "100", "4,089,184,256", "100",
                             "8,178,368,512", "39,062,016", "37,559,784", "100"]
    assert "25.557M parameters (51,114,064 bytes float16)" in out
    assert "batchnorm: inference, folded" in out


def test_list(capsys):
    assert main(["network", "--list"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()] == list(MODELS)


def _write(path, rows, shape, dump):
    path.write_text(dump({"name": "mine", "input": list(shape), "layers": rows}))
    return str(path)


@pytest.mark.parametrize("name", ["resnet18", "googlenet"])
def test_json_file_equals_built_in(tmp_path, capsys, name):
    model = MODELS[name]
    path = _write(tmp_path / "mine.json", model.build(), model.input, json.dumps)
    from_file = _json(capsys, ["network", "--file", path, "--json"])
    built_in = _json(capsys, ["network", name, "--json"])
    assert from_file["network"] == "mine"
    assert from_file["layers"] == built_in["layers"]


def test_yaml_file_equals_built_in(tmp_path, capsys):
    require_tool(importlib.util.find_spec("yaml") is not None, "PyYAML not installed")
    import yaml

    model = MODELS["alexnet"]
    path = _write(tmp_path / "mine.yaml", model.build(), model.input, yaml.safe_dump)
    assert _json(capsys, ["network", "--file", path, "--json"])["totals"] == \
        tabulate(model_network("alexnet")).totals


def test_file_without_input_uses_3x224_or_flag(tmp_path, capsys):
    path = tmp_path / "plain.json"
    path.write_text(json.dumps([{"kind": "conv", "out": 8, "kernel": 3, "bias": False}]))
    report = _json(capsys, ["network", "--file", str(path), "--json"])
    assert report["input_shape"] == [1, 3, 224, 224]
    assert report["totals"]["macs"] == 8 * 27 * 222 * 222
    report = _json(capsys, ["network", "--file", str(path), "--json", "--input", "10"])
    assert report["totals"]["macs"] == 8 * 27 * 8 * 8


def test_yaml_without_pyyaml_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "yaml", None)
    path = tmp_path / "mine.yml"
    path.write_text("- kind: relu\n")
    assert main(["network", "--file", str(path)]) == 2
    assert "reading YAML needs PyYAML" in capsys.readouterr().err


def test_name_and_file_together(tmp_path, capsys):
    assert main(["network", "lenet", "--file", str(tmp_path / "x.json")]) == 2
    assert "not both" in capsys.readouterr().err
