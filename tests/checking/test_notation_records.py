"""Issue 21, other courses' and libraries' notations, one registry record each with its
citation (``registry/notations.yaml``: cuDNN/CUTLASS, oneDNN, Deep Learning from
Scratch, ONNX, MXNet, darknet, UFLDL, Torch7/THNN, PaddlePaddle; the Deep Learning Specialization, which the
parts record cites): for each, answers
of our own written in that notation, right and wrong, through ``check`` and ``grade``
with feedback in both languages.  A letter two records read differently (K: the book's
kernel, cuDNN's output channels) is never read by a record alone: the book's reading
first, the other only where it alone matches and makes the answer right."""

import pytest

from derivations import grade
from derivations.checking import check, feedback
from derivations.messages import text
from derivations.registry.notations import notation_letters, notations
from tests.checking.rows import GUARD, Guard, guard

RIGHT = ("equivalent", "equivalent_under_convention")

# record -> [(question, answer, right?)]: answers of our own in that notation
TABLES = {
    "cudnn": [
        ("forward-mults", "K*P*Q*C*R*S", True),
        ("forward-mults", "N*K*C*R*S*P*Q", True),  # the batch counted
        ("forward-ops", "2*K*C*R*S*P*Q", True),  # FLOPs = 2 MACs
        ("forward-adds", "K*P*Q*(C*R*S - 1)", True),
        ("forward-memory", "C*H*W + K*C*R*S + K*P*Q", True),
        ("output-height", "(H + 2*pad_h - dilation_h*(R-1) - 1)//u + 1", True),
        ("bias-size", "K", True),
        ("forward-mults", "K*C*R*S*P*P", False),
        ("forward-adds", "K*P*Q*(C*R*S - 2)", False),
    ],
    "onednn": [
        ("forward-mults", "OC*IC*KH*KW*OH*OW", True),
        ("output-width", "(IW - KW + PW_L + PW_R)//SW + 1", True),
        ("output-height", "(IH - DKH + PH_L + PH_R)//SH + 1", True),
        ("forward-mults", "IC*KH*KW*OH*OW", False),
        ("output-width", "(IW - KW + PW_L)//SW + 1", False),
        ("output-height", "(IH - KH + PH_L + PH_R)//SH", False),
    ],
    "dl_from_scratch": [
        ("forward-mults", "FN*C*FH*FW*OH*OW", True),
        ("forward-ops", "2*FN*C*FH*FW*OH*OW", True),
        ("output-height", "(H + 2*P - FH)//S + 1", True),
        ("bias-size", "FN", True),
        ("forward-mults", "C*FH*FW*OH*OW", False),
        ("output-width", "(W + 2*P - FH)//S + 1 + FW - FW*W", False),
    ],
    "parts": [  # the Deep Learning Specialization, which the parts record cites
        ("output-height", "(n_H_prev - f + 2*pad)//stride + 1", True),
        ("forward-mults", "n_H*n_W*n_C*f*f*n_C_prev", True),
        ("forward-mults", "n_H*n_W*f*f*n_C_prev", False),
        ("output-height", "(n_H_prev - f)//stride + 1", False),
    ],
    "onnx": [
        ("output-height", "(H + pads[0] + pads[2] - k_h)//strides[0] + 1", True),
        ("output-width", "(W + pads[1] + pads[3] - k_w)//strides[1] + 1", True),
        # (k_h*dilations[0], the dilation where it does not act: test_held_placed.py)
        ("output-height", "(H + 2*pads[0] - dilations[0]*(k_h - 1) - 1)//strides[0] + 1", True),
        ("forward-mults", "c_o*c_i/group*k_h*k_w*m_h*m_w", True),
        ("output-height", "(H + pads[0] - k_h)//strides[0] + 1", False),
        ("output-width", "(W + pads[0] + pads[2] - k_w)//strides[1] + 1", False),
    ],
    "mxnet": [
        (
            "output-height",
            "floor((height+2*pad[0]-dilate[0]*(kernel[0]-1)-1)/stride[0])+1",
            True,
        ),
        ("forward-mults", "num_filter*channel*kernel[0]*kernel[1]*out_height*out_width", True),
        ("bias-size", "num_filter", True),
        ("output-height", "floor((height+pad[0]-dilate[0]*(kernel[0]-1)-1)/stride[0])+1", False),
        ("forward-mults", "num_filter*kernel[0]*kernel[1]*out_height*out_width", False),
    ],
    "darknet": [
        ("output-width", "(l.w + 2*l.pad - l.size) / l.stride_x + 1", True),
        ("output-height", "(l.h + 2*l.pad - l.size) / l.stride + 1", True),
        ("forward-ops", "2.0 * l.n * l.size*l.size*l.c/l.groups * l.out_h*l.out_w", True),
        ("bias-size", "l.out_c", True),
        ("output-height", "(l.h + 2*l.pad - l.size) / l.stride", False),
        ("forward-mults", "l.size*l.size*l.c * l.out_h*l.out_w", False),
    ],
    "ufldl": [
        ("forward-mults", "numFilters*numChannels*filterDim*filterDim*convDim*convDim", True),
        ("output-height", "(imageDim - filterDim + 2*pad)//stride + 1", True),
        ("bias-size", "numFilters", True),
        ("output-height", "convDim = imageDim - filterDim + 1", False),
        ("forward-mults", "numFilters*filterDim*filterDim*convDim*convDim", False),
    ],
    "torch7": [
        (
            "output-width",
            "outputWidth = floor((inputWidth + 2*padW - (dilationW * (kW - 1) + 1)) / dW) + 1",
            True,
        ),
        ("output-height", "(inputHeight + 2*padH - kH) / dH + 1", True),
        ("bias-size", "nOutputPlane", True),
        (
            "output-width",
            "owidth = floor(width + 2 * padW - dilationW * (kW-1) + 1) / dW + 1",
            False,
        ),
        ("forward-mults", "nInputPlane*kW*kH*oheight*owidth", False),
    ],
    "keras1": [
        ("forward-mults", "nb_filter * c_in * nb_row * nb_col * out_h * out_w", True),
        ("output-width", "(cols - nb_col + p_w + subsample[1])//subsample[1]", True),
        ("output-height", "(rows - nb_row + 2*pad)//subsample[0] + 1", True),
        ("output-width", "(cols - nb_col)/subsample + 1", False),
        ("forward-mults", "nb_filter * nb_row * nb_col * rows * cols", False),
    ],
    "formulas_page": [  # g, the groups (1 at the book's layers), as formulas.md writes it
        ("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w/g", True),
        ("forward-ops", "c_o*m_h*m_w*(2*c_i*k_h*k_w/g - 1)", True),
        ("forward-memory", "c_i*h*w + c_o*c_i*k_h*k_w/g + c_o*m_h*m_w", True),
        guard("forward-mults", "c_i*k_h*k_w*m_h*m_w/g", False),
        guard("forward-adds", "c_o*m_h*m_w*(c_i*k_h*k_w/g - 2)", False),
    ],
    "paddle": [
        (
            "output-height",
            "(H_in + 2 * paddings[0] - (dilations[0] * (H_f - 1) + 1)) // strides[0] + 1",
            True,
        ),
        ("forward-mults", "num_filters*num_channels*filter_size_H*filter_size_W*m_h*m_w", True),
        (
            "output-height",
            "(H_in + paddings[0] - (dilations[0] * (H_f - 1) + 1)) // strides[0] + 1",
            False,
        ),
        ("forward-mults", "num_channels*filter_size_H*filter_size_W*m_h*m_w", False),
    ],
}
ROWS = [(record, *row) for record, rows in TABLES.items() for row in rows]
# the rows as parameters, a guard (wrong kept wrong without its commit) marked so
PARAMS = [
    pytest.param(record, *row, marks=GUARD) if isinstance(row, Guard) else (record, *row)
    for record, rows in TABLES.items()
    for row in rows
]


def test_every_record_cites_a_page_and_has_its_table():
    for record in TABLES:
        assert record in notations(), record
        citation = notations()[record].citation
        assert "http" in citation, record
        assert any(right for *_, right in TABLES[record]), record
        assert any(not right for *_, right in TABLES[record]), record


@pytest.mark.parametrize("record, question, answer, right", PARAMS)
def test_answers_in_each_notation_get_the_verdict_of_their_maths(record, question, answer, right):
    result = check(question, answer)
    if right:
        assert result.verdict in RIGHT, (record, answer, result.verdict, result.error)
    else:
        assert result.verdict not in RIGHT, (record, answer, result.verdict)
    for lang in ("en", "zh"):
        assert feedback(result, lang)


def test_a_records_words_are_said_with_its_source():
    result = check("output-width", "(IW - KW + PW_L + PW_R)//SW + 1")  # PW_L: oneDNN's
    sources = {r.get("source") for r in result.parsed["readings"]}
    assert "onednn" in sources, result.parsed["readings"]
    pads = check("output-height", "(H + pads[0] + pads[2] - k_h)//strides[0] + 1")
    assert {"written": "pads[2]", "read": "p_h/2", "how": "notation", "source": "onnx"} in (
        pads.parsed["readings"]
    )


def test_a_letter_two_records_read_otherwise_is_read_the_books_way_where_that_matches():
    """cuDNN's K (the output channels), S (the filter's width), P (the output height)
    are the book's kernel, stride and padding where the book's reading matches: CS231n's
    output size keeps them; cuDNN's count reads them its way, said with a source."""
    assert "S" in notation_letters() and "P" in notation_letters()
    book = check("output-height", "(H + 2*P - R)//S + 1")
    assert book.verdict in RIGHT
    read = {r["written"]: r["read"] for r in book.parsed["readings"]}
    assert read.get("S") is None and read.get("P") is None  # the book's s and p
    theirs = check("forward-mults", "K*P*Q*C*R*S")
    read = {r["written"]: r["read"] for r in theirs.parsed["readings"]}
    assert read["P"] == "m_h" and read["Q"] == "m_w" and read["S"] == "k_w" and read["K"] == "c_o"


def test_grade_reads_each_notation_in_both_languages():
    rows = [
        {"student": f"s{i}", "question": question, "answer": answer}
        for i, (_, question, answer, _) in enumerate(ROWS)
    ]
    for lang in ("en", "zh"):
        graded = grade(rows, lang=lang)
        for row, (record, _, answer, right) in zip(graded, ROWS):
            assert (row["verdict"] in RIGHT) == right, (record, answer, row["verdict"])


def test_the_groups_letter_is_read_at_one_with_a_note_in_both_languages():
    """The formulas page's g (PyTorch's groups) is 1 at the book's layers: read so, and
    said so, never taken for a letter of no meaning (fails on main: g was read as c_i,
    "input channels left out ... no notation gives it a meaning")."""
    result = check("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w/g")
    assert result.verdict == "equivalent" and result.misconception is None
    assert {"written": "g", "read": "1", "how": "notation", "source": "formulas_page"} in (
        result.parsed["readings"]
    )
    assert "groups_at_one" in result.notes
    for lang in ("en", "zh"):
        said = feedback(result, lang)
        assert text("checker.note.groups_at_one", lang) in said, said
        assert notations()["formulas_page"].name[lang] in said, said
    assert "groups_at_one" not in check("forward-mults", "c_o*c_i*k_h*k_w*m_h*m_w").notes
    # the same record's d_h (the dilation): read at 1 too, but no word of the groups
    dilated = check("output-height", "(h + p_h - d_h*(k_h - 1) - 1)//s_h + 1")
    assert dilated.verdict == "equivalent" and "groups_at_one" not in dilated.notes


def test_a_held_parameters_spellings_read_at_the_books_value():
    """A spelling the records write as a parameter the book's layer holds (``groups: g``,
    ``dilation[0]: d_h``) keeps that symbol in its record (the registry imports no
    model), names the parameter and the symbol (``notations.held_spelling``, which the
    checker checks the place of), and the checker reads it at the model's default for
    that field (``lexer.book_spellings``; Layer: 1)."""
    from derivations.checking.reading.lexer import book_spellings
    from derivations.model import Layer
    from derivations.registry.notations import HELD, held_spelling

    held = [(w, f) for record in notations().values() for w, f in record.spellings if f in HELD]
    assert {f for _, f in held} == set(HELD)
    fields = {"d_h": "d_h", "d_w": "d_w", "d": "d_h", "g": "groups"}
    for written, symbol in held:
        assert held_spelling(written.upper()) == (HELD[symbol], symbol)
        assert book_spellings()[written.lower()][0] == str(getattr(Layer, fields[symbol]))
    assert held_spelling("padding[0]") is None


def test_a_loops_variable_is_read_by_the_parts_record():
    """Each name the parts record gives a loop's variable over the axes indexes a
    parameter's array as whichever axis (``paddings[idx]``: the square layer's p); the
    lexer's pattern is built from the record, not retyped."""
    from derivations.registry.notations import loop_indices

    assert {"i", "idx", "axis"} <= set(loop_indices())
    for name in loop_indices():
        answer = f"(h + 2*paddings[{name}] - kernel_size[{name}])//strides[{name}] + 1"
        assert check("output-height", answer).verdict == "equivalent_under_convention", name


def test_a_librarys_full_name_is_read_as_the_short_one_its_constructors_are_listed_under():
    """``numpy.zeros(c_o)`` reads as ``np.zeros(c_o)``: the constructors record's
    ``aliases``, read by the code (s16rev F14c), each checked on every constructor listed
    under its short name; a name no alias gives (``numpyx.``) is not read so."""
    from derivations.registry.notations import constructors, library_aliases

    assert library_aliases(), "no library aliases in the registry"
    for full, short in library_aliases().items():
        listed = [name for name in constructors() if name.startswith(f"{short}.")]
        assert listed, short
        for name in listed:
            first, _, keyword = constructors()[name]
            before = "1, " * (first or 0)  # the arguments before the shape
            shape = f"{keyword}=(c_o,)" if keyword else "(c_o,)"  # (rand(*sizes): none)
            for call in (name, f"{full}.{name[len(short) + 1 :]}"):
                answer = f"b = {call}({before}{shape})"
                assert check("bias-size", answer).verdict == "equivalent", answer
            if keyword is None:  # rand((c_o,)) reads as a shape under any module's name
                continue  # (answer._CONSTRUCTOR: a bracketed shape after rand, zeros, …)
            unread = f"b = {full}x.{name[len(short) + 1 :]}({before}{shape})"
            assert check("bias-size", unread).verdict == "invalid_input", unread
