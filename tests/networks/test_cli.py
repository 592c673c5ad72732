"""``network`` command: tables, JSON, the list, and a user's JSON/YAML layer list."""

import json
from fractions import Fraction

import pytest

from derivations.cli import main
from derivations.networks import MODELS, model_network, tabulate


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", list(MODELS))
def test_json_rows_and_totals(capsys, name):
    report = _json(capsys, ["network", name, "--json", "--batch", "2"])
    table = tabulate(model_network(name), 2)
    assert report["totals"] == table.totals
    assert [(r["name"], tuple(r["output_shape"]), r["macs"]) for r in report["layers"]] == [
        (r.name, r.output_shape, r.macs) for r in table.rows
    ]
    assert report["bytes"]["params"] == 4 * table.totals["params"]
    for key in ("params", "macs", "activations"):
        assert sum(Fraction(r["share"][key]) for r in report["layers"]) == 1  # exact


def _windows(size, kernel, stride, padding):
    """Output size by counting the window positions (padding per side)."""
    return len(range(0, size + 2 * padding - kernel + 1, stride))


def resnet50_totals():
    """torchvision's resnet50 (v1.5) at 1x3x224x224, tallied layer by layer from its
    architecture (not from our rows or closed forms), under the table's conventions: conv
    MACs = output elements x c_in k^2, no bias; batchnorm 2 ops/element and 2 params/channel;
    relu and add 1 op/element; maxpool k^2 - 1 comparisons per output; the global average
    pool t ops per output (t - 1 additions + 1 division); activations = elements written."""
    t = dict.fromkeys(("params", "macs", "ops", "activations"), 0)

    def conv(c_in, size, c_out, kernel, stride=1, padding=0):
        out = _windows(size, kernel, stride, padding)
        t["params"] += c_out * c_in * kernel * kernel
        t["macs"] += c_out * out * out * c_in * kernel * kernel
        t["activations"] += c_out * out * out
        return out

    def written(c, size, ops_per_element, params=0):
        t["ops"] += ops_per_element * c * size * size
        t["activations"] += c * size * size
        t["params"] += params

    size = conv(3, 224, 64, 7, 2, 3)
    written(64, size, 2, params=2 * 64)  # bn1
    written(64, size, 1)  # relu
    size = _windows(size, 3, 2, 1)
    written(64, size, 3 * 3 - 1)  # maxpool
    channels = 64
    for planes, blocks, first_stride in ((64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)):
        out = 4 * planes
        for i in range(blocks):
            stride = first_stride if i == 0 else 1
            a = conv(channels, size, planes, 1)
            written(planes, a, 2, params=2 * planes)
            written(planes, a, 1)
            b = conv(planes, a, planes, 3, stride, 1)
            written(planes, b, 2, params=2 * planes)
            written(planes, b, 1)
            d = conv(planes, b, out, 1)
            written(out, d, 2, params=2 * out)
            if i == 0:  # downsample: 1x1 conv + bn
                conv(channels, size, out, 1, stride)
                written(out, d, 2, params=2 * out)
            written(out, d, 1)  # add
            written(out, d, 1)  # relu
            channels, size = out, d
    t["ops"] += channels * size * size  # avgpool to 1x1
    t["activations"] += channels
    t["params"] += channels * 1000 + 1000  # fc
    t["macs"] += channels * 1000
    t["activations"] += 1000
    return t


def test_table_text(capsys):
    assert main(["network", "resnet50", "--dtype", "float16"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("resnet50: input 1x3x224x224\n")
    t = resnet50_totals()
    total = next(line for line in out.splitlines() if line.startswith("total ")).split()
    assert total[:5] == ["total", f"{t['params']:,}", "100", f"{t['macs']:,}", "100"]
    assert total[5] == f"{2 * t['macs']:,}"
    assert total[9:11] == [f"{t['activations']:,}", "100"]
    table = tabulate(model_network("resnet50"))
    # the oracle's "ops" are every operation of the layers without MACs
    assert sum(r.ops for r in table.rows if r.macs == 0) == t["ops"]
    assert f"{t['params'] / 1e6:.3f}M parameters ({2 * t['params']:,} bytes float16)" in out
    assert t["params"] == 25_557_032  # torchvision's published count: the oracle checks out
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
    import yaml

    model = MODELS["alexnet"]
    path = _write(tmp_path / "mine.yaml", model.build(), model.input, yaml.safe_dump)
    assert (
        _json(capsys, ["network", "--file", path, "--json"])["totals"]
        == tabulate(model_network("alexnet")).totals
    )


def test_file_without_input_uses_3x224_or_flag(tmp_path, capsys):
    path = tmp_path / "plain.json"
    path.write_text(json.dumps([{"kind": "conv", "out": 8, "kernel": 3, "bias": False}]))
    report = _json(capsys, ["network", "--file", str(path), "--json"])
    assert report["input_shape"] == [1, 3, 224, 224]
    assert report["totals"]["macs"] == 8 * 27 * 222 * 222
    report = _json(capsys, ["network", "--file", str(path), "--json", "--input", "10"])
    assert report["totals"]["macs"] == 8 * 27 * 8 * 8


def test_name_and_file_together(tmp_path, capsys):
    assert main(["network", "lenet", "--file", str(tmp_path / "x.json")]) == 2
    assert "not both (a network name and --file)" in capsys.readouterr().err
