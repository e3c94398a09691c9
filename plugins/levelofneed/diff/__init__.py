"""The plain-English diff: what a change means for the guidance, between two revisions or two folders.

``git.py`` reads a revision's content, :mod:`.compare` finds what changed between two
``Guidance`` objects, and :mod:`.report` writes it as Markdown or JSON. :func:`outcome`
joins them for both commands: a side that fails today's check is reported, not compared.
"""

from __future__ import annotations

from ..pipeline import Result
from .compare import Changes, compare
from .report import Failure

__all__ = ["Changes", "Failure", "compare", "outcome"]


def outcome(base: Result, head: Result) -> Changes | list[Failure]:
    """The changes from base to head or, when either side cannot be read, each such side with its findings."""
    if base.guidance is None or head.guidance is None:
        failed = (Failure("base", base.findings), Failure("head", head.findings))
        return [failure for failure, result in zip(failed, (base, head), strict=True) if result.guidance is None]
    return compare(base.guidance, head.guidance)
