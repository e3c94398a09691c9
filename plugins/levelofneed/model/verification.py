"""Verification: when a contact detail was last checked, and against which public page.

A phone number, address or opening time on a safeguarding page is a fact that goes
stale. Each contact and each service says whether it has been checked, when, and
against what, so the site can show it and ``check --strict`` can refuse to publish a
key contact that nobody has checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .common import ContactRef, Strict, Text

VerificationStatus = Literal["verified", "unverified"]


class Verification(Strict):
    """Whether the details were checked against a public source, when, and against what."""

    status: VerificationStatus = Field(
        description="verified when someone checked the details against the source named in 'against'; "
                    "unverified otherwise (the site then says 'We could not confirm these details' and whom to "
                    "check with)."
    )
    checked: dt.date | None = Field(
        default=None, description="When the details were checked, as YYYY-MM-DD. Required when verified."
    )
    against: Text | None = Field(
        default=None,
        description="The public page or document the details were checked against: its address or title. "
                    "Required when verified.",
    )
    note: Text | None = Field(
        default=None,
        description="For editors: why the record is unverified and what was looked at. Required when unverified. "
                    "It is not shown to practitioners, who are told to check with 'ask' instead.",
    )
    ask: ContactRef | None = Field(
        default=None,
        description="For an unverified record: the id of the verified contact a practitioner should check with "
                    "before relying on the details (the best route that is known to work). Defaults to the "
                    "partnership's front door.",
    )

    @model_validator(mode="after")
    def _complete(self) -> Verification:
        if self.status == "verified" and (self.checked is None or self.against is None):
            raise ValueError("a verified record needs 'checked' and 'against' — add the date of the check and "
                             "the page or document it was checked against, or set status: unverified")
        if self.status == "unverified" and self.note is None:
            raise ValueError("an unverified record needs a 'note' — say, for editors, why it is unverified and "
                             "what was looked at")
        return self
