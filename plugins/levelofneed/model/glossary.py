"""Glossary terms and search synonyms: the words practitioners actually use."""

from __future__ import annotations

from pydantic import Field, model_validator

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
    ambiguous: list[Text] = Field(
        default_factory=list,
        description="Words that mean this group only when the query also holds one of `context`, such as "
                    "'cutting' for FGM. Without a context word, such a word never counts towards a record that "
                    "holds one of this group's terms, so 'cutting her arms' finds self-harm, not FGM.")
    context: list[Text] = Field(
        default_factory=list,
        description="Words that show an `ambiguous` word is meant in this group's sense, such as 'ceremony' "
                    "or 'abroad' for FGM. Needed when `ambiguous` is given.")

    @model_validator(mode="after")
    def _context_with_ambiguous(self) -> SynonymGroup:
        """An ambiguous word with no context could never take this group's sense."""
        if self.ambiguous and not self.context:
            raise ValueError("`ambiguous` words need `context` words: add the words that show this sense")
        return self
