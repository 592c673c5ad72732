"""Exercise 4's PyTorch measurement: the book's own code, run here, gives the count
the sheet states (:data:`derivations.exercises.maths.equal_outputs.TORCH`)."""

from derivations.exercises.maths.equal_outputs import TORCH


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


def test_the_books_pytorch_code_gives_the_stated_count(torch):
    assert torch.__version__.split("+")[0] == TORCH.version
    equal = 0
    for seed in range(TORCH.seeds):
        torch.manual_seed(seed)
        X = torch.normal(0, 1, (3, 3, 3))
        K = torch.normal(0, 1, (2, 3, 1, 1))
        y1, y2 = _book_pair(torch, X, K)
        equal += bool(torch.equal(y1, y2))
    assert equal == TORCH.equal
