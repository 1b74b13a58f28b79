"""Run a function of the tests in fresh interpreters under several PYTHONHASHSEED values.

Python salts the hashes of strings per process, so the order a set of names is iterated
in changes from run to run. A rule that decides by that order gives different results
under different seeds; a function that returns the same under each of them does not.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.paths import ROOT

# Enough seeds that a set of two or three names comes out in more than one order.
SEEDS = (1, 2, 3, 4)


def under_seeds(module: str, function: str, seeds: tuple[int, ...] = SEEDS) -> list[str]:
    """What `module.function()` returns (its repr), once per seed, each in a new interpreter."""
    code = f"from {module} import {function}; print(repr({function}()))"
    out = []
    for seed in seeds:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": str(seed)}, timeout=300)
        assert done.returncode == 0, done.stderr
        out.append(done.stdout)
    return out
