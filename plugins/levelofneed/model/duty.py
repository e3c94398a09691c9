"""Legal duties: what a named person must do, by when, through whom, and the law that says so.

A duty is not advice. Advice is weighed ("consider a referral"); a duty binds ("a teacher
must report known FGM to the police personally"). It is a record of its own so that one
wording, one timescale and one contact reach every place the duty applies: the pages of
the indicators, topics, procedures and safety questions that link to it, the helper's
result and the printed level cards (ADR 16). ``check`` refuses a duty with no timescale
or no source, because a duty without either cannot be acted on or checked.
"""

from __future__ import annotations

from pydantic import Field

from .common import ContactRef, Record, RecordId, Strict, Text


class DoNotAlert(Strict):
    """When the family must not be told first: whom to ask before anyone tells them, and why."""

    advice_from: list[ContactRef] = Field(
        min_length=1,
        description="Ids of the contacts to speak to before anyone tells the family, e.g. [front-door, "
                    "police-non-emergency]. They agree who tells the family, and when.",
    )
    why: Text = Field(description="Why telling the family first could put the child at greater risk, in a "
                                  "sentence a practitioner will remember.")


class Duty(Record):
    """Something the law requires a person to do, with its timescale, its route and its legal source."""

    id: RecordId
    name: Text = Field(description="A short name, e.g. 'Report known FGM to the police'.")
    who: Text = Field(description="Who must act, e.g. 'Teachers, and regulated health and social care "
                                  "professionals, personally'.")
    what: Text = Field(description="What they must do, in one or two sentences.")
    by_when: Text = Field(description="The timescale, e.g. 'Within one working day'. A duty without one "
                                      "cannot be acted on, so it is required.")
    contact: ContactRef = Field(description="The id of the contact through which the duty is carried out.")
    law: Text = Field(description="The law or statutory guidance that creates the duty, e.g. 'Female "
                                  "Genital Mutilation Act 2003, section 5B'.")
    source: Text = Field(description="Where the duty's wording was checked: the public page's address.")

