"""Appendix (no exercise number in either edition): the next chapters' question, "which
layers dominate memory, which dominate computation?", answered from the network tables
(:mod:`derivations.networks`) of the book's CNNs and torchvision's.

The networks are far too big to run through the instrumented convolution, so their
convolution figures are the closed forms; a scaled-down copy of each convolution shape
the networks use is executed and checked, to tie the network rows to executed counts.
"""

from __future__ import annotations

from fractions import Fraction

from ..networks import MODELS as NETWORKS, model_network, parse_network, tabulate
from .document import CheckFailed, Exercise, checked, heading, mistakes, paragraph, table, text
from .instances import executed
from .notation import num

__all__ = ["build"]

SHOWN = ("lenet", "alexnet", "vgg11", "vgg16", "nin", "googlenet", "resnet18", "resnet50")
# torchvision's published figures: parameters, G multiply-adds to the digits published
PUBLISHED = {"alexnet": (61_100_840, "0.714"), "vgg16": (138_357_544, "15.47"),
             "resnet18": (11_689_512, "1.814"), "resnet50": (25_557_032, "4.089")}

# Scaled-down copies of the convolution shapes the networks use: (label, row, input)
SMALL = [
    (text("VGG $3\\times 3$, padding 1 per side", "VGG 的 $3\\times 3$，每侧填充 1"),
     {"kind": "conv", "out": 8, "kernel": 3, "padding": 1}, (4, 12, 12)),
    (text("ResNet stem $7\\times 7$, stride 2, padding 3", "ResNet 起始层 $7\\times 7$，步幅 2，填充 3"),
     {"kind": "conv", "out": 8, "kernel": 7, "stride": 2, "padding": 3, "bias": False},
     (3, 16, 16)),
    (text("AlexNet $11\\times 11$, stride 4", "AlexNet 的 $11\\times 11$，步幅 4"),
     {"kind": "conv", "out": 6, "kernel": 11, "stride": 4, "padding": 2}, (3, 23, 23)),
    (text("NiN/bottleneck $1\\times 1$", "NiN/瓶颈块的 $1\\times 1$"),
     {"kind": "conv", "out": 16, "kernel": 1, "bias": False}, (8, 7, 7)),
]


def _pct(part: int, whole: int) -> str:
    return f"${float(Fraction(part, whole) * 100):.1f}\\%$" if whole else "$0\\%$"


def _mega(value: int) -> str:
    return f"${value / 1e6:,.2f}$".replace(",", "\\,")


def _by_kind(table_, kinds) -> dict[str, int]:
    return {key: sum(getattr(r, key) for r in table_.rows if r.kind in kinds)
            for key in ("params", "macs", "activations")}


def _tables() -> dict:
    return {name: tabulate(model_network(name)) for name in SHOWN}


def build() -> Exercise:
    tables = _tables()
    return Exercise(
        id="networks", numbers={"en": None, "zh": None},
        title=text("Which layers dominate memory, which dominate computation?",
                   "哪些层主导内存，哪些层主导计算？"),
        statement=text(
            "The next chapters build LeNet, AlexNet, VGG, NiN, GoogLeNet and ResNet from "
            "the convolution layer of this section. Extend its cost model to a whole "
            "network: which layers hold the parameters and the activations, and which "
            "perform the multiply-adds?",
            "后面几章用本节的卷积层搭建 LeNet、AlexNet、VGG、NiN、GoogLeNet 和 ResNet。"
            "把本节的代价模型推广到整个网络：参数和激活值存在哪些层里？乘加运算又由哪些层完成？"),
        blocks=[*conventions(tables), *totals(tables), *heaviest(tables), *answer(tables),
                *small_layers_checked(), *common_mistakes(tables)])


def _published(tables) -> dict[str, str]:
    """Our totals, as the published figures print them, once they agree."""
    shown = {}
    for name, (params, gmacs) in PUBLISHED.items():
        totals = tables[name].totals
        ours = f"{totals['macs'] / 1e9:.{len(gmacs.split('.')[1])}f}"
        if totals["params"] != params or ours != gmacs:
            raise CheckFailed(f"{name}: tabulated {totals['params']} parameters and {ours} G "
                              f"MACs, torchvision publishes {params} and {gmacs} G")
        shown[name] = f"{totals['params']:,} parameters and {ours} G MACs"
    return shown


def conventions(tables) -> list:
    p = _published(tables)
    zh = {k: v.replace(" parameters and ", " 个参数、") for k, v in p.items()}
    return [
        heading(text("How the tables count", "计数约定")),
        paragraph(text(
            "Every figure below comes from `python -m derivations network NAME` at batch 1 "
            "(LeNet at its $28\\times 28$ input, the others at $224\\times 224$). MACs count "
            "the multiply-adds of convolution and fully connected layers only, bias "
            "additions excluded, which is the convention of torchvision's published figures "
            "(FLOPs are $2\\times$ MACs). Parameters are the trainable ones. Activations are "
            "the elements each layer writes, not in place. Pooling, batch normalization, "
            "activation functions and residual additions have no multiply-adds; their own "
            "operations are reported separately by the command. The torchvision models "
            f"reproduce torchvision's published totals (parameters exactly, MACs to the digits "
            f"published): AlexNet {p['alexnet']}, VGG-16 {p['vgg16']}, ResNet-18 "
            f"{p['resnet18']}, ResNet-50 {p['resnet50']}.",
            "下列数字都来自批量为 1 时的 `python -m derivations network NAME`（LeNet 用其 "
            "$28\\times 28$ 输入，其余用 $224\\times 224$）。MACs 只统计卷积层和全连接层的乘加，"
            "不含偏置加法，这正是 torchvision 公布数字的约定（FLOPs 为 MACs 的 2 倍）。参数指可训练参数。"
            "激活值指每层写出的元素个数（非原地）。池化、批量规范化、激活函数和残差加法没有乘加，"
            "它们自己的运算由命令另行列出。torchvision 的模型与其公布的总数一致（参数完全相同，MACs "
            f"精确到公布的位数）：AlexNet {zh['alexnet']}，VGG-16 {zh['vgg16']}，ResNet-18 "
            f"{zh['resnet18']}，ResNet-50 {zh['resnet50']}。")),
    ]


def totals(tables) -> list:
    header = [text("Model", "模型"), text("Parameters (M)", "参数（百万）"),
              text("MACs (M)", "MACs（百万）"), text("Activations (M)", "激活值（百万）"),
              text("Parameters in FC layers", "全连接层的参数占比"),
              text("MACs in convolutions", "卷积层的 MACs 占比"),
              text("Activations at the highest resolution", "最高分辨率层的激活值占比")]
    body = []
    for name, t in tables.items():
        total, fc, conv = t.totals, _by_kind(t, ("linear",)), _by_kind(t, ("conv",))
        size, early = _highest_resolution(t)
        body.append([_title(name), _mega(total["params"]), _mega(total["macs"]),
                     _mega(total["activations"]), _pct(fc["params"], total["params"]),
                     _pct(conv["macs"], total["macs"]),
                     _pct(sum(r.activations for r in early), total["activations"])
                     + f" (${size[0]}\\times {size[1]}$)"])
    return [heading(text("Totals and shares", "总量与占比")), table(header, body)]


def _highest_resolution(t):
    """The largest output height x width in the network, and the layers at it."""
    images = [r for r in t.rows if len(r.output_shape) == 4]
    size = max(r.output_shape[2:] for r in images)
    return size, [r for r in images if r.output_shape[2:] == size]


def _title(name: str) -> str:
    return NETWORKS[name].title


def heaviest(tables) -> list:
    header = [text("Model", "模型"), text("Most parameters", "参数最多的层"),
              text("Most MACs", "MACs 最多的层"), text("Most activations", "激活值最多的层")]
    body = []
    for name, t in tables.items():
        cells = [_title(name)]
        for key in ("params", "macs", "activations"):
            row = max(t.rows, key=lambda r: getattr(r, key))
            cells.append(f"`{row.name}` ({row.kind}, "
                         + _pct(getattr(row, key), t.totals[key]) + ")")
        body.append(cells)
    return [heading(text("The heaviest single layer", "最重的单层")),
            paragraph(text("Layer names are those of the source (d2l's `nn.Sequential` "
                           "indices, torchvision's module paths).",
                           "层名沿用来源中的名字（d2l 的 `nn.Sequential` 下标、torchvision 的模块路径）。")),
            table(header, body)]


def _break_even(t) -> int:
    """Smallest batch at which activations outnumber parameters."""
    total = t.totals
    return -(-total["params"] // total["activations"])


def _stage_macs(t) -> list[int]:
    """MACs of the second 3x3 convolution of the first block of each ResNet stage."""
    return [r.macs for r in t.rows if r.kind == "conv" and r.name.endswith(".0.conv2")]


def _share_at(t, size) -> str:
    rows = [r for r in t.rows if len(r.output_shape) == 4 and r.output_shape[2:] == size]
    return _pct(sum(r.activations for r in rows), t.totals["activations"])


def answer(tables) -> list:
    vgg, resnet, alex = tables["vgg16"], tables["resnet50"], tables["alexnet"]
    vgg_fc = _pct(_by_kind(vgg, ("linear",))["params"], vgg.totals["params"])
    vgg_conv = _pct(_by_kind(vgg, ("conv",))["macs"], vgg.totals["macs"])
    alex_fc_macs = _pct(_by_kind(alex, ("linear",))["macs"], alex.totals["macs"])
    res_fc = _pct(_by_kind(resnet, ("linear",))["params"], resnet.totals["params"])
    stages = _stage_macs(tables["resnet18"])
    if len(stages) != 4 or len(set(stages)) != 1:  # pragma: no cover - the prose below would be false
        raise AssertionError(f"ResNet-18 stage convolutions differ: {stages}")
    chains = [_highest_resolution(tables[name]) for name in ("lenet", "alexnet", "vgg16", "nin")]
    shares = sorted(Fraction(sum(r.activations for r in rows), tables[name].totals["activations"])
                    for name, (_, rows) in zip(("lenet", "alexnet", "vgg16", "nin"), chains))
    low, high = (f"${float(v * 100):.0f}\\%$" for v in (shares[0], shares[-1]))
    res_112, res_56 = _share_at(resnet, (112, 112)), _share_at(resnet, (56, 56))
    vgg_batch, res_batch = _break_even(vgg), _break_even(resnet)
    return [
        heading(text("The answer", "结论")),
        paragraph(text(
            f"Computation: convolutions. In every model they perform nearly all multiply-adds "
            f"(VGG-16: {vgg_conv}); even in AlexNet, whose fully connected layers hold most "
            f"weights, those layers perform only {alex_fc_macs} of the MACs, because a "
            f"convolution reuses each weight at every output position while a fully connected "
            f"weight is used once per sample. In ResNet no single convolution dominates: each "
            f"stage halves height and width and doubles the channels, which leaves "
            f"$c_i c_o m_h m_w$ unchanged, so the $3\\times 3$ convolutions of ResNet-18 cost "
            f"${num(stages[1])}$ MACs in every stage.",
            f"计算：卷积层。每个模型里几乎全部乘加都由卷积完成（VGG-16：{vgg_conv}）；"
            f"即使在全连接层占了大部分权重的 AlexNet 里，全连接层也只完成 {alex_fc_macs} 的 MACs，"
            f"因为卷积的每个权重在每个输出位置都被重复使用，而全连接层的权重每个样本只用一次。"
            f"ResNet 里没有哪个卷积占主导：每个阶段高宽减半、通道加倍，$c_i c_o m_h m_w$ 不变，"
            f"所以 ResNet-18 各阶段的 $3\\times 3$ 卷积都是 ${num(stages[1])}$ 次 MACs。")),
        paragraph(text(
            f"Parameter memory: fully connected layers where the network has them "
            f"(LeNet, AlexNet, VGG: VGG-16 keeps {vgg_fc} of its parameters in its three "
            f"FC layers, most in the first, which flattens a $512\\times 7\\times 7$ map). NiN, "
            f"GoogLeNet and ResNet replace the big FC head with global average pooling, so "
            f"their parameters sit in the last, widest convolutions (ResNet-50's one FC layer "
            f"holds {res_fc}).",
            f"参数内存：有全连接层的网络里是全连接层（LeNet、AlexNet、VGG：VGG-16 的 {vgg_fc} "
            f"参数在三个全连接层中，大多在第一个，它展平了 $512\\times 7\\times 7$ 的特征图）。"
            f"NiN、GoogLeNet 和 ResNet 用全局平均池化代替庞大的全连接头，参数因而集中在最后几个"
            f"最宽的卷积层（ResNet-50 唯一的全连接层只占 {res_fc}）。")),
        paragraph(text(
            f"Activation memory: the early, high-resolution layers. In the plain chains "
            f"(LeNet, AlexNet, VGG-16, NiN) the layers at the highest resolution write "
            f"{low} to {high} of all activations; ResNet-50 downsamples at once and widens "
            f"its bottlenecks to 256 channels, so its activations spread out ({res_112} at "
            f"$112\\times 112$, {res_56} at $56\\times 56$). Activations grow with the batch, "
            f"parameters do not: activations outnumber parameters from batch {vgg_batch} on "
            f"in VGG-16 and from batch {res_batch} on in ResNet-50, so in training, where "
            f"activations are kept for the backward pass, they dominate memory at any useful "
            f"batch size.",
            f"激活值内存：靠前的高分辨率层。在简单串联的网络（LeNet、AlexNet、VGG-16、NiN）中，"
            f"最高分辨率的层写出全部激活值的 {low} 到 {high}；ResNet-50 一开始就降采样，并把瓶颈块"
            f"加宽到 256 个通道，激活值因而分散（$112\\times 112$ 上占 {res_112}，"
            f"$56\\times 56$ 上占 {res_56}）。激活值随批量增长，参数不变：VGG-16 从批量 {vgg_batch} "
            f"起、ResNet-50 从批量 {res_batch} 起激活值就多于参数；训练时激活值要留给反向传播，"
            f"因此在任何实用的批量下，内存都由激活值主导。")),
    ]


def small_layers_checked() -> list:
    """Each convolution shape run through the network table and through the instrumented
    convolution; the table's MACs and parameters must equal the executed ones."""
    body = []
    for label, row, shape in SMALL:
        network = parse_network([row], shape)
        table_row = tabulate(network).rows[0]
        layer = network.nodes[0].kind.layer(shape, 1)
        counts = executed(layer)
        macs = checked(f"network MACs of {row}", table_row.macs, counts["forward_macs"])
        params = checked(f"network parameters of {row}", table_row.params,
                         counts["memory_params"])
        body.append([label, "$" + "\\times".join(map(str, shape)) + "$",
                     "$" + "\\times".join(map(str, table_row.output_shape[1:])) + "$",
                     f"${num(params)}$", f"${num(macs)}$"])
    return [
        heading(text("Checked by execution, on small layers", "用小层实际执行来核对")),
        paragraph(text(
            "The networks are too big for the instrumented convolution, so their convolution "
            f"rows use the closed forms. Each shape they use, scaled down, goes through the "
            f"network table and through the instrumented convolution; the parameters and "
            f"MACs below are printed only because the two agree (shapes are channels × "
            f"height × width).",
            "这些网络太大，无法用计数卷积实际执行，所以其卷积行使用闭式解。把它们用到的每种卷积形状缩小后，"
            "分别送入网络表和计数卷积；下表的参数与 MACs 只在两者一致时才会打印（形状为通道 × 高 × 宽）。")),
        table([text("Shape", "形状"), text("Input", "输入"), text("Output", "输出"),
               text("Parameters", "参数"), text("MACs (executed)", "MACs（实际执行）")], body),
    ]


def common_mistakes(tables) -> list:
    vgg = tables["vgg16"]
    first_fc = next(r for r in vgg.rows if r.kind == "linear")
    fc_params, fc_macs = (_pct(getattr(first_fc, key), vgg.totals[key])
                          for key in ("params", "macs"))
    alex_g = f"{tables['alexnet'].totals['macs'] / 1e9:.3f}"
    return [heading(text("Common mistakes", "常见错误")), mistakes(
        (text("\"The layers with the most parameters do the most computation.\"",
              "“参数最多的层计算量也最大。”"),
         text("A fully connected weight is used once per sample, a convolution weight once "
              f"per output position: VGG-16's first FC layer holds {fc_params} of the "
              f"parameters and does {fc_macs} of the MACs.",
              "全连接层的权重每个样本只用一次，卷积权重在每个输出位置各用一次：VGG-16 第一个全连接层"
              f"拥有 {fc_params} 的参数，却只做了 {fc_macs} 的 MACs。")),
        (text("\"FLOPs and MACs are the same number.\"", "“FLOPs 和 MACs 是同一个数。”"),
         text("A multiply-add is two floating-point operations: the published figures above "
              f"(AlexNet's {alex_g} G) are multiply-adds, half of what `torch.utils.flop_counter` "
              "reports as FLOPs.",
              f"一次乘加是两次浮点运算：上面公布的数字（AlexNet 的 {alex_g} G）是乘加数，"
              "只有 `torch.utils.flop_counter` 所报 FLOPs 的一半。")),
        (text("\"Memory is the parameters.\"", "“内存就是参数。”"),
         text("In training, the activations kept for backward scale with the batch and "
              "soon exceed the parameters.",
              "训练时为反向传播保存的激活值随批量增长，很快就超过参数。")),
        (text("\"PyTorch's FLOP counter gives the backward cost of a grouped convolution.\"",
              "“PyTorch 的 FLOP 计数器给出的分组卷积反向代价是对的。”"),
         text("PyTorch 2.13's `FlopCounterMode` counts the weight gradient of a convolution "
              "with $g$ groups $g$ times too high (it drops the group division); the "
              "executed count is $2\\times$ forward FLOPs. The test suite pins both.",
              "PyTorch 2.13 的 `FlopCounterMode` 把 $g$ 组卷积的权重梯度算高了 $g$ 倍（漏了按组划分）；"
              "实际执行的反向 FLOPs 是前向的 2 倍。测试同时固定了这两个数。")),
    )]
