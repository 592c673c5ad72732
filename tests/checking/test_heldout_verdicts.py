"""The human verdicts of ``data/heldout_answers.yaml`` checked against PyTorch, not
against our closed forms: every answer is transcribed here into the quantities its
author defines (a formula in their own letters, a factor, a sentence's claim), and
evaluated on sampled layers against what PyTorch itself reports for that layer:
``F.conv2d``'s output shape, ``FlopCounterMode``'s forward and backward FLOPs (2 per
multiply-accumulate), tensor sizes, ``nn.Conv2d``'s bias, the support of two composed
kernels.  A right answer must equal its target on every sampled layer its convention
covers; a wrong one must differ on at least one.

Conventions, as the data file states them: padding per side (the author's p is
PyTorch's ``padding``; the book's total padding is twice it), the floor dropped (layers
where the stride divides), a square layer (one symbol for both axes), MACs (the
multiply-accumulates: the multiplications), FLOPs = 2 x MACs, the output kept beside
its gradient in the backward memory, a memory in bytes (4 per float32 element), the
bias counted beside the kernel in the forward memory, and the
doubled-channels factor read for the multiplications.  Big-O answers are checked by the
product inside the O; a batch's letter is 1 (the sampled layers take one example).

The transcription (the lambdas below) is ours; the test proves only that, so read, each
verdict is the maths', and it fails when a verdict in the data file is changed."""

import importlib.util
import math
import random
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

HAS_TORCH = importlib.util.find_spec("torch") is not None
pytestmark = pytest.mark.skipif(not HAS_TORCH, reason="needs torch (the oracle)")

DATA = yaml.safe_load((Path(__file__).parent / "data" / "heldout_answers.yaml").read_text("utf-8"))


@dataclass(frozen=True)
class Layer:
    """One layer; ``qh``/``qw`` is the padding per side (PyTorch's ``padding``)."""

    ci: int
    co: int
    h: int
    w: int
    kh: int
    kw: int
    qh: int
    qw: int
    sh: int
    sw: int

    @property
    def square(self):
        return self.h == self.w and self.kh == self.kw and self.qh == self.qw and self.sh == self.sw

    @property
    def divides(self):
        return (self.h + 2 * self.qh - self.kh) % self.sh == 0 and (
            self.w + 2 * self.qw - self.kw
        ) % self.sw == 0


@dataclass(frozen=True)
class Witness:
    """What PyTorch reports for one layer (the oracle's numbers)."""

    mh: int
    mw: int
    macs: int  # FlopCounterMode's forward FLOPs / 2
    bwd_flops_ratio: float  # FlopCounterMode's backward / forward FLOPs
    x: int  # elements of the input, kernel, output
    wt: int
    y: int
    bias: int

    @property
    def adds(self):  # a t-term sum costs t - 1 additions
        return self.macs - self.y

    @property
    def ops(self):
        return self.macs + self.adds


def _witness(layer):
    import torch
    import torch.nn.functional as F
    from torch.utils.flop_counter import FlopCounterMode

    x = torch.randn(1, layer.ci, layer.h, layer.w, requires_grad=True)
    w = torch.randn(layer.co, layer.ci, layer.kh, layer.kw, requires_grad=True)
    with FlopCounterMode(display=False) as forward:
        y = F.conv2d(x, w, stride=(layer.sh, layer.sw), padding=(layer.qh, layer.qw))
    with FlopCounterMode(display=False) as backward:
        y.sum().backward()
    bias = torch.nn.Conv2d(layer.ci, layer.co, (layer.kh, layer.kw)).bias
    assert bias is not None
    return Witness(
        mh=y.shape[2],
        mw=y.shape[3],
        macs=forward.get_total_flops() // 2,
        bwd_flops_ratio=backward.get_total_flops() / forward.get_total_flops(),
        x=x.numel(),
        wt=w.numel(),
        y=y[0].numel(),
        bias=bias.numel(),
    )


def _layers():
    rng = random.Random(21)
    layers = []
    while len(layers) < 36:
        kh, kw = rng.randint(1, 4), rng.randint(1, 4)
        layer = Layer(
            rng.randint(1, 4),
            rng.randint(1, 4),
            rng.randint(kh, 10),
            rng.randint(kw, 10),
            kh,
            kw,
            rng.randint(0, 2),
            rng.randint(0, 2),
            rng.randint(1, 3),
            rng.randint(1, 3),
        )
        square = len(layers) % 3 == 0  # a third square, for one-symbol answers
        if square:
            layer = Layer(
                layer.ci, layer.co, layer.h, layer.h, kh, kh, layer.qh, layer.qh, layer.sh, layer.sh
            )
        layers.append(layer)
    return layers


LAYERS = _layers()
POINTWISE = [
    Layer(ci, co, h, w, 1, 1, qh, qw, sh, sw)
    for ci, co, h, w, qh, qw, sh, sw in [
        (3, 2, 5, 5, 0, 0, 1, 1),
        (2, 4, 7, 6, 1, 0, 2, 3),
        (4, 3, 6, 6, 2, 2, 3, 3),
        (1, 5, 9, 9, 1, 1, 2, 2),
    ]
]


@pytest.fixture(scope="module")
def oracle():
    return {layer: _witness(layer) for layer in LAYERS + POINTWISE}


def _mh(x, o):
    return o.mh


def _mw(x, o):
    return o.mw


# target: what PyTorch reports (a function of the layer and its witness)
TARGETS = {
    "mh": _mh,
    "mw": _mw,
    "mults": lambda x, o: o.macs,
    "adds": lambda x, o: o.adds,
    "ops": lambda x, o: o.ops,
    "flops": lambda x, o: 2 * o.macs,
    "fwd_mem": lambda x, o: o.x + o.wt + o.y,
    "bwd_mem": lambda x, o: 2 * o.x + 2 * o.wt + o.y,  # X, dX, W, dW, dY
    "bwd_mem_kept": lambda x, o: 2 * o.x + 2 * o.wt + 2 * o.y,  # and Y kept
    "bias": lambda x, o: o.bias,
    "bwd_ratio": lambda x, o: round(o.bwd_flops_ratio),
}

fl = math.floor

# answer -> (the author's formula in their own quantities, target, which layers)
# letters: x.ci x.co (channels), x.h x.w (input), x.kh x.kw (kernel), x.qh x.qw (padding
# per side), x.sh x.sw (stride); o.mh o.mw (the output size, where the author names it)
SQ = "square"
DIV = "divides"
K1 = "pointwise"
READINGS = {
    # --- H1
    r"\text{Multiplications} = c_o \times h_o \times w_o \times c_i \times k_h \times k_w": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    r"\text{Additions} = c_o \times h_o \times w_o \times (c_i \times k_h \times k_w - 1)": (
        lambda x, o: x.co * o.mh * o.mw * (x.ci * x.kh * x.kw - 1),
        "adds",
        None,
    ),
    r"总乘加操作数（MAC）为 $c_o \times h_o \times w_o \times c_i \times k_h \times k_w$": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    r"\text{Memory}_{\text{forward}} = c_i \times h \times w + c_o \times h_o \times w_o + c_o \times c_i \times k_h \times k_w": (
        lambda x, o: x.ci * x.h * x.w + x.co * o.mh * o.mw + x.co * x.ci * x.kh * x.kw,
        "fwd_mem",
        None,
    ),
    r"\text{Memory}_{\text{backward}} = 2 \times (c_i \times h \times w) + 2 \times (c_o \times h_o \times w_o) + 2 \times (c_o \times c_i \times k_h \times k_w)": (
        lambda x, o: 2 * x.ci * x.h * x.w + 2 * x.co * o.mh * o.mw + 2 * x.co * x.ci * x.kh * x.kw,
        "bwd_mem_kept",
        None,
    ),
    r"\text{Computations} = c_o \times h_o \times w_o \times c_i": (
        lambda x, o: x.co * o.mh * o.mw * x.ci,
        "mults",
        K1,
    ),
    r"h_o = \left\lfloor \frac{h + 2p_h - k_h}{s_h} \right\rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"w_o = \left\lfloor \frac{w + 2p_w - k_w}{s_w} \right\rfloor + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Hout=⌊(H−K1+2P1)/S1⌋+1": (lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1, "mh", None),
    "Wout=⌊(W−K2+2P2)/S2⌋+1": (lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw) + 1, "mw", None),
    "Cout×Hout×Wout×(Cin×K1×K2)": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    # said to be FLOPs: neither FLOPs nor the exact count of operations
    "总的FLOPS为: Cout×Hout×Wout×(Cin×K1×K2)": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        ("flops", "ops"),
        None,
    ),
    "总的FLOPS为: Cout×Hout×Wout×(Cin×K1×K2+1)": (
        lambda x, o: x.co * o.mh * o.mw * (x.ci * x.kh * x.kw + 1),
        ("flops", "ops"),
        None,
    ),
    "bias的参数为:Cout": (lambda x, o: x.co, "bias", None),
    "K  x  K  x  Cin  x  Hout  x  Wout  x  Cout": (
        lambda x, o: x.kh * x.kh * x.ci * o.mh * o.mw * x.co,
        "mults",
        SQ,
    ),
    "Cin X Hout X Wout X Cout": (lambda x, o: x.ci * o.mh * o.mw * x.co, "mults", K1),
    "num(MAC)=I*J*M*N*K*L": (lambda x, o: x.kh * x.kw * o.mh * o.mw * x.ci * x.co, "mults", None),
    r"\text{FLOPs} = H_{\text{out}} \times W_{\text{out}} \times C_{\text{out}} \times C_{\text{in}} \times K \times K \times 2": (
        lambda x, o: o.mh * o.mw * x.co * x.ci * x.kh * x.kh * 2,
        "flops",
        SQ,
    ),
    # H x W the input size, and a bias added
    "FLOPs = 2𝐻𝑊𝐶𝑖𝑛𝐾2𝐶𝑜𝑢𝑡 +𝐻𝑊𝐶𝑜𝑢𝑡": (
        lambda x, o: 2 * x.h * x.w * x.ci * x.kh**2 * x.co + x.h * x.w * x.co,
        ("flops", "ops"),
        SQ,
    ),
    r"W_{\text{out}} = \left\lfloor \frac{W_{\text{in}} + 2p - k}{s} \right\rfloor + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        SQ,
    ),
    r"H_{\text{out}} = \left\lfloor \frac{H_{\text{in}} + 2p - k}{s} \right\rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "(# Filter params) x (# filter positions) x (# of filters)": (
        lambda x, o: (x.ci * x.kh * x.kw) * (o.mh * o.mw) * x.co,
        "mults",
        None,
    ),
    "Hout=(H+2Ph-Kh)/Sh+1": (lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1, "mh", DIV),
    r"O = \lfloor \frac{W - K + 2P}{S} \rfloor + 1": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        SQ,
    ),
    "OUTPUT = (원본이미지 사이즈 — 필터이미지 사이즈)/stride + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    r"OH = \frac{H + 2P - FH}{S} + 1": (lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1, "mh", DIV),
    r"OW = \frac{W + 2P - FW}{S} + 1": (lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1, "mw", DIV),
    r"\text{Output-Size} = \frac{(\text{Input-Size} - \text{Kernel-Size} + 2 \times \text{Padding})}{\text{Stride}} + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "output_size =1+ (input_size+2*padding-kernel_size)/stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "Output Size = ((Input Size - Filter Size + 2 × Padding) / Stride) + 1": (
        lambda x, o: ((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        DIV,
    ),
    r"\lfloor \frac{n + 2p - f} {s} + 1 \rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    r"N_{out} = \frac{N_{in} + 2P - K}{S} + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    r"\text{FLOPs} = 2 \times (\text{Filter Height} \times \text{Filter Width} \times \text{Input Channels} \times \text{Output Height} \times \text{Output Width}) \times \text{Number of Filters}": (
        lambda x, o: 2 * (x.kh * x.kw * x.ci * o.mh * o.mw) * x.co,
        "flops",
        None,
    ),
    "FLOPS_forward 2 x C_in x K2 x H x W x C_out x B": (
        lambda x, o: 2 * x.ci * x.kh**2 * o.mh * o.mw * x.co * 1,  # B = 1 example
        "flops",
        SQ,
    ),
    "FLOPS_backward 3 x FLOPS_forward": (lambda x, o: 3, "bwd_ratio", None),
    "O= (I - K + 2P)/S + 1": (lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1, "mh", DIV),
    "卷积计算量计算:输出数据大小*卷积核的尺寸*输入通道数": (
        lambda x, o: (o.mh * o.mw * x.co) * (x.kh * x.kw) * x.ci,
        "mults",
        None,
    ),
    "W_out = (W_in - K_width) // S + 1": (lambda x, o: (x.w - x.kw) // x.sw + 1, "mw", None),
    # --- H2
    r"h_{out} = \left\lfloor \frac{h + 2p_h - k_h}{s_h} \right\rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"w_{out} = \left\lfloor \frac{w + 2p_w - k_w}{s_w} \right\rfloor + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    r"\text{FLOPs}_{\text{forward}} = c_o \cdot h_{out} \cdot w_{out} \cdot k_h \cdot k_w \cdot c_i \cdot 2 - c_o \cdot h_{out} \cdot w_{out}": (
        lambda x, o: x.co * o.mh * o.mw * x.kh * x.kw * x.ci * 2 - x.co * o.mh * o.mw,
        "ops",
        None,
    ),
    r"\text{FLOPs}_{\text{forward}} \approx 2 \cdot c_o \cdot c_i \cdot k_h \cdot k_w \cdot h_{out} \cdot w_{out}": (
        lambda x, o: 2 * x.co * x.ci * x.kh * x.kw * o.mh * o.mw,
        "flops",
        None,
    ),
    r"\text{Memory}_{\text{forward}} = c_i \cdot h \cdot w + c_o \cdot c_i \cdot k_h \cdot k_w + c_o \cdot h_{out} \cdot w_{out}": (
        lambda x, o: x.ci * x.h * x.w + x.co * x.ci * x.kh * x.kw + x.co * o.mh * o.mw,
        "fwd_mem",
        None,
    ),
    r"\left \lfloor N = \frac{W-F+2P}{S}+1 \right \rfloor": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        SQ,
    ),
    r"MACC2 = N \times D_{G}^{2} \times D_{K}^{2} \times M": (
        lambda x, o: x.co * o.mh**2 * x.kh**2 * x.ci,
        "mults",
        SQ,
    ),
    r"MACC = N \times M \times D_{G}^{2}": (lambda x, o: x.co * x.ci * o.mh**2, "mults", (K1, SQ)),
    "out_h = (H + 2 * padding - FH) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (W + 2 * padding - FW) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "输出尺寸 = ⌊(输入尺寸 - 核尺寸)/步长⌋ + 1": (
        lambda x, o: fl((x.h - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "N=(W-F+2P)/S+1": (lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1, "mw", DIV),
    "output_width = (input_width - filter_width + 1) / strides_width;        (结果向上取整)": (
        lambda x, o: math.ceil((x.w - x.kw + 1) / x.sw),
        "mw",
        None,
    ),
    "bias(输出通道数)": (lambda x, o: x.co, "bias", None),
    r"w_{out} = \frac{w_{in} - k + 2p}{s} + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    r"O(c_{in} \times c_{out} \times k_{size} \times k_{size} \times o_h \times o_w)": (
        lambda x, o: x.ci * x.co * x.kh * x.kh * o.mh * o.mw,
        "mults",
        SQ,
    ),
    "K × K × Cin × Hout × Wout × Cout": (
        lambda x, o: x.kh * x.kh * x.ci * o.mh * o.mw * x.co,
        "mults",
        SQ,
    ),
    "M(bias参数个数)": (lambda x, o: x.co, "bias", None),
    "floor((n+2*p-f)/s+1)": (lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1), "mh", None),
    r"\lfloor \frac{w+2p-f}{s}+1 \rfloor": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "乘法次数为$c_o c_i k_h k_w m_w m_h$": (
        lambda x, o: x.co * x.ci * x.kh * x.kw * o.mw * o.mh,
        "mults",
        None,
    ),
    "总加法次数为$c_o (c_i k_h k_w-1) m_w m_h$": (
        lambda x, o: x.co * (x.ci * x.kh * x.kw - 1) * o.mw * o.mh,
        "adds",
        None,
    ),
    # the output gradient in bytes: neither the elements nor the bytes of the peak
    r"内存占用为$m_w \times m_h \times co \times 4$字节": (
        lambda x, o: o.mw * o.mh * x.co * 4,
        ("bwd_mem", "bwd_mem_bytes"),
        None,
    ),
    "与前向传播相当。": (lambda x, o: 1, "bwd_ratio", None),
    "$c_oc_im_hm_w$": (lambda x, o: x.co * x.ci * o.mh * o.mw, "mults", K1),
    "计算复杂度（浮点计算数FLOP）：$O(c_ic_ok_hk_wm_hm_w)$": (
        lambda x, o: x.ci * x.co * x.kh * x.kw * o.mh * o.mw,
        "mults",
        None,
    ),
    "newImgHeight = floor(((img_height + 2*P - ksize) / S)+1);": (
        lambda x, o: fl(((x.h + 2 * x.qh - x.kh) / x.sh) + 1),
        "mh",
        None,
    ),
    "newImgWidth = floor(((img_width + 2*P - ksize) / S)+1);": (
        lambda x, o: fl(((x.w + 2 * x.qw - x.kw) / x.sw) + 1),
        "mw",
        None,
    ),
    # --- H3
    "h - kh + 1, w - kw + 1 = h, w": (lambda x, o: x.h * x.w, "mults", K1),
    r"output=floor(\frac{input-kernel+2 \times padding}{stride})+1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "bias = n_{kernel}": (lambda x, o: x.co, "bias", None),
    r"W_2 = \frac{(W_1-F+2P)}{S}+1": (lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1, "mw", DIV),
    r"H_2 = \frac{(H_1-F+2P)}{S}+1": (lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1, "mh", DIV),
    "outputSize=(InputSize-KernelSize)+1": (lambda x, o: (x.w - x.kw) + 1, "mw", None),
    r"H' = \left\lfloor \frac{H + 2\,\text{pad}_h - k_H}{\text{stride}_h} \right\rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"W' = \left\lfloor \frac{W + 2\,\text{pad}_w - k_W}{\text{stride}_w} \right\rfloor + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "연산 복잡도는 O(H' ⋅ W' ⋅ C_{in} ⋅ k_H ⋅ k_W ⋅ C_{out})": (
        lambda x, o: o.mh * o.mw * x.ci * x.kh * x.kw * x.co,
        "mults",
        None,
    ),
    r"n_w^{[l]} = \left \lfloor \frac{n_w^{[l-1]} + 2p_w^{[l]} - k_w^{[l]}}{s_w^{[l]}} \right\rfloor + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Biases: n_c^{[l]}": (lambda x, o: x.co, "bias", None),
    # one product too many per output element
    "MACs = Hout * Wout * Cout * (K * K * Cin + 1)": (
        lambda x, o: o.mh * o.mw * x.co * (x.kh * x.kh * x.ci + 1),
        ("mults", "ops"),
        SQ,
    ),
    "Total MACs = O_H * O_W * O_C * (K_H * K_W * I_C)": (
        lambda x, o: o.mh * o.mw * x.co * (x.kh * x.kw * x.ci),
        "mults",
        None,
    ),
    # h w the input size
    "Expected total multiplies: {m * dk * dk * h * w * n}": (
        lambda x, o: x.ci * x.kh * x.kh * x.h * x.w * x.co,
        "mults",
        SQ,
    ),
    "flops_{cov} = h*w*k^2*c_{in}*c_{out}": (
        lambda x, o: x.h * x.w * x.kh**2 * x.ci * x.co,
        ("flops", "ops", "mults"),
        SQ,
    ),
    "(Input Size X No. of Kernels) X (Kernel Size X No. of Inp. channels) + bias": (
        lambda x, o: (x.h * x.w * x.co) * (x.kh * x.kw * x.ci),  # the bias term left out
        ("ops", "flops", "mults"),
        None,
    ),
    "O = ((W - K + 2P)/S) + 1": (lambda x, o: ((x.w - x.kw + 2 * x.qw) / x.sw) + 1, "mw", DIV),
    "H_out = floor((H_in + 2*padding - kernel_size) / stride + 1)": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    r"L_{\text{out}} = \bigg\lfloor \frac{L_{\text{in}} + 2p - d(k - 1) - 1}{s} + 1 \bigg\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),  # d = 1
        "mh",
        None,
    ),
    "OH=(H+2P-FH)/S +1": (lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1, "mh", DIV),
    "OW=(W+2P-FW)/S +1": (lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1, "mw", DIV),
    "self.y_h = (x_h - flt_h + 2*pad) // stride + 1 # 出力高さ": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    # the channel counts only: the output positions are missing
    "macs = input_size * output_size * kernel_size**2": (
        lambda x, o: x.ci * x.co * x.kh**2,
        "mults",
        SQ,
    ),
    r"\text{FLOPs} = N \times H_{out} \times W_{out} \times C_{out} \times (2 \times C_{in} \times k_h \times k_w)": (
        lambda x, o: 1 * o.mh * o.mw * x.co * (2 * x.ci * x.kh * x.kw),  # N = 1 example
        "flops",
        None,
    ),
    r"H_{out} = \left\lfloor \frac{H_{in} + 2p - k}{s} \right\rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "Backward convolution requires roughly 2× forward FLOPs": (lambda x, o: 2, "bwd_ratio", None),
    # the book's formula, p_h the total padding (twice PyTorch's)
    r"\lfloor (n_h - k_h + p_h +s_h)/s_h \rfloor": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "h_out = (h_in-h_filt + 2*p)//s+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    # one addition per product: accumulating from zero (the class's convention)
    "adds = c_out*h_out*w_out*c_in*h_filt*w_filt": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "w_out = (w_in - w_filt + 2 * p) / s + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "muls = n_filt*h_out*w_out*c_in*h_filt*w_filt": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "h_out = ((h_in + 2*p - h_filt) /s)+1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "muls = c_in * n_filt * h_out * w_out * h_filt * w_filt": (
        lambda x, o: x.ci * x.co * o.mh * o.mw * x.kh * x.kw,
        "mults",
        None,
    ),
    # muls - c_i per output element: neither the exact additions nor one per product
    "adds = muls - c_in * n_filt * h_out * w_out": (
        lambda x, o: x.ci * x.co * o.mh * o.mw * x.kh * x.kw - x.ci * x.co * o.mh * o.mw,
        ("adds", "mults"),
        None,
    ),
    "h_out = [(h_in+2*p-h_lift)/s +1]": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "w_out = math.floor((w_in + 2*p - w_filt)/s + 1)": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "w_out = ((w_in +2*p -w_filt)/s)+1": (
        lambda x, o: ((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        DIV,
    ),
    "h_out = int((h_in + 2*p - h_filt)/s + 1)": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "adds = (n_filt - 1) * h_out * w_out * c_in * h_filt * w_filt": (
        lambda x, o: (x.co - 1) * o.mh * o.mw * x.ci * x.kh * x.kw,
        ("adds", "mults"),
        None,
    ),
    "muls = mpf*h_out*w_out*n_filt": (  # mpf = c_in*h_filt*w_filt, her line above
        lambda x, o: (x.ci * x.kh * x.kw) * o.mh * o.mw * x.co,
        "mults",
        None,
    ),
    "h_out = math.floor((h_in+2.0*p-h_filt)/s + 1)": (
        lambda x, o: fl((x.h + 2.0 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "num_of_additions = n_filt*h_out*w_out*c_in*h_filt*w_filt": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "h_out = ((h_in+(2.0*p) - h_filt)/s)+1.0": (
        lambda x, o: ((x.h + (2.0 * x.qh) - x.kh) / x.sh) + 1.0,
        "mh",
        DIV,
    ),
    "adds = h_out * w_out * c_in * h_filt * w_filt * (n_filt-1)  # one less addition than multiplications based on the matrices": (
        lambda x, o: o.mh * o.mw * x.ci * x.kh * x.kw * (x.co - 1),
        ("adds", "mults"),
        None,
    ),
    "adds = muls": (  # muls = n_filt*h_out*w_out*c_in*h_filt*w_filt, her line above
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    # stride 1 only (p_h the total padding)
    r"(n_\textrm{h}-k_\textrm{h}+p_\textrm{h}+1)": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "h = (H-k+2*padding)/strides + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"\text{Output size} = \frac{(N + 2P – F)}{S} + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # --- H4
    r"o = \lfloor \frac{i+2p-k}{s} \rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"卷积后的图片维度为 $\lfloor \frac{n+2p-f}{s}+1 \rfloor$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out = (in - KernelSize + 2 * padding) / Stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "卷积层的 FLOPs = 2 * H_out * W_out * C_in * C_out * K_h * K_w": (
        lambda x, o: 2 * o.mh * o.mw * x.ci * x.co * x.kh * x.kw,
        "flops",
        None,
    ),
    "H_out = (H_in - K_h + 2P) / S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"\text{Complexity} = \mathcal{O}(H_{out} \cdot W_{out} \cdot C_{in} \cdot K_H \cdot K_W \cdot C_{out})": (
        lambda x, o: o.mh * o.mw * x.ci * x.kh * x.kw * x.co,
        "mults",
        None,
    ),
    "O = floor( (W - K + 2P) / S ) + 1": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Classic settings, i.e. deep networks with convolutional layers and large batch sizes, almost always have backward-forward FLOP ratios close to 2:1.": (
        lambda x, o: 2,
        "bwd_ratio",
        None,
    ),
    "Formula: (n + 2*pad - ks)//stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "Hout = (Hin + 2 * padding - dilation * (kernel_size - 1) - 1) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1,  # dilation = 1
        "mh",
        DIV,
    ),
    "W_out = int((W + 2 * padding - kernel_size[1]) / stride[1] + 1)": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "H_out = math.floor((H_in + 2 * pad_H - kernel_H) / stride_H) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "x = lambda input_size_x, padding, kernel_size, stride, dilation: ((input_size_x + 2 * padding[0] - dilation[0] * (kernel_size[0] - 1) - 1) / stride[0] + 1)": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1,  # dilation = 1
        "mh",
        DIV,
    ),
    "mults = n_filt * h_out * w_out * c_in * h_filt * w_filt": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "h_out = (h_in + 2 * p - h_filt) / s + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # 2 c_i k^2 + 1 per output element: neither the exact count, FLOPs nor MACs
    "num_flops = (1+2*int(channels)*size*size)*filters*out_shape[1]*out_shape[2]": (
        lambda x, o: (1 + 2 * x.ci * x.kh * x.kh) * x.co * o.mh * o.mw,
        ("ops", "flops", "mults"),
        SQ,
    ),
    # the multiply-accumulates called flops
    "flops += kernel_size^2 * channel_in * channel_out * h * w": (
        lambda x, o: x.kh**2 * x.ci * x.co * o.mh * o.mw,
        ("flops", "ops"),
        SQ,
    ),
    # the input size over the stride for the output size
    "flops = 2 * ((filters * ks[0] * ks[1] * i_shape[2]) * ((i_shape[0] / strides[0]) * (i_shape[1] / strides[1])))": (
        lambda x, o: 2 * ((x.co * x.kh * x.kw * x.ci) * ((x.h / x.sh) * (x.w / x.sw))),
        ("flops", "ops"),
        None,
    ),
    "flops = 2 * (filters * ks[0] * ks[1] * i_shape[2]) * (o_shape[0]*o_shape[1])": (
        lambda x, o: 2 * (x.co * x.kh * x.kw * x.ci) * (o.mh * o.mw),
        "flops",
        None,
    ),
    "return Kw * Kh * Ci * Wo * Ho * Co * 2": (
        lambda x, o: x.kw * x.kh * x.ci * o.mw * o.mh * x.co * 2,
        "flops",
        None,
    ),
    # MACs plus one bias addition per output
    "FLOPs = M'*N'*P*D*U*V+M'*N'*P": (
        lambda x, o: o.mh * o.mw * x.co * x.ci * x.kh * x.kw + o.mh * o.mw * x.co,
        ("flops", "ops", "mults"),
        None,
    ),
    "Hout = [(H - K1 + 2P1) / S1] + 1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "总计算量 2N x Hout x Wout x Channels x K1 x K2": (
        lambda x, o: 2 * x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "flops",
        None,
    ),
    "乘法计算量 N x Hout x Wout x Channels x K1 x K2": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    # one addition per product: accumulating from zero
    "加法计算量 N x Hout x Wout x Channels x K1 x K2": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    # the multiply-accumulates called FLOPS
    "FLOPS = width * height * kernel_h * kernel_w * in_channels * out_channels": (
        lambda x, o: o.mw * o.mh * x.kh * x.kw * x.ci * x.co,
        ("flops", "ops"),
        None,
    ),
    "the following formula gives us the width of the next layer: W_out = (W−F+2P)/S+1.": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "The output height would be H_out = (H-F+2P)/S + 1.": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # as written only 2P is divided by the stride
    "H2 = (H1 - F) + (2 * P) / S + 1": (
        lambda x, o: (x.h - x.kh) + (2 * x.qh) / x.sh + 1,
        "mh",
        None,
    ),
    "H2 = ((H1 - F) + (2 * P)) / S + 1": (
        lambda x, o: ((x.h - x.kh) + (2 * x.qh)) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"W_{out} = \frac{W - k + 2P}{S} + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # SAME padding only
    r"H_{out} = \lceil \frac{H_{in}}{stride[0]} \rceil": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "The backward flops are equal to the forward flops.": (lambda x, o: 1, "bwd_ratio", None),
    "FLOPs for backward pass for these operators are 2x compared to forward FLOPs.": (
        lambda x, o: 2,
        "bwd_ratio",
        None,
    ),
    "flop = prod(conv_shape) * prod(filter_size) * batch_size * c_out * c_in * 2": (
        lambda x, o: (o.mh * o.mw) * (x.kh * x.kw) * 1 * x.co * x.ci * 2,  # batch_size = 1
        "flops",
        None,
    ),
    r"Convolution: $c_i\times k_w \times k_h \times h_o \times w_o \times c_o$": (
        lambda x, o: x.ci * x.kw * x.kh * o.mh * o.mw * x.co,
        "mults",
        None,
    ),
    "The size of the bias parameter should be the number of filters.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "`dynet.conv2d_bias` only works when the length of `b` is the same as the number of output channels.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # the book's formula in words, padding the total rows
    "输出尺寸计算公式：(n_h - k_h + padding + stride) / stride 向下取整": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "shape(output) = ((shape(value)+2*pad - ksize) / strides) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    # no padding
    "shape(output) = (shape(value) - ksize + 1) / strides": (
        lambda x, o: (x.h - x.kh + 1) / x.sh,
        "mh",
        None,
    ),
    # the ceiling where the floor belongs
    "int h_o = (int) (Math.ceil((h_i + 2 * pad[0] - h_k) / ((float) (stride[0]))) + 1);": (
        lambda x, o: int(math.ceil((x.h + 2 * x.qh - x.kh) / float(x.sh)) + 1),
        "mh",
        None,
    ),
    "return std::floor(size + 2 * padding - k) / s + 1;": (
        lambda x, o: fl(x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Shouldn't this be `return std::floor((size + 2 * padding - k) / s )+ 1;`": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    # 'full' padding (k - 1 per side) only
    "Theano's CPU convolution implemention uses the formula `(image_size + filter_size + stride - 2) // stride`": (
        lambda x, o: (x.h + x.kh + x.sh - 2) // x.sh,
        "mh",
        None,
    ),
    r"\text{Sortie} = \frac{(N - K + 2P)}{S} + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "self.nbNeurons=int((self.inputSize-self.fieldSize+2*self.zeroPadding)/self.stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "Formula for output size for Convolutions: $[(W−K+2P)/S]+1$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # stride 1 only
    r"x_{\text{height}}+2\times{p_{\text{height}}}-k_{\text{height}}+1": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    # no padding
    r"o = \left\lfloor \frac{i - k}{s} \right\rfloor + 1.": (
        lambda x, o: fl((x.h - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"o = \left\lfloor \frac{i + 2p - k}{s} \right\rfloor + 1.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "The output size should be calculated with formula output = [(input+2*padding-kernel) / stride] + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    # VALID padding only
    "The equation for the size of the output is: (Input - Kernel) / Stride + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "For one spatial dimension the output length is the floor of the input length plus twice the padding minus the kernel size, all divided by the stride, plus one.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_h = 1 + (h + 2*pad - fh)/stride; % 整数になるよう設定": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    # one addition per product: accumulating from zero (the class's convention)
    "adds = n_filt*h_out*w_out*c_in*h_filt*w_filt": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    # D_x the input size
    r"Using $N$ conv blocks, the total operation is: $$T = D_k \cdot D_k \cdot M \cdot D_x \cdot D_x \cdot N$$": (
        lambda x, o: x.kh * x.kh * x.ci * x.h * x.h * x.co,
        "mults",
        SQ,
    ),
    "#define M3 ((M2-M1+2*ZERO_PAD)/STRIDE+1)//вычисляем размеры выходной матрицы": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # stride 1 and no padding only
    "O tamanho da saída é dado por: altura_{saida} = (altura_{entrada} - altura_{kernel} + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "total_ops is calculated by K x K x Cin x Wout x Hout X Cout": (
        lambda x, o: x.kh * x.kh * x.ci * o.mw * o.mh * x.co,
        "mults",
        SQ,
    ),
    "【2*k*k*Cin*Cout*Hout*Wout】": (
        lambda x, o: 2 * x.kh * x.kh * x.ci * x.co * o.mh * o.mw,
        "flops",
        SQ,
    ),
    # the multiply-accumulates called flops
    "the flops of conv cal as c_in*k_h*k_w*c_out*H*W": (
        lambda x, o: x.ci * x.kh * x.kw * x.co * o.mh * o.mw,
        ("flops", "ops"),
        None,
    ),
    "H_new = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    # --- H5-dev (public: collected 2026-12-06 by s5h5, split by page; no checker run on it)
    "O = (D -K +2P)/S + 1": (lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1, "mh", DIV),
    "return (input_size - filter_size + 2 * padding) // stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "FLOPs_conv = (2 * C_in * K * K - bias) * (C_out // groups) * H_out * W_out": (
        lambda x, o: (2 * x.ci * x.kh * x.kh - 0) * (x.co // 1) * o.mh * o.mw,
        "flops",
        SQ,
    ),
    # F*S where the stride should divide: right only at stride 1
    "#MAC=[F*F*C*(H+2*P-FS+1)*(W+2*P-FS+1) * M ]* B": (
        lambda x, o: x.kh * x.kh * x.ci * (x.h + 2 * x.qh - x.kh * x.sh + 1) ** 2 * x.co * 1,
        "mults",
        SQ,
    ),
    # stride 1 only (p_h the total padding, twice PyTorch's)
    "Output, `Y: (n_h - k_h + p_h + 1, n_w - h_w + p_w + 1)`": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Output, `Y: ([n_h - k_h + p_h + 1]/s_h, [n_w - h_w + p_w + 1]/s_w)`": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + 1) / x.sh),
        "mh",
        None,
    ),
    # SAME padding only
    "With padding='SAME' and stride=2, output height and width are ceil(input_dim / stride).": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    # VALID padding only, and floor((n - k + 1)/s) is not floor((n - k)/s) + 1
    "Use formula: output = floor((input - kernel + 1) / stride)": (
        lambda x, o: fl((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    # no padding (dilation d = 1)
    "源头 :Hout = (H - [(d-1)*(k-1) + k]) // Strid  + 1": (
        lambda x, o: (x.h - ((1 - 1) * (x.kh - 1) + x.kh)) // x.sh + 1,
        "mh",
        None,
    ),
    "L_{out}=floor((L_{in}+2padding-dilation(kernerl_size-1)-1)/stride+1)": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "输出大小: (W − kernel_size + 2*padding )/stride+1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # divides by S + 1
    "W2=(W1−F + 2P)/(S+1)": (lambda x, o: (x.w - x.kw + 2 * x.qw) / (x.sw + 1), "mw", DIV),
    "but it should say: W2=((W1−F + 2P)/S)+1": (
        lambda x, o: ((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        DIV,
    ),
    "b = rand(numFilters, 1);": (lambda x, o: x.co * 1, "bias", None),
    # MATLAB's rand(n) is n x n
    "b = rand(numFilters);": (lambda x, o: x.co * x.co, "bias", None),
    "the bias should be of shape (numFilters,1)": (lambda x, o: x.co * 1, "bias", None),
    # PADTOP + PADBOTTOM: the total padding, twice PyTorch's per-side padding
    "YH = floor((H + (PADTOP+PADBOTTOM) - FH)/STRIDEY) + 1,": (
        lambda x, o: fl((x.h + (x.qh + x.qh) - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "YW = floor((W + (PADLEFT+PADRIGHT) - FW)/STRIDEX) + 1. This is right.": (
        lambda x, o: fl((x.w + (x.qw + x.qw) - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    # FH (DILATEY - 1) + 1 is not the dilated extent: at dilation 1 the kernel drops out
    "YH = floor((H + (PADTOP+PADBOTTOM) - FH*(DILATEY-1) -1)/STRIDEY) + 1,": (
        lambda x, o: fl((x.h + (x.qh + x.qh) - x.kh * (1 - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    "output size = 1 + (input size - filter size + beginning padding + ending padding) / stride": (
        lambda x, o: 1 + (x.h - x.kh + x.qh + x.qh) / x.sh,
        "mh",
        DIV,
    ),
    # dilated filter size = dilations (filter size - 1) + 1, dilation 1
    "output size = 1 + (input size - dilated filter size + beginning padding + ending padding) / stride": (
        lambda x, o: 1 + (x.h - (1 * (x.kh - 1) + 1) + x.qh + x.qh) / x.sh,
        "mh",
        DIV,
    ),
    # the kernel left out
    r"({\rm input\_size} + {\rm pad} \times 2) / {\rm stride} + 1": (
        lambda x, o: (x.h + x.qh * 2) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"({\rm input\_size} + {\rm pad} \times 2 - {\rm ksize}) / {\rm stride} + 1": (
        lambda x, o: (x.h + x.qh * 2 - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"$$H_{out} = \frac{H_{in} - K + 2P}{S} + 1$$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$+C_{out}$ = Bias terms (one per filter)": (lambda x, o: x.co, "bias", None),
    r"$$\left\lfloor\frac{W-K+2P}{S}+1\right\rfloor$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "经卷积后的矩阵尺寸大小计算公式为 $$N = (W - F + 2P) / S + 1$$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # no padding, stride 1 only
    "Sin Padding ni Stride: $$O = W - K + 1$$": (lambda x, o: x.h - x.kh + 1, "mh", None),
    r"Con Padding y Stride: $$O = \left\lfloor \frac{W - K + 2P}{S} \right\rfloor + 1$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "return (W - K + 2 * P) // S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    # the output size D_G (the MobileNets paper's general form)
    "Standard Convolution Filters: DK∗Dk∗M∗N∗DG∗DG": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * o.mh * o.mh,
        "mults",
        SQ,
    ),
    "计算量: k * k * h1 * n * n * h2": (
        lambda x, o: x.kh * x.kh * x.ci * o.mh * o.mh * x.co,
        "mults",
        SQ,
    ),
    # g groups: each of the g groups has h1/g inputs and h2/g outputs (the layers here: g = 1)
    "计算量:(k * k * h1/g *n n * h2/g)g": (
        lambda x, o: (x.kh * x.kh * x.ci / 1 * o.mh * o.mh * x.co / 1) * 1,
        "mults",
        SQ,
    ),
    "out_height = floor((height+2*padding[0]-dilation[0]*(kernel_size[0]-1)-1)/stride[0])+1": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_width = floor((width+2*padding[1]-dilation[1]*(kernel_size[1]-1)-1)/stride[1])+1": (
        lambda x, o: fl((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw) + 1,
        "mw",
        None,
    ),
    "if we follow the formula  **out_w = (l.w + 2*l.pad - l.size) / l.stride_x + 1,** then the output should be 54x54": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    # no padding
    "input_length = (input_length - filter_size + stride) // stride": (
        lambda x, o: (x.h - x.kh + x.sh) // x.sh,
        "mh",
        None,
    ),
    """when i use the equation " h_o = (h_i + 2 * pad_h - kernel_h) / stride_h +1 " to calculate the output's side""": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # the ceiling where the floor belongs
    "n_H = int(np.ceil((n_H_prev + 2*pad - f)/stride))+1": (
        lambda x, o: math.ceil((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "n_W = int(np.ceil((n_W_prev + 2*pad - f)/stride))+1": (
        lambda x, o: math.ceil((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    r"o = \left [ \frac{n + 2p -m}{s} \right ] + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"o = \left \lfloor \frac{n + 2p -m}{s} \right \rfloor + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    # (D, H, W) order: index 1 the height, 2 the width; dilation 1 here
    r"H_{out}=\lfloor \frac{H_{in}+2*padding[1]-dilation[1] * (kernelSize[1] - 1) - 1}{stride[1]}+1 \rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    r"W_{out}=\lfloor \frac{W_{in}+2*padding[2]-dilation[2] * (kernelSize[2] -1) -1}{stride[2]}+1 \rfloor": (
        lambda x, o: fl((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1),
        "mw",
        None,
    ),
    # stride 1 and no padding only
    "Valid ( without padding) $n x n * f x f = n - f + 1 $": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    # stride 1 only
    "Same (with Padding) $n + 2p - f + 1$": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    r"floor(\frac{n +2p - f}{s} + 1)": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    # D the dilation (1 here)
    r"H_{out}=\left\lfloor \frac{H+2P - D(K-1) - 1}{S} + 1 \right\rfloor \quad,\quad W_{out}=\left\lfloor \frac{W+2P - D(K-1) - 1}{S} + 1 \right\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "H_out = math.floor((H + 2*P - D*(K-1) - 1)/S + 1)": (
        lambda x, o: math.floor((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "W_out = math.floor((W + 2*P - D*(K-1) - 1)/S + 1)": (
        lambda x, o: math.floor((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1),
        "mw",
        None,
    ),
    # --- H5-test (kept private until its one measurement)
    "Output Size (Width or Height) = [(Input Size - Kernel Size + 2 * Padding) / Stride] + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "return (input_size + pad * 2 - kernel_size) // stride + 1": (
        lambda x, o: (x.h + x.qh * 2 - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "Hauteur_sortie = ⎣ (x + 2p − k) / s ⎦ + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Largeur_sortie = ⎣ (y + 2p − k) / s ⎦ + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "const int height_col = (height + 2 * pad_h - kernel_h) / stride_h + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "const int width_col = (width + 2 * pad_w - kernel_w) / stride_w + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    # no padding
    "h_{out} = (h_{in} - h_w) / stride_h + 1": (lambda x, o: (x.h - x.kh) / x.sh + 1, "mh", None),
    "w_{out} = (w_{in} - w_w) / stride_w + 1": (lambda x, o: (x.w - x.kw) / x.sw + 1, "mw", None),
    # the multiply-accumulates called FLOPs
    "여기서 kernel size 가 K×K일 때, FLOps는 K×K×Cin×Cout×Hout×Wout 이 된다.": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * o.mh * o.mw,
        ("flops", "ops"),
        SQ,
    ),
    "Later the formula `(input_width - filter_width + 2 * P)/S + 1` is used in Section 10.": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "new_height = (input_height - filter_height + 2 * P)/S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "new_width = (input_width - filter_width + 2 * P)/S + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    r'You can convince yourself that the correct formula for calculating how many neurons "fit" is given by \\((W - F + 2P)/S + 1\\).': (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # one bias per output element: out_channels * the output's elements a channel
    "the number of parameters in the bias term of the convolution is equal out_channels * active_elements_count": (
        lambda x, o: x.co * o.mh * o.mw,
        "bias",
        None,
    ),
    "shouldn't that be equal to out_channels？": (lambda x, o: x.co, "bias", None),
    # + 1 where - 1 belongs
    "owidth  = floor(width + 2 * padW - dilationW * (kW-1) + 1) / dW + 1": (
        lambda x, o: fl(x.w + 2 * x.qw - 1 * (x.kw - 1) + 1) / x.sw + 1,
        "mw",
        None,
    ),
    "oheight = floor(height + 2 * padH - dilationH * (kH-1) + 1) / dH + 1": (
        lambda x, o: fl(x.h + 2 * x.qh - 1 * (x.kh - 1) + 1) / x.sh + 1,
        "mh",
        None,
    ),
    "outputWidth = floor((inputWidth + 2*padW - (dilationW * (kW - 1) + 1)) / dW) + 1;": (
        lambda x, o: fl((x.w + 2 * x.qw - (1 * (x.kw - 1) + 1)) / x.sw) + 1,
        "mw",
        None,
    ),
    "long outputHeight = (inputHeight + 2*padH - (dilationH * (kH - 1) + 1)) / dH + 1;": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    r"L_{out} = \left\lfloor \frac{L_{in} + 2 \times \text{padding} - \text{dilation}  \times (\text{kernelsize} - 1) - 1}{\text{stride}} + 1\right\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    # the padding's sign flipped
    "convodim(x) := floor((x - 2 * pad - dilation * (kernel - 1) -1) / stride + 1)": (
        lambda x, o: fl((x.h - 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    # img: the author's img_h (Output Image: img_h*img_w)
    "`Conv2d MACs =K*K*Cin*Cout*img*img_w`": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * o.mh * o.mw,
        "mults",
        SQ,
    ),
    # SAME / VALID only
    "YH = ceil(float(H) / float(strides[0]))": (lambda x, o: math.ceil(x.h / x.sh), "mh", None),
    "YW  = ceil(float(W) / float(strides[1]))": (lambda x, o: math.ceil(x.w / x.sw), "mw", None),
    "YH = ceil(float(XH - FH + 1) / float(strides[0]))": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    r"L_{out} = \frac{\left ( L_{in} + padding * 2 - \left ( dilation*\left ( L_{f}-1 \right )+1 \right ) \right )}{stride}+1": (
        lambda x, o: (x.h + x.qh * 2 - (1 * (x.kh - 1) + 1)) / x.sh + 1,
        "mh",
        DIV,
    ),
    "故总计算次数 = 特征图像素数 × 每次卷积计算次数 = W' × H' × C' × M × N × C": (
        lambda x, o: o.mw * o.mh * x.co * x.kh * x.kw * x.ci,
        "mults",
        None,
    ),
    "o = floor((i+2*p-d*(k-1)-1)/s)+1": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    r"$$\boxed{H_{out} = \left\lfloor\frac{H + 2P - K}{S}\right\rfloor + 1}$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    r"$$\text{Biases} = C_{out}$$": (lambda x, o: x.co, "bias", None),
    "H_out = (H + 2*padding - K) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "Using the formula: Output = (Input - Kernel + 2×Padding) / Stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Apply the formula: Output = ⌊(I - K + 2P) / S⌋ + 1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_height = int(np.floor((height - self.kernel_size[0] + 2 * self.padding) / self.stride)) + 1": (
        lambda x, o: int(fl((x.h - x.kh + 2 * x.qh) / x.sh)) + 1,
        "mh",
        None,
    ),
    "out_width = int(np.floor((width - self.kernel_size[1] + 2 * self.padding) / self.stride)) + 1": (
        lambda x, o: int(fl((x.w - x.kw + 2 * x.qw) / x.sw)) + 1,
        "mw",
        None,
    ),
    "return (input_dim - filter_dim + 2 * padd) / stride + 1;": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    # D_F the input's size
    "Standard convolutions have the computational cost of: D K · D K · M · N · D F · D F": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        "mults",
        SQ,
    ),
    "其中计算量是DK*DK*M*N*DF*DF": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        "mults",
        SQ,
    ),
    r"N=\frac{W-F+2*P}{S}+1": (lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1, "mh", DIV),
    # VALID only
    "return Math.floor(((inSize - kernel) / stride) + 1);": (
        lambda x, o: fl(((x.h - x.kh) / x.sh) + 1),
        "mh",
        None,
    ),
    "return Math.floor(((inSize - dkernel) / stride) + 1);": (
        lambda x, o: fl(((x.h - (1 * (x.kh - 1) + 1)) / x.sh) + 1),
        "mh",
        None,
    ),
    "output = (input - filter + stride) // stride  # VALID": (
        lambda x, o: (x.h - x.kh + x.sh) // x.sh,
        "mh",
        None,
    ),
    "output = (input + stride - 1) // stride  # SAME": (
        lambda x, o: (x.h + x.sh - 1) // x.sh,
        "mh",
        None,
    ),
    'in case of "VALID" : new_height = in_height - filter_height / stride_height': (
        lambda x, o: x.h - x.kh / x.sh,
        "mh",
        None,
    ),
    'in case of "SAME": new_height = in_height / stride_height': (
        lambda x, o: x.h / x.sh,
        "mh",
        None,
    ),
    "O = ((W - F + 2P) / S) + 1": (lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1, "mh", DIV),
    # stride 1 only
    "Dimostrazione Wout=Win−K+2P+1": (lambda x, o: x.w - x.kw + 2 * x.qw + 1, "mw", None),
    # kernel_extent: the kernel's extent (dilation 1 here)
    "conv_layer.cpp: `const int output_dim = (input_dim + 2 * pad_data[i] - kernel_extent) / stride_data[i] + 1;`": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    # x, y the input's size: x/stride is not the output size
    "Kernel^2*Cin*x/sride*y/stride*num_filter": (
        lambda x, o: x.kh**2 * x.ci * x.h / x.sh * x.w / x.sw * x.co,
        "mults",
        SQ,
    ),
    # a 3 x 3 layer's cost per output pixel
    "if it's 3x3 CNN and input channel num is c1 and output channel num is c2, CNN part should be 3x3xc1xc2 and bias part should be c2 = 3x3xc1xc2 + c2": (
        lambda x, o: 3 * 3 * x.ci * x.co + x.co,
        "ops",
        None,
    ),
    # the SAME rule
    "For the 'SAME' padding, the output height and width are computed as: out_height = ceil(float(in_height) / float(strides[1]))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    "out_width  = ceil(float(in_width) / float(strides[2]))": (
        lambda x, o: math.ceil(float(x.w) / float(x.sw)),
        "mw",
        None,
    ),
    # one bias per output position and map (oH the square output's size)
    "bias vector is set to length of self.oH*self.oH*nOutputPlane": (
        lambda x, o: o.mh * o.mh * x.co,
        "bias",
        SQ,
    ),
    "actually it always has only nOutputPlane different values (one bias for each output map)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # ks = the weight's shape (c_o, c_i, k_h, k_w)
    "mac_count = ks[0] * ks[1] * ks[2] * ks[3] * output.shape[2] * output.shape[3]": (
        lambda x, o: x.co * x.ci * x.kh * x.kw * o.mh * o.mw,
        "mults",
        None,
    ),
    # no padding
    "the formula for the convolution without padding: O = (I - K) / S + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    # automatic padding
    "for **automatic** padding CNTK uses the following: O = (I - 1) / S + 1": (
        lambda x, o: (x.h - 1) / x.sh + 1,
        "mh",
        None,
    ),
    "out_h = (H + 2*pad - filter_h) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (W + 2*pad - filter_w) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "int out_h = (H + 2 * pad - filter_h) / stride + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "int out_w = (W + 2 * pad - filter_w) / stride + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    r"height_{out}=(height_{in}-height_{kernel}+2\ast padding)/stride+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    r"width_{out}=(width_{in}-width_{kernel}+2\ast padding)/stride+1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # a square k x k kernel
    r"MAC=((c_{in}\ast (k\ast k))\ast c_{out})\ast (h_{out}\ast w_{out})": (
        lambda x, o: ((x.ci * (x.kh * x.kh)) * x.co) * (o.mh * o.mw),
        "mults",
        SQ,
    ),
    # filters_per_channel = c_o / groups (1 here); output_shapes[name] the output's size
    "flops_numpy = 2 * np.prod(kernel_size) * num_in_channels * filters_per_channel * np.prod(output_shapes[name])": (
        lambda x, o: 2 * (x.kh * x.kw) * x.ci * x.co * (o.mh * o.mw),
        "flops",
        None,
    ),
    # --- H6-dev (collected 2026-12-06 by s6h6, split by page; no checker run on it before it landed)
    "output_size = input_size - effective_K + 1": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "spatial_output = input_size - filter_size + 1": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    'macs = (\n                        filter["shape"][1]\n                        * filter["shape"][2]\n                        * outputs["shape"][1]\n                        * outputs["shape"][2]\n                        * filter["shape"][0] # filter["shape"][3] if groups is considered\n                        * inputs["shape"][3] # outputs["shape"][3] if groups is considered\n                    )': (
        lambda x, o: x.kh * x.kw * o.mh * o.mw * x.co * x.ci,
        "mults",
        None,
    ),
    "单个卷积层的时间复杂度:Time~O(M^2 * K^2 * Cin * Cout)": (
        lambda x, o: o.mh**2 * x.kh**2 * x.ci * x.co,
        "mults",
        SQ,
    ),
    "M=(X - K + 2*Padding) / Stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "输出形状是$ （n_h-k_h+1）*(n_w-k_w+1) $": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "如果在高的两侧一共填充 $ p_h $ 行，在宽的两侧一共填充 $ p_w $ 列，那么输出形状将会是$ (n_h−k_h+p_h+1)×(n_w−k_w+p_w+1) $": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "MACs=K2×Cin×Cout×OH×OW": (
        lambda x, o: x.kh**2 * x.ci * x.co * o.mh * o.mw,
        "mults",
        SQ,
    ),
    "方法为 ((输入边长 - kernel边长)/步长)+1 取整,没有padding": (
        lambda x, o: fl((x.h - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "對於某個卷積層,它的FLOPs數量為:[(K_h * K_w * C_{in}) * C_{out} + C_{out}] * (H * W) = num\\_params * (H * W),其中num\\_params表示該層參數的數目。": (
        lambda x, o: ((x.kh * x.kw * x.ci) * x.co + x.co) * (o.mh * o.mw),
        ("ops", "flops"),
        None,
    ),
    "#define OUT_ROWS ((IN_ROWS + 2*PADDING - KERNEL_ROWS) / STRIDE + 1)": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "#define OUT_COLS ((IN_COLS + 2*PADDING - KERNEL_COLS) / STRIDE + 1)": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "\\text{Output Size} = \\frac{\\text{Input Size} - \\text{Filter Size} + 2 \\times \\text{Padding}}{\\text{Stride}} + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "(H_{\\text{out}}, W_{\\text{out}}, C_{\\text{out}}) = \\left(\\frac{H_{\\text{in}} - F + 2P}{S} + 1, \\frac{W_{\\text{in}} - F + 2P}{S} + 1, K\\right)": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$$ \\text{Output Height} = \\frac{\\text{Input Height} - \\text{Kernel Height}}{\\text{Stride Height}} + 1 $$": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "$$ \\text{Output Width} = \\frac{\\text{Input Width} - \\text{Kernel Width}}{\\text{Stride Width}} + 1 $$": (
        lambda x, o: (x.w - x.kw) / x.sw + 1,
        "mw",
        None,
    ),
    "$$ \\text{Output Height} = \\lceil \\frac{\\text{Input Height}}{\\text{Stride Height}} \\rceil $$": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "Formula: Output size = (Input size - Kernel size + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Output size from padding $p_h$ rows (total) on the top and bottom and $p_w$ columns on the sides is $$(n_h - k_h + p_h + 1)\\times (n_w - k_w + p_w + 1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Output size from stride of $s_h$ rows and $s_w$ columns is $$\\lfloor(n_h - k_h + p_h + s_h)/s_h\\rfloor\\times\\lfloor(n_w - k_w + p_w + s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "The width of the output volume is calculated as: (input width - filter width + 2 * padding) / stride + 1 = (5 - 3 + 2 * 1) / 2 + 1 = 2": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "Output size = (Input size - Filter size + 2 * Padding) / Stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "则传统卷积的计算量为:\n\nD_K×D_K×M×N×D_F×D_F": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        "mults",
        SQ,
    ),
    "传统卷积:d x d x C_in x C_out x H x W ;": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.w,
        "mults",
        SQ,
    ),
    "出力サイズは $$入力サイズ - フィルターサイズ + 1 = 出力サイズ$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "パディングした場合の次元は $$入力サイズ - フィルターサイズ + パディング幅 × 2 + 1 = 出力サイズ$$": (
        lambda x, o: x.h - x.kh + x.qh * 2 + 1,
        "mh",
        None,
    ),
    "&& n_{n/w}^{[l]} &= & \\biggl \\lfloor\\frac{n_{n/w}^{[l-1]} + 2p^{[l]}-f^{[l]}}{s^{[l]}}+1 \\biggr \\rfloor\\\\": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "Output = floor((Input + 2 * Padding - Kernel Size) / Stride) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    # --- H6-dev, second increment
    "The formula to calculate the output size of the convolutional layer is: \\(N = \\frac{W-F+2P}{S} + 1 \\)": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Use the formula: output_size = input_size - kernel_size + 1 when padding is 'valid'.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "new_h = h + (2*padding[0]) - (dilation[0]*(kernel_size[0]-1)) - 1\n    new_h /= stride[0]\n    new_h = math.floor(new_h + 1)": (
        lambda x, o: fl((x.h + (2 * x.qh) - (1 * (x.kh - 1)) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "new_w = w + (2*padding[1]) - (dilation[1]*(kernel_size[1]-1)) - 1\n    new_w /= stride[1]\n    new_w = math.floor(new_w + 1)": (
        lambda x, o: fl((x.w + (2 * x.qw) - (1 * (x.kw - 1)) - 1) / x.sw + 1),
        "mw",
        None,
    ),
    "out_width = (in_width + 2*self.padding - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "Use Python’s integer floor division // to match the (\\lfloor\\cdot\\rfloor) in the formula: (h_in + 2*p - k) // s + 1.": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "shape 계산식 : ( (n + 2p - k)/s ) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "$$\n(n_h - k_h + p_h + 1) \\times (n_w - k_w + p_w + 1)\n$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    # --- H6-dev, third increment
    "h = floor(((h_w_dims[0] + (2 * pad) - (dilation * (kernel_size[0] - 1)) - 1) / stride) + 1)": (
        lambda x, o: fl(((x.h + (2 * x.qh) - (1 * (x.kh - 1)) - 1) / x.sh) + 1),
        "mh",
        None,
    ),
    "w = floor(((h_w_dims[1] + (2 * pad) - (dilation * (kernel_size[1] - 1)) - 1) / stride) + 1)": (
        lambda x, o: fl(((x.w + (2 * x.qw) - (1 * (x.kw - 1)) - 1) / x.sw) + 1),
        "mw",
        None,
    ),
    "kernel_ops = (self.in_channels / self.groups) * 2 - 1  # add operations is one less to the mul operations\n        for i in self.kernel_size:\n            kernel_ops *= i\n        bias_ops = 1 if self.bias is not None else 0\n\n        params = kernel_ops + bias_ops\n        flops = params * output[0].nelement()": (
        lambda x, o: ((x.ci / 1) * 2 - 1) * x.kh * x.kw * (x.co * o.mh * o.mw),
        ("ops", "flops"),
        None,
    ),
    "此外,反向传播的计算量大约是前向传播的两倍,因为需要计算梯度,但具体数值可能因实现和优化而异。": (
        lambda x, o: 2,
        "bwd_ratio",
        None,
    ),
    "As shown in the figure above, if only a 5×5 convolution kernel is used, then our calculation amount is in_channels * Win * Hin * kernel_size ^ 2 * out_channels * Wout * Hout = 120, 422, 400": (
        lambda x, o: x.ci * x.w * x.h * x.kh**2 * x.co * o.mw * o.mh,
        "mults",
        SQ,
    ),
    # --- H6-dev, fourth increment
    "In the formula to calculate output shape of tensor after convolution operation $$W_2 = (W_1-F+2P)/S + 1,$$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "You can easily see this if you let $$s = 1$$ (unit stride) and $$p = 0$$ (i.e. no padding), so your formula simplifies to\n\n\\begin{align} W_2 = (W_1 - F) + 1, \\label{1}\\tag{1} \\end{align}": (
        lambda x, o: (x.w - x.kw) + 1,
        "mw",
        None,
    ),
    # --- H6-dev, fifth increment
    "def L_out(L_in, padding, stride, kernel_size):\n    d = L_in + 2*padding - (kernel_size - 1) - 1\n    x = d/stride\n    x = x + 1\n    return int(x)": (
        lambda x, o: int((x.h + 2 * x.qh - (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "if padding == 'same':\n    pad = 2*((filter_size-1)/2)\n    out_size = int((input_size[0] - filter_size + pad) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * ((x.kh - 1) / 2)) / x.sh + 1),
        "mh",
        SQ,
    ),
    "elif padding == 'valid':\n    out_size = int((input_size[0] - filter_size) / stride + 1)": (
        lambda x, o: int((x.h - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "//   .. math::\n        //       H_{out} = \\left\\lfloor\\frac{H_{in}  + 2 \\times \\text{padding}[0] - \\text{dilation}[0]\n        //                 \\times (\\text{kernel\\_size}[0] - 1) - 1}{\\text{stride}[0]} + 1\\right\\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "//   .. math::\n        //       W_{out} = \\left\\lfloor\\frac{W_{in}  + 2 \\times \\text{padding}[1] - \\text{dilation}[1]\n        //                 \\times (\\text{kernel\\_size}[1] - 1) - 1}{\\text{stride}[1]} + 1\\right\\rfloor": (
        lambda x, o: fl((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1),
        "mw",
        None,
    ),
    "var h2 = Math.floor( ( ( parseInt(v.h1.value) + 2 * v.p.value - v.d.value * ( v.k.value - 1 ) - 1 ) / v.s.value ) + 1 )": (
        lambda x, o: fl(((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1),
        "mh",
        SQ,
    ),
    "int oh = (h + 2*p - r)/u + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "int ow = (w + 2*q - s)/v + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    # --- H6-test (kept private until its one measurement at 15:00 UTC)
    "o = [i + 2*p - k - (k-1)*(d-1)]/s + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh - (x.kh - 1) * (1 - 1)) / x.sh + 1,
        "mh",
        DIV,
    ),
    "When we apply a filter with size $f$, padding $p$, and stride $s$, to an image of size $n_H \\times n_W$, the resulting output height is $\\left\\lfloor \\frac{n_H+2p-f}{s} + 1 \\right\\rfloor$, and the width is the same, replacing $n_H$ with $n_W$.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "num_instances_per_filter = (( input_shape[1] - conv_filter[2] + 2*padding) / stride ) + 1  # for rows": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "The equation looks like: `output_dim = (W-F)/S + 1`, for an assumed padding size of 0.": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "因此,每个卷积层的计算复杂度为 O(W×H×F^2)。": (
        lambda x, o: x.w * x.h * x.kh**2,
        "mults",
        SQ,
    ),
    "输出大小：$\\lfloor (n_h-k_h+p_h+s_h)/s_h \\rfloor\\times\\lfloor (n_w-k_w+p_w+s_w)/s_w\\rfloor$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "如果取$p_h=k_h-1,p_w=k_w-1$，则输出大小为：$\\lfloor (n_h+s_h-1)/s_h \\rfloor\\times\\lfloor (n_w+s_w-1)/s_w\\rfloor$": (
        lambda x, o: fl((x.h + x.sh - 1) / x.sh),
        "mh",
        None,
    ),
    "如果输入的高宽可以被步幅整除，则输出大小为：$(n_h/s_h)\\times (n_w/s_w)$": (
        lambda x, o: x.h / x.sh,
        "mh",
        None,
    ),
    "适用于卷积核后，图像的输出大小为 $$(n_h-k_h+1)\\times(n_w-k_w+1)。$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "高度增加$p_h$，宽度增加$p_w$后，图像大小变为 $$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1)。$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "In general, if we add a total of $p_h$ rows of padding (roughly half on top and half on bottom) and a total of $p_w$ columns of padding (roughly half on the left and half on the right), the output shape will be $(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1)$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "考虑Bias:(Cin * HK * WK )* Cout * (Hout, Wout)": (
        lambda x, o: (x.ci * x.kh * x.kw) * x.co * (o.mh * o.mw),
        "mults",
        None,
    ),
    "不考虑Bias:(Cin * HK * WK - 1)* Cout * (Hout, Wout)": (
        lambda x, o: (x.ci * x.kh * x.kw - 1) * x.co * (o.mh * o.mw),
        "mults",
        None,
    ),
    "考虑Bias:(2 * Cin * HK * WK)* Cout * (Hout, Wout)": (
        lambda x, o: (2 * x.ci * x.kh * x.kw) * x.co * (o.mh * o.mw),
        "flops",
        None,
    ),
    "What is the computational cost of a standard convolution with input \\(h_i \\times w_i \\times d_i\\), output \\(h_i \\times w_i \\times d_j\\) and kernel size \\(k\\)? \\(h_i \\times w_i \\times d_i \\times d_j \\times k \\times k\\)": (
        lambda x, o: x.h * x.w * x.ci * x.co * x.kh * x.kh,
        "mults",
        SQ,
    ),
    "h = (h + (2 * padding[0]) - (dilation * (kernel_size[0] - 1)) - 1) // stride[0] + 1": (
        lambda x, o: (x.h + (2 * x.qh) - (1 * (x.kh - 1)) - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "w = (h + (2 * padding[1]) - (dilation * (kernel_size[1] - 1)) - 1) // stride[1] + 1": (
        lambda x, o: (o.mh + (2 * x.qw) - (1 * (x.kw - 1)) - 1) // x.sw + 1,
        "mw",
        None,
    ),
    "out_h = (h + 2 * module.padding[0] - module.kernel_size[0]) \\\n                // module.stride[0] + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (w + 2 * module.padding[1] - module.kernel_size[1]) \\\n                // module.stride[1] + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "muladds = b * module.out_channels * out_h * out_w * \\\n                module.kernel_size[0] * \\\n                module.kernel_size[1] * module.in_channels": (
        lambda x, o: 1 * x.co * o.mh * o.mw * x.kh * x.kw * x.ci,
        "mults",
        None,
    ),
    "<b>N(output)</b> = ( ( N(input) + 2 * (Padding) - K )/S ) + 1 <br>": (
        lambda x, o: ((x.h + 2 * (x.qh) - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "Output:\n\n$$\n\\lfloor \\frac{n+2p-f}{s} + 1 \\rfloor\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "В общем случае, если есть картинка размера n x n, к которой применяется фильтр размера f x f, то на выходе получится картинка с разрешением: \\[(n-f+1)\\times (n-f+1)\\]": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        SQ,
    ),
    "In a given dimension, for a given input size ($$n$$), filter size ($$k$$), stride ($$s$$) and padding ($$p$$), the formula for the number of convolutional windows is $$\\lfloor (n - k + p + s)/s\\rfloor,$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "height = ceil(float(`H_in`) / float(`S`))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    "width = ceil(float(`W_in`) / float(`S`))": (
        lambda x, o: math.ceil(float(x.w) / float(x.sw)),
        "mw",
        None,
    ),
    "height = ceil(float(`H_in` - `F` + 1) / float(`S`))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "convolution output dimension = $\\lfloor\\frac{n + 2p - f}{s} + 1\\rfloor\\,X\\,\\lfloor\\frac{n + 2p - f}{s} + 1\\rfloor$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "Recall the formula for output size: floor((input + 2*padding - kernel_size)/stride) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Use the formula: output = floor((input + 2*padding - kernel_size)/stride) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "A user calculates the output size of a convolution as output = (input_size - kernel_size + 2*padding) / stride + 1 without flooring the division.": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "With 'valid' padding and kernel size 3, the output height and width are input_size - kernel_size + 1 = 32 - 3 + 1 = 30.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Output size formula: floor((input_size - kernel_size)/stride) + 1": (
        lambda x, o: fl((x.h - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Output size = (Input size - Kernel size + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Standard conv: K^2 * C_in * C_out operations per position": (
        lambda x, o: x.kh**2 * x.ci * x.co,
        "mults",
        SQ,
    ),
    "總的來說\nOutput size=(N-F)/stride +1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "Output size=(N-F+2*pad)/stride +1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "对于一个W1*H1*D1的原图像,用(K,F,S,P)(滤波器数,边长,步长,pad)获得的卷积层为W2=(W1-F+2P)/S+1=H2 D2=K": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    "Full:允許卷積核部分與原始圖像重合;所獲得結果的尺寸等於原始圖像尺寸加上卷積核的尺寸減1;": (
        lambda x, o: x.h + x.kh - 1,
        "mh",
        None,
    ),
    "Validate:所有卷積核與原始圖像完全重合下的卷積結果;結果的尺寸等於原始圖像的尺寸減去卷積核尺寸加1;": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "out_h = floor((H + 2P - K) / S) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_w = floor((W + 2P - K) / S) + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Remember the formula for output size: (W - K + 2P) / S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Use the formula: output = (W - K + 2P)/S + 1 and solve for output=16.": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "FLOPs=2*H*W*Cin*K*K*Cout": (
        lambda x, o: 2 * x.h * x.w * x.ci * x.kh * x.kh * x.co,
        ("ops", "flops"),
        SQ,
    ),
    "Starter: output length is len(x)-len(w)+1.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Starter: floor((H+2P-D(K-1)-1)/S)+1.": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    "out = int(np.floor((H + 2*P - D*(K-1) - 1)/S) + 1)": (
        lambda x, o: int(fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1),
        "mh",
        None,
    ),
    "o_h = (n_h + 2 * p_h - k_h) / s_h + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "o_w = (n_w + 2 * p_w - k_w) / s_w + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "Use \\text{out} = \\left\\lfloor \\frac{\\text{in} + 2p - k}{s} \\right\\rfloor + 1 for both height and width.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Use the standard output-size formula separately for height and width: \\n(\\text{out} = \\left\\lfloor\\frac{\\text{in} + 2p - k}{s}\\right\\rfloor + 1).": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_h = (h + 2*padding - k_h) // stride + 1 and similarly for width.": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "la fórmula para calcular las dimensiones de salida \\( d' \\) a partir de las dimensiones de entrada \\( d \\) es: \\[ d' = \\frac{d - k + 2p}{s} + 1 \\]": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "num_operands = self.filter_shape[1] * self.filter_shape[2] * self.filter_shape[3]\n        \n        flops_per_instance_conv = 2*num_operands - 1 ## num_operands for multiplications and num_operands - 1 for additions\n       \n        num_instance_row = ((self.input_shape[2] - self.filter_shape[2] + 2*self.padding)/self.stride) + 1\n        num_instance_column = ((self.input_shape[3] - self.filter_shape[3] + 2*self.padding)/self.stride) + 1\n       \n        num_instance = num_instance_column * num_instance_row * self.filter_shape[0] ## multiply by number of filters\n       \n        total_flops_single_input_conv = num_instance * flops_per_instance_conv": (
        lambda x, o: (
            ((x.w - x.kw + 2 * x.qw) / x.sw + 1)
            * ((x.h - x.kh + 2 * x.qh) / x.sh + 1)
            * x.co
            * (2 * (x.ci * x.kh * x.kw) - 1)
        ),
        "ops",
        DIV,
    ),
    "num_instance_row = ((self.input_shape[2] - self.filter_shape[2] + 2*self.padding)/self.stride) + 1": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "num_instance_column = ((self.input_shape[3] - self.filter_shape[3] + 2*self.padding)/self.stride) + 1": (
        lambda x, o: ((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        DIV,
    ),
    "위 과정을 output channel의 수만큼 반복해줘야 하기 때문에, 총 $C_{out}$ * $C_{in}$개의 kernel과 $C_{out}$개의 bias term이 필요하다.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "移动次数n = (in - ksize)/ 步长\n如果整除代表 正好移动n次抵达边界\n此时输出大小out = n+1(这里要加上第一次未开始移动时产生的一个输出)": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "如果ksize大于p,则我们通过补全ksize - b行即可使得再移动一次便结束。此时输出大小为out = n + 2": (
        lambda x, o: (x.h - x.kh) // x.sh + 2,
        "mh",
        None,
    ),
    "df = (f - 1) * d + 1\n    return (w - df + 2*p) // s + 1": (
        lambda x, o: (x.w - ((x.kw - 1) * 1 + 1) + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "h = floor(((h_w[0] + (2 * pad[0]) - (dilation * (kernel_size[0] - 1)) - 1) / stride[0]) + 1)": (
        lambda x, o: fl(((x.h + (2 * x.qh) - (1 * (x.kh - 1)) - 1) / x.sh) + 1),
        "mh",
        None,
    ),
    "w = floor(((h_w[1] + (2 * pad[1]) - (dilation * (kernel_size[1] - 1)) - 1) / stride[1]) + 1)": (
        lambda x, o: fl(((x.w + (2 * x.qw) - (1 * (x.kw - 1)) - 1) / x.sw) + 1),
        "mw",
        None,
    ),
    "对于convolution:\noutput = (input + 2 * p - k) / s + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # --- H7-dev, first increment
    "o = [i + 2p - k - (k-1)(d-1)]/s + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh - (x.kh - 1) * (1 - 1)) / x.sh + 1,
        "mh",
        DIV,
    ),
    "h = math.floor((h_w[0] + sum(pad[0]) - dilation[0] * (kernel_size[0] - 1) - 1) / stride[0] + 1)": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "w = math.floor((h_w[1] + sum(pad[1]) - dilation[1] * (kernel_size[1] - 1) - 1) / stride[1] + 1)": (
        lambda x, o: fl((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1),
        "mw",
        None,
    ),
    "# Flop contribution from channelwise connections\nflops_c = self.out_channels * self.in_channels / self.groups\n# Flop contribution from number of spatial locations we convolve over\nflops_s = output.size(2) * output.size(3)\n# Flop contribution from number of mult-adds at each location\nflops_f = self.kernel_size[0] * self.kernel_size[1]\ndata_dict['conv_flops'] += flops_c * flops_s * flops_f": (
        lambda x, o: x.co * x.ci / 1 * (o.mh * o.mw) * (x.kh * x.kw),
        "mults",
        None,
    ),
    "h = (inputs.h + 2 * padding - 2 * filters.half_h * (dilation + 1)) // stride": (
        lambda x, o: (x.h + 2 * x.qh - 2 * (x.kh // 2) * (0 + 1)) // x.sh,
        "mh",
        None,
    ),
    "w = (inputs.w + 2 * padding - 2 * filters.half_w * (dilation + 1)) // stride": (
        lambda x, o: (x.w + 2 * x.qw - 2 * (x.kw // 2) * (0 + 1)) // x.sw,
        "mw",
        None,
    ),
    "n_{out} = \\left ( \\frac{n_{in} + 2p - k}{s} \\right ) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "batch_size, Cin_dim, Cout_dim = x_shape[0], w_shape[1], out_shape[1]\nout_size = prod(out_shape[2:])\nkernel_size = prod(w_shape[2:])\nflop = batch_size * out_size * Cout_dim * Cin_dim * kernel_size": (
        lambda x, o: 1 * (o.mh * o.mw) * x.co * x.ci * (x.kh * x.kw),
        "mults",
        None,
    ),
    "int32_t calc_conv_output(int input, int filter, int stride, int padding)\n{\n    return (input - filter + 2 * padding) / stride + 1;\n}": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "the output of the convolutional layer is a set of $K$ feature maps of size $H' \\times W'$, where $H' = H - h + 1$ and $W' = W - w + 1$.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Output - `n * c_o * h_o * w_o`, where `h_o = (h_i + 2 * pad_h - kernel_h) / stride_h + 1` and `w_o` likewise.": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "There is one bias value for each output channel.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "h = floor( ((h_w[0] + (2 * pad) - ( dilation * (kernel_size[0] - 1) ) - 1 )/ stride) + 1)": (
        lambda x, o: fl(((x.h + (2 * x.qh) - (1 * (x.kh - 1)) - 1) / x.sh) + 1),
        "mh",
        SQ,
    ),
    "w = floor( ((h_w[1] + (2 * pad) - ( dilation * (kernel_size[1] - 1) ) - 1 )/ stride) + 1)": (
        lambda x, o: fl(((x.w + (2 * x.qw) - (1 * (x.kw - 1)) - 1) / x.sw) + 1),
        "mw",
        SQ,
    ),
    "* cost : __(D_K)^2__ x __M__ x __N__ x __(D_F)^2__": (
        lambda x, o: x.kh**2 * x.ci * x.co * x.h**2,
        "mults",
        SQ,
    ),
    "* cost : __(D_K)^2__ x __M__ x __N__ x __(D_G)^2__": (
        lambda x, o: x.kh**2 * x.ci * x.co * o.mh**2,
        "mults",
        SQ,
    ),
    "height_col=(height+2*pad-ksize)/stride+1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "width_col=(width+2*pad-ksize)/stride+1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "int((h - (kh - 1) * dh) / sh),": (
        lambda x, o: int((x.h - (x.kh - 1) * 1) / x.sh),
        "mh",
        None,
    ),
    "# SAME Padding, the output height and width are computed as:\n# out_height = ceil(float(in_height) / float(strides[1]))": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "# VALID Padding, the output height and width are computed as:\n# out_height = ceil(float(in_height - filter_height + 1) / float(strides[1]))": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "def conv_out_size_same(size, stride):\n    return int(math.ceil(float(size)/ float(stride)))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    "The typical way to calculate the output size of a convolutional layer is pretty straightforward:\n\n```\n(W−F+2P)/S+1\n```": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "out_shape = conv_layer.output.shape.as_list()\nn_cells_total = np.prod(out_shape[1:-1])\nn_conv_params_total = conv_layer.count_params()\nconv_flops = 2 * n_conv_params_total * n_cells_total": (
        lambda x, o: 2 * (x.co * x.ci * x.kh * x.kw) * (o.mh * o.mw),
        "flops",
        None,
    ),
    # --- H7-dev, second increment
    "h, w = (h - 1) // stride + 1, (w - 1) // stride + 1": (
        lambda x, o: (x.h - 1) // x.sh + 1,
        "mh",
        None,
    ),
    '"valid" 的输出形状为 L_{new}= ceil(\\frac{L-F+1}{S})': (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    '"same" 的输出形状为 L_{new}= ceil(\\frac{L}{S})': (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "cin = m.in_channels\nkernel_ops = m.weight.size()[2] * m.weight.size()[3]\nops_per_element = kernel_ops\noutput_elements = y.nelement()\ntotal_ops = cin * output_elements * ops_per_element // m.groups": (
        lambda x, o: x.ci * (1 * x.co * o.mh * o.mw) * (x.kh * x.kw) // 1,
        "mults",
        None,
    ),
    "K'=kernel+(kernel-1)\\cdot(dilation-1)\nW_{out}=\\frac{w_{in}-K'+2padding}{stride}+1": (
        lambda x, o: (x.w - (x.kw + (x.kw - 1) * (1 - 1)) + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "其中:$H^l = (H^{l-1} - k_1^{l-1})/s_1^{l-1} + 1;\\ \\ \\ \\ \\ \\hat W^l = (\\hat W^{l-1} - k_2^{l-1})/s_2^{l-1} + 1 $ ;": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "H_o=[(H_i + 2 * padding[1] - dilation[1] * (K_h - 1) - 1 ) / stride[1]] + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    "output_height = (input_height + 2 * padding - filter_size)\n    ➥// stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "oH = floor((iH + 2*padH - kH) / dH + 1)": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out = ( in − F + 2 ∗ pading ) / stride +1\n注意:这⾥的F就是上⾯的感受野,这个公式也适⽤于常规的卷积": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "out_size = (input + stride - 1) / stride": (
        lambda x, o: (x.h + x.sh - 1) // x.sh,
        "mh",
        None,
    ),
    "L_target = math.ceil(L / S)": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "int64 effective_filter_size = (filter_size - 1) * dilation_rate + 1;\nswitch (padding_type) {\ncase Padding::VALID:\n*output_size = (input_size - effective_filter_size + stride) / stride;": (
        lambda x, o: (x.h - ((x.kh - 1) * 1 + 1) + x.sh) // x.sh,
        "mh",
        None,
    ),
    "def get_flop(input_channel, output_channel, k, H, W, stride):\n    paras = output_channel * (k * k * input_channel + 1)\n    flops = 2 * H / stride * W / stride * paras\n    return flops, paras": (
        lambda x, o: 2 * x.h / x.sh * x.w / x.sw * (x.co * (x.kh * x.kw * x.ci + 1)),
        "flops",
        SQ,
    ),
    # --- H7-dev, third increment
    "val outHeight = (height + 2 * padding - filterHeight) / stride +1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "val outWidth = (width + 2*padding - filterHeight) / stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kh) // x.sw + 1,
        "mw",
        None,
    ),
    "result.h = 1 + (input.h + 2*padding.h - (((kernel.kH-1) * dH) + 1) div strides.h)": (
        lambda x, o: 1 + (x.h + 2 * x.qh - ((x.kh - 1) * 1 + 1) // x.sh),
        "mh",
        None,
    ),
    "result.w = 1 + (input.w + 2*padding.w - (((kernel.kW-1) * dW) + 1) div strides.w)": (
        lambda x, o: 1 + (x.w + 2 * x.qw - ((x.kw - 1) * 1 + 1) // x.sw),
        "mw",
        None,
    ),
    # --- H7-test, the test half
    "def caloutdim(hin, kernel_size, stride=1, padding=0, dilation=1):\n    return int(np.floor((hin+2*padding-dilation*(kernel_size-1)-1)/stride+1))": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "def get_conv_out(dim_in, padding, kernel_size, stride):\n    out_dim = (dim_in + 2 * padding - kernel_size) / stride\n    out_dim += 1\n    return int(np.floor(out_dim))": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "卷积维度的公式是(H-HH+2×pad)/stride+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "n_out = math.floor((n_in - k + 2*p)/s) + 1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out.append(((inp[i] + (2 * padding[i]) - kernel[i]) / stride[i]) + 1)": (
        lambda x, o: ((x.h + (2 * x.qh) - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "out_h = int((x.size()[2] + 2 * layer.padding[0] - layer.kernel_size[0]) /\n                    layer.stride[0] + 1)": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_w = int((x.size()[3] + 2 * layer.padding[1] - layer.kernel_size[1]) /\n                    layer.stride[1] + 1)": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "delta_ops_ori = layer.in_channels * layer.out_channels * layer.kernel_size[0] * \\\n                    layer.kernel_size[1] * out_h * out_w / layer.groups * multi_add": (
        lambda x, o: x.ci * x.co * x.kh * x.kw * o.mh * o.mw / 1 * 1,
        "mults",
        None,
    ),
    "I think for conv2d calculation; \n\noutput = (input - kernel + 2 * padding) / stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "int64_t count = input_channel * GetCartesianProd(output_tensor) * GetCartesianProd(kernel_size);": (
        lambda x, o: x.ci * (1 * x.co * o.mh * o.mw) * (x.kh * x.kw),
        "mults",
        None,
    ),
    "#define NUM_OUT_COLS (((NUM_DATA_COLS - NUM_MASK_COLS + (2*PAD) )/ (STRIDE)) + 1)": (
        lambda x, o: ((x.w - x.kw + (2 * x.qw)) // (x.sw)) + 1,
        "mw",
        None,
    ),
    "#define NUM_OUT_ROWS (((NUM_DATA_ROWS - NUM_MASK_ROWS + (2*PAD) )/ (STRIDE)) + 1)": (
        lambda x, o: ((x.h - x.kh + (2 * x.qh)) // (x.sh)) + 1,
        "mh",
        None,
    ),
    "const dkernel = dilation * (kernel - 1) + 1;\n  return Math.floor(((inSize + headPad + tailPad - dkernel) / stride) + 1)": (
        lambda x, o: fl(((x.h + x.qh + x.qh - (1 * (x.kh - 1) + 1)) / x.sh) + 1),
        "mh",
        None,
    ),
    'int temp = inputSize - filterSize + 2 * padding;\n        if (temp % stride == 0) return temp / stride + 1;\n        throw new RuntimeException("Filter and stride size do not create round output number.");': (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        DIV,
    ),
    "without padding, $$o = n-f+1$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "with padding, $$o = n+2p-f+1$$, where $$p$$ is the size of padding.": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "out_height = int((H + 2 * padding - field_height) / stride + 1)": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "h_O &= (h + 2p_H - k_H - (k_H - 1) * (d_Y - 1)) / s_Y + 1,": (
        lambda x, o: (x.h + 2 * x.qh - x.kh - (x.kh - 1) * (1 - 1)) / x.sh + 1,
        "mh",
        DIV,
    ),
    "int64_t outH =\n        (self->GetViewShape().GetDim(2) + 2 * (*padding)[0] - ((*dilation)[0] * ((*kernelSize)[0] - 1) + 1)) /\n            (*stride)[0] +\n        1;": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "연산 적용 전후의 이미지 사이즈 변화는 이전의 강의에서도 보았듯, `{(N+2P-F)/stride}+1`이다.": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "O=(I-K+2P)/S+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "卷积层的 \\(\\text {FLOPs}\\) 可由下式计算 [1]\n\n(14.1)\\[\\text { FLOPs }=2 H W\\left(C_{in} K^{2}+1\\right) C_{out} \\]": (
        lambda x, o: 2 * x.h * x.w * (x.ci * x.kh**2 + 1) * x.co,
        "flops",
        SQ,
    ),
    "(14.2)\\[\\begin{aligned} \\text { FLOPs } &= \\left[H_{k} W_{k} H_{o} W_{o} C_{i}+\\left(H_{k} W_{k}-1\\right) H_{o} W_{o} C_{i}+H_{o} W_{o}\\left(C_{i}-1\\right)+H_{o} W_{o}\\right] C_{o}\\\\ &= 2 H_{k} W_{k} H_{o} W_{o} C_{i} C_{o}. \\end{aligned} \\]": (
        lambda x, o: 2 * x.kh * x.kw * o.mh * o.mw * x.ci * x.co,
        "flops",
        None,
    ),
    "卷积后的维度计算方法: \\frac{n-k+2\\times{p}}{s} + 1,(n:输入数据维度,k: 卷积核大小,p: 使用边界填充,s: 步长)。": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "WK - Kernal 卷积核数量(等于输出通道数量), 每个WK有一个Bias": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "HWC_in为特征图,K为卷积核\nFLOPs=2HW(C_{in}K^2+1)C_{out}": (
        lambda x, o: 2 * x.h * x.w * (x.ci * x.kh**2 + 1) * x.co,
        "flops",
        SQ,
    ),
    "\\f[Y_{out} = \\frac{Y_{in} + 2 \\times Y_{pad} - 1}{Y_{stride}} + 1\\f]": (
        lambda x, o: (x.h + 2 * x.qh - 1) / x.sh + 1,
        "mh",
        DIV,
    ),
    "\\f[Y_{out} = \\frac{Y_{in} + 2 \\times Y_{pad} - Y_{filter}}{Y_{stride}} + 1\\f]": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "\\f[X_{out} = \\frac{X_{in} + 2 \\times X_{pad} - 1}{X_{stride}} + 1\\f]": (
        lambda x, o: (x.w + 2 * x.qw - 1) / x.sw + 1,
        "mw",
        DIV,
    ),
    "size = np.floor((size - kernel_sizes[i])/strides[i] + 1)": (
        lambda x, o: fl((x.h - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "// weights: [output, input, H, W]\nvar arithm = (weights.Prod() * input[0] * output[2] * output[3]).FixedValue;": (
        lambda x, o: (x.co * x.ci * x.kh * x.kw) * 1 * o.mh * o.mw,
        "mults",
        None,
    ),
    "outsize = (insize - fsize + 2*pad) / stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "2.0 * DimsVectorUtils::Count(output_dims_) * output_dims_[1] / conv_params_.group * conv_params_.kernel_x * conv_params_.kernel_y / 1000.0 / 1000.0;": (
        lambda x, o: 2.0 * (1 * x.co * o.mh * o.mw) * x.co / 1 * x.kw * x.kh / 1000.0 / 1000.0,
        "flops",
        None,
    ),
    "output_h = int(ceil(float(input_h - filter_h + 1) / float(strides[0])))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "output_size = int((input_size+(2*padding)-filter_size)/stride)+1": (
        lambda x, o: int((x.h + (2 * x.qh) - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "注意padding为same输出feature map尺寸不变\npadding为valid则为:(size-flitersize)/stride + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    'If padding == "SAME": output_spatial_shape[i] = ceil(input_spatial_shape[i] / strides[i])': (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    'If padding == "VALID": output_spatial_shape[i] = ceil((input_spatial_shape[i] - (spatial_filter_shape[i]-1) * dilation_rate[i]) / strides[i]).\n其中,ceil为向上取整,即ceil(0.1)=1。': (
        lambda x, o: math.ceil((x.h - (x.kh - 1) * 1) / x.sh),
        "mh",
        None,
    ),
    "O = floor((M - DK) / S) + 1": (
        lambda x, o: fl((x.h + x.qh + x.qh - (1 + 1 * (x.kh - 1))) / x.sh) + 1,
        "mh",
        None,
    ),
    "O = ceil((M - DK) / S) + 1": (
        lambda x, o: math.ceil((x.h + x.qh + x.qh - (1 + 1 * (x.kh - 1))) / x.sh) + 1,
        "mh",
        None,
    ),
    "O = ceil(I / S)": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "def get_conv_outsize(input_size, kernel_size, stride, pad):\n    return (input_size + 2 * pad - kernel_size) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "n = (paddedS[i] - f[i]) ÷ s[i] + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "long outputHeight = (inputHeight - kH) / dH + 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "long outputWidth  = (inputWidth - kW) / dW + 1;": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    # --- H8-dev, first increment
    "n_{out} = floor[(n_{in} + 2p - k) / s] + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "return math.floor((n_in + 2*p - k) / s) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "h_out = ((h_in + 2*p - h_filt)/s) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "w_out = ((w_in + 2*p - w_filt)/s) + 1": (
        lambda x, o: ((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        DIV,
    ),
    "H_{out} &= \\frac{\\left ( H_{in} + padding\\_height\\_top + padding\\_height\\_bottom-\\left ( dilation[0]*\\left ( H_{f}-1 \\right )+1 \\right ) \\right )}{stride[0]}+1": (
        lambda x, o: (x.h + x.qh + x.qh - (1 * (x.kh - 1) + 1)) / x.sh + 1,
        "mh",
        DIV,
    ),
    '如果 padding = "SAME":\n\n\\[H_{out} = \\frac{(H_{in} + stride[0] - 1)}{stride[0]}\\]': (
        lambda x, o: (x.h + x.sh - 1) // x.sh,
        "mh",
        None,
    ),
    "如果 pad_mode 设置为”valid”,则输出高度和宽度将分别为 \\(\\left \\lfloor{1 + \\frac{H_{in} + \\text{padding[0]} + \\text{padding[1]} - \\text{kernel_size[0]} - (\\text{kernel_size[0]} - 1) \\times (\\text{dilation[0]} - 1) }{\\text{stride[0]}}} \\right \\rfloor\\)": (
        lambda x, o: fl(1 + (x.h + x.qh + x.qh - x.kh - (x.kh - 1) * (1 - 1)) / x.sh),
        "mh",
        None,
    ),
    "Em geral, quando o *stride* para a altura é $s_h$ e o *stride* para a largura é $s_w$, o tamanho da saída será calculada da seguinte forma:\n\n$$\\lfloor (n_h-k_h + p_h + s_h) / s_h \\rfloor \\times \\lfloor(n_w-k_w + p_w + s_w) / s_w \\rfloor$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "Em geral, assumindo que a entrada tem tamanho $n_h\\times n_w$ e o filtro de convolução tem dimensões $k_h \\times k_w$, então o tamanho da saída pode ser calculado da seguinte forma:\n\n$$ (n_h-k_h + 1) \\times (n_w-k_w + 1)$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "VALID Padding, the output height and width are computed as:\nout_height\n= ceil(float(in_height - filter_height + 1) / float(strides[1]))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "所以，输出大小等于输入大小$n_h \\times n_w$减去卷积核大小$k_h \\times k_w$，即$(n_h-k_h+1) \\times (n_w-k_w+1)$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "conv_shape = tuple(np.array([N, (H+2*P-K)/S + 1, (W+2*P-K)/S + 1], dtype=np.int64))": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "$c_o\\times c_i\\times k_h\\times k_w\\times [(h+p_h-k_h+s_h)//s_h]\\times [(w+p_w-k_w+s_w)//s_w]$": (
        lambda x, o: (
            x.co
            * x.ci
            * x.kh
            * x.kw
            * ((x.h + 2 * x.qh - x.kh + x.sh) // x.sh)
            * ((x.w + 2 * x.qw - x.kw + x.sw) // x.sw)
        ),
        "mults",
        None,
    ),
    'input_size = (input_size + 2*layer["p"] - layer["k"]) // layer["s"] + 1': (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "def compute_output_size(n, k, s, p):\n    return (n + 2*p - k) // s + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    'num = input_size + 2 * params_dict["padding"] - params_dict["dilation"] * (params_dict["kernel_size"] - 1) - 1\n    den = params_dict["stride"]\n    conv_size = math.floor(num/den + 1)': (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "adds = h_out * w_out * c_in * h_filt * w_filt * (n_filt-1)": (
        lambda x, o: o.mh * o.mw * x.ci * x.kh * x.kw * (x.co - 1),
        "adds",
        None,
    ),
    "adds = filter_ops * h_out * w_out * n_filt - 1  # Adds exclude bias add": (
        lambda x, o: (x.kh * x.kw * x.ci) * o.mh * o.mw * x.co - 1,
        "adds",
        None,
    ),
    "h_out = ((h_in - h_filt + 2 * p) // s) + 1": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) // x.sh) + 1,
        "mh",
        None,
    ),
    "h_out_term = h_in+p*2-h_filt #calculation of inside term for h_out\nh_out = 1+(h_out_term/s) #h_out equation": (
        lambda x, o: 1 + ((x.h + x.qh * 2 - x.kh) / x.sh),
        "mh",
        DIV,
    ),
    "H_o = int(np.floor(1 + (H + 2 * pad - HH) / stride))": (
        lambda x, o: int(fl(1 + (x.h + 2 * x.qh - x.kh) / x.sh)),
        "mh",
        None,
    ),
    "H_prime = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "W_prime = 1 + (W + 2 * pad - WW) // stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "Hout = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "W_new = 1 + (W + 2 * pad - WW) / stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "H_out = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    # --- H8-dev, second increment
    "O = \\lfloor\\frac{I + 2P - F}{S}\\rfloor + 1 \\tag{4}": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "当 `paddings='VALID'`:\n\n$$\nO = \\lceil\\frac{I-F + 1}{S}\\rceil \\tag{6}\n$$": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "当 `paddings='SAME'`:\n$$\nO = \\lceil\\frac{I}{S}\\rceil \\tag{7}\n$$": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "Passing padding='VALID'\nto an op causes no padding to be used. This causes the\noutput size to typically be smaller than the input size, even when the stride is\none. In the 2D case, the output size is computed as:\nout_height = ceil((in_height - filter_height + 1) / stride_height)": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "output_size = (input_size - kernel_size + 2 * padding) / stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (DIV, SQ),
    ),
    "flops = 2 * channel_in * channel_out * kernel_size * kernel_size * H_output * W_output": (
        lambda x, o: 2 * x.ci * x.co * x.kh * x.kh * o.mh * o.mw,
        "flops",
        SQ,
    ),
    "$n_H = [\\frac{n_{H_{prev}} - f + 2 \\times pad}{stride}] + 1 $": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (DIV, SQ),
    ),
    "$n_W = [\\frac{n_{W_{prev}} - f + 2 \\times pad}{stride}] + 1 $": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (DIV, SQ),
    ),
    "Dolgulama yok demektir, yani:\nn x n\n* f x f\n➡ n-f+1 x n-f+1": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "The convolution process as we know it takes as input an $n \\times n$ image and convolve it with a $f \\times f$ filter to produce a $(n-f+1) \\times (n-f+1)$ output.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "When the stride = 2, the kernel will skip one cell in traveling east and will also skip one cell in traveling south, this means that, with a *valid padding* ($p=0$), the output image will have each side of dimension $\\lfloor \\frac{n+2p-f}{s}+1 \\rfloor$, where $\\lfloor z \\rfloor $ denotes the floor approximation of $z$.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "* $n_H^{[l]} = \\left \\lfloor \\frac{n_H^{[l-1]}+2p^{[l]}-f^{[l]}}{s^{[l]}}+1 \\right \\rfloor$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "adds = h_out * w_out * c_in * h_filt * w_filt * (n_filt - 1)  # one less addition than multiplications based on the matrices": (
        lambda x, o: o.mh * o.mw * x.ci * x.kh * x.kw * (x.co - 1),
        "adds",
        None,
    ),
    "def output_map_h(h_in, p, h_filt, s):\n  h_out = ((h_in + 2*p - h_filt)/s) +  1\n  return h_out": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "The width and height of convolutional kernels are generally equal and equal to the kernel_Size, corresponding to an input data of n x n x 3 (ignoring the sample axis), after passing through the convolutional layer, the output width and height= 1+ (n - k)//s, double slashes represent division, and s represents stride.": (
        lambda x, o: 1 + (x.h - x.kh) // x.sh,
        "mh",
        SQ,
    ),
    "ni和no分别表示输入和输出的大小，k为kernel大小，s为stride步长。那么在same padding中，no由ni和s 二者 确定：no = ceil(ni / s)": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "• Valid Convolution Padding\n\nno = ceil( (ni – k + 1) / s )": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "In a CNN, as you explain in the question, the same weights (including bias weight) are shared at each point in the output feature map. So each feature map has its own bias weight as well as previous_layer_num_features x kernel_width x kernel_height connection weights.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "\\[ N_H = \\left\\lfloor{\\frac{H + 2P - K_h}{S}}\\right\\rfloor + 1 \\\\": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "\\[ FLOPs = ((K_h \\cdot K_w \\cdot C_{in}) \\cdot 2 - 1) \\cdot C_{out} \\cdot N_H \\cdot N_W \\]": (
        lambda x, o: ((x.kh * x.kw * x.ci) * 2 - 1) * x.co * o.mh * o.mw,
        "ops",
        None,
    ),
    "Using $N$ conv blocks, the total operation is:\n\n$$ \nT = D_k \\cdot D_k \\cdot M \\cdot D_x \\cdot D_x \\cdot N\n$$": (
        lambda x, o: x.kh * x.kh * x.ci * x.h * x.h * x.co,
        "mults",
        SQ,
    ),
    # --- H8-dev, third increment
    "    # Fórmula: (input_size - kernel_size + 1) / stride\n    expected = math.ceil((w - k + 1) / s)": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "def conv_output_size(in_size: int,\n                     kernel_size: int,\n                     stride: int = 1,\n                     padding: int = 0) -> int:\n    return (in_size - kernel_size + 2 * padding) // stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "Output = ⌊(input + 2 × padding − kernel) / stride⌋ + 1. Receptive field for one layer equals the kernel size.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Does this include bias and channels?\nNo. Multiply params and FLOPs by input × output channels to get layer totals, and add one bias term per output channel.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- H8-test, the test half
    "def get_conv_outsize(size, k, s, p, cover_all=False, d=1):\n    dk = k + (k - 1) * (d - 1)\n    if cover_all:\n        return (size + p * 2 - dk + s - 1) // s + 1\n    else:\n        return (size + p * 2 - dk) // s + 1": (
        lambda x, o: (x.h + x.qh * 2 - (x.kh + (x.kh - 1) * (1 - 1))) // x.sh + 1,
        "mh",
        None,
    ),
    "public static long getP(long H, long R, long verticalStride, long heightPadding) {\n\t\treturn (H + 2 * heightPadding - R) / verticalStride + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "public static long getQ(long W, long S, long horizontalStride, long widthPadding) {\n\t\treturn (W + 2 * widthPadding - S) / horizontalStride + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_h = (height + 2*padding - kernel_h) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "outW := (inputW+2*c.padding-c.kernelSize[1])/c.stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "dim_height = floor((W_height-shape_kernel_matrix(1)+2 * P)/S+1);": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "dim_width = floor((W_width-shape_kernel_matrix(2)+2 * P)/S+1);": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        None,
    ),
    "[(W−K+2P)/S]+1.": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "out_dim = (float(size)-float(F)+2.0*float(P))/float(S)+1.0": (
        lambda x, o: (float(x.h) - float(x.kh) + 2.0 * float(x.qh)) / float(x.sh) + 1.0,
        "mh",
        DIV,
    ),
    "h_out = ((h_in+2*p-h_filt)/s)+1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "local outputHeight = (inputHeight + 2*self.padH - self.kH) / self.dH + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "local outputWidth  = (inputWidth + 2*self.padW - self.kW) / self.dW + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "outH = (H + 2*ph - kh)/dh + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "outW = (W + 2*pw - kw)/dw + 1\n\n    if((W + 2*pw - kw)%dw > pw or ceil) then\n        outW = math.ceil(outW)\n    else\n        outW = math.floor(outW)\n    end": (
        lambda x, o: (
            math.ceil((x.w + 2 * x.qw - x.kw) / x.sw + 1)
            if (x.w + 2 * x.qw - x.kw) % x.sw > x.qw
            else fl((x.w + 2 * x.qw - x.kw) / x.sw + 1)
        ),
        "mw",
        None,
    ),
    "| VALID -> ((input_rows -. kernel_rows +. 1.) /. row_stride) |> ceil |> int_of_float": (
        lambda x, o: math.ceil((x.h - x.kh + 1.0) / x.sh),
        "mh",
        None,
    ),
    "| SAME  -> (input_rows /. row_stride) |> ceil |> int_of_float": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "| VALID -> ((input_cols -. kernel_cols +. 1.) /. col_stride) |> ceil |> int_of_float": (
        lambda x, o: math.ceil((x.w - x.kw + 1.0) / x.sw),
        "mw",
        None,
    ),
    "inline int outputConvDimension(int inDim, int filterDim, int stride, int pad)\n    {\n        return (inDim - filterDim + 2 * pad) / stride + 1;\n    }": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "h_out = (h_in + 2*padding - dilation*(kernel - 1) - 1) / stride\nh_out += 1": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1,
        "mh",
        DIV,
    ),
    "w_out = (w_in + 2*padding - dilation*(kernel - 1) - 1) / stride\nw_out += 1": (
        lambda x, o: (x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1,
        "mw",
        DIV,
    ),
    "let out_height =\n        (img_height + padding[0].0 + padding[0].1 - dilation[0] * (kh - 1) - 1) / stride[0] + 1;": (
        lambda x, o: (x.h + x.qh + x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "let out_width =\n        (img_width + padding[1].0 + padding[1].1 - dilation[1] * (kw - 1) - 1) / stride[1] + 1;": (
        lambda x, o: (x.w + x.qw + x.qw - 1 * (x.kw - 1) - 1) // x.sw + 1,
        "mw",
        None,
    ),
    "The formula (for 2D convolutions) usually looks like this:\nOutput_height = (Input_height - Kernel_height + 2 * Padding) / Stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Output_width = (Input_width - Kernel_width + 2 * Padding) / Stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "# new_height = (input_height - filter_height + 2 * P)/S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "# new_width = (input_width - filter_width + 2 * P)/S + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "For the VALID\npadding, the output height and width are computed as:\nout_height = ceil(float(in_height - filter_height + 1) / float(strides1))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "For the SAME\npadding, the output height and width are computed as:\nout_height = ceil(float(in_height) / float(strides[1]))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    'dilatedFilterSize = filterSize + ( filterSize - 1 ) * ( dilation - 1 )\n\n  outputLength <- NULL\n  if( padding == "same" || padding == "causal" )\n    {\n    outputLength <- inputLength\n    } else if( padding == "valid" ) {\n    outputLength <- inputLength - dilatedFilterSize + 1\n    } else if( padding == "full" ) {\n    outputLength <- inputLength + dilatedFilterSize - 1\n    }\n  return( floor( ( outputLength + stride - 1 ) / stride ) )': (
        lambda x, o: fl(((x.h - (x.kh + (x.kh - 1) * (1 - 1)) + 1) + x.sh - 1) / x.sh),
        "mh",
        None,
    ),
    "out_h\n=(h + 2 * pad - filter_h) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "out_w\n=(w + 2 * pad - filter_w) / stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "return ((w - k + 2 * p) / s) + 1  # [(w−k+2*p)/s] + 1": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "int H_out = H - K + 1;": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "int W_out = W - K + 1;": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    "h_out = (1/s) * (h_in + 2*p - h_filt) + 1": (
        lambda x, o: (1 / x.sh) * (x.h + 2 * x.qh - x.kh) + 1,
        "mh",
        DIV,
    ),
    "h_out=math.floor(((h_in+2*p-h_filt)/s)+1)": (
        lambda x, o: fl(((x.h + 2 * x.qh - x.kh) / x.sh) + 1),
        "mh",
        None,
    ),
    "muls=n_filt*h_out*w_out*c_in*h_filt*w_filt\nadds=muls": (
        lambda x, o: x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "Conv output matrix shape:\n\n$$output\\ shape = (input\\ rows-kernel\\ rows+1, input\\ columns-kernel\\ columns+1)$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "int o_height = ((int)in_mat[0].size().height - this->f_size + (2*this->padding)) / this->stride + 1;": (
        lambda x, o: (x.h - x.kh + (2 * x.qh)) // x.sh + 1,
        "mh",
        None,
    ),
    "o_width = ((int)A.size().width - f_width + (2 * padding)) / stride + 1;": (
        lambda x, o: (x.w - x.kw + (2 * x.qw)) // x.sw + 1,
        "mw",
        None,
    ),
    "n_W = int((n_W_prev - f + 2 * pad) / stride) + 1": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        SQ,
    ),
    "如果你有一个nxn的图片并且想使用一个fxf的过滤器，这样输出的维度是(n-f+1)x(n-f+1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "如果p是填充的数量，所以在这种情况下，p=padding=1，因为我们使用了一个1像素的额外边缘填充了一圈，这样输出变成了(n+2p-f+1)x(n+2p-f+1)": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "如果你有一个NxN的图像，用FxF的过滤器对这个图像进行卷积，对图像使用p层填充，并假设步长为S，输出维度为( (n+2p-f)/s+1 )x( (n+2p-f)/s+1 )。在分数中，如果分子不能被分母整除则使用向下取整，不能计算图像外的像素。": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "* Valid convolution: No padding, after convolving (nxn) image * (fxf) filter -> n-f+1 x  n-f+1.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "* Same convolution: Pad so that the output size is the same as the input size. the ouput size is (n+2p-f+1) x (n+2p-f+1), we can find the number of pixels to pad by fixing n = n+2p-f+1. We find p = (f-1)/2, f is generally an odd number.": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "We convolve an image of size H x C x W by a filters (F x F x W) x N_filters and we get as an output: (H-f+1) x (W-f+1) x N_filter (in case no padding and no stride)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        SQ,
    ),
    "- To give it a general rule, if a matrix `nxn` is convolved with `fxf` filter/kernel give us `n-f+1,n-f+1` matrix.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "-  if a matrix `nxn` is convolved with `fxf` filter/kernel and padding `p` and stride `s` it give us `(n+2p-f)/s + 1,(n+2p-f)/s + 1` matrix. \n\n- In case `(n+2p-f)/s + 1` is fraction we can take **floor** of this value.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "Where n[l] = (n[l-1] + 2p[l] - f[l] / s[l]) + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh / x.sh) + 1,
        "mh",
        SQ,
    ),
    "|image size|convolution size|after convolution|\n|--|--|--|\n|6 x 6|3 x 3|4 x 4|\n|n x n|f x f|(n-f+1) x (n-f+1)|": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Output size after convolution: floor((n+2p-f)/s+1) x floor((n+2p-f)/s+1)": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "- after convolution with padding : ```(n+2p-f+1)```": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "For an input of size $n \\times n$ and a filter of size $f \\times f$:\n* **Output Size:** $(n - f + 1) \\times (n - f + 1)$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "If we have an $n \\times n$ image, an $f \\times f$ filter, and a padding amount $p$:\n* The padded image becomes $(n + 2p) \\times (n + 2p)$.\n* **Output Size Formula:** $$(n + 2p - f + 1) \\times (n + 2p - f + 1)$$": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "When using an $n \\times n$ image, an $f \\times f$ filter, padding $p$, and stride $s$, the output size is calculated as:\n\n$$\\lfloor \\frac{n + 2p - f}{s} + 1 \\rfloor \\times \\lfloor \\frac{n + 2p - f}{s} + 1 \\rfloor$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "Parameters of a Convolutional Layer\nThere is one bias for each output channel. Each bias is added to every element in that output channel.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "In practice, biases are associated with filters, and not the activation maps.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "3 * 3 * 3 * 32 + 32 = 896\nフィルターの縦 * フィルターの横 * 入力のチャンネル数 * 出力のチャンネル数 + バイアス(1チャンネルごとに1つ)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "在整个标准卷积计算过程中,所需的卷积核参数数量为 C i × 3 × 3 × C 0 C_i \\times 3 \\times 3 \\times C_0 Ci×3×3×C0,总的计算量为\n    F s = C i × 3 × 3 × H × W × C 0 F_s = C_i \\times 3 \\times 3 \\times H \\times W \\times C_0 Fs=Ci×3×3×H×W×C0\n\n这里的计算量仅仅指的是乘法操作,没有将加法计算在内.": (
        lambda x, o: x.ci * 3 * 3 * x.h * x.w * x.co,
        "mults",
        None,
    ),
    "* $(n \\times n)*(f \\times f)$ \n  * $padding\\ p\\ and\\ stride\\ s \\Rightarrow (\\biggl\\lfloor\\frac{n+2p-f+1}{s}+1\\biggr\\rfloor\\times\\biggl\\lfloor\\frac{n+2p-f+1}{s}+1\\biggr\\rfloor)$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh + 1) / x.sh + 1),
        "mh",
        SQ,
    ),
    "$$\nH_{\\text{out}} = \\left\\lfloor \\frac{H_{\\text{in}} + 2P_h - K_h}{S_h} \\right\\rfloor + 1,\\qquad\nW_{\\text{out}} = \\left\\lfloor \\frac{W_{\\text{in}} + 2P_w - K_w}{S_w} \\right\\rfloor + 1.\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "    W_out = math.floor((W_in + 2*P_w - K_w)/S_w) + 1": (
        lambda x, o: math.floor((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "    spatial_size = (input_size - kernel_size + 2 * padding)/stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "        np.floor((input_size[2] + 2 * padding[1] - dilation[1] * (kernel_size[1] - 1) - 1) /\n                 stride[1] + 1).astype(int)": (
        lambda x, o: int(fl((x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1)),
        "mw",
        None,
    ),
    "the following formula gives us the width of the next layer: **W_out = (W−F+2P)/S+1.**": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (DIV, SQ),
    ),
    "* SAME Padding, the output height and width are computed as:\n\nout_height = ceil(float(in_height) / float(strides[1]))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    "* VALID Padding, the output height and width are computed as:\n\nout_height = ceil(float(in_height - filter_height + 1) / float(strides[1]))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "* Conv Layer: `int((n_H - f + 2*p) / s) + 1, int((n_W - f + 2*p) / s)`": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw),
        "mw",
        SQ,
    ),
    "Effective kernel per axis: effective_kernel = dilation × (kernel - 1) + 1\nStandard convolution: output = floor(((input + pad_before + pad_after - effective_kernel) / stride) + 1)": (
        lambda x, o: fl(((x.h + x.qh + x.qh - (1 * (x.kh - 1) + 1)) / x.sh) + 1),
        "mh",
        None,
    ),
    "Same padding for standard convolution: output = ceil(input / stride), then total padding is solved from the target output.": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "MACs per sample: output_spatial_volume × output_channels × kernel_volume × input_channels": (
        lambda x, o: o.mh * o.mw * x.co * x.kh * x.kw * x.ci,
        "mults",
        None,
    ),
    "\\[ \\text{Output Height} = \\left\\lfloor \\frac{H_{\\text{in}} + 2P_h - D_h \\times (K_h - 1) - 1}{S_h} \\right\\rfloor + 1 \\]": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh) + 1,
        "mh",
        None,
    ),
    "    [sh sw]=size(src);\n    [kh kw]=size(kernal);\n    dh=sh-kh+1;": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "yrow = ((xrow-wrow)/1)+1; % outpot row (1 stride)": (
        lambda x, o: ((x.h - x.kh) / 1) + 1,
        "mh",
        None,
    ),
    "/// Perform valid 2D convolution: output size is (H - k_h + 1, W - k_w + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "    // Output dimensions based on valid convolution\n    let out_h = h - k_h + 1;\n    let out_w = w - k_w + 1;": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    # --- H9-dev, first increment
    "parameter OFMAP_SIZE=(IFMAP_SIZE-FILTER_SIZE)/STRIDE+ 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    'def calculate_conv_output(input_size, filter_size, stride=1, padding=0):\n    """畳み込み層の出力サイズを計算"""\n    return (input_size - filter_size + 2 * padding) // stride + 1': (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "    # 出力サイズを計算\n    out_h = (h - kh) // stride + 1": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "- **出力サイズ**: `(入力サイズ - フィルタサイズ) / ストライド + 1`": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "- 输入：$n_h*n_w$输出:$\\left( n_h-k_h+1 \\right)*\\left( n_w-k_w+1 \\right)$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "输入：$n_h*n_w$输出:$\\left( n_h-k_h+p_h+1 \\right)*\\left( n_w-k_w+p_w+1 \\right)$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "输入：$n_h*n_w$输出:$ \\lfloor\\frac{n_h-k_h+p_h+s_h }{s_h}\\rfloor*\\lfloor\\frac{ n_w-k_w+p_w+s_w }{s_w}\\rfloor$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "def conv2d(x, k, p, s):\n    h_in, w_in= x.shape\n    h_k, w_k = k.shape\n    h_out, w_out = int((h_in - h_k + 2 * p + s) / s), int((w_in - w_k + 2 * p + s) / s)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "Высота и ширина вывода H_out\n, W_out\nвычисляются следующим образом (без учета расширения):\nH_out = (H_in + 2*padding[0] - kernel_size[0]) / stride[0] + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "W_out = (W_in + 2*padding[1] - kernel_size[1]) / stride[1] + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "Для простоты расчётов давайте примем, что шаг фильтра равен $1$ как по горизонтали, так и по вертикали. В таком случае, $H_{out} = H_{in} - F_1 + 1$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "а $W_{out} = W_{in} - F_2 + 1$.": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    "Размер карты активаций: $H_{out} \\times W_{out}$. В итоге оказывается, что количество операций умножения равно: $$C_{in} \\cdot F_1 \\cdot F_2 \\cdot C_{out} \\cdot H_{out} \\cdot W_{out}$$.": (
        lambda x, o: x.ci * x.kh * x.kw * x.co * o.mh * o.mw,
        "mults",
        None,
    ),
    "conv_output_size = (input_size - filter_size + 2 * filter_pad) / filter_stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "FN, C, FH, FW = self.W.shape\n        N, C, H, W = x.shape\n        out_h = 1 + int((H + 2 * self.pad - FH) / self.stride)": (
        lambda x, o: 1 + int((x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "out_w = 1 + int((W + 2 * self.pad - FW) / self.stride)": (
        lambda x, o: 1 + int((x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "for l, k, d, p, s in z:\n        kernel = d * (k - 1) + 1\n        length = (l + 2 * p - kernel) // s + 1": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "* 如果我们有一个 _n×n_ 的图像，用 _f×f_ 的过滤器做卷积，那么输出的维度就是 _(n - f + 1)×(n - f + 1)_ 。": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "* _l_ 层输出图像的高度： _n<sub>H</sub><sup>[l]</sup>  =  ⌊(<sup> n<sub>H</sub><sup>[l-1]</sup>  + 2p<sup>[l]</sup>  -  f<sup>[l]</sup> </sup>/<sub> s<sup>[l]</sup> </sub>)  + 1⌋_ ，": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "* _l_ 层输出图像的宽度： _n<sub>W</sub><sup>[l]</sup>  =  ⌊(<sup> n<sub>W</sub><sup>[l-1]</sup>  + 2p<sup>[l]</sup>  -  f<sup>[l]</sup> </sup>/<sub> s<sup>[l]</sup> </sub>)  + 1⌋_ .": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "h, w = (h-1) // stride+1, (w-1) // stride + 1": (
        lambda x, o: (x.h - 1) // x.sh + 1,
        "mh",
        None,
    ),
    'cx["flops"] += k*k*in_c*out_c*h*w //groups + (out_c if bias else 0)': (
        lambda x, o: x.kh * x.kw * x.ci * x.co * o.mh * o.mw // 1 + 0,
        ("ops", "flops"),
        SQ,
    ),
    "**합성곱 층 출력 크기:**\n\n```\n출력 크기 = (입력 크기 - 커널 크기 + 2 * 패딩) / 스트라이드 + 1\n```": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "- out: Output data, of shape (N, F, H', W') where H' and W' are given by\n    H' = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "# Create output\n  out_height = (H + 2 * pad - filter_height) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    # --- H9-dev, second increment
    "In general, output feature maps' shapes can be inferred as follows:\n\ninput: :math:`(N, C_{\\text{in}}, H_{\\text{in}}, W_{\\text{in}})`\noutput: :math:`(N, C_{\\text{out}}, H_{\\text{out}}, W_{\\text{out}})` where\n\n.. math::\n\\text{H}_{out} = \\lfloor \\frac{\\text{H}_{in} + 2 * \\text{padding[0]} -\n\\text{dilation[0]} * (\\text{kernel_size[0]} - 1)}{\\text{stride[0]}} + 1 \\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - 1 * (x.kh - 1)) / x.sh + 1),
        "mh",
        None,
    ),
    ".. math::\n\\text{W}_{out} = \\lfloor \\frac{\\text{W}_{in} + 2 * \\text{padding[1]} -\n\\text{dilation[1]} * (\\text{kernel_size[1]} - 1)}{\\text{stride[1]}} + 1 \\rfloor": (
        lambda x, o: fl((x.w + 2 * x.qw - 1 * (x.kw - 1)) / x.sw + 1),
        "mw",
        None,
    ),
    "### Output Shape Calculation\n\nFor both convolution and pooling:\n\n```\noutput_height = (input_height + 2×padding - kernel_height) ÷ stride + 1\n```": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "def forward(self, x):\n    # Calculate output dimensions\n    out_height = (in_height + 2 * self.padding - kernel_h) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "For a single Conv2d forward pass:\n```\nOperations = B × C_out × H_out × W_out × C_in × K_h × K_w\n```": (
        lambda x, o: 1 * x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "入力形状が $n_h\\times n_w$、畳み込みカーネル形状が $k_h\\times k_w$ であると仮定すると、出力形状は $(n_h-k_h+1) \\times (n_w-k_w+1)$ になります。": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "一般に、合計 $p_h$ 行のパディング (上半分は下)、合計で $p_w$ 列のパディング (左半分は右) を追加すると、出力シェイプは次のようになります。 \n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "一般に、高さのストライドが $s_h$ で、幅のストライドが $s_w$ の場合、出力シェイプは次のようになります。 \n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "assumindo que\na forma de entrada é $n_h\\times n_w$\ne a forma do kernel de convolução é $k_h\\times k_w$,\nentão a forma de saída será\n$(n_h-k_h+1) \\times (n_w-k_w+1)$.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Em geral, se adicionarmos um total de $p_h$ linhas de preenchimento\n(cerca de metade na parte superior e metade na parte inferior)\ne um total de $p_w$ colunas de preenchimento\n(cerca de metade à esquerda e metade à direita),\na forma de saída será\n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Em geral, quando o salto para a altura é $s_h$\ne a distância para a largura é $s_w$, a forma de saída é\n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "假設輸入形狀為$n_h\\times n_w$，卷積核形狀為$k_h\\times k_w$，那麼輸出形狀將是$(n_h-k_h+1) \\times (n_w-k_w+1)$。": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "通常，如果我們新增$p_h$行填充（大約一半在頂部，一半在底部）和$p_w$列填充（左側大約一半，右側一半），則輸出形狀將為\n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1)。$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "通常，當垂直步幅為$s_h$、水平步幅為$s_w$時，輸出形狀為\n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "Feltételezve, hogy a bemeneti alak $n_\\textrm{h}\\times n_\\textrm{w}$ és a konvolúciós kernel alakja $k_\\textrm{h}\\times k_\\textrm{w}$, a kimeneti alak $(n_\\textrm{h}-k_\\textrm{h}+1) \\times (n_\\textrm{w}-k_\\textrm{w}+1)$ lesz": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Általánosságban, ha összesen $p_\\textrm{h}$ sor párnázást adunk hozzá (nagyjából felét felül és felét alul), és összesen $p_\\textrm{w}$ oszlop párnázást (nagyjából felét bal oldalon és felét jobb oldalon), a kimeneti alak lesz:\n\n$$(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+1)\\times(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Általánosságban, ha a magasság lépésköze $s_\\textrm{h}$ és a szélesség lépésköze $s_\\textrm{w}$, a kimeneti alak:\n\n$$\\lfloor(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+s_\\textrm{h})/s_\\textrm{h}\\rfloor \\times \\lfloor(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+s_\\textrm{w})/s_\\textrm{w}\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "入力の形状が $n_\\textrm{h}\\times n_\\textrm{w}$ で、\n畳み込みカーネルの形状が $k_\\textrm{h}\\times k_\\textrm{w}$ だとすると、\n出力の形状は $(n_\\textrm{h}-k_\\textrm{h}+1) \\times (n_\\textrm{w}-k_\\textrm{w}+1)$ になる。": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "一般に、合計 $p_\\textrm{h}$ 行のパディング\n（おおよそ上側に半分、下側に半分）と、\n合計 $p_\\textrm{w}$ 列のパディング\n（おおよそ左側に半分、右側に半分）を追加すると、\n出力の形状は\n\n$$(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+1)\\times(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "一般に、高さ方向のストライドが $s_\\textrm{h}$、\n幅方向のストライドが $s_\\textrm{w}$ のとき、出力の形状は\n\n$$\\lfloor(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+s_\\textrm{h})/s_\\textrm{h}\\rfloor \\times \\lfloor(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+s_\\textrm{w})/s_\\textrm{w}\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    # --- H9-dev, third increment
    "- without padding: `(n-f+1) x (n-f+1)`": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "- with padding: `(n+2p-f+1) x (n+2p-f+1)`": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "一般来说，假设输入形状是$n_h\\times n_w$，卷积核窗口形状是$k_h\\times k_w$，那么输出形状将会是\n\n$$(n_h-k_h+1) \\times (n_w-k_w+1).$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "一般来说，如果在高的两侧一共填充$p_h$行，在宽的两侧一共填充$p_w$列，那么输出形状将会是\n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1),$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "一般来说，当高上步幅为$s_h$，宽上步幅为$s_w$时，输出形状为\n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "OutputHeight=(H+2P−FH)/S+1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "\\\\OutputWeight=(W+2P−FW)/S+1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "$$W' = \\frac{W - K + 2P}{S} + 1$$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "- output size: (N - F) / stride + 1\n  - N: image size\n  - F: filter size": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "- out: 输出数据，形状为(N, F, H', W')，其中H'和W'由下式给出：\n      H' = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    # --- H9-dev, fourth increment
    "outH := 1 + (H+2*c.Pad-FH)/c.Stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "outW := 1 + (W+2*c.Pad-FW)/c.Stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "out_h = np.uint8((in_h - f_h + 2 * pad) / s + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_w = np.uint8((in_w - f_w + 2 * pad) / s + 1)": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        None,
    ),
    "> out_weight = (in_weight - filter_size + 2 * padding) / stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # --- H9-test, the test half
    "设输入大小为 $n_h \\times n_w$，卷积核大小为 $k_h \\times k_w$，则输出大小为：\n  $$\n  (n_h - k_h + 1) \\times (n_w - k_w + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "如果添加 $p_h$ 行填充（一半顶部，一半底部）和 $p_w$ 列填充（一半左边，一半右边），则输出形状为：\n  $$\n  (n_h-k_h+p_h+1)\\times (n_w-k_w+p_w+1)": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "当垂直步幅为 $s_h$、水平步幅为 $s_w$ 时，输出形状为：\n  $$\n  \\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "$$H_{out} = \\left\\lfloor\\frac{H_{in} + 2P - k_h}{S}\\right\\rfloor + 1$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "**计算量 (FLOPs)**：$H_{out} \\times W_{out} \\times k_h \\times k_w \\times C_{in} \\times C_{out}$": (
        lambda x, o: o.mh * o.mw * x.kh * x.kw * x.ci * x.co,
        ("ops", "flops"),
        None,
    ),
    "$w_{out} = \\frac{W_{in}-f_{w}+2P}{S+1}$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / (x.sw + 1),
        "mw",
        None,
    ),
    "$w_{1} = \\frac{W_{in}-f_{w}+2\\cdot P}{S}+1 = \\frac{64-4+2\\cdot 0}{2}+1=\\frac{60}{2}+1 = 30 + 1 = 31$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "$h_{1} = \\frac{H_{in}-f_{w}+2\\cdot P}{S}+1 = \\frac{64-4+2\\cdot 0}{2}+1=\\frac{60}{2}+1 = 30+1=31$": (
        lambda x, o: (x.h - x.kw + 2 * x.qh) / x.sh + 1,
        "mh",
        None,
    ),
    "* nxn image and fxf filter will give an n-f+1 x n-f+1 image.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "* For stride s and padding p, output is floor((n+2p-f)/s + 1)": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "### Dimension of the output\nThe spatial dimension of each output feature map depends form the spatial dimension of the input, the padding, and the stride. Along _each axes_ the dimension of the output is given by the formula:\n$$\n\\dfrac{W+P-K}{S} + 1\n$$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "3. **padding 要小心**  \n   - stride=2 时，输出长度为 `⌊(L + 2p - k) / s⌋ + 1`，需合理设计": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "输出尺寸：\n$$\nh_o = \\left\\lfloor \\frac{h + 2p_h - k_h}{s_h} \\right\\rfloor + 1,\\quad\nw_o = \\left\\lfloor \\frac{w + 2p_w - k_w}{s_w} \\right\\rfloor + 1\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "size_t calculate_output_dim(size_t input_dim, int kernel_size, int stride, int padding) {\n    return ((input_dim - kernel_size + 2 * padding) / stride) + 1;\n}": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) // x.sh) + 1,
        "mh",
        None,
    ),
    "int cn::Utils::afterConvolutionSize(int kernelSize, int inputSize, int padding, int stride) {\n    return (inputSize + 2*padding - kernelSize) / stride + 1;\n}": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "// output convolution geometry\n  int HO_conv                  = (rows + PT + PB - KH + SH) / SH; // HO = ceil(H + padding - (KH-1) / SH)": (
        lambda x, o: (x.h + x.qh + x.qh - x.kh + x.sh) // x.sh,
        "mh",
        None,
    ),
    "int WO_conv                  = (W + PL + PR - KW + SW) / SW; // WO = ceil(H + padding - (KW-1) / SW)": (
        lambda x, o: (x.w + x.qw + x.qw - x.kw + x.sw) // x.sw,
        "mw",
        None,
    ),
    'def get_conv_outsize(input_size, kernel_size, stride, pad):\n    return (input_size + pad * 2 - kernel_size) // stride + 1\n\n\nif __name__ == "__main__":\n    H, W = 4, 4\n    KH, KW = 3, 3\n    SH, SW = 1, 1\n    PH, PW = 1, 1\n\n    OH = get_conv_outsize(H, KH, SH, PH)\n    OW = get_conv_outsize(W, KH, SW, PW)': (
        lambda x, o: (x.w + x.qw * 2 - x.kh) // x.sw + 1,
        "mw",
        None,
    ),
    "stride = conv_param['stride'] \n    pad = conv_param['pad'] \n    N, C, H, W = x.shape \n    F, C, HH, WW = w.shape \n    H_out = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "OH = 1 + int((H + 2 * pad - HH) / stride)": (
        lambda x, o: 1 + int((x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "OW = 1 + int((W + 2 * pad - WW) / stride)": (
        lambda x, o: 1 + int((x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "stride=conv_param['stride']\n  pad=conv_param['pad']\n  F,C,HH,WW=w.shape\n  N,C,H,W=x.shape\n  H1=np.int32(1+(H+2*pad-HH)/stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "H_ = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "W_ = 1 + (W + 2 * pad - WW) // stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "out = np.zeros((N, F, 1+(H+2*P-HH)/stride, 1+(W+2*P-WW)/stride))": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "nH = (nH_prev - f + 2 * pad) // stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "    n_H = (n_H_prev + 2 * pad - f) // stride + 1\n": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "same conv: p = (f -1) /2\nvalid conv: p = 0\n\nin CV, f is usually odd.\n\n\noutput = floor((n + 2p - f)/s) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "    n_W = int((n_W_prev + 2 * pad - f)/stride + 1)\n": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "const int FH = Conv->W->sizes[2];\n    const int FW = Conv->W->sizes[3];\n    \n    const int N  = X->sizes[0];\n    // const int C2 = X->sizes[1];\n    const int H  = X->sizes[2];\n    const int W  = X->sizes[3];\n\n    const int out_h = 1 + (int)((H + 2 * Conv->pad - FH) / Conv->stride);": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "const int out_w = 1 + (int)((W + 2 * Conv->pad - FW) / Conv->stride);": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "public static int computeOutputSize(int inputSize, int kernelSize, int stride, int padding)\n    {\n        return (inputSize + 2 * padding - kernelSize) / stride + 1;\n    }": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "입력 형상이 $n_h\\times n_w$이고 컨볼루션 커널 모양이 $k_h\\times k_w$라고 가정하면 출력 모양은 $(n_h-k_h+1) \\times (n_w-k_w+1)$이 됩니다.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "일반적으로 총 $p_h$행의 패딩 (대략 위쪽 절반, 아래쪽 절반) 과 총 $p_w$개의 패딩 열 (대략 왼쪽 절반, 오른쪽 절반) 을 추가하면 출력 모양은 \n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "일반적으로 높이에 대한 보폭이 $s_h$이고 폭에 대한 보폭이 $s_w$인 경우 출력 모양은 다음과 같습니다. \n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "girdinin şeklinin $n_h\\times n_w$ olduğunu ve evrişim çekirdeğinin şeklinin $k_h\\times k_w$ olduğunu varsayarsak, çıktının şekli $(n_h-k_h+1) \\times (n_w-k_w+1)$ olacaktır.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Genel olarak, toplam $p_h$ satırlı dolgu (kabaca yarısı üstte ve altta yarısı) ve toplam $p_w$ sütunlu dolgu (kabaca yarısı solda ve sağda yarısı) eklersek, çıktının şekli şöyle olur:\n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Genel olarak, yükseklik için $s_h$ adım ve genişlik için $s_w$ adım olduğunda, çıktının şekli:\n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "Nói chung, giả sử kích thước của đầu vào là $n_h\\times n_w$ và kích thước của cửa sổ hạt nhân tích chập là $k_h\\times k_w$, kích thước của đầu ra sẽ là: \n\n$$(n_h-k_h+1) \\times (n_w-k_w+1).$$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Nhìn chung nếu chúng ta chèn thêm tổng cộng $p_h$ hàng đệm (phân nửa ở phía trên và phân nửa ở phía dưới) và $p_w$ cột đệm (phân nửa bên trái và phân nửa bên phải), kích thước đầu ra sẽ là: \n\n$$(n_h-k_h+p_h+1)\\times(n_w-k_w+p_w+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "Nhìn chung, khi sải bước theo chiều cao là $s_h$ và sải bước theo chiều rộng là $s_w$, kích thước đầu ra là:\n\n$$\\lfloor(n_h-k_h+p_h+s_h)/s_h\\rfloor \\times \\lfloor(n_w-k_w+p_w+s_w)/s_w\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "H_R = 1 + (H + 2 * P - HH) / S": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "W_R = 1 + (W + 2 * P - WW) / S": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "sizeRowsOut = ((rowsIn-F)/S) + 1;": (
        lambda x, o: ((x.h - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "Hh = 1 + np.int((H + 2*P - HH) / S)": (
        lambda x, o: 1 + int((x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "- $H_2=(H_1−F+2P)/S+1$ (i.e. width and height are computed equally by symmetry)": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "H += 2 * pad                  # the height of padded input image\nW += 2 * pad                  # the width of padded input image\n# figure out output dimensions\nout_h = np.int((H - HH) / stride) + 1": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "- out: 输出数据，形状为 (N, F, H', W')，其中 H' 和 W' 为：\n      H' = 1 + (H + 2 * pad - HH) / stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "假设输入图片的大小为 $n \\times n$，而滤波器的大小为 $f \\times f$，则卷积后的输出图片大小为 $(n-f+1) \\times (n-f+1)$。": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "设每个方向扩展像素点数量为 $p$，则填充后原始图片的大小为 $(n+2p) \\times (n+2p)$，过滤器大小保持 $f \\times f$不变，则输出图片大小为 $(n+2p-f+1) \\times (n+2p-f+1)$。": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "设步长为 $s$，填充长度为 $p$，输入图片大小为 $n \\times n$，过滤器大小为 $f \\times f$，则卷积后图片的尺寸为：\n\n$$\\biggl\\lfloor \\frac{n+2p-f}{s}+1 \\biggr\\rfloor \\times \\biggl\\lfloor \\frac{n+2p-f}{s}+1 \\biggr\\rfloor$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "n_H = 1 + int((n_H_prev + 2 * pad - f) / stride)": (
        lambda x, o: 1 + int((x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "n_W = 1 + int((n_W_prev + 2 * pad - f) / stride)": (
        lambda x, o: 1 + int((x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "单层计算量计算公式\n$$\nFLOPs=(H*W*C_{out})*(K^2*C_{in})": (
        lambda x, o: (o.mh * o.mw * x.co) * (x.kh * x.kw * x.ci),
        ("ops", "flops"),
        SQ,
    ),
    "$$ n_H = \\lfloor \\frac{n_{H_{prev}} - f + 2\xa0\\times pad}{stride} \\rfloor +1 $$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "n_H = int(1 + (n_H_prev - f + 2*pad) / stride)": (
        lambda x, o: int(1 + (x.h - x.kh + 2 * x.qh) / x.sh),
        "mh",
        None,
    ),
    "- 최종 크기는 (n+2p-f)/s + 1 의 크기가 된다. 만약 정수가 아니라면 내림값을 가지게 된다.": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "Assuming that the input shape is $n_\\textrm{h}\\times n_\\textrm{w}$\nand the convolution kernel shape is $k_\\textrm{h}\\times k_\\textrm{w}$,\nthe output shape will be $(n_\\textrm{h}-k_\\textrm{h}+1) \\times (n_\\textrm{w}-k_\\textrm{w}+1)$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "In general, if we add a total of $p_\\textrm{h}$ rows of padding\n(roughly half on top and half on bottom)\nand a total of $p_\\textrm{w}$ columns of padding\n(roughly half on the left and half on the right),\nthe output shape will be\n\n$$(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+1)\\times(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+1).$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "In general, when the stride for the height is $s_\\textrm{h}$\nand the stride for the width is $s_\\textrm{w}$, the output shape is\n\n$$\\lfloor(n_\\textrm{h}-k_\\textrm{h}+p_\\textrm{h}+s_\\textrm{h})/s_\\textrm{h}\\rfloor \\times \\lfloor(n_\\textrm{w}-k_\\textrm{w}+p_\\textrm{w}+s_\\textrm{w})/s_\\textrm{w}\\rfloor.$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "def calculate_output_size(input_size,\n            filter_size, zero_padding, stride):\n        return int((input_size - filter_size + \n            2 * zero_padding) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "输出Y: (n_h - k_h + 1) × (n_w - k_w + 1) 这里默认步长为1": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "形状从n_h × n_w减少到(n_h - k_h + 1) × (n_w - k_w + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "填充p_h行和p_w列, 输出形状为: (n_h - k_h + p_h + 1) × (n_w - k_w + p_w + 1)": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "假设添加的$P_h$行，$P_w$列，那么输出的形状为：\n\n$$\n(n_h - k_h + p_h + 1) \\times (n_w - k_w + p_w + 1)\n$$": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "当垂直步幅为$s_h$, 水平步幅为$s_w$时，输出的形状为：\n\n$$\n\\lfloor\\frac{(n_h - k_h + p_h + s_h)} {s_h}\\rfloor \\times \\lfloor\\frac{(n_w - k_w + p_w + s_w)} {s_w}\\rfloor.\n$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "out_h = int(1 + (H + 2 * self.pad - FH) / self.stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "out_w = int(1 + (W + 2 * self.pad - FW) / self.stride)": (
        lambda x, o: int(1 + (x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "return (input_size + 2 * pad - filter_size) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "# Conv 데이터 하나의 출력크키 즉, OH와 OW = ((입력크기 - 필터크기 + 2*패딩) / 스트라이드) + 1": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    # --- H10-dev
    "FLOPs:\n[(C_in * K_H * K_W) * C_out + C_out] * (H_out * W_out)": (
        lambda x, o: ((x.ci * x.kh * x.kw) * x.co + x.co) * (o.mh * o.mw),
        ("ops", "flops", "mults"),
        None,
    ),
    "입력 크기가 (H,W)이고 커널 크기가 (KH,KW)이라면 출력 크기 (OH,OW)=(H−KH+1,W−KW+1)이다.": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "pub fn calculate_conv_output_size(\n    kernel_size: usize,\n    stride: usize,\n    padding: usize,\n    dilation: usize,\n    size_in: usize,\n) -> usize {\n    (size_in + 2 * padding - dilation * (kernel_size - 1) - 1) / stride + 1\n}": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "输出尺寸: Out = (In - k + 2p) / s + 1\n卷积向下取整, 池化向上取整.": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "$$ (2 * k_h * k_w * c_{in-channel} - 1) * H_{out} * W_{out} * c_{out-channel} $$": (
        lambda x, o: (2 * x.kh * x.kw * x.ci - 1) * o.mh * o.mw * x.co,
        "ops",
        None,
    ),
    "$$ (2 * k_h * k_w * c_{in-channel} + 1) * H_{out} * W_{out} * c_{out-channel} $$": (
        lambda x, o: (2 * x.kh * x.kw * x.ci + 1) * o.mh * o.mw * x.co,
        ("ops", "flops", "mults"),
        None,
    ),
    "nH=nW=(n+2p-f)/s+1=(63-7)/2+1=29": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Output width=n−f+1=7−3+1=5": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    "Output size of the vanilla convolution,\ngiven H, W, K1, K2 .....ANSWER.....(H - K1 + 1) x (W - K2 + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "**(w-m+1) x (h-l+1)**": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    "[(w-m+1)/s] x [(h-l+1)/s]": (
        lambda x, o: math.ceil((x.w - x.kw + 1) / x.sw),
        "mw",
        None,
    ),
    "new_h = (height - k + 2 )//stride + 1": (
        lambda x, o: (x.h - x.kh + 2) // x.sh + 1,
        "mh",
        None,
    ),
    "(img.shape[0]-filters.shape[1])//stride+1,": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "res_height = math.ceil((height-2*filter_rad)/stride_hor)": (
        lambda x, o: math.ceil((x.h - 2 * ((x.kh - 1) / 2)) / x.sw),
        "mh",
        None,
    ),
    "`n x n`  *  `f x f`  ➡  `n-f+1 x n-f+1`": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "Bir `n x n`'lik görüntü ve `f x f`'lik filtre için, `p` dolgulama miktarı ve `s` adım boyutu miktarı ile; çıkış görüntünün boyutu aşağıdaki formülle hesaplanabilir\n\n$$\\left \\lfloor{\\frac{n+2p-f}{s}+1}\\right \\rfloor \\times \\left \\lfloor{\\frac{n+2p-f}{s}+1}\\right \\rfloor$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "`n*n`'lik bir resmimiz varsa ve `f*f`'lik bir filtre uygulamak istersek, sonuç resmi `n-f+1*n-f+1` boyutunda olacaktır": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "approximate complexity = out_dim x kernel x conv = 4 x 9 x conv. (conv = in_dim x in_pixels)": (
        lambda x, o: x.co * (x.kh * x.kw) * (x.ci * x.h * x.w),
        "mults",
        None,
    ),
    "$$ \\text{Output Height} = \\frac{H - F + 2P}{S} + 1 $$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$$ \\text{Output Width} = \\frac{W - F + 2P}{S} + 1 $$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "out_height = height - self.filter_size + 1 + self.padding * 2": (
        lambda x, o: x.h - x.kh + 1 + x.qh * 2,
        "mh",
        None,
    ),
    "out_width = width - self.filter_size + 1 + self.padding * 2": (
        lambda x, o: x.w - x.kw + 1 + x.qw * 2,
        "mw",
        None,
    ),
    "out_height = int((height + 2 * self.padding - self.filter_size) / self.stride) + 1": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_width = int((width + 2 * self.padding - self.filter_size) / self.stride) + 1": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "out_height = height - self.filter_size + 1": (
        lambda x, o: (x.h + 2 * x.qh) - x.kh + 1,
        "mh",
        None,
    ),
    "out_width = width - self.filter_size + 1": (
        lambda x, o: (x.w + 2 * x.qw) - x.kw + 1,
        "mw",
        None,
    ),
    "out_height = 1 + (input_height - self.filter_size + 2 * self.padding) // self.stride": (
        lambda x, o: 1 + (x.h - x.kh + 2 * x.qh) // x.sh,
        "mh",
        None,
    ),
    "out_width = 1 + (input_width - self.filter_size + 2 * self.padding) // self.stride": (
        lambda x, o: 1 + (x.w - x.kw + 2 * x.qw) // x.sw,
        "mw",
        None,
    ),
    "int size = ((image->height - layer->filterSize) / layer->stride) + 1;": (
        lambda x, o: ((x.h - x.kh) // x.sh) + 1,
        "mh",
        None,
    ),
    "P3d size_out = {(size_in.x + self->pad_top + self->pad_bottom - filtro.x) / passo.x + 1, (size_in.y + self->pad_left + self->pad_right - filtro.y) / passo.y + 1, filtro.z};": (
        lambda x, o: (x.h + x.qh + x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "yDouble = (double)(_imageDim[1] - filterHeight + 2 * padding) / _stride + 1;": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "xDouble = (double)(_imageDim[2] - filterWidth + 2 * _padding) / _stride + 1;": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "H_out = (H + 2*self.padding - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "W_out = (W + 2*self.padding - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "calculate the output dimensions using the formula:\n        out = (in + 2*padding - kernel_size) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_H = (height + 2 * self.padding - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_W = (width  + 2 * self.padding - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_height = int((ifmap.shape[1] - kernel_height + 2 * padding) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "output_width = int((ifmap.shape[2] - kernel_width + 2 * padding) / stride + 1)": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        None,
    ),
    "out_height = int((ifmap.shape[0] - filter.shape[0] + 2 * padding) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "# For each position, # mult = kernel size, # adds = kernel size - 1\nwindow_flops_per_chan = 2 * reduce(mul, module.kernel_size) - 1\n# Connections to input channels is controlled by the group parameter\neffective_in_chan = (input.shape[1] // module.groups)\n# N * flops + (N - 1) additions\nwindow_flops = effective_in_chan * window_flops_per_chan + (effective_in_chan - 1)\nconv_flops = output.numel() * window_flops": (
        lambda x, o: (x.co * o.mh * o.mw) * (x.ci * (2 * x.kh * x.kw - 1) + (x.ci - 1)),
        "ops",
        None,
    ),
    "window_macs_per_chan = reduce(mul, module.kernel_size)\n# Connections to input channels is controlled by the group parameter\neffective_in_chan = (input.shape[1] // module.groups)\n# N * mac\nwindow_mac = effective_in_chan * window_macs_per_chan\nconv_mac = output.numel() * window_mac": (
        lambda x, o: (x.co * o.mh * o.mw) * (x.ci * x.kh * x.kw),
        "mults",
        None,
    ),
    "y_l_minus_1 = np.pad(y_l_minus_1, self.padding)\nh_out = int(\n    (y_l_minus_1.shape[0] - (self.kernel_size[0]-1) - 1) / stride + 1\n)": (
        lambda x, o: int(((x.h + 2 * x.qh) - (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    "output_height = (input_height - self.kernel_size + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "output_width = (input_width - self.kernel_size + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "int conv_h = (H - kernel_size + 2 * padding) / stride + 1;": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "int out_h = (in_h - kernel_size_ + 2 * padding_) / stride_ + 1;": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "int out_w = (in_w - kernel_size_ + 2 * padding_) / stride_ + 1;": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "h_out = ((h_in + (2 * pad) - k) // stride) + 1": (
        lambda x, o: ((x.h + (2 * x.qh) - x.kh) // x.sh) + 1,
        "mh",
        None,
    ),
    "w_out = ((w_in + (2 * pad) - k) // stride) + 1": (
        lambda x, o: ((x.w + (2 * x.qw) - x.kw) // x.sw) + 1,
        "mw",
        None,
    ),
    "self.output_shape = (num_kernels, self.H - kernel_size + 1 + 2 * padding, self.W - kernel_size + 1 + 2 * padding)": (
        lambda x, o: x.h - x.kh + 1 + 2 * x.qh,
        "mh",
        None,
    ),
    "Ho = H - HH + 1 + 2p": (
        lambda x, o: x.h - x.kh + 1 + 2 * x.qh,
        "mh",
        None,
    ),
    "// Output sizes\nint outputRows = inputRows - this->filter_size + 1;\nint outputCols = inputCols - this->filter_size + 1;": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "self.output_size = (input_dimensions[0] - kernel_size + 1,\n                    input_dimensions[0] - kernel_size + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "flops = numel(outs{1}) * numel(ins{2}(:,:,:,1)) ;": (
        lambda x, o: (x.co * o.mh * o.mw) * (x.kh * x.kw * x.ci),
        "mults",
        None,
    ),
    "# The output shape is (input size + 2 * padding size - kernel size) / (stride) + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "# The stride is not defined in this module, so it should be 1 here\nself.output_shape = (depth, input_height + 2 * padding -\n                     kernel_size + 1, input_width + 2 * padding - kernel_size + 1)": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "h = int((h_prev - f)/s)+1": (
        lambda x, o: int((x.h - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "w = int((w_prev - f)/s)+1": (
        lambda x, o: int((x.w - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "height_out = (height_in + 2 * P_H - kernel_height) // S_H + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "width_out = (width_in + 2 * P_W - kernel_width) // S_W + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "w1 = w-f+1": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    # --- H10-dev, third increment
    "const int kernel_extent_h = dilation_h * (kernel_h - 1) + 1;\nint outh = (h - kernel_extent_h) / stride_h + 1;": (
        lambda x, o: ((x.h + 2 * x.qh) - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "filters_per_channel = out_channels // groups\nconv_per_position_flops = int(\n    np.prod(kernel_dims)) * in_channels * filters_per_channel\n\nactive_elements_count = batch_size * int(np.prod(output_dims))\n\noverall_conv_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: (x.kh * x.kw) * x.ci * x.co * (1 * (o.mh * o.mw)),
        "mults",
        None,
    ),
    "total_ops = cout * output_size * kernel_ops * cin // m.groups  # cout x oW x oH": (
        lambda x, o: x.co * (o.mh * o.mw) * (x.kh * x.kw) * x.ci // 1,
        "mults",
        None,
    ),
    # --- H10-test, the test half
    "var outHeight = Math.ceil(inHeight / strideHeight);": (
        lambda x, o: math.ceil(x.h / x.sh),
        "mh",
        None,
    ),
    "var outHeight = Math.ceil((inHeight - filterHeight + 1) / strideHeight);": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "var outputRows = (inputRows - fieldSize + 2 * zeroPad) / stride + 1;": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "def get_conv_outsize(input_size, kernel_size, stride, pad):\n    return (input_size + pad*2 - kernel_size) // stride + 1": (
        lambda x, o: (x.h + x.qh * 2 - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "$$out = \\lfloor \\frac{in + 2 * p - k'}{s} \\rfloor + 1$$\n\n其中，\n\n$$k' = (d - 1) * (k - 1) + k = d * (k - 1) + 1$$": (
        lambda x, o: fl((x.h + 2 * x.qh - ((1 - 1) * (x.kh - 1) + x.kh)) / x.sh) + 1,
        "mh",
        None,
    ),
    "$$(N * H * W * C)*sizeof(input) + (C * R * S * M)*sizeof(conv) + (N * E * F * M)*sizeof(output)$$": (
        lambda x, o: (
            (1 * x.h * x.w * x.ci) * 4
            + (x.ci * x.kh * x.kw * x.co) * 4
            + (1 * o.mh * o.mw * x.co) * 4
        ),
        "fwd_mem_bytes",
        None,
    ),
    "$$N * E * F * M * C * R * S * 2$$": (
        lambda x, o: 1 * o.mh * o.mw * x.co * x.ci * x.kh * x.kw * 2,
        "flops",
        None,
    ),
    "$$O(n^2 \\cdot f^2 \\cdot C_{in} \\cdot C_{out}) \\tag{1} $$": (
        lambda x, o: o.mh**2 * x.kh**2 * x.ci * x.co,
        "mults",
        SQ,
    ),
    "$$\\biggl\\lfloor \\frac{n+2p-f}{s}+1 \\biggr\\rfloor \\times \\biggl\\lfloor \\frac{n+2p-f}{s}+1 \\biggr\\rfloor \\tag{2} $$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_height = (height - self.filter_size\n                      + 2*self.padding) // self.stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_width = (width - self.filter_size\n                     + 2*self.padding) // self.stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_height = height + 2 * self.padding - self.filter_size + 1": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    "out_width = width + 2 * self.padding - self.filter_size + 1": (
        lambda x, o: x.w + 2 * x.qw - x.kw + 1,
        "mw",
        None,
    ),
    "out_height = height - self.filter_size + 2*self.padding + 1": (
        lambda x, o: x.h - x.kh + 2 * x.qh + 1,
        "mh",
        None,
    ),
    "out_width = width - self.filter_size + 2*self.padding + 1": (
        lambda x, o: x.w - x.kw + 2 * x.qw + 1,
        "mw",
        None,
    ),
    "out_height = int((height - filter_size + 2*pad_width) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_width = int((width - filter_size + 2*pad_width) / stride + 1)": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        None,
    ),
    "out_height = (height - self.filter_size + 2 * self.padding) + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) + 1,
        "mh",
        None,
    ),
    "out_width = (width - self.filter_size + 2 * self.padding) + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) + 1,
        "mw",
        None,
    ),
    "out_height = (height - self.filter_size + 1) + self.padding*2": (
        lambda x, o: (x.h - x.kh + 1) + x.qh * 2,
        "mh",
        None,
    ),
    "out_width = (width - self.filter_size + 1) + self.padding*2": (
        lambda x, o: (x.w - x.kw + 1) + x.qw * 2,
        "mw",
        None,
    ),
    "size_t calculated_height =\n        ((padded_height - layer->kernel_height) / layer->stride) + 1;": (
        lambda x, o: (((x.h + 2 * x.qh) - x.kh) // x.sh) + 1,
        "mh",
        None,
    ),
    "size_t calculated_width =\n        ((padded_width - layer->kernel_width) / layer->stride) + 1;": (
        lambda x, o: (((x.w + 2 * x.qw) - x.kw) // x.sw) + 1,
        "mw",
        None,
    ),
    "self.output_height = int(jnp.floor((input_height + 2 * self.padding - self.kernel_size) / self.stride) + 1)": (
        lambda x, o: int(fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1),
        "mh",
        None,
    ),
    "self.output_width = int(jnp.floor((input_width + 2 * self.padding - self.kernel_size) / self.stride) + 1)": (
        lambda x, o: int(fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1),
        "mw",
        None,
    ),
    "int output_rows = ((input_rows + 2 * row_padding - rows_no) / stride) + 1;": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) // x.sh) + 1,
        "mh",
        None,
    ),
    "int output_cols = ((input_cols + 2 * col_padding - cols_no) / stride) + 1;": (
        lambda x, o: ((x.w + 2 * x.qw - x.kw) // x.sw) + 1,
        "mw",
        None,
    ),
    "kernel_passes_h = (H - filter_h + 2 * padding) // stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "kernel_passes_w = (W - filter_w + 2 * padding) // stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_h = (H + 2 * pad - KH) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (W + 2 * pad - KW) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "H_out = (H + 2*pad - KH)//stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "# ops per output element\nkernel_mul = k_h * k_w * (in_c // groups)\nkernel_add = kernel_mul - 1 + (0 if module.bias is None else 1)\n\nkernel_mul_group = kernel_mul * out_h * out_w * (out_c // groups)\nkernel_add_group = kernel_add * out_h * out_w * (out_c // groups)\n\ntotal_mul = kernel_mul_group * groups\ntotal_add = kernel_add_group * groups\n\nreturn total_mul + total_add": (
        lambda x, o: (
            x.kh * x.kw * x.ci * o.mh * o.mw * x.co
            + (x.kh * x.kw * x.ci - 1 + 0) * o.mh * o.mw * x.co
        ),
        "ops",
        None,
    ),
    "filters_per_channel = out_c // groups\nconv_per_position_flops = k_h * k_w * in_c * filters_per_channel\nactive_elements_count = batch_size * out_h * out_w\n\ntotal_conv_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: x.kh * x.kw * x.ci * x.co * (1 * o.mh * o.mw),
        "mults",
        None,
    ),
    "def convolution(node):\n    return np.prod(node.outputs[0].shape + node.inputs[1].shape[1:])": (
        lambda x, o: 1 * x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "row_out = int((NUM_INPUT_ROWS + (self.ROW_DOWN_PAD + self.ROW_UP_PAD) - self.FILT_SHAPE[0]) / self.STRIDE) + 1": (
        lambda x, o: int((x.h + (x.qh + x.qh) - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "col_out = int((NUM_INPUT_COLS + (self.COL_LEFT_PAD + self.COL_RIGHT_PAD) - self.FILT_SHAPE[1]) / self.STRIDE) + 1": (
        lambda x, o: int((x.w + (x.qw + x.qw) - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "out_h = (h + 2 * self.padding - self.filter_dim) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (w + 2 * self.padding - self.filter_dim) // self.stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "H_out = (H_in + 2 * padding - kernel_size) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "W_out = (W_in + 2 * padding - kernel_size) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "int new_out_dim(int x) {\n    int ksize = weight.shape[2];\n    float a = std::ceil(1.0*(x + 2*padding_ - ksize + 1) / stride_);\n    return static_cast<int>(a);\n}": (
        lambda x, o: math.ceil(1.0 * (x.h + 2 * x.qh - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "H_p, W_p = H + 2 * padding, W + 2 * padding\nOH = (H_p - KH) // stride + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "OW = (W_p - KW) // stride + 1": (
        lambda x, o: ((x.w + 2 * x.qw) - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "OH = (H + 2 * self.padding - KH) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "const int newHeight = (pHeight + 1 - kernelDimensions.at(2))/2;": (
        lambda x, o: (x.h + 1 - x.kh) // 2,
        "mh",
        None,
    ),
    "Hout = int(np.floor((height + 2 * self.padding - self.filter_shape[0]) / self.stride)) + 1": (
        lambda x, o: int(fl((x.h + 2 * x.qh - x.kh) / x.sh)) + 1,
        "mh",
        None,
    ),
    "Wout = int(np.floor((width + 2 * self.padding - self.filter_shape[1]) / self.stride)) + 1": (
        lambda x, o: int(fl((x.w + 2 * x.qw - x.kw) / x.sw)) + 1,
        "mw",
        None,
    ),
    "Hout = int(np.floor((img_height + 2 * self.padding - Kh) / self.stride)) + 1": (
        lambda x, o: int(fl((x.h + 2 * x.qh - x.kh) / x.sh)) + 1,
        "mh",
        None,
    ),
    "out_h = (in_h - k_size) / stride + 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (in_w - k_size) / stride + 1;": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "outputshape should be (num_filters, in_h-kernal_size + 1, in_w-kernel_size + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "img_height_padded: int = img_height + 2 * self.padding\n\noutput_height: int = (img_height_padded - self.kernel_height) // self.stride + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "img_width_padded: int = img_width + 2 * self.padding\n\noutput_width: int = (img_width_padded - self.kernel_width) // self.stride + 1": (
        lambda x, o: ((x.w + 2 * x.qw) - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_size = int((self.x_cols-self.f_cols)/(self.stride)+1)": (
        lambda x, o: int((x.h - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "int h = ((dims[2] + 2 * padding - (kernels.dims[2] - 1) - 1) / stride) + 1;": (
        lambda x, o: ((x.h + 2 * x.qh - (x.kh - 1) - 1) // x.sh) + 1,
        "mh",
        None,
    ),
    "int w = ((dims[3] + 2 * padding - (kernels.dims[3] - 1) - 1) / stride) + 1;": (
        lambda x, o: ((x.w + 2 * x.qw - (x.kw - 1) - 1) // x.sw) + 1,
        "mw",
        None,
    ),
    "h_out = (h_in + 2 * pad - h_f) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "w_out = (w_in + 2 * pad - w_f) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "height_out = (self.width_in - filter_h) // self.stride + 1": (
        lambda x, o: (x.w - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "# Output shape based on the input dimensions and kernel size\nself.output_shape = (n_kernels, \n                     input_shape[1] - kernel_shape[0] + 1,  # Output height\n                     input_shape[2] - kernel_shape[1] + 1)  # Output width": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "self.output_shape = (self.channels, self.input_height - self.filter_height + 1,\n                     self.input_height - self.filter_height + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mw",
        None,
    ),
    "self.output_shape = (num_filters, input_height - filter_size + 1, input_width - filter_size + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "convolution_output = np.zeros((image_h-self.kernel_size+1, image_w-self.kernel_size+1, self.kernel_num))": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    # --- batch H11-dev, first increment (split by page; see the header)
    "$$O_w =\\lfloor \\frac{i_w - f_w + 2*p_w}{s_w} \\rfloor + 1$$": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        None,
    ),
    "$$O_h = \\lfloor\\frac{i_h - f_h + 2*p_h}{s_h}\\rfloor + 1$$": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "OH= 1 + int ( (IH + 2*ph - FH)/ sh )": (
        lambda x, o: 1 + int((x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "H' = 1 + (H - HH) / stride": (
        lambda x, o: 1 + (x.h - x.kh) / x.sh,
        "mh",
        None,
    ),
    "s = (inputs.shape[1] - self.fshape[0]) / self.strides + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "Tamanho do output: $(H - F + 1) \\times (W - F + 1)$<br/>": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "conv_h = (H - K_H + 2*pad_len) // stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "conv_w = (W - K_W + 2*pad_len) // stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "self.eta = np.zeros((shape[0], (shape[1] - ksize + 1) / self.stride, (shape[1] - ksize + 1) / self.stride,\n             self.output_channels))": (
        lambda x, o: (x.h - x.kh + 1) // x.sh,
        "mh",
        None,
    ),
    "_output_shape = [self.batch_size, (input_variable.shape[1] - self.ksize + 1) / stride,\n                             (input_variable.shape[2] - self.ksize + 1) / stride, self.output_num]": (
        lambda x, o: (x.w - x.kw + 1) // x.sw,
        "mw",
        None,
    ),
    'output_width = ((input_tensor["width"] + pad_left + pad_right - kernel) // stride_x) + 1': (
        lambda x, o: ((x.w + x.qw + x.qw - x.kw) // x.sw) + 1,
        "mw",
        SQ,
    ),
    'output_height = ((input_tensor["height"] + pad_top + pad_bottom - kernel) // stride_y) + 1': (
        lambda x, o: ((x.h + x.qh + x.qh - x.kh) // x.sh) + 1,
        "mh",
        SQ,
    ),
    "out_h = 1 + (in_h + 2*pad - k_h)//stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "out_w = 1 + (in_w + 2*pad - k_w)//stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "output_size = ((input_size - KERNEL_SIZE + 2 * ZERO_PADDING) / STRIDE) + 1;": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) // x.sh) + 1,
        "mh",
        SQ,
    ),
    "# Höhe und Breite der Ausgabematrix\n    O_H = I_H - K_H + 1\n    O_W = I_W - K_W + 1": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "W_out = (W - F + P) // S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "Output \\ height = \\frac{Input \\ height - Kernel \\ height + 2 * Padding \\ height}{Stride \\ height} + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Output width = \\frac{Input \\ width - Kernel \\ width + 2 * Padding \\ width}{Stride \\ width} + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "$$ O = \\frac{I - K + 2P}{S} + 1 $$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "return int((input_shape + 2*padding - dilation*(kernel_size-1) - 1)/stride + 1)": (
        lambda x, o: int((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1),
        "mh",
        None,
    ),
    # --- batch H11-dev, second increment (split by page; see the header)
    "biases  *matrix.Matrix // 偏置向量：(out_channels, 1)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "outputH := (inputH+2*padH-kernelH)/strideH + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "outputW := (inputW+2*padW-kernelW)/strideW + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_height = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "out_width = 1 + (W + 2 * pad - WW) // stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "conv1_out = (input_width-kernel_sizes[0])/strides[0]+1": (
        lambda x, o: (x.w - x.kw) / x.sw + 1,
        "mw",
        None,
    ),
    "conv_output_size = (conv_output_size - kernel_sizes[i]) // strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_width = (x.shape[2] - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_width = (out_width - kernel_sizes[i])//strides[i]  + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "H_out = (H - self.kernel_size + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "W_out = (W - self.kernel_size + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        SQ,
    ),
    "outSize = (inputSize - kernel_sizes[i]) // strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "#define OUT_SIZE (IN_SIZE - KERNEL_SIZE + 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "h_new = (h - k + (2*p))//s + 1": (
        lambda x, o: (x.h - x.kh + (2 * x.qh)) // x.sh + 1,
        "mh",
        SQ,
    ),
    "w_new = (w - k + (2*p))//s + 1": (
        lambda x, o: (x.w - x.kw + (2 * x.qw)) // x.sw + 1,
        "mw",
        SQ,
    ),
    "Hout = 1 + (H + 2 * conv_param['pad'] - HH) // conv_param['stride']": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "Wout = 1 + (W + 2 * conv_param['pad'] - WW) // conv_param['stride']": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "H_out = int(1 + (H + 2 * pad - HH) / stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "W_out = int(1 + (W + 2 * pad - WW) / stride)": (
        lambda x, o: int(1 + (x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "W_out = 1 + (W + 2 * pad - WW) // stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "H_out = (H-HH+2*pad)//stride+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "W_out = (W-WW+2*pad)//stride+1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_dim = (\n            input_dim\n            + 2 * paddings[idx]\n            - (dilations[idx] * (kernel_dims[idx] - 1) + 1)\n        ) // strides[idx] + 1": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "filters_per_channel = out_channels // groups\n    conv_per_position_macs = int(_prod(kernel_dims)) * in_channels * filters_per_channel\n    active_elements_count = batch_size * int(_prod(output_dims))\n    overall_conv_macs = conv_per_position_macs * active_elements_count\n    overall_conv_flops = 2 * overall_conv_macs": (
        lambda x, o: 2 * ((x.kh * x.kw) * x.ci * (x.co // 1) * (1 * (o.mh * o.mw))),
        "flops",
        None,
    ),
    "assert flops == ((2 * ker_w * ker_h * in_ch) + 1) * in_w * in_h * kernel": (
        lambda x, o: ((2 * x.kw * x.kh * x.ci) + 1) * x.w * x.h * x.co,
        ("ops", "flops", "mults"),
        None,
    ),
    "flops = 2 * H_out * W_out * C_out * K_h * K_w * C_in": (
        lambda x, o: 2 * o.mh * o.mw * x.co * x.kh * x.kw * x.ci,
        "flops",
        None,
    ),
    "filters_per_channel = out_c // group\n    conv_per_position_flops = k_h * k_w * in_c * filters_per_channel\n    active_elements_count = batch_size * out_h * out_w\n\n    total_conv_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: x.kh * x.kw * x.ci * (x.co // 1) * (1 * o.mh * o.mw),
        "mults",
        None,
    ),
    "# conv fops = (K x K x input_channel) * (W X H X output_channel)": (
        lambda x, o: (x.kh * x.kh * x.ci) * (o.mw * o.mh * x.co),
        "mults",
        SQ,
    ),
    # --- batch H11-dev, third increment (split by page; see the header)
    "A = A.pad(((0, 0), (self.padding, self.padding), (self.padding, self.padding), (0, 0))).compact()\n\n        N, H, W, C_in = A.shape\n        K, _, _, C_out = B.shape\n        Ns, Hs, Ws, Cs = A.strides\n        new_H = (H-K+1 + self.stride-1) // self.stride": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh + 1 + x.sh - 1) // x.sh,
        "mh",
        SQ,
    ),
    "A_pad = A.pad(((0,0),(self.padding,self.padding),(self.padding,self.padding),(0,0)))\n        N, H, W, C_in = A_pad.shape\n        K, _, _, C_out = B.shape\n        H_out = int((H - K) / self.stride + 1)": (
        lambda x, o: int(((x.h + 2 * x.qh) - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "if self.padding > 0:\n            padding = ((0,0), (self.padding, self.padding), (self.padding, self.padding), (0, 0))\n            X = X.pad(padding)\n\n        N, H_in, W_in, C_in = X.shape\n        K, _, _, C_out = W.shape\n        H_out, W_out = (H_in - K) // self.stride + 1, (W_in - K) // self.stride + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    # --- batch H11-test, the test half (split by page; see the header)
    "out_width = int((W + 2 * padding - field_width) / stride + 1)": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "h_out = int((h_x - h_filter + 2 * self.padding) / self.stride) + 1": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "w_out = int((w_x - w_filter + 2 * self.padding) / self.stride) + 1": (
        lambda x, o: int((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Output = (W - K + 2P) / S + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "# H_out = (H_in + 2*padding - dilation*(kernel-1) - 1) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1,
        "mh",
        DIV,
    ),
    "公式: Output = floor((W - K + 2P) / S) + 1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_h = int((height + 2 * pad - filter_h)/stride + 1)": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_w = int((weight + 2 * pad - filter_w)/stride + 1)": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "out_h = int(1 + (height + 2 * self.pad - f_height) / self.stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "h_O &= (h + 2p_H - k_H) / s_Y + 1,\\\\": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "w_O &= (w + 2p_W - k_W) / s_X + 1.": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "h_out = (h_in + 2*pad - k) / stride + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "w_out = (w_in + 2*pad - k) / stride + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    "TOTAL_MAC = OC * H * W * K * K          # 156,800": (
        lambda x, o: x.co * x.h * x.w * x.kh * x.kh,
        "mults",
        SQ,
    ),
    "CONV1_MACS = CONV1_OC * CONV1_OUT_H * CONV1_OUT_W * CONV1_K * CONV1_K  # 156,800": (
        lambda x, o: x.co * o.mh * o.mw * x.kh * x.kh,
        "mults",
        SQ,
    ),
    "out_h = int((n_H + 2 * pad - HF) / stride) + 1": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out_w = int((n_W + 2 * pad - WF) / stride) + 1": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "in_feature = (in_feature - kernel_sizes[i]) // strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_size = (input_size - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "W_p = (W - self.kernel_size) // self.stride + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_width = (current_input_width - kernel_size) // stride + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "H_out, W_out = 1 + (H + 2 * pad - HH) // s, 1 + (W + 2 * pad - WW) // s": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "Hout = int(1 + (H + 2 * pad - HH) / stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "Wout = int(1 + (W + 2 * pad - WW) / stride)": (
        lambda x, o: int(1 + (x.w + 2 * x.qw - x.kw) / x.sw),
        "mw",
        None,
    ),
    "output_size = (input_size - self.kernel_size)//1 + 1": (
        lambda x, o: (x.w - x.kw) // 1 + 1,
        "mw",
        None,
    ),
    "output_size_x = (input_size_x - self.kernel_size)//1 + 1": (
        lambda x, o: (x.w - x.kw) // 1 + 1,
        "mw",
        None,
    ),
    "out_width = (out_width - kernel_sizes[i]) //  strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "input_width = (input_width - kernel_sizes[i]) // strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "int output_width = (input_width - kernel_size)/stride + 1;": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "int output_height = (input_height - kernel_size)/stride + 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_height = (H + 2 * pad - filter_height) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_width = (W + 2 * pad - filter_width) // stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_height = (H + 2 * padding - field_height) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "h_prime = int((height + (2 * pad) - filter_height) / stride) + 1": (
        lambda x, o: int((x.h + (2 * x.qh) - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "w_prime = int((width + (2 * pad) - filter_width) / stride) + 1": (
        lambda x, o: int((x.w + (2 * x.qw) - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "out_height = (H + 2 * pad - filter_height) / stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "out_width = (W + 2 * pad - filter_width) / stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "Hout = int(np.floor((H + 2 * self.padding - fh) / self.stride)) + 1": (
        lambda x, o: int(fl((x.h + 2 * x.qh - x.kh) / x.sh)) + 1,
        "mh",
        None,
    ),
    "Wout = int(np.floor((W + 2 * self.padding - fw) / self.stride)) + 1": (
        lambda x, o: int(fl((x.w + 2 * x.qw - x.kw) / x.sw)) + 1,
        "mw",
        None,
    ),
    "<br> $\\boxed{O = \\frac{I - F + 2P}{S} + 1}$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "W_2= \\frac{W_1-K+2P}{S}+1,": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "out_width1 = (input_width - kernel_sizes[0]) // strides[0] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "out_H = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "out_W = 1 + (W + 2 * pad - WW) // stride": (
        lambda x, o: 1 + (x.w + 2 * x.qw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "output = int((input_size - kernel_size + 2*(padding)) / stride) + 1": (
        lambda x, o: int((x.h - x.kh + 2 * (x.qh)) / x.sh) + 1,
        "mh",
        None,
    ),
    "filters_per_channel = out_channels // module.groups\n    conv_per_position_flops = reduce(lambda x, y: x * y, kernel_size) * \\\n        in_channels * filters_per_channel\n\n    active_elements_count = output.shape[0] * reduce(lambda x, y: x * y, output.shape[2:])\n\n    overall_conv_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: (x.kh * x.kw) * x.ci * (x.co // 1) * (1 * (o.mh * o.mw)),
        "mults",
        None,
    ),
    "flops = 2 * out_shape[1] * out_shape[2] * filter_shape[0] * filter_shape[1] * filter_shape[2] * filter_shape[3]": (
        lambda x, o: 2 * o.mh * o.mw * x.co * x.kh * x.kw * x.ci,
        "flops",
        None,
    ),
    "out_h = (tensor.h - size_h + 2 * padding_h) // stride_h + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_w = (tensor.w - size_w + 2 * padding_w) // stride_w + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "self.flops += out_c * out_h * out_w * in_c // groups * size_h * size_w": (
        lambda x, o: x.co * o.mh * o.mw * x.ci // 1 * x.kh * x.kw,
        "mults",
        None,
    ),
    "kernel_ops = m.weight.size()[2:].numel()\n    bias_ops = 0 if m.bias is not None else -1\n    ops_per_element = kernel_ops\n    output_elements = y.nelement()\n\n    # cout x oW x oH\n    total_ops = (2 * cin * ops_per_element + bias_ops) * output_elements // m.groups": (
        lambda x, o: (2 * x.ci * (x.kh * x.kw) + (-1)) * (1 * x.co * o.mh * o.mw) // 1,
        "ops",
        None,
    ),
    "if p > 0:\n            A_pad = A.pad(((0, 0), (p, p), (p, p), (0, 0)))\n        else:\n            A_pad = A\n\n        Hp, Wp = A_pad.shape[1], A_pad.shape[2]\n        H_out = (Hp - K) // s + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "H_out = (H + 2 * P - K) // S + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "W_out = (W + 2 * P - K) // S + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        SQ,
    ),
    "new_H=(H-K+1)//self.stride": (
        lambda x, o: (x.h + 2 * x.qh - x.kh + 1) // x.sh,
        "mh",
        None,
    ),
    "new_H = (H-K+1) // self.stride": (
        lambda x, o: (x.h + 2 * x.qh - x.kh + 1) // x.sh,
        "mh",
        None,
    ),
    "H_out = (H - K + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "W_out = (W - K + 2 * self.padding) // self.stride + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) // x.sw + 1,
        "mw",
        SQ,
    ),
    "if self.padding > 0:\n          A = A.pad(((0,0), (self.padding, self.padding), (self.padding, self.padding), (0, 0)))\n\n        N, H, W, C_in = A.shape\n        K, _, _, C_out = B.shape\n        s = self.stride\n\n        H_out = (H - K) // s + 1": (
        lambda x, o: ((x.h + 2 * x.qh) - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "Hout = \\frac{Hin + 2 * padding[0] - dilation[0] * (ksize[0] - 1) - 1}{stride[0]} + 1 \\\\\\\\": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Wout = \\frac{Win + 2 * padding[1] - dilation[1] * (ksize[1] - 1) - 1}{stride[1]} + 1": (
        lambda x, o: (x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) / x.sw + 1,
        "mw",
        DIV,
    ),
    "output_size = (input_size - kernel_sizes[i]) // strides[i] + 1": (
        lambda x, o: (x.w - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "output_size = ((width - self.kernel_size)//self.stride) + 1": (
        lambda x, o: ((x.w - x.kw) // x.sw) + 1,
        "mw",
        None,
    ),
    "output_w = int(((input_w - self.kernel_size)//self.stride) + 1)": (
        lambda x, o: int(((x.w - x.kw) // x.sw) + 1),
        "mw",
        None,
    ),
    "out_width = (W + 2 * padding - field_width) / stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    # --- batch H12-dev, first increment (issue 21's ninth fresh hold-out)
    "各カーネルは、オプションで関連するスカラーバイアスを持つことができます。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "#define op_dim(IN_dim, stride, K_dim, OUT_dim)   \\\n    {                                            \\\n        OUT_dim = (IN_dim - K_dim) / stride + 1; \\\n    }": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "#define FLOPS   ((double)CO*B*OUTPUT_TOTAL_H*OUTPUT_TOTAL_W*R_CI*R_KH*R_KW*2)": (
        lambda x, o: x.co * 1 * (o.mh + 2 * x.qh) * (o.mw + 2 * x.qw) * x.ci * x.kh * x.kw * 2,
        ("flops", "ops"),
        None,
    ),
    "input = Hin x Win x Cin\n\noutput = Hout x Wout x Cout\n\nweights = K x K x Cin x Cout + Cout": (
        lambda x, o: x.h * x.w * x.ci + o.mh * o.mw * x.co + x.kh * x.kh * x.ci * x.co + x.co,
        "fwd_mem_bias",
        SQ,
    ),
    "return (i + 2 * self.padding[idx] - self.dilation[idx] * (self.kernel_size[idx] - 1) - 1) // self.stride[idx] + 1": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "self._flops = (2 * cin * self.kernel_size[0] * self.kernel_size[1] - (0 if self.bias else 1)) * (cout // self.groups) * hout * wout * bsout": (
        lambda x, o: (2 * x.ci * x.kh * x.kw - 1) * (x.co // 1) * o.mh * o.mw * 1,
        "ops",
        None,
    ),
    "const output = Math.floor((size + 2 * p - k) / s) + 1;": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    'info["macs"] += int(param.nelement() * np.prod(info["out"][2:]))': (
        lambda x, o: (x.co * x.ci * x.kh * x.kw) * (o.mh * o.mw),
        "mults",
        None,
    ),
    "# Multiply-accumulate operations: MACs = volume(OFM) * (#IFM * K^2) / #Groups": (
        lambda x, o: (x.co * o.mh * o.mw) * (x.ci * x.kh**2) / 1,
        "mults",
        SQ,
    ),
    "macs = (distiller.volume(output) *\n            (self.in_channels / self.groups * self.kernel_size[0] * self.kernel_size[1]))": (
        lambda x, o: (1 * x.co * o.mh * o.mw) * (x.ci / 1 * x.kh * x.kw),
        "mults",
        None,
    ),
    "out_nrows = np.ceil(float(input_shape[0]) / strides[0])": (
        lambda x, o: -(-x.h // x.sh),
        "mh",
        None,
    ),
    "kernel_ops = self.kernel_size[0] * self.kernel_size[1] * (self.in_channels / self.groups)\n        bias_ops = 1 if self.bias is not None else 0\n\n        params = output_channels * (kernel_ops + bias_ops)\n        flops = (kernel_ops * (2 if multiply_adds else 1) + bias_ops) * output_channels * output_height * output_width * batch_size": (
        lambda x, o: (x.kh * x.kw * (x.ci / 1) * 2 + 0) * x.co * o.mh * o.mw * 1,
        "flops",
        None,
    ),
    'return p["output_h"] * p["output_w"] * p["kernel_h"] * p["kernel_w"] * p["input_c"] * p["output_c"]': (
        lambda x, o: o.mh * o.mw * x.kh * x.kw * x.ci * x.co,
        "mults",
        None,
    ),
    "out_h = (h - 1) / conv_param->stride_h + 1;": (
        lambda x, o: (x.h - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "out_h = (h - conv_param->dilation_h * (conv_param->kernel_h - 1) - 1 + conv_param->pad_h0 + conv_param->pad_h1) / conv_param->stride_h + 1;": (
        lambda x, o: (x.h - 1 * (x.kh - 1) - 1 + x.qh + x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "pub(crate) fn out_h(&self) -> usize {\n        (self.i_h + 2 * self.padding - self.dilation * (self.k_h - 1) - 1) / self.stride + 1\n    }": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        SQ,
    ),
    "pub(crate) fn out_w(&self) -> usize {\n        (self.i_w + 2 * self.padding - self.dilation * (self.k_w - 1) - 1) / self.stride + 1\n    }": (
        lambda x, o: (x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) // x.sw + 1,
        "mw",
        SQ,
    ),
    "retHeight = (h+2*op.padH-(op.dilationH*(op.h-1)+1))/op.strideH + 1": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "retWidth = (w+2*op.padW-(op.dilationW*(op.w-1)+1))/op.strideW + 1": (
        lambda x, o: (x.w + 2 * x.qw - (1 * (x.kw - 1) + 1)) // x.sw + 1,
        "mw",
        None,
    ),
    "switch (padding) {\n    case kTfLitePaddingSame:\n      value = (static_cast<int64_t>(image_size) + stride - 1) / stride;\n      break;\n    case kTfLitePaddingValid:\n      value =\n          (static_cast<int64_t>(image_size) + stride - effective_filter_size) /\n          stride;\n      break;\n    default:\n      return kTfLiteError;\n  }": (
        lambda x, o: (x.w + x.sw - x.kw) // x.sw,
        "mw",
        None,
    ),
    "out_h = in_h // stride": (
        lambda x, o: x.h // x.sh,
        "mh",
        None,
    ),
    "bias_ops = 1 if is_bias else 0\n    kernel_ops = kernel_size[0] * kernel_size[1] * (in_channel // groups)\n    delta_ops = (kernel_ops + bias_ops) * out_channel * out_h * out_w": (
        lambda x, o: (x.kh * x.kw * (x.ci // 1) + 0) * x.co * (x.h // x.sh) * (x.w // x.sw),
        ("mults", "flops", "ops"),
        None,
    ),
    # --- batch H12-dev, second increment
    "self.n_macs = (ins[1] * outs[1] *\n                       self.kernel_size[0] * self.kernel_size[1] *\n                       outs[2] * outs[3] // self.groups) * outs[0]": (
        lambda x, o: (x.ci * x.co * x.kh * x.kw * o.mh * o.mw // 1) * 1,
        "mults",
        None,
    ),
    "Ho, Wo = self.patches_resolution\n        flops = Ho * Wo * self.embed_dim * self.in_chans * (self.patch_size[0] * self.patch_size[1])": (
        lambda x, o: o.mh * o.mw * x.co * x.ci * (x.kh * x.kw),
        "mults",
        None,
    ),
    "kernel_ops = self.kernel_size[0] * self.kernel_size[\n            1] * (self.in_channels // self.groups)\n        params = output_channels * kernel_ops\n        flops = batch_size * params * output_height * output_width": (
        lambda x, o: 1 * (x.co * (x.kh * x.kw * (x.ci // 1))) * o.mh * o.mw,
        "mults",
        None,
    ),
    "C_in = func.inputs[1].shape[1]\n    kernel = func.inputs[1].shape[2:]\n    if func.info.args['channel_last']:\n        C_in = func.inputs[1].shape[-1]\n        kernel = func.inputs[1].shape[1:-1]\n    out_shape = func.outputs[0].shape[func.info.args['base_axis']:]\n    flops_per_filter = C_in*2*np.prod(kernel) - int(len(func.inputs) == 2)\n    return flops_per_filter * np.prod(out_shape) / func.info.args['group']": (
        lambda x, o: (x.ci * 2 * (x.kh * x.kw) - 1) * (x.co * o.mh * o.mw) / 1,
        "ops",
        None,
    ),
    'in_features = self.get_nodeattr("MW")\n        out_features = self.get_nodeattr("MH")\n        weight_bits = self.get_weight_datatype().bitwidth()\n        inp_bits = self.get_input_datatype().bitwidth()\n        num_inp_vec = self.get_nodeattr("numInputVectors")\n        num_repetitions = int(np.prod(num_inp_vec))\n        mac_count = in_features * out_features * num_repetitions': (
        lambda x, o: (x.kh * x.kw * x.ci) * x.co * int(1 * o.mh * o.mw),
        "mults",
        None,
    ),
    # --- batch H12-dev, third increment
    'let bs = vb.get_with_hints(out_channels, "bias", init_bs)?;': (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H12-test (kept private until its one measurement, 09:10 UTC)
    "Each filter has one bias parameter.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "中间特征图大小计算= W*H*C*像素点位数": (
        lambda x, o: o.mw * o.mh * x.co * 32,
        ("fwd_mem", "fwd_mem_bytes"),
        None,
    ),
    "self.macs += int(\n                        cur_params * prod(self.output_size[:1] + self.output_size[2:])\n                    )": (
        lambda x, o: (x.co * x.ci * x.kh * x.kw) * (1 * o.mh * o.mw),
        "mults",
        None,
    ),
    'inline size_t conv_out_length(size_t in_length,\n                              size_t window_size,\n                              size_t stride,\n                              size_t dilation,\n                              padding pad_type) {\n  size_t output_length;\n\n  if (pad_type == padding::same) {\n    output_length = in_length;\n  } else if (pad_type == padding::valid) {\n    output_length = in_length - dilation * window_size + dilation;\n  } else {\n    throw nn_error("Not recognized pad_type.");\n  }\n  return (output_length + stride - 1) / stride;\n}': (
        lambda x, o: -(-(x.w - 1 * x.kw + 1) // x.sw),
        "mw",
        None,
    ),
    "this.OutputWidth =\n                (int)Math.Floor((this.InputWidth + this.XPad * 2 - this.Width) / (double)this.Stride + 1);": (
        lambda x, o: fl((x.w + x.qw * 2 - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "this.OutputHeight =\n                (int)Math.Floor((this.InputHeight + this.YPad * 2 - this.Height) / (double)this.Stride + 1);": (
        lambda x, o: fl((x.h + x.qh * 2 - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "this.Bias = BuilderInstance<T>.Volume.From(new T[this.OutputDepth].Populate(this.BiasPref),\n                new Shape(1, 1, this.OutputDepth));": (
        lambda x, o: 1 * 1 * x.co,
        "bias",
        None,
    ),
    "const outputWidth = Math.floor(\n      (inputWidth + 2 * padding - kernelSize) / stride + 1\n    );": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        SQ,
    ),
    "const outputHeight = Math.floor(\n      (inputHeight + 2 * padding - kernelSize) / stride + 1\n    );": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "currFlops = out_c * out_h * out_w * in_c // groups * size_h * size_w * 2": (
        lambda x, o: x.co * o.mh * o.mw * x.ci // 1 * x.kh * x.kw * 2,
        "flops",
        None,
    ),
    "currFlops = out_c * out_h * out_w * \\\n                in_c // groups * (size_h * size_w * 2 - 1)": (
        lambda x, o: x.co * o.mh * o.mw * x.ci // 1 * (x.kh * x.kw * 2 - 1),
        ("ops", "flops"),
        None,
    ),
    "if bias:\n            self.params += out_c": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "Width=(((Width+2*Padding-(Kernel_size-1)-1)~/Stride)+1);": (
        lambda x, o: ((x.w + 2 * x.qw - (x.kw - 1) - 1) // x.sw) + 1,
        "mw",
        SQ,
    ),
    "Height=(((Height+2*Padding-(Kernel_size-1)-1)~/Stride)+1);": (
        lambda x, o: ((x.h + 2 * x.qh - (x.kh - 1) - 1) // x.sh) + 1,
        "mh",
        SQ,
    ),
    "total_input_size = abs(np.prod(input_size) * batch_size * 4. / (1024 ** 2.))\n    total_output_size = abs(2. * total_output * 4. /\n                            (1024 ** 2.))  # x2 for gradients\n    total_params_size = abs(total_params * 4. / (1024 ** 2.))\n    total_size = total_params_size + total_output_size + total_input_size": (
        lambda x, o: (
            (
                x.ci * x.h * x.w * 1 * 4
                + 2 * (x.co * o.mh * o.mw) * 4
                + (x.co * x.ci * x.kh * x.kw + x.co) * 4
            )
            / (1024**2)
        ),
        ("bwd_mem", "bwd_mem_bytes", "bwd_mem_kept"),
        None,
    ),
    "filters_per_channel = out_c // groups\n    conv_per_position_flops = k_h * k_w * in_c * filters_per_channel\n    active_elements_count = batch_size * out_h * out_w\n\n    total_conv_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: x.kh * x.kw * x.ci * (x.co // 1) * (1 * o.mh * o.mw),
        "mults",
        None,
    ),
    "# we assume we only need to store input and output, the weights are partially loaded for computation\n        if m is None:\n            return 0\n        if hasattr(m, 'conv'):\n            m = m.conv\n        elif hasattr(m, 'linear'):\n            m = m.linear\n        assert isinstance(m, (nn.Conv2d, nn.Linear))\n        return m.input_size.item() + m.output_size.item()": (
        lambda x, o: x.ci * x.h * x.w + x.co * o.mh * o.mw,
        "fwd_mem",
        None,
    ),
    "delta_ops = layer.in_channels * layer.out_channels * layer.kernel_size[0] *  \\\n                layer.kernel_size[1] * out_h * out_w / layer.groups * multi_add": (
        lambda x, o: x.ci * x.co * x.kh * x.kw * o.mh * o.mw / 1 * 1,
        "mults",
        None,
    ),
    "type Convolved = Const<{ (DIM + 2 * PADDING - DILATION * (KERNEL - 1) - 1) / STRIDE + 1 }>;": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        SQ,
    ),
    "output_dim = (input_dim + 2 * paddings[idx] - (dilations[idx] *\n                                                       (kernel_dims[idx] - 1) + 1)) // strides[idx] + 1": (
        lambda x, o: (x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "filters_per_channel = out_channels // groups\n    conv_per_position_macs = int(_prod(kernel_dims)) * in_channels * filters_per_channel\n    active_elements_count = batch_size * int(_prod(output_dims))\n    overall_conv_macs = conv_per_position_macs * active_elements_count": (
        lambda x, o: (x.kh * x.kw) * x.ci * (x.co // 1) * (1 * (o.mh * o.mw)),
        "mults",
        None,
    ),
    "overall_conv_flops = 2 * overall_conv_macs\n\n    bias_flops = 0\n    if bias is not None:\n        bias_flops = out_channels * active_elements_count\n\n    return int(overall_conv_flops + bias_flops), int(overall_conv_macs)": (
        lambda x, o: 2 * (x.kh * x.kw * x.ci * x.co * o.mh * o.mw) + 0,
        "flops",
        None,
    ),
    "conv_per_position_flops = (\n        kernel_height * kernel_width * in_channels * out_channels / groups\n    )\n\n    active_elements_count = batch_size * output_height * output_width\n    overall_flops = conv_per_position_flops * active_elements_count": (
        lambda x, o: (x.kh * x.kw * x.ci * x.co / 1) * (1 * o.mh * o.mw),
        "mults",
        None,
    ),
    'c_out, c_in, k_h, k_w = filter_shape\n            _, _, h_out, w_out = output_shape\n            # c_in is the channel number of filter. It is (input_channel // groups).\n            kernel_ops = k_h * k_w * float(c_in)\n            if len(op.inputs("Bias")) > 0:\n                with_bias = 1\n            else:\n                with_bias = 0\n            op_flops = h_out * w_out * c_out * (kernel_ops + with_bias)': (
        lambda x, o: o.mh * o.mw * x.co * (x.kh * x.kw * float(x.ci) + 0),
        "mults",
        None,
    ),
    "kernel = dilation*(kernel_w-1)+1\n                    d.wOut = Math.floor((d.wIn + 2*pad_w - kernel) / stride_w) + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - (1 * (x.kw - 1) + 1)) / x.sw) + 1,
        "mw",
        None,
    ),
    "kernel = dilation*(kernel_h-1)+1\n                    d.hOut = Math.floor((d.hIn + 2*pad_h - kernel) / stride_h) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - (1 * (x.kh - 1) + 1)) / x.sh) + 1,
        "mh",
        None,
    ),
    "d.comp.macc = (kernel_w*kernel_h)*(d.wOut*d.hOut)*d.chIn*d.chOut*d.batchOut/group": (
        lambda x, o: (x.kw * x.kh) * (o.mw * o.mh) * x.ci * x.co * 1 / 1,
        "mults",
        None,
    ),
    "def get_output_resolution(self, input_resolution):\n        return input_resolution // self.stride": (
        lambda x, o: x.h // x.sh,
        "mh",
        SQ,
    ),
    "def get_FLOPs(self, input_resolution):\n        return self.in_channels * self.out_channels * self.kernel_size ** 2 * input_resolution ** 2 // self.stride ** 2 // self.groups": (
        lambda x, o: x.ci * x.co * x.kh**2 * x.h**2 // x.sh**2 // 1,
        ("mults", "flops", "ops"),
        SQ,
    ),
    "hout = (self.data.shape[-3] - self.weights.shape[-3] + self.pad[-3][0] + self.pad[-3][1]) // self.stride[-3] + 1": (
        lambda x, o: (x.h - x.kh + x.qh + x.qh) // x.sh + 1,
        "mh",
        None,
    ),
    "wout = (self.data.shape[-2] - self.weights.shape[-2] + self.pad[-2][0] + self.pad[-2][1]) // self.stride[-2] + 1": (
        lambda x, o: (x.w - x.kw + x.qw + x.qw) // x.sw + 1,
        "mw",
        None,
    ),
    "mac = (wfil * hfil * cin * \\\n                cout * hout * wout * \\\n                num) // self.group": (
        lambda x, o: (x.kw * x.kh * x.ci * x.co * o.mh * o.mw * 1) // 1,
        "mults",
        None,
    ),
    "conv_height_ = (height_ + 2 * pad_h_ - kernel_h_) / stride_h_ + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "conv_width_ = (width_ + 2 * pad_w_ - kernel_w_) / stride_w_ + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "const outputRows = conditionalRound(\n      (inputRows - fieldSize + 2 * zeroPad) / stride + 1, roundingMode);": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "// out_rows = (input_rows - filter_rows) / stride_rows + 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "out_h = int(\n            (x.size()[2] + 2 * layer.padding[0] - layer.kernel_size[0])\n            / layer.stride[0]\n            + 1\n        )": (
        lambda x, o: int((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "out_w = int(\n            (x.size()[3] + 2 * layer.padding[1] - layer.kernel_size[1])\n            / layer.stride[1]\n            + 1\n        )": (
        lambda x, o: int((x.w + 2 * x.qw - x.kw) / x.sw + 1),
        "mw",
        None,
    ),
    "flops = (\n            batchsize_per_replica\n            * layer.in_channels\n            * layer.out_channels\n            * layer.kernel_size[0]\n            * layer.kernel_size[1]\n            * out_h\n            * out_w\n            / layer.groups\n        )": (
        lambda x, o: 1 * x.ci * x.co * x.kh * x.kw * o.mh * o.mw / 1,
        "mults",
        None,
    ),
    "y_h = (x_h + 2 * padding[0] - dilation[0] * (kernel_size[0] - 1) - 1) // strides[0] + 1": (
        lambda x, o: (x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh + 1,
        "mh",
        None,
    ),
    "y_w = (x_w + 2 * padding[1] - dilation[1] * (kernel_size[1] - 1) - 1) // strides[1] + 1": (
        lambda x, o: (x.w + 2 * x.qw - 1 * (x.kw - 1) - 1) // x.sw + 1,
        "mw",
        None,
    ),
    "kernel_total_size = kernel_size[0] * kernel_size[1]\n            y_size = y_h * y_w\n            extra_num_macs = kernel_total_size * in_channels * y_size * out_channels // groups": (
        lambda x, o: (x.kh * x.kw) * x.ci * (o.mh * o.mw) * x.co // 1,
        "mults",
        None,
    ),
    "bias_.Resize(Shape{num_filters_});": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.flops = P * Q * M * K * N * C * R * S * T * 2.0": (
        lambda x, o: o.mh * o.mw * 1 * x.co * 1 * x.ci * x.kh * x.kw * 1 * 2.0,
        "flops",
        None,
    ),
    "S = dilation * (S - 1) + 1\n\n        if self.check_caffe_compat() and pooling:\n            size = int(ceil((float(X - S + 2 * padding) / strides))) + 1\n            if padding > 0 and (size - 1) * strides >= X + padding:\n                # decrement size if last pooling op is completely in padding\n                size -= 1\n        else:\n            # normal neon output size determination\n            size = ((X - S + 2 * padding) // strides) + 1": (
        lambda x, o: ((x.h - (1 * (x.kh - 1) + 1) + 2 * x.qh) // x.sh) + 1,
        "mh",
        None,
    ),
    "self.bias_size = self.in_shape[0]\n        if self.weight_shape is None:\n            self.weight_shape = (self.bias_size, 1)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "long outputHeight = (inputHeight + 2*padH - kH) / dH + 1;": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "long outputWidth  = (inputWidth + 2*padW - kW) / dW + 1;": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) // x.sw + 1,
        "mw",
        None,
    ),
    "size_t flopCnt = static_cast<size_t>(2) * in_n * in_c * wei_h * wei_w * out_c * out_h *\n                         out_w / group_count;": (
        lambda x, o: 2 * 1 * x.ci * x.kh * x.kw * x.co * o.mh * o.mw // 1,
        "flops",
        None,
    ),
    "size_t inputBytes =\n            in_n * in_c * in_h * in_w * miopen::GetTypeSize(miopen::deref(inputTensor).GetType());\n        size_t weightBytes = wei_n * wei_c * wei_h * wei_w *\n                             miopen::GetTypeSize(miopen::deref(weightTensor).GetType());\n        size_t readBytes = inputBytes + weightBytes;\n\n        size_t outputBytes = 1.0 * out_n * out_c * out_h * out_w *\n                             miopen::GetTypeSize(miopen::deref(outputTensor).GetType());": (
        lambda x, o: (
            (1 * x.ci * x.h * x.w * 4 + x.co * x.ci * x.kh * x.kw * 4)
            + 1.0 * 1 * x.co * o.mh * o.mw * 4
        ),
        "fwd_mem_bytes",
        None,
    ),
    "int64_t\ngetFwdConvDilatedFilterDim(int64_t filterDim, int64_t dilation) {\n    return ((filterDim - 1) * dilation) + 1;\n}\n\nint64_t\ngetFwdConvPaddedImageDim(int64_t tensorDim, int64_t pad) {\n    return tensorDim + (2 * pad);\n}\n\nint64_t\ngetFwdConvOutputDim(int64_t tensorDim, int64_t pad, int64_t filterDim, int64_t stride, int64_t dilation) {\n    int64_t p =\n        (getFwdConvPaddedImageDim(tensorDim, pad) - getFwdConvDilatedFilterDim(filterDim, dilation)) / stride + 1;\n    return (p);\n}": (
        lambda x, o: ((x.h + (2 * x.qh)) - ((x.kh - 1) * 1 + 1)) // x.sh + 1,
        "mh",
        None,
    ),
    "out_height = int(math.ceil(float(in_height) / float(stride_height)))": (
        lambda x, o: math.ceil(float(x.h) / float(x.sh)),
        "mh",
        None,
    ),
    "out_height = int(math.ceil(float(in_height - filt_height + 1) / float(stride_height)))": (
        lambda x, o: math.ceil(float(x.h - x.kh + 1) / float(x.sh)),
        "mh",
        None,
    ),
    "self.total_input + self.total_output_bytes + self.total_param_bytes": (
        lambda x, o: (
            4 * (x.ci * x.h * x.w) + 4 * 2 * (x.co * o.mh * o.mw) + 4 * (x.co * x.ci * x.kh * x.kw)
        ),
        ("bwd_mem", "bwd_mem_bytes", "bwd_mem_kept"),
        None,
    ),
    "size_t weightBytes = wei_n * wei_c * wei_h * wei_w *\n                             miopen::GetTypeSize(miopen::deref(weightTensor).GetType());\n        size_t inputBytes =\n            in_n * in_c * out_c * miopen::GetTypeSize(miopen::deref(inputTensor).GetType());\n        size_t readBytes = inputBytes + weightBytes;\n\n        size_t outputBytes = 1.0 * out_n * out_c * out_h * out_w *\n                             miopen::GetTypeSize(miopen::deref(outputTensor).GetType());": (
        lambda x, o: (
            (x.co * x.ci * x.kh * x.kw * 4 + 1 * x.ci * x.co * 4) + 1.0 * 1 * x.co * o.mh * o.mw * 4
        ),
        ("bwd_mem", "bwd_mem_bytes", "bwd_mem_kept"),
        None,
    ),
    "out_height = int(\n                math.floor(float(in_height + 2 - dilation_height * (filt_height - 1) - 1) / float(stride_height) + 1)\n            )": (
        lambda x, o: math.floor(float(x.h + 2 - 1 * (x.kh - 1) - 1) / float(x.sh) + 1),
        "mh",
        None,
    ),
    "n_out = math.floor((n_in - k + 2 * p) / s) + 1": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    # --- batch H13-dev, first increment (issue 21's tenth fresh hold-out)
    "레이어 유형 | Weight 수 계산 | Bias 수 계산 |\nConvolution Layer | kernel_h × kernel_w × in_ch × out_ch | out_channels |": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$h_o = h_i + 2p -k_h + 1 = h_i - k_h + 1$": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        None,
    ),
    # --- batch H13-dev, second increment
    "$$\n\\text{Multiplications} = h' w' c_o \\cdot (c_i k_h k_w)\n$$": (
        lambda x, o: o.mh * o.mw * x.co * (x.ci * x.kh * x.kw),
        "mults",
        None,
    ),
    "$$\n\\text{Additions} = h' w' c_o \\cdot (c_i k_h k_w - 1)\n$$": (
        lambda x, o: o.mh * o.mw * x.co * (x.ci * x.kh * x.kw - 1),
        "adds",
        None,
    ),
    "(包含偏置项,每个输出通道一个偏置)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H13-dev, third increment
    "$W_2 = \\left \\lfloor{\\frac{W_1 - F + 2P}{S}}\\right \\rfloor + 1$": (
        lambda x, o: math.floor((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        SQ,
    ),
    "$H_2 = \\left \\lfloor{\\frac{H_1 - F + 2P}{S}}\\right \\rfloor + 1$": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "Total parameters: $(F \\cdot F \\cdot D_1) \\cdot K$ weights + **K biases**": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H13-dev, fourth increment
    "这里额外加上了偏置项 \\( b_i \\),\\( i=0,...,C_{out}-1 \\),所以每个滤波器实际上还有1个偏置参数[^3]。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "\\[ FLOPs = ((H-K+1)\\times(W-K+1))\\times(C_{in}\\cdot K\\cdot K\\times2+C_{out})\\times C_{out} \\]": (
        lambda x, o: ((x.h - x.kh + 1) * (x.w - x.kw + 1)) * (x.ci * x.kh * x.kw * 2 + x.co) * x.co,
        ("mults", "ops", "flops"),
        SQ,
    ),
    "calc_conv(w, f, s, p){\n      return Math.floor((w - f + 2 * p) / s) + 1\n    },": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    # --- batch H13-test (kept private until its one measurement, 12:20 UTC)
    "计算复杂度\n\\[O(C_{out} * C_{in} * K_{h} * K_{w} * O_{h} * O_{w}) \\]": (
        lambda x, o: x.co * x.ci * x.kh * x.kw * o.mh * o.mw,
        "mults",
        None,
    ),
    "卷积层:\n\\[(C_{out} * C_{in} * K_{h} * K_{w} + C_{out}) * O_{h} * O_{w} = n1 * O_{h} * O_{w} \\]": (
        lambda x, o: (x.co * x.ci * x.kh * x.kw + x.co) * o.mh * o.mw,
        ("mults", "ops", "flops"),
        None,
    ),
    "Output dimensions = ⌊(W – K + 2P)/S⌋ + 1, where:\n- W = input dimension\n- K = kernel size\n- P = padding\n- S = stride": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "If bias is included, the number of bias parameters equals the number of output channels.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "总计算量 :\nC_out × K×K × C_in × H × W": (
        lambda x, o: x.co * x.kh * x.kw * x.ci * x.h * x.w,
        "mults",
        None,
    ),
    "Pointwise计算量:\n1×1×C_in×H×W×C_out": (
        lambda x, o: 1 * 1 * x.ci * x.h * x.w * x.co,
        ("ops", "mults"),
        K1,
    ),
    "其中$H_o$计算公式为:$H_o = (H - F + 2*P)/S + 1$,$W_o$同理。": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "内存:存储每一层输出的元素 = C * H * W = 64 * 56 * 56 = 200704 个元素": (
        lambda x, o: x.co * o.mh * o.mw,
        ("fwd_mem", "fwd_mem_bias"),
        None,
    ),
    "偏差 = c_out = 64": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "浮点运算的数量(乘法 + 加法)= 每一层输出的元素个数 * 每一个元素的运算量 = (c_out * H * W) * (c_in * K * K) = (64 * 56 * 56) * (3 * 11 * 11) = 72855552": (
        lambda x, o: (x.co * o.mh * o.mw) * (x.ci * x.kh * x.kw),
        ("ops", "flops"),
        None,
    ),
    "MAC数\nK\\times K \\times C_{in} \\times H_{out} \\times W_{out} \\times C_{out}": (
        lambda x, o: x.kh * x.kw * x.ci * o.mh * o.mw * x.co,
        "mults",
        SQ,
    ),
    "Output height = ⌊(Input height - kernel height + 2padding)/stride_v + 1⌋": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        None,
    ),
    "Output width = ⌊(Input width - kernel width + 2padding)/stride_h + 1⌋": (
        lambda x, o: math.floor((x.w - x.kw + 2 * x.qw) / x.sw + 1),
        "mw",
        None,
    ),
    "Total Parameters in a Convolutional layer with kernels (input_channels × kernel_height × kernel_width × num_kernels) + num_kernels\n\nFirst term represents weights, second term represents biases": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$o = \\left( \\frac{i + 2 \\cdot p - k}{s} \\right) + 1$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$n-f+1 \\times n-f+1$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        SQ,
    ),
    "$n+2p-f+1 \\times n+2p-f+1$": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        SQ,
    ),
    "multiplications:   co * ci * ⌊(nh−kh+ph+sh)/sh⌋×⌊(nw−kw+pw+sw)/sw⌋": (
        lambda x, o: x.co * x.ci * o.mh * o.mw,
        "mults",
        None,
    ),
    "additions:         co * ci * ⌊(nh−kh+ph+sh)/sh⌋×⌊(nw−kw+pw+sw)/sw⌋": (
        lambda x, o: x.co * x.ci * o.mh * o.mw,
        "adds",
        None,
    ),
    "input: ci nh nw\n    conv kernel: co ci kh kw\n    output: co kh kw": (
        lambda x, o: x.ci * x.h * x.w + x.co * x.ci * x.kh * x.kw + x.co * x.kh * x.kw,
        "fwd_mem",
        None,
    ),
    "H_out = 1 + (H + 2 * padding - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "bias: 偏置,形状为 (F,)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "const int H_out = (H - K)/S + 1;": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "$$\nH_O = \\left\\lfloor \\frac{H + 2p - M}{s} \\right\\rfloor + 1,\n$$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "$$ N_{output} = \\frac{N_{input} +k - 2p}{s}+1 $$": (
        lambda x, o: (x.h + x.kh - 2 * x.qh) / x.sh + 1,
        "mh",
        SQ,
    ),
    "偏置参数 `bias` 的形状为 `(out_channels,)`,表示输出通道数。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "- bias(tensor)——卷积的偏置,(out_channels)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "H_out = (H_in - k + 2*padding) / stride + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "FLOPs =（2 * C_in * k * k) * H_out * W_out * C_out": (
        lambda x, o: 2 * x.ci * x.kh * x.kw * o.mh * o.mw * x.co,
        "flops",
        SQ,
    ),
    # --- batch H14-dev, first increment
    "We include 1 bias scalar for each filter.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "Output dimension: $W' = W - K_W + 2P + 1$": (
        lambda x, o: x.w - x.kw + 2 * x.qw + 1,
        "mw",
        None,
    ),
    "Output dimension: $W' = (W - K_W + 2P)/S + 1$": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "标准卷积的计算量约为 `K * K * C_in * C_out * H * W`。": (
        lambda x, o: x.kh * x.kw * x.ci * x.co * x.h * x.w,
        "mults",
        SQ,
    ),
    "`W2 = (W1 - F + 2P)/S + 1`": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    "`H2 = (H2 - F + 2P)/S + 1`": (
        lambda x, o: (o.mh - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "The link above states that total count of biases is $$1 \\times 32$$, which makes sense because weights are shared among all output cells, so it is natural to have only one bias for each output feature map as a whole.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "For every multiplication, there is an addition.": (
        lambda x, o: o.macs,
        "adds",
        None,
    ),
    # --- batch H14-dev, second increment
    "> $\\text{Computation cost}=\\text{\\#number of filter params}\\times \\text{\\#filter positions}\\times \\text{\\#number of filters}$": (
        lambda x, o: (x.kh * x.kw * x.ci) * (o.mh * o.mw) * x.co,
        "mults",
        None,
    ),
    "所以针对上图来说，它的计算量应该为：\n\n卷积核大小(宽度或高度)x卷积核大小x输入通道数x输出通道数": (
        lambda x, o: x.kh * x.kw * x.ci * x.co,
        ("ops", "mults"),
        SQ,
    ),
    "所以逐点卷积的计算量为：\n\n1x1x输入通道数(因为深度可分离卷积后的通道数一定与输入通道数相同)*输出通道数": (
        lambda x, o: 1 * 1 * x.ci * x.co,
        ("ops", "mults"),
        K1,
    ),
    "Also there would be a bias term for each field to be the bias each filter has a bias.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "Cost roughly channels × k² + channels² vs channels_in × channels_out × k² for a k×k conv.": (
        lambda x, o: x.ci * x.co * x.kh * x.kw,
        ("ops", "mults"),
        SQ,
    ),
    # --- batch H14-test
    "$$H_{out} = \\frac{H_{in} - k_h + 2p}{s} + 1$$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "출력 데이터(Activation Map)의 Shape 계산 식\nRowSize = (N-F) / Stride + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        None,
    ),
    "oh = int((h - f + 2 * pad) / stride) + 1": (
        lambda x, o: math.floor((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "**尺寸：** Feature Map 的尺寸等于 (input_size + 2 * padding_size - filter_size)/stride + 1 。": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$$N = \\frac{W - F + 2P}{S} + 1$$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "Therefore, we apply one bias value to the entire filter's output, maintaining the pattern's integrity while still allowing us to adjust the overall sensitivity of the pattern detector.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "当然还有bias，是一个(N,)向量，为每个filter提供相同的bias": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "The final thing to turn this into a convolutional neural net layer, is that for each of these we're going to add it bias, so this is going to be a real number.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "(I think it is true for one bias per one filter…)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H15-dev, first increment
    "MAC => [Total number of kernels(10) * shape of our output(26x26) * shape of our kernel(3x3x1)] * For FLOPS(2)": (
        lambda x, o: 2 * x.co * o.mh * o.mw * x.kh * x.kw * x.ci,
        "flops",
        None,
    ),
    "MAC => [Total number of kernels(10) * shape of our output(26x26) * shape of our kernel(1x1x1)] * For FLOPS(2)": (
        lambda x, o: 2 * x.co * o.mh * o.mw * 1 * 1 * x.ci,
        "flops",
        K1,
    ),
    "O = ⌊(I - K + 2P)/S⌋ + 1": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        None,
    ),
    "out = ⌊(n + 2p − k) / s⌋ + 1": (
        lambda x, o: fl((x.w + 2 * x.qw - x.kw) / x.sw) + 1,
        "mw",
        None,
    ),
    "Output size formula: O = floor((W - K + 2P) / S) + 1": (
        lambda x, o: fl((x.w - x.kw + 2 * x.qw) / x.sw) + 1,
        "mw",
        None,
    ),
    "FLOPs = H' \\times W' \\times n \\times(h \\times w \\times c + 1)": (
        lambda x, o: o.mh * o.mw * x.co * (x.kh * x.kw * x.ci + 1),
        ("flops", "ops"),
        None,
    ),
    "另外，每个输出通道还有一个偏置项，因此需要再加上`C_out`个偏置参数": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "偏置项通常是每个输出神经元一个，对于卷积层来说，每个输出通道一个偏置参数": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H15-dev, second increment
    "bias = torch.zeros(out_channels,1)": (
        lambda x, o: x.co * 1,
        "bias",
        None,
    ),
    "output_h = (new_X.shape[1] - u) // self.stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "其计算量为${D_k}$·${D_k}$·$M$·$N$·${D_F}$·${D_F}$。": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        SQ,
    ),
    "PW卷积核的尺寸为$1$x$1$x$M$x$N$，其计算量为$M$·$N$·${D_F}$·${D_F}$。": (
        lambda x, o: x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        (K1, SQ),
    ),
    # --- batch H15-dev, third increment
    "\\lfloor\\frac{n+2p-f}{s}+1\\rfloor": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        None,
    ),
    "\\text{bias: } (1,1,1,n_c^{[l]})": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H15-dev, fourth increment
    "self.bias = np.random.uniform(0, 1, size=(num_kernels,))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = np.random.uniform(0,1,size = num_kernels)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H15-test
    "Output_size = ((Input_size - Filter_size + 2 * Padding) / Stride) + 1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "考虑bias：$(2*C_{int}*k^2)*C_{out}*H*W$": (
        lambda x, o: (2 * x.ci * x.kh**2) * x.co * o.mh * o.mw,
        "flops",
        SQ,
    ),
    "不考虑bias：$(2*C_{int}*k^2-1)*C_{out}*H*W$": (
        lambda x, o: (2 * x.ci * x.kh**2 - 1) * x.co * o.mh * o.mw,
        "ops",
        SQ,
    ),
    "第二部分：$2*C_{int}*H*W*C_{out}$": (
        lambda x, o: 2 * x.ci * o.mh * o.mw * x.co,
        "flops",
        K1,
    ),
    "每个过滤器对应一个偏置b": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "η_out=<br />(η_in+2P-K)/S +1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "I have seen it stated that, as a rule of thumb, a backward pass in a neural network should take about twice as long as the forward pass.": (
        lambda x, o: 2,
        "bwd_ratio",
        None,
    ),
    "self.bias = nn.Parameter(torch.zeros(out_channels))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "result_height = int((H - K + 2 * padding) / stride) + 1": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "self.bias = np.zeros(filters)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "# h_out = (h_in + 2 * pad - k) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "output_weight = (W + 2 * pad - WW) / stride + 1": (
        lambda x, o: (x.w + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "output_shape = ((X1.shape[0] - W1.shape[0] + 2 * padding) / stride) +1": (
        lambda x, o: ((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        DIV,
    ),
    "output_h = (input_h + 2*padding - kernel_h) // stride + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "| Bias $b$ | $(c_o, )$ | $(c_o, )$ |": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "h_o = \\frac{h_i + 2p - k_h}{s} + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "\\lfloor(n_h - k_h + p_h + s_h) / s_h\\rfloor": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh + x.sh) / x.sh),
        "mh",
        None,
    ),
    "$O(h \\cdot w \\cdot k^2 \\cdot c_i \\cdot c_o)$": (
        lambda x, o: x.h * x.w * x.kh**2 * x.ci * x.co,
        ("mults", "ops"),
        SQ,
    ),
    "self.bias = np.random.uniform(size = (num_kernels,))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = np.random.uniform(low = 0.0 , high = 1.0 , size = (num_kernels , 1))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self._bias = np.random.randn(num_kernels)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = np.random.uniform(0, 1, (num_kernel, 1))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias =  UniformRandom().initialize(self.num_kernels, None, None)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "\\frac{\\left ( W-F+2P \\right )}{S+1}": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / (x.sw + 1),
        "mw",
        None,
    ),
    "$r(\\textbf{Y})=r(\\textbf{X})-r(\\textbf{K})+1$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "$ O = \\frac{I - K + 2.P}{S} + 1$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$$ o=  i-k + 1 $$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    # --- batch H16-dev, first increment
    "self.params['b1'] = torch.zeros(num_filters,dtype=dtype,device=device)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "new_H = 1 + (H + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "self.params['b1'] = torch.zeros(num_filters, dtype=dtype, device=device)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "H_out = 1 + (H_in + 2 * pad - HH) // stride": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) // x.sh,
        "mh",
        None,
    ),
    "self.params['b1'] = torch.zeros(num_filters, device=self.device, dtype=self.dtype)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H16-dev, second increment
    "H_out = ((H - K) // stride) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - x.kh) // x.sh) + 1,
        "mh",
        SQ,
    ),
    "self.bias = Parameter(init.rand(out_channels, low=-stdv, high=stdv,device=device,dtype=dtype))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "\\[\n  \\text{Number of Parameters} = (\\text{Number of Filters} \\times \\text{Filter Height} \\times \\text{Filter Width} \\times \\text{Number of Input Channels}) + \\text{Number of Filters (Biases)}\n  \\]": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "输出于是变为$\\frac{n+2p - f}{s} + 1 \\times \\frac{n+2p - f}{s} + 1$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "最后我们看看偏差参数，每个过滤器都有一个偏差参数，它是一个实数。偏差包含了这些变量，它是该维度上的一个向量。后续课程中我们会看到，为了方便，偏差在代码中表示为一个1×1×1×$n_{c}^{[l]}$的四维向量或四维张量。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "H'=\\frac{H-K[0]+2Pad[0]}{S[0]}+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "$$\n\\begin{align}\nW_2&=(W_1-F+2\\times P)/S +1\\\\\nH_2&=(H_1-F+2\\times P)/S +1\\\\\nD_2&=K\n\\end{align}\n$$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "卷积层计算公式$W_2=(W_1-F+2P)/S + 1$=[224-11+(1+2)/4+1]=`55`": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    # --- batch H16-dev, third increment
    "1. 正常卷积：\n\n$$D_k * D_k * D_F * D_F * M * N $$": (
        lambda x, o: x.kh * x.kh * o.mh * o.mh * x.ci * x.co,
        "mults",
        SQ,
    ),
    "여기까지의 연산량은 Dk x Dk x M x N x Df x Df 임. 이게 일반 CNN의 경우고": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        SQ,
    ),
    "$$\nOutputSize = \\frac{Input Size+2 \\times Padding - KernelSize}{Stride} + 1\n$$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "$$\n\\begin{aligned}\n\nn_H^{[l]} &= \\lfloor \\frac{n_H^{[l-1]} + 2p^{[l]} - f^{[l]}}{s} + 1 \\rfloor \\\\\n\n\\end{aligned} \\\\\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "BC=N": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H16-test
    "==Ausgabe Größe==: $(n + 2p -f)/s + 1$": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    '"+ Anzahl der Filter": für den Bias-Term pro Filter': (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "Batchsize x Anzahl der Parameter x Präzision": (
        lambda x, o: 1 * (x.kh * x.kw * x.ci * x.co + x.co) * 32,
        ("fwd_mem", "fwd_mem_bytes", "fwd_mem_bias"),
        None,
    ),
    "这个偏置也是参数，所以对于每一个卷积核还要额外加1,10个卷积核所以加10，总共750+10=760个参数。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "**Number of MACs (Multiply-Accumulate operations) in a Conv Layer:**\n    *   `~ N * M * P * Q * C * R * S`": (
        lambda x, o: 1 * x.co * o.mh * o.mw * x.ci * x.kh * x.kw,
        "mults",
        None,
    ),
    "每一层与自己的卷积模板做完卷积后加起来，再加上偏置（一个卷积核只有一个偏置）": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$\\(H'=\\left\\lfloor \\frac{H+2P-K_h}{S}\\right\\rfloor+1\\)$,": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "总的计算量：输出的feature map的某一个值的计算量是（C_in * K * K) ， 输出是一个shape为（C_out * H * W)的tensor，所以**总的乘法计算量**为C_in * K * K * C_out * H * W": (
        lambda x, o: x.ci * x.kh * x.kh * x.co * o.mh * o.mw,
        "mults",
        SQ,
    ),
    "直接对上面生成的tensor 进行1 × 1普通卷积，总的参数：C_mid * 1 * 1 * C_out，总的计算量为：C_mid * 1 * 1 * C_out * H * W": (
        lambda x, o: x.ci * 1 * 1 * x.co * o.mh * o.mw,
        "mults",
        K1,
    ),
    "- 偏差：$k_h \\times k_w$": (
        lambda x, o: x.kh * x.kw,
        "bias",
        None,
    ),
    "- 输出Y：$(n_h-k_h+1) \\times n_w - k_w + 1$": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "> $outputsize = \\frac{inputsize - filtersize}{stride} + 1$": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "Hprime = int(1 + (H + 2 * padding - HH) / stride)": (
        lambda x, o: int(1 + (x.h + 2 * x.qh - x.kh) / x.sh),
        "mh",
        None,
    ),
    "self.params['b1'] = torch.zeros(num_filters).to(device).to(dtype)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = Parameter(init.rand(\n                self.out_channels,\n                low=-bias_bound,\n                high=bias_bound,\n                device=device,\n                dtype=dtype\n            ))": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = Parameter(init.rand(out_channels, low=-bound, high=bound, device=device, dtype=dtype), requires_grad=True)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "self.bias = Parameter(init.rand(out_channels, low=-interval, high=interval, device=device, dtype=dtype, requires_grad=True)) if bias else None": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "输出特征图形状：（$s_h$垂直步幅，$s_w$水平步幅）\n$$\n\\left( \\frac{n_h - k_h + p_h*2 + s_h}{s_h} \\right) \\times \\left( \\frac{n_w - k_w + p_w*2 + s_w}{s_w} \\right)\n$$": (
        lambda x, o: (x.h - x.kh + x.qh * 2 + x.sh) / x.sh,
        "mh",
        DIV,
    ),
    "![D_K \\times D_K \\times M \\times N \\times D_F \\times D_F](https://latex.codecogs.com/svg.image?D_K&space;\\times&space;D_K&space;\\times&space;M&space;\\times&space;N&space;\\times&space;D_F&space;\\times&space;D_F)": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        SQ,
    ),
    "![M \\times N \\times D_F \\times D_F](https://latex.codecogs.com/svg.image?M&space;\\times&space;N&space;\\times&space;D_F&space;\\times&space;D_F)": (
        lambda x, o: x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        (K1, SQ),
    ),
    "output_size = int(np.floor(((input_size-(self.kernel_size-1)-1)/self.stride)+1))": (
        lambda x, o: fl(((x.w - (x.kw - 1) - 1) / x.sw) + 1),
        "mw",
        None,
    ),
    "したがって、各フィーチャマップには、独自のバイアスの重みとprevious_layer_num_features x kernel_width x kernel_height 接続の重みがあります。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H17-dev, first increment
    "通过填充让图像不至于越来越小，于是输出变成了(n+2p-f+1)**": (
        lambda x, o: x.h + 2 * x.qh - x.kh + 1,
        "mh",
        SQ,
    ),
    "self.X_out = ((self.X_in + 2 *self.px - self.dx * (self.X_k - 1) - 1)//self.sx) + 1": (
        lambda x, o: ((x.h + 2 * x.qh - 1 * (x.kh - 1) - 1) // x.sh) + 1,
        "mh",
        None,
    ),
    "| 偏置 | $C_{out}$ |": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$$\nH_{out}=\\left\\lfloor\\frac{H+2P-K_h}{S}\\right\\rfloor+1,\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "其中 $+1$ 对应每个输出通道的偏置。参数量与输入图像的高宽无关，这是参数共享带来的优势。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$$\nn_H^{[l]}=\\Big\\lfloor\\frac{n_H^{[l-1]}+2p^{[l]}-f^{[l]}}{s^{[l]}}+1\\Big\\rfloor\n$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "- Bias:\n$$\n1\\times1\\times1\\times n_C^{[l]}\n$$": (
        lambda x, o: 1 * 1 * 1 * x.co,
        "bias",
        None,
    ),
    "    너비: (W1-F+2P)/S+1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    "- Is the jump the filter does while sliding • Output is: (N−F +1)×(N−F +1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        SQ,
    ),
    "首先，每个卷积核是一个 5 × 5 的矩阵，矩阵里的每个数都是要通过训练得到的；此外，在实际卷积运算后还要加上一个偏置 (bias)，因此每个卷积核需要训练 5 × 5 + 1 个参数，六个卷积核共需要训练 (5 × 5 + 1) × 6 = 156 个参数。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "이번엔 필터 8개로 구성해보겠습니다. 그 덕분에 bias 역시 8개가 됩니다.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H17-dev, second increment
    "关于参数，其实还有一个$B: [OC, 1]$，对每个输出的channel有一个偏移量。所以对整个卷积层来说，总参数个数为：": (
        lambda x, o: x.co * 1,
        "bias",
        None,
    ),
    "  每个卷积核带若干权重和1个偏置": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "训练参数：因为每个特征图对应1个卷积核及1个偏置，每个卷积核的可调整权重是 $3×3$ 个，加上偏置1个，一共3个特征图，因此可调整参数是 $3 ×（3×3+1）=30 $ 个。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "        flops = C1*C2*K1*K2*in_height*in_width": (
        lambda x, o: x.ci * x.co * x.kh * x.kw * x.h * x.w,
        ("mults", "ops"),
        None,
    ),
    "bias = np.random.randn(out_d) # 1D偏置": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    # --- batch H17-dev, third increment
    "$O_d =\\begin{cases} \\lceil \\frac{(I_d - k_{size})+ 1)}{s}\\rceil ,& \\text{padding=VALID}\\\\ \\lceil \\frac{I_d}{s}\\rceil,&\\text{padding=SAME} \\end{cases}$": (
        lambda x, o: math.ceil((x.h - x.kh + 1) / x.sh),
        "mh",
        None,
    ),
    "n为我们输入的矩阵的大小，$ \\frac{n-f+2p}{s} +1 $ 向下取整": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "def count_parameters_conv(in_channels: int, out_channels: int, kernel_size: int, bias: bool):\n\treturn (in_channels * kernel_size ** 2 + int(bias)) * out_channels": (
        lambda x, o: int(True) * x.co,
        "bias",
        None,
    ),
    # --- batch H17-test
    "$$size(output) = \\left\\lfloor\\frac{n+2p - f}{s} + 1\\right\\rfloor\\times\\left\\lfloor\\frac{n+2p - f}{s} + 1\\right\\rfloor$$": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "#    Formula: O = (I - F) / S + 1": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        SQ,
    ),
    "#    - Include 1 bias weight per filter → 48 + 1 = 49": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$\\large x^{(l)}$ feature map's output size $\\large = \\frac{d-N}{s} + 1 = \\frac{5-3}{1} + 1 = 3$": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        SQ,
    ),
    "each kernel has a bias, so a 3x3 kernel actually has 10 params. ": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "\t- Below, there are 9 connections. 'valid' padding means # of output units = input - kernel_size +1 = 3 (when stride = 1)": (
        lambda x, o: x.h - x.kh + 1,
        "mh",
        None,
    ),
    "- **核心问题**: **计算成本太高**。它的计算量大致为 `H * W * C_in * C_out * 3 * 3`。在通道数 `C_in` 和 `C_out` 很大时，这个成本在移动端是无法接受的。": (
        lambda x, o: x.h * x.w * x.ci * x.co * 3 * 3,
        ("mults", "ops"),
        None,
    ),
    "其中后面的$n$是$biases$的数量。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "首先，我们要明白一个卷积核仅有`1`个偏执参数，我们先算一个卷积核有多少参数，每个卷积核的通道是和输入通道$ch_{in}$相等的，也就是每个卷积核有$k_h * k_w * ch_{in}$个参数（不含偏执），一共有$ch_{out}$个卷积核，那么就有$k_h * k_w * ch_{in} * ch_{out}$个参数（不含偏执），最后加上${ch_{out}}$个偏执，就得到了总的参数量$param$。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "$$\n\\begin{aligned}\n    FLOPs &= [(ch_{in} * k_h * k_w) + (ch_{in} * k_h * k_w - 1) + 1] * ch_{out} * h_{out} * w_{out}  \\\\\n    &= 2 * ch_{in} * k_h * k_w * ch_{out} * h_{out} * w_{out}\n\\end{aligned}\n$$": (
        lambda x, o: 2 * x.ci * x.kh * x.kw * x.co * o.mh * o.mw,
        "flops",
        None,
    ),
    "2. Convolution Layer:  \n   $$\n   \\text{MACs} \\approx \n   \\text{Output H} \\times \n   \\text{Output W} \\times \n   \\text{Kernel H} \\times \n   \\text{Kernel W} \\times \n   \\text{Input C} \\times \n   \\text{Output C}\n   $$": (
        lambda x, o: o.mh * o.mw * x.kh * x.kw * x.ci * x.co,
        "mults",
        None,
    ),
    "OH=(H+2P-FH)/S+1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "OW=(H+2P-FW)/S+1": (
        lambda x, o: (x.h + 2 * x.qw - x.kw) / x.sw + 1,
        "mw",
        DIV,
    ),
    "$MACCs = H \\times W \\times K^2 \\times C_i \\times C_o$": (
        lambda x, o: o.mh * o.mw * x.kh**2 * x.ci * x.co,
        "mults",
        SQ,
    ),
    "$FLOPs=(2\\times C_i\\times K^2-1)\\times H\\times W\\times C_o$（不考虑bias）": (
        lambda x, o: (2 * x.ci * x.kh**2 - 1) * o.mh * o.mw * x.co,
        "ops",
        SQ,
    ),
    "**卷积层权重参数量**  =  $ C_i\\times K^2\\times C_o + C_o$。\n\n$C_i$ 为输入特征图通道数，$K$ 为过滤器(卷积核)尺寸，$C_o$ 为输出的特征图的 `channel` 数(也是 `filter` 的数量)，算式第二项是偏置项的参数量 。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "Hout=(Hin+2p-h)/s+1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
    "The resulting size of the feature map is $\\left\\lfloor  \\frac{n}{s}  \\right\\rfloor$, with $n$ the original image size and $s$ the stride.": (
        lambda x, o: fl(x.h / x.sh),
        "mh",
        None,
    ),
    "卷积中的特征图大小计算方式有两种，分别是‘VALID’和‘SAME’，卷积和池化都适用，除不尽的结果都向下取整。公式：`O = (W-F+2P)/S+1`，输入图片（Input）大小为I=W*W，卷积核（Filter）大小为F*F，步长（stride）为S，填充（Padding）的像素数为P。": (
        lambda x, o: fl((x.h - x.kh + 2 * x.qh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "\\begin{array}{ll} \\text{kernel-shape:} &[k_{height}, k_{width}, n_{in}, n_{out}] \\\\ \\text{bias-shape:} & [n_{out}]\\\\ \\end{array}": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "为了加深理解，我们来做一个练习。假设你有10个过滤器，而不是2个，神经网络的一层是3×3×3，那么，这一层有多少个参数呢？我们来计算一下，每一层都是一个3×3×3的矩阵，因此每个过滤器有27个参数，也就是27个数。然后加上一个偏差，用参数$b$表示，现在参数增加到28个。上一页幻灯片里我画了2个过滤器，而现在我们有10个，加在一起是28×10，也就是280个参数。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "HxW表示输入特征图空间尺寸（如图1所示，H和W代表特征图的宽度和高度，输入和输出特征图尺寸不变），N是输入特征通道数，KxK表示卷积核尺寸，M表示输出卷积通道数，则标准卷积计算量是HWNK²M。": (
        lambda x, o: x.h * x.w * x.ci * x.kh**2 * x.co,
        "mults",
        SQ,
    ),
    "设 **HxW** 表示输入 feature map 的空间大小，**N** 表示输入 channel 的数量，**KxK** 表示卷积核的大小，**M** 表示输出 channel 的数量，标准卷积的计算成本为 **HxWxNxKxKxM（记为HWNK²M）**。": (
        lambda x, o: x.h * x.w * x.ci * x.kh**2 * x.co,
        "mults",
        SQ,
    ),
    "接下来，上图显示 [conv1x1 [1]](https://arxiv.org/abs/1312.4400)，用于改变 channel 的大小。 该卷积的计算成本是 **HWNM**，因为内核的大小是1x1，与 conv3x3 相比，计算成本降低到 1/9。": (
        lambda x, o: x.h * x.w * x.ci * x.co,
        "mults",
        K1,
    ),
    # --- batch H18-dev
    "答：每一个卷积核对应一个偏置(同一个batch中同一个卷积核也是一个参数)。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "设输入体积大小为W，滤波器大小为F，步长S，填充为P，输出神经元大小为$(W - F + 2P)/S + 1$": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "    H_ = (H + 2 *p - HH) // s + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) // x.sh + 1,
        "mh",
        None,
    ),
    "    1. $H2=\\frac{(H1-F+2P)}{S}+1$ (i.e. width and height are computed equally by symmetry)": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "1. With parameter sharing, it introduces $F⋅F⋅D1$  weights per filter, for a total of $(F⋅F⋅D1)⋅K$ weights and $K$ biases.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "def calc_out_size(img_size, kernel, stride, pad):\n    return ((img_size - kernel + 2 * pad)/stride + 1)": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "def conv_params(input_channels, output_channels, kernel_height, kernel_width):\n    return output_channels*(input_channels*kernel_height*kernel_width + 1)": (
        lambda x, o: x.co * 1,
        "bias",
        None,
    ),
    "표준 합성곱의 연산 복잡도는 O(K*K*M*N)이며, 여기서 K는 커널 크기, M은 입력 채널 수, N은 출력 채널 수이다.": (
        lambda x, o: x.kh * x.kh * x.ci * x.co,
        ("mults", "ops"),
        SQ,
    ),
    "파라미터 수는 (5×5×3)×10 + 10(bias)": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    '    <span style="font-size:11pt">$O=\\frac{I-K+2P}{S}+1$</span><br>': (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "- 1: This accounts for the bias term for each output channel.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "在PADDINGENABLE == 0 时，卷积层结果尺寸应该是\n`(DATAWIDTH - FILTERWIDTH ) / STRIDEWIDTH + 1`": (
        lambda x, o: (x.w - x.kw) / x.sw + 1,
        "mw",
        None,
    ),
    "而Conv2d模块里使用的是\n`(DATAWIDTH - FILTERWIDTH + 1) / STRIDEWIDTH`": (
        lambda x, o: (x.w - x.kw + 1) / x.sw,
        "mw",
        None,
    ),
    "output_width = (N - F + 2*P) / S + 1": (
        lambda x, o: (x.w - x.kw + 2 * x.qw) / x.sw + 1,
        "mw",
        (SQ, DIV),
    ),
    "            rs_h = (h - k) // self.stride + 1": (
        lambda x, o: (x.h - x.kh) // x.sh + 1,
        "mh",
        SQ,
    ),
    "The size of the output image can be determined using the following calculation formula:\n\noutput=\\frac{n+2p-f}{s}+1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "According to the standard convolution equation, we can see that the computational cost is:\n\n$$\n\\begin{align}\nD_K\\cdot D_K \\cdot M \\cdot N \\cdot D_F \\cdot D_F\n\\end{align}\n$$": (
        lambda x, o: x.kh * x.kh * x.ci * x.co * x.h * x.h,
        ("mults", "ops"),
        SQ,
    ),
    "Ho = 1 + (H + 2 * P - HH) / S": (
        lambda x, o: 1 + (x.h + 2 * x.qh - x.kh) / x.sh,
        "mh",
        DIV,
    ),
    "def ceil_div(x, y):\n    return -(-x // y)\n\ndef out_dim(S, X, padding, strides):\n    return ceil_div(X - S + 1 + 2*padding, strides)": (
        lambda x, o: -(-(x.w - x.kw + 1 + 2 * x.qw) // x.sw),
        "mw",
        None,
    ),
    "H_out = 1 + floor( (H_in - H_kernel + Pad_top + Pad_bottom) /stride )": (
        lambda x, o: 1 + fl((x.h - x.kh + x.qh + x.qh) / x.sh),
        "mh",
        None,
    ),
    # --- batch H18-test
    '> 我们可以将输出数据体的空间尺寸计算为输入数据体尺寸（ W ）、卷积层神经元的感受野大小（ F ）、应用卷积时的步长（ S ）以及边界使用的零填充量（ P ）的函数。通过公式 (W−F+2P)/S+1 可以计算出能够"容纳"的神经元数量，这个公式的正确性可以通过实例验证。例如对于 7x7 的输入和 3x3 的滤波器，当步长为 1 且填充为 0 时，将得到 5x5 的输出；若步长为 2，则得到 3x3 的输出。': (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "$$\nOutput\\ Size=(N-F)/s+1\n$$": (
        lambda x, o: (x.h - x.kh) / x.sh + 1,
        "mh",
        SQ,
    ),
    "```math\nH_{out}\n=\n\\left\\lfloor\n\\frac{H + 2P_H - K_H}{S_H}\n\\right\\rfloor\n+ 1\n```": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "每个卷积核还会对应一个偏置参数。": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "    output_size = math.floor((input_size + 2 * padding - kernel_size) / stride) + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        SQ,
    ),
    "        input_size = int((input_size - ksize + 2 * padding) / stride + 1)": (
        lambda x, o: int((x.h - x.kh + 2 * x.qh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "기존 convolution에서 연산량은 아래와 같다. (K = 필터크기, N = 출력채널크기, Iw, Ih = 입력크기, M = 입력채널크기)\n$$ K^{2}MNI_{w}I_{h} $$": (
        lambda x, o: x.kh**2 * x.ci * x.co * x.w * x.h,
        ("mults", "ops"),
        SQ,
    ),
    "Point-wise convolution의 연산량은 다음과 같다. (Iw, Ih = 입력크기, N = 출력 채널의 크기, M = 입력채널크기)\n$$ NMI_{w}I_{h} $$": (
        lambda x, o: x.co * x.ci * x.w * x.h,
        ("mults", "ops"),
        K1,
    ),
    "If the original matrix is $n\\times n$, filter matrix is of $f\\times f$, padding p and stride s, then the resulting matrix is $((n + 2p - f)/s + 1)\\times ((n + 2p - f)/s + 1)$. If the number is not integer, then round down (floor operation).": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh + 1),
        "mh",
        SQ,
    ),
    "$$\\text{Bias dimension}: n^{[l]}_C → (1, 1, 1, n^{[l]}_C)\\text{ in computation}$$": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "H_out = ⌊(H + 2p - kH) / s⌋ + 1": (
        lambda x, o: fl((x.h + 2 * x.qh - x.kh) / x.sh) + 1,
        "mh",
        None,
    ),
    "N = (W − F + 2P )/S+1": (
        lambda x, o: (x.h - x.kh + 2 * x.qh) / x.sh + 1,
        "mh",
        (SQ, DIV),
    ),
    "또한 바이어스는 출력 채널 수마다 1개씩 증가하므로 16입니다.": (
        lambda x, o: x.co,
        "bias",
        None,
    ),
    "        output_size = (input_size - self.kernel_size) + 1": (
        lambda x, o: (x.w - x.kw) + 1,
        "mw",
        None,
    ),
    "        output_width = input_width - self.kernel_size + 1": (
        lambda x, o: x.w - x.kw + 1,
        "mw",
        None,
    ),
    "h_o = (hi+2*pad_h-kernel_h)/stride_h + 1": (
        lambda x, o: (x.h + 2 * x.qh - x.kh) / x.sh + 1,
        "mh",
        DIV,
    ),
}
TARGETS["bwd_mem_bytes"] = lambda x, o: 4 * TARGETS["bwd_mem"](x, o)
TARGETS["fwd_mem_bytes"] = lambda x, o: 4 * TARGETS["fwd_mem"](x, o)
TARGETS["fwd_mem_bias"] = lambda x, o: TARGETS["fwd_mem"](x, o) + o.bias  # and the bias

# answers about two layers, or a factor: the claim and how PyTorch decides it
COMPOSE = {
    r"k_{\text{combined}} = k_1 + k_2 - 1",
    "$k_1+k_2-1$",
    r"The resulting kernel size is: (m + p - 1) \times (n + q - 1)",
    "Tensor of shape (ch_out2, ch_in1, ks1+ks2-1, ks1+ks2-1)",
    "r_{out} = r_{in} + ( k - 1 ) \\cdot j_{in}",
    "r_out = r_in + (k - 1)*j_in",
    "K = (k-1) * S + K",
    "当前层的Receptive Field: RF = last_RF + (ksize - 1) * history_stride, 其中, last_RF为上一层的Receptive Field, ksize为当前层的kernel size, history_stride为历史积累的stride(不包括当前层的stride).",
    "RF = ((RF -1)* stride) + fsize",
    "def f(output_size, ksize, stride):\n    return (output_size - 1) * stride + ksize",
    "$(k_1.h+k_2.h-1,k_1.w+k_2.w-1)$",
    "两个卷积串联后的**感受野**为：\n$$\nk_{\\text{eq}} = k_1 + k_2 - 1\n$$",
    "RF_ℓ = RF_{ℓ−1} + (K_ℓ − 1) · Π S_i",
    "const rout = rin + (k - 1) * jin; // This should be 3 for k=3",
    "\\(\\begin{align}\n      r_{l-1} = s_l \\cdot r_{l} + (k_l - s_l)\n      \\label{eq:rf_recurrence}\\\n      \\end{align}\\)",
    "\\begin{equation}\n      r_0 = \\sum_{l=1}^{L} \\left((k_l-1)\\prod_{i=1}^{l-1}\n      s_i\\right) + 1 \\label{eq:rf_recurrence_final} \\end{equation}",
    "return stride * rf_size_output + kernel_size - stride",
    "si = np.prod([x['s'] for x in dt[:i]])\n        li = l[i] + (dt[i]['d']*(dt[i]['f'] - 1)) * si",
    "receptive[0] = receptive[0] + (temp[0] - 1) * jump[0];",
    "receptive_field = np.asarray(rf_info.receptive_field) + (\n            (np.asarray(layer_info.kernel_size) - 1) * np.asarray(rf_info.multiplicator)\n        )",
    'receptive_field[m_key]["r"] = p_r + ((kernel_size - 1) * dilation) * p_j',
    "r_1 = s_2 \\times r_2 + (k_2 - s_2)",
    "r_out = r_in + (k - 1) * j_in",
    "The dimensionality of the resulting single convolution is $k_1 + k_2 - 1$",
    "`RFi = RFi-1 + (ki - 1) * Si`",
    "RF_l = RF_{l-1} + (K_l -1) * ∏_{i=1}^{l-1} stride_i",
    "(N-1)_RF = f(N_RF, stride, kernel) = (N_RF - 1) * stride + kernel",
    "RF_{l+1} =  (RF_{l}-1)*\\prod_{i=1}^{l}strides_i + f_{l+1}",
    "R_out=<br />R_in + (K-1)*J_in",
    "\\sum_{i=1}^{L}((k_i-1) \\cdot \\prod_{j=1}^{l-1} s_j) + 1",
    "感受野计算公式：$F(i)=(F(i+1)-1)×Stride+Ksize$",
    "RFL=RFL−1+(KL−1)×∏i=1L−1SiRFL​=RFL−1​+(KL​−1)×i=1∏L−1​Si​",
    "$$\nl_{k} = l_{k-1}+ \\left [ (f_{k}-1)*\\prod_{i=1}^{k-1}s_{i} \\right ]\n$$",
    "RF(t) = RF(t-1) + (kernel-1) * stride * dilation  ",
    "$R_{Eff} = R_{Init} + (k - 1) \\cdot S$",
    "        递归公式为: \n            \\[\n            r_{\\text{next}} = r_{\\text{current}} + (k - 1) \\times \\text{step}\n            \\]",
    "$$R_L = R_{L-1} + (k_L - 1) \\times \\prod_{i=1}^{L-1} s_i$$",
    "这层的感受野=上一层感受野 * 这层过滤器大小-重叠部分\n\n重叠部分=（过滤器尺寸-1） * （上一层感受野 - 前面所有层滑动步长的乘积）",
    "    $Input_size=(output_size-1)\\timesK_stride+K_size$",
    "하지만 이때 stride=1이므로, 필터는 한 칸씩만 이동하면서 적용됩니다. 따라서 기존 receptive field (3) + 필터 크기 (3) - 1의 방식으로 계산됩니다.",
    "# 上一層視野增加範圍\ngain = (filter_size - 1) / 2\n# 上一層視野\nupper_scope = scope + 2 * gain",
    "        r[k] =  r[k-1] + ((f[k] - 1)*np.prod(s[:k]))",
    "RF要自顶向下计算：\nfor layer in top to down:\n    RF = ((RF-1) * strides) + filter_size",
    "    Formula: RF_new = RF_previous + (kernel_size - 1) * dilation for stride=1",
    "            RF = (RF-1) * S[j-1] + K[j-1]",
    "def receptive_field_size(rf_prev, kernel_size, jump_prev):\n    return rf_prev + (kernel_size-1) * jump_prev",
    "        receptive_field += ((kernel_sizes[l] - 1) * s)\n    return receptive_field + 1",
    "def compute_N(out,f,s):\n    return s*(out-1)+f if s>0.5 else ((out+(f-2))/2)+1#",
    "        field = (field - 1) * stride + filter_size",
    "        outsize = ((outsize -1)* stride) + fsize",
    "$ F(i)=(F(i+1) -1 )*stride + Ksize $",
    "Explanation: When convolving two signals of lengths m and n, the resulting signal will have a length of m + n - 1. This accounts for all possible overlapping positions between the two signals.",
    "F(i) = （F(i+1)-1）* stride + ksize",
    "        rf = rf + (effective_kernel - 1) * jump",
}
DOUBLE_CHANNELS = {  # the factor claimed when c_i and c_o double
    "计算数量增加为原来的4倍（即增加300%）": 4,
    "输入通道$c_i$和输出通道$c_o$的数量加倍，计算数量变为原来4倍": 4,
    "So, doubling the number of features actually quadruples the amount of computation.": 4,
    "We can conclude that the number of calculations will be **4 times** if we double both number of input and output channels, while double padding will not increase that much.": 4,
}
DOUBLE_PADDING = {"填充数量加倍，则计算数量不变。": 0}  # the increase claimed


def _layers_for(which):
    """The sampled layers an answer's convention covers (1 x 1 layers for the 1 x 1
    question, square ones for one-symbol answers, dividing strides for a dropped floor)."""
    which = which if isinstance(which, tuple) else (which,)
    tests = {
        None: lambda x: True,
        SQ: lambda x: x.square,
        DIV: lambda x: x.divides,
        K1: lambda x: True,
    }
    pool = POINTWISE if K1 in which else LAYERS
    return [x for x in pool if all(tests[w](x) for w in which)]


def _answers():
    return [answer for answer in DATA["answers"]]


def test_every_answer_has_a_reading():
    texts = {a["answer"] for a in _answers()}
    known = set(READINGS) | COMPOSE | set(DOUBLE_CHANNELS) | set(DOUBLE_PADDING)
    assert texts == known, (texts - known, known - texts)


@pytest.mark.parametrize(
    "answer", [a for a in _answers() if a["answer"] in READINGS], ids=lambda a: a["answer"][:40]
)
def test_the_verdict_is_the_maths(answer, oracle):
    formula, target, which = READINGS[answer["answer"]]
    targets = target if isinstance(target, tuple) else (target,)
    layers = _layers_for(which)
    assert len(layers) >= 3, which
    if answer["human"] == "right":
        (name,) = targets
        for x in layers:
            assert formula(x, oracle[x]) == TARGETS[name](x, oracle[x]), (x, oracle[x])
    else:  # wrong: off the mark for every reading it could claim, at some layer
        for name in targets:
            assert any(formula(x, oracle[x]) != TARGETS[name](x, oracle[x]) for x in layers), name


@pytest.mark.parametrize("answer", sorted(COMPOSE))
def test_two_kernels_compose_to_the_claimed_size(answer):
    import torch
    import torch.nn.functional as F

    assert _human(answer) == "right"
    for k1, k2 in [(1, 3), (2, 2), (3, 5), (4, 2)]:
        x = torch.zeros(1, 1, 15, 15)
        x[0, 0, 7, 7] = 1
        y = F.conv2d(
            F.conv2d(x, torch.rand(1, 1, k1, k1) + 0.1, padding=k1 - 1),
            torch.rand(1, 1, k2, k2) + 0.1,
            padding=k2 - 1,
        )
        rows = (y[0, 0].abs() > 0).any(dim=1).nonzero()
        assert int(rows.max() - rows.min()) + 1 == k1 + k2 - 1


@pytest.mark.parametrize("answer", sorted(DOUBLE_CHANNELS))
def test_doubled_channels_multiply_the_multiplications_by_the_claim(answer, oracle):
    for x in LAYERS[:6]:
        doubled = _witness(Layer(2 * x.ci, 2 * x.co, x.h, x.w, x.kh, x.kw, x.qh, x.qw, x.sh, x.sw))
        assert doubled.macs == DOUBLE_CHANNELS[answer] * oracle[x].macs
    assert _human(answer) == "right"


@pytest.mark.parametrize("answer", sorted(DOUBLE_PADDING))
def test_doubled_padding_changes_the_cost_unlike_the_claim(answer, oracle):
    padded = [x for x in LAYERS if x.qh or x.qw]
    increases = [
        _witness(Layer(x.ci, x.co, x.h, x.w, x.kh, x.kw, 2 * x.qh, 2 * x.qw, x.sh, x.sw)).ops
        - oracle[x].ops
        for x in padded
    ]
    assert any(increase != DOUBLE_PADDING[answer] for increase in increases)
    assert _human(answer) == "wrong"


def _human(text):
    (human,) = {a["human"] for a in _answers() if a["answer"] == text}
    return human
