"""The catalogue of checkable questions: one declarative record per question.

A record says which exercise it belongs to (an id of :mod:`.exercises`, whose edition
numbers it shows), how its reference is built (a :class:`Recipe`: closed forms summed,
or one of the exercise scenarios), which counting modes and options a right answer may
use (MACs, FLOPs, bias, batch, bytes), which rules of the book's conventions its own
words state (:data:`BOOK_RULES`), what an answer may be written with.  The
misconceptions that apply are those of :mod:`.misconceptions` listing the question.
How the variants are derived from a recipe lives in
:mod:`derivations.checking.deciding.derive`; titles are messages
(``checker.question.<id>``).
"""

from __future__ import annotations

from enum import Enum, StrEnum

from derivations.errors import DerivationError
from derivations.records import field, record
from derivations.registry.exercises import EDITIONS, EXERCISES
from derivations.registry.forms import Form
from derivations.registry.restrictions import Restriction

__all__ = [
    "Question",
    "Recipe",
    "Derivation",
    "Family",
    "Shape",
    "QUESTIONS",
    "question",
    "named_count",
    "RULED_OUT",
    "Rule",
    "BOOK_RULES",
    "HELD_EFFECTS",
]


class Rule(StrEnum):
    """A rule of the book's conventions that a question's words or a sheet may state."""

    EXACT = "exact"  # each multiplication and each addition, a t-term sum t - 1 of them
    NO_BIAS = "no_bias"
    ELEMENTS = "elements"  # memory in elements


# the assumptions of a right answer (``checker.assumption.<id>``) that the book's
# conventions rule out, each with the rule it breaks; what the book counts instead is
# said by ``checker.own_counting.<id>`` (English and Chinese)
BOOK_RULES = {
    "macs": Rule.EXACT,
    "flops": Rule.EXACT,
    "accumulate_from_zero": Rule.EXACT,
    "bias_counted": Rule.NO_BIAS,
    "bytes_float32": Rule.ELEMENTS,
}


class Derivation(StrEnum):
    """How a reference is derived (:mod:`.derive` has one function for each)."""

    CLOSED_FORMS = "closed_forms"  # a sum of closed forms, per counting mode
    DOUBLE_CHANNELS = "double_channels"  # scenarios.double_channels(...).ratio
    DOUBLE_PADDING = "double_padding"  # scenarios.double_padding(...).increase
    POINTWISE = "pointwise"  # scenarios.pointwise(...).general
    COMPOSE = "compose"  # support of two composed symbolic kernels

    @property
    def ratio(self) -> bool:
        """Whether the reference is a ratio of two costs of the same counting (the
        doubling's ratio): counting MACs or FLOPs, or one pass or two, scales both costs
        and leaves it as it is."""
        return self is Derivation.DOUBLE_CHANNELS


class Family(StrEnum):
    LAYER = "layer"  # the section's layer symbols
    COMPOSE = "compose"  # k_1, k_2


class Shape(Enum):
    """Which size of a 2-D shape a question asks for, where students give the shape
    (``(m_h, m_w)``, ``(k_1+k_2-1)×(k_1+k_2-1)``): its height, its width, or either
    (both axes are the asked size)."""

    HEIGHT = "height"
    WIDTH = "width"
    SQUARE = "square"

    @property
    def axis(self) -> int | None:
        """0 (height) or 1 (width) of the pair; None when both axes are the size."""
        return {Shape.HEIGHT: 0, Shape.WIDTH: 1}.get(self)


@record(frozen=True)
class Recipe:
    """What the reference sums: closed-form keys per counting mode (``None`` is the
    book's exact counting; the others are assumption ids a right answer may make)."""

    derivation: Derivation = Derivation.CLOSED_FORMS
    modes: tuple = ()  # ((mode | None, (closed-form key, ...)), ...), reference first
    in_bytes: bool = False  # also accepted in float32 bytes (memory questions)
    with_bias: bool = False  # the forms are those of a layer with bias (the bias count)

    @property
    def forms(self) -> tuple:
        """The closed forms of the reference (exact counting)."""
        return dict(self.modes).get(None, ())

    def description(self) -> str:
        if self.derivation is Derivation.CLOSED_FORMS:
            return " + ".join(self.forms)
        return f"{self.derivation.value}('forward_ops')"


@record(frozen=True)
class Question:
    id: str
    exercise: str | None  # id in registry.exercises (None: no exercise of the book)
    recipe: Recipe
    bias: bool = True  # may a right answer count the bias?
    batched: bool = False  # may a right answer keep the batch size n?
    family: Family = Family.LAYER
    base_domain: frozenset = field(default_factory=frozenset)  # of Restriction values
    big_o: bool = True  # may the answer be a big-O?
    output_symbols: bool = True  # may the answer use m_h, m_w?
    # is the answer a number of things (operations, elements)? code may then sum it from
    # zero (``flops += …`` with no start shown); a size or a ratio never is
    counts: bool = True
    shape: Shape | None = None  # the size of a 2-D shape it asks for (a pair reads)
    # the question asking the same count of the forward pass: an answer given relative to
    # the forward pass ("2 × the forward pass", "与前向传播相当") is read against it
    forward: str | None = None
    # the words an answer to another question of the layer may name this count by
    # (``adds = muls``: the additions stated in terms of the multiplications), read as
    # this question's reference (lower case; never read in an answer to this question)
    names: tuple = ()
    # the letter the answer sheets name this count by (Exercise 3's M and A, "M + A"): on
    # the label side of a chain (``M + A = …``) it reads as this count (s14exam E15)
    sheet_letter: str = ""
    # the tensor whose number of elements the question asks for: a shape given as the
    # answer (``(c_o,)``, ``of shape (c_o, 1)``, ``rand(c_o, 1)``) is read as its count
    tensor: str | None = None
    # names the worked answer's box writes for quantities no symbol of the question
    # names (Answer 2.4's C_h, C_w: the padded positions some window covers); an answer
    # using one is refused, pointed to the practice page's note that writes them out
    worked_names: tuple = ()
    # modes of the recipe that the question's own words rule out: an answer under one is
    # the misconception :data:`RULED_OUT` names, not right under a convention (s12exam
    # E5, E6); the other modes stay conventions
    rules_out: tuple = ()
    # the rules of the book's conventions the question's own words state
    # (:class:`Rule`: "(multiplications + additions)" states exact counting);
    # an answer right under a convention that breaks one is told, with it, what the
    # question counts instead (:data:`BOOK_RULES`)
    states: tuple = ()
    # modes the number question's own words (the message ``variants.ask.<id>``) rule out
    # besides :attr:`rules_out`: a number (or a formula on the number form) right only
    # under one is no value that question asks, in ``grade --variants``, the Moodle XML
    # and the practice page (s13exam E4); ``check``'s question does not say it, so
    # there the mode stays a convention
    number_rules_out: tuple = ()
    # how the asked value changes with a parameter the book's layers hold at one value
    # (:data:`.notations.HELD`, read at it where an answer writes it): (parameter, effect)
    # pairs, each effect one of :data:`HELD_EFFECTS`; a parameter not listed leaves the
    # value as it is (an answer writing it elsewhere than where it acts is refused)
    held: tuple = ()
    # the pass whose count or memory the question asks ("forward", "backward"; None: a
    # size, a factor, the bias)
    passes: str | None = None

    def admits(self, convention: str) -> bool:
        """Whether an answer may be right under ``convention`` (a counting mode or an
        option of the record): not where the question's own words rule it out."""
        return convention not in self.rules_out

    @property
    def ratio(self) -> bool:
        """Whether the answer is a ratio of two costs (:attr:`Derivation.ratio`): a factor
        of 2 in it is never a counting's (MACs for FLOPs) nor a pass's."""
        return self.recipe.derivation.ratio

    @property
    def numbers(self) -> dict:
        """{"zh": int | None, "en": int | None}: the exercise's number per edition."""
        info = EXERCISES.get(self.exercise) if self.exercise else None
        return {edition: info.number(edition) if info else None for edition in EDITIONS}

    @property
    def title(self) -> dict:
        from derivations.messages import entry

        return entry(f"checker.question.{self.id}")

    @property
    def misconceptions(self) -> tuple:
        """Ids of the misconceptions that apply (from the misconception registry)."""
        from derivations.registry.misconceptions import misconceptions

        return tuple(m.id for m in misconceptions().values() if self.id in m.questions)


# the misconception (registry/misconceptions.yaml) of an answer under a mode of the recipe
# the question's words rule out (:attr:`Question.rules_out`).  backward-memory asks the
# peak: no source the sheets cite reads it as the gradient buffers alone (as large as what
# the forward pass holds); the mode came with the first checker (ed72f3d), uncited
RULED_OUT = {"gradient_buffers_only": "forward_memory_for_backward"}


# what a held parameter does to the value asked (tests/core/test_registry.py checks each pair a
# question lists against the closed forms with the parameter kept)
HELD_EFFECTS = {
    # the dilation d widens the kernel to d (k - 1) + 1 where its size stands
    "kernel_extent": "dilation",
    # the groups g leave c_i / g input channels to each filter where c_i stands
    "channels_per_group": "groups",
    # the groups g make the weights c_o c_i k_h k_w of a memory g times fewer
    "weights_per_group": "groups",
    # the first layer's stride s_1 scales the second kernel's growth: the composed kernel
    # (a receptive field) is 1 + (k_1 - 1) + (k_2 - 1) s_1, the second kernel's extent
    # s_1 (k_2 - 1) + 1 where k_2 stands
    "receptive_field": "stride_1",
}
_DILATED = (("dilation", "kernel_extent"),)
_GROUPED = (("groups", "channels_per_group"),)
_GROUPED_WEIGHTS = (("groups", "weights_per_group"),)
_STRIDED = (("stride_1", "receptive_field"),)


def _forms(*modes) -> Recipe:
    return Recipe(modes=tuple((mode, tuple(keys)) for mode, keys in modes))


def _scenario(derivation: Derivation) -> Recipe:
    return Recipe(derivation)


QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in (
        Question(
            "output-height",
            "cost",
            _forms((None, (Form.OUTPUT_HEIGHT,))),
            bias=False,
            big_o=False,
            output_symbols=False,
            shape=Shape.HEIGHT,
            counts=False,
            held=_DILATED,
        ),
        Question(
            "output-width",
            "cost",
            _forms((None, (Form.OUTPUT_WIDTH,))),
            bias=False,
            big_o=False,
            output_symbols=False,
            shape=Shape.WIDTH,
            counts=False,
            held=_DILATED,
        ),
        Question(
            "forward-mults",
            "cost",
            _forms((None, (Form.FORWARD_MULTS,))),
            bias=False,
            passes="forward",
            batched=True,
            held=_GROUPED,
            sheet_letter="M",
            names=(
                *("muls", "mults", "multiplications", "multiplies", "products"),
                *("num_muls", "num_mults", "n_mults", "n_muls", "num_multiplications"),
                *("n_mul", "num_mul", "乘法", "乗算", "掛け算", "곱셈", "умножения"),
                *("macs", "mac", "maccs"),
                *("乘法次数", "乘法数", "乘法运算次数", "乘法的次数", "乘加次数", "乘加运算次数"),
                # Japanese, Korean, Russian, Turkish
                *("乗算回数", "乗算の回数", "乗算数", "掛け算の回数", "곱셈 횟수", "곱셈 수"),
                *("곱셈의 수", "число умножений", "количество умножений", "умножений"),
                *("çarpma sayısı", "çarpma işlemi sayısı", "çarpım sayısı"),
                # Spanish, French, German, Italian, Portuguese, Vietnamese
                *("multiplicaciones", "multiplikationen", "moltiplicazioni", "multiplicações"),
                *("multiplicacoes", "phép nhân", "số phép nhân"),
            ),
        ),
        Question(
            "forward-adds",
            "cost",
            _forms((None, (Form.FORWARD_ADDS,)), ("accumulate_from_zero", (Form.FORWARD_MULTS,))),
            passes="forward",
            batched=True,
            held=_GROUPED,
            sheet_letter="A",
            names=(
                *("adds", "additions", "num_adds", "n_adds", "num_additions"),
                *("n_add", "num_add", "加法", "加算", "足し算", "덧셈", "сложения"),
                *("加法次数", "加法数", "加法运算次数", "加法的次数"),
                # Japanese, Korean, Russian, Turkish
                *("加算回数", "加算の回数", "加算数", "足し算の回数", "덧셈 횟수", "덧셈 수"),
                *("덧셈의 수", "число сложений", "количество сложений", "сложений"),
                *("toplama sayısı", "toplama işlemi sayısı"),
                # Spanish, French, German, Italian, Portuguese, Vietnamese
                *("sumas", "adiciones", "d'additions", "additionen", "addizioni", "adições"),
                *("adicoes", "somas", "phép cộng", "số phép cộng"),
            ),
        ),
        Question(
            "forward-ops",
            "cost",
            _forms(
                (None, (Form.FORWARD_OPS,)),
                ("macs", (Form.FORWARD_MACS,)),
                ("flops", (Form.FORWARD_FLOPS,)),
                ("accumulate_from_zero", (Form.FORWARD_MULTS, Form.FORWARD_MULTS)),
            ),
            passes="forward",
            batched=True,
            states=(Rule.EXACT,),
            held=_GROUPED,
        ),
        Question(
            "forward-memory",
            "cost",
            Recipe(modes=((None, (Form.MEMORY_PEAK_FORWARD,)),), in_bytes=True),
            passes="forward",
            batched=True,
            held=_GROUPED_WEIGHTS,
        ),
        Question(
            "backward-ops",
            "cost",
            _forms(
                (None, (Form.BACKWARD_OPS,)),
                ("macs", (Form.BACKWARD_MACS,)),
                ("flops", (Form.BACKWARD_FLOPS,)),
            ),
            passes="backward",
            batched=True,
            forward="forward-ops",
            worked_names=("C_h", "C_w"),
            states=(Rule.EXACT,),
        ),
        Question(
            "backward-memory",
            "cost",
            Recipe(
                modes=(
                    (None, (Form.MEMORY_PEAK_BACKWARD,)),
                    ("output_kept", (Form.MEMORY_PEAK_BACKWARD, Form.MEMORY_OUTPUT)),
                    (
                        "gradient_buffers_only",
                        (
                            Form.MEMORY_GRAD_DY,
                            Form.MEMORY_GRAD_DX,
                            Form.MEMORY_GRAD_DW,
                            Form.MEMORY_GRAD_DB,
                        ),
                    ),
                    ("saved_for_backward_only", (Form.MEMORY_SAVED_FOR_BACKWARD,)),
                ),
                in_bytes=True,
            ),
            passes="backward",
            batched=True,
            rules_out=("gradient_buffers_only",),
            # "nothing else keeps its forward output, so it is not counted"
            number_rules_out=("output_kept",),
        ),
        Question(
            "double-channels",
            "doubling",
            _scenario(Derivation.DOUBLE_CHANNELS),
            big_o=False,
            counts=False,
        ),
        Question(
            "double-padding",
            "doubling",
            _scenario(Derivation.DOUBLE_PADDING),
            big_o=False,
            # the output sizes after the padding doubles, as Answer 3's box writes them
            worked_names=("m'_h", "m'_w"),
        ),
        Question(
            "pointwise-complexity",
            "pointwise",
            _scenario(Derivation.POINTWISE),
            base_domain=frozenset({Restriction.K1}),
            states=(Rule.EXACT,),
        ),
        Question(
            "compose-size",
            "compose",
            _scenario(Derivation.COMPOSE),
            family=Family.COMPOSE,
            held=_STRIDED,
            big_o=False,
            output_symbols=False,
            shape=Shape.SQUARE,
            counts=False,
        ),
        Question(
            "bias-size",
            None,
            Recipe(modes=((None, (Form.MEMORY_BIAS,)),), with_bias=True),
            bias=False,
            big_o=False,
            tensor="bias",
        ),
    )
}


def sheet_letters() -> dict[str, str]:
    """Each count's letter on the answer sheets (:attr:`Question.sheet_letter`) -> the
    id of its question."""
    return {q.sheet_letter: q.id for q in QUESTIONS.values() if q.sheet_letter}


def named_count(word: str) -> str | None:
    """The id of the question whose count ``word`` names (:attr:`Question.names`), or
    None."""
    lower = word.lower()
    return next((q.id for q in QUESTIONS.values() if lower in q.names), None)


def question(identifier: str) -> Question:
    try:
        return QUESTIONS[identifier]
    except KeyError:
        raise DerivationError(
            key="registry.unknown_question", question=repr(identifier), known=", ".join(QUESTIONS)
        ) from None
