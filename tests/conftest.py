"""Shared test helpers.

Tests that need an outside tool (xelatex, Node's katex, torch) skip with a visible
reason when it is missing, except when ``DERIVATIONS_REQUIRE_TOOLS=1`` (set by
``.ci/run``, which installs them): then a missing tool fails the test, unless the reason
starts with a word of ``DERIVATIONS_MAY_SKIP`` (comma-separated; ``.ci/run`` gives
``torch`` on the highest Python, which has no torch wheel on the CI machines).
"""

import importlib.util
import os

import pytest

# the tests every table of answers shares (tests/checking/rows.py) say why they failed
pytest.register_assert_rewrite("tests.checking.rows")


def pytest_configure(config: pytest.Config) -> None:
    """The marks the tests use: ``guard``, a row of an answer table that protects a
    verdict its commit did not make (tests/checking/rows.py)."""
    config.addinivalue_line("markers", "guard: a row that has its verdict without its commit")


def require_tool(available: bool, reason: str) -> None:
    """Call at the top of a test (or fixture) that needs an outside tool."""
    if available:
        return
    may_skip = [w for w in os.environ.get("DERIVATIONS_MAY_SKIP", "").split(",") if w]
    if os.environ.get("DERIVATIONS_REQUIRE_TOOLS") == "1" and not any(
        reason.startswith(word) for word in may_skip
    ):
        pytest.fail(f"required tool missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def torch():
    """The torch module at one intra-op thread, for the tests that read or run torch models
    (the optional ``torch`` extra): skipped, or failed under DERIVATIONS_REQUIRE_TOOLS=1,
    when it is not installed."""
    require_tool(
        importlib.util.find_spec("torch") is not None,
        "torch not installed: pip install -e .[torch]",
    )
    import torch

    torch.set_num_threads(1)
    return torch
