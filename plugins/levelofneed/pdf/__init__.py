"""Offline PDFs: the whole guidance, a quick-reference card per level and each 7-minute briefing.

The PDFs are printed from the site's own pages (rendered in the anchor link style, ADR 7)
inside print templates, so they say what the site says. :func:`print_all` takes the
guidance and those pages and returns every PDF with its page count, plus a warning
for any briefing or card that runs past its page limit. Only :mod:`.printing` imports
WeasyPrint (ADR 9). ``publish`` calls this room; the MkDocs plugin and the
``levelofneed pdf`` command both go through ``publish``.

The whole guidance is one long WeasyPrint run that only one core can do; with a second
core, a spawned worker prints the cards and briefings meanwhile ("spawn", not "fork":
the caller may have threads, such as a browser under test or ``mkdocs serve``).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..findings import Finding
from ..guidance import Guidance
from ..labels import counted
from .documents import FOLDER, Document, documents

if TYPE_CHECKING:  # printing, and WeasyPrint with it, load only when a PDF is printed
    from .printing import Printed

__all__ = ["FOLDER", "PrintRun", "PrintedFile", "Progress", "print_all"]

# Called as each PDF is done (how many are done, how many there are, its path), and with 0 and "" at the start.
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PrintedFile:
    """One PDF: its path under ``pdf/``, its bytes, its pages, and the site page that offers it."""

    path: str
    data: bytes
    pages: int
    title: str
    offered_on: str
    label: str


@dataclass
class PrintRun:
    """Every PDF, and the warnings about them (a briefing or card longer than it should be)."""

    files: list[PrintedFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    complaints: list[str] = field(default_factory=list)


def print_all(guidance: Guidance, pages: Mapping[str, str], progress: Progress | None = None,
              workers: int | None = None) -> PrintRun:
    """Print every PDF, the whole guidance first. ``pages`` are the site's anchor-style pages by docs path.

    ``workers`` is how many PDFs print at once (default: one per core, at most two).
    """
    run = PrintRun()
    planned = list(documents(guidance, pages))
    for document, printed in zip(planned, _print(planned, workers or _cores(), progress), strict=True):
        run.files.append(PrintedFile(document.path, printed.data, printed.pages, document.title,
                                     document.offered_on, document.label))
        run.complaints.extend(f"{document.path}: {message}" for message in printed.complaints)
        if document.most_pages is not None and printed.pages > document.most_pages:
            run.findings.append(_too_long(document, printed.pages))
    return run


def _cores() -> int:
    return min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _print(planned: Sequence[Document], workers: int, progress: Progress | None) -> list[Printed]:
    from .printing import print_pdf

    """Each document printed, in order: the first here, the rest in a worker process when there is a core for it."""
    done = _Done(len(planned), progress)
    if workers < 2 or len(planned) < 2:
        return [done.after(document.path, print_pdf(document.html)) for document in planned]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        try:
            futures = [pool.submit(print_pdf, document.html) for document in planned[1:]]
        except (OSError, BrokenProcessPool):  # no second process here (a sandbox): one after another
            return _print(planned, 1, progress)
        for document, future in zip(planned[1:], futures, strict=True):
            future.add_done_callback(done.callback(document.path))
        first = done.after(planned[0].path, print_pdf(planned[0].html))
        return [first, *(future.result() for future in futures)]


class _Done:
    """Tells ``progress`` as each PDF is done; a worker's PDFs are reported from another thread."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.progress, self.count = total, progress, 0
        self.lock = threading.Lock()
        if progress is not None:
            progress(0, total, "")

    def after(self, path: str, printed: Printed) -> Printed:
        with self.lock:
            self.count += 1
            if self.progress is not None:
                self.progress(self.count, self.total, path)
        return printed

    def callback(self, path: str) -> Callable[[Future[Printed]], None]:
        def report(future: Future[Printed]) -> None:
            if not future.cancelled() and future.exception() is None:
                self.after(path, future.result())

        return report


def _too_long(document: Document, pages: int) -> Finding:
    """A located warning: the content is too long for its page limit, and the type stays as it is."""
    origin = document.origin
    limit = document.most_pages or 0
    return Finding(
        origin.path if origin else document.path, origin.line if origin else 1, origin.column if origin else 1,
        "warning", f"the PDF {document.path} takes {pages} pages; it must fit on {limit}",
        f"shorten the text so it fits on {counted(limit, 'page')}; the type is never made smaller "
        "to fit", fails_strict=False)
