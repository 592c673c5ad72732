"""The words of the languages a sentence around a formula is written in (issue 21): the
one place :mod:`.around` and :mod:`.informal` read them from.

* :data:`WORD_COPULAS`: per language (space-separated scripts), the verbs that end a
  lead-in before the formula (``the number of multiplications is …``, ``El número de
  multiplicaciones es …``, ``Число умножений равно …``);
* :data:`ATTACHED_COPULAS`: per language (scripts without spaces between words), what
  ends a lead-in attached to its last word (``乘法次数为…``, ``計算量は…``,
  ``연산 복잡도는 …``);
* :data:`ENDINGS`: what may close the sentence after the formula (``… です。``,
  ``… 입니다.``, ``… in total``);
* :data:`CONNECTORS`: what joins a definition to the formula before it (``…, where
  m_h = …``, ``…，其中 m_h = …``);
* :data:`NEGATIONS`: the words that, alone in a remark (``(wrong)``, ``（不对）``), deny
  the answer before it, and :data:`NEGATION_FILLERS` the words such a remark may hold
  besides (``(this is wrong)``);
* :data:`HEDGES`: the words that deny, bound or reverse a factor stated in a sentence,
  and :data:`HEDGE_STEMS` the beginnings of words that do (faster, уменьшается);
* :func:`multiplier_words`: the pattern of the words that multiply (``twice``, 倍), built
  from these tables by :func:`words_pattern` (the one builder of a pattern of words, whole
  words where the language spaces them).
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "WORD_COPULAS",
    "ATTACHED_COPULAS",
    "ENDINGS",
    "CONNECTORS",
    "NEGATIONS",
    "NEGATION_FILLERS",
    "LEAD_SCRIPTS",
    "LEAD_AUXILIARIES",
    "LEAD_VERBS",
    "LEAD_LINKS",
    "LEAD_NOUNS",
    "LEAD_USES",
    "LEAD_NEGATIONS",
    "LEAD_BOUNDS",
    "BOUND_SIGNS",
    "TRAIL_BOUNDS",
    "ROUNDING_WORDS",
    "MULTIPLIER_WORDS",
    "BIAS_SAID",
    "REMARK_NUMBERS",
    "REMARK_OPERATIONS",
    "SPOKEN_JOINERS",
    "MULTIPLYING",
    "BRACKET_FLOOR_WORDS",
    "OTHER_ROUNDING_WORDS",
    "SPOKEN",
    "SPOKEN_NOT_OPERATIONS",
    "CONDITIONS",
    "CONDITIONS_AFTER",
    "NEGATED_CONDITIONS",
    "OF_TENSOR",
    "DEFINING",
    "GLOSSARY_LEADS",
    "GLOSSARY_VERBS",
    "GLOSSARY_NAMED",
    "GLOSSARY_PAIRS",
    "GLOSSARY_AFTER",
    "GLOSSARY_ARTICLES",
    "GLOSSARY_JOINS",
    "GLOSSARY_THEN",
    "GLOSSARY_AND",
    "GLOSSARY_WIDTH",
    "BARE_COPULAS",
    "SAME_AS",
    "SAME_AS_AFTER",
    "PROPOSALS",
    "CONCLUSIONS",
    "RATE_WORDS",
    "RATE_HAS_ATTACHED",
    "RATE_CLOSINGS",
    "COUNT_OF",
    "PER_AFTER",
    "PASS_WORDS",
    "PARAMETER_WORDS",
    "MEMORY_WORDS",
    "OUTPUT_WORDS",
    "KERNEL_WORDS",
    "FIELD_BEFORE_WORDS",
    "KERNEL_SIZE_WORDS",
    "LAYER_OWN_WORDS",
    "JUMP_WORDS",
    "CHANNEL_WORDS",
    "PART_COUNT_AFTER",
    "RATIO_WORDS",
    "RATE_ONE",
    "RATE_PER",
    "RATE_TO",
    "RATE_ADVERBS",
    "RATE_EACH_ATTACHED",
    "RATE_FOR_EACH",
    "RATE_SUBJECTS",
    "RATE_HAS",
    "RATE_INSIDE",
    "RATE_COUNTED",
    "RATE_TIED",
    "RATE_LEADS",
    "RATE_INSIDE_BEFORE",
    "RATE_ARTICLES",
    "CARDINALS",
    "RATE_UNSAID",
    "NAME_FILLERS",
    "TOTAL_WORDS",
    "BOUNDED_AFTER_ZH",
    "ABOUT_WORDS",
    "ABOUT_ABBREVIATIONS",
    "ABOUT_ATTACHED",
    "VECTOR_WORDS",
    "VECTOR_PHRASE",
    "BIAS_USED_AROUND",
    "COUNT_NOUNS",
    "BIAS_COUNT_WORDS",
    "GRADIENT_TENSORS",
    "HEDGES",
    "FACTOR_TIMES",
    "FACTOR_MORE",
    "FACTOR_BY",
    "HEDGE_STEMS",
    "FACTOR_VERBS",
    "FACTOR_OPENINGS",
    "HELD_PARAMETER_WORDS",
    "LAYER_PROPERTY_WORDS",
    "PER_SIDE_WORDS",
    "LETTER",
    "attached",
    "words_pattern",
    "every_word",
    "multiplier_words",
]

# a lead-in ends in one of these words (longest first where one is a prefix of another)
WORD_COPULAS: dict[str, tuple[str, ...]] = {
    "en": (
        *("is the same as", "is equal to", "is equal", "equal to", "equals", "becomes"),
        *("is set to", "be equal to", "be the same as", "is", "are", "be"),
        *("should be", "must be", "would be", "will be"),
    ),
    "es": ("es igual a", "es", "son", "igual a", "vale"),
    "fr": ("est égal à", "est egal a", "est", "sont", "vaut", "égale"),
    "de": ("ist gleich", "ist", "sind", "beträgt", "betragt"),
    "pt": ("é igual a", "é", "são", "igual a"),
    "it": ("è uguale a", "è", "sono", "vale"),
    "ru": ("равно", "равна", "равен", "равны", "составляет", "будет"),
}
# attached to the last word of the lead-in (the first one in the text ends it)
ATTACHED_COPULAS: dict[str, tuple[str, ...]] = {
    "zh": ("约等于", "大约为", "大约是", "约为", "等于", "需要", "为", "是"),
    "ja": ("は約", "はおよそ", "は", "が"),
    "ko": ("는 약", "은 약", "는", "은"),
}
# an English lead-in said with a verb (``total_ops is calculated by …``, ``the flops of
# conv cal as …``, ``can be computed with the formula …``): an auxiliary (optional), a
# verb, a link word, then optionally a noun naming the formula; or a verb of use and the
# noun (``… uses the formula …``, ``using the equation …``)
LEAD_AUXILIARIES: tuple[str, ...] = (
    *("can be", "could be", "should be", "would be", "will be", "may be", "must be"),
    *("is", "are", "was", "were", "be", "gets", "get"),
)
LEAD_VERBS: tuple[str, ...] = (
    *("calculated", "computed", "given", "obtained", "defined", "expressed", "written"),
    *("evaluated", "estimated", "determined", "derived", "found", "counted"),
    *("calculate", "compute", "calc", "cal"),
)
LEAD_LINKS: tuple[str, ...] = ("by", "as", "with", "using", "from", "via")
LEAD_NOUNS: tuple[str, ...] = ("formulas", "formula", "equations", "equation", "expression")
LEAD_USES: tuple[str, ...] = ("uses", "use", "using", "follows", "follow", "applies", "apply")
# words that, in a lead-in, deny the formula after it (``乘法次数不是 …``, ``… is never
# …``): the answer is refused, not read (Chinese: at the end of the lead-in, before its
# copula; English: anywhere in it, as a word)
LEAD_NEGATIONS: dict[str, tuple[str, ...]] = {
    "en": ("not", "never", "cannot", "nor", "neither", "none", "n't", "n’t"),
    "zh": ("不", "并非", "非", "没有", "未", "别"),
    # the other languages of :data:`WORD_COPULAS`, :data:`ATTACHED_COPULAS` and
    # :data:`RATE_HAS`, each word as a dictionary gives the language's negation (Duden:
    # nicht, kein; Larousse: ne … pas, jamais; RAE: no, nunca, ni; Priberam: não, nunca,
    # nem; the Russian particle не, нет, ни; Vietnamese không, chẳng, chưa; Japanese the
    # copula's negative ではない, じゃない and the polite ません; Korean 아니다, the
    # auxiliary 않다): the Japanese and Korean ones are read inside a word, as Chinese is
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "keines", "nie", "niemals"),
    "fr": ("pas", "ne", "jamais", "aucun", "aucune"),
    "es": ("no", "nunca", "ni", "ningún", "ninguno", "ninguna"),
    "pt": ("não", "nao", "nunca", "nem", "nenhum", "nenhuma"),
    "ru": ("не", "нет", "ни", "никогда"),
    "vi": ("không", "chẳng", "chưa"),
    "ja": (
        "ではない",
        "ではなく",
        "ではありません",
        "じゃない",
        "じゃありません",
        "でない",
        "ません",
    ),
    "ko": ("아니", "아닌", "아닙니다", "않"),
}
# words that end a lead-in and make the formula or number after it a bound, not the
# value asked (``less than c_o c_i …``, ``小于 4 倍``, ``至少 1296``: s15exam E11)
LEAD_BOUNDS: dict[str, tuple[str, ...]] = {
    "en": (
        "less than",
        "more than",
        "fewer than",
        "greater than",
        "larger than",
        "smaller than",
        "bigger than",
        "higher than",
        "lower than",
        "at least",
        "at most",
        "up to",
        "no more than",
        "no less than",
        "not more than",
        "not less than",
        "exceeds",
        "exceeding",
        "far more than",
        "far less than",
        "slightly less than",
        "slightly more than",
        "just under",
        "just over",
    ),
    "zh": (
        "小于",
        "大于",
        "少于",
        "多于",
        "低于",
        "高于",
        "不到",
        "超过",
        "不超过",
        "不少于",
        "不低于",
        "不高于",
        "至少",
        "至多",
        "最多",
        "最少",
        "远大于",
        "远小于",
        "略大于",
        "略小于",
        "稍大于",
        "稍小于",
        "远超",
        "远超过",
        "不足",
    ),
    # … in the other languages, as their dictionaries give "more than", "less than", "at
    # least", "at most" (Duden, Larousse, RAE, Priberam; Russian больше, меньше, не менее,
    # не более; Vietnamese hơn, ít nhất, tối đa; Japanese 少なくとも, 最大, 最低; Korean
    # 적어도, 최소, 최대)
    "de": (
        *("mehr als", "weniger als", "größer als", "kleiner als", "höher als", "niedriger als"),
        *("mindestens", "höchstens", "maximal", "minimal", "über", "unter", "bis zu"),
        *("nicht mehr als", "nicht weniger als", "wenigstens"),
    ),
    "fr": (
        *("plus de", "moins de", "plus que", "moins que", "supérieur à", "inférieur à"),
        *("au moins", "au plus", "au maximum", "au minimum", "jusqu'à", "jusqu’à"),
    ),
    "es": (
        *("más de", "menos de", "más que", "menos que", "mayor que", "menor que"),
        *("al menos", "como máximo", "como mínimo", "a lo sumo", "hasta", "por lo menos"),
    ),
    "pt": (
        *("mais de", "menos de", "mais que", "menos que", "maior que", "menor que"),
        *("pelo menos", "no máximo", "no mínimo", "ao menos", "até"),
    ),
    "ru": (
        *("больше", "меньше", "более", "менее", "не менее", "не более", "свыше"),
        *("по крайней мере", "как минимум", "как максимум", "минимум", "максимум", "до"),
    ),
    "vi": ("hơn", "ít nhất", "tối đa", "tối thiểu", "nhiều hơn", "ít hơn", "lớn hơn", "nhỏ hơn"),
    "ja": ("少なくとも", "最大", "最小", "最大で", "最低", "最低でも", "多くとも"),
    "ko": ("적어도", "최소", "최대", "최소한"),
}
# signs that, before a number, make it a bound (``>1296``, ``≥ 1296``; s15exam E16), any
# language's; a console's prompt (``>>>``) is no sign of these
BOUND_SIGNS: tuple[str, ...] = (">=", "<=", ">", "<", "≥", "≤", "≧", "≦", "⩾", "⩽", "＞", "＜")
# the Chinese words after a number that bound it (``1296 以上``, ``4倍以下``, ``4 以内``):
# a bound after a formula (:data:`TRAIL_BOUNDS`) and a factor's hedge (:data:`HEDGES`)
BOUNDED_AFTER_ZH: tuple[str, ...] = ("以上", "以下", "以内")
# words that open the text after a formula or number and make it a bound (``… or more``,
# ``1296 at most``, ``… 以上``: s15exam E11)
TRAIL_BOUNDS: dict[str, tuple[str, ...]] = {
    "en": (
        "or more",
        "or less",
        "or fewer",
        "or above",
        "or below",
        "or higher",
        "or lower",
        "or greater",
        "or smaller",
        "at most",
        "at least",
        "at the most",
        "at the least",
        "and up",
        "and above",
        "and more",
        "or over",
        "or under",
        "maximum",
        "minimum",
        "max",
        "min",
    ),
    "zh": (*BOUNDED_AFTER_ZH, "之内", "或更多", "或更少", "或以上", "或以下", "上下", "多次"),
    # … in the other languages (the dictionaries of LEAD_BOUNDS)
    "de": ("oder mehr", "oder weniger", "und mehr", "höchstens", "mindestens", "maximal"),
    "fr": ("ou plus", "ou moins", "au plus", "au moins", "au maximum", "au minimum"),
    "es": ("o más", "o menos", "como máximo", "como mínimo", "al menos", "a lo sumo"),
    "pt": ("ou mais", "ou menos", "no máximo", "no mínimo", "pelo menos"),
    "ru": ("или больше", "или более", "или меньше", "или менее", "и более", "и выше"),
    "vi": ("trở lên", "trở xuống", "hoặc hơn", "hoặc nhiều hơn", "tối đa", "tối thiểu"),
    "ja": ("未満", "を超える", "超", "を上回る", "を下回る", "まで"),
    "ko": ("이상", "이하", "미만", "초과", "까지"),
}
# words that, in a sentence stating a factor, deny, bound, reverse or question it (``not
# 4 times``, ``less than 4x``, ``4 times fewer``, ``减少4倍``, ``4倍以上``, ``4倍的一半``):
# besides :data:`LEAD_BOUNDS`' (小于, 至少) and its own marks (``n't``, ``?``, 不 but 不变)
HEDGES: dict[str, tuple[str, ...]] = {
    "en": (
        *("not", "no", "never", "nor", "neither", "less", "fewer", "than", "most", "least"),
        *("under", "below", "above", "over", "up to", "between", "or", "half", "quarter"),
        *("slower", "smaller", "decrease", "decreases", "decreased", "reduce", "reduces"),
        *("reduced", "drop", "drops", "shrink", "shrinks", "divided", "unless"),
    ),
    "zh": (
        *("没", "非", "无", "否", *BOUNDED_AFTER_ZH, "或", "减少", "降低", "下降"),
        *("缩小", "减小", "一半", "分之", "吗"),
    ),
    # … the other languages' "less", "or", "between", "half", "decreases", "not" (the
    # dictionaries of LEAD_BOUNDS; their negations are LEAD_NEGATIONS'); not "than" nor
    # "between" where a ratio's sentence says them (``el cociente entre la
    # retropropagación y la propagación hacia adelante es 2:1``, ``el doble que``): a
    # bound before the number is LEAD_BOUNDS', and two numbers are no one factor; the
    # verbs of a decrease, in all their forms, are HEDGE_STEMS'
    "de": (
        *("weniger", "kleiner", "höchstens", "mindestens", "unter", "zwischen", "oder"),
        *("Hälfte", "Viertel", "sinkt"),
    ),
    "fr": ("moins", "au plus", "au moins", "ou", "moitié", "quart"),
    "es": ("menos", "o", "mitad", "cuarto"),
    "pt": ("menos", "ou", "metade", "quarto"),
    "ru": ("меньше", "менее", "чем", "между", "или", "четверть"),
    "vi": ("ít hơn", "nhỏ hơn", "hoặc", "giữa", "nửa", "giảm"),
    "ja": ("未満", "より", "半分", "減", "ですか", "でしょうか"),
    "ko": ("미만", "이하", "보다", "절반", "줄어", "감소", "까요"),
}
# the words that say "times" after a factor's number, every language's (``4-mal``,
# ``4 fois``, ``4 veces``, ``4 vezes``, ``в 4 раза``, ``gấp 4 lần``, ``4배``; Duden, Larousse,
# RAE, Priberam; d2l-ja's and d2l-zh's 倍 in their exercise on doubled channels, d2l-ko's
# 배), and the words of "as many" or "more" after them (``4-mal so viele``, ``4 fois
# plus``) and "by" before the number (Vietnamese ``gấp``, Russian ``в``)
FACTOR_TIMES: dict[str, tuple[str, ...]] = {
    "en": ("x", "×", "times", "fold", "-fold"),
    "zh": ("倍",),
    "de": ("mal", "-mal", "fach", "-fach"),
    "fr": ("fois",),
    "es": ("veces",),
    "pt": ("vezes",),
    "ru": ("раза", "раз"),
    "vi": ("lần",),
    "ko": ("배",),
}
FACTOR_MORE: dict[str, tuple[str, ...]] = {
    "en": ("more", "larger", "as many", "as much"),
    "de": ("so viele", "so viel", "mehr", "größer"),
    "fr": ("plus", "plus grand", "plus d'opérations"),
    "es": ("más", "mayor"),
    "pt": ("mais", "maior"),
    "ru": ("больше", "более"),
    "vi": ("nhiều hơn", "lớn hơn"),
}
FACTOR_BY: dict[str, tuple[str, ...]] = {"vi": ("gấp",), "ru": ("в",)}
# the beginnings of words, any ending after them (Russian уменьшается, уменьшится,
# уменьшаются; German schneller, schnellere), that make a factor stated in a sentence a
# decrease, or a factor of speed or price (``4 times faster``, ``快4倍``, ``в 4 раза
# дешевле``, ``4倍速い``, ``4배 빠르다``: the time or the price falls, or the speed grows, as
# the computation grows): fast, quick, cheap, slow, to speed up, to decrease, to halve,
# each language's stem as Wiktionary's conjugation and declension tables inflect it
# (быстрый/быстрее, дешёвый/дешевле, уменьшаться, сокращаться, снижаться, половина;
# schnell, billig, beschleunigen, verringern, reduzieren, halbieren; rapide, accélérer,
# diminuer, réduire; rápido, barato, acelerar, disminuir, reducir/redujo; reduzir,
# diminuir; nhanh, rẻ, chậm; 速い, 早い, 遅い, 安い; 빠르다/빨라지다, 느리다, 저렴하다,
# 줄다/줄었다/줄이다); words of a script written without spaces (Chinese, Japanese,
# Korean) are found anywhere, as :func:`words_pattern` finds them
HEDGE_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("fast", "quick", "cheap", "speed", "accelerat"),
    "zh": ("快", "慢", "便宜", "加速"),
    "de": (
        *("schnell", "rasch", "billig", "günstig", "beschleunig", "langsam"),
        *("verringer", "reduzier", "halbier", "verkleiner"),
    ),
    "fr": (
        *("rapide", "vite", "accélér", "moins cher", "bon marché", "lent"),
        *("diminu", "rédui", "réduc"),
    ),
    "es": ("rápid", "veloz", "aceler", "barat", "lent", "disminu", "reduc", "reduj"),
    "pt": ("rápid", "veloz", "aceler", "barat", "lent", "diminu", "reduz", "reduç"),
    "ru": (
        *("быстр", "ускор", "скорост", "дешев", "дешёв", "медлен"),
        *("уменьш", "сокра", "сниж", "сниз", "половин"),
    ),
    "vi": ("nhanh", "rẻ", "chậm", "tăng tốc"),
    "ja": ("速", "早い", "早く", "遅", "安い", "安く", "安価"),
    "ko": ("빠르", "빨라", "빠른", "빨리", "느리", "느려", "저렴", "줄었", "줄여", "줄인"),
}
# … and in Chinese, the verbs of "increases by" before the number (``增加了 3 倍``) and the
# copulas and "about" that may open a factor (``变为4倍``, ``约为4倍``)
FACTOR_VERBS: dict[str, tuple[str, ...]] = {"zh": ("增加", "提高", "扩大", "增大", "增长")}
FACTOR_OPENINGS: dict[str, tuple[str, ...]] = {"zh": ("变为", "变成", "是", "为", "约为", "大约")}
# the Chinese words of the parameters the book's layer holds at 1 (registry/notations.py's
# ``HELD``): a remark stating one (``（膨胀率 2）``, ``(groups 2)``) names that layer
HELD_PARAMETER_WORDS: dict[str, tuple[str, ...]] = {
    "dilation": ("膨胀", "膨胀率", "空洞率", "扩张率", "dilation rate", "atrous rate"),
    "groups": ("分组", "分组数", "组数", "group count", "number of groups"),
}
# a rounding said in words after the formula, outside brackets (``… / s 向下取整``)
ROUNDING_WORDS: dict[str, tuple[str, ...]] = {
    "floor": (
        *("向下取整", "下取整", "取下整", "rounded down", "round down", "floored"),
        # German, French, Spanish, Portuguese (Duden, Larousse, RAE, Priberam; s18wrong)
        *("abgerundet", "arrondi à l'inférieur", "arrondi vers le bas"),
        *("redondeado hacia abajo", "arredondado para baixo", "arrotondato per difetto"),
    ),
    "ceil": (
        *("向上取整", "上取整", "取上整", "rounded up", "round up"),
        *("aufgerundet", "arrondi au supérieur", "arrondi vers le haut"),
        *("redondeado hacia arriba", "arredondado para cima", "arrotondato per eccesso"),
    ),
}
# what calls a square bracket ``[x]`` the floor besides ROUNDING_WORDS["floor"] (the
# integer part of Chinese school mathematics); 取整 alone, as 向上取整 holds it too
BRACKET_FLOOR_WORDS: dict[str, tuple[str, ...]] = {
    "zh": ("取整", "高斯", "整数部分"),
    "en": ("floor", "integer part"),
}
# a rounding that is not the floor besides ROUNDING_WORDS["ceil"]: up, to the nearest
OTHER_ROUNDING_WORDS: dict[str, tuple[str, ...]] = {
    "zh": ("四舍五入", "最近", "最接近", "进一"),
    "en": ("ceil", "ceil_mode", "nearest", "rounds up", "rounding up", "round half", "round to"),
}
# a multiplier in words dropped beside a formula (a label, prose around it) besides the
# multiplying words of SPOKEN (twice, half, times, 两倍, 的一半, 乘): never words only
MULTIPLIER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("doubled", "halved", "two copies", "two times"),
    "zh": ("倍", "一半", "两份", "翻番", "翻一番"),
    # the other languages' "twice", "half", "double", "times" (Duden, Larousse, RAE,
    # Priberam; Russian вдвое, половина, раз; Vietnamese gấp, lần, nửa; Japanese 倍 as
    # Chinese, 半分; Korean 배 after a number word, 절반)
    "de": (
        *("doppelt", "zweimal", "dreimal", "viermal", "Hälfte", "halb", "halbe"),
        *("verdoppelt", "verdreifacht", "vervierfacht", "halbiert"),  # (s18wrong)
    ),
    "fr": ("double", "doublé", "moitié", "triple", "fois", "deux fois"),
    "es": ("doble", "duplicado", "mitad", "triple", "veces", "dos veces"),
    "pt": ("dobro", "duplicado", "metade", "triplo", "vezes", "duas vezes"),
    "ru": ("вдвое", "втрое", "вчетверо", "половина", "половину", "раза", "удвоен"),
    "vi": ("gấp", "lần", "nửa", "một nửa", "nhân hai", "nhân đôi", "nhân với"),
    "ja": ("半分",),
    "ko": ("두 배", "세 배", "네 배", "배로", "절반"),
}
# small numbers said in words in the other languages than English and Chinese (Duden,
# Larousse, RAE, Priberam, Treccani): a remark after a formula holding one states a
# number (``(mal zwei)``, ``(por dos)``), never words to drop (s18wrong F16)
REMARK_NUMBERS: dict[str, tuple[str, ...]] = {
    "de": ("eins", "zwei", "drei", "vier", "zweifach", "dreifach", "vierfach"),
    "fr": ("deux", "trois", "quatre", "doublée", "doublés", "doublées"),
    "es": ("dos", "tres", "cuatro", "duplica", "duplicada"),
    "pt": ("dois", "duas", "três", "quatro", "duplica", "duplicada"),
    "it": ("due", "tre", "quattro", "doppio", "volte", "moltiplicato per"),
    "ru": ("два", "две", "три", "четыре", "дважды", "трижды"),
}
# operations said in a remark in the other languages that :data:`SPOKEN` has no word for
# (``(quadriert)``, ``(weniger eins)``, ``(élevé au carré)``): never words to drop
REMARK_OPERATIONS: dict[str, tuple[str, ...]] = {
    "de": ("quadriert", "weniger", "abzüglich", "zuzüglich", "hoch"),
    "fr": ("élevé au carré", "carré", "divisé"),
    "es": ("elevado al cuadrado", "cuadrado", "dividido"),
    "pt": ("elevado ao quadrado", "dividido"),
}
# the operations of :data:`SPOKEN` that are no operation said in a remark (the list's
# ``and``, a clause's ``then``, an article)
SPOKEN_JOINERS: tuple[str, ...] = ("and", "then", "the")
# the operations of SPOKEN that multiply what they apply to by a number
MULTIPLYING = ("times", "twice", "thrice", "half", "doubled", "halved", "tripled")
# a total said after the formula or a number (``… in total``, ``…，共 64 个``)
TOTAL_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("in total", "in all", "altogether", "total"),
    "zh": ("一共", "总共", "合计", "总计", "共"),
}
# count words after a formula, per language, lower case -> (the counting they state:
# "macs", "flops", None for a count; the one operation they count, None for operations
# of any kind): read by :mod:`.informal` (``… multiplications``, ``… 次乘法``,
# ``… Multiplikationen``, ``… 回の乗算``); the other languages' words as the book's
# translations say them (d2l-ja 乗算, 加算, 演算; d2l-ko 곱셈, 덧셈, 연산; d2l-vi phép nhân,
# phép cộng; d2l-pt multiplicações, adições) and their dictionaries (Multiplikation,
# Addition; multiplicación, suma; умножение, сложение, in the genitive plural a count
# takes)
MULT, ADD = "multiplication", "addition"
COUNT_NOUNS: dict[str, dict[str, tuple[str | None, str | None]]] = {
    "zh": {
        "次乘加运算": ("macs", None),
        "次乘加": ("macs", None),
        "次浮点运算": ("flops", None),
        "次乘法运算": (None, MULT),
        "次乘法": (None, MULT),
        "次加法": (None, ADD),
        "次运算": (None, None),
        "次": (None, None),
    },
    "en": {
        "multiply-accumulates": ("macs", None),
        "multiply-accumulate": ("macs", None),
        "multiply-adds": ("macs", None),
        "multiplications": (None, MULT),
        "multiplication": (None, MULT),
        "mults": (None, MULT),
        "muls": (None, MULT),
        "multiplies": (None, MULT),
        "products": (None, MULT),
        "additions": (None, ADD),
        "adds": (None, ADD),
        "operations": (None, None),
        "ops": (None, None),
        "macs": ("macs", None),
        "mac": ("macs", None),
        "flops": ("flops", None),
        "flop": ("flops", None),
    },
    "de": {
        "multiplikationen": (None, MULT),
        "additionen": (None, ADD),
        "operationen": (None, None),
        "rechenoperationen": (None, None),
    },
    "fr": {"opérations": (None, None)},
    "es": {
        "multiplicaciones": (None, MULT),
        "sumas": (None, ADD),
        "adiciones": (None, ADD),
        "operaciones": (None, None),
    },
    "pt": {
        "multiplicações": (None, MULT),
        "adições": (None, ADD),
        "somas": (None, ADD),
        "operações": (None, None),
    },
    "ru": {
        "умножений": (None, MULT),
        "сложений": (None, ADD),
        "операций": (None, None),
    },
    "vi": {
        "phép nhân": (None, MULT),
        "phép cộng": (None, ADD),
        "phép tính": (None, None),
        "phép toán": (None, None),
    },
    "ja": {
        "回の乗算": (None, MULT),
        "回の掛け算": (None, MULT),
        "回の加算": (None, ADD),
        "回の足し算": (None, ADD),
        "回の演算": (None, None),
        "回の積和演算": ("macs", None),
    },
    "ko": {
        "번의 곱셈": (None, MULT),
        "번의 덧셈": (None, ADD),
        "번의 연산": (None, None),
        "회의 곱셈": (None, MULT),
        "회의 덧셈": (None, ADD),
    },
}
# "in all" opening the answer before its count (``共 1296 次乘法``, ``总共 …``): the count
# read, the note says a total (of :data:`TOTAL_WORDS`, those read at the opening)
TOTAL_OPENINGS: tuple[str, ...] = ("共", "总共", "一共")
# "about" in words opening the answer before a number (``about 4``, ``roughly 4.04``,
# ``approx 1296``)
ABOUT_WORDS: tuple[str, ...] = ("about", "approximately", "roughly", "circa", "approx")
# ... abbreviated, with its dot (``approx. 1296``, ``ca. 1296``: s15exam E16)
ABOUT_ABBREVIATIONS: tuple[str, ...] = ("approx", "ca")
# ... in Chinese, attached to the number (``约 4.04``, ``大约为 4``; s12exam E21)
ABOUT_ATTACHED: tuple[str, ...] = (
    *("约", "约为", "约是", "约等于"),
    *("大约", "大约为", "大约是", "大约等于"),
)
# a memory's unit words after a count (``366 bytes``, ``366 个元素``): the bytes', and the
# elements' (``366 floats``: a float, a value, an element; s14exam E13)
BYTE_WORDS: tuple[str, ...] = (
    *("byte", "bytes", "B", "字节", "Byte", "Bytes", "octet", "octets", "байт", "байта"),
    *("байтов", "バイト", "바이트"),
)
ELEMENT_WORDS: tuple[str, ...] = (
    "element",
    "elements",
    "个元素",
    "个",
    "entries",
    "floats",
    "values",
)
# a ratio's names as a label before a number (``ratio = 3816``, ``倍数 3816``): no increase
RATIO_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("ratio", "factor", "multiple"),
    "zh": ("倍数", "比值", "倍率", "比例"),
}
# a vector (or array, tensor) in words: the bias said as a vector of a length
VECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("vector", "array", "tensor"),
    "zh": ("向量", "張量", "张量", "数组", "陣列"),
}
# the words around a vector's length (``a 1-d vector of length c_o``, ``a c_o-dimensional
# vector``, ``一个 (c_o,) 向量``, ``长度为 c_o 的向量``): the words opening it ("a", "one"),
# a kind before the vector's word (English), the names of its length before the length,
# the words joined to the length after it (English: by a hyphen; Chinese: 维, c_o 维)
VECTOR_PHRASE: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "one": ("a", "an", "one"),
        "kind": ("1-d", "1d", "one-dimensional", "bias"),
        "length": ("length", "size", "dimension", "shape"),
        "joined": ("dimensional", "element", "vector", "long"),
    },
    "zh": {
        "one": ("一个", "一維", "一维"),
        "length": ("长度", "長度", "大小", "维度", "維度"),
        "joined": ("维", "維"),
    },
}
# words after a formula that say it counts biases (``c_o biases``, ``c_o 个偏置``): no
# counting of operations, a name of the quantity
BIAS_COUNT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("biases", "bias parameters", "bias terms", "bias values", "bias weights"),
    "zh": ("个偏置参数", "个偏置项", "个偏置值", "个偏置", "偏置参数", "偏置项", "偏置"),
    # the book's translations' bias (d2l-ja バイアス, d2l-ko TERMINOLOGY.md 편향, d2l-vi
    # glossary.md "bias (model parameter): hệ số điều chỉnh", d2l-pt viés), the others as
    # PyTorch's translated docs and Wikipedia's CNN articles write it (Bias, biais, sesgo,
    # смещение), in the plural a count takes
    "de": ("Biases", "Bias-Terme", "Bias-Werte", "Bias-Parameter"),
    "fr": ("biais",),
    "es": ("sesgos", "términos de sesgo"),
    "pt": ("vieses", "termos de viés"),
    "ru": ("смещений", "смещения"),
    "vi": ("hệ số điều chỉnh",),
    "ja": ("個のバイアス", "つのバイアス", "バイアス"),
    "ko": ("개의 편향", "개 편향", "개의 바이어스", "편향"),
}
# closing a sentence after the formula (each only at the very end)
ENDINGS: dict[str, tuple[str, ...]] = {
    "ja": ("になります", "となります", "である", "になる", "となる", "です"),
    "ko": (
        "이 된다",
        "가 된다",
        "이 됩니다",
        "가 됩니다",
        "입니다",
        "이다",
        "이에요",
        "예요",
        "임",
    ),
    "en": (*TOTAL_WORDS["en"], "overall"),
}
# what joins a definition to the formula before it (``…, where m_h = …``, ``…，其中 m_h = …``)
CONNECTORS: dict[str, tuple[str, ...]] = {
    "en": ("where", "with", "and", "here", "given"),
    "zh": ("其中", "这里", "此处", "且", "和", "以及"),
}
# a remark that only denies the answer before it (``4倍 (not)``): refused, not dropped
NEGATIONS: tuple[str, ...] = (
    *("not", "no", "wrong", "incorrect", "false", "untrue", "nope", "invalid", "never"),
    *("不对", "不正确", "错误", "错的", "有误", "不是", "错", "不", "否", "非"),
    *("違う", "誤り", "間違い", "틀림", "틀렸다", "아님"),
    *("nicht", "falsch", "non", "faux", "fausse", "falso", "falsa", "incorrecto", "errado"),
    *("pas", "incorrect", "incorrecte", "incorrecta", "incorreto", "incorreta", "não"),
    *("нет", "не", "неверно", "неправильно"),
)
NEGATION_FILLERS: tuple[str, ...] = (
    *("this", "that", "it", "is", "the", "answer", "formula", "probably", "maybe", "s"),
    *("right", "correct", "true", "对", "正确"),
    # German, French, Spanish, Portuguese (``(nicht richtig)``, ``(pas correct)``, ``(no
    # es correcto)``; s18wrong)
    *("richtig", "korrekt", "ist", "das", "juste", "correcte", "est", "ce", "n'est", "c'est"),
    *("correcto", "correcta", "es", "correto", "correta", "é", "está", "bien"),
    *("这个", "这", "答案", "公式", "是", "的", "了", "吧", "可能"),
)
# a contrast in brackets after a formula: the quantity the author does not mean
# (``c_o (not c_i)``, ``c_o（而不是 c_i）``), a remark, never a factor
CONTRASTS: tuple[str, ...] = (
    *("not", "rather than", "instead of", "as opposed to"),
    *("而不是", "而非", "不是", "并非"),
)
# words offering another answer beside the one written (``1296 (or 2592)``, ``c_o or
# c_i``, ``4（也可能是 3）``): two answers, never a remark (s15exam E12, E13)
ALTERNATIVES: tuple[str, ...] = (
    *("or maybe", "or possibly", "or perhaps", "or", "maybe", "perhaps", "possibly"),
    *("either", "also", "alternatively", "or else", "or rather"),
    *("也可能是", "也可能", "可能是", "也许是", "或许是", "或者是", "或者说", "或者", "或是", "或"),
    *("也许", "或许", "也是"),
)
# words saying how a padding is counted (``per-side padding``, ``padding 4 on each side``,
# ``填充按每边计``): a padding's reading named in a remark, no scale of the number
PER_SIDE_WORDS: tuple[str, ...] = (
    *("per side", "per-side", "each side", "both sides", "one side", "either side"),
    *("每边", "每侧", "两侧", "两边", "单侧", "单边", "各边", "各侧"),
)
PADDING_SIDES: tuple[str, ...] = (
    *PER_SIDE_WORDS,
    *("in all", "in total", "total", "总共", "合计"),
)
# words naming a property of a layer that the book's questions do not leave open (a
# dilation, groups, a transposed convolution and its output padding, a padding's mode)
# or that says how a padding is counted (:data:`PER_SIDE_WORDS`), or a rounding
# (:data:`ROUNDING_WORDS`, :data:`OTHER_ROUNDING_WORDS`): a remark, a comment or the words
# after an answer naming one is read (a value stated, a padding's reading, the formula's
# own rounding) or refused naming it (issue 21: ``(groupwise)``, ``(output padding 1)``,
# ``(same padding)`` were dropped as remarks)
LAYER_PROPERTY_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "dilation": {
        "en": ("atrous", "dilated", "dilation", "dilations", "dilation rate"),
        "zh": ("空洞", "膨胀", "扩张", "带孔"),
        # German, French, Spanish, Portuguese (Duden, Larousse, RAE, Priberam; s18wrong)
        "de": ("dilatiert", "dilatierte", "Dilatation", "Dilatationsrate"),
        "fr": ("dilatée", "dilatation", "à trous"),
        "es": ("dilatada", "dilatación"),
        "pt": ("dilatada", "dilatação"),
    },
    "groups": {
        "en": ("groupwise", "group-wise", "grouped", "groups", "depthwise", "depth-wise"),
        "zh": ("分组", "组卷积", "逐通道", "逐深度", "深度可分离", "深度卷积"),
        "de": ("gruppiert", "gruppierte", "Gruppenfaltung", "tiefenweise", "kanalweise"),
        "fr": ("groupée", "par groupes", "en profondeur", "canal par canal"),
        "es": ("agrupada", "por grupos", "por profundidad", "en profundidad"),
        "pt": ("agrupada", "por grupos", "por profundidade", "em profundidade"),
    },
    "transposed": {
        "en": (
            *("transposed", "transpose", "deconvolution", "deconv", "fractionally strided"),
            # the frameworks' layers (PyTorch's ConvTranspose2d, Keras's Conv2DTranspose,
            # TensorFlow's conv2d_transpose)
            *("ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d", "Conv2DTranspose"),
            *("conv2d_transpose", "conv_transpose2d"),
        ),
        "zh": ("转置", "反卷积", "逆卷积", "上采样卷积"),
        "de": ("transponiert", "transponierte", "Entfaltung"),
        "fr": ("transposée", "déconvolution"),
        "es": ("transpuesta", "deconvolución"),
        "pt": ("transposta", "deconvolução"),
    },
    "output_padding": {
        "en": ("output padding", "output_padding", "output-padding"),
        "zh": ("输出填充",),
    },
    # a padding said by its mode: none (``valid``), or as much as keeps the size
    # (``same``: (⌈h/s_h⌉ − 1) s_h + k_h − h in all, a padding the book's p_h may be) or more
    "padding_valid": {
        "en": ("valid padding", "padding valid", "valid convolution", "'valid'", '"valid"'),
        "zh": ("valid 填充", "valid填充", "有效填充"),
    },
    "padding_same": {
        "en": (
            *("same padding", "full padding", "padding same", "same convolution", "'same'"),
            *('"same"', "same-padding", "zero-padded to the same size", "same-size output"),
            *("same size output", "output the same size"),
        ),
        "zh": (
            *("same 填充", "same填充", "相同填充", "输出与输入同尺寸", "与输入同尺寸"),
            *("输出尺寸不变", "输出大小不变"),
        ),
    },
    "sides": {
        "en": tuple(w for w in PER_SIDE_WORDS if w.isascii()),
        "zh": tuple(w for w in PER_SIDE_WORDS if not w.isascii()),
    },
    "rounding": {
        "en": tuple(
            w
            for w in (*ROUNDING_WORDS["floor"], *ROUNDING_WORDS["ceil"])
            + OTHER_ROUNDING_WORDS["en"]
            if w.isascii()
        ),
        "zh": tuple(
            w
            for w in (*ROUNDING_WORDS["floor"], *ROUNDING_WORDS["ceil"])
            + OTHER_ROUNDING_WORDS["zh"]
            if not w.isascii()
        ),
    },
}
# a remark saying the count before it is per one of these (``c_o (per group)``,
# ``（每组）``) scales it: refused as a remark that changes the formula
# (the other languages' words for "per", "each" and the layer's parts: the book's own
# translations name the parts, d2l-ja チャネル, カーネル, 出力, d2l-ko 채널, 커널, 필터,
# d2l-vi kênh, hạt nhân, bộ lọc, đầu ra (its glossary.md), d2l-pt canal, filtro, saída;
# the German, French, Spanish and Russian ones as :data:`.registry.notations`' parts
# record names them: Filter, Kanal, Ausgabe; filtre, canal, sortie; filtro, salida;
# фильтр, канал, выход)
PER_WORDS: tuple[str, ...] = (
    *("per", "each", "for each", "for every", "every", "每个", "每一", "每"),
    *("pro", "je", "für jeden", "für jede", "für jedes", "jeden", "jede", "jeder", "jedes"),
    *("par", "pour chaque", "chaque", "por", "por cada", "cada", "para cada"),
    *("на", "на каждый", "на каждую", "на каждое", "для каждого", "для каждой", "каждый"),
    *("mỗi", "cho mỗi", "trên mỗi", "với mỗi", "各"),
)
PER_UNITS: tuple[str, ...] = (
    *("group", "groups", "image", "images", "sample", "samples", "example", "pixel", "pixels"),
    *("position", "positions", "element", "elements", "location", "batch", "channel"),
    *("filter", "filters", "kernel", "kernels", "output", "outputs", "neuron", "neurons"),
    *("window", "windows"),
    *("组", "分组", "图像", "图片", "样本", "像素", "位置", "元素", "批", "通道"),
    *("输出", "卷积核", "滤波器", "神经元", "窗口"),
    *("Gruppe", "Bild", "Position", "Element", "Kanal", "Ausgabekanal", "Eingabekanal"),
    *("Kern", "Ausgabe", "Neuron", "Fenster", "Stichprobe", "Beispiel"),
    *("groupe", "pixel", "élément", "canal", "filtre", "noyau", "sortie", "neurone"),
    *("fenêtre", "échantillon", "grupo", "imagen", "píxel", "posición", "elemento"),
    *("filtro", "núcleo", "salida", "neurona", "ventana", "muestra", "imagem", "posição"),
    *("saída", "janela", "amostra", "группу", "группа", "изображение", "пиксель"),
    *("позицию", "элемент", "канал", "фильтр", "ядро", "выход", "нейрон", "окно", "образец"),
    *("nhóm", "ảnh", "hình ảnh", "điểm ảnh", "vị trí", "phần tử", "kênh", "bộ lọc"),
    *("hạt nhân", "đầu ra", "nơ-ron", "cửa sổ", "mẫu"),
    *("グループ", "画像", "ピクセル", "位置", "要素", "チャネル", "チャンネル", "フィルタ"),
    *("カーネル", "出力", "ニューロン", "ウィンドウ", "サンプル", "特徴マップ", "フィーチャマップ"),
    *("그룹", "이미지", "픽셀", "위치", "요소", "채널", "필터", "커널", "출력", "뉴런", "샘플"),
)
# … and the words for "per" after the part, in Japanese and Korean (``フィルタごと``,
# ``필터마다``, ``チャネルあたり``, ``채널당``)
PER_AFTER: tuple[str, ...] = ("ごと", "毎", "あたり", "当たり", "につき", "마다", "당")
# the scripts a lead-in attached to its word may be written in (Han, kana, Hangul)
LEAD_SCRIPTS = r"\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af"

# a formula said in words (``(h minus k plus 1) over s``, ``twice the MACs``,
# ``输入通道数乘以输出通道数乘以卷积核大小的平方``): per language, the words of each
# operation of :mod:`.spoken`'s grammar (binary: plus, minus, times, over; postfix:
# squared, cubed, doubled, halved, floored; prefix: the square, cube, floor or ceiling of,
# twice, thrice, half; a list: the product or sum of A, B and C, or A、B和C的乘积; ``and``
# joins a list; ``then`` opens a clause applied to all before it; ``the`` is dropped
# before a quantity)
SPOKEN: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "plus": ("plus",),
        "minus": ("minus",),
        "times": ("times", "multiplied by", "by"),
        "over": ("divided by", "over"),
        "squared": ("squared",),
        "cubed": ("cubed",),
        "square_of": ("the square of", "square of"),
        "cube_of": ("the cube of", "cube of"),
        "floor_of": ("the floor of", "floor of"),
        "floored": ("rounded down", "floored"),
        "ceil_of": ("the ceiling of", "the ceil of", "ceiling of", "ceil of"),
        "twice": ("twice", "double"),
        "thrice": ("thrice", "triple"),
        "half": ("half of", "half"),
        "product_of": ("the product of", "product of"),
        "sum_of": ("the sum of", "sum of"),
        "and": ("and",),
        "then": ("all", "then", "and then"),
        "the": ("the", "a", "an", "its", "their", "our"),
    },
    "zh": {
        "plus": ("加上", "加"),
        "minus": ("减去", "减掉", "减"),
        "times": ("乘以", "乘上", "乘"),
        "over": ("除以",),
        "squared": ("的平方", "平方"),
        "cubed": ("的立方", "立方"),
        "doubled": ("的两倍", "的2倍", "的二倍"),
        "halved": ("的一半",),
        "twice": ("两倍的", "二倍的", "2倍的", "两倍", "二倍", "2倍"),
        "thrice": ("三倍的", "3倍的", "三倍", "3倍"),
        "tripled": ("的三倍", "的3倍"),
        "floored": ("向下取整", "下取整"),
        "product_end": ("的乘积", "之积", "的积", "相乘"),
        "sum_end": ("的总和", "之和", "的和", "相加"),
        "and": ("以及", "和", "与", "及", "、"),
        "then": ("然后再", "然后", "再"),
    },
    "ja": {
        "plus": ("たす", "足す", "プラス"),
        "minus": ("ひく", "引く", "マイナス"),
        "times": ("かける", "掛ける"),
        "over": ("わる", "割る"),
        "squared": ("の二乗", "の2乗", "の自乗"),
    },
    "ko": {
        "plus": ("더하기",),
        "minus": ("빼기",),
        "times": ("곱하기",),
        "over": ("나누기",),
        "squared": ("의 제곱",),
    },
    "fr": {
        "plus": ("plus",),
        "minus": ("moins",),
        "times": ("fois", "multiplié par"),
        "over": ("divisé par",),
        "squared": ("au carré",),
        "product_of": ("le produit de",),
        "and": ("et",),
    },
    "de": {
        "plus": ("plus",),
        "minus": ("minus",),
        "times": ("mal",),
        "over": ("geteilt durch", "dividiert durch"),
        "squared": ("zum quadrat", "hoch zwei"),
        "and": ("und",),
    },
    "es": {
        "plus": ("más",),
        "minus": ("menos",),
        "times": ("multiplicado por",),
        "over": ("dividido por", "dividido entre"),
        "squared": ("al cuadrado",),
    },
    "pt": {
        "plus": ("mais",),
        "minus": ("menos",),
        "times": ("vezes", "multiplicado por"),
        "over": ("dividido por",),
        "squared": ("ao quadrado",),
    },
    "ru": {
        "plus": ("плюс",),
        "minus": ("минус",),
        "times": ("умножить на", "умноженное на"),
        "over": ("разделить на", "делённое на", "деленное на"),
        "squared": ("в квадрате",),
        "and": ("и",),
    },
}
# words holding an operation word of :data:`SPOKEN` that are no operation (乘法, 乘积,
# 乘加, 减少, 加倍, 增加): read as words
SPOKEN_NOT_OPERATIONS: tuple[str, ...] = (
    *("乘法", "加法", "减法", "除法", "乘积", "乘加", "乘数", "加数", "减数", "除数"),
    *("减少", "减小", "加倍", "增加", "附加", "追加", "叠加", "累加", "加速", "平方米"),
)
# a condition before the formula, up to its comma (``With padding='SAME' and stride=2,
# …``, ``如果步幅为1，…``): dropped, noted
# words saying the other axis (or another quantity) is worked out the same way
# (``… and similarly for the width``, ``宽度同理``): they name it, never the formula's
LIKEWISE: tuple[str, ...] = (
    *("similarly", "likewise", "same", "analogous", "analogously", "identical", "correspond"),
    *("同理", "同样", "类似", "相同", "一样", "同様", "同じ", "마찬가지", "동일"),
    *("аналогично", "так же", "ebenso", "analog", "gleich", "de même", "pareil", "igual"),
)
CONDITIONS: tuple[str, ...] = (
    *("with", "when", "if", "assuming", "given", "for"),
    *("如果", "假设", "假如", "当"),
    *("여기서", "만약", "만일"),
)
# the words opening a clause after a formula that says which tensor it is the size of
# (``… for the padded input``, ``…，对于填充后的输入``), and the articles after them that make
# the clause a condition on the layer instead (``… for a square input``)
OF_TENSOR: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("for", "对于", "对", "für", "pour"),
    (
        *("a", "an", "any", "each", "every", "some", "ein", "eine", "einen", "un", "une"),
        *("任意", "任何", "每个", "一个"),  # attached in Chinese (对于任意输入: for any input)
    ),
)
# a condition said at its clause's end, before the formula, in a language that closes a
# clause so (Korean ``…이라면``, Japanese ``…ならば``: "if …")
CONDITIONS_AFTER: tuple[str, ...] = (
    *("이라면", "라면", "다면", "이면"),
    *("ならば", "とすると", "なら"),
)
# … and the Japanese and Korean negation stems a condition closes (``整数でなければ``,
# ``아니면``: な, 아니) and the endings that close it on them (ければ, 場合; 면, 으면),
# besides :data:`CONDITIONS_AFTER`: the condition's negation, not the formula's
NEGATED_CONDITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ja": (("な",), ("ければ", "場合")),
    "ko": (("아니",), ("면", "으면")),
}
# a remark giving a rate (``(one per filter)``, ``（每个卷积核一个）``) describes, it states
# no operation on the formula
RATE_WORDS: tuple[str, ...] = ("per", "for each", "for every", "each", "every", "每个", "每")
# a count said as a rate, "one X for each Y" (``There is one bias value for each output
# channel``, ``un sesgo por cada canal de salida``): per language with spaces, the words
# for "one" and for "for each"; the count is the number of Y
RATE_ONE: dict[str, tuple[str, ...]] = {
    "en": ("a single", "one", "a", "an", "1"),
    "es": ("un", "una", "uno"),
    "fr": ("un", "une"),
    "de": ("ein", "eine", "einen"),
    "pt": ("um", "uma"),
    "it": ("un", "uno", "una"),
    "ru": ("один", "одно", "одна", "одну", "по одному", "по одной"),
    "vi": ("một", "1"),
}
RATE_PER: dict[str, tuple[str, ...]] = {
    "en": ("for each", "for every", "per", "each"),
    "es": ("por cada", "por"),
    "fr": ("pour chaque", "par"),
    "de": ("für jeden", "für jede", "für jedes", "pro", "je"),
    "pt": ("para cada", "por"),
    "it": ("per ogni", "per"),
    "ru": ("на каждый", "на каждую", "на каждое", "для каждого", "для каждой", "на"),
    "vi": ("cho mỗi", "trên mỗi", "với mỗi", "mỗi"),
}
# … and inside a sentence, English's "to" before Y (``one bias value to the entire filter's
# output``, ``a bias to each filter``)
RATE_TO: tuple[str, ...] = (
    "to each",
    "to every",
    "to the entire",
    "to the whole",
    "for the entire",
)
# … and what may stand before "one" in such a sentence, per language: (connectors,
# "there is", a subject, a verb saying the layer has it, "exactly"), each part optional
# and in this order (``So there is exactly one bias per output channel``, ``we also learn
# one bias per filter``, ``Il y a un biais par canal de sortie``, ``Hay un sesgo por cada
# canal de salida``, ``Es gibt einen Bias pro Filter``); the existential phrases and
# verbs as each language's grammar gives them (Larousse "il y a", RAE "hay", Priberam
# "há", Duden "es gibt", Russian "есть", Vietnamese "có"); any other word before "one"
# (``at least``, ``without``, ``sometimes``, ``más de``, ``jusqu'à``: s17rev F1, F14)
# leaves the sentence unread
RATE_LEADS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("so", "thus", "hence", "therefore", "also", "and", "then", "in practice", "in fact"),
        ("there is", "there are", "there's", "there would be", "there will be"),
        ("we", "you", "it", "the layer", "the network", "the model", "the convolution"),
        (
            *("have", "has", "need", "needs", "add", "adds", "use", "uses", "keep", "keeps"),
            *("include", "includes", "learn", "learns", "get", "gets", "apply", "applies"),
            *("hold", "holds", "require", "requires"),
        ),
        ("exactly", "only", "just"),
    ),
    "fr": (
        ("donc", "ainsi", "alors"),
        ("il y a", "il existe"),
        ("on", "nous"),
        ("a", "avons", "ajoute", "ajoutons", "utilise", "utilisons", "apprend", "apprenons"),
        ("exactement", "seulement"),
    ),
    "es": (
        ("así que", "entonces", "por lo tanto"),
        ("hay", "existe"),
        ("se",),
        ("tenemos", "tiene", "usamos", "usa", "añadimos", "añade", "aprende", "aprendemos"),
        ("exactamente", "solo", "sólo"),
    ),
    "pt": (
        ("então", "portanto", "assim"),
        ("há", "existe"),
        ("se",),
        ("temos", "tem", "usamos", "usa", "adicionamos", "adiciona", "aprende"),
        ("exatamente", "apenas", "só"),
    ),
    "de": (
        ("also", "daher", "somit"),
        ("es gibt",),
        ("wir", "man", "die Schicht"),
        ("haben", "hat", "brauchen", "braucht", "lernen", "lernt", "addieren", "addiert"),
        ("genau", "nur"),
    ),
    "it": (
        ("quindi", "dunque"),
        ("c'è", "c’è", "esiste"),
        ("si",),
        ("abbiamo", "ha", "usiamo", "usa", "aggiungiamo", "aggiunge"),
        ("esattamente", "solo"),
    ),
    "ru": (
        ("итак", "поэтому", "значит"),
        ("есть", "имеется"),
        ("мы",),
        ("имеем",),
        ("ровно", "только"),
    ),
    "vi": (("vì vậy", "do đó", "vậy"), ("có",), ("chúng ta",), ("cần", "dùng"), ("đúng", "chỉ")),
}
# … and inside a longer sentence, the words besides those that may stand right before its
# "one" (``(I think it is true for one bias per one filter…)``, ``we apply one bias value
# to …``): a word there that neither table holds (``about``, ``nearly``, ``mindestens``)
# leaves the rate unread
RATE_INSIDE_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("for", "is", "are", "be", "with", "of", "by", "as"),
    "fr": ("pour", "est", "avec"),
    "es": ("para", "es", "con"),
    "pt": ("para", "é", "com"),
    "de": ("für", "ist", "mit"),
    "it": ("per", "è", "con"),
}
# … the articles a rate's Y may take after "per" (``for each of the output channels``, ``por
# cada uno de los``: "of", then "the"), per language; a word that is a number in any
# language (:data:`CARDINALS`: Spanish ``dos``, "two", is Portuguese's "of the") is none
RATE_ARTICLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("of",), ("the",)),
    "es": (("de",), ("los", "las")),
    "fr": (("de", "des"), ("les",)),
    "de": (("der",), ("die",)),
    "pt": (("dos", "das"), ("os", "as")),
    "it": (("di",), ("gli",)),
}
# the numbers two to ten in words, per language (the dictionaries: Duden, Larousse, RAE,
# Priberam, Treccani; Russian два … десять in the nominative, its feminine две; Vietnamese
# hai … mười; Chinese, Japanese and Korean numerals and counters): after "per" they make
# Y a group (``un sesgo por cada dos canales``: one bias for every two channels, c_o/2;
# s17rev F13), so a rate with one there is unread
CARDINALS: dict[str, tuple[str, ...]] = {
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "pair"),
    "es": ("dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "par"),
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "paire"),
    "de": ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "paar"),
    "pt": (
        *("dois", "duas", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"),
        "par",
    ),
    "it": ("due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "coppia"),
    "ru": (
        *("два", "две", "двух", "три", "трёх", "трех", "четыре", "четырёх", "пять", "шесть"),
        *("семь", "восемь", "девять", "десять", "пару", "пара"),
    ),
    "vi": ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "cặp"),
    "zh": ("二", "两", "俩", "三", "四", "五", "六", "七", "八", "九", "十", "对"),
    "ja": ("二つ", "2つ", "三つ", "3つ", "四つ", "4つ", "ペア"),
    "ko": ("두", "세", "네", "다섯", "여섯", "쌍"),
}
# the words that leave a rate's sentence unread wherever they stand in it, besides the
# bounds (:data:`LEAD_BOUNDS`, :data:`TRAIL_BOUNDS`) and negations: "without" (``sans un
# biais par canal``) and "sometimes" (``a veces un sesgo por …``), per language (the
# dictionaries of :data:`CARDINALS`; Chinese 有时, 偶尔; Japanese 時々, なし; Korean 가끔,
# 없이): a count said absent or said to hold only at times is no count (s17rev F14)
RATE_UNSAID: dict[str, tuple[str, ...]] = {
    "en": ("without", "sometimes", "occasionally", "rarely", "seldom", "at times"),
    "es": ("sin", "a veces", "ocasionalmente", "raramente", "rara vez"),
    "fr": ("sans", "parfois", "quelquefois", "rarement"),
    "de": ("ohne", "manchmal", "gelegentlich", "selten"),
    "pt": ("sem", "às vezes", "por vezes", "raramente"),
    "it": ("senza", "a volte", "talvolta", "raramente"),
    "ru": ("без", "иногда", "редко"),
    "vi": ("không có", "đôi khi", "thỉnh thoảng", "hiếm khi"),
    "zh": ("无", "没有", "有时", "偶尔", "很少"),
    "ja": ("なし", "無し", "時々", "ときどき", "たまに"),
    "ko": ("없이", "없는", "가끔", "때때로"),
}
# … and in scripts without spaces: "for each" before Y and "one" after it (``每个输出通道
# 一个偏置``), or Y, "for each" and "one" (``出力チャンネルごとに1つ``)
RATE_EACH_ATTACHED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "zh": (
        ("每一个", "每个", "每"),
        (
            *("都对应一个", "对应一个", "都有一个", "有一个", "一个", "1个"),
            # … only one (``每个卷积核只有一个偏置``)
            *("都只有一个", "只有一个", "仅有一个"),
            # … with an adverb before "has" (``每个输出通道还有一个偏置项``: also, still)
            *("还有一个", "也有一个", "另有一个", "都还有一个", "也都有一个"),
            # … its own (``每个输出通道有自己的偏置``)
            *("都有自己的", "有自己的", "都有各自的", "有各自的", "各有一个"),
        ),
    ),
    "ja": (("ごとに", "毎に", "につき", "あたり"), ("1つ", "一つ", "1個", "一個")),
    # Korean "per" after Y, then "one" before X or after it (``필터마다 하나의 편향``,
    # ``출력 채널마다 편향 1개``): d2l-ko's 채널, 필터, 편향 (TERMINOLOGY.md)
    "ko": (
        ("마다", "당"),
        ("하나의", "1개의", "한 개의", "1개", "하나", "한 개", "1개씩", "하나씩"),
    ),
}
# … and "each Y has one X" in the scripts that attach a particle to Y: (each, the
# particles after Y, one or own before X, the verbs of having after X); Chinese
# ``一个卷积核只有一个偏置`` (a kernel has only one bias), Japanese ``各フィルタには独自の
# バイアスがあります`` (each filter has its own bias: d2l-ja's バイアス, and 独自の as the
# Japanese translation of the Data Science Stack Exchange's answer on the bias writes it),
# Korean ``각 필터는 자신의 편향을 가집니다``
RATE_HAS_ATTACHED: dict[str, tuple[tuple[str, ...], ...]] = {
    "zh": (
        ("每一个", "每个", "一个"),
        ("",),
        ("都只有一个", "只有一个", "仅有一个", "就一个", "只对应一个", "对应一个", "都有一个"),
        ("",),
    ),
    "ja": (
        ("各",),
        ("には、", "には", "は", "に", "が"),
        ("独自の", "1つの", "一つの", "固有の", "それぞれの", "自分の"),
        ("があります", "がある", "を持つ", "を持ちます", "を持っています", "が1つ", "が一つ"),
    ),
    "ko": (
        ("각",),
        ("는", "은", "마다", "에는", "에"),
        ("하나의", "1개의", "한 개의", "자신의", "고유한", "각자의", "자체"),
        (
            *("를 가진다", "을 가진다", "를 가집니다", "을 가집니다", "를 갖는다", "을 갖는다"),
            *("이 있다", "가 있다", "이 있습니다", "가 있습니다", "이 있음", "가 있음"),
        ),
    ),
}
# … and what closes a Korean rate after its X: the subject's and the topic's particles
# (이, 가; 은, 는), "there is" after "one X" (``필터마다 하나의 편향이 있다``) and the
# copula or "there is" after "X one" (``필터마다 편향은 하나이다``)
RATE_CLOSINGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ko": (("이", "가"), ("은", "는"), ("있다", "있습니다", "있음"), ("이다", "입니다")),
}
# the number of Y, as the reader reads a rate's count (``number of output channel``,
# ``输出通道数``, ``필터 수``), per script: spaced words, Chinese and Japanese, Korean
COUNT_OF: dict[str, str] = {"en": "number of {}", "zh": "{}数", "ko": "{} 수"}
# … and the words that may stand between Y and "has" (``each filter also has a bias``), or
# open "for each Y, … one X" (``For each filter we also learn one bias``)
RATE_ADVERBS: tuple[str, ...] = ("also", "still", "additionally", "always", "then", "too")
RATE_FOR_EACH: tuple[str, ...] = ("for each", "for every")
# … whose subject, after Y, is one of these (Y ends before it)
RATE_SUBJECTS: tuple[str, ...] = (
    *("we", "you", "it", "one", "there is", "there's", "there are"),
    *("the layer", "the network", "the model", "the convolution", "the conv layer"),
)
# … and said the other way round: "each Y has one X" (``Each output channel has its own
# bias``, ``chaque filtre a un biais``, ``jeder Filter hat einen Bias``, ``mỗi bộ lọc có một
# bias``): (each, has, one) per language
RATE_HAS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("each", "every"),
        ("has", "gets", "owns", "carries", "comes with", "is given"),
        ("one", "a", "an", "a single", "its own", "exactly one", "just one", "1"),
    ),
    "fr": (("chaque",), ("a", "possède", "reçoit"), ("un", "une", "son propre", "sa propre")),
    "de": (
        ("jeder", "jede", "jedes", "jeden"),
        ("hat", "besitzt", "bekommt"),
        ("einen", "ein", "eine", "seinen eigenen", "ihren eigenen", "sein eigenes"),
    ),
    "es": (("cada",), ("tiene", "posee", "lleva"), ("un", "una", "su propio", "su propia")),
    "pt": (("cada",), ("tem", "possui"), ("um", "uma", "seu próprio", "sua própria")),
    "it": (("ogni", "ciascun", "ciascuna"), ("ha",), ("un", "uno", "una", "il proprio")),
    "ru": (
        ("каждый", "каждая", "каждое"),
        ("имеет", "получает"),
        ("один", "одну", "одно", "свой", "своё", "свою"),
    ),
    "vi": (("mỗi",), ("có",), ("một", "1")),
}
# … and "one X per Y" inside a sentence (``we apply one bias value to the entire filter's
# output, maintaining …``, ``为每个filter提供相同的bias``): in English, the nouns a bias's
# word may take (``bias value``) and the words that open the clause after Y; in Chinese,
# between Y and the bias, an adverb, a verb of giving, and "the same" (besides
# :data:`RATE_EACH_ATTACHED`'s "one")
RATE_INSIDE: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (
        ("value", "term", "parameter", "scalar"),
        ("and", "so", "which", "while", "maintaining", "since", "because"),
    ),
    "zh": (("实际上", "都", "还", "各"), ("有", "对应", "提供", "配"), ("一个相同的", "相同的")),
}
# … or said as a tie, "X are associated with Y" (``biases are associated with filters``,
# ``les biais sont associés aux filtres``, ``偏置与卷积核一一对应``): the words between X and Y
RATE_TIED: dict[str, tuple[str, ...]] = {
    "en": (
        *("is associated with", "are associated with", "is tied to", "are tied to"),
        *("belongs to", "belong to", "is attached to", "are attached to"),
    ),
    "fr": ("est associé à", "sont associés aux", "sont associés à", "est associé au"),
    "es": ("está asociado a", "están asociados a", "está asociado al", "están asociados al"),
    "pt": ("está associado a", "estão associados a", "está associado ao", "estão associados aos"),
    "de": ("gehört zu", "gehören zu"),
}
# the passes of a layer named in words, every language's, read as a part of a word
# (``backward``, ``Rückwärtsdurchlauf``, ``обратного``): the book's own translations name
# them (d2l-zh 前向传播, 反向传播; d2l-ja 順伝播, 逆伝播; d2l-ko 순전파, 역전파; d2l-vi lan
# truyền xuôi, lan truyền ngược; d2l-pt propagação direta, retropropagação), the others as
# the Wikipedia articles on backpropagation in each language title it (Backpropagation /
# Rückpropagierung, Rétropropagation du gradient, Propagación hacia atrás, Метод
# обратного распространения ошибки)
PASS_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "forward": {
        "en": ("forward", "fwd"),
        "zh": ("前向", "正向"),
        "ja": ("順伝播", "順伝搬", "フォワード"),
        "ko": ("순전파",),
        "tr": ("ileri",),
        "ru": ("прям",),
        "de": ("vorwärts", "vorwaerts"),
        "fr": ("avant",),
        "es": ("hacia adelante",),
        "pt": ("direta", "para frente"),
        "vi": ("xuôi", "lan truyền thuận"),
    },
    "backward": {
        "en": ("backward", "bwd", "backprop"),
        "zh": ("反向", "逆传播"),
        "ja": ("逆伝播", "逆伝搬", "バックワード"),
        "ko": ("역전파",),
        "tr": ("geri",),
        "ru": ("обратн",),
        "de": ("rückwärts", "rueckwaerts", "rückpropagierung", "backpropagation"),
        "fr": ("rétropropagation", "retropropagation", "arrière"),
        "es": ("hacia atrás", "retropropagación", "retropropagacion"),
        "pt": ("retropropagação", "retropropagacao", "para trás"),
        "vi": ("lan truyền ngược", "truyền ngược"),
    },
}
# a layer's parameters named in words, every language's, read as a part of a word
# (``param``, ``parámetros``, ``パラメータ``, ``tham số``; d2l-vi's glossary: parameter,
# tham số; d2l-ko's TERMINOLOGY.md: parameter, 파라미터, and 매개변수 as Korean writes it)
PARAMETER_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("param",),
    "es": ("parám",),
    "zh": ("参数", "參數"),
    "ja": ("パラメータ",),
    "ko": ("파라미터", "매개변수"),
    "ru": ("параметр",),
    "vi": ("tham số",),
}
# a layer's memory, its output and its kernel named in words, every language's, each read
# as a part of a word (``memory``, ``Speicherbedarf``, ``памяти``): the book's
# translations' words (d2l-ja 出力, カーネル, メモリ; d2l-ko 출력, 커널, 메모리; d2l-vi đầu
# ra, hạt nhân, bộ lọc, bộ nhớ; d2l-pt saída, memória, filtro) and the parts record's
# (registry/notations.yaml: sortie, salida, Ausgabe, выход; noyau, filtre, Kern, ядро)
MEMORY_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("memory", "storage", "space complexity"),
    "zh": ("内存", "显存", "存储", "空间复杂度", "空間複雜度"),
    "ja": ("記憶", "メモリ", "空間計算量"),
    "ko": ("메모리", "공간 복잡도", "공간복잡도"),
    "fr": ("mémoire",),
    "es": ("memoria",),
    "pt": ("memória", "memoria"),
    "de": ("speicher",),
    "tr": ("bellek",),
    "ru": ("памят",),
    "vi": ("bộ nhớ",),
}
OUTPUT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("output",),
    "zh": ("输出", "輸出"),
    "ja": ("出力",),
    "ko": ("출력",),
    "fr": ("sortie",),
    "es": ("salida",),
    "pt": ("saída", "saida"),
    "de": ("ausgabe",),
    "ru": ("выход",),
    "vi": ("đầu ra",),
}
# a receptive field's step said in words (issue 21, s18rf; :mod:`.recursion`): the field
# before the layer, a word saying "before" then the field's (``the previous receptive
# field``, ``之前的感受野``, ``기존 receptive field``, the English term kept in Korean notes),
# and the layer's kernel size (``kernel size``, ``卷积核大小``, ``필터 크기``: d2l-ko's 필터,
# 커널; d2l-zh's 卷积核)
FIELD_BEFORE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        ("the previous", "the prior", "the old", "the existing", "previous", "prior", "old"),
        ("receptive field", "RF"),
    ),
    "zh": (
        (
            *("之前的", "之前", "上一层的", "上一层", "上一層的", "上一層", "前一层的", "前一层"),
            *("原来的", "原有的", "已有的"),
        ),
        ("感受野", "receptive field", "视野", "視野"),
    ),
    "ko": (
        ("기존의", "기존", "이전의", "이전", "앞 층의", "이전 층의"),
        ("receptive field", "수용 영역", "수용영역", "리셉티브 필드"),
    ),
}
KERNEL_SIZE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("the kernel size", "the filter size", "kernel size", "filter size"),
    "zh": (
        *("卷积核的大小", "卷积核大小", "卷积核尺寸", "核大小", "过滤器大小", "过滤器尺寸"),
        *("滤波器大小", "滤波器尺寸"),
    ),
    "ko": ("필터의 크기", "커널의 크기", "필터 크기", "커널 크기", "필터 사이즈", "커널 사이즈"),
}
# … the layer's own (``这层的感受野``, ``这层过滤器大小``: the field after the layer, its kernel)
# and the jump, the product of the strides of the layers before it (``前面所有层滑动步长的乘积``)
LAYER_OWN_WORDS: dict[str, tuple[str, ...]] = {
    "zh": ("这一层的", "这一层", "这层的", "这层", "当前层的", "当前层", "本层的", "本层"),
}
JUMP_WORDS: dict[str, tuple[str, ...]] = {
    "zh": (
        *("前面所有层滑动步长的乘积", "前面所有层步长的乘积", "之前所有层步长的乘积"),
        *("前面各层步长的乘积", "前面所有层的步长乘积", "之前所有层的步长乘积"),
    ),
}
KERNEL_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("kernel", "filter", "receptive"),
    "zh": ("核", "感受野"),
    "ja": ("カーネル", "フィルタ"),
    "ko": ("커널", "필터"),
    "fr": ("noyau", "filtre"),
    "es": ("filtro", "núcleo"),
    "pt": ("filtro", "núcleo"),
    "de": ("kern",),
    "ru": ("ядр", "фильтр"),
    "vi": ("hạt nhân", "bộ lọc"),
}
# the words after a part's word that make it the part's count (``kernel count``,
# ``filter number``, ``卷积核数``): a count of kernels, not the kernel
PART_COUNT_AFTER: dict[str, tuple[str, ...]] = {"en": ("count", "number"), "zh": ("数",)}
# the channels' words, before or after which an output's or a kernel's word names the
# channels, not the tensor (``output channels``, ``canal de salida``, ``kênh đầu ra``)
CHANNEL_WORDS: tuple[str, ...] = (
    *("channel", "通道", "チャンネル", "チャネル", "채널", "canal", "canales", "canaux"),
    *("canais", "kanal", "канал", "kênh"),
)
# the bias's own words (a part of an answer about the bias: ``bias: c_o``)
BIAS_WORDS: dict[str, tuple[str, ...]] = {"en": ("bias",), "zh": ("偏置", "偏差")}
# the bias said counted in a count or left out of it in the other languages than English
# and Chinese (whose words are the checker's own patterns): the words before the bias's
# word that count it (``(avec biais)``, ``(con sesgo)``, ``(mit Bias)``, ``(com viés)``)
# or leave it out (``sans``, ``sin``, ``ohne``, ``sem``), an article between, and the
# bias's word (Larousse, RAE, Duden, Priberam; s18wrong F16)
BIAS_SAID: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "with": ("avec", "y compris", "en comptant", "plus", "et"),
        "without": ("sans", "hors"),
        "article": ("le", "les", "l'", "un", "des"),
        "bias": ("biais",),
    },
    "es": {
        "with": ("con", "incluyendo", "incluido", "contando", "más", "y"),
        "without": ("sin",),
        "article": ("el", "los", "un"),
        "bias": ("sesgo", "sesgos"),
    },
    "de": {
        "with": ("mit", "inklusive", "einschließlich", "samt", "plus", "und"),
        "without": ("ohne",),
        "article": ("den", "dem", "die", "der", "einem"),
        "bias": ("Bias", "Biases", "Bias-Term"),
    },
    "pt": {
        "with": ("com", "incluindo", "contando", "mais", "e"),
        "without": ("sem",),
        "article": ("o", "os", "um"),
        "bias": ("viés", "vieses"),
    },
}
# a layer's quantity an example gives with its number (``10 filters``, ``10 个卷积核``): the
# words right after the number, by the symbol they give (issue 21: a count worked
# through an example's numbers, :mod:`.examples`)
EXAMPLE_GIVENS: dict[str, dict[str, tuple[str, ...]]] = {
    "c_o": {
        "en": ("filters", "kernels", "output channels", "out channels", "output feature maps"),
        "zh": ("个过滤器", "个卷积核", "个滤波器", "个输出通道", "个输出特征图"),
    },
    "c_i": {"en": ("input channels", "in channels"), "zh": ("个输入通道",)},
}
# the count an example states for the question asked, with its number (``10 biases``,
# ``10 个偏置``): the words right after the number, by question
EXAMPLE_COUNTS: dict[str, dict[str, tuple[str, ...]]] = {
    "bias-size": {
        "en": ("biases", "bias parameters", "bias terms", "bias values", "bias weights"),
        "zh": ("个偏置", "个偏置参数", "个偏置项", "个偏差", "个偏差参数"),
    },
}
# the tensors of a layer whose gradient a label names (``dX``, ``grad_input``, ``W.grad``,
# ``weight gradient``, ``输入梯度``): each by its letter (the key) and its words, the
# input's, output's and kernel's as the parts record of registry/notations.yaml names the
# whole tensor (its roles ``input``, ``output``, ``kernel``), the weights', and the bias's
# (:data:`BIAS_WORDS`)
GRADIENT_TENSORS: dict[str, tuple[str, ...]] = {
    "x": ("input", "inputs", "输入"),
    "w": ("weight", "weights", "kernel", "权重", "卷积核"),
    "b": (*BIAS_WORDS["en"], *BIAS_WORDS["zh"]),
    "y": ("output", "outputs", "输出"),
}
# a clause opening the answer that says the layer has a bias (``If bias is included,``,
# ``如果有偏置，``): its opening words, then the words saying the bias is there
BIAS_USED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("if", "when", "assuming"), ("included", "used", "present", "enabled", "added", "on")),
    "zh": (("如果", "若", "假如", "当"), ("有", "使用", "包含", "加上", "加", "带")),
}
# ... the words around the bias's (:data:`BIAS_WORDS`) in it: English's before it (an
# article) and after it (a copula: ``If the biases are used,``), Chinese's after the words
# saying it is there (了: ``如果加了偏置``), after the bias's word (项: ``偏置项``) and
# closing the clause (``如果有偏置的话，``, ``…时，``)
BIAS_USED_AROUND: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"before": ("the", "a"), "after": ("is", "are")},
    "zh": {"said": ("了",), "after": ("项",), "closing": ("的话", "时")},
}
# what a rate may count (the X of "one X for each Y"): a bias, in any of the languages above
# (``one weight per filter`` counts no bias: no answer to how many biases there are)
RATE_COUNTED: tuple[str, ...] = (
    *BIAS_WORDS["en"],
    *BIAS_WORDS["zh"],
    *("バイアス", "편향", "바이어스", "sesgo", "biais", "viés"),
    *("polarizzazione", "смещени", "độ lệch", "hệ số điều chỉnh", "Bias-Term"),
)
# the verb of a definition said in words after a connector (``…, where F is the filter
# size``, ``其中 F 为卷积核大小``): read as ``=``
DEFINING: tuple[str, ...] = (
    *("is", "are", "denotes", "means", "represents", "stands for", "is the same as"),
    *("为", "是", "表示", "代表"),
)
# the answer's own glossary (:mod:`.glossary`): a sentence or clause anywhere in the answer
# that defines a letter (``设 N 表示输入通道数``, ``Let F denote the filter size``, ``Here N
# is the number of input channels``, ``步长为 S``, ``the stride S``)
# ... the words that may open it (dropped)
GLOSSARY_LEADS: dict[str, tuple[str, ...]] = {
    "en": (
        *("let", "here", "where", "with", "and", "given", "assume", "suppose", "also"),
        *("we denote", "denote by", "denote", "in which", "we write", "we use", "we have"),
        *("if", "note", "notation", "define", "we define", "let's say", "say"),
    ),
    "zh": (
        *("设", "令", "记", "假设", "其中", "这里", "此处", "若", "如果", "且", "和", "以及"),
        *("并且", "另", "另外", "注", "注意", "定义", "我们用", "用", "假定", "已知"),
    ),
    "ja": ("ここで", "ただし", "なお"),
    "ko": ("여기서", "단"),
    "es": ("donde", "sea", "sean", "con", "y"),
    "fr": ("où", "soit", "soient", "avec", "et"),
    "de": ("wobei", "sei", "seien", "mit", "und", "hier"),
}
# ... the verbs between a letter and the words naming it, letter first (``F 表示卷积核大小``,
# ``F denotes the filter size``, ``F: the filter size``); a mark of its own (``:``,
# ``—``, ``=``) too
GLOSSARY_VERBS: dict[str, tuple[str, ...]] = {
    "en": (
        *("is", "are", "be", "denotes", "denote", "represents", "represent", "means"),
        *("stands for", "stand for", "is the same as", "refers to", "refer to", "for"),
        *("is defined as", "are defined as", "indicates", "indicate", "equals"),
        *("is used for", "is used to denote", "as"),
    ),
    "zh": (
        *("分别表示", "分别为", "分别是", "分别代表", "表示", "为", "是", "代表", "指"),
        *("指的是", "即", "记作", "对应"),
    ),
    "ja": ("は",),
    "ko": ("는", "은"),
    "es": ("es", "son", "denota", "representa"),
    "fr": ("est", "sont", "désigne", "représente"),
    "de": ("ist", "sind", "bezeichnet", "steht für"),
    "marks": (":", "：", "=", "—", "–", "→", "->"),
}
# ... the verbs between the words and the letter, words first (``步长为 S``, ``the
# kernel size is K×K``, ``卷积核大小记为 F``)
GLOSSARY_NAMED: dict[str, tuple[str, ...]] = {
    "en": ("is", "are", "of", "denoted", "denoted by", "written", "called", "named", "="),
    "zh": ("记为", "设为", "记作", "用", "为", "是", "："),
    "es": ("es",),
    "fr": ("est",),
    "de": ("ist",),
}
# ... the words naming a size by its two axes, for two letters named at once (``HxW
# 表示输入特征图的空间尺寸``, ``H and W are the output height and width``): read as the size
# (the first letter its height, the second its width; a width named first swaps them)
GLOSSARY_PAIRS: dict[str, tuple[str, ...]] = {
    "en": (
        *("height and width", "width and height", "heights and widths", "height, width"),
        *("spatial dimensions", "spatial size", "spatial sizes", "dimensions", "h and w"),
        *("height and width respectively", "rows and columns"),
    ),
    "zh": (
        *("高和宽", "高与宽", "高及宽", "高、宽", "宽和高", "宽与高", "高度和宽度", "宽度和高度"),
        *("长和宽", "长宽", "高宽", "宽高", "空间尺寸", "空间大小", "空间维度", "尺寸"),
    ),
}
# ... words closing its words that name nothing (``respectively``)
GLOSSARY_AFTER: tuple[str, ...] = ("respectively", "resp.", "分别", "各自", "。", ".")
# ... articles opening its words (``la taille``), dropped before they are read
GLOSSARY_ARTICLES: tuple[str, ...] = (
    *("the", "a", "an", "el", "la", "los", "las", "le", "les", "l'", "die", "der", "das"),
    *("den", "dem", "its", "their"),
)
# ... what joins two letters named at once (``H and W``, ``H 和 W``, ``H、W``)
GLOSSARY_JOINS: tuple[str, ...] = (
    *("and", "&", "和", "与", "及", "、", ",", "，", "/", "x", "×", "*", "\\times", "·"),
    *("y", "et", "und"),
)
# ... what opens the formula's sentence once the glossary before it is taken out (``Then
# the output is …``, ``则 …``): dropped
GLOSSARY_THEN: tuple[str, ...] = (
    *("then", "so", "thus", "hence", "therefore", "dann", "entonces", "alors", "donc"),
    *("则", "那么", "于是", "所以", "因此", "故"),
)
# ... what joins two definitions in one clause (``F denote the filter size and S the
# stride``, ``F 为卷积核大小且 S 为步长``)
GLOSSARY_AND: tuple[str, ...] = ("and", "y", "et", "und", "以及", "并且", "和", "及", "且")
# ... the width's word opening the words of two letters (``W, H: width and height``): the
# first letter the width
GLOSSARY_WIDTH: tuple[str, ...] = ("width", "宽")
# a copula opening the answer, with no subject (``equal to the number of output
# channels``, ``It is c_o``, ``等于 c_o``): dropped as a lead-in
BARE_COPULAS: tuple[str, ...] = (
    *("it is", "it's", "that is", "that's", "this is", "equal to", "equals", "is"),
    *("should be", "must be", "would be", "will be", "becomes", "the same as", "same as"),
    *("等于", "为", "是", "应为", "应该是"),
)
# "the same as X" said the Chinese way, around X (``和输出通道数相同``, ``与 c_o 一样``)
SAME_AS: tuple[tuple[str, ...], tuple[str, ...]] = (
    ("和", "与", "跟", "同"),
    ("相同", "一样", "相等", "一致"),
)
# … and after it alone, in Japanese and Korean (``出力チャンネル数と同じ``, ``c_o와 같다``)
SAME_AS_AFTER: tuple[str, ...] = (
    *("と同じ", "と等しい", "に等しい"),
    *("와 같다", "과 같다", "와 같음", "과 같음", "와 같습니다", "과 같습니다"),
)
# a conclusion after words (``one bias per output channel, so c_o``, ``每个输出通道一个，
# 所以是 c_o``): the formula after it is the answer, the words before it dropped
CONCLUSIONS: tuple[str, ...] = (
    *("so", "thus", "therefore", "hence", "i.e.", "ie", "that is", "which is", "giving"),
    *("所以", "因此", "故", "即", "也就是"),
)
# a question proposing the formula after it, no denial (``shouldn't that be equal to
# out_channels?``, ``Shouldn't this be `…` ``)
PROPOSALS: tuple[str, ...] = (
    *("shouldn't that be", "shouldn't this be", "shouldn't it be", "should not that be"),
    *("shouldn't that", "shouldn't this", "shouldn't it", "isn't it", "wouldn't it be"),
    *("shouldn’t that be", "shouldn’t this be", "shouldn’t it be"),
)

# words that join a letter's name to it in a sentence, not part of the name (``with a
# filter of size $f$``, ``con un filtro de tamaño $F$``, ``mit der Schrittweite $S$``)
NAME_FILLERS: tuple[str, ...] = (
    *("with", "and", "or", "of", "a", "an", "the", "its", "their", "where", "here"),
    *("let", "be", "we", "to", "by", "from", "in", "on", "for", "as", "is", "are"),
    *("has", "have", "denote", "denotes", "called", "named", "written", "say"),
    *("con", "un", "una", "el", "la", "los", "las", "de", "del", "y", "es", "se"),
    *("avec", "le", "les", "des", "du", "et", "est", "une"),
    *("mit", "der", "die", "das", "den", "dem", "und", "von", "ist", "ein", "eine", "einem"),
)


# a letter of any script, as a bound of :func:`words_pattern`
LETTER = r"[^\W\d_]"


def words_pattern(*words: str, before: str = "", after: str = "") -> str:
    """An alternation of ``words``, longest first, a space in one matching any spaces.
    A word of a language that spaces its words (no character of :data:`LEAD_SCRIPTS`:
    English, German, Russian, Vietnamese) matches only where no character of the class
    ``before`` is right before it and none of ``after`` right after it (``[A-Za-z]``,
    :data:`LETTER`; empty: no bound on that side); the others (Chinese, Japanese, Korean,
    attached to their neighbours) match anywhere."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(
        _bounded(re.escape(w).replace(r"\ ", r"\s+"), w, before, after) for w in ordered
    )


def attached(word: str) -> bool:
    """Whether ``word`` holds a character of a script written without spaces between
    words, or with words and their particles attached (:data:`LEAD_SCRIPTS`: Han, kana,
    Hangul): such a word is found inside others, never bounded."""
    return bool(re.search(f"[{LEAD_SCRIPTS}]", word))


def _bounded(pattern: str, word: str, before: str, after: str) -> str:
    if attached(word):
        return pattern
    return (f"(?<!{before})" if before else "") + pattern + (f"(?!{after})" if after else "")


def every_word(record: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words of a {language: words} record (:data:`LEAD_BOUNDS`), every language's."""
    return tuple(word for words in record.values() for word in words)


@cache
def multiplier_words() -> re.Pattern:
    """The multiplying words of :data:`SPOKEN` (its operations :data:`MULTIPLYING`;
    English ``by``, a preposition in prose, and 乘 alone, the first character of the
    count names 乘法 and 乘加, left out) and :data:`MULTIPLIER_WORDS`, English as whole
    words."""
    words = {w for ops in SPOKEN.values() for op in MULTIPLYING for w in ops.get(op, ())}
    words |= {w for ws in MULTIPLIER_WORDS.values() for w in ws}
    words -= {"by", "乘"}
    return re.compile(words_pattern(*words, before="[A-Za-z]", after="[A-Za-z]"), re.I)
