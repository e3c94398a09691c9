"""Escaping: any text an editor writes comes out as that text, never as markup.

The generated pages are Markdown with HTML blocks, so each case is run through
Python-Markdown with the site's extensions and read back as text.
"""

from __future__ import annotations

import html
import re

import markdown
import pytest

from levelofneed.render.text import attribute, escape, paragraphs, phone_href, squash, title

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition"]

HOSTILE = [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "![x](https://tracker.example/pixel.png)",
    "**bold** and _under_ and `code` and ~~strike~~",
    "# not a heading",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "12) not a list",
    ": not a definition",
    "> not a quote",
    "Tom & Jerry < 3 > 2 \"quoted\" 'single'",
    "A | table | row",
    "{#id} {: .class } attr list",
    "*[HTML]: abbreviation",
    "back\\slash \\* escaped",
    "&amp; already an entity &#42;",
    "<!-- comment -->",
    "Level 4: Specialist / statutory (s47)",
    "==mark== ^^ins^^ $math$",
    "  spaced\n\n out \t text  ",
]


def _to_text(markup: str) -> str:
    """What a reader sees: tags stripped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


@pytest.mark.parametrize("raw", HOSTILE)
def test_escaped_text_reads_back_unchanged_in_a_paragraph(raw: str) -> None:
    rendered = markdown.markdown(str(escape(raw)), extensions=EXTENSIONS)
    assert rendered.startswith("<p>")
    assert _to_text(rendered) == squash(raw)


@pytest.mark.parametrize("raw", HOSTILE)
def test_escaped_text_reads_back_unchanged_in_an_html_block(raw: str) -> None:
    source = f'<div class="x" markdown="block">\n\n- item {escape(raw)}\n\n</div>\n\n<p>{escape(raw)}</p>'
    rendered = markdown.markdown(source, extensions=EXTENSIONS)
    assert rendered.count("<li>") == 1
    assert "<script" not in rendered and "href=" not in rendered and "src=" not in rendered
    assert squash(_to_text(rendered)) == f"item {squash(raw)} {squash(raw)}"


@pytest.mark.parametrize("raw", HOSTILE)
def test_escaped_text_makes_no_elements(raw: str) -> None:
    rendered = markdown.markdown(f"Before {escape(raw)} after", extensions=EXTENSIONS)
    assert re.findall(r"<(\w+)", rendered) == ["p"]


def test_escaped_text_is_safe_inside_a_double_quoted_attribute() -> None:
    value = escape('" onload="alert(1)')
    assert '"' not in value
    assert html.unescape(str(value)) == '" onload="alert(1)'


def test_attribute_escapes_quotes_and_brackets() -> None:
    assert attribute('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"


def test_title_escapes_html_because_themes_print_titles_raw() -> None:
    assert title("Drugs & <alcohol>\n use") == "Drugs &amp; &lt;alcohol&gt; use"


def test_paragraphs_split_at_blank_lines_and_squash_lines() -> None:
    assert paragraphs("one\nline\n\n  two  \n\n\n") == ["one line", "two"]


@pytest.mark.parametrize(("number", "href"), [
    ("0345 140 0845", "tel:03451400845"),
    ("999", "tel:999"),
    ("+44 (0)151 934 3555", "tel:+4401519343555"),
    ("<script>", "tel:"),
])
def test_phone_links_carry_digits_only(number: str, href: str) -> None:
    assert phone_href(number) == href
