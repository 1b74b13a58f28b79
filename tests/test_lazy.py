"""Heavy dependencies imported on first use (generator/lazy.py): named at the top of the
module using them, executed only when a run needs them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from generator.lazy import lazy_module
from tests.paths import ROOT


def test_a_lazy_module_runs_on_first_use_only(tmp_path, monkeypatch):
    marker = "import pathlib\npathlib.Path(__file__).with_suffix('.ran').touch()\n"
    (tmp_path / "heavy_thing.py").write_text(marker + "VALUE = 7\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "heavy_thing", raising=False)
    module = lazy_module("heavy_thing")
    assert not (tmp_path / "heavy_thing.ran").exists()
    assert module.VALUE == 7
    assert (tmp_path / "heavy_thing.ran").exists()
    assert lazy_module("heavy_thing") is module


def test_a_missing_module_fails_as_import_does():
    with pytest.raises(ModuleNotFoundError):
        lazy_module("no_such_module_anywhere")


@pytest.mark.slow
def test_a_build_with_plain_dates_and_a_kept_layout_never_runs_edtf_networkx_or_numpy(tmp_path):
    """The seed's dates are plain and its layout is kept after one build: the second build's
    process must not execute the three (about 0.25 s of a 1.2 s build)."""
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from generator.sheets.store import load_content
        from generator.site.pages import render_pages
        render_pages(load_content(Path("content")), Path("templates"))
        print(sorted(m for m in ("edtf.parser", "networkx.classes", "numpy.linalg") if m in sys.modules))
    """)
    def run() -> str:
        return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout

    first, again = run(), run()
    assert "edtf.parser" not in first
    assert again.strip() == "[]", again
