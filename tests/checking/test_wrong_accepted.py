"""Wrong answers of our own found accepted by this session's adversarial review (s18wrong),
none of which may be accepted (issue 21: "no wrong answer accepted"), and right answers
of the same shapes that must still read.  Each row is an answer with the verdict it
gets, through ``check`` and ``grade``, in en and zh.

- F2, a letter glossed by words naming another quantity, or a count labelled by a
  parameter's name: ``K (kernel size)``, ``K (stride)``, ``F (filter size)``, ``U
  (kernel width)`` answering the bias count or standing for a missing factor were read
  by another notation or by inference as whatever made the answer right (K → c_o, U →
  m_w), the gloss read only as the answer's name; now a one-letter name no spelling of
  ours reads as written is what its gloss names (``F (number of filters)``: c_o, right).
  A count or the bias labelled by a parameter's name (``kernel size: …``, ``the padding
  is …``, ``… (stride)``, ``…（步幅）``, ``… (input channels)``) was read as if the label
  named it; now refused as a label naming another quantity.
- F8, code that makes a tensor once an iteration (``[torch.zeros(c_o) for _ in
  range(c_i)]``): the ``for … in …`` was dropped as a condition after the formula, so
  c_i copies of c_o biases read as c_o; now never dropped.
- F12, a letter of no role (no hint: U, Q, X, Y, A) written as a factor of a product
  beside other quantities was inferred as the one quantity the product lacked (``c_o
  c_i k_h U m_h m_w``: U as k_w; ``c_o c_i k_h k_w Y m_w``: Y as m_h): in a product any
  missing quantity fits that place, so the reading was unique by construction, whatever
  the letter meant; now refused, naming the letter.  A letter with a role (C, D, M, F)
  is still inferred among its role's quantities, a letter of no role where its place in
  a sum or as a divisor says its role (``(h - U + p_h)//s_h + 1``), and a notation that
  names the letter reads it (``c_o c_i U V m_h m_w``: Qiu's U × V kernel).
- F16, remarks in German, French, Spanish and Portuguese: a bracketed remark that states
  an operation or a number (``(mal zwei)``, ``(fois deux)``, ``(por dos)``, ``(vezes
  dois)``, ``(dreimal)``, ``(doppelt)``, ``(multiplicado por dos)``) was dropped as words
  (English's and Chinese's were refused); a remark saying the bias is counted in French,
  Spanish or Portuguese (``(avec biais)``, ``(con sesgo)``) beside a count without it was
  dropped (English's and Chinese's refused); and ``(double)`` closing an answer was read
  as C's cast.  Now each is refused as its English form is.

The battery (second table): answers of the shapes the checker reads, for each question,
found accepted wrongly and now refused:

- a remark naming the backward pass beside a forward count (``(backward pass)``,
  ``（反向传播）``), or naming the asked count with another (``(additions and
  multiplications)``, ``(加法和乘法)``, ``(sumas y multiplicaciones)`` answering the
  multiplications: their sum's words);
- a remark naming the counting (``(in MACs)``, ``(en MACs)``) beside the count of
  FLOPs, which the same word after the formula already held to MACs;
- the bias said counted with "and" (``… and the bias``, ``(and bias)``, ``(y sesgo)``,
  ``(et biais)``) beside a count without it;
- a negation in German, French, Spanish, Portuguese (``(nicht richtig)``, ``(pas
  correct)``, ``(no es correcto)``, ``(não está correto)``), as ``(not correct)`` is;
- an operation in German not yet read (``, dann verdoppelt``, ``(halbiert)``,
  ``(quadriert)``, ``(weniger eins)``), a rounding (``(aufgerundet)``, ``(redondeado hacia
  arriba)``) after a floor, a padding said per side (``(relleno en cada lado)``,
  ``(Padding pro Seite)``) beside a total padding;
- the other axis's rows or columns in German, French, Spanish (``(Zeilen)``,
  ``(lignes)``, ``(filas)`` answering the width);
- a parameter's name labelling the pointwise count (``stride: …``);
- a factor sentence saying the factor is per a part of the layer (``4 times as many per
  input channel``, ``每个输出通道变为原来的 4 倍``), as a remark in brackets saying so is;
- a code comment saying the padding is per side beside a formula that adds it once
  (``… # padding on each side``), or stating a multiplier (``… # doubled``, ``… # times
  the batch``), as a remark in brackets or a label saying so is;
- a memory's unit in brackets (``… (in bytes)``, ``… (en octets)``) beside the count of
  elements, read as the same word after the formula is;
- code's iteration after a formula read from prose (``… for _ in range(n)``): the
  formula once an iteration, as F8's tensor is;
- a remark naming a gradient beside a forward count (``(dX)``, ``(weight gradient)``),
  and Italian roundings (``(arrotondato per eccesso)`` after a floor);
- a remark naming a property of another layer in German, French, Spanish, Portuguese
  (``(tiefenweise)``, ``(en profondeur)``, ``(transponiert)``), as ``(depthwise)``,
  ``(transposed)`` are;
- a remark naming the input's size beside an output size (``(Eingabebreite)``), or the
  output's size beside the composed kernel's (``(taille de sortie)``), in words the
  English checks did not read (their roles by the parts record).
"""

from tests.checking.rows import guard, review_tests

OH, OW = "output-height", "output-width"
FM, FA, FO, BIAS = "forward-mults", "forward-adds", "forward-ops", "bias-size"
N, W = "invalid_input", "not_equivalent"
R, UC = "equivalent", "equivalent_under_convention"
HEIGHT = "(h - k_h + p_h)//s_h + 1"
MULTS = "c_o c_i k_h k_w m_h m_w"
ADDS = "c_o m_h m_w (c_i k_h k_w - 1)"

# (question, wrong answer, verdict)
WRONG = [
    # F2: a one-letter name glossed by another quantity's words
    (BIAS, "K (kernel size)", W),
    (BIAS, "K（卷积核大小）", W),
    (BIAS, "K (stride)", W),
    (BIAS, "K (padding)", W),
    (BIAS, "K (input channels)", W),
    (BIAS, "F (stride)", W),
    (BIAS, "F（步幅）", W),
    (BIAS, "F (filter size)", W),
    (BIAS, "U (kernel size)", W),
    (FM, "c_o c_i k_h k_w m_h U (kernel width)", W),
    (OH, "(X (stride) - k_h + p_h)//s_h + 1", W),
    # F2: a count or the bias labelled by a parameter's name
    (BIAS, "c_o (stride)", N),
    (BIAS, "c_o（步幅）", N),
    (BIAS, "c_o (kernel size)", N),
    (BIAS, "stride: c_o", N),
    (BIAS, "the stride is c_o", N),
    (BIAS, "kernel size = c_o", N),
    (BIAS, "input channels: c_o", N),
    (FM, f"kernel size: {MULTS}", N),
    (FM, f"the padding is {MULTS}", N),
    (FM, f"{MULTS} (padding)", N),
    (FM, f"{MULTS}（步幅）", N),
    (FM, f"{MULTS} (stride)", N),
    (FM, f"{MULTS} (kernel size)", N),
    (FM, f"{MULTS} (input channels)", N),
    (FM, f"{MULTS} (output channels)", N),
    (FA, f"{ADDS}（填充）", N),
    # F8: a tensor made once an iteration
    (BIAS, "[torch.zeros(c_o) for _ in range(c_i)]", N),
    (BIAS, "b = [torch.zeros(c_o) for _ in range(c_i)]", N),
    (BIAS, "[np.zeros(c_o) for i in range(c_i)]", N),
    (BIAS, "[torch.zeros(c_o) for _ in range(k_h)]", N),
    guard(BIAS, "np.zeros((c_i, c_o))", W),  # so on main too
    # F12: a letter of no role as a product's factor, inferred as the factor it lacks
    (FM, "c_o c_i k_h U m_h m_w", N),
    (FM, "c_o c_i k_h k_w Y m_w", N),
    (FM, "c_o c_i k_h k_w m_h U", N),
    (FM, "U c_i k_h k_w m_h m_w", N),
    (FM, "c_o Q k_h k_w m_h m_w", N),
    (FM, "c_o c_i k_h k_w m_h X", N),
    (FA, "c_o m_h m_w (c_i k_h U - 1)", N),
    (FA, "c_o A m_w (c_i k_h k_w - 1)", N),
    (FM, "c_o*c_i*k_h*G*m_h*m_w", W),  # (G, a group count's letter: wrong either way)
    # F16: a remark stating an operation or a number, in other languages
    (FM, f"{MULTS} (mal zwei)", N),
    (FM, f"{MULTS} (fois deux)", N),
    (FM, f"{MULTS} (por dos)", N),
    (FM, f"{MULTS} (vezes dois)", N),
    (FM, f"{MULTS} (dreimal)", N),
    (FM, f"{MULTS} (doppelt)", N),
    (FM, f"{MULTS} (multiplicado por dos)", N),
    (FM, f"{MULTS} (multipliziert mit zwei)", N),
    (FM, f"{MULTS} (double)", N),
    guard(FM, f"{MULTS}（乘以2）", N),  # so on main too
    (OH, f"{HEIGHT} (double)", N),
    # F16: the bias said counted beside a count without it
    (FA, f"{ADDS} (avec biais)", N),
    (FA, f"{ADDS} (con sesgo)", N),
    (FA, f"{ADDS} (com viés)", N),
    guard(FA, f"{ADDS} (含偏置)", N),  # so on main too
    (FO, "c_o m_h m_w (2 c_i k_h k_w - 1) (avec le biais)", N),
]

# (question, right answer, verdict): the same shapes, right, still read
STILL_READ = [
    (BIAS, "K (number of filters)", R),
    (BIAS, "F (number of filters)", R),
    (BIAS, "F (filters)", R),
    (BIAS, "K (filters)", R),
    (BIAS, "U (output channels)", R),
    (BIAS, "Q（输出通道数）", R),
    (BIAS, "c_o (output channels)", R),
    (BIAS, "c_o（输出通道数）", R),
    (BIAS, "number of output channels: c_o", R),
    (BIAS, "one per output channel: c_o", R),
    (FM, "c_o c_i k_h k_w m_h U (output width)", R),
    (FM, "c_o c_i U V m_h m_w", R),
    (FM, "c_o C k_h k_w m_h m_w", R),
    (OH, "(h - U + p_h)//s_h + 1", R),
    (OH, "(h - k_h + p_h)//U + 1", R),
    (OW, "(X - k_w + p_w)//s_w + 1", R),
    ("compose-size", "k_1 + Q - 1", R),
    (OH, "(X (input height) - k_h + p_h)//s_h + 1", R),
    (FM, f"{MULTS} (multiplications)", R),
    (FM, f"{MULTS}（乘法次数）", R),
    (FM, f"{MULTS} (c_o output channels)", R),
    (BIAS, "torch.zeros(c_o)", R),
    (BIAS, "np.zeros((c_o, 1, 1))", R),
    (FM, f"(double){MULTS.replace(' ', ' * ')}", R),
    (OH, "(int)((double)(h - k_h + p_h) / s_h) + 1", R),
    (FM, f"{MULTS} (sans biais)", R),
    (FM, f"{MULTS} (sin sesgo)", R),
    (FM, f"{MULTS} (不含偏置)", R),
    (FA, f"{ADDS} (sans biais)", R),
    (FA, f"{ADDS} (sin sesgo)", R),
    (BIAS, "1 par filtre", R),
    (BIAS, "1 por filtro", R),
]


FO_RIGHT = "c_o m_h m_w (2 c_i k_h k_w - 1)"
WIDTH = "(w - k_w + p_w)//s_w + 1"
POINTWISE = "c_o (2 c_i - 1) ((h + p_h - 1)//s_h + 1) ((w + p_w - 1)//s_w + 1)"

WRONG += [
    (FM, f"{MULTS} (backward pass)", N),
    (FM, f"{MULTS} (backward)", N),
    (FM, f"{MULTS} (反向传播)", N),
    (FM, f"{MULTS} (additions and multiplications)", N),
    (FM, f"{MULTS} (Additionen und Multiplikationen)", N),
    (FM, f"{MULTS} (sumas y multiplicaciones)", N),
    (FM, f"{MULTS} (加法和乘法)", N),
    (FO, f"{FO_RIGHT} (in MACs)", W),
    (FO, f"{FO_RIGHT} (en MACs)", W),
    (FA, f"{ADDS} and the bias", N),
    (FA, f"{ADDS} (and bias)", N),
    (FA, f"{ADDS} (y sesgo)", N),
    (FA, f"{ADDS} (et biais)", N),
    (FA, f"{ADDS} y el sesgo", N),
    (FM, f"{MULTS} (nicht richtig)", N),
    (FM, f"{MULTS} (pas correct)", N),
    (FM, f"{MULTS} (no es correcto)", N),
    (FM, f"{MULTS} (não está correto)", N),
    (FM, f"{MULTS}, dann verdoppelt", N),
    (FM, f"{MULTS} (verdoppelt)", N),
    (OH, f"{HEIGHT} (halbiert)", N),
    (OH, f"{HEIGHT} (quadriert)", N),
    (OH, f"{HEIGHT} (weniger eins)", N),
    (OH, f"{HEIGHT} (aufgerundet)", N),
    (OH, f"{HEIGHT} (redondeado hacia arriba)", N),
    (OH, f"{HEIGHT} (relleno en cada lado)", W),
    (OH, f"{HEIGHT} (Padding pro Seite)", W),
    (OW, f"{WIDTH} (Zeilen)", N),
    (OW, f"{WIDTH} (lignes)", N),
    (OW, f"{WIDTH} (filas)", N),
    (OH, f"{HEIGHT} (colonnes)", N),
    ("pointwise-complexity", f"stride: {POINTWISE}", N),
    ("double-channels", "4 times as many per input channel", N),
    ("double-channels", "about 4 times as many, per output channel", N),
    ("double-channels", "每个输出通道变为原来的 4 倍", N),
    (OH, "(h - k_h + p_h)/s_h + 1  # padding on each side", W),
    (FM, "c_o*c_i*k_h*k_w*m_h*m_w  # doubled", N),
    (FM, "c_o*c_i*k_h*k_w*m_h*m_w  # times the batch", N),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w (in bytes)", W),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w (en octets)", W),
    (FM, f"{MULTS} (bytes)", N),
    (FM, "c_o * c_i * k_h * k_w * m_h * m_w for _ in range(n)", N),
    (FM, "c_o * c_i * k_h * k_w * m_h * m_w for b in range(batch)", N),
    (OW, f"{WIDTH} (Eingabebreite)", N),
    (OW, f"{WIDTH} (输入宽度)", N),
    ("compose-size", "k_1 + k_2 - 1 (taille de sortie)", N),
    (FM, f"Số phép nhân là {MULTS} nhân hai", N),  # (Vietnamese: times two)
    (FM, f"{MULTS} (dX)", N),
    (FM, f"{MULTS} (weight gradient)", N),
    (OH, f"{HEIGHT} (arrotondato per eccesso)", N),
    (FM, f"{MULTS} (tiefenweise)", N),
    (FM, f"{MULTS} (en profondeur)", N),
    (FM, f"{MULTS} (por profundidad)", N),
    (FM, f"{MULTS} (逐深度)", N),
    (FM, f"{MULTS} (transponiert)", N),
    (OH, f"{HEIGHT} (transponiert)", N),
    (OH, f"{HEIGHT} (transpuesta)", N),
]

STILL_READ += [
    (FM, f"{MULTS} (forward pass)", R),
    (FM, f"{MULTS} (前向传播)", R),
    (FO, f"{FO_RIGHT} (multiplications and additions)", R),
    (FO, f"{FO_RIGHT} (乘法和加法)", R),
    (FO, f"{FO_RIGHT} (FLOPs)", R),
    (FO, f"{MULTS} (in MACs)", UC),
    (FM, f"{MULTS} (MACs)", R),
    (FM, f"{MULTS} (richtig)", R),
    (FA, "c_o m_h m_w c_i k_h k_w (and the bias)", UC),
    (BIAS, "c_o (y el sesgo)", R),
    (OH, f"{HEIGHT} (abgerundet)", R),
    (OH, f"{HEIGHT} (Zeilen)", R),
    (OW, f"{WIDTH} (Spalten)", R),
    (OW, "(W - F + 2P)/S + 1 (P auf jeder Seite)", UC),
    ("pointwise-complexity", POINTWISE, R),
    ("double-channels", "4 times as many", UC),
    ("double-channels", "变为原来的 4 倍", UC),
    (OH, "(h - k_h + 2*p_h)//s_h + 1  # padding on each side", UC),
    (FM, "c_o*c_i*k_h*k_w*m_h*m_w  # one multiplication per weight and output position", R),
    (FM, "mults = c_o*c_i*k_h*k_w*m_h*m_w  # 乘法次数", R),
    ("forward-memory", "c_i h w + c_o c_i k_h k_w + c_o m_h m_w (elements)", R),
    ("forward-memory", "4 (c_i h w + c_o c_i k_h k_w + c_o m_h m_w) (bytes)", UC),
    (BIAS, "c_o (elements)", R),
    (OH, f"{HEIGHT} (output height)", R),
    (OW, f"{WIDTH} (Ausgabebreite)", R),
    ("compose-size", "k_1 + k_2 - 1 (kernel size)", R),
    ("compose-size", "k_1 + k_2 - 1 (卷积核大小)", R),
    (FM, f"Số phép nhân là {MULTS}", R),
    (OH, f"{HEIGHT} (arrotondato per difetto)", R),
]


(
    test_a_wrong_answer_in_a_new_form_is_never_accepted,
    test_a_right_answer_in_the_same_form_still_reads,
    test_grade_gives_the_same_verdicts,
) = review_tests(WRONG, STILL_READ)
