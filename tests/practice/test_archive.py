"""The checker's archive (``practice/checker.zip``): deterministic bytes, within 1 MB, and
enough on its own: unpacked onto the path of a Python with nothing but its standard
library (no SymPy, no NumPy, no site-packages), it gives the verdicts and words of
``check --json``; it holds what the page imports and reads, and not the modules of
other commands (recorded in such a session: the modules imported, the files opened)."""

import contextlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from derivations import cli
from derivations.practice import archive
from derivations.practice.numbers import answer_at

ANSWERS = [
    ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w", "en"),
    ("forward-mults", "c_i*k_h*k_w*m_h*m_w", "zh"),
    ("double-channels", "4", "en"),
    ("output-height", "(h-k_h+p_h+s_h)/s_h", "zh"),
    ("compose-size", "k_1+k_2-1", "en"),
    ("compose-size", "k_1 + k_2 - 1（步幅为 2）", "zh"),  # another layer than the question's
    ("backward-memory", "c_o*(", "en"),
    # read through the notation registry (notations.yaml, shipped as prebuilt JSON)
    ("output-height", "(h - kernel_size + padding)/stride + 1", "zh"),
    # a parameter held at the book's value (the dilation), placed by a second reading: that
    # reading needed SymPy, which the page has not, and refused what the CLI accepts (s14exam E28)
    (
        "output-height",
        "floor((H_in + 2*padding[0] - dilation[0]*(kernel_size[0]-1) - 1)/stride[0] + 1)",
        "en",
    ),
    ("output-height", "floor((h - d(k_h - 1) - 1 + p_h)/s_h) + 1", "zh"),
    # the formulas page's own d_h, d_w (s14exam E29): placed, and the other axis's refused
    ("output-height", "floor((h - d_h(k_h - 1) + p_h + s_h - 1)/s_h)", "en"),
    ("output-width", "(w + p_w - d_h*(k_w - 1) - 1)//s_w + 1", "zh"),
    # a held parameter in an exponent: its place cannot be checked (s15rev F19)
    ("output-height", "(h + p_h - d_h*(k_h - 1)^d_h - 1)//s_h + 1", "en"),
    # the kernel's layout read from the registry's first (the page read the prebuilt
    # JSON's sorted keys: k_h×k_w×c_i×c_o where the command line said c_o×c_i×k_h×k_w)
    ("forward-memory", "x.numel() + w.numel() + y.numel()", "en"),
    # glosses, a contrast, an approximation and a sheet's label (s14exam E14, E15, E27)
    ("forward-mults", "c_o（输出通道数）× c_i（输入通道数）× k_h × k_w × m_h × m_w", "zh"),
    # the bias as the code that creates it, and a kernel's index by the layout the code
    # names: read through the registry's constructors and kernels (issue 21, session 16)
    ("bias-size", "self.bias = np.random.uniform(0, 1, size=(num_kernels,))", "en"),
    ("bias-size", "偏置 = UniformRandom().initialize((输入通道数, 1), None, None)", "zh"),
    ("output-height", "oh = (x.shape[2] - w.shape[2] + p_h) // s_h + 1  # NCHW", "zh"),
    ("bias-size", "b = torch.empty(c_o).uniform_(-k, k)", "en"),
    # the libraries' constructors, holders and conditions, a kernel layout named, another
    # layer's parameter named, an array made of the padded shape (issue 21, session 17)
    (
        "bias-size",
        "self.bias = Parameter(init.rand(out_channels, low=-k, high=k)) if bias else None",
        "en",
    ),
    ("bias-size", "b = jax.random.normal(key, (c_o, c_i))", "zh"),
    ("bias-size", "len(w)  # HWIO", "zh"),
    ("bias-size", "gamma = np.ones(F)", "en"),
    ("bias-size", "偏置 = tf.keras.initializers.Zeros()(shape=(输出通道数,))", "zh"),
    (
        "output-height",
        "new_X = np.zeros((N, H + 2 * p, W + 2 * p, C))\nout_h = (new_X.shape[1] - K) // s + 1",
        "zh",
    ),
    ("bias-size", "c_o (not c_i)", "en"),
    # capitals read as the book's lower-case symbols: one note naming them all (s17std)
    ("forward-mults", "C_o C_i K_h K_w M_h M_w", "zh"),
    ("output-height", "(H - K_h + P_h)//S_h + 1", "en"),
    ("bias-size", "c_o（也许 c_i）", "zh"),
    ("double-channels", "2(4 c_i k_h k_w - 1)/(2 c_i k_h k_w - 1) ≈ 4", "zh"),
    ("double-channels", "4c_o/c_o ≈ 4.04", "en"),  # rounds nothing (s15rev F3)
    ("forward-ops", "M + A = c_o m_h m_w (2 c_i k_h k_w - 1)", "en"),
    # a memory's unit word after a count of operations or a size: refused (s15exam E3)
    ("forward-mults", "c_o c_i k_h k_w m_h m_w 字节", "zh"),
    ("output-height", "floor((h-k_h+p_h)/s_h) + 1 elements", "en"),
    # ... and bytes after the bias count; adds, \text{次}, "one per", a fraction's factor
    # (s15exam E3, E2, E10, E6)
    ("bias-size", "c_o bytes", "en"),
    ("forward-adds", "c_o m_h m_w (c_i k_h k_w - 1) adds", "en"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w \\text{次}", "zh"),
    ("bias-size", "one per output channel", "en"),
    ("double-channels", "8/2 倍", "zh"),
    ("double-channels", "增加了 8/2 倍", "zh"),  # refused: 4 or 5 times (s16rev2 G2)
    # the bias in a sentence, a product of words after a label line (H14's classes)
    ("bias-size", "For each filter we also learn one bias.", "en"),
    ("bias-size", "每个输入通道有自己的偏置", "zh"),
    ("bias-size", "each kernel element also has a bias", "en"),  # no c_o (s16rev2 G1)
    # another quantity's name before the bias's count (s16rev F15, s16rev2 G3)
    ("bias-size", "self.params['W1'] = np.zeros(c_o)", "en"),
    ("bias-size", "输入通道数 = c_o", "zh"),
    ("forward-mults", "所以计算量为：\n\n卷积核高度x卷积核宽度x输入通道数x输出通道数", "zh"),
    # a count in parts (s14exam E27): a rate's product (each part judged alone first), two
    # counts summed with their words, two gradients side by side (refused); the ratio
    # where the increase is asked (E20)
    ("forward-mults", "每个输出元素需要 c_i k_h k_w 次乘法，共 c_o m_h m_w 个输出元素", "zh"),
    (
        "forward-ops",
        "c_o c_i k_h k_w m_h m_w multiplications + c_o m_h m_w (c_i k_h k_w - 1) additions",
        "en",
    ),
    ("backward-ops", "dX: c_o c_i k_h k_w m_h m_w, dW: c_o c_i k_h k_w m_h m_w", "en"),
    # each summed term checked as the count its word names, the rate's count word as the
    # question's (s15rev F5, F6: a nested check, refused alike without SymPy)
    ("forward-ops", "c_o m_h m_w (c_i k_h k_w - 1) 次乘法 + c_o c_i k_h k_w m_h m_w 次加法", "zh"),
    ("forward-mults", "each of the c_o m_h m_w outputs needs c_i k_h k_w additions", "en"),
    ("double-padding", "((h-k_h+2p_h)//s_h+1)((w-k_w+2p_w)//s_w+1)/(m_h m_w)", "zh"),
    # the sentences of the other languages (issue 21, s17lang): a bias per Y read through
    # the parts record's roles, "each Y has its own", a count word, "number of", a factor,
    # a bold lead-in; a negation, a bound and a count per a part refused
    ("bias-size", "각 필터는 자신의 편향을 가집니다", "en"),
    ("bias-size", "одно смещение на каждый выходной канал", "zh"),
    ("bias-size", "Anzahl der Filter", "zh"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w Multiplikationen", "en"),
    ("double-channels", "в 4 раза больше", "en"),
    ("forward-mults", "所以**总的乘法计算量**为c_o c_i k_h k_w m_h m_w", "zh"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w ではありません", "en"),
    ("forward-mults", "au moins c_o c_i k_h k_w m_h m_w", "en"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w pro Filter", "zh"),
    # a factor of speed, price or a decrease, whatever the word's ending (s17rev F18)
    ("double-channels", "4 times faster", "en"),
    ("double-channels", "в 4 раза дешевле", "zh"),
    ("double-channels", "уменьшается в 4 раза", "en"),
    ("double-channels", "快4倍", "zh"),
    # a kernel layout named that no record holds, or two (s17rev F7); a made array padded
    # once, then again (s17rev F15)
    ("bias-size", "w.shape[0]  # IOHW", "en"),
    ("bias-size", "w.shape[0]  # OIHW -> HWIO", "zh"),
    ("bias-size", "w.shape[0]  # (out_channels, in_channels, kH, kW)", "en"),
    (
        "output-height",
        "new_X = np.zeros((N, C, H + p_h, W + p_w))\nout_h = (new_X.shape[2] - k_h + p_h) // s_h + 1",
        "zh",
    ),
]


# answers read on the lazy paths (a second look: words, code, a sentence, traditional
# characters) and a question the page does not list (an error verdict)
MORE = [
    ("forward-mults", "the product of c_o, c_i, k_h, k_w, m_h and m_w", "en"),
    ("forward-mults", "def f(x): return c_o*c_i*k_h*k_w*m_h*m_w", "en"),
    ("output-height", "輸出的高度是 (h-k_h+p_h+s_h)/s_h", "zh"),
    ("double-channels", "它变为原来的4倍", "zh"),
    # a receptive field's sum and step over the layers, unrolled without SymPy (s16tex)
    ("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) \prod_{j=1}^{i-1} s_j", "zh"),
    ("compose-size", "RF_{l+1} = (RF_l - 1) * ∏_{i=1}^{l} stride_i + k_{l+1}", "en"),
    ("compose-size", "1 + Σ_{i=0}^{L} (k_i − 1)", "en"),
    # a sum too long to unroll, refused by a count (the page has no CPU timer), and a
    # step's stated start (s16rf2)
    ("compose-size", r"1 + \sum_{i=1}^{999999999} 0", "en"),
    ("compose-size", "感受野递推：RF_l = RF_{l-1} + (k_l - 1)，初值 RF_0 = 0", "zh"),
    ("compose-size", r"1 + \sum_{i=1}^{L} (k_i - 1) s_i", "en"),  # a stride not before its layer
    # a layer's stride held at the question's, and re-read at 2 where it acts (s17rf4)
    ("compose-size", "1 + (k_1-1) + (k_2-1)*s_1", "en"),
    ("compose-size", "k_1 + k_2 - s_1", "zh"),
    # a step's index a call's or another letter, TeX's words, a dilation (s17rf5)
    ("compose-size", "RF(t) = RF(t-1) + (kernel - 1) * jump * dilation", "en"),
    (
        "compose-size",
        r"$$l_{k} = l_{k-1} + \left[ (f_{k}-1) * \prod_{i=1}^{k-1} s_{i} \right]$$",
        "zh",
    ),
    ("compose-size", r"r_{\text{next}} = r_{\text{current}} + k \times \text{step}", "en"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w ~ 5", "en"),  # an approximation valued
    # what a Markdown page pastes (s17markup): an image's alt text, an equation image's
    # address (CodeCogs' &space;, Zhihu's form encoding), an alt and an address that say
    # two formulas (refused); a copy of a KaTeX rendering, read once or refused where its
    # stacks cannot be placed; a zero-width space inside a name, a break
    ("output-height", r"![\lfloor (h-k_h+s_h)/s_h \rfloor](eq.png)", "zh"),
    (
        "output-height",
        r"![\lfloor (h-k_h+p_h+s_h)/s_h \rfloor](https://latex.codecogs.com/svg.image?"
        r"\lfloor&space;(h-k_h&plus;p_h&plus;s_h)/s_h&space;\rfloor)",
        "en",
    ),
    (
        "forward-mults",
        "乘法次数为 ![公式](https://www.zhihu.com/equation?tex=c_o+c_i+k_h+k_w+m_h+m_w)",
        "zh",
    ),
    (
        "output-height",
        r"![\lfloor (h-k_h+p_h+s_h)/s_h \rfloor](https://latex.codecogs.com/svg.image?"
        r"\lfloor&space;(h-k_h&plus;s_h)/s_h&space;\rfloor)",
        "en",
    ),
    (
        "forward-mults",
        "乘法次数为 cocikhkwmhmwco\u200bci\u200bkh\u200bkw\u200bmh\u200bmw\u200b",
        "zh",
    ),
    (
        "forward-mults",
        "𝑐\n𝑖\n𝑘\nℎ\n𝑘\n𝑤\n𝑚\nℎ\n𝑚\n𝑤\nc\ni\n\t\u200b\n\nk\nh\n\t\u200b\n\nk\nw\n\t\u200b\n\nm\nh\n\t\u200b\n\nm\nw\n\t\u200b\n",
        "en",
    ),
    ("output-height", "⌊h−kh+phsh⌋+1⌊sh\u200bh−kh\u200b+ph\u200b\u200b⌋+1", "en"),
    ("forward-mults", "c_o c_i k\u200bh k_w m_h m_w", "zh"),
    # words beside the answer naming a layer's property: read or refused (s17wrong)
    ("output-height", "(h-k_h+p_h)//s_h + 1 (groupwise)", "en"),
    ("forward-mults", "c_o c_i k_h k_w m_h m_w（空洞率 2）", "zh"),
    ("output-height", "(h-k_h+p_h)//s_h + 1（向上取整）", "zh"),
    ("output-height", "(h-k_h+p_h)//s_h + 1 (rounded down)", "en"),
    # a rate beside the bias's count checked as the answer (a nested check), a chain's
    # count names, an increase by 多了, a step run at other strides (s17wrong)
    ("bias-size", "c_o (one per input channel)", "en"),
    ("bias-size", "c_o, one per filter", "zh"),
    ("forward-mults", "乘法次数 = 加法次数 = c_o c_i k_h k_w m_h m_w", "zh"),
    ("double-channels", "多了 4 倍", "zh"),
    ("compose-size", "r_1 = s_2 r_2 + (k_2 - 1)", "en"),
    ("compose-size", "r_1 = s_2 r_2 + (k_2 - s_2)", "en"),
    # ... next to a digit, refused (s17rev F6); a copy whose TeX and rendering differ (F5);
    # upmath and math.now.sh, an address that draws another formula than its alt or two
    # (F17, F9); a repeated attribute
    ("output-height", "输出高度：(h - k_h + p_h)/s_h + 1\u200b1", "zh"),
    ("double-channels", "2\u200b2", "en"),
    ("bias-size", "cic_oci\u200b", "en"),
    ("bias-size", "偏置数：![](https://i.upmath.me/svg/c_i)", "zh"),
    ("bias-size", "![](https://math.now.sh?from=c_o)", "en"),
    ("bias-size", "![c_o](https://i.upmath.me/svg/c_i)", "en"),
    ("bias-size", "![c_o](https://latex.codecogs.com:443/svg.image?c_i)", "en"),
    ("bias-size", "![](https://www.zhihu.com/equation?tex=c_o&tex=c_i)", "zh"),
    (
        "bias-size",
        '<img alt="c_i" src="https://latex.codecogs.com/svg.image?c_i"'
        ' src="https://latex.codecogs.com/svg.image?c_o">',
        "en",
    ),
    # a rate's sentence: read after a lead word, refused where a bound, "sometimes", a
    # word no rate opens with or a number before Y stands in it (s17rev F1, F13, F14)
    ("bias-size", "There is one bias per output channel", "zh"),
    ("bias-size", "at least one bias per output channel", "en"),
    ("bias-size", "出力チャネルごとに1つ以上のバイアス", "zh"),
    ("bias-size", "a veces un sesgo por canal de salida", "en"),
    ("bias-size", "un sesgo por cada dos canales de salida", "en"),
    ("bias-size", "mindestens ein Bias pro Filter", "zh"),
    ("bias-size", "two biases are associated with each output channel", "en"),
    (
        "bias-size",
        "In practice, biases are associated with filters, and not the activation maps.",
        "zh",
    ),
]
UNLISTED = ("no-such-question", "c_o", "en")
ROOT = Path(archive.__file__).resolve().parents[2]  # the folder holding the package


def _path(module: str) -> str:
    """The archive's name of ``module``'s file."""
    path = module.replace(".", "/")
    return f"{path}/__init__.py" if (ROOT / path / "__init__.py").is_file() else f"{path}.py"


def cli_json(question: str, answer: str, lang: str) -> dict:
    """What ``derivations check --json`` prints, run through the command line's own code."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["check", "--question", question, f"--answer={answer}", "--lang", lang, "--json"])
    return json.loads(out.getvalue())


def _at_layer() -> list:
    """Questions that ask for a number at the page's layer (practice/numbers.py): the
    right value, one more, a ratio, an unreadable number."""
    from derivations.practice.numbers import practice_variants

    key = {k.question: k.value for k in practice_variants().students[0].key}
    adds = key["forward-ops"] - key["forward-mults"]
    return [
        ("forward-mults", str(key["forward-mults"]), "en"),
        ("forward-mults", str(key["forward-mults"] + 1), "zh"),
        ("double-channels", str(key["double-channels"]), "en"),
        ("output-height", "4 +", "zh"),
        # a wrong formula whose value here is the key: not right (s15rev F14)
        ("output-height", "c_o", "en"),
        ("forward-mults", "c_o c_o c_i k_h k_w m_w", "zh"),
        # a count in brackets in a counting of its own: none of the layer's (s15rev F1)
        ("forward-ops", f"{key['forward-ops']} ({key['forward-mults'] + 1} MACs)", "en"),
        # another answer, or a bound, in brackets (s15rev F16)
        ("output-height", f"{key['output-height']} (also {key['output-height'] + 1})", "en"),
        ("output-height", f"{key['output-height']}（或更多）", "zh"),
        # a factor in Chinese numerals with decimals, read as 4.04, not 4 (s15exam E6)
        ("double-channels", "四点零四倍", "zh"),
        # the two counts summed with their words swapped (s15rev F5)
        ("forward-ops", f"{adds} multiplications + {key['forward-mults']} additions", "en"),
        # labelled numbers: a name after "=", words before, a shape after words, a total
        # after a count in words, a sign (s15exam E16)
        ("output-height", f"{key['output-height']} = m_h", "en"),
        ("output-height", f"{key['output-height']} = c_o", "en"),
        ("output-height", f"height {key['output-height']}", "en"),
        ("output-height", f"输出为 {key['output-height']}×{key['output-width']}", "zh"),
        ("bias-size", f"每个输出通道一个，共 {key['bias-size'] + 1} 个", "zh"),
        ("forward-mults", f">{key['forward-mults']}", "en"),
        ("forward-adds", f"{adds} adds", "en"),
        ("bias-size", f"{key['bias-size']} bytes", "en"),
        # words before a number a label only where the label data read them; a label's
        # negation or bound refused; a lone letter after "=" no label (s16rev F5, F2, F3)
        ("forward-mults", f"at least {key['forward-mults']}", "en"),
        ("output-height", f"not {key['output-height']}", "en"),
        ("output-height", f"{key['output-height']} = k", "en"),
        ("output-height", f"通道数 {key['output-height']}", "zh"),
        # a lone letter or words naming another quantity by the registry (s16rev F2, F3)
        ("output-height", f"k = {key['output-height']}", "en"),
        ("forward-adds", f"M = {adds}", "zh"),
        ("forward-mults", f"elements = {key['forward-mults']}", "en"),
        ("double-padding", f"倍数 {key['double-padding']}", "zh"),
        ("output-height", f"the output height is {key['output-height']}", "en"),
        # an operation said in brackets after the number: refused (s16rev F7)
        ("bias-size", f"{key['bias-size']}（加一）", "zh"),
        # a remark only denying the number: refused (s16rev F7)
        ("bias-size", f"{key['bias-size']} (wrong)", "en"),
        # a second count in brackets that is no count of the layer (s16rev F16)
        ("forward-mults", f"{key['forward-mults']} ({key['forward-mults'] + 1} with bias)", "en"),
    ]


AT_LAYER = _at_layer()

# what other commands import or read, never the page (the archive must not ship them)
NOT_THE_PAGES = {
    "derivations/cli.py",
    "derivations/commands/docs.py",
    "derivations/commands/grade.py",
    "derivations/practice/snapshot.py",
    "derivations/practice/archive.py",
    "derivations/grading/bulk.py",
    "derivations/mathml.py",
    "derivations/render.py",
    "derivations/messages/network.yaml",
    "derivations/messages/docs.yaml",
    "derivations/prebuilt/messages/network.json",
}
LEFT_OUT = {"networks", "exercises", "figures", "templates", "static", "benchmarks"}


@pytest.fixture(scope="module")
def built() -> bytes:
    return archive.checker_archive()


def test_the_bytes_are_the_same_each_build_and_the_members_fixed(built):
    assert archive.checker_archive() == built
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {(i.date_time, i.external_attr >> 16) for i in infos} == {
        ((1980, 1, 1, 0, 0, 0), 0o100644)
    }
    assert "derivations/practice/browser.py" in names
    assert "derivations/prebuilt/grammar/lalr-tables.json" in names
    assert {n for n in names if n.startswith("derivations/prebuilt/")} >= {
        f"derivations/prebuilt/checking/{q}.json" for q, _, _ in ANSWERS
    }
    assert not [n for n in names if "__pycache__" in n]
    # other commands' modules and catalogues: never imported nor read by the page
    assert not [n for n in names if n in NOT_THE_PAGES or n.split("/")[1] in LEFT_OUT]
    # no library but the package: no PyYAML (every YAML file the checker reads ships as
    # the store's prebuilt JSON), no lark (the grammar's tables ship prebuilt)
    assert {n.partition("/")[0] for n in names} == {"derivations"}
    shipped = {n for n in names if n.startswith("derivations/prebuilt/")}
    for name in names:
        folder, _, file = name.removeprefix("derivations/").rpartition("/")
        if name.startswith("derivations/") and file.endswith(".yaml"):
            kind = "messages" if folder == "messages" else folder
            assert f"derivations/prebuilt/{kind}/{file[:-5]}.json" in shipped, name


def test_it_is_at_most_one_megabyte(built):
    assert len(built) <= 1 << 20, len(built)


def test_unpacked_alone_it_checks_as_the_command_line_does(built, tmp_path):
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        z.extractall(tmp_path / "site")
    site = str(tmp_path / "site")
    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {site!r})\n"
        "opened = set()\n"
        "def record(event, args):  # the archive's files the session opens\n"
        f"    if event == 'open' and isinstance(args[0], str) and args[0].startswith({site!r}):\n"
        f"        opened.add(args[0][{len(site) + 1}:])\n"
        "sys.addaudithook(record)\n"
        "from derivations.practice.browser import answer, warm, warm_steps, warm_all\n"
        "for step in warm_steps():  # what the worker loads after it is ready\n"
        "    warm(step)\n"
        f"out = [json.loads(answer(*a)) for a in {ANSWERS!r}]\n"
        "from derivations.practice.numbers import answer_at\n"
        f"at = [json.loads(answer_at(*a)) for a in {AT_LAYER!r}]\n"
        "warm_all()  # what the snapshot runs: answers of each kind to every question\n"
        f"more = [json.loads(answer(*a))['verdict'] for a in {[*MORE, UNLISTED]!r}]\n"
        "heavy = sorted(m for m in ('sympy', 'numpy', 'jinja2', 'matplotlib', 'lark', 'yaml')\n"
        "               if m in sys.modules)\n"
        "modules = sorted(n for n, m in sys.modules.items() if n.startswith('derivations')\n"
        "                 and getattr(m, '__file__', None))\n"
        "print(json.dumps({'results': out, 'at': at, 'heavy': heavy, 'more': more,\n"
        "                  'modules': modules, 'opened': sorted(opened)}))\n"
    )
    env = {"DERIVATIONS_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    # -I -S: no site-packages and no environment: only the standard library and the archive
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["heavy"] == []
    # the message catalogues were the archive's prebuilt JSON: none parsed and cached here
    assert not list((tmp_path / "cache").glob("messages/*/*.json"))
    for (question, answer, lang), got in zip(ANSWERS, seen["results"]):
        assert got == cli_json(question, answer, lang), (question, answer)
    # the questions at the page's layer: as in CPython with the whole package there
    assert seen["at"] == [json.loads(answer_at(*a)) for a in AT_LAYER]
    assert {r["verdict"] for r in seen["at"]} == {"equivalent", "not_equivalent", "invalid_input"}
    assert {r["verdict"] for r in seen["results"]} >= {
        "equivalent",
        "equivalent_under_convention",
        "not_equivalent",
        "invalid_input",
    }
    assert seen["more"] == [cli_json(*a)["verdict"] for a in MORE] + ["error"]
    # what the session imported and read, the archive holds (it would have failed
    # otherwise); what the archive holds besides, the page can import or read: a
    # module its import graph reaches (archive.page_modules), a source the store
    # hashes (read by this session) or a message catalogue its code names
    names = set(zipfile.ZipFile(io.BytesIO(built)).namelist())
    read = {n for n in seen["opened"] if "__pycache__" not in n}
    imported = {_path(m) for m in seen["modules"]}
    assert imported <= names and read <= names
    graph = {_path(m) for m in archive.page_modules()}
    for name in names - imported - read:
        if name.endswith(".py"):
            assert name in graph, f"{name}: a module the page never imports"
        else:
            assert name.split("/")[-2] == "messages", f"{name}: a file the page never reads"
    # every module the graph reaches, it can import
    assert graph <= names
