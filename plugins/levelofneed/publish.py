"""The one publishing path: Guidance + options → the whole site, as one :class:`SiteBundle`.

The bundle holds every page and file, the navigation, the emergency banner, the
Content-Security-Policy for our own scripts, the search index and our stylesheet and
scripts. The MkDocs plugin only maps it onto MkDocs; ``levelofneed export markdown``
writes it as a complete project any site builder can build (:func:`write_project`), with
the banner on every page. Both are made by the same code and hold the same bytes (a test
builds both and compares them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import yaml

from .exports.open_data import export_json
from .exports.openreferral import api_files as openreferral_api_files
from .exports.openreferral import export_openreferral
from .guidance import Guidance
from .helper import DATA_FILE, helper_data
from .labels import site_title, version_label
from .pdf import FOLDER as PDF_FOLDER
from .pdf import PrintRun, Progress, print_all
from .render import PRINTED, Download, LinkStyle, SiteOptions, banner_html, iter_pages, navigation
from .render import paths as page_paths
from .render.icons import SIZES, icon_path, icon_png, manifest
from .render.nav import NavItem
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
    return SiteOptions(editors_page=editors, open_data_page=open_data, handwritten=handwritten_pages(docs_dir))


def handwritten_files(docs: Path) -> list[Path]:
    """Every file written by hand in the docs folder, in order; hidden files and folders left out, as MkDocs does."""
    return [path for path in sorted(docs.rglob("*")) if path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(docs).parts)]


def handwritten_pages(docs: Path) -> tuple[str, ...]:
    """The Markdown pages among :func:`handwritten_files`, as docs-relative paths."""
    return tuple(path.relative_to(docs).as_posix() for path in handwritten_files(docs) if path.suffix == ".md")


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


@dataclass(frozen=True)
class SiteBundle:
    """The whole site. Iterating over it gives its pages and files, as an adapter publishes them."""

    outputs: tuple[Output, ...]
    nav: list[NavItem]
    banner: str  # HTML, every text in it escaped
    site_name: str
    version: str  # 'Sefton SCP Level of Need guidance, version 2026.2, 27 November 2026'
    content_security_policy: str  # for our own scripts; an adapter adds its theme's inline scripts
    assets: tuple[Output, ...]  # our stylesheet and scripts, under assets/levelofneed/

    def __iter__(self) -> Iterator[Output]:
        return iter(self.outputs)

    @property
    def search_index(self) -> bytes:
        return next(output.data() for output in self.outputs if output.path == INDEX_FILE)


def publish(guidance: Guidance, options: SiteOptions | None = None, printed: PrintRun | None = None) -> SiteBundle:
    """The whole site: every page, then every other file, in a stable order, and what goes around them.

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
    pages = [Output(page.path, page.markdown, "page", page.in_nav, page.template)
             for page in iter_pages(guidance, options)]
    files = [*_files(guidance), *(pdf_outputs(printed) if printed is not None else [])]
    partnership = guidance.partnership
    return SiteBundle(
        tuple([*pages, *files]), navigation(guidance, options.handwritten, options.open_data_page or
                                            page_paths.OPEN_DATA),
        str(banner_html(guidance)), site_title(partnership), version_label(partnership, guidance.published),
        content_security_policy(), tuple(_assets()))


def content_security_policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy: everything from the site itself only, no inline script but those whose hashes are given.

    ``connect-src 'self'``: the helper and search cannot send anything elsewhere. Styles
    allow inline ``style`` attributes, which the theme uses.
    """
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


ASSETS = Path(__file__).parent / "site_assets" / "overrides" / "assets" / "levelofneed"
ASSET_FOLDER = "assets/levelofneed"


def _assets() -> Iterator[Output]:
    """Our stylesheet and scripts, which the MkDocs theme override serves and an export copies."""
    for path in sorted(ASSETS.iterdir()):
        if path.suffix in (".css", ".js"):
            yield Output(f"{ASSET_FOLDER}/{path.name}", path.read_bytes(), "file")


def _files(guidance: Guidance) -> Iterator[Output]:
    yield Output(page_paths.DATA_JSON, open_data(guidance), "file")
    yield Output(page_paths.DATA_OPENREFERRAL, json_bytes(export_openreferral(guidance)), "file")
    for path, document in openreferral_api_files(guidance):
        yield Output(path, json_bytes(document), "file")
    yield Output(DATA_FILE, compact_json(helper_data(guidance)), "file")
    yield Output(INDEX_FILE, compact_json(site_index(guidance)), "file")
    yield Output(page_paths.MANIFEST, manifest(guidance, site_title(guidance.partnership)).encode("utf-8"), "file")
    for size in SIZES:
        yield Output(icon_path(size), icon_png(size), "file")


MARKDOWN_EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition"]
_FRONT_MATTER_END = "\n---\n\n"


def project_config(bundle: SiteBundle) -> dict[str, Any]:
    """An ``mkdocs.yml`` any MkDocs-compatible builder reads: no theme of ours, no plugin of ours.

    The search worker and ``search-lazy.js`` (which holds back Material's request for the index)
    serve Material's search box only, so another theme does not load them. No plugins: MkDocs'
    own search plugin would overwrite our index (``search/search_index.json``) with its own,
    and our search page (``search/``) is the search (ADR 23).
    """
    scripts = [output.path for output in bundle.assets if output.path.endswith(".js")
               and not output.path.endswith(("search-worker.js", "search-lazy.js"))]
    return {"site_name": bundle.site_name, "docs_dir": "docs", "use_directory_urls": True,
            "theme": {"name": "mkdocs", "highlightjs": False}, "plugins": [], "nav": bundle.nav,
            "extra_css": [output.path for output in bundle.assets if output.path.endswith(".css")],
            "extra_javascript": sorted(scripts, key=_load_order), "markdown_extensions": MARKDOWN_EXTENSIONS}


def _load_order(path: str) -> int:
    """The search core and the helper's parts before the page that starts them."""
    order = ["search-words.js", "search-query.js", "search-core.js", "search-results.js", "search-page.js",
             "helper-engine.js", "helper-state.js",
             "helper-record.js", "helper-steps.js",
             "helper-ui.js", "levelofneed.js"]
    name = path.rsplit("/", 1)[-1]
    return order.index(name) if name in order else len(order)


def with_banner(markdown: str, banner: str) -> str:
    """A page with the emergency banner first, for a builder that has no theme of ours to put it in.

    The page itself goes inside ``<div class="md-typeset">``: our stylesheet scopes its rules (the
    levels' colours among them) to the class Material gives its content, so another theme shows
    the page as Material does.
    """
    front, found, body = markdown.partition(_FRONT_MATTER_END)
    if not found:
        front, body = "", markdown
    return f"{front}{found}{banner}\n\n<div class=\"md-typeset\" markdown=\"block\">\n\n{body}\n\n</div>\n"


def write_project(bundle: SiteBundle, folder: Path, handwritten: Path | None = None) -> int:
    """The whole site as a project for another site builder: ``docs/`` with every page (each with the
    banner), file and asset, and an ``mkdocs.yml``. Returns the number of files written.

    ``handwritten`` is the docs folder beside the guidance: its pages are in the navigation
    (:func:`site_options`), so they are copied too, each with the banner, and so are its other files.
    """
    docs = folder / "docs"
    pages = (replace(output, content=with_banner(str(output.content), bundle.banner))
             if output.kind == "page" else output for output in bundle.outputs)
    count = write_outputs([*handwritten_outputs(handwritten, bundle.banner), *pages, *bundle.assets], docs)
    (folder / "mkdocs.yml").write_text(
        "# Written by 'levelofneed export markdown': the guidance as a project any MkDocs-compatible\n"
        "# site builder can build. Regenerate it rather than editing it.\n"
        + yaml.safe_dump(project_config(bundle), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return count + 1


def handwritten_outputs(docs: Path | None, banner: str) -> Iterator[Output]:
    """The hand-written docs folder's files (hidden ones left out, as MkDocs does), pages with the banner."""
    if docs is None or not docs.is_dir():
        return
    for path in handwritten_files(docs):
        relative = path.relative_to(docs).as_posix()
        if path.suffix == ".md":
            yield Output(relative, with_banner(path.read_text(encoding="utf-8"), banner), "page")
        else:
            yield Output(relative, path.read_bytes(), "file")


def write_outputs(outputs: Iterable[Output], folder: Path) -> int:
    """Write outputs under ``folder``; returns how many were written."""
    count = 0
    for output in outputs:
        target = folder / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.data())
        count += 1
    return count
