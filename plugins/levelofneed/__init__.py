"""Level of Need knowledge base: guidance as validated data, published as a site, helper, search and PDF.

The names below load on first use, so that a command's ``--help`` does not wait for the
models (bench/README.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .guidance import Guidance, Origin
    from .pipeline import GuidanceError, Result, check, load_guidance

__all__ = ["Guidance", "GuidanceError", "Origin", "Result", "check", "load_guidance"]
_HOMES = {"Guidance": "guidance", "Origin": "guidance", "GuidanceError": "pipeline", "Result": "pipeline",
          "check": "pipeline", "load_guidance": "pipeline"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
