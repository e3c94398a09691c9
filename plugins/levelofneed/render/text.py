"""Escaping for text that comes from YAML, so content can never become markup.

Every generated page is Markdown that mixes Markdown syntax with HTML blocks
(``md_in_html``). One escape has to be safe in both places, so we HTML-escape and
then turn each character that Markdown (or a common extension) could read as syntax
into a numeric character reference. A reference is plain text to Python-Markdown and
to the browser alike, inside a paragraph, a raw HTML block or an attribute value, so
there are no backslash escapes to leak into raw HTML.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters that start Markdown syntax anywhere in a line, in Python-Markdown or in
# extensions a site builder may enable (tables, attr_list, abbr, mark, tilde, caret,
# arithmatex), plus the four that HTML needs escaped in text and double-quoted attributes.
_SPECIAL = re.compile(r"[&<>\"\\`*_\[\]{}|#~^=$]")
# Syntax that only counts at the start of a line: lists, headings, definitions.
_LEADING = re.compile(r"^(?:[-+:]|\d+(?=[.)]))")
_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _reference(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(char)};" for char in match.group(0))


def squash(text: str) -> str:
    """One line with single spaces: YAML folded and literal blocks both end up inline."""
    return _SPACE.sub(" ", text).strip()


def escape(text: str) -> Markup:
    """Inline text from YAML, safe in Markdown, in HTML blocks and in attribute values."""
    return encode(squash(text))


def encode(text: str, line_start: bool = True) -> Markup:
    """Escape ``text`` exactly as it is, spaces included, for a piece of a longer line.

    ``line_start`` says whether the piece may begin a line, where list and heading
    markers count.
    """
    lead = _LEADING.match(text) if line_start else None
    start = _reference(lead) if lead else ""
    return Markup(start + _SPECIAL.sub(_reference, text[lead.end() if lead else 0:]))


def paragraphs(text: str) -> list[str]:
    """A text split at blank lines, for fields written as more than one paragraph."""
    return [part for part in (squash(p) for p in _PARAGRAPH_BREAK.split(text)) if part]


def attribute(text: str) -> Markup:
    """A value for an HTML attribute we build ourselves (class lists, data attributes)."""
    return Markup(html.escape(squash(text), quote=True))


def title(text: str) -> str:
    """A page or nav title. MkDocs themes print titles without escaping, so we escape them."""
    return html.escape(squash(text), quote=True)  # quotes too: the theme puts titles in attributes


def phone_href(phone: str) -> str:
    """A ``tel:`` address: digits and a leading plus only, so it can carry no markup."""
    digits = re.sub(r"[^\d+]", "", phone)
    return "tel:" + (digits[:1] + digits[1:].replace("+", "") if digits else "")


def tel_link(number: str, extra_class: str = "") -> Markup:
    """The one way a phone number is written on the site: one tap to dial, never wrapped.

    Pages (through the page writer) and the banner both use it, so every number looks
    and behaves the same wherever it appears.
    """
    classes = f"lon-tel {extra_class}".strip()
    return Markup(f'<a class="{attribute(classes)}" href="{attribute(phone_href(number))}">{escape(number)}</a>')
