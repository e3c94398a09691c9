"""Options under ``plugins: - levelofneed:`` in mkdocs.yml, in the shape of Material's own plugins."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class LevelOfNeedConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' hook is untyped
    """``enabled`` first; then where the content is, and how the build behaves."""

    enabled = c.Type(bool, default=True)
    root = c.Optional(c.Dir(exists=True))
    edit_url = c.Optional(c.Type(str))
    nav = c.Type(bool, default=True)
    atomic = c.Type(bool, default=True)
    csp = c.Type(bool, default=True)
    # The PDFs (ADR 9): unset, ``mkdocs build`` prints them and ``mkdocs serve`` skips them to keep
    # rebuilds fast; true or false decides for both.
    pdf = c.Optional(c.Type(bool))
    # The service worker (ADR 20): the site works offline after one visit. Never under ``mkdocs serve``.
    offline = c.Type(bool, default=True)
