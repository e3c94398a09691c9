"""When a line is answered, as data: so the banner, the helper and each contact can say who
answers the phone right now, and the hours a page prints are written from the same data
(issue 20). Times are the partnership's local time (Europe/London for England).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, HttpUrl, StringConstraints, model_validator

from .common import ContactRef, Strict, Text

Day = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAYS: tuple[Day, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class Window(Strict):
    """Some days of the week, from one time to another on each of them."""

    days: list[Day] = Field(min_length=1, description="The days, e.g. ['monday', 'tuesday', 'thursday'].")
    opens: ClockTime = Field(description="When it starts, on the 24-hour clock, e.g. '09:00'.")
    closes: ClockTime = Field(description="When it ends, on the 24-hour clock, e.g. '17:30'.")

    @model_validator(mode="after")
    def _in_order(self) -> Window:
        if self.closes <= self.opens:
            raise ValueError(f"'closes' ({self.closes}) must be later than 'opens' ({self.opens}) on the same day")
        if len(set(self.days)) != len(self.days):
            raise ValueError("a day is listed twice in 'days' — list each day once")
        return self


class Opening(Strict):
    """When the line is answered, when only an answerphone is, and who answers the rest of the time."""

    open: list[Window] = Field(min_length=1, description="When someone answers.")
    answerphone: list[Window] = Field(
        default_factory=list, description="When only an answerphone does (the line is closed then)."
    )
    bank_holidays: Literal["closed", "open"] = Field(
        default="closed", description="Whether the line is answered on a bank holiday (the partnership's list)."
    )
    otherwise: ContactRef = Field(description="The id of the contact that answers whenever this line does not.")

    @model_validator(mode="after")
    def _one_window_a_day(self) -> Opening:
        for kind, windows in (("open", self.open), ("answerphone", self.answerphone)):
            days = [day for window in windows for day in window.days]
            if len(set(days)) != len(days):
                raise ValueError(f"a day appears in two '{kind}' windows — give each day one window")
        return self


class BankHolidays(Strict):
    """The bank holidays the partnership's lines keep, with where the dates come from."""

    region: Text = Field(description="Whose bank holidays these are, e.g. 'England and Wales'.")
    dates: list[dt.date] = Field(min_length=1, description="Every bank holiday, as YYYY-MM-DD.")
    source: HttpUrl = Field(description="Where the dates come from, e.g. https://www.gov.uk/bank-holidays.")
    checked: dt.date = Field(description="When the dates were last checked against the source.")
