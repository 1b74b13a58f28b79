"""Heavy dependencies that some runs never use, imported when first used.

`edtf` parses the EDTF values a calendar cannot read off its digits (qualifiers, seasons,
unspecified digits); most briefings have none, and importing it costs a build about 60 ms
(pyparsing's grammar). Such a module is still named at the top of the module that uses it
(`edtf = lazy_module("edtf")`), so every dependency stays in sight; it is only executed on its
first attribute access. This is the standard library's recipe (`importlib.util.LazyLoader`,
"Implementing lazy imports" in the importlib documentation), as Scientific Python's SPEC 1
recommends for libraries whose users pay for imports they do not use.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module `name`, executed on first attribute access; the module itself when it is
    already imported. ModuleNotFoundError, as `import` raises it, when it is not installed."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
