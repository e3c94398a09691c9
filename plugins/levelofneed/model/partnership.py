"""The partnership that publishes the guidance, and the contacts shown on every page."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, HttpUrl

from .common import Record, Strict, Text


class Contact(Strict):
    """A way to reach a service by phone, shown in the emergency banner and on level pages."""

    name: Text = Field(description="What the contact is called, e.g. 'Children's Services front door (MASH)'.")
    phone: Text = Field(description="The phone number as it should be dialled, e.g. '0345 140 0845'.")
    hours: Text | None = Field(
        default=None, description="When the line is answered, e.g. 'Monday to Friday, 8am to 6pm'."
    )
    email: Text | None = Field(default=None, description="An email address, if the service accepts email.")
    url: HttpUrl | None = Field(default=None, description="A web page with more about this contact.")
    notes: Text | None = Field(default=None, description="Anything a practitioner should know before calling.")


class ImmediateDanger(Strict):
    """The message that tops every page: what to do when a child is in danger now."""

    message: Text = Field(description="One sentence, e.g. 'If a child is in immediate danger, call the police on 999.'")
    phone: Text = Field(description="The emergency number, e.g. '999'.")


class Partnership(Record):
    """The safeguarding partnership: its name, area and the contacts every page shows."""

    id: Text = Field(description="A short id for the partnership, e.g. 'sefton'.")
    name: Text = Field(description="The partnership's full name.")
    short_name: Text = Field(description="The name used in headings, e.g. 'Sefton LSCB'.")
    area: Text = Field(description="The area the guidance covers, e.g. 'Sefton, Merseyside'.")
    website: HttpUrl | None = Field(default=None, description="The partnership's own website.")
    guidance_version: Text = Field(description="The version of the guidance, e.g. '2026.1'.")
    immediate_danger: ImmediateDanger = Field(description="What to do when a child is in immediate danger.")
    front_door: Contact = Field(description="The children's services front door (MASH) for daytime referrals.")
    out_of_hours: Contact = Field(description="The out-of-hours emergency duty team.")
    other_contacts: list[Contact] = Field(default_factory=list, description="Further contacts, e.g. police 101.")
    last_verified: dt.date = Field(description="When the contact numbers were last checked, as YYYY-MM-DD.")
    verification_note: Text = Field(
        description="A reminder that numbers must be checked before publishing, and by whom."
    )
    suggest_change_url: HttpUrl | None = Field(
        default=None, description="Where practitioners can suggest a change, e.g. the repository's issues page."
    )
    edit_url: HttpUrl | None = Field(
        default=None,
        description="The base address for 'edit this page' links to the YAML source, ending in '/'.",
    )
