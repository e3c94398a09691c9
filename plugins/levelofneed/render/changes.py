"""The "What's changed" page: the content changelog (``guidance/changes.yaml``), newest version first.

Readers who come back to the guidance need to know what is different since they last
read it, in the guidance's own words rather than a list of files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site

TITLE = "What's changed"


def version_anchor(version: str) -> str:
    """'2026.2' → 'version-2026-2': an id a link can point at, whatever a version looks like."""
    return "version-" + (re.sub(r"[^a-z0-9]+", "-", version.lower()).strip("-") or "unnamed")


def pages(site: Site) -> Iterator[Page]:
    """Just the one page, its source the changelog file."""
    changes = site.guidance.changes
    origin = site.guidance.origin("changes", changes[0].version) if changes else None
    yield render_page(site, paths.CHANGES, "changes.md.j2", TITLE, origin,
                      entries=[(version_anchor(entry.version), entry) for entry in changes])
