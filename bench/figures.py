"""What every benchmark shares: percentiles, and writing its section of bench/README.md."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank: a value that was measured."""
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def write_section(heading: str, section: str) -> None:
    """Replace (or add) the section under ``heading``, leaving every other section as it is."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    README.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
