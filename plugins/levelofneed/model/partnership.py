"""The partnership that publishes the guidance, and its contacts: each kept in one record.

Every other record names a contact by its id, written ``((contact-id))`` in text, so
changing a number here changes every page, the export and every later output.
"""

from __future__ import annotations

from pydantic import Field, HttpUrl, model_validator

from .common import ContactRef, Record, RecordId, Strict, Text
from .opening import BankHolidays, Opening
from .verification import Verification


class Contact(Strict):
    """A way to reach someone, kept in one place and referred to everywhere else as `((id))`."""

    id: RecordId
    name: Text = Field(description="What the contact is called, e.g. 'Children's Front Door'.")
    short_name: Text | None = Field(
        default=None,
        description="How running text names it, e.g. 'the front door' in 'telephone the front door on 01632 960 000'. "
                    "Defaults to the name.",
    )
    phone: Text | None = Field(default=None, description="The number as it should be dialled, e.g. '01632 960 000'.")
    hours: list[Text] = Field(
        default_factory=list,
        description="When the line is answered, one line per group of days, e.g. 'Friday, 9am to 4pm'.",
    )
    opening: Opening | None = Field(
        default=None,
        description="When the line is answered, as data, so pages can say who answers now. Write the hours "
                    "here or in 'hours', not both: the hours are then written from this.",
    )
    email: Text | None = Field(default=None, description="An email address, if the contact accepts email.")
    url: HttpUrl | None = Field(default=None, description="The contact's own web page.")
    notes: Text | None = Field(default=None, description="What a practitioner should know before calling.")
    former_phones: list[Text] = Field(
        default_factory=list,
        description="Numbers this contact used to have. 'check' reports any that still appear in the guidance.",
    )
    verification: Verification = Field(description="Whether, when and against what these details were checked.")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        # A placeholder (a new partnership's, from 'levelofneed init') may have no details yet, but only
        # while unverified: 'check --strict' then fails and the site says it is a draft.
        unreachable = self.phone is None and self.email is None and self.url is None
        if unreachable and self.verification.status == "verified":
            raise ValueError("a contact needs a way to reach it — add 'phone', 'email' or 'url'")
        if self.opening is not None and self.hours:
            raise ValueError("the hours are written twice — remove 'hours': pages write them from 'opening'")
        return self


class ImmediateDanger(Strict):
    """The message that tops every page: what to do when a child is in danger now."""

    message: Text = Field(description="One sentence, e.g. 'If a child is in immediate danger, call the police on 999.'")
    contact: ContactRef = Field(description="The id of the emergency contact, e.g. 'police-emergency'.")


class CoverageRules(Strict):
    """The partnership's own rules for how fully the guidance covers its scale; ``check`` warns where it falls short.

    A sub-domain with no indicator at a level is a gap a practitioner falls into: nothing
    to compare their worry with at that level.
    """

    min_per_subdomain_cell: int = Field(
        default=0, ge=0, le=50, description="At least this many indicators in every sub-domain at every level.")
    every_topic_at_every_level: bool = Field(
        default=False, description="Every topic has at least one indicator at every level.")
    min_briefing_indicators: int = Field(
        default=0, ge=0, le=50, description="Every 7-minute briefing links at least this many indicators.")
    procedures_linked: bool = Field(
        default=False,
        description="Every procedure is linked from a level, topic, indicator or safety question, so someone finds it.")


class SourceRules(Strict):
    """Which hosts the partnership trusts as sources, so ``check --strict`` can find a citation nobody vouches for.

    A safeguarding page is only as good as what it rests on: statute, statutory guidance,
    the partnership's own procedures and the providers' own pages. A number or a timescale
    copied from a news story, a mirror or another area's procedures can be wrong for this
    area, so each such citation is either replaced or marked as background (issue 21).
    """

    trusted_hosts: list[Text] = Field(
        min_length=1,
        description="Hosts whose pages may be cited as authority, e.g. 'gov.uk', 'exampleshire.gov.uk'. A leading "
                    "'www.' is ignored; write '*.nhs.uk' to trust every host under nhs.uk. Another host in a "
                    "'source' or a verification's 'against' is a warning, which fails 'check --strict'. A "
                    "citation that begins with 'Background:' (citations are separated by ';') may use any host "
                    "except link shorteners and document mirrors, which are always refused.",
    )


class Partnership(Record):
    """The safeguarding partnership: its name, area, contacts and the version of its guidance."""

    id: RecordId = Field(
        description="A short id for the partnership, e.g. 'exampleshire': lower-case letters, digits and hyphens. "
                    "It names the PDFs."
    )
    name: Text = Field(
        description="The partnership's full name, e.g. 'Exampleshire Safeguarding Children Partnership'.")
    short_name: Text = Field(description="The name used in headings and the site's title, e.g. 'Exampleshire SCP'.")
    area: Text = Field(description="The area the guidance covers, e.g. 'Exampleshire'.")
    website: HttpUrl | None = Field(default=None, description="The partnership's own website.")
    site_url: HttpUrl | None = Field(
        default=None,
        description="Where this guidance itself is published, ending in '/'. Printed copies point readers to it.",
    )
    guidance_version: Text = Field(description="The version of the guidance, e.g. '2026.1'.")
    history: Text | None = Field(
        default=None,
        description="A short history of the partnership and this guidance, for the About page. "
                    "Separate paragraphs with a blank line.",
    )
    immediate_danger: ImmediateDanger = Field(description="What to do when a child is in immediate danger.")
    front_door: ContactRef = Field(
        description="The id of the contact for worries about a child while it is open "
                    "(the children's social care front door)."
    )
    out_of_hours: ContactRef = Field(description="The id of the contact when the front door is closed.")
    contacts: list[Contact] = Field(min_length=1, description="Every contact the guidance names, each once.")
    suggest_change_url: HttpUrl | None = Field(
        default=None, description="Where practitioners can suggest a change, e.g. the repository's issues page."
    )
    coverage: CoverageRules | None = Field(
        default=None,
        description="How fully the guidance must cover its scale; 'check' warns where it falls short. "
                    "Leave out for no such warnings.",
    )
    edit_url: HttpUrl | None = Field(
        default=None,
        description="The base address for 'edit this page' links to the YAML source, ending in '/'.",
    )
    sources: SourceRules | None = Field(
        default=None,
        description="The hosts the partnership trusts as sources. Leave out for no such warnings; link "
                    "shorteners and document mirrors are refused either way.",
    )
    max_services_in_result: int = Field(
        default=12, ge=1, le=100,
        description="'check' warns when the helper's result for one indicator would list more services than "
                    "this: on a phone, the right ones are lost in a long list.",
    )
    bank_holidays: BankHolidays | None = Field(
        default=None,
        description="The bank holidays the contacts' 'opening' hours keep. Needed when a line closes on them.",
    )
