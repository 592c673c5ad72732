"""A random-grammar generator of answers, for the crash test: well-formed formulas in
every spelling the reader accepts (ASCII, Unicode math, LaTeX), mutated now and then
into text the reader must refuse.  Seeded: the same seed gives the same answers."""

from __future__ import annotations

import random

from derivations.registry.spellings import SYMBOL_SPELLINGS

__all__ = ["answers"]

_ITALIC = {"h": "ℎ", "k": "𝑘", "w": "𝑤", "c": "𝑐", "p": "𝑝", "s": "𝑠"}
_SPELLINGS = [spelling for names in SYMBOL_SPELLINGS.values() for spelling in names]
_SPELLINGS += [
    "K_h",
    "Kh",
    "C_in",
    "C_out",
    "H",
    "W",
    "𝑘ℎ",
    "𝑘_ℎ",
    "kₕ",
    "k_{h}",
    "c_{i}",
    "x",
    "y",
    "pad",
    "stride",
    "er",
    "bytes",
    "B",
    "elements",
    "个",
    "倍",
    "times",
]
_NUMBERS = [
    "0",
    "1",
    "2",
    "3",
    "4",
    "9",
    "10",
    "64",
    "0.5",
    "1.5",
    "2e3",
    "1E-2",
    "½",
    "٣",
    "３",
    "❶",
    "➀",
    "⓵",
    "፩",
    "𑁒",
    "⒈",
    "⑴",
    "10" * 16,
    "1e31",
    "0.0",
]
_BINARY = [
    " + ",
    "+",
    " - ",
    "-",
    "−",
    "*",
    " * ",
    "×",
    "·",
    "⋅",
    "/",
    "÷",
    "//",
    " ",
    "",
    r" \times ",
    r" \cdot ",
    "**",
    "^",
]
_JUNK = list("=≈,;:.%$#@!?'\"`~&|<>[]{}()⌊⌋⌈⌉\\_^") + [
    "\x00",
    "\x1b",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\t",
    "\n",
    "…",
    "...",
    r"\cdots",
    r"\def",
    r"\input{x}",
    "乘法：",
    "：",
    "４倍",
    "四倍",
    "four",
    "twice",
    "(per side padding)",
    "\\(",
    "\\)",
    "\\[",
    "\\]",
    "math.floor(",
    "np.floor(",
    "int(",
    "❶",
    "𑁒",
    "ⅷ",
    "Ⅳ",
    "😀",
    "й",
    "ß",
    "ﬁ",
    "²",
    "⁻¹",
    "₁",
    "k_1",
    "k_2",
    "O(",
    "max(",
    "floor(",
    "ceil(",
]


class _Generator:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def symbol(self) -> str:
        name = self.pick(_SPELLINGS)
        if self.rng.random() < 0.1:
            name = "".join(_ITALIC.get(c, c) for c in name)
        if self.rng.random() < 0.05:
            name = name.upper()
        return name

    def atom(self) -> str:
        return self.symbol() if self.rng.random() < 0.7 else self.pick(_NUMBERS)

    def expr(self, depth: int) -> str:
        r = self.rng.random()
        if depth <= 0 or r < 0.25:
            return self.atom()
        inner = lambda: self.expr(depth - 1)  # noqa: E731
        if r < 0.55:
            parts = [inner() for _ in range(self.rng.randint(2, 5))]
            out = parts[0]
            for part in parts[1:]:
                out += self.pick(_BINARY) + part
            return out
        if r < 0.62:
            return "-" + inner()
        if r < 0.72:
            left, right = self.pick(
                [
                    ("(", ")"),
                    ("[", "]"),
                    ("{", "}"),
                    (r"\left(", r"\right)"),
                    ("（", "）"),
                    (r"\{", r"\}"),
                ]
            )
            return left + inner() + right
        if r < 0.80:
            template = self.pick(
                [
                    "⌊{}⌋",
                    "floor({})",
                    r"\lfloor {} \rfloor",
                    r"\left\lfloor {} \right\rfloor",
                    "({})//({})",
                    "⌈{}⌉",
                    "ceil({})",
                    "ceiling({})",
                    r"\lceil {} \rceil",
                ]
            )
            return template.format(*(inner() for _ in range(template.count("{}"))))
        if r < 0.86:
            name = self.pick(["max", "min", r"\max", "floor", "O"])
            args = ", ".join(inner() for _ in range(self.rng.randint(1, 3)))
            return f"{name}({args})"
        if r < 0.92:
            return r"\frac{" + inner() + "}{" + inner() + "}"
        exponent = self.pick(
            ["2", "3", "-1", "(2)", "{2}", "0", "64", "65", "h", "1/2", "²", "³", "⁻¹", "2^2^2"]
        )
        base = inner()
        if exponent[0] in "²³⁻":
            return f"({base}){exponent}"
        return f"({base})^{exponent}" if self.rng.random() < 0.8 else f"({base})**{exponent}"

    def edited(self, reference: str) -> str:
        """The reference with a few word-level edits: what a near-miss looks like."""
        words = reference.replace("*", " * ").replace("(", " ( ").replace(")", " ) ").split()
        for _ in range(self.rng.randint(0, 3)):
            where = self.rng.randrange(len(words))
            action = self.rng.random()
            if action < 0.4:
                words[where] = self.atom()
            elif action < 0.6:
                del words[where]
                if not words:
                    words = [self.atom()]
            elif action < 0.8:
                words.insert(where, self.pick(["2 *", "* 2", "+ 1", "- 1", "* k_h *", "/ 2"]))
            else:
                words[where] = words[where].swapcase()
        return " ".join(words)

    def answer(self, reference: str | None = None) -> str:
        if reference and self.rng.random() < 0.35:
            text = self.edited(reference)
        else:
            text = self.expr(self.rng.randint(0, 4))
        r = self.rng.random()
        if r < 0.08:
            text = f"O({text})"
        elif r < 0.13:
            text = self.pick(["mults = ", "FLOPs = ", "m_h = ", "乘法次数 = ", "= ", "h = "]) + text
        elif r < 0.16:
            text = f"${text}$"
        if self.rng.random() < 0.03:
            text = " + ".join([self.symbol() for _ in range(self.rng.randint(40, 120))])
        if self.rng.random() < 0.2:
            text = self.mutate(text)
        return text

    def mutate(self, text: str) -> str:
        for _ in range(self.rng.randint(1, 3)):
            where = self.rng.randint(0, len(text))
            action = self.rng.random()
            if action < 0.5:
                text = text[:where] + self.pick(_JUNK) + text[where:]
            elif action < 0.8 and text:
                text = text[:where] + text[where + 1 :]
            else:
                text = text[:where] + text[where : where + 8] * 2 + text[where + 8 :]
        return text


def answers(seed: int, count: int, references: dict[str, str]):
    """``count`` (question id, answer) pairs from the generator seeded with ``seed``,
    round-robin over the questions of ``references`` (id -> reference text, which
    near-miss answers are edited from)."""
    generator = _Generator(random.Random(seed))
    ids = list(references)
    for index in range(count):
        qid = ids[index % len(ids)]
        yield qid, generator.answer(references[qid])
