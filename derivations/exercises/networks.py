"""Appendix (no exercise number in either edition): the next chapters' question, "which
layers dominate memory, which dominate computation?", answered from the network tables
(:mod:`derivations.networks`) of the book's CNNs and torchvision's.

The networks are far too big to run through the instrumented convolution, so their
convolution figures are the closed forms; a scaled-down copy of each convolution shape
the networks use is executed and checked, to tie the network rows to executed counts.

Prose and layout only: the tables, shares, checks and executed figures are
:mod:`derivations.exercises.maths.networks`.
"""

from __future__ import annotations

import re
from fractions import Fraction

from derivations.exercises.document import (
    Exercise,
    exercise,
    figure,
    heading,
    mistake,
    mistakes,
    paragraph,
    table,
    text,
)
from derivations.exercises.document import answer as boxed
from derivations.exercises.maths import networks as maths
from derivations.exercises.notation import num
from derivations.networks import MODELS as NETWORKS

__all__ = ["build"]

# The labels of the scaled-down shapes of maths.SMALL, in order
SMALL_LABELS = (
    text(en="VGG $3\\times 3$, padding 1 per side", zh="VGG 的 $3\\times 3$，每侧填充 1"),
    text(
        en="ResNet stem $7\\times 7$, stride 2, padding 3",
        zh="ResNet 起始层 $7\\times 7$，步幅 2，填充 3",
    ),
    text(
        en="AlexNet $11\\times 11$, stride 4, padding 2 per side",
        zh="AlexNet 的 $11\\times 11$，步幅 4，每侧填充 2",
    ),
    text(en="NiN/bottleneck $1\\times 1$", zh="NiN/瓶颈块的 $1\\times 1$"),
)


def _pct(part: int, whole: int) -> str:
    return _percent(Fraction(part, whole) if whole else None)


def _percent(share: Fraction | None) -> str:
    return f"${float(share * 100):.1f}\\%$" if share is not None else "$0\\%$"


def _mega(value: int) -> str:
    return f"${value / 1e6:,.2f}$".replace(",", "\\,")


_by_kind = maths.by_kind


KIND_ZH = {
    "linear": "全连接",
    "conv": "卷积",
}  # the kinds the tables name in prose cells


def _kind(kind: str) -> dict:
    return text(en=kind, zh=KIND_ZH.get(kind, kind))


def build() -> Exercise:
    tables = maths.tables()
    return exercise(
        "networks",
        statement=text(
            en="The next chapters build LeNet, AlexNet, VGG, NiN, GoogLeNet and ResNet from "
            "the convolution layer of this section. Extend its cost model to a whole "
            "network: which layers hold the parameters and the activations, and which "
            "perform the multiply-adds?",
            zh="后面几章用本节的卷积层搭建 LeNet、AlexNet、VGG、NiN、GoogLeNet 和 ResNet。"
            "把本节的代价模型推广到整个网络：参数和激活值存在哪些层里？乘加运算又由哪些层完成？",
        ),
        blocks=[
            *conventions(tables),
            *models(tables),
            *totals(tables),
            *heaviest(tables),
            _figure(),
            *answer(tables),
            *small_layers_checked(),
            *tool_note(),
            *common_mistakes(tables),
        ],
    )


def _published(tables) -> dict[str, str]:
    """Our totals, as the published figures print them (checked equal to them)."""
    return {
        name: f"{figures.params:,} parameters and {figures.gmacs} G MACs"
        for name, figures in maths.published(tables).items()
    }


def _mega_words(count: int) -> str:
    """A count in millions, two decimals (as the totals table prints it)."""
    return f"{count / 1e6:.2f}"


def conventions(tables) -> list:
    concat = maths.concatenations(tables["googlenet"])
    p = _published(tables)
    zh = {k: v.replace(" parameters and ", " 个参数、") for k, v in p.items()}
    return [
        heading(text(en="How the tables count", zh="计数约定")),
        paragraph(
            text(
                en="Every figure below is for one example (batch 1), at the input size of the code "
                "each model comes from (next table). MACs count "
                "the multiply-adds of convolution and fully connected layers only, bias "
                "additions excluded, which is the convention of torchvision's published figures: "
                'its documentation labels them "GFLOPS", but they are multiply-adds, the very '
                "confusion of the FLOPs-versus-MACs mistake at the end (FLOPs are $2\\times$ "
                "MACs). Parameters are the trainable ones. Activations are "
                "the output elements every layer writes (convolutions, fully connected layers, "
                "pooling, normalization, activation functions, residual additions, and "
                "GoogLeNet's concatenations, which copy an Inception block's four branches into "
                "one output: GoogLeNet (book) writes "
                f"{_mega_words(concat['with'])} M activations with them, "
                f"{_mega_words(concat['without'])} M without), each counted "
                "once, as if no layer worked in place; the input image is not counted. Pooling, "
                "batch normalization, activation functions and residual additions have no "
                "multiply-adds. The torchvision models "
                f"reproduce torchvision's published totals (parameters exactly, MACs to the digits "
                f"published): AlexNet {p['alexnet']}, VGG-16 {p['vgg16']}, ResNet-18 "
                f"{p['resnet18']}, ResNet-50 {p['resnet50']}.",
                zh="下列数字都针对单个样本（批量 1），输入大小取各模型所出自代码的大小（见下表）。MACs 只统计卷积层和全连接层的乘加，"
                "不含偏置加法，这正是 torchvision 公布数字的约定：其文档把这些数字标为“GFLOPS”，但它们是乘加次数，"
                "正是文末 FLOPs 与 MACs 混淆的那个错误（FLOPs 为 MACs 的 2 倍）。参数指可训练参数。"
                "激活值指每层（卷积、全连接、池化、规范化、激活函数、残差加法，以及 GoogLeNet 的拼接："
                "它把 Inception 块四个分支的输出复制到一个输出中；GoogLeNet（本书）计入拼接时写出 "
                f"{_mega_words(concat['with'])} M 个激活值，不计入时为 {_mega_words(concat['without'])} M）"
                "写出的输出元素个数，每层计一次，"
                "视为没有原地运算；输入图像不计。池化、批量规范化、激活函数和残差加法没有乘加。"
                "torchvision 的模型与其公布的总数一致（参数完全相同，MACs "
                f"精确到公布的位数）：AlexNet {zh['alexnet']}，VGG-16 {zh['vgg16']}，ResNet-18 "
                f"{zh['resnet18']}，ResNet-50 {zh['resnet50']}。",
            )
        ),
    ]


def totals(tables) -> list:
    """Two narrow tables (phones): the totals, then the shares."""
    sums, shares = [], []
    for name, t in tables.items():
        total, fc, conv = t.totals, _by_kind(t, ("linear",)), _by_kind(t, ("conv",))
        size, early = _highest_resolution(t)
        sums.append(
            [
                _title(name),
                _mega(total["params"]),
                _mega(total["macs"]),
                _mega(total["activations"]),
            ]
        )
        shares.append(
            [
                _title(name),
                _pct(fc["params"], total["params"]),
                _pct(conv["macs"], total["macs"]),
                _pct(sum(r.activations for r in early), total["activations"])
                + f" (${size[0]}\\times {size[1]}$)",
            ]
        )
    return [
        heading(text(en="Totals and shares", zh="总量与占比")),
        paragraph(text(en="Totals, in millions:", zh="总量（单位：百万）：")),
        table(
            [
                text(en="Model", zh="模型"),
                text(en="Params", zh="参数"),
                "MACs",
                text(en="Activations", zh="激活值"),
            ],
            sums,
        ),
        paragraph(
            text(
                en="Shares: of the parameters, those in fully connected layers; of the MACs, those "
                "in convolutions; of the activations, those at the highest resolution (size in "
                "brackets).",
                zh="占比：全连接层参数占全部参数之比；卷积层 MACs 占全部 MACs 之比；最高分辨率（括号内为尺寸）"
                "各层激活值占全部激活值之比。",
            )
        ),
        table(
            [
                text(en="Model", zh="模型"),
                text(en="FC params", zh="全连接参数"),
                text(en="Conv MACs", zh="卷积 MACs"),
                text(en="Top-res. act.", zh="最高分辨率激活值"),
            ],
            shares,
        ),
    ]


_highest_resolution = maths.highest_resolution


def _title(name: str) -> dict:
    title = NETWORKS[name].title
    return text(en=title, zh=title.replace(" (book)", "（书中版本）"))


# the Chinese edition's GoogLeNet code names an Inception block's branches p1_1 ... p4_2
# where the English edition's says b1_1 ... b4_2: each sheet uses its own edition's name
_BRANCH = re.compile(r"(?<=\.)b([1-4]_[12])$")


def _layer(name: str, lang: str) -> str:
    """A layer's name as ``lang``'s edition of the book writes it, as code."""
    shown = _BRANCH.sub(r"p\1", name) if lang == "zh" else name
    return f"`{shown}`"


def _tied_with(names: list) -> dict:
    if not names:
        return text(en="", zh="")
    shown = ", ".join(_layer(n, "en") for n in names[:2])
    shown_zh = "、".join(_layer(n, "zh") for n in names[:2])
    more = len(names) - 2
    if more > 0:
        return text(
            en=f"; tied with {shown} and {more} more",
            zh=f"；与 {shown_zh} 等 {len(names)} 层并列",
        )
    return text(en=f"; tied with {shown}", zh=f"；与 {shown_zh} 并列")


def _heaviest_cell(t, key) -> dict:
    row, others = maths.ties(t.rows, key)
    kind, share, tied = (
        _kind(row.kind),
        _pct(getattr(row, key), t.totals[key]),
        _tied_with(others),
    )
    return text(
        en=f"{_layer(row.name, 'en')} ({kind['en']}, {share}{tied['en']})",
        zh=f"{_layer(row.name, 'zh')}（{kind['zh']}，{share}{tied['zh']}）",
    )


def _naming(tables) -> dict:
    """How each model's layers are named: bare nn.Sequential indices, torchvision's
    module paths, or d2l's block variables -- read off the tables' first layer names."""
    groups = maths.naming(tables)

    def names(group, lang):
        return ("、" if lang == "zh" else ", ").join(_title(n)[lang] for n in groups[group])

    return text(
        en=f"Layer names: indices of d2l's nested `nn.Sequential` for {names('indexed', 'en')}; "
        f"torchvision's module paths (`features.0`, `classifier.0`, `layer1.0.conv1`) for "
        f"{names('torchvision', 'en')}; d2l's block variables (`b1.0` is layer 0 of `b1`) for "
        f"{names('blocks', 'en')}. On a tie the first layer in network order is named and "
        f"the others with the same figure follow.",
        zh=f"层名：{names('indexed', 'zh')} 用 d2l 嵌套 `nn.Sequential` 的下标；"
        f"{names('torchvision', 'zh')} 用 torchvision 的模块路径（`features.0`、`classifier.0`、"
        f"`layer1.0.conv1`）；{names('blocks', 'zh')} 用 d2l 的块变量名（`b1.0` 是 `b1` 的第 0 层），"
        "Inception 块的分支按中文版代码命名为 `p1_1` 至 `p4_2`（英文版为 `b1_1` 至 `b4_2`）。"
        f"并列时写出网络中最靠前的层，其后列出数值相同的其他层。",
    )


def heaviest(tables) -> list:
    header = [
        text(en="Model", zh="模型"),
        text(en="Most parameters", zh="参数最多的层"),
        text(en="Most MACs", zh="MACs 最多的层"),
        text(en="Most activations", zh="激活值最多的层"),
    ]
    body = [
        [_title(name)] + [_heaviest_cell(t, key) for key in ("params", "macs", "activations")]
        for name, t in tables.items()
    ]
    return [
        heading(text(en="The heaviest single layer", zh="最重的单层")),
        paragraph(_naming(tables)),
        table(header, body),
    ]


def answer(tables) -> list:
    facts = maths.answer(tables)
    vgg_fc, vgg_conv = _percent(facts.vgg_fc), _percent(facts.vgg_conv)
    alex_fc_macs, res_fc = _percent(facts.alex_fc_macs), _percent(facts.res_fc)
    stride1, stride2 = facts.stride1, facts.stride2
    first, last = facts.first, facts.last
    low, high = (f"${float(v * 100):.0f}\\%$" for v in (facts.low, facts.high))
    res_112, res_56 = _percent(facts.res_112), _percent(facts.res_56)
    vgg_batch, res_batch = facts.vgg_batch, facts.res_batch
    vgg_adam, res_adam = facts.vgg_adam, facts.res_adam
    return [
        heading(text(en="The answer", zh="结论")),
        paragraph(
            text(
                en=f"Computation: convolutions. In every model they perform nearly all multiply-adds "
                f"(VGG-16: {vgg_conv}); even in AlexNet, whose fully connected layers hold most "
                f"weights, those layers perform only {alex_fc_macs} of the MACs, because a "
                f"convolution reuses each weight at every output position while a fully connected "
                f"weight is used once per sample. In ResNet no single convolution dominates: each "
                f"stage halves height and width and doubles the channels, which leaves "
                f"$c_o c_i m_h m_w$ unchanged, so every stride-1 $3\\times 3$ convolution of ResNet-18 "
                f"costs ${num(stride1)}$ MACs, in every stage; the first convolution of stages "
                f"{first}–{last}, which halves the size with stride 2, costs ${num(stride2)}$.",
                zh=f"计算：卷积层。每个模型里几乎全部乘加都由卷积完成（VGG-16：{vgg_conv}）；"
                f"即使在全连接层占了大部分权重的 AlexNet 里，全连接层也只完成 {alex_fc_macs} 的 MACs，"
                f"因为卷积的每个权重在每个输出位置都被重复使用，而全连接层的权重每个样本只用一次。"
                f"ResNet 里没有哪个卷积占主导：每个阶段高宽减半、通道加倍，$c_o c_i m_h m_w$ 不变，"
                f"所以 ResNet-18 每个步幅为 1 的 $3\\times 3$ 卷积在各阶段都是 ${num(stride1)}$ 次 MACs；"
                f"第 {first}–{last} 阶段的第一个卷积以步幅 2 把尺寸减半，为 ${num(stride2)}$ 次。",
            )
        ),
        paragraph(
            text(
                en=f"Parameter memory: fully connected layers where the network has them "
                f"(LeNet, AlexNet, VGG: VGG-16 keeps {vgg_fc} of its parameters in its three "
                f"FC layers, most in the first, which flattens a $512\\times 7\\times 7$ map). NiN, "
                f"GoogLeNet and ResNet replace the big FC head with global average pooling, so "
                f"their parameters sit in the last, widest convolutions (ResNet-50's one FC layer "
                f"holds {res_fc}).",
                zh=f"参数内存：有全连接层的网络里是全连接层（LeNet、AlexNet、VGG：VGG-16 的 {vgg_fc} "
                f"参数在三个全连接层中，大多在第一个，它展平了 $512\\times 7\\times 7$ 的特征图）。"
                f"NiN、GoogLeNet 和 ResNet 用全局平均池化代替庞大的全连接头，参数因而集中在最后几个"
                f"最宽的卷积层（ResNet-50 唯一的全连接层只占 {res_fc}）。",
            )
        ),
        paragraph(
            text(
                en=f"Activation memory: the early, high-resolution layers. In the plain chains "
                f"(LeNet, AlexNet, VGG-16, NiN) the layers at the highest resolution write "
                f"{low} to {high} of all activations; ResNet-50 downsamples at once and widens "
                f"its bottlenecks to 256 channels, so its activations spread out ({res_112} at "
                f"$112\\times 112$, {res_56} at $56\\times 56$). Activations grow with the batch, "
                f"parameters do not: activations outnumber parameters from batch {vgg_batch} on "
                f"in VGG-16 and from batch {res_batch} on in ResNet-50. Training holds more than "
                f"the parameters, though: their gradients (as many again) and the optimizer's "
                f"state (two more copies with Adam), four times the parameters in all, so the "
                f"activations kept for the backward pass outweigh them from batch {vgg_adam} on "
                f"in VGG-16 and from batch {res_adam} on in ResNet-50.",
                zh=f"激活值内存：靠前的高分辨率层。在简单串联的网络（LeNet、AlexNet、VGG-16、NiN）中，"
                f"最高分辨率的层写出全部激活值的 {low} 到 {high}；ResNet-50 一开始就降采样，并把瓶颈块"
                f"加宽到 256 个通道，激活值因而分散（$112\\times 112$ 上占 {res_112}，"
                f"$56\\times 56$ 上占 {res_56}）。激活值随批量增长，参数不变：VGG-16 从批量 {vgg_batch} "
                f"起、ResNet-50 从批量 {res_batch} 起激活值就多于参数。但训练时不只有参数：还有参数的梯度（同样多）和优化器状态"
                f"（Adam 再多两份），合计为参数的四倍，所以为反向传播保存的激活值要从 VGG-16 的批量 {vgg_adam}、"
                f"ResNet-50 的批量 {res_adam} 起才超过它们。",
            )
        ),
        boxed(
            text(en="whole networks", zh="整个网络"),
            text(
                en=f"computation: the convolutions (VGG-16: {vgg_conv} of the MACs, even AlexNet's "
                f"fully connected layers only {alex_fc_macs}); parameter memory: the fully "
                f"connected layers where there are any (VGG-16: {vgg_fc}), else the last, widest "
                f"convolutions; activation memory: the early, high-resolution layers ({low} to "
                f"{high} of all activations in the plain chains), and it grows with the batch.",
                zh=f"计算：卷积层（VGG-16 的 MACs 有 {vgg_conv} 在卷积层，AlexNet 的全连接层也只占 "
                f"{alex_fc_macs}）；参数内存：有全连接层时是全连接层（VGG-16：{vgg_fc}），否则是最后几个最宽的卷积层；"
                f"激活值内存：靠前的高分辨率层（简单串联的网络中占全部激活值的 {low} 到 {high}），且随批量增长。",
            ),
        ),
    ]


def small_layers_checked() -> list:
    """Each convolution shape run through the network table and through the instrumented
    convolution; the table's MACs and parameters must equal the executed ones."""
    facts = maths.small_layers()
    body = []
    for label, small in zip(SMALL_LABELS, facts.layers, strict=True):
        shape, params, macs = small.shape, small.params, small.macs
        body.append(
            [
                label,
                "$" + "\\times".join(map(str, shape)) + "$",
                "$" + "\\times".join(map(str, small.output_shape[1:])) + "$",
                f"${num(params)}$",
                f"${num(macs)}$",
            ]
        )
    return [
        heading(text(en="Checked by execution, on small layers", zh="用小层实际执行来核对")),
        paragraph(
            text(
                en="The networks are too big to execute operation by operation, so their convolution "
                f"rows use the closed forms. Each shape they use, scaled down, is both tabulated and "
                f"executed; the parameters and MACs below are printed only because the two agree "
                f"(shapes are channels × height × width; the AlexNet row keeps AlexNet's padding of "
                f"{facts.alexnet_padding} per side, without which the output would be "
                f"${facts.alexnet_unpadded}\\times {facts.alexnet_unpadded}$).",
                zh="这些网络太大，无法逐个运算执行，所以其卷积行使用闭式解。把它们用到的每种卷积形状缩小后，"
                "既制表又实际执行；下表的参数与 MACs 只在两者一致时才会打印（形状为通道 × 高 × 宽；"
                f"AlexNet 一行保留 AlexNet 每侧 {facts.alexnet_padding} 的填充，不填充时输出为 "
                f"${facts.alexnet_unpadded}\\times {facts.alexnet_unpadded}$）。",
            )
        ),
        table(
            [
                text(en="Shape", zh="形状"),
                text(en="Input", zh="输入"),
                text(en="Output", zh="输出"),
                text(en="Parameters", zh="参数"),
                text(en="MACs (executed)", zh="MACs（实际执行）"),
            ],
            body,
        ),
    ]


def common_mistakes(tables) -> list:
    vgg = tables["vgg16"]
    first_fc = next(r for r in vgg.rows if r.kind == "linear")
    fc_params, fc_macs = (
        _pct(getattr(first_fc, key), vgg.totals[key]) for key in ("params", "macs")
    )
    alex_g = f"{tables['alexnet'].totals['macs'] / 1e9:.3f}"
    return [
        heading(text(en="Common mistakes", zh="常见错误")),
        mistakes(
            mistake("sheet_params_as_compute", fc_params=fc_params, fc_macs=fc_macs),
            mistake("sheet_flops_as_macs", alexnet_g=alex_g),
            mistake("parameters_only"),
        ),
    ]


def tool_note() -> list:
    """A known fault of a tool, not a student's mistake: a note."""
    return [
        paragraph(
            text(
                en="A note on tools: PyTorch 2.13's `FlopCounterMode` counts the weight gradient of a "
                "convolution with $g$ groups $g$ times too high (it leaves out the division into "
                "groups); the executed backward pass costs $2\\times$ the forward FLOPs, grouped or "
                "not.",
                zh="关于工具的说明：PyTorch 2.13 的 `FlopCounterMode` 把 $g$ 组卷积的权重梯度算高了 $g$ 倍"
                "（漏了按组划分）；实际执行的反向传播无论是否分组都是前向 FLOPs 的 2 倍。",
            )
        )
    ]


def models(tables) -> list:
    """Each model's source, input and classes, read off the model registry and the table."""
    rows = []
    for name, t in tables.items():
        model = NETWORKS[name]
        source = model.source.split(":")[0].split()[0]  # "d2l" or "torchvision"
        classes = t.rows[-1].output_shape[-1]
        rows.append(
            [
                _title(name),
                f"`{source}`",
                "$" + "\\times ".join(map(str, model.input)) + "$",
                str(classes),
            ]
        )
    return [
        paragraph(
            text(
                en="The models, as their code defines them: the book's (d2l, Fashion-MNIST: one "
                "channel, 10 classes) or torchvision's (ImageNet: three channels, 1000 classes). "
                "The book trains its GoogLeNet at $96\\times 96$ to save time; the table uses "
                "$224\\times 224$ for every model but LeNet, so the figures compare.",
                zh="各模型按其代码的定义：书中的（d2l，Fashion-MNIST：单通道、10 类）或 torchvision 的"
                "（ImageNet：三通道、1000 类）。书中为节省时间以 $96\\times 96$ 训练 GoogLeNet；"
                "为便于比较，除 LeNet 外本表一律用 $224\\times 224$。",
            )
        ),
        table(
            [
                text(en="Model", zh="模型"),
                text(en="code", zh="代码"),
                text(en="input", zh="输入"),
                text(en="classes", zh="类别数"),
            ],
            rows,
        ),
    ]


def _figure():
    return figure(
        "network-costs",
        caption=text(
            en="Per convolution and linear layer (in the deeper networks per block of "
            "them), in network order, named as in the tables: parameters, MACs and "
            "activations as shares of each network's total. The bars do not sum to "
            "100% (each panel gives the sums, Σ): the ReLU, pooling, normalization and "
            "concatenation layers hold the other activations, and batch norm some "
            "parameters.",
            zh="按网络中的顺序列出每个卷积层与全连接层（较深的网络按块合计），名称与表中相同："
            "参数、MACs 与激活值各占全网络总量的比例。各柱之和不是 100%（每图给出总和 Σ）："
            "其余激活值在 ReLU、池化、归一化和拼接层，批量归一化还有部分参数。",
        ),
        alt=text(
            en="Bar charts per network: parameter bars tall at the fully connected end, "
            "MAC bars spread over the convolutions, activation bars tall at the start.",
            zh="每个网络一组柱状图：参数柱在全连接端最高，MACs 柱分布在各卷积层，激活值柱在开头最高。",
        ),
    )
