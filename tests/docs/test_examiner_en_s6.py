"""The sixth session's English examiner (issue 25): what the answer says about where the
parameters of a network without a fully connected head sit, against the networks' own
architectures counted here by hand (d2l's NiN and GoogLeNet, torchvision's ResNets)."""

from __future__ import annotations

from tests.docs.sheets import LANGS, exercise_section, read_sheet


def _conv(c_in: int, c_out: int, k: int) -> int:
    return c_out * c_in * k * k + c_out


def _nin_blocks() -> list[int]:
    """Parameters of d2l's four NiN blocks (one input channel, 10 classes)."""
    shapes = ((1, 96, 11), (96, 256, 5), (256, 384, 3), (384, 10, 3))
    return [_conv(i, o, k) + 2 * _conv(o, o, 1) for i, o, k in shapes]


def _resnet18_stages() -> tuple[list[int], int]:
    """Parameters of torchvision's ResNet-18 (no conv bias; batch norm: 2 per channel):
    the stem, the four stages, the FC layer."""

    def conv(i, o, k):
        return o * i * k * k

    def bn(c):
        return 2 * c

    stem = conv(3, 64, 7) + bn(64)
    stages, c_in = [], 64
    for width in (64, 128, 256, 512):
        total = 0
        for block in range(2):
            i = c_in if block == 0 else width
            total += conv(i, width, 3) + bn(width) + conv(width, width, 3) + bn(width)
            if block == 0 and i != width:
                total += conv(i, width, 1) + bn(width)
        stages.append(total)
        c_in = width
    return [stem, *stages], 512 * 1000 + 1000


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}\\%"


def test_parameter_memory_names_the_last_stage_share_of_each_network():
    """NiN's last block (which narrows to the classes) holds 1.7% of its parameters: the
    answer may not say they sit in the last convolutions; it gives each share."""
    nin = _nin_blocks()
    assert sum(nin) == 1_992_166  # the sheet's 1.99 M
    layers, fc = _resnet18_stages()
    assert sum(layers) + fc == 11_689_512  # torchvision's published count
    md = exercise_section(read_sheet("en"), "Appendix B")
    answer = md.split("### The answer", 1)[1]
    para = next(p for p in answer.split("\n\n") if p.startswith("Parameter memory"))
    assert "last, widest" not in para
    assert _pct(nin[-1], sum(nin)) in para  # 1.7%
    assert _pct(nin[2], sum(nin)) in para  # its heaviest block, 59.3%
    assert _pct(layers[-1], sum(layers) + fc) in para  # ResNet-18's last stage
    for lang in LANGS:
        key = read_sheet(lang).split('<a id="compose"></a>', 1)[0]
        assert "last, widest" not in key and "最后几个最宽" not in key
        zh_or_en = exercise_section(
            read_sheet(lang), "Appendix B" if lang == "en" else "哪些层主导内存"
        )
        assert _pct(nin[-1], sum(nin)) in zh_or_en
        alt = zh_or_en.split(f"](../figures/{lang}/network-costs.svg)")[0].rsplit("![", 1)[1]
        assert "last convolutions" not in alt and "最后几个卷积层" not in alt


def test_web_answer_boxes_say_answer_as_markdown_and_pdf_do():
    """The web page labelled its boxed answers '5:' where the Markdown and the PDF say
    'Answer 5:' (and the answer key links to 'Answer 5')."""
    import re

    from tests.docs.sheets import OUTPUT

    for lang in LANGS:
        page = (OUTPUT / lang / "index.html").read_text(encoding="utf-8")
        md_labels = re.findall(
            r'<a id="[^"]+-answer-\d+"></a>\n\n> \*\*([^*]+)\*\*', read_sheet(lang)
        )
        boxes = re.findall(r'<div class="answer" id="[^"]+">\s*<p><strong>([^<]+)</strong>', page)
        assert len(boxes) == len(md_labels) > 9
        assert boxes == md_labels
