"""A Content-Security-Policy for the whole site, as a ``<meta>`` tag, since a static host may not
let a partnership set headers.

Scripts may come only from the site itself, plus the theme's own inline scripts, each
allowed by the SHA-256 hash of its text as written into the pages: Material writes a few
(the scope script differs with each page's depth, then the palette and tab scripts), and
instant navigation may run any page's copy under the first page's policy, so every page
carries the hashes of all of them. Data is fetched only from the site itself
(``connect-src 'self'``): the helper and search cannot send anything elsewhere. No
``unsafe-inline`` for scripts. Styles allow inline ``style`` attributes, which the theme
uses. The policy is left off under ``mkdocs serve``, whose live-reload script changes on
every request.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<source>.*?)</script>", re.DOTALL)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_DATA_TYPES = ("application/json", "application/ld+json")


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (JSON data blocks are not run)."""
    return [found.group("source") for found in _INLINE_SCRIPT.finditer(html)
            if not any(kind in found.group("attributes") for kind in _DATA_TYPES)]


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this script text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str]) -> str:
    """The policy text, with the scripts' hashes in a stable order."""
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def meta_tag(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def add_to_site(site_dir: Path) -> int:
    """Put the one policy into every HTML page, straight after the charset; returns the pages changed."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    tag = meta_tag(policy(script_hash(source) for text in texts.values() for source in inline_scripts(text)))
    changed = 0
    for page, text in texts.items():
        updated, count = _CHARSET.subn(lambda found: found.group(0) + tag, text, count=1)
        if count:
            page.write_text(updated, encoding="utf-8")
            changed += 1
    return changed
