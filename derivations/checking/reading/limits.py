"""What one answer may cost: declarations only (the parser and evaluator enforce them)."""

__all__ = [
    "MAX_LENGTH",
    "MAX_GIVEN",
    "MAX_DEPTH",
    "MAX_HEIGHT",
    "MAX_EXPONENT",
    "MAX_DIGITS",
    "MAX_LOOPS",
    "MAX_TERMS",
    "MAX_BITS",
    "TIME_BUDGET",
    "SYMBOLIC_BUDGET",
    "MAX_SYMBOLIC_NODES",
    "MAX_SYMBOLIC_DEGREE",
]

MAX_LENGTH = 600  # characters of one answer's formula, as read
# characters of one answer as given, its words, comments and layout included: refused
# before any pattern runs (a 652-character code answer of H6-test reads as a formula of
# fewer than 600; 15,000 characters took 3-5 s of patterns before MAX_LENGTH refused them)
MAX_GIVEN = 2000
MAX_DEPTH = 40  # nesting of the parsed expression as written (a flat sum: 1)
MAX_HEIGHT = 150  # depth of the tree itself (a/b*c/d... chains): what walkers recurse
MAX_EXPONENT = 64  # |n| in x^n (a constant whole number)
MAX_DIGITS = 30  # digits of one number literal
# loops nested one in another whose passes a count multiplies (a convolution's seven:
# batch, c_o, m_h, m_w, c_i, k_h, k_w, and one more)
MAX_LOOPS = 8
# terms one answer's sums and products over a stack's layers unroll to, nested ones and
# every operator counted, each before it is built (the question's two layers need a
# dozen; ``\sum_{i=1}^{999999999}`` or twenty nested ``\sum_i`` are refused before
# any runs: the practice page has no CPU timer)
MAX_TERMS = 32
MAX_BITS = 4096  # bits of any intermediate value during exact evaluation
TIME_BUDGET = 2.0  # seconds for one answer, all stages (enforced where signals work)
SYMBOLIC_BUDGET = 1.0  # seconds for the optional SymPy proof / difference
MAX_SYMBOLIC_NODES = 400  # larger answers skip the SymPy stages (sampling still decides)
MAX_SYMBOLIC_DEGREE = 16  # so do answers whose expansion could explode ((a+b+...)^64)
