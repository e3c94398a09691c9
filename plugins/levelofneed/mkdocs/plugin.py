"""The MkDocs plugin: thin ``on_*`` hooks between MkDocs and :func:`levelofneed.publish.publish`.

Events, in the order MkDocs fires them:

- ``on_startup``: remember whether this is ``build`` or ``serve``.
- ``on_config`` (priority 100, first): load and check the guidance once; bad content
  stops the build here, before anything is written, with the same ``file:line:column``
  messages as ``levelofneed check``. Name the site from the guidance, set the
  navigation, add our theme overrides and, for an atomic build, point ``site_dir`` at a
  fresh folder beside the real one.
- ``on_files``: print the PDFs first (not under ``serve``, unless ``pdf: true``), so pages can
  offer them with their sizes; then add every published page and file. A hand-written
  page at the same path wins.
- ``on_nav``: mark the navigation's titles as already escaped (they were escaped once, when
  written), so the theme neither escapes them again nor prints them raw.
- ``on_page_markdown``: point "edit this page" at the YAML the page comes from, and mark a
  generated page's title as already escaped, for the same reason.
- ``on_env``: give templates the emergency banner.
- ``on_post_build`` (priority -100, last): write our search index over the one Material's
  search plugin has just written, add the Content-Security-Policy to every page (not under
  ``serve``), make it work offline (the service worker, ADR 20; not under ``serve``), then swap
  the new site into place.
- ``on_build_error``: throw the half-built folder away; the old site stays.
- ``on_serve``: rebuild when anything in guidance/ or briefings/ changes.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..findings import format_findings
from ..guidance import Guidance
from ..labels import offline_wording, site_title
from ..offline import add_offline
from ..pdf import PrintRun
from ..pdf.progress import terminal_progress
from ..pipeline import CONTENT_FOLDERS, check
from ..publish import SiteBundle, print_pdfs, publish, site_options
from ..render import SiteOptions
from ..search.site_index import INDEX_FILE
from . import csp
from .atomic import AtomicSiteDir, WarningCounter
from .config import LevelOfNeedConfig

log = logging.getLogger("mkdocs.plugins.levelofneed")

OVERRIDES = Path(__file__).parent.parent / "site_assets" / "overrides"
# Theme features that break what the guidance promises, and why.
REFUSED_FEATURES = {
    "navigation.tracking": "it rewrites the address's #fragment as the page scrolls, and the \"which level?\" "
                           "helper keeps a practitioner's answers there (ADR 8), so they would be lost",
}


class LevelOfNeedPlugin(BasePlugin[LevelOfNeedConfig]):  # type: ignore[no-untyped-call]
    """Generates the Level of Need site from guidance/ and briefings/."""

    def __init__(self) -> None:
        self.guidance: Guidance | None = None
        self.options = SiteOptions()
        self.command = "build"
        self.dirty = False
        self.atomic: AtomicSiteDir | None = None
        self.warnings: WarningCounter | None = None
        self.search_index: bytes | None = None
        self.bundle: SiteBundle | None = None
        self.set_nav = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Serve builds into its own temporary folder and dirty builds reuse the old one: neither swaps."""
        self.command, self.dirty = command, dirty

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """First of all plugins: bad content stops the build early, and warnings are counted from the start."""
        self.guidance, self.atomic, self.warnings, self.bundle = None, None, None, None  # serve reuses this instance
        if not self.config.enabled:
            return config
        refuse_features(config)
        self.guidance = load_or_fail(self._root(config))
        # The guidance names the site. The theme prints the name raw in some places and escaped
        # in others: escaped once and marked safe, it reads the same in both, and no markup in
        # the partnership's name can ever reach a page as markup.
        config.site_name = Markup(html.escape(site_title(self.guidance.partnership), quote=True))
        self.options = site_options(Path(config.docs_dir))
        honour_site_url(config, self.guidance)
        self.set_nav = self.config.nav and config.nav is None
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        if self.config.atomic and self.command == "build" and not self.dirty:
            self.atomic = AtomicSiteDir(Path(config.site_dir))
            config.site_dir = str(self.atomic.start())
        if config.strict:
            self.warnings = WarningCounter.install()
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        if self.config.root:
            return Path(self.config.root)
        return Path(config.config_file_path or ".").resolve().parent

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add every published output. A hand-written page at the same path wins."""
        if self.guidance is None:
            return files
        printed = self._print(self.guidance) if self._wants_pdfs() else None
        self.bundle = publish(self.guidance, self.options, printed)
        if self.set_nav:  # MkDocs reads the navigation after this event
            config.nav = self.bundle.nav
        self.search_index = self.bundle.search_index  # Material's search plugin writes this file after the build
        for output in self.bundle:
            if output.path == INDEX_FILE:
                continue
            if files.get_file_from_path(output.path) is not None:
                continue
            listed = output.in_nav or output.kind == "file"
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.path, content=output.content, inclusion=inclusion))
        return files

    def _wants_pdfs(self) -> bool:
        return self.config.pdf if self.config.pdf is not None else self.command != "serve"

    def _print(self, guidance: Guidance) -> PrintRun:
        """The PDFs; a briefing or card past its page limit is reported like a guidance warning."""
        printed = print_pdfs(guidance, terminal_progress(sys.stderr))
        for finding in printed.findings:
            log.info("guidance: %s", finding.as_text())
        for complaint in printed.complaints:
            log.info("levelofneed: WeasyPrint: %s", complaint)
        pages = sum(item.pages for item in printed.files)
        log.info("levelofneed: printed %d PDFs, %d pages in all", len(printed.files), pages)
        return printed

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Our navigation's titles were escaped when written (``render.text.title``): say so to the theme."""
        if self.guidance is not None and self.config.nav:
            for item in _walk(nav.items):
                explicit = item.__dict__.get("title")  # a title the nav gave, not one read from the page
                if isinstance(explicit, str):
                    item.title = Markup(explicit)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Send "edit this page" to the YAML file, since the Markdown is generated; and mark a generated
        page's title (escaped once, in its front matter) as safe, so the theme does not escape it again."""
        if page.file.generated_by is not None and isinstance(page.meta.get("title"), str):
            page.meta["title"] = Markup(page.meta["title"])
        source = page.meta.get("lon_source")
        base_url = self._edit_base()
        if source and base_url:
            page.edit_url = base_url + str(source)
        return markdown

    def _edit_base(self) -> str | None:
        if self.config.edit_url:
            return str(self.config.edit_url)
        if self.guidance is not None and self.guidance.partnership.edit_url is not None:
            return str(self.guidance.partnership.edit_url)
        return None

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Give the theme override the banner HTML (built and escaped by the render package) and
        the guidance's version, which printed pages carry."""
        if self.bundle is not None:
            env.globals["levelofneed_banner"] = Markup(self.bundle.banner)
            env.globals["levelofneed_version"] = escape(self.bundle.version)
        env.globals["levelofneed_offline"] = self._offline_wording()
        return env

    def _offline_wording(self) -> dict[str, str] | None:
        """The notices' wording when this build works offline; None under ``mkdocs serve``, so no page
        registers a worker there (a developer's browser would keep serving old pages)."""
        if self.guidance is None or not self.config.offline or self.command == "serve":
            return None
        return offline_wording(self.guidance.partnership)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Last of all plugins: after every other plugin has written its files, swap."""
        warned = self.warnings.uninstall() if self.warnings else 0
        if self.search_index is not None:
            target = Path(config.site_dir) / INDEX_FILE
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.search_index)
        if self.config.enabled and self.config.csp and self.command != "serve":
            allowed = csp.allow_list([Path(folder) for folder in config.theme.dirs])
            try:
                pages = csp.add_to_site(Path(config.site_dir), allowed)
            except csp.UnexpectedScriptError as error:
                raise PluginError(str(error)) from None
            log.info("levelofneed: a Content-Security-Policy was added to %d pages", pages)
        if self._offline_wording() is not None and self.guidance is not None:
            partnership = self.guidance.partnership
            summary = add_offline(Path(config.site_dir), partnership.guidance_version,
                                  partnership.review_due.isoformat() if partnership.review_due else "")
            log.info("levelofneed: %s", summary.as_text())
        if self.atomic is None:
            return
        atomic, self.atomic = self.atomic, None
        if warned:
            atomic.abandon()  # MkDocs aborts a strict build with warnings right after this event.
            return
        config.site_dir = str(atomic.finish())
        log.info("levelofneed: the new site replaced the old one in %s", config.site_dir)

    def on_build_error(self, *, error: Exception) -> None:
        """Leave the previous site exactly as it was."""
        if self.warnings:
            self.warnings.uninstall()
        if self.atomic is not None:
            self.atomic.abandon()
            self.atomic = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        """Watch the content folders, which live outside docs/."""
        root = self._root(config)
        for folder in CONTENT_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _walk(items: list[Any]) -> Any:
    """Every item of the navigation, sections' children included."""
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)


def refuse_features(config: MkDocsConfig) -> None:
    """Stop the build when mkdocs.yml turns on a theme feature that breaks the guidance."""
    features = config.theme.get("features") or []
    for feature, why in REFUSED_FEATURES.items():
        if feature in features:
            raise PluginError(f"mkdocs.yml: theme feature '{feature}' cannot be used: {why} — "
                              f"remove '{feature}' from theme.features")


def honour_site_url(config: MkDocsConfig, guidance: Guidance) -> None:
    """The guidance's own address (``site_url`` in partnership.yaml) becomes MkDocs' ``site_url``, unless
    mkdocs.yml sets one: the sitemap lists the pages, each page names its canonical address, and the
    404 page, which a host serves at any depth, links its styles and scripts from the site's path, so
    it keeps them under a sub-path."""
    if guidance.partnership.site_url is not None and not config.site_url:
        config.site_url = str(guidance.partnership.site_url)


def load_or_fail(root: Path) -> Guidance:
    """The checked guidance; errors stop the build with the same messages as ``levelofneed check``."""
    result = check(root)
    for finding in result.findings:
        if finding.severity == "warning":
            log.info("guidance: %s", finding.as_text())
    if result.guidance is None:
        errors = [f for f in result.findings if f.severity == "error"]
        raise PluginError("the guidance has errors; fix them and build again:\n" + format_findings(errors, "text"))
    return result.guidance
