"""The site as a practitioner meets it on a phone (360×740) in Chromium: what the first screen
holds, numbers one tap away that never wrap, no page wider than the screen, the levels
side by side, copy link and print, and folded sections that open when needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from levelofneed import Guidance
from levelofneed.hours import hours_lines

from .browser_support import AXE, Watch, axe_violations, chromium_page, require_axe
from .test_browser import template_urls

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
FIRST_SCREEN = PHONE["height"]
# A phone number as text: seven or more digits, allowing spaces between groups.
PHONE_NUMBER = r"(?<![\d])(?:\+?\d[\d ]{5,}\d)(?![\d])"
LOOSE_NUMBERS = f"""() => {{
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, code, [hidden], .md-search') || !parent.offsetParent) continue;
    for (const match of node.textContent.matchAll(/{PHONE_NUMBER}/g)) {{
      if (match[0].replace(/\\D/g, '').length >= 7 && !parent.closest('a[href^="tel:"]')) found.push(match[0]);
    }}
  }}
  return found;
}}"""
WRAPPED_NUMBERS = """() => [...document.querySelectorAll('a[href^="tel:"]')]
  .filter(link => link.offsetParent !== null && link.getClientRects().length > 1).map(link => link.textContent)"""


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def phone(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    with chromium_page(chromium, base_url, bypass_csp=True, viewport=PHONE,
                       permissions=["clipboard-read", "clipboard-write"]) as opened:
        yield opened


def bottom(page: Any, selector: str) -> float:
    return float(page.locator(selector).first.evaluate("element => element.getBoundingClientRect().bottom"))


def banner_lines(page: Any) -> int:
    """How many lines of text the banner shows: distinct line boxes of its visible text."""
    return int(page.evaluate("""() => {
      const tops = new Set();
      const walker = document.createTreeWalker(document.querySelector('.lon-banner'), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || !parent.offsetParent) continue;
        if (parent.closest('details:not([open]) > :not(summary)')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const box of range.getClientRects()) tops.add(Math.round(box.top / 4));
      }
      return tops.size;
    }"""))


def test_the_home_page_first_screen_answers_what_are_you_worried_about(phone: tuple[Any, Watch], base_url: str,
                                                                      guidance: Guidance) -> None:
    page, watch = phone
    page.goto(base_url, wait_until="networkidle")
    assert bottom(page, "form[data-lon-search-form] button") <= FIRST_SCREEN
    assert bottom(page, ".lon-start__helperlink") <= FIRST_SCREEN
    ladder = page.locator(".lon-ladder__level")
    assert ladder.count() == len(guidance.levels)
    assert bottom(page, f".lon-ladder__level >> nth={len(guidance.levels) - 1}") <= FIRST_SCREEN
    for level in guidance.levels:
        assert ladder.nth(level.number - 1).inner_text().startswith(f"Level {level.number}: {level.name}")
    message = " ".join(guidance.partnership.immediate_danger.message.split())
    assert message not in " ".join(page.locator("article").inner_text().split()), "the banner's message is not repeated"
    assert watch.errors == [] and watch.blocked == []


def test_the_home_search_field_finds_what_was_typed(phone: tuple[Any, Watch], base_url: str) -> None:
    page, _ = phone
    page.goto(base_url, wait_until="networkidle")
    page.locator("#lon-home-q").fill("bruise baby")
    page.locator("form[data-lon-search-form] button").click()
    page.locator(".lon-search__result").first.wait_for()
    assert "bruising-non-mobile-baby" in str(page.locator(".lon-search__result a").first.get_attribute("href"))


def test_the_banner_keeps_to_three_lines_with_the_rest_behind_more(phone: tuple[Any, Watch], base_url: str,
                                                                   guidance: Guidance) -> None:
    page, _ = phone
    page.goto(base_url + "glossary/", wait_until="networkidle")
    assert banner_lines(page) <= 3
    # Both numbers are in the banner; the one that answers now is shown (test_call_now_browser.py).
    numbers = page.locator(".lon-banner__contact a[href^='tel:']")
    assert [numbers.nth(i).inner_text() for i in range(numbers.count())] == [
        guidance.front_door.phone, guidance.out_of_hours.phone]
    more = page.locator(".lon-banner__more > summary")
    more.focus()
    page.keyboard.press("Enter")
    panel = page.locator(".lon-banner__panel")
    assert panel.is_visible()
    for hours in (*hours_lines(guidance.front_door, guidance.contact_by_id),
                  *hours_lines(guidance.out_of_hours, guidance.contact_by_id)):
        assert hours in panel.inner_text()


def test_an_indicator_page_leads_with_the_level_and_the_first_action(phone: tuple[Any, Watch], base_url: str,
                                                                     guidance: Guidance) -> None:
    page, _ = phone
    indicator = guidance.indicator_by_id["bruising-non-mobile-baby"]
    level = guidance.level_by_id[indicator.level]
    page.goto(base_url + f"indicators/{indicator.id}/", wait_until="networkidle")
    badge = page.locator(".lon-suggests .lon-badge")
    assert badge.inner_text() == f"Level {level.number}: {level.name}"
    assert bottom(page, ".lon-suggests") <= FIRST_SCREEN
    first_action = page.locator(".lon-first-actions li").first
    assert first_action.evaluate("element => element.getBoundingClientRect().top") < FIRST_SCREEN - 40
    assert first_action.locator("a[href^='tel:']").count() >= 1, "its numbers are one tap away"
    title_size = page.locator("h1").evaluate("element => getComputedStyle(element).fontSize")
    body_size = page.locator(".lon-first-actions li").first.evaluate("element => getComputedStyle(element).fontSize")
    assert title_size == body_size
    assert not page.get_by_text("Content file").is_visible(), "editors' details are folded away"
    page.locator("summary", has_text="About this page").click()
    assert page.get_by_text("Content file").is_visible()


@pytest.mark.parametrize("share", range(2))  # two tests, so that pytest-xdist's workers share the pages
def test_every_number_is_a_tap_away_and_no_page_scrolls_sideways(phone: tuple[Any, Watch], base_url: str,
                                                                 guidance: Guidance, share: int) -> None:
    page, watch = phone
    problems = {}
    for path in sorted({*template_urls(guidance).values(), "services/", "levels/compare/"})[share::2]:
        page.goto(base_url + path, wait_until="networkidle")
        page.evaluate("document.querySelectorAll('details').forEach(fold => { fold.open = true; })")
        loose, wrapped = page.evaluate(LOOSE_NUMBERS), page.evaluate(WRAPPED_NUMBERS)
        width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if loose or wrapped or width > 0:
            problems[path] = {"not links": loose, "wrapped": wrapped, "too wide by": width}
    assert problems == {}
    assert watch.errors == [] and watch.blocked == []


def test_procedures_open_with_their_key_timescales(phone: tuple[Any, Watch], base_url: str,
                                                   guidance: Guidance) -> None:
    page, _ = phone
    procedure = guidance.procedure_by_id["escalation"]
    page.goto(base_url + "procedures/escalation/", wait_until="networkidle")
    box = page.locator(".lon-timescales")
    # The offline and update notices (ADR 20) sit above every page, shown only offline or on an update.
    first_content = page.locator("article > *:not(h1):not(a):not(.headerlink):not(.lon-offline-notices)").first
    assert first_content.evaluate("element => element.classList.contains('lon-timescales')")
    items = box.locator("li")
    assert items.count() == len(procedure.steps)
    for number, step in enumerate(procedure.steps):
        assert step.title in items.nth(number).inner_text()
        assert re.sub(r"\s+", " ", step.timescale) in re.sub(r"\s+", " ", items.nth(number).inner_text())


def test_the_comparison_page_shows_every_level_and_its_phone_picker_works_by_keyboard(
        phone: tuple[Any, Watch], chromium: Any, base_url: str, guidance: Guidance) -> None:
    labels = [f"Level {level.number}: {level.name}" for level in guidance.levels]
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": 1280, "height": 900}) as (wide, _):
        wide.goto(base_url + "levels/compare/", wait_until="networkidle")
        assert [wide.locator("thead th").nth(i).inner_text() for i in range(len(labels))] == labels
        assert not wide.locator("#lon-compare-picker").is_visible()
    page, _ = phone
    page.goto(base_url + "levels/compare/", wait_until="networkidle")
    shown = page.locator("thead th:visible")
    assert [shown.nth(i).inner_text() for i in range(shown.count())] == labels[1:3]
    page.locator("#lon-compare-first").focus()
    page.keyboard.press("ArrowUp")  # Level 2 → Level 1, by keyboard alone
    assert [shown.nth(i).inner_text() for i in range(shown.count())] == [labels[0], labels[2]]
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    for level in guidance.levels:
        assert page.locator(f"a.lon-badge[href$='levels/{level.id}/']").count() >= 1


def test_every_level_page_links_to_the_comparison(phone: tuple[Any, Watch], base_url: str,
                                                  guidance: Guidance) -> None:
    page, _ = phone
    for level in guidance.levels:
        page.goto(base_url + f"levels/{level.id}/", wait_until="networkidle")
        # Waited for, not counted at once: once in CI the count was 0 straight after loading (issue 23's
        # run at 158f36c), and it has never been reproduced; an absent link still fails after 30 s.
        page.locator("a[href$='levels/compare/']").first.wait_for(state="attached")


def test_copy_link_and_print(phone: tuple[Any, Watch], base_url: str, guidance: Guidance) -> None:
    page, _ = phone
    page.goto(base_url + "levels/level-2/", wait_until="networkidle")
    page.get_by_role("button", name="Copy link to this page").click()
    page.get_by_text("Link copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == base_url + "levels/level-2/"
    assert page.get_by_role("button", name="Print this page").is_visible()
    folds = page.locator("details.lon-fold")
    assert folds.count() > 0 and not folds.first.evaluate("fold => fold.open")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(folds.nth(i).evaluate("fold => fold.open") for i in range(folds.count())), "folds print open"
    page.emulate_media(media="print")
    try:
        footer = page.locator(".lon-print-footer")
        assert footer.is_visible()
        assert base_url + "levels/level-2/" in footer.inner_text()
        assert f"version {guidance.partnership.guidance_version}" in footer.inner_text()
    finally:
        page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not folds.first.evaluate("fold => fold.open"), "and fold again afterwards"


def test_a_link_into_a_folded_service_opens_it(phone: tuple[Any, Watch], base_url: str,
                                               guidance: Guidance) -> None:
    page, _ = phone
    service = guidance.services[-1]
    page.goto(base_url + f"services/#{service.id}", wait_until="networkidle")
    fold = page.locator(f"details.lon-service:has(#{service.id})")
    assert fold.evaluate("fold => fold.open")
    assert page.locator(f"#{service.id}").is_visible()


def test_the_table_of_contents_highlights_one_entry_at_a_time(chromium: Any, base_url: str) -> None:
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": 1280, "height": 900}) as (page, _):
        page.goto(base_url, wait_until="networkidle")
        height = page.evaluate("document.documentElement.scrollHeight")
        for top in range(0, height, 250):
            page.evaluate(f"window.scrollTo(0, {top})")
            page.wait_for_function("() => true")
            active = page.locator(".md-sidebar--secondary .md-nav__link--active:visible")
            assert active.count() <= 1, top


def test_new_and_changed_pages_meet_axe_on_a_phone(phone: tuple[Any, Watch], base_url: str) -> None:
    require_axe()
    page, _ = phone
    found = {}
    for path in ["", "indicators/bruising-non-mobile-baby/", "procedures/escalation/", "levels/compare/",
                 "levels/level-2/", "services/"]:
        page.goto(base_url + path, wait_until="networkidle")
        page.locator(".lon-banner__more > summary").click()
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    assert found == {}


TARGET_SIZE = ("async () => (await axe.run(document.querySelector('.md-banner'), "
               "{runOnly: {type: 'rule', values: ['target-size']}})).violations.map(v => v.id)")
SMALL_CONTROLS = """() => [...document.querySelectorAll('.md-banner a, .md-banner summary, .md-banner button')]
  .filter(control => control.offsetParent !== null)
  .map(control => [control.textContent.trim(), control.getBoundingClientRect()])
  .filter(([, box]) => box.width < 24 || box.height < 24).map(([text, box]) => `${text}: ${box.width}x${box.height}`)"""


def test_every_control_in_the_phone_banner_is_big_enough_to_tap(phone: tuple[Any, Watch], base_url: str) -> None:
    """WCAG 2.2's 24 by 24 pixel target size: "999" was 23 by 16."""
    require_axe()
    page, _ = phone
    page.goto(base_url + "levels/level-3/", wait_until="networkidle")
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(TARGET_SIZE) == []
    assert page.evaluate(SMALL_CONTROLS) == []


def test_the_banner_never_calls_the_front_door_daytime(phone: tuple[Any, Watch], base_url: str) -> None:
    """Its hours differ by day: Sefton's CHAT opens at 10:30 on Wednesdays and closes at 4pm on Fridays."""
    page, _ = phone
    page.goto(base_url + "levels/level-3/", wait_until="networkidle")
    assert "daytime" not in page.locator(".lon-banner").inner_text().lower()


CUT_OFF_TABLES = """() => [...document.querySelectorAll('article table')].filter(table => {
  const holder = table.closest('.lon-table-scroll') || table.parentElement;
  return holder.scrollWidth > holder.clientWidth + 1
    || table.getBoundingClientRect().right > document.querySelector('article').getBoundingClientRect().right + 1;
}).map(table => table.id || table.className)"""


@pytest.mark.parametrize("width", [1280, 360])
def test_no_table_on_the_comparison_page_is_cut_off(chromium: Any, base_url: str, width: int) -> None:
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": width, "height": 900}) as (page, _):
        page.goto(base_url + "levels/compare/", wait_until="networkidle")
        assert page.locator("article table").count() >= 1
        assert page.evaluate(CUT_OFF_TABLES) == []
