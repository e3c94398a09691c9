"""The MkDocs plugin: a thin adapter between MkDocs events and :mod:`levelofneed.render`.

Events, in the order MkDocs fires them:

- ``on_startup``: remember whether this is ``build`` or ``serve``.
- ``on_config``: load and check the guidance once; a bad file stops the build here,
  before anything is written, with the same ``file:line:column`` messages as
  ``levelofneed check``. Then set the navigation, add our theme overrides and, for
  an atomic build, point ``site_dir`` at a fresh folder beside the real one.
- ``on_files``: add every generated page and file (indicator pages not in the nav).
- ``on_page_markdown``: point "edit this page" at the YAML the page comes from.
- ``on_env``: give templates the emergency banner.
- ``on_post_build`` (last of all plugins): swap the new site into place.
- ``on_build_error``: throw the half-built folder away; the old site stays.
- ``on_serve``: rebuild when anything in guidance/ or briefings/ changes.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .findings import format_findings
from .guidance import Guidance
from .pipeline import BRIEFINGS_DIR, GUIDANCE_DIR, check
from .render import SiteOptions, banner_html, iter_pages, navigation, render_files
from .render import paths as page_paths
from .render.home import site_title

log = logging.getLogger("mkdocs.plugins.levelofneed")

OVERRIDES = Path(__file__).parent / "site_assets" / "overrides"


class AtomicSiteDir:
    """Build into a fresh folder beside ``site_dir`` and swap it in only when the build succeeded.

    MkDocs empties ``site_dir`` before it builds, so a failed build would otherwise
    leave no site at all. See docs/adr/0004-atomic-site-builds.md.
    """

    def __init__(self, target: Path) -> None:
        self.target = target.resolve()
        self.staging: Path | None = None

    def start(self) -> Path:
        """Make the staging folder, readable like any folder the user would make."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent))
        umask = os.umask(0)
        os.umask(umask)
        self.staging.chmod(0o777 & ~umask)
        return self.staging

    def finish(self) -> Path:
        """Move the old site aside, the new one in, then delete the old one."""
        assert self.staging is not None
        old = self.target.with_name(f".{self.target.name}-old-{uuid.uuid4().hex}")
        if self.target.exists():
            self.target.rename(old)
        self.staging.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        self.staging = None
        return self.target

    def abandon(self) -> None:
        """Delete the staging folder; the previous site is untouched."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


class WarningCounter(logging.Handler):
    """Counts warnings, so we know before MkDocs does whether a strict build will be aborted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    @classmethod
    def install(cls) -> WarningCounter:
        counter = cls()
        logging.getLogger("mkdocs").addHandler(counter)
        return counter

    def uninstall(self) -> int:
        """Stop counting; returns the number of warnings seen."""
        logging.getLogger("mkdocs").removeHandler(self)
        return self.count


class LevelOfNeedConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' hook is untyped
    """Options under ``plugins: - levelofneed:`` in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    root = c.Optional(c.Dir(exists=True))
    edit_url = c.Optional(c.Type(str))
    nav = c.Type(bool, default=True)
    atomic = c.Type(bool, default=True)


class LevelOfNeedPlugin(BasePlugin[LevelOfNeedConfig]):  # type: ignore[no-untyped-call]
    """Generates the Level of Need site from guidance/ and briefings/."""

    def __init__(self) -> None:
        self.guidance: Guidance | None = None
        self.options = SiteOptions()
        self.command = "build"
        self.dirty = False
        self.atomic: AtomicSiteDir | None = None
        self.warnings: WarningCounter | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Serve builds into its own temporary folder and dirty builds reuse the old one: neither swaps."""
        self.command, self.dirty = command, dirty

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Priority 100, first: bad content stops the build early, and warnings are counted from the start."""
        self.guidance, self.atomic, self.warnings = None, None, None  # serve reuses this instance
        if not self.config.enabled:
            return config
        self.guidance = self._load(self._root(config))
        config.site_name = site_title(self.guidance)  # the guidance names the site, not mkdocs.yml
        self.options = self._options(config)
        if self.config.nav and config.nav is None:
            config.nav = navigation(self.guidance, self._handwritten(config),
                                    self.options.open_data_page or page_paths.OPEN_DATA)
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

    @staticmethod
    def _load(root: Path) -> Guidance:
        result = check(root)
        for finding in result.findings:
            if finding.severity == "warning":
                log.info("guidance: %s", finding.as_text())
        if result.guidance is None:
            errors = [f for f in result.findings if f.severity == "error"]
            raise PluginError("the guidance has errors; fix them and build again:\n"
                              + format_findings(errors, "text"))
        return result.guidance

    def _options(self, config: MkDocsConfig) -> SiteOptions:
        docs = Path(config.docs_dir)
        editors = "editors/index.md" if (docs / "editors" / "index.md").is_file() else None
        open_data = page_paths.OPEN_DATA if (docs / page_paths.OPEN_DATA).is_file() else None
        return SiteOptions(editors_page=editors, open_data_page=open_data)

    @staticmethod
    def _handwritten(config: MkDocsConfig) -> list[str]:
        """Markdown pages written by hand in the docs folder (hidden folders left out, as MkDocs does)."""
        docs = Path(config.docs_dir)
        found = (p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        return sorted(p for p in found if not any(part.startswith(".") for part in p.split("/")))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Add the generated pages. A hand-written page at the same path wins."""
        if self.guidance is None:
            return files
        for path, markdown in iter_pages(self.guidance, self.options):
            if files.get_file_from_path(path) is not None:
                continue
            inclusion = (InclusionLevel.NOT_IN_NAV if path.startswith("indicators/")
                         else InclusionLevel.UNDEFINED)
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
        for path, content in render_files(self.guidance, config.site_name).items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Send "edit this page" to the YAML file, since the Markdown is generated."""
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
        """Give the theme override the banner HTML, built and escaped by the render package."""
        if self.guidance is not None:
            env.globals["levelofneed_banner"] = banner_html(self.guidance)
        return env

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Priority -100: run after every other plugin has written its files, then swap."""
        warned = self.warnings.uninstall() if self.warnings else 0
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
        for folder in (GUIDANCE_DIR, BRIEFINGS_DIR):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
