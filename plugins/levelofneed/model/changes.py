"""The content changelog: what changed in each version of the guidance, for the "What's changed" page.

It is kept apart from the code's CHANGELOG.md: readers of the guidance need to know
that a level or a number changed, not that a module moved. ``check`` holds the newest
entry to the partnership's ``guidance_version``, so a version is never published
without saying what it changed.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import Strict, Text


class GuidanceVersion(Strict):
    """One published version of the guidance and what changed in it. List versions newest first."""

    version: Text = Field(
        description="The version, exactly as 'guidance_version' in the partnership settings writes it, e.g. '2026.2'. "
                    "The first entry must be the current version."
    )
    date: dt.date = Field(description="When the version was published, as YYYY-MM-DD.")
    summary: Text = Field(description="What the version is about, in a sentence or two.")
    changes: list[Text] = Field(
        min_length=1,
        description="What changed, one plain sentence each, most important first. Name contacts as `((id))`.",
    )
