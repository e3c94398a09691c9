"""Progress on a terminal, silence elsewhere: a PDF run takes seconds, and CI logs need no counters."""

from __future__ import annotations

import os
from typing import TextIO

from . import Progress


def terminal_progress(stream: TextIO) -> Progress | None:
    """A progress line that rewrites itself, when ``stream`` is a terminal and CI is not set; else None."""
    if os.environ.get("CI") or not stream.isatty():
        return None

    def show(done: int, total: int, path: str) -> None:
        if done == total:
            stream.write("\r\033[K")
        elif path:
            stream.write(f"\r\033[Kprinting PDFs: {done} of {total} done ({path})")
        else:
            stream.write(f"\r\033[Kprinting {total} PDFs, the whole guidance first")
        stream.flush()

    return show
