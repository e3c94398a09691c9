"""What the service worker keeps, decided from the built site's files (ADR 20).

Three groups, chosen so that a practitioner on a home visit with no signal still has what
matters most, within a budget a phone downloads without noticing:

- ``core``: saved on the first visit. The home page, the levels, the helper and its data,
  the search index and worker, the contacts, every procedure, the level cards as PDFs, the
  theme's assets and our own, and the two offline pages.
- ``pages``: every other page and file, saved when visited, or all at once by "save
  everything".
- ``ask``: the whole-guidance PDF, saved only when asked for.

Nothing else is decided here: the files come from the folder MkDocs wrote, so a page a
partnership adds by hand is offered too.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ..render.paths import PDF_FOLDER

Group = Literal["core", "pages", "ask", "never"]
WORKER_FILE = "sw.js"
PLAN_FILE = "offline.json"
VERSION_FILE = "version.json"
FORMAT = "levelofneed-offline-1"
# Sections saved on the first visit, as folders of the built site.
CORE_FOLDERS = ("levels/", "which-level/", "procedures/", f"{PDF_FOLDER}/levels/", "assets/", "search/")
CORE_PAGES = ("index.html", "services/index.html", "about/index.html", "offline/index.html",
              "not-saved/index.html", "manifest.webmanifest", "sitemap.xml")
# Never saved: source maps, the gzipped sitemap, Material's own search worker and lunr (our worker
# replaces them, ADR 11), the service worker itself, the version file the update check reads, and the
# plan (which the worker keeps, but by name: a file cannot list its own size).
NEVER = re.compile(r"(\.map$|^sitemap\.xml\.gz$|^assets/javascripts/(lunr|workers)/|^404\.html$|"
                   rf"^({re.escape(WORKER_FILE)}|{re.escape(VERSION_FILE)}|{re.escape(PLAN_FILE)})$)")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class SiteFile:
    """One file of the built site: its path under the site folder, its bytes' size and digest, and its
    page title (empty for a file that is not a page)."""

    path: str
    size: int
    digest: str
    title: str = ""

    @property
    def url(self) -> str:
        """The address relative to the site's root: a folder for a page, so it matches the site's own links."""
        if self.path == "index.html":
            return "./"
        if self.path.endswith("/index.html"):
            return self.path.removesuffix("index.html")
        return self.path


def site_file(path: str, data: bytes) -> SiteFile:
    """A file's entry: its digest, and for a page its title without the site name after it."""
    title = ""
    if path.endswith(".html"):
        found = _TITLE.search(data)
        title = html.unescape(found.group(1).decode("utf-8", "replace").rsplit(" - ", 1)[0].strip()) if found else ""
    return SiteFile(path, len(data), hashlib.sha256(data).hexdigest(), title)


def group_of(path: str) -> Group:
    """Which group a file belongs to (see the module's docstring)."""
    if NEVER.search(path):
        return "never"
    if path in CORE_PAGES or path.startswith(CORE_FOLDERS):
        return "core"
    folder = f"{PDF_FOLDER}/"
    if path.startswith(folder) and path.endswith(".pdf") and "/" not in path.removeprefix(folder):
        return "ask"
    return "pages"


@dataclass(frozen=True)
class OfflinePlan:
    """What the service worker keeps, and the build it belongs to."""

    version: str
    build: str
    review_due: str
    groups: dict[str, tuple[SiteFile, ...]]

    def core_urls(self) -> list[str]:
        return [item.url for item in self.groups["core"]]

    def as_json(self) -> dict[str, Any]:
        """``offline.json``: what "save everything" fetches and the offline page lists, with sizes."""
        def rows(group: str) -> list[list[Any]]:
            return [[item.url, item.size, item.title] for item in self.groups[group]]

        return {"format": FORMAT, "version": self.version, "build": self.build, "review_due": self.review_due,
                "core": rows("core"), "pages": rows("pages"), "ask": rows("ask")}


def plan(files: Iterable[SiteFile], version: str, review_due: str) -> OfflinePlan:
    """Group the site's files. The build id changes whenever any file does, so a browser that holds
    one build learns of the next, even when only an indicator page changed."""
    ordered = sorted(files, key=lambda item: item.path)
    digest = hashlib.sha256(version.encode("utf-8"))
    groups: dict[str, list[SiteFile]] = {"core": [], "pages": [], "ask": []}
    for item in ordered:
        group = group_of(item.path)
        if group == "never":
            continue
        digest.update(f"{item.path}\0{item.digest}\n".encode())
        groups[group].append(item)
    return OfflinePlan(version, digest.hexdigest()[:16], review_due,
                       {name: tuple(items) for name, items in groups.items()})

