"""Guidance → site pages, as pure functions: the same input always gives the same pages.

:func:`render_pages` returns Markdown for every page, keyed by its path under the docs
folder; :func:`render_files` returns the other files the site publishes (open data,
the web app manifest and its icons). The MkDocs plugin adds both to a build, and
``levelofneed export markdown`` writes both to a folder for other site builders.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..export import export_json
from ..guidance import Guidance
from . import briefings, domains, home, indicators, levels, procedures, reference, services, topics
from .banner import banner_html
from .icons import SIZES, icon_path, icon_png, manifest
from .nav import navigation
from .openreferral import export_openreferral
from .paths import DATA_JSON, DATA_OPENREFERRAL, MANIFEST
from .site import Site, SiteOptions

SECTIONS = (home, levels, domains, topics, indicators, services, procedures, briefings, reference)

__all__ = ["Site", "SiteOptions", "banner_html", "navigation", "render_files", "render_pages", "write_site"]


def iter_pages(guidance: Guidance, options: SiteOptions | None = None) -> Iterator[tuple[str, str]]:
    """Every page as (docs path, Markdown), one at a time, so a large site need not sit in memory twice."""
    site = Site(guidance, options)
    for section in SECTIONS:
        yield from section.pages(site)


def render_pages(guidance: Guidance, options: SiteOptions | None = None) -> dict[str, str]:
    """Every page as {docs path: Markdown}."""
    return dict(iter_pages(guidance, options))


def _json(document: Any) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_files(guidance: Guidance, site_name: str | None = None) -> dict[str, bytes]:
    """The published files that are not pages: open data, manifest and icons."""
    name = site_name or home.site_title(guidance)
    files = {
        DATA_JSON: _json(export_json(guidance)),
        DATA_OPENREFERRAL: _json(export_openreferral(guidance)),
        MANIFEST: manifest(guidance, name).encode("utf-8"),
    }
    files.update({icon_path(size): icon_png(size) for size in SIZES})
    return files


def write_site(guidance: Guidance, out: Path, options: SiteOptions | None = None) -> int:
    """Write every page and file under ``out``; returns how many were written."""
    count = 0
    outputs: Iterator[tuple[str, str | bytes]] = iter([*iter_pages(guidance, options),
                                                       *render_files(guidance).items()])
    for relative, content in outputs:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
        count += 1
    return count
