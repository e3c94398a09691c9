"""A Content-Security-Policy for the whole site, as a ``<meta>`` tag, since a static host may not
let a partnership set headers.

Scripts may come only from the site itself, plus the theme's own inline scripts, each
allowed by the SHA-256 hash of its text as written into the pages. Which inline scripts
are the theme's is decided from an allow-list read from the theme's own template files
(``partials/javascripts/*.html`` in Material), never from whatever the output happens to
contain: a script that content smuggled into a page is not on the list, so the build
fails (:class:`UnexpectedScriptError`) rather than hashing it. The only part of a theme script
that may vary is what its template fills in (the scope script's base address, which
differs with each page's depth), and only with the characters of a relative or absolute
path. Instant navigation may run any page's copy of a script under the first page's
policy, so every page carries the hashes of all of them. Data is fetched only from the
site itself (``connect-src 'self'``): the helper and search cannot send anything
elsewhere. No ``unsafe-inline`` for scripts, so an event-handler attribute never runs.
Styles allow inline ``style`` attributes, which the theme uses. The policy is left off
under ``mkdocs serve``, whose live-reload script changes on every request.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..publish import content_security_policy

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<source>.*?)</script>", re.DOTALL)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_DATA_TYPES = ("application/json", "application/ld+json")
_TEMPLATE_SCRIPT = re.compile(r"<script>(?P<source>.*?)</script>", re.DOTALL)
_FILLED_IN = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a template may fill into a theme script: a page's relative base ('..') or an absolute path.
_PATH = r"[A-Za-z0-9./_~-]{0,200}"
THEME_SCRIPT_FOLDER = Path("partials") / "javascripts"


class UnexpectedScriptError(Exception):
    """An inline script in the output that is neither the theme's nor ours: the build must stop."""

    def __init__(self, page: str, source: str) -> None:
        shown = " ".join(source.split())[:120]
        super().__init__(f"{page}: an inline script that is not the theme's own was found in the output "
                         f"({shown!r}) — text from the guidance must never become a script; find the field it "
                         "came from and report it as a security fault")
        self.page = page


@dataclass(frozen=True)
class AllowList:
    """The inline scripts a page may carry, as patterns made from the theme's templates."""

    patterns: tuple[re.Pattern[str], ...]

    def allows(self, source: str) -> bool:
        return any(pattern.fullmatch(source) for pattern in self.patterns)


def allow_list(theme_dirs: Sequence[Path]) -> AllowList:
    """Every inline script in the theme's script partials, with each ``{{ … }}`` as a path slot."""
    patterns = []
    for folder in theme_dirs:
        for template in sorted((folder / THEME_SCRIPT_FOLDER).glob("*.html")):
            for found in _TEMPLATE_SCRIPT.finditer(template.read_text(encoding="utf-8")):
                pieces = _FILLED_IN.split(found.group("source"))
                patterns.append(re.compile(_PATH.join(re.escape(piece) for piece in pieces), re.DOTALL))
    return AllowList(tuple(patterns))


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (JSON data blocks are not run)."""
    return [found.group("source") for found in _INLINE_SCRIPT.finditer(html)
            if not any(kind in found.group("attributes") for kind in _DATA_TYPES)]


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this script text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: Iterable[str]) -> str:
    """The site's policy (:func:`levelofneed.publish.content_security_policy`) with the theme's script hashes."""
    return content_security_policy(hashes)


def meta_tag(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def allowed_hashes(texts: dict[str, str], allowed: AllowList) -> set[str]:
    """The hashes of every page's inline scripts, once each is found on the allow-list."""
    hashes = set()
    for page, text in texts.items():
        for source in inline_scripts(text):
            if not allowed.allows(source):
                raise UnexpectedScriptError(page, source)
            hashes.add(script_hash(source))
    return hashes


def add_to_site(site_dir: Path, allowed: AllowList) -> int:
    """Put the one policy into every HTML page, straight after the charset; returns the pages changed.

    Raises :class:`UnexpectedScriptError`, before any page is changed, when a page holds an inline
    script the allow-list does not know.
    """
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page.relative_to(site_dir).as_posix(): page.read_text(encoding="utf-8") for page in pages}
    tag = meta_tag(policy(allowed_hashes(texts, allowed)))
    changed = 0
    for name, text in texts.items():
        updated, count = _CHARSET.subn(lambda found: found.group(0) + tag, text, count=1)
        if count:
            (site_dir / name).write_text(updated, encoding="utf-8")
            changed += 1
    return changed
