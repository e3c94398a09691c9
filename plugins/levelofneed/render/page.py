"""Filling one template for one page, with front matter MkDocs and other builders read."""

from __future__ import annotations

import json
from typing import Any

from ..guidance import Origin
from . import paths
from .environment import template
from .site import Site
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


def render_page(site: Site, here: str, name: str, title: str, origin: Origin | None = None,
                **context: Any) -> str:
    """Front matter plus the filled template ``name`` for the page at ``here``."""
    writer = PageWriter(site, here)
    body = template(name).render(
        w=writer, site=site, g=site.guidance, paths=paths, here=here, title=title,
        origin=origin, paragraphs=paragraphs, **context)
    return front_matter(title, origin) + body
