"""Who answers now, in the page (issue 20): the banner, a contact and the helper's act now, with
the browser's clock fixed (Playwright's clock; no waiting), wide and on a phone.

The moments are the issue's: Friday 4:45pm, after CHAT has closed, and a Monday morning when
it is open. Which sentence each moment gives is the engine's business (test_hours.py, under
Node); this proves the page shows it, with the number a tap away, and keeps to its lines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from levelofneed import Guidance
from levelofneed.hours import answering

from .browser_support import chromium_page
from .test_phone_browser import PHONE, banner_lines

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")
MOMENTS = ["2026-12-04T16:45", "2026-12-07T10:00"]


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


def fix_clock(page: Any, moment: str) -> None:
    """The browser's clock stands at ``moment``, London time, before the page loads."""
    page.clock.set_fixed_time(dt.datetime.fromisoformat(moment).replace(tzinfo=LONDON))


@pytest.mark.parametrize("moment", MOMENTS)
def test_the_banner_and_a_contact_say_who_answers_now(chromium: Any, base_url: str, guidance: Guidance,
                                                      moment: str) -> None:
    expected = answering(guidance, guidance.front_door, dt.datetime.fromisoformat(moment))
    with chromium_page(chromium, base_url) as (page, watch):
        fix_clock(page, moment)
        page.goto(base_url + "about/", wait_until="networkidle")
        banner = page.locator(".lon-banner__now--full")
        banner.wait_for(state="visible")  # the script writes it when the theme announces the page (document$)
        assert banner.inner_text() == expected.text
        assert banner.locator("a[href^='tel:']").inner_text() == expected.contact.phone
        contact = page.locator(f"#contact-{guidance.front_door.id} .lon-call-now")
        contact.wait_for(state="visible")
        assert contact.inner_text() == expected.text
        assert watch.errors == [] and watch.blocked == []


@pytest.mark.parametrize("moment", MOMENTS)
def test_on_a_phone_the_banner_shows_the_number_that_answers_now(chromium: Any, base_url: str,
                                                               guidance: Guidance, moment: str) -> None:
    """Three lines still: the second shows only the number that answers now, labelled "Call now"; the
    sentence and both teams' hours are behind "More"."""
    expected = answering(guidance, guidance.front_door, dt.datetime.fromisoformat(moment))
    with chromium_page(chromium, base_url, viewport=PHONE) as (page, _):
        fix_clock(page, moment)
        page.goto(base_url + "glossary/", wait_until="networkidle")
        page.locator(".lon-banner--now").wait_for()  # marked by the script when the theme announces the page
        assert not page.locator(".lon-banner__now--full").is_visible()
        shown = page.locator(".lon-banner__contact").filter(has=page.locator(".lon-banner__tel:visible"))
        assert shown.count() == 1 and shown.inner_text().startswith("Call now:")
        assert shown.locator(".lon-banner__tel").inner_text() == expected.contact.phone
        assert banner_lines(page) <= 3
        page.locator(".lon-banner__more > summary").click()
        assert page.locator(".lon-banner__panel .lon-banner__now").inner_text() == expected.text


def test_the_helpers_act_now_says_who_answers(chromium: Any, base_url: str, guidance: Guidance) -> None:
    expected = answering(guidance, guidance.front_door, dt.datetime.fromisoformat(MOMENTS[0]))
    question = guidance.safety_questions[0].id
    with chromium_page(chromium, base_url) as (page, watch):
        fix_clock(page, MOMENTS[0])
        page.goto(f"{base_url}which-level/#step=stop&a={question}.yes", wait_until="networkidle")
        line = page.locator("#lon-helper .lon-call-now")
        line.wait_for(state="visible")
        assert line.inner_text() == expected.text
        assert watch.errors == [] and watch.blocked == []


def test_without_javascript_the_hours_say_it_all(chromium: Any, base_url: str, guidance: Guidance) -> None:
    with chromium_page(chromium, base_url, java_script_enabled=False) as (page, _):
        page.goto(base_url + "about/")
        assert not page.locator(".lon-banner__now--full").is_visible()
        assert "Closed on bank holidays" in page.locator(f"#contact-{guidance.front_door.id}").inner_text()
