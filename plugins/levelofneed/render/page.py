"""Filling one template for one page, with front matter MkDocs and other builders read."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import labels
from ..guidance import Origin
from . import paths
from .environment import template
from .site import LinkStyle, Site
from .text import paragraphs
from .text import title as title_text
from .writer import PageWriter


def front_matter(title: str, origin: Origin | None) -> str:
    """YAML front matter. Values are JSON strings, which YAML reads back unchanged.

    ``lon_source`` names the YAML file the page comes from, so the site can offer an
    "edit this page" link that opens the content rather than generated Markdown.
    """
    lines = ["---", f"title: {json.dumps(title_text(title), ensure_ascii=False)}"]
    if origin is not None:
        lines.append(f"lon_source: {json.dumps(origin.path, ensure_ascii=False)}")
        lines.append(f"lon_line: {origin.line}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown, the template that wrote it, and
    whether it belongs in the navigation (indicator pages do not: see ``nav``)."""

    path: str
    markdown: str
    template: str
    in_nav: bool = True


def render_page(site: Site, here: str, name: str, title: str, origin: Origin | None = None,
                in_nav: bool = True, **context: Any) -> Page:
    """Front matter plus the filled template ``name`` for the page at ``here``."""
    writer = PageWriter(site, here)
    title = writer.named(title)
    body = template(name).render(
        w=writer, site=site, v=site.views, g=site.guidance, paths=paths, here=here, title=title,
        origin=origin, paragraphs=paragraphs, labels=labels, **context)
    if site.options.link_style is LinkStyle.ANCHOR:
        body = paths.prefix_ids(body, here)
    return Page(here, front_matter(title, origin) + body, name.removesuffix(".md.j2"), in_nav)
