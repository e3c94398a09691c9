"""The one publishing path: Guidance + options → every output file.

The MkDocs plugin and ``levelofneed export`` both call :func:`publish`, so the site
and an export of it are made by the same code and hold the same bytes (a test builds
both and compares them). Each later output (helper data, search records, PDFs) is
added here, once, and both adapters publish it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from .exports.open_data import export_json
from .exports.openreferral import export_openreferral
from .guidance import Guidance
from .helper import DATA_FILE, helper_data
from .labels import site_title
from .pdf import FOLDER as PDF_FOLDER
from .pdf import PrintRun, Progress, print_all
from .render import PRINTED, Download, LinkStyle, SiteOptions, iter_pages
from .render import paths as page_paths
from .render.icons import SIZES, icon_path, icon_png, manifest
from .search.similar import similar_indicators
from .search.site_index import INDEX_FILE, site_index


@dataclass(frozen=True)
class Output:
    """One published file: a page MkDocs renders, or a file it copies as it is.

    ``in_nav`` is false for pages reached through links and search only (indicator
    pages: Material renders the whole navigation into every page). ``template`` names
    the page template, so tests can check one page of every template.
    """

    path: str
    content: str | bytes
    kind: Literal["page", "file"]
    in_nav: bool = False
    template: str | None = None

    def data(self) -> bytes:
        """The content as bytes, as written to disk."""
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


def site_options(docs_dir: Path | None) -> SiteOptions:
    """Options that depend on the hand-written pages beside the generated ones.

    The plugin passes MkDocs' ``docs_dir``; the command line passes ``ROOT/docs`` when it
    exists, so both publish the same pages for the same repository.
    """
    if docs_dir is None or not docs_dir.is_dir():
        return SiteOptions()
    editors = "editors/index.md" if (docs_dir / "editors" / "index.md").is_file() else None
    open_data = page_paths.OPEN_DATA if (docs_dir / page_paths.OPEN_DATA).is_file() else None
    return SiteOptions(editors_page=editors, open_data_page=open_data)


def json_bytes(document: Any) -> bytes:
    """JSON as every published data file writes it: indented, UTF-8, ending in a newline."""
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def compact_json(document: Any) -> bytes:
    """JSON for the browser to read: no spaces, since a phone downloads it."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def open_data(guidance: Guidance) -> bytes:
    """The open-data document (``data/guidance.json``)."""
    return json_bytes(export_json(guidance))


def print_pdfs(guidance: Guidance, progress: Progress | None = None) -> PrintRun:
    """Every PDF, printed from the site's own pages written in the anchor link style (ADR 7, ADR 9)."""
    pages = iter_pages(guidance, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)
    return print_all(guidance, {page.path: page.markdown for page in pages}, progress)


def pdf_outputs(printed: PrintRun, folder: str = PDF_FOLDER) -> list[Output]:
    """The PDFs as files under ``folder`` (``pdf/`` on the site; the command line writes them where asked)."""
    return [Output(f"{folder}/{item.path}" if folder else item.path, item.data, "file") for item in printed.files]


def downloads(printed: PrintRun) -> dict[str, list[Download]]:
    """What each page offers for download: the whole guidance on the home page, a card on each level's page,
    each briefing on its own page."""
    offered: dict[str, list[Download]] = {}
    for item in printed.files:
        offered.setdefault(item.offered_on, []).append(
            Download(f"{PDF_FOLDER}/{item.path}", item.label, item.pages, len(item.data)))
    return offered


def publish(guidance: Guidance, options: SiteOptions | None = None,
            printed: PrintRun | None = None) -> Iterator[Output]:
    """Every page, then every other file, in a stable order.

    Similar indicators come from search (unless the caller gave them), so every adapter's
    indicator pages link to them. ``printed`` holds the PDFs when the build makes them
    (``print_pdfs``, called first so that pages can link to each PDF with its size); they
    are published under ``pdf/``.
    """
    options = options or SiteOptions()
    if not options.similar:
        options = replace(options, similar=similar_indicators(guidance))
    if printed is not None:
        options = replace(options, downloads=downloads(printed))
    for page in iter_pages(guidance, options):
        yield Output(page.path, page.markdown, "page", page.in_nav, page.template)
    yield from _files(guidance)
    if printed is not None:
        yield from pdf_outputs(printed)


def _files(guidance: Guidance) -> Iterator[Output]:
    yield Output(page_paths.DATA_JSON, open_data(guidance), "file")
    yield Output(page_paths.DATA_OPENREFERRAL, json_bytes(export_openreferral(guidance)), "file")
    yield Output(DATA_FILE, compact_json(helper_data(guidance)), "file")
    yield Output(INDEX_FILE, compact_json(site_index(guidance)), "file")
    yield Output(page_paths.MANIFEST, manifest(guidance, site_title(guidance.partnership)).encode("utf-8"), "file")
    for size in SIZES:
        yield Output(icon_path(size), icon_png(size), "file")


def write_outputs(outputs: Iterable[Output], folder: Path) -> int:
    """Write outputs under ``folder``; returns how many were written."""
    count = 0
    for output in outputs:
        target = folder / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.data())
        count += 1
    return count
