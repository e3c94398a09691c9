"""Glossary terms and search synonyms: the words practitioners actually use."""

from __future__ import annotations

from pydantic import Field

from .common import Record, RecordId, Strict, Text


class GlossaryTerm(Record):
    """A term or acronym explained in plain words and linked from the text."""

    id: RecordId
    term: Text = Field(description="The term as practitioners write it, e.g. 'EHAT'.")
    expansion: Text | None = Field(default=None, description="What an acronym stands for.")
    definition: Text = Field(description="What it means, in plain words.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings or names for the same term.")


class SynonymGroup(Strict):
    """Words search treats as meaning the same thing, e.g. 'DV', 'domestic violence', 'domestic abuse'."""

    id: RecordId
    terms: list[Text] = Field(min_length=2, description="Two or more words or phrases with the same meaning.")
