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
from derivations.exercises.prose import say
from derivations.networks import MODELS as NETWORKS
from derivations.registry.exercises import heading_numbers

__all__ = ["build"]

# The labels of the scaled-down shapes of maths.SMALL, in order
SMALL_LABELS = (
    say("networks.vgg_padding_per_side"),
    say("networks.resnet_stem_stride_padding"),
    say("networks.alexnet_stride_padding_per_side"),
    say("networks.nin_bottleneck"),
)


def _pct(part: int, whole: int) -> str:
    return _percent(Fraction(part, whole) if whole else None)


def _percent(share: Fraction | None) -> str:
    return f"${float(share * 100):.1f}\\%$" if share is not None else "$0\\%$"


def _mega(value: int) -> str:
    """Millions, two decimals, the whole part grouped as :func:`num` groups counts
    (``15\\,470.26``, ``7547.23``)."""
    whole, _, decimals = f"{value / 1e6:.2f}".partition(".")
    return f"${num(int(whole))}.{decimals}$"


_by_kind = maths.by_kind


def _kind(kind: str) -> dict:
    """A layer kind the tables name in prose cells (``linear``, ``conv``): its words."""
    return say(f"networks.kind_{kind}")


def build() -> Exercise:
    tables = maths.tables()
    return exercise(
        "networks",
        statement=say("networks.the_next_chapters_build_lenet"),
        blocks=[
            *conventions(tables),
            *models(tables),
            *totals(tables),
            *heaviest(tables),
            *answer(tables),
            *small_layers_checked(),
            *tool_note(),
            *common_mistakes(tables),
        ],
    )


def _published(tables) -> dict[str, str]:
    """Our totals, as the published figures print them (checked equal to them)."""
    return {
        name: f"${num(figures.params)}$ parameters and {figures.gmacs} G MACs"
        for name, figures in maths.published(tables).items()
    }


def _mega_words(count: int) -> str:
    """A count in millions, two decimals (as the totals table prints it)."""
    return f"{count / 1e6:.2f}"


def _wan_words(count: int) -> str:
    """A count in 万 (ten thousands), rounded half up to a whole number: Chinese says
    ``911 万``, never a Latin ``9.11 M``."""
    return str((2 * count + 10**4) // (2 * 10**4))


def conventions(tables) -> list:
    concat = maths.concatenations(tables["googlenet"])
    p = _published(tables)
    zh = {k: v.replace(" parameters and ", " 个参数、") for k, v in p.items()}
    return [
        heading(say("networks.how_the_tables_count")),
        paragraph(
            say(
                "networks.every_figure_below_is_for",
                concat_with=_mega_words(concat["with"]),
                concat_without=_mega_words(concat["without"]),
                zh_concat_with=_wan_words(concat["with"]),
                zh_concat_without=_wan_words(concat["without"]),
                p_alexnet=p["alexnet"],
                p_vgg16=p["vgg16"],
                p_resnet18=p["resnet18"],
                p_resnet50=p["resnet50"],
                zh_alexnet=zh["alexnet"],
                zh_vgg16=zh["vgg16"],
                zh_resnet18=zh["resnet18"],
                zh_resnet50=zh["resnet50"],
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
        heading(say("networks.totals_and_shares")),
        paragraph(say("networks.totals_in_millions")),
        table(
            [
                say("networks.model"),
                say("networks.params"),
                "MACs",
                say("networks.activations"),
            ],
            sums,
        ),
        paragraph(say("networks.shares_of_the_parameters_those")),
        table(
            [
                say("networks.model"),
                say("networks.fc_params"),
                say("networks.conv_macs"),
                say("networks.top_res_act"),
            ],
            shares,
        ),
    ]


_highest_resolution = maths.highest_resolution


def _title(name: str) -> dict:
    title = NETWORKS[name].title
    if title.endswith(" (book)"):
        return say("networks.title_book", name=title.removesuffix(" (book)"))
    return say("networks.title", name=title)


# the Chinese edition's GoogLeNet code names an Inception block's branches p1_1 ... p4_2
# where the English edition's says b1_1 ... b4_2: each sheet uses its own edition's name
_BRANCH = re.compile(r"(?<=\.)b([1-4]_[12])$")


def _layer(name: str) -> dict:
    """A layer's name as each edition of the book writes it, as code."""
    return say("networks.layer", name=name, name_zh=_BRANCH.sub(r"p\1", name))


def _joined(items: list) -> dict:
    """Phrases (Text) as a list in each language (``a, b``; ``a、b``)."""
    separator = say("networks.list_separator")
    return {lang: separator[lang].join(item[lang] for item in items) for lang in separator}


def _tied_with(names: list) -> dict:
    if not names:
        return say("networks.not_tied")
    shown = _joined([_layer(n) for n in names[:2]])
    more = len(names) - 2
    if more > 0:
        return say("networks.tied_with_and_more", shown=shown, more=more, names=len(names))
    return say("networks.tied_with", shown=shown)


def _heaviest_cell(t, key) -> dict:
    row, others = maths.ties(t.rows, key)
    return say(
        "networks.heaviest_layer",
        name=_layer(row.name),
        kind=_kind(row.kind),
        share=_pct(getattr(row, key), t.totals[key]),
        tied=_tied_with(others),
    )


def _naming(tables) -> dict:
    """How each model's layers are named: bare nn.Sequential indices, torchvision's
    module paths, or the names of d2l's blocks -- read off the tables' first layer names."""
    groups = maths.naming(tables)

    def names(group):
        return _joined([_title(n) for n in groups[group]])

    return say(
        "networks.layer_names_indices_of_nested",
        indexed=names("indexed"),
        torchvision=names("torchvision"),
        blocks=names("blocks"),
    )


def heaviest(tables) -> list:
    header = [
        say("networks.model"),
        say("networks.most_parameters"),
        say("networks.most_macs"),
        say("networks.most_activations"),
    ]
    body = [
        [_title(name)] + [_heaviest_cell(t, key) for key in ("params", "macs", "activations")]
        for name, t in tables.items()
    ]
    return [
        heading(say("networks.the_heaviest_single_layer")),
        paragraph(_naming(tables)),
        table(header, body, cards_on_phone=True),
    ]


def _size(size) -> str:
    """An output size as the sheet writes it, ``$28\\times 28$``."""
    return f"${size[0]}\\times {size[1]}$"


def answer(tables) -> list:
    facts = maths.answer(tables)
    vgg_fc, vgg_conv = _percent(facts.vgg_fc), _percent(facts.vgg_conv)
    alex_fc_macs, res_fc = _percent(facts.alex_fc_macs), _percent(facts.res_fc)
    stride1, stride2 = facts.stride1, facts.stride2
    first, last = facts.first, facts.last
    low, high = (f"${float(v * 100):.0f}\\%$" for v in (facts.low, facts.high))
    res_112, res_56 = _percent(facts.res_112), _percent(facts.res_56)
    (top_size, goog_top), ((a_size, goog_a), (b_size, goog_b)) = facts.goog_top, facts.goog_middle
    vgg_batch, res_batch = facts.vgg_batch, facts.res_batch
    vgg_adam, res_adam = facts.vgg_adam, facts.res_adam
    # the model whose convolutions do the smallest share of its MACs
    conv_shares = {
        name: Fraction(_by_kind(t, ("conv",))["macs"], t.totals["macs"])
        for name, t in tables.items()
    }
    least = min(conv_shares, key=lambda name: conv_shares[name])
    return [
        heading(say("networks.the_answer")),
        paragraph(
            say(
                "networks.computation_convolutions_in_every_model",
                least=_title(least),
                conv_least=_percent(conv_shares[least]),
                vgg_conv=vgg_conv,
                alex_fc_macs=alex_fc_macs,
                stride1=num(stride1),
                first=first,
                last=last,
                stride2=num(stride2),
            )
        ),
        # the figure of the three shares beside the answer that reads them: in the PDF,
        # 0.7 of a page high, it floats to the next page while the answer's text fills
        # this one (after the heaviest-layer table, the last block before a heading, it
        # left the rest of the table's page empty)
        _figure(),
        paragraph(
            say(
                "networks.parameter_memory_fully_connected_layers",
                vgg_fc=vgg_fc,
                res_fc=res_fc,
                res18_last=_percent(facts.last_blocks["resnet18"]),
                res50_last=_percent(facts.last_blocks["resnet50"]),
                goog_last=_percent(facts.last_blocks["googlenet"]),
                nin_last=_percent(facts.last_blocks["nin"]),
                nin_top=facts.nin_top[0],
                nin_top_share=_percent(facts.nin_top[1]),
            )
        ),
        paragraph(
            say(
                "networks.activation_memory_the_early_high",
                low=low,
                high=high,
                res_112=res_112,
                res_56=res_56,
                goog_size=_size(top_size),
                goog_top=_percent(goog_top),
                goog_a_size=_size(a_size),
                goog_a=_percent(goog_a),
                goog_b_size=_size(b_size),
                goog_b=_percent(goog_b),
                vgg_batch=vgg_batch,
                res_batch=res_batch,
                vgg_adam=vgg_adam,
                res_adam=res_adam,
            )
        ),
        boxed(
            say("networks.whole_networks", **heading_numbers("networks")),
            say(
                "networks.computation_the_convolutions_vgg_of",
                vgg_conv=vgg_conv,
                alex_fc_macs=alex_fc_macs,
                vgg_fc=vgg_fc,
                low=low,
                high=high,
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
        heading(say("networks.checked_by_execution_on_small")),
        paragraph(
            say(
                "networks.the_networks_are_too_big",
                alexnet_padding=facts.alexnet_padding,
                alexnet_unpadded=facts.alexnet_unpadded,
            )
        ),
        table(
            [
                say("networks.shape"),
                say("networks.input"),
                say("networks.output"),
                say("networks.parameters"),
                say("networks.macs_executed"),
            ],
            body,
            cards_on_phone=True,
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
        heading(say("networks.common_mistakes")),
        mistakes(
            mistake("sheet_params_as_compute", fc_params=fc_params, fc_macs=fc_macs),
            mistake("sheet_flops_as_macs", alexnet_g=alex_g),
            mistake("parameters_only"),
        ),
    ]


def tool_note() -> list:
    """A known fault of a tool, not a student's mistake: a note."""
    return [paragraph(say("networks.a_note_on_tools_pytorch"))]


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
        paragraph(say("networks.the_models_as_their_code")),
        table(
            [
                say("networks.model"),
                say("networks.code"),
                say("networks.input_2"),
                say("networks.classes"),
            ],
            rows,
            cards_on_phone=True,  # side by side a phone would have to split "torchvision"
        ),
    ]


def _figure():
    return figure(
        "network-costs",
        caption=text(
            en="Per convolution and linear layer (in the deeper networks summed per block: "
            "the bar `layer1.*` sums the layers of the block `layer1`), in network order, "
            "named as in the tables: parameters, MACs and "
            "activations as shares of each network's total (each panel gives the sums, "
            "Σ). The MAC bars sum to 100% (MACs count only these layers); the activation "
            "bars to far less: the activation functions, pooling, normalization, "
            "concatenations and residual additions hold the other activations; the "
            "parameter bars to 100% but for batch norm's few parameters.",
            zh="按网络中的顺序列出每个卷积层与全连接层（较深的网络按块合计：柱 `layer1.*` 是块 "
            "`layer1` 中各层之和），名称与表中相同："
            "参数、MACs 与激活值各占全网络总量的比例（每图给出总和 Σ）。MACs 各柱之和为 100%"
            "（MACs 只统计这些层）；激活值各柱之和远不到 100%：其余激活值在激活函数、汇聚、"
            "规范化、连结和残差加法层；参数各柱之和除批量规范化的少量参数外为 100%。",
        ),
        alt=text(
            en="Bar charts per network: parameter bars tallest at the fully connected "
            "layers or the later, wider convolutions, "
            "MAC bars spread over the convolutions, activation bars tall at the start.",
            zh="每个网络一组柱状图：参数柱在全连接层或靠后、较宽的卷积层最高，MACs 柱分布在各卷积层，"
            "激活值柱在靠前的层最高。",
        ),
    )
