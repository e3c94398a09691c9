"""Shared building blocks for every record kind.

Every model forbids unknown keys and every field carries a description, because the
descriptions feed the JSON Schema that editors see in their editor and the
reference page in the docs. A misspelt key must never be silently ignored: a
dropped ``level`` on an indicator is a safeguarding risk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

RecordId = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80),
    Field(
        description=(
            "Stable identifier: lower-case letters, digits and single hyphens, "
            "e.g. `neglect-poor-hygiene`. It becomes part of the page address, "
            "so do not change it once published."
        )
    ),
]

# Characters no guidance text needs, which can hide or disguise what a reader sees: control
# characters (a terminal runs ESC sequences; NUL reaches HTML), and the bidirectional
# embeddings, overrides and isolates that display text in another order than it is written.
_CONTROL_OR_BIDI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Text that shows nothing at all: spaces and zero-width characters only.
_INVISIBLE_ONLY = re.compile("[\\s\u00ad\u180e\u200b-\u200d\u2060\ufeff]*")
MAX_TEXT = 10_000
MAX_WORD = 500  # the longest web address in the content is about 250 characters
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1}}}")


def _readable(text: str) -> str:
    """Refuse text that hides or disguises what it says, or one 'word' long enough to slow every output."""
    found = _CONTROL_OR_BIDI.search(text)
    if found:
        raise ValueError(f"text holds an invisible control character (U+{ord(found.group()):04X}) at character "
                         f"{found.start() + 1} — delete it; retype the text around it if you cannot see it")
    if _INVISIBLE_ONLY.fullmatch(text):
        raise ValueError("text holds only invisible characters — write the text, or remove the field")
    if _LONG_WORD.search(text):
        raise ValueError(f"text holds a 'word' of more than {MAX_WORD} characters with no space — "
                         "break it up, or shorten the web address")
    return text


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_readable),
    Field(description=f"Plain text, at most {MAX_TEXT:,} characters. It may not be empty, or hold control "
                      "characters or characters that reorder how text is displayed."),
]



@dataclass(frozen=True)
class RefersTo:
    """Marks a field as the id of a record of ``kind``, so ``check`` can find every reference.

    The cross-reference check reads these markers from the models (``crossref.references``);
    no list of references is written out anywhere else.
    """

    kind: str


_ID = StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80)

Reference = Annotated[str, _ID, Field(description="The id of another record.")]
LevelRef = Annotated[str, _ID, RefersTo("levels")]
DomainRef = Annotated[str, _ID, RefersTo("domains")]
SubdomainRef = Annotated[str, _ID, RefersTo("subdomains")]
TopicRef = Annotated[str, _ID, RefersTo("topics")]
IndicatorRef = Annotated[str, _ID, RefersTo("indicators")]
ServiceRef = Annotated[str, _ID, RefersTo("services")]
ProcedureRef = Annotated[str, _ID, RefersTo("procedures")]
BriefingRef = Annotated[str, _ID, RefersTo("briefings")]
ContactRef = Annotated[str, _ID, RefersTo("contacts")]
DutyRef = Annotated[str, _ID, RefersTo("duties")]


class Strict(BaseModel):
    """Base for every model: immutable, unknown keys rejected, no type coercion surprises."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Record(Strict):
    """Fields every guidance record may carry to show who owns it and when it is next reviewed."""

    owner: Text | None = Field(
        default=None, description="Who is responsible for keeping this record right (a role, not a person)."
    )
    last_reviewed: dt.date | None = Field(
        default=None, description="When the record was last checked, as YYYY-MM-DD."
    )
    review_due: dt.date | None = Field(
        default=None,
        description="When the record must next be checked, as YYYY-MM-DD. A date in the past is a warning.",
    )

    @model_validator(mode="after")
    def _review_after_last_review(self) -> Record:
        if self.last_reviewed and self.review_due and self.review_due < self.last_reviewed:
            raise ValueError(
                "review_due is before last_reviewed — set review_due to a date after the last review"
            )
        return self
