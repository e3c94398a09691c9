"""Findings: every problem found in a run, with where it is, what is wrong and how to fix it.

Editors are not programmers, so a finding always carries a location and a hint, and
all of them are reported together rather than stopping at the first.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .labels import counted

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the content. ``path`` is relative to the checked root.

    ``fails_strict`` is false for the few warnings that even ``--strict`` only reports,
    such as a service whose details nobody has verified yet: the site marks it.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str
    fails_strict: bool = True

    def as_text(self) -> str:
        """``path:line:column: error: what is wrong — how to fix it``."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} — {self.hint}"

    def as_github(self) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's diff."""
        text = f"{self.message} — {self.hint}"
        for raw, escaped in (("%", "%25"), ("\r", "%0D"), ("\n", "%0A")):
            text = text.replace(raw, escaped)
        return f"::{self.severity} file={self.path},line={self.line},col={self.column}::{text}"


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted by file, then position, so output is stable and reads top to bottom."""
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.column, f.severity, f.message))


def summary(findings: Sequence[Finding]) -> str:
    """E.g. ``3 errors and 1 warning in 2 files``, or ``no problems found``."""
    if not findings:
        return "no problems found"
    counts = Counter(f.severity for f in findings)
    parts = [counted(counts[s], s) for s in ("error", "warning") if counts[s]]
    files = len({f.path for f in findings})
    return f"{' and '.join(parts)} in {counted(files, 'file')}"


def format_findings(findings: Sequence[Finding], output_format: str) -> str:
    """Render findings as ``text`` (with a summary line), ``github`` annotations or ``json``."""
    ordered = sort_findings(findings)
    if output_format == "json":
        payload = {"findings": [asdict(f) for f in ordered], "summary": summary(ordered)}
        return json.dumps(payload, indent=2, ensure_ascii=False)
    render = Finding.as_github if output_format == "github" else Finding.as_text
    lines = [render(f) for f in ordered]
    return "\n".join([*lines, summary(ordered)])


def has_errors(findings: Iterable[Finding], strict: bool = False) -> bool:
    """Errors always fail; warnings fail only in strict mode, and only those marked ``fails_strict``."""
    return any(f.severity == "error" or (strict and f.fails_strict) for f in findings)
