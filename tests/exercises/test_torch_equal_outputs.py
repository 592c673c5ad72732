"""Exercise 4's PyTorch measurement: the book's own code, run here on each MKL code path
this CPU has, gives the count the sheet states for that path
(:data:`derivations.exercises.maths.equal_outputs.TORCH`).  MKL reads
``MKL_ENABLE_INSTRUCTIONS`` once, when it loads, so each path runs in its own process."""

import json
import os
import subprocess
import sys

import pytest

from derivations.exercises.maths.equal_outputs import TORCH

# the run, in a fresh process: this file's _book_pair on the seeds, one thread
_RUN = """
import importlib.util, json, sys
import torch
spec = importlib.util.spec_from_file_location("book", sys.argv[1])
book = importlib.util.module_from_spec(spec)
spec.loader.exec_module(book)
torch.set_num_threads(1)
equal = 0
for seed in range(int(sys.argv[2])):
    torch.manual_seed(seed)
    X = torch.normal(0, 1, (3, 3, 3))
    K = torch.normal(0, 1, (2, 3, 1, 1))
    y1, y2 = book._book_pair(torch, X, K)
    equal += bool(torch.equal(y1, y2))
print(json.dumps({"version": torch.__version__.split("+")[0], "equal": equal}))
"""
# the CPU capability ATen reports that each MKL path needs
_NEEDS = {"AVX2": ("AVX2", "AVX512"), "AVX512": ("AVX512",)}


def _book_pair(torch, X, K):
    """The section's code as the book prints it (d2l.ai 7.4), Y1 and Y2."""

    def corr2d(X, K):
        h, w = K.shape
        Y = torch.zeros((X.shape[0] - h + 1, X.shape[1] - w + 1))
        for i in range(Y.shape[0]):
            for j in range(Y.shape[1]):
                Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
        return Y

    def corr2d_multi_in(X, K):
        return sum(corr2d(x, k) for x, k in zip(X, K))

    def corr2d_multi_in_out(X, K):
        return torch.stack([corr2d_multi_in(X, k) for k in K], 0)

    def corr2d_multi_in_out_1x1(X, K):
        c_i, h, w = X.shape
        c_o = K.shape[0]
        X = X.reshape((c_i, h * w))
        K = K.reshape((c_o, c_i))
        Y = torch.matmul(K, X)
        return Y.reshape((c_o, h, w))

    return corr2d_multi_in_out_1x1(X, K), corr2d_multi_in_out(X, K)


@pytest.mark.parametrize(("path", "stated"), [("AVX2", TORCH.avx2), ("AVX512", TORCH.avx512)])
def test_the_books_pytorch_code_gives_the_stated_count(torch, path, stated):
    assert torch.__version__.split("+")[0] == TORCH.version
    capability = torch.backends.cpu.get_cpu_capability()
    if capability not in _NEEDS[path]:
        pytest.skip(f"this CPU has no {path} (PyTorch reports {capability})")
    environment = {**os.environ, "MKL_ENABLE_INSTRUCTIONS": path}
    run = subprocess.run(
        [sys.executable, "-c", _RUN, __file__, str(TORCH.seeds)],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(run.stdout)
    assert measured == {"version": TORCH.version, "equal": stated}, path
