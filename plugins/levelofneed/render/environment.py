"""The Jinja environment that fills the page templates kept beside this module.

It is safe by default: ``finalize`` escapes every plain string a template prints with
:func:`.text.escape`, for Markdown and HTML at once, and only :class:`Markup` built by
:class:`.writer.PageWriter` passes through unchanged. A template that forgets to escape
therefore still produces text, never markup.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .text import escape

TEMPLATES = Path(__file__).parent


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Escape what a template prints; a ((contact)) in it is shown with its number."""
    if isinstance(value, Markup | int | float):
        return value
    if isinstance(value, dt.date):
        return escape(f"{value.day} {value:%B %Y}")
    text = str(value)
    writer = context.get("w")
    if writer is not None and "((" in text:
        return writer.prose(text, terms=False)
    return escape(text)


@cache
def environment() -> Environment:
    """One environment per process: templates compile once and are reused for every page."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # attr_list writes heading ids as {#id}, which is Jinja's comment syntax.
        comment_start_string="<#",
        comment_end_string="#>",
    )
    return env


def template(name: str) -> Template:
    """A page template by file name, e.g. ``level.md.j2``."""
    return environment().get_template(name)
