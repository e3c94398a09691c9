"""Services, with field names aligned to Open Referral UK so the export is nearly free."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, model_validator

from .common import ContactRef, LevelRef, Record, RecordId, Text, TopicRef
from .verification import Verification

ServiceStatus = Literal["active", "inactive", "defunct", "temporarily closed"]


class Service(Record):
    """A service a practitioner can refer to or signpost a family to."""

    id: RecordId
    name: Text = Field(description="The service's name.")
    description: Text = Field(description="What the service offers, in plain words.")
    organization: Text = Field(description="The organisation that runs it (Open Referral UK spelling).")
    status: ServiceStatus = Field(description="active, inactive, defunct or temporarily closed.")
    url: HttpUrl = Field(
        description="The service's own web page, or its organisation's page if it has none "
                    "(Open Referral UK requires one)."
    )
    email: Text | None = Field(default=None, description="An email address for enquiries.")
    phone: Text | None = Field(
        default=None, description="The service's own phone number. Leave out when 'contact' names its number."
    )
    contact: ContactRef | None = Field(
        default=None, description="The id of a partnership contact through which the service is reached."
    )
    how_to_access: Text = Field(description="How to refer or how a family gets in touch.")
    eligibility: Text | None = Field(default=None, description="Who the service is for.")
    minimum_age: int | None = Field(default=None, ge=0, le=25, description="The youngest age served, in years.")
    maximum_age: int | None = Field(default=None, ge=0, le=25, description="The oldest age served, in years.")
    levels: list[LevelRef] = Field(min_length=1, description="Ids of the levels the service works at.")
    topics: list[TopicRef] = Field(default_factory=list, description="Ids of topics the service helps with.")
    area: Text = Field(description="Where the service is available, e.g. 'Exampleshire' or 'National'.")
    verification: Verification = Field(
        description="Whether, when and against what the service's web page and contact details were checked."
    )
    source: Text = Field(description="Where the details come from.")

    @model_validator(mode="after")
    def _ages_in_order(self) -> Service:
        if self.minimum_age is not None and self.maximum_age is not None and self.minimum_age > self.maximum_age:
            raise ValueError("minimum_age is greater than maximum_age — swap them or correct one of them")
        return self
