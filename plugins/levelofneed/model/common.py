"""Shared building blocks for every record kind.

Every model forbids unknown keys and every field carries a description, because the
descriptions feed the JSON Schema that editors see in their editor and the
reference page in the docs. A misspelt key must never be silently ignored: a
dropped ``level`` on an indicator is a safeguarding risk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Plain text. It may not be empty."),
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
