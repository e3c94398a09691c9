"""Print HTML → PDF with WeasyPrint: the only module that imports it (ADR 9).

Every PDF is tagged PDF/UA-1 (a structure tree screen readers follow, with the language
and title from the HTML) and has an outline from the headings. Nothing is fetched: the
print HTML carries its stylesheet inline and refers to no file or address, and the
fetcher refuses every scheme should anything try. Fonts are the system's (Debian's
fonts-dejavu-core). WeasyPrint's own warnings are collected rather than printed, so a
caller (and a test) can see them.

Writing a tagged PDF asks pydyf for the list of page references once per tagged
element, and pydyf rebuilds that list each time: quadratic in pages, about a fifth of
the writing time for the whole guidance. While we print, the list is kept until a page
is added; the PDF is byte for byte the same (a test compares them).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pydyf
import weasyprint
from weasyprint.urls import URLFetcher

VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class Printed:
    """A PDF, how many pages it has, and anything WeasyPrint complained about."""

    data: bytes
    pages: int
    complaints: tuple[str, ...] = ()


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collected() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's ``PDF.page_references``, kept until the number of pages changes."""
    kids = pdf.pages["Kids"]
    kept: tuple[int, tuple[bytes, ...]] | None = pdf.__dict__.get("_lon_page_references")
    if kept is None or kept[0] != len(kids):
        kept = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_lon_page_references"] = kept
    return kept[1]


@contextmanager
def _kept_page_references(enabled: bool = True) -> Iterator[None]:
    original = pydyf.PDF.__dict__.get("page_references")
    if not enabled or not isinstance(original, property):  # a pydyf that changed: leave it alone
        yield
        return
    pydyf.PDF.page_references = property(_page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


def print_pdf(html: str, keep_page_references: bool = True) -> Printed:
    """Lay out ``html`` and write it as a tagged PDF.

    ``keep_page_references=False`` leaves pydyf as it is, for the test that compares the bytes.
    """
    with _collected() as complaints, _kept_page_references(keep_page_references):
        document = weasyprint.HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=())).render()
        data = document.write_pdf(pdf_variant=VARIANT)
    return Printed(data, len(document.pages), tuple(complaints.messages))
