"""Bad rows, files and flags: one-line errors naming the bad value, never a traceback."""

import json

import pytest

from derivations.cli import main
from derivations.errors import DerivationError
from derivations.networks import parse_network, read_layer_file, tabulate
from derivations.networks.graph import MAX_LAYERS
from derivations.networks.layer_files import MAX_BYTES
from derivations.networks.rows import SHOWN_CHARS, clipped, shown

IMAGE = (3, 8, 8)

# (rows, the message must contain)
BAD_ROWS = [
    ([{"kind": "convolution", "out": 4}], "row 1 (convolution1): kind='convolution' is not one of"),
    ([{"out": 4}], "row 1 (layer1): field 'kind' is missing"),
    ([{"kind": "conv", "kernel": 3}], "row 1 (conv1): field 'out' is missing"),
    ([{"kind": "conv", "out": -4, "kernel": 3}], "out=-4 must be >= 1"),
    ([{"kind": "conv", "out": 4.5, "kernel": 3}], "out=4.5 is not an integer"),
    ([{"kind": "conv", "out": True, "kernel": 3}], "out=True is not an integer"),
    (
        [{"kind": "conv", "out": 4, "kernel": [3, 3, 3]}],
        "kernel=[3, 3, 3] must be one integer >= 1 or [height, width] of them",
    ),
    ([{"kind": "conv", "out": 4, "kernel": "3"}], "kernel='3' must be one integer >= 1 or"),
    (
        [{"kind": "conv", "out": 4, "kernel": 3, "padding": -1}],
        "padding=-1 must be one integer >= 0",
    ),
    (
        [{"kind": "conv", "out": 4, "kernel": 3, "strid": 2}],
        "row 1 (conv1): unknown field 'strid' for kind conv (known: bias, dilation",
    ),
    ([{"kind": "conv", "out": 4, "kernel": 3, "bias": "yes"}], "bias='yes' must be true or false"),
    (
        [{"kind": "conv", "out": 4, "kernel": 3, "padding_convention": "same"}],
        "padding_convention='same' is not one of per-side, total",
    ),
    ([{"kind": "relu", "from": "nowhere"}], "from='nowhere' names no earlier layer"),
    ([{"kind": "relu", "from": 3}], "from=3 must be a layer name or a list of names"),
    ([{"kind": "relu", "from": []}], "from=[] must be a layer name or a list of names"),
    ([{"kind": "relu", "from": ["a", 3]}], "from=['a', 3] must be a layer name or a list of"),
    ([{"kind": "relu", "from": ["input", "input"]}], "kind relu takes one input"),
    ([{"name": "a", "kind": "relu"}, {"name": "a", "kind": "relu"}], "name='a' is used twice"),
    ([{"name": "input", "kind": "relu"}], "name='input' is used twice (or is the reserved"),
    ([{"name": 7, "kind": "relu"}], "row 1: name=7 must be a non-empty string"),
    ([{"name": "", "kind": "relu"}], "row 1: name='' must be a non-empty string"),
    (["relu"], "row 1: 'relu' must be a mapping of fields"),
    ([], "layers=[] must be a non-empty list of rows"),
    ([{"kind": "dropout", "p": 1.5}], "p=1.5 must be a number in [0, 1)"),
    ([{"kind": "dropout", "p": True}], "p=True must be a number in [0, 1)"),
    # a list or mapping as the kind (unhashable: once a TypeError)
    ([{"kind": ["conv"], "out": 6, "kernel": 5}], "row 1 (layer1): kind=['conv'] is not one of"),
    ([{"kind": {"conv": 1}}], "row 1 (layer1): kind={'conv': 1} is not one of"),
    # non-string field names (YAML's `1:` and `null:`): once a TypeError in sorted()
    ([{"kind": "relu", 1: "a", None: "b"}], "row 1 (relu1): unknown field 1 for kind relu"),
    ([{"kind": "relu", None: "b"}], "row 1 (relu1): unknown field None for kind relu"),
    (
        [{"kind": "relu"}] * (MAX_LAYERS + 1),
        f"layers: holds {MAX_LAYERS + 1:,} items, more than the {MAX_LAYERS:,} accepted",
    ),
]


@pytest.mark.parametrize("rows, message", BAD_ROWS)
def test_bad_row(rows, message):
    with pytest.raises(DerivationError) as error:
        parse_network(rows, IMAGE)
    assert message in str(error.value) and "\n" not in str(error.value)


# rows that parse but do not fit their input: (rows, message)
BAD_SHAPES = [
    (
        [{"kind": "conv", "out": 4, "kernel": 9}],
        "layer 'conv1': kernel k_h=9 does not fit the padded input h=8",
    ),
    (
        [{"kind": "conv", "out": 4, "kernel": 3, "groups": 2}],
        "layer 'conv1': groups=2 does not divide c_i=3",
    ),
    ([{"kind": "linear", "out": 4}], "layer 'linear1': linear needs a flat input, got (3, 8, 8)"),
    (
        [{"kind": "flatten"}, {"kind": "conv", "out": 2, "kernel": 1}],
        "layer 'conv2': conv needs a (channels, height, width) input, got (192,)",
    ),
    (
        [{"kind": "flatten"}, {"kind": "linear", "out": 2, "in": 100}],
        "layer 'linear2': in=100 but the input has 192 features",
    ),
    (
        [{"kind": "maxpool", "kernel": 3, "padding": 2}],
        "layer 'maxpool1': padding=2 exceeds half the kernel 3",
    ),
    ([{"kind": "avgpool", "kernel": 9}], "layer 'avgpool1': kernel 9 does not fit"),
    (
        [{"name": "a", "kind": "maxpool", "kernel": 2}, {"kind": "add", "from": ["a", "input"]}],
        "layer 'add2': add needs two or more inputs of one shape, got (3, 4, 4), (3, 8, 8)",
    ),
    ([{"kind": "add"}], "layer 'add1': add needs two or more inputs"),
    (
        [{"name": "a", "kind": "maxpool", "kernel": 2}, {"kind": "concat", "from": ["a", "input"]}],
        "layer 'concat2': concat needs two or more (channels, height, width) inputs",
    ),
]


@pytest.mark.parametrize("rows, message", BAD_SHAPES)
def test_bad_shape(rows, message):
    network = parse_network(rows, IMAGE)
    with pytest.raises(DerivationError) as error:
        tabulate(network)
    assert message in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("shape", [(3, 8), (0, 8, 8), (3, 8, 8.0), "3x8x8", (3, True, 8)])
def test_bad_input_shape(shape):
    with pytest.raises(DerivationError, match=r"input=.* must be \[channels, height, width\]"):
        parse_network([{"kind": "relu"}], shape)


@pytest.mark.parametrize("batch", [0, -1, 2.0, True])
def test_bad_batch(batch):
    with pytest.raises(DerivationError, match=r"batch=.* must be a positive integer"):
        tabulate(parse_network([{"kind": "relu"}], IMAGE), batch)


def _json_problem(content: str) -> str:
    """What this Python's json module says of ``content`` (its wording changed in 3.13:
    "Illegal trailing comma ..." where 3.11 says "Expecting value")."""
    try:
        json.loads(content)
    except json.JSONDecodeError as error:
        return f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
    raise AssertionError(f"{content!r} is valid JSON")


# (file name, content, message)
BAD_FILES = [
    ("net.json", '[{"kind": "relu"},]', _json_problem('[{"kind": "relu"},]')),
    ("net.yaml", "- kind: relu\n  - out: [", "not valid YAML"),
    ("net.yaml", "!!python/object/apply:os.system ['true']", "not valid YAML"),
    ("net.txt", "[]", "suffix '.txt' is not .json, .yaml or .yml"),
    ("net.json", '"relu"', "net.json: 'relu' must be a list of rows or a mapping with 'layers'"),
    ("net.json", '{"rows": []}', "net.json: field 'layers' is missing"),
    ("net.json", '{"rows": [], "layers": []}', "unknown field 'rows' (known: input, layers, name)"),
    ("net.json", '{"layers": 3}', "net.json: layers=3 must be a non-empty list of rows"),
    (
        "net.json",
        '{"layers": [], "input": [3, 0, 4]}',
        "input=[3, 0, 4] must be [channels, height, width]",
    ),
    ("net.json", '{"input": [1, 2, 2]}', "field 'layers' is missing"),
    ("net.json", '{"layers": [], "name": 3}', "name=3 must be a string"),
]


@pytest.mark.parametrize("name, content, message", BAD_FILES)
def test_bad_file(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(DerivationError) as error:
        read_layer_file(path)
    assert message in str(error.value) and "\n" not in str(error.value)


def alias_bomb(levels: int = 9) -> str:
    """A YAML flow list whose last item holds 9**levels strings through shared anchors
    (cheap to load, a 58 MB repr)."""
    items = ["&a0 [" + ", ".join(["x"] * 9) + "]"]
    items += [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "[" + ", ".join(items) + "]"


# files that once gave a traceback or a huge message: (name, content, message)
HOSTILE_FILES = [
    ("deep.json", "[" * 100_000, "deep.json: cannot be parsed as JSON (nested too deeply)"),
    ("deep.yaml", "[" * 100_000, "deep.yaml: cannot be parsed as YAML (nested too deeply)"),
    (
        "digits.json",
        '[{"kind": "conv", "out": 1' + "0" * 5000 + "}]",
        "digits.json: cannot be parsed as JSON (ValueError: Exceeds the limit",
    ),
    (
        "digits.yaml",
        "- kind: conv\n  out: 1" + "0" * 5000 + "\n",
        "digits.yaml: cannot be parsed as YAML (ValueError: Exceeds the limit",
    ),
    ("big.json", "[" + " " * MAX_BYTES + "]", f"big.json: larger than {MAX_BYTES:,} bytes"),
    ("keys.yaml", "- kind: relu\n  1: a\n  null: b\n", "unknown field 1 for kind relu"),
    ("kind.json", '[{"kind": ["conv"], "out": 6, "kernel": 5}]', "kind=['conv'] is not one of"),
    ("name.yaml", f"name: {alias_bomb()}\nlayers: [{{kind: relu}}]\n", "name=[['x', 'x', "),
    ("layers.yaml", f"layers: {alias_bomb()}\n", "row 1: ['x', 'x', "),
    ("input.yaml", f"input: {alias_bomb()}\nlayers: [{{kind: relu}}]\n", "input=[['x', 'x', "),
    ("row.yaml", f"- {{kind: conv, out: {alias_bomb()}, kernel: 3}}\n", "out=[['x', 'x', "),
    ("from.yaml", f"- {{kind: relu, from: {alias_bomb()}}}\n", "from=[['x', 'x', "),
    ("label.yaml", f"- {{kind: relu, name: {alias_bomb()}}}\n", "name=[['x', 'x', "),
    (
        "long.json",
        json.dumps([{"kind": "relu", "name": "n" * 100_000, "p": 1}]),
        "row 1 (" + "n" * (SHOWN_CHARS - 3) + "...): unknown field 'p'",
    ),
]


@pytest.mark.parametrize(
    "name, content, message", HOSTILE_FILES, ids=[name for name, *_ in HOSTILE_FILES]
)
def test_hostile_file_is_one_short_line(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    assert main(["network", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err, err[:300]
    assert err.count("\n") == 1 and "Traceback" not in err and len(err) < 300


# (value, how a message shows it): short values as repr, long ones cut to SHOWN_CHARS
SHOWN = [
    ("conv", "'conv'"),
    ([3, 3, 3], "[3, 3, 3]"),
    ({"a": 1}, "{'a': 1}"),
    (None, "None"),
    ("x" * 1000, None),
    (list(range(1000)), "[0, 1, 2, 3, 4, 5, ...]"),
    (10**200, None),
    ("a\nb", "'a\\nb'"),
]


@pytest.mark.parametrize("value, expected", SHOWN)
def test_shown_is_short(value, expected):
    text = shown(value)
    assert len(text) <= SHOWN_CHARS and "\n" not in text
    if expected is not None:
        assert text == expected
    else:  # cut in the middle (reprlib) or at the end
        assert "..." in text and len(text) >= SHOWN_CHARS - 3


@pytest.mark.parametrize(
    "name, expected",
    [("conv1", "conv1"), ("a\nb", "a\\nb"), ("n" * 61, "n" * (SHOWN_CHARS - 3) + "...")],
)
def test_clipped_name(name, expected):
    assert clipped(name) == expected


def test_missing_and_undecodable_file(tmp_path):
    with pytest.raises(DerivationError, match="no such file"):
        read_layer_file(tmp_path / "absent.json")
    (tmp_path / "latin.json").write_bytes(b"\xff\xfe[")
    with pytest.raises(DerivationError, match="cannot be read"):
        read_layer_file(tmp_path / "latin.json")


# CLI: (argv, message on stderr)
BAD_COMMANDS = [
    (["network", "lenet5"], "network 'lenet5' is not one of lenet, alexnet"),
    (["network"], "name a network (see --list) or give --file PATH"),
    (["network", "lenet", "--batch", "0"], "batch=0 must be a positive integer"),
    (["network", "lenet", "--input", "0"], "--input 0 must be a positive integer"),
    (["network", "lenet", "--input", "32"], "layer '7': in=400 but the input has 576 features"),
    (["network", "vgg16", "--input", "16"], "kernel 2 does not fit"),
]


@pytest.mark.parametrize("argv, message", BAD_COMMANDS)
def test_cli_errors_are_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_bad_row_in_file(tmp_path, capsys):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "input": [1, 8, 8],
                "layers": [
                    {"kind": "conv", "out": 2, "kernel": 3},
                    {"kind": "conv", "out": 2, "kernel": "x"},
                ],
            }
        )
    )
    assert main(["network", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "derivations network: error: row 2 (conv2): kernel='x' must be one integer "
        ">= 1 or [height, width] of them\n"
    )


# --- keyed: every error said in the command's --lang ----------------------------------------
ZH_COMMANDS = [
    (["network", "lenet5", "--lang", "zh"], "网络 'lenet5' 不是 lenet, alexnet"),
    (["network", "--lang", "zh"], "请给出网络名（见 --list）"),
    (["network", "lenet", "--batch", "0", "--lang", "zh"], "batch=0 必须是正整数"),
    (["network", "lenet", "--input", "32", "--lang", "zh"], "层 '7'：in=400，但输入有 576 个特征"),
    (["network", "vgg16", "--input", "16", "--lang", "zh"], "核 2 放不进每侧填充 0 后的输入"),
]


@pytest.mark.parametrize("argv, message", ZH_COMMANDS)
def test_cli_errors_in_chinese(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not any(word in err for word in ("must be", "is not one of", "but the input"))


def test_a_row_error_keeps_its_place_in_each_language():
    """A row's problem and where it is are said in one language (the place wraps the
    problem, which is a keyed error of its own)."""
    with pytest.raises(DerivationError) as caught:
        parse_network([{"kind": "relu"}, {"kind": "relu", "from": "nowhere"}], IMAGE)
    error = caught.value
    assert str(error) == "row 2 (relu2): from='nowhere' names no earlier layer"
    assert error.text("zh") == "第 2 行（relu2）：from='nowhere' 不是前面任何一层的名字"
    network = parse_network([{"kind": "flatten"}, {"kind": "linear", "out": 2, "in": 5}], IMAGE)
    with pytest.raises(DerivationError) as caught:
        tabulate(network)
    assert caught.value.text("zh") == "层 'linear2'：in=5，但输入有 192 个特征"


def test_transposed_output_padding_not_below_the_stride_is_refused():
    rows = [{"kind": "conv_transpose", "out": 2, "kernel": 3, "dilation": 2, "output_padding": 1}]
    with pytest.raises(
        DerivationError, match=r"output_padding=1 must be smaller than the stride 1"
    ):
        tabulate(parse_network(rows, IMAGE))


def test_the_table_notes_in_chinese(capsys):
    assert main(["network", "lenet", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "填充：按每侧计" in out and "合计：" in out
