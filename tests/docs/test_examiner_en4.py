"""What a fourth examiner of the English sheet (issue 25) found misleading: a common
mistake of Exercise 1 that denied the converse without its condition, Appendix B's
"pooling and batch norm have no multiply-adds", and Answer B's "the fully connected
layers where there are any". Each claim is recomputed here by an independent route
(NumPy, PyTorch's own layers, the published torchvision totals) and compared with the
committed documents in every format (``test_committed_output_is_fresh`` keeps them
current)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.docs.sheets import LANGS, OUTPUT, exercise_section, read_sheet

FORMATS = ("md", "tex", "html")


def _text(lang: str, fmt: str) -> str:
    if fmt == "html":
        return (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
    return read_sheet(lang, fmt)


def _corr2d(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """2-D cross-correlation without padding, as a layer computes it."""
    kh, kw = kernel.shape
    out = np.zeros((x.shape[0] - kh + 1, x.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(x[i : i + kh, j : j + kw] * kernel)
    return out


# --- Exercise 1: "the decomposable kernels have measure zero" holds with one channel --
def test_converse_mistake_names_its_one_channel_between():
    """With c_m = rank K channels between, a k x 1 layer then a 1 x k layer gives any
    random k x k kernel exactly (its SVD); with one channel between, the best such split
    (rank one) misses it. So the common mistake's "measure zero" needs its condition."""
    rng = np.random.default_rng(7)
    k = 3
    kernel = rng.standard_normal((k, k))
    x = rng.standard_normal((10, 10))
    u, s, vt = np.linalg.svd(kernel)
    rank = int(np.sum(s > 1e-12))
    assert rank == k
    # c_m = rank channels: channel m is column u_m s_m (k x 1), then row v_m (1 x k)
    split = sum(_corr2d(_corr2d(x, (u[:, m] * s[m])[:, None]), vt[m][None, :]) for m in range(rank))
    assert np.allclose(split, _corr2d(x, kernel), atol=1e-10)
    # one channel between: the best rank-one split leaves s[1] in the kernel
    one = np.outer(u[:, 0] * s[0], vt[0])
    assert np.linalg.norm(kernel - one) == pytest.approx(np.hypot(s[1], s[2]))
    assert np.linalg.norm(kernel - one) > 0.1

    for lang in LANGS:
        condition = (
            "in 2-D, with one channel between the two layers, even the count fails"
            if lang == "en"
            else "二维时若两层之间只有一个通道，连计数都不够"
        )
        for fmt in FORMATS:
            text = _text(lang, fmt)
            assert text.count(condition) == 1, (lang, fmt)
            assert (
                "in 2-D even the count fails" if lang == "en" else "二维连计数都不够"
            ) not in text


# --- Appendix B: pooling and batch norm do arithmetic; it is left out, not absent -----
def test_appendix_b_says_per_element_arithmetic_is_left_out():
    """At inference a batch norm is one multiply and one add per element (x a + b) and
    an average pool sums its window: the old "have no multiply-adds" was false. What is
    true is the convention: they are not counted (torchvision's figures leave them out)."""
    torch = pytest.importorskip("torch")
    g = torch.Generator().manual_seed(0)
    bn = torch.nn.BatchNorm2d(4).eval()
    with torch.no_grad():
        bn.running_mean.copy_(torch.randn(4, generator=g))
        bn.running_var.copy_(torch.rand(4, generator=g) + 0.5)
        bn.weight.copy_(torch.randn(4, generator=g))
        bn.bias.copy_(torch.randn(4, generator=g))
        x = torch.randn(1, 4, 6, 6, generator=g)
        a = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        b = bn.bias - a * bn.running_mean
        assert torch.allclose(bn(x), x * a[:, None, None] + b[:, None, None], atol=1e-6)
        assert not torch.allclose(a, torch.ones(4))  # a real multiply per element
        pool = torch.nn.AvgPool2d(2)(x)
        window_sums = x.unfold(2, 2, 2).unfold(3, 2, 2).sum((-1, -2))
        assert torch.allclose(pool * 4, window_sums, atol=1e-6)

    for lang in LANGS:
        old = "have no multiply-adds" if lang == "en" else "残差加法没有乘加"
        new = (
            "residual additions are not counted as MACs: they have no kernel or weight matrix"
            if lang == "en"
            else "残差加法不计入 MACs：它们没有卷积核或权重矩阵"
        )
        for fmt in FORMATS:
            text = _text(lang, fmt)
            assert old not in text, (lang, fmt)
            assert text.count(new) == 1, (lang, fmt)


# --- Answer B: GoogLeNet and ResNet have a fully connected layer, and it holds little --
def _share(part: int, total: int) -> str:
    return f"{100 * part / total:.1f}"


def test_answer_b_names_the_networks_whose_fc_layers_hold_the_parameters():
    """ResNet-50 ends in one fully connected layer, 2048 -> 1000 with bias, against
    torchvision's published 25 557 032 parameters: 8.0%; VGG-16's three (25088 -> 4096
    -> 4096 -> 1000) against its published 138 357 544: 89.4%. "The fully connected
    layers where there are any" read as if ResNet's parameters were in its FC layer."""
    res_fc = _share(2048 * 1000 + 1000, 25_557_032)
    vgg_fc = _share(25088 * 4096 + 4096 + 4096 * 4096 + 4096 + 4096 * 1000 + 1000, 138_357_544)
    assert (res_fc, vgg_fc) == ("8.0", "89.4")
    for lang in LANGS:
        for fmt in FORMATS:
            text = _text(lang, fmt)
            if fmt == "html":  # MathML numbers: keep the digits, drop the markup
                text = re.sub(r"<[^>]+>", "", text).replace("&#x00025;", "%")
            assert "where there are any" not in text
            assert "有全连接层时是全连接层（VGG-16" not in text
            plain = text.replace("$", "").replace("\\%", "%").replace("&#39;", "'")
            plain = plain.replace("&#x27;", "'").replace("\u2019", "'")
            box = (
                f"a multi-layer fully connected head if any (VGG-16: {vgg_fc}%)"
                if lang == "en"
                else f"网络末端有多个全连接层时是全连接层（VGG-16：{vgg_fc}%）"
            )
            assert plain.count(box) == 2, (lang, fmt)  # the key's line and the boxed answer
            single = (
                f"(ResNet-50's one FC layer holds {res_fc}%)"
                if lang == "en"
                else f"（ResNet-50 唯一的全连接层只占 {res_fc}%）"
            )
            assert plain.count(single) == 1, (lang, fmt)  # the paragraph before them


def test_appendix_b_section_exists_in_both_languages():
    """Guard: the sections the tests above read are there."""
    assert exercise_section(read_sheet("en"), "Appendix B")
    assert exercise_section(read_sheet("zh"), "哪些层主导内存")
