"""The "which level?" helper in Chromium (the engines' agreement runs under Node: tests/test_js.py):
the page works by keyboard alone, meets WCAG 2.2 AA at every step, runs no
text from the guidance as code, keeps nothing, sends nothing, and works under the site's
Content-Security-Policy.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from levelofneed import Guidance
from levelofneed.labels import level_label, named_text, plain_text

from .browser_support import Watch, axe_violations, chromium_page, require_axe, serve

pytestmark = pytest.mark.browser

RECORD_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def opened(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    """A page for driving the helper. Playwright's waiting functions are evaluated in the page, which the
    site's policy forbids, so this page sets the policy aside; the policy's own test does not."""
    with chromium_page(chromium, base_url, permissions=["clipboard-read", "clipboard-write"],
                       bypass_csp=True) as opened:
        yield opened


def open_helper(page: Any, base_url: str, fragment: str = "") -> None:
    """A fresh load of the helper. Going from one fragment of the page to another would only move
    within the document, and keep what the last test left there."""
    page.goto("about:blank")
    page.goto(f"{base_url}which-level/{fragment}", wait_until="networkidle")
    page.wait_for_function("window.LevelOfNeedHelper !== undefined")


# Keyboard only: Tab to a control, Space or an arrow key to answer, Enter to press a button.

def tab_to(page: Any, selector: str, limit: int = 400) -> None:
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def step_one(guidance: Guidance) -> list[str]:
    """The questions step 1 asks: the safety questions, then any routing question that brings a duty."""
    return [q.id for q in guidance.safety_questions] + [q.id for q in guidance.helper.routing_questions if q.duties]


def answer_safety_by_keyboard(page: Any, guidance: Guidance, yes: str | None = None) -> None:
    for question_id in step_one(guidance):
        tab_to(page, f"input[name='safety-{question_id}']")
        page.keyboard.press("Space" if question_id == yes else "ArrowRight")  # Space picks Yes; the arrow, No
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_function("/step=(seen|stop)/.test(location.hash)")


def pick_by_keyboard(page: Any, guidance: Guidance, indicator_id: str) -> None:
    tab_to(page, "#lon-helper-query")
    page.keyboard.press("Control+A")
    page.keyboard.type(guidance.indicator_by_id[indicator_id].text[:60])
    tab_to(page, f"#lon-pick-{indicator_id}")
    page.keyboard.press("Space")


def plain_indicator(guidance: Guidance, position: int) -> str:
    """An indicator at the level in ``position`` that no rule treats specially, chosen from the guidance itself,
    so that an editor who moves an indicator breaks no test here (issue 19)."""
    level = guidance.levels[position]
    special = set(guidance.helper.always_highest_level) | {
        i for question in guidance.helper.circumstances for i in question.asked_for}
    return next(i.id for i in guidance.indicators if i.level == level.id and i.id not in special
                and not i.age_bands and "((" not in i.text)


@pytest.fixture(scope="module")
def one(guidance: Guidance) -> str:
    """A plain indicator at the second level (additional needs on Sefton's scale)."""
    return plain_indicator(guidance, 1)


@pytest.fixture(scope="module")
def asked(guidance: Guidance) -> str:
    """An indicator that makes the helper ask a question about the child."""
    return guidance.helper.circumstances[0].asked_for[0]


@pytest.fixture(scope="module")
def one_label(guidance: Guidance, one: str) -> str:
    return level_label(guidance.level_by_id[guidance.indicator_by_id[one].level])


@pytest.mark.parametrize("position", [0, 1, 2, 3])
def test_a_keyboard_path_reaches_each_level(opened: tuple[Any, Watch], base_url: str, guidance: Guidance,
                                            position: int) -> None:
    page, watch = opened
    open_helper(page, base_url, "#step=safety")
    answer_safety_by_keyboard(page, guidance)
    chosen = plain_indicator(guidance, position)
    pick_by_keyboard(page, guidance, chosen)
    label = level_label(guidance.level_by_id[guidance.indicator_by_id[chosen].level])
    assert label in page.locator(".lon-summary").inner_text()
    tab_to(page, "button.md-button--primary")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert label in page.locator(".lon-result-level").inner_text()
    assert guidance.helper.caveat.split(".")[0] in page.locator("#lon-helper").inner_text()
    assert watch.errors == [] and watch.blocked == []


def test_each_safety_question_stops_the_flow_by_keyboard(opened: tuple[Any, Watch], base_url: str,
                                                         guidance: Guidance) -> None:
    page, watch = opened
    for safety in guidance.safety_questions:
        open_helper(page, base_url, "#step=safety")
        answer_safety_by_keyboard(page, guidance, yes=safety.id)
        text = page.locator("#lon-helper").inner_text()
        assert "Act now" in text and named_text(safety.question, guidance.contact_by_id) in text
        assert level_label(guidance.level_by_id[safety.level]) in text
        assert guidance.front_door.phone in text  # the front door, written out from its contact record
    assert watch.errors == [] and watch.blocked == []


def test_the_rationale_is_copied_with_the_keyboard(opened: tuple[Any, Watch], base_url: str,
                                                   guidance: Guidance, one: str, one_label: str) -> None:
    page, _ = opened
    open_helper(page, base_url, "#step=safety")
    answer_safety_by_keyboard(page, guidance)
    pick_by_keyboard(page, guidance, one)
    tab_to(page, "button.md-button--primary")
    page.keyboard.press("Enter")
    tab_to(page, "#lon-helper-notes")
    page.keyboard.type("Discussed with my manager.")
    tab_to(page, "button.md-button--primary")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.lon-record [role=status]').textContent.startsWith('Copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    for expected in (f"version {guidance.partnership.guidance_version}", f"[{one}]",
                     f"Suggested level: {one_label}", "Discussed with my manager.",
                     guidance.helper.caveat.split(".")[0], "Safety questions:"):
        assert expected in copied


def test_state_lives_in_the_fragment_and_back_works(opened: tuple[Any, Watch], base_url: str, one: str) -> None:
    page, _ = opened
    open_helper(page, base_url, f"#step=seen&i={one}")
    assert page.locator(f"#lon-pick-{one}").is_checked()
    page.get_by_role("button", name="See what this suggests").click()
    assert "step=result" in page.url and "?" not in page.url
    page.go_back()
    page.wait_for_function("document.querySelector('#lon-helper h2').textContent.startsWith('Step 2')")
    page.go_forward()
    page.wait_for_function("document.querySelector('#lon-helper h2').textContent.startsWith('Step 3')")


def _scroll_through(page: Any) -> None:
    """Scroll the whole page down, a screen at a time, as a reader does, letting the theme's timers run
    (on a fake clock: no waiting) after each step, so that anything the theme does on scroll is done."""
    at_bottom = "window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2"
    for _ in range(200):
        if page.evaluate(at_bottom):
            break
        page.mouse.wheel(0, 400)
        page.clock.run_for(1000)
    assert page.evaluate(at_bottom)


def test_the_answers_survive_scrolling_reload_back_forward_and_a_copied_link(
        chromium: Any, base_url: str, guidance: Guidance, one_label: str, one: str) -> None:
    """Answered by clicking, with the site's own mkdocs.yml: scrolling must never rewrite the fragment
    (the theme's navigation.tracking did), so reload, back, forward and a copied link all restore it."""
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": 360, "height": 740},
                       permissions=["clipboard-read", "clipboard-write"]) as (page, watch):
        page.clock.install()
        open_helper(page, base_url)
        for question_id in step_one(guidance):
            page.locator(f"label[for='safety-{question_id}-no']").click()
        page.get_by_role("button", name="Continue").click()
        page.fill("#lon-helper-query", guidance.indicator_by_id[one].text[:60])
        page.locator(f"#lon-pick-{one}").check()
        page.get_by_role("button", name="See what this suggests").click()
        answered = page.url.split("#", 1)[1]
        assert "step=result" in answered and f"i={one}" in answered
        _scroll_through(page)
        assert page.url.split("#", 1)[1] == answered
        page.reload(wait_until="networkidle")
        page.wait_for_function("window.LevelOfNeedHelper !== undefined")
        assert page.locator("#lon-helper h2").inner_text().startswith("Step 3")
        page.go_back()
        page.wait_for_function("document.querySelector('#lon-helper h2').textContent.startsWith('Step 2')")
        assert page.locator(f"#lon-pick-{one}").is_checked()
        page.go_forward()
        page.wait_for_function("document.querySelector('#lon-helper h2').textContent.startsWith('Step 3')")
        _scroll_through(page)
        page.get_by_role("button", name="Copy link to this page").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.split("#", 1)[1] == answered
        page.goto("about:blank")
        page.goto(copied, wait_until="networkidle")
        page.wait_for_function("window.LevelOfNeedHelper !== undefined")
        assert page.locator("#lon-helper h2").inner_text().startswith("Step 3")
        assert one_label in page.locator(".lon-result-level").inner_text()
        assert page.locator(".md-top").evaluate("top => getComputedStyle(top).display") == "none"
        assert watch.errors == [] and watch.blocked == []


def test_an_indicator_page_links_to_the_helper_with_it_chosen(opened: tuple[Any, Watch], base_url: str,
                                                              one: str) -> None:
    page, _ = opened
    page.goto(f"{base_url}indicators/{one}/", wait_until="networkidle")
    page.locator("a[href*='which-level/#']").first.click()
    page.wait_for_function("window.LevelOfNeedHelper && document.querySelector('#lon-helper h2')")
    assert f"i={one}" in page.url
    assert page.locator("#lon-helper h2").inner_text().startswith("Step 1")  # safety questions still come first


def test_nothing_is_kept_or_sent(opened: tuple[Any, Watch], base_url: str, guidance: Guidance, one: str) -> None:
    page, watch = opened
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.method + " " + request.url))
    open_helper(page, base_url, f"#step=seen&i={one}")
    page.get_by_role("button", name="See what this suggests").click()
    page.fill("#lon-helper-notes", "private words")
    assert page.evaluate("document.cookie") == ""
    stored = page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))")
    assert "attendance" not in stored and "private" not in stored
    assert all(request.startswith("GET ") for request in requests)
    assert not any("private" in request or f"{one}" in request for request in requests)
    assert watch.blocked == []


def test_each_unanswered_question_about_the_child_counts_as_its_riskier_answer(
        opened: tuple[Any, Watch], base_url: str, guidance: Guidance) -> None:
    """ADR 14, for every question about the child (the mobility of a child with an injury, the age of a young
    person's partner): until the practitioner answers, the helper shows the level the riskier answer gives and
    says so; the safer answer, given by keyboard, brings the level back to the indicator's own."""
    page, watch = opened
    for question in guidance.helper.circumstances:
        asked = question.asked_for[0]
        riskier = level_label(guidance.level_by_id[guidance.indicator_by_id[question.indicator].level])
        own = level_label(guidance.level_by_id[guidance.indicator_by_id[asked].level])
        open_helper(page, base_url, f"#step=seen&i={asked}")
        summary = page.locator(".lon-summary").inner_text()
        assert riskier in summary and "assumes the riskier answer" in summary, question.id
        safer = "yes" if question.raises_when == "no" else "no"
        page.locator(f"input[name$='{question.id}'][value='{safer}']").focus()
        page.keyboard.press("Space")
        assert own in page.locator(".lon-summary").inner_text(), question.id
    assert watch.errors == [] and watch.blocked == []


def _duty_routing(guidance: Guidance) -> Any:
    return next(q for q in guidance.helper.routing_questions if q.duties)


def _unalerted(guidance: Guidance) -> str:
    """An indicator at the highest level that says the family must not be told first."""
    top = guidance.levels[-1].id
    return next(i.id for i in guidance.indicators if i.do_not_alert_family and i.level == top)


def test_the_allegations_question_is_asked_first_and_brings_its_duty_by_keyboard(
        opened: tuple[Any, Watch], base_url: str, guidance: Guidance, one: str) -> None:
    """A routing question that brings a duty (the allegations route) is asked in step 1 and must be answered;
    a yes, given by keyboard on a 320 px screen, puts the duty, with its contact, in a 'You must' box and in
    the record."""
    page, watch = opened
    question = _duty_routing(guidance)
    duty = guidance.duty_by_id[question.duties[0]]
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        open_helper(page, base_url)
        tab_to(page, "button[type=submit]")
        page.keyboard.press("Enter")
        unanswered = page.locator(".lon-error").inner_text()
        assert plain_text(question.question, guidance.contact_by_id) in unanswered  # not answered yet: asked
        open_helper(page, base_url)
        answer_safety_by_keyboard(page, guidance, yes=question.id)
        pick_by_keyboard(page, guidance, one)
        tab_to(page, "button.md-button--primary")
        page.keyboard.press("Enter")
        page.wait_for_function("/step=result/.test(location.hash)")
        box = page.locator(".lon-duties")
        assert duty.name in box.inner_text() and guidance.contact_by_id[duty.contact].name.split(" (")[0][:20] in (
            box.inner_text() + page.locator(".lon-contacts").inner_text())
        assert "Legal duties:" in page.locator("#lon-helper-rationale").input_value()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})
    assert watch.errors == [] and watch.blocked == []


def test_do_not_alert_the_family_comes_before_what_to_do_and_replaces_telling_them(
        opened: tuple[Any, Watch], base_url: str, guidance: Guidance) -> None:
    page, watch = opened
    unalerted = _unalerted(guidance)
    answered = ",".join(f"{q}.no" for q in step_one(guidance))
    open_helper(page, base_url, f"#step=result&a={answered}&i={unalerted}")
    text = page.locator("#lon-helper").inner_text()
    assert "Do not tell the family first." in text
    assert text.index("Do not tell the family first.") < text.index("What to do")
    for response in guidance.planning_responses:
        if response.tell_family and response.level == guidance.levels[-1].id:
            assert plain_text(response.tell_family, guidance.contact_by_id)[:40] not in text
    assert "Telling the family:" in page.locator("#lon-helper-rationale").input_value()
    assert watch.errors == [] and watch.blocked == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_step_meets_wcag_aa(opened: tuple[Any, Watch], base_url: str, scheme: str, one: str, asked: str,
                                  guidance: Guidance) -> None:
    require_axe()
    page, _ = opened
    page.emulate_media(color_scheme=scheme)
    found = {}
    try:
        duty_question, unalerted = _duty_routing(guidance).id, _unalerted(guidance)
        for fragment in ("#step=safety", "#step=stop&a=immediate-danger.yes",
                         f"#step=seen&i={asked}", f"#step=result&i={one}",
                         f"#step=result&a={duty_question}.yes&i={one}",
                         f"#step=stop&a=disclosure-of-abuse.yes,{duty_question}.yes&i={unalerted}",
                         f"#step=result&a={duty_question}.no&i={unalerted}"):
            open_helper(page, base_url, fragment)
            page.evaluate("localStorage.clear()")
            page.reload(wait_until="networkidle")
            page.wait_for_function("window.LevelOfNeedHelper !== undefined")
            violations = axe_violations(page)
            if violations:
                found[fragment] = violations
    finally:
        page.emulate_media(color_scheme="light")
    assert found == {}


def test_the_helper_fits_a_320_pixel_screen(opened: tuple[Any, Watch], base_url: str, one: str,
                                            guidance: Guidance) -> None:
    page, _ = opened
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        duty_question = _duty_routing(guidance).id
        for fragment in ("#step=safety", f"#step=seen&i={one}", f"#step=result&i={one}",
                         f"#step=result&a={duty_question}.yes&i={_unalerted(guidance)}"):
            open_helper(page, base_url, fragment)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, fragment
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


def test_the_content_security_policy_reports_nothing(chromium: Any, base_url: str, one: str) -> None:
    """Under the policy itself: no violation on the helper, an indicator page, or the home page with search."""
    with chromium_page(chromium, base_url) as (page, watch):
        page.add_init_script(RECORD_CSP)
        _browse_under_the_policy(page, base_url, one)
        assert watch.errors == []


def _browse_under_the_policy(page: Any, base_url: str, one: str) -> None:
    page.goto(f"{base_url}which-level/#step=result&i={one}", wait_until="networkidle")
    page.locator(".lon-result-level").wait_for()
    helper = page.evaluate("window.__csp")
    page.goto(f"{base_url}indicators/{one}/", wait_until="networkidle")
    indicator = page.evaluate("window.__csp")
    page.goto(base_url, wait_until="networkidle")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("neglect")
    page.wait_for_selector(".md-search-result__item")
    home = page.evaluate("window.__csp")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    assert (helper, indicator, home) == ([], [], [])


def test_without_javascript_the_page_shows_what_to_do_and_the_indicators(chromium: Any, base_url: str,
                                                                         guidance: Guidance) -> None:
    with chromium_page(chromium, base_url, java_script_enabled=False) as (page, _):
        page.goto(f"{base_url}which-level/")
        text = page.locator("article").inner_text()
        for question in guidance.safety_questions:
            assert question.question in text
        counts = page.locator(".lon-helper-table td a").all_inner_texts()
        cells = sum(len(domain.subdomains) for domain in guidance.domains) * len(guidance.levels)
        assert len(counts) == cells
        assert sum(int(count.split()[0]) for count in counts) == len(guidance.indicators)


HOSTILE = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
           '<a href="javascript:window.__pwned=3">x</a>')


def test_hostile_text_in_the_guidance_never_runs(chromium: Any, tmp_path: Path, one: str) -> None:
    """A temporary guidance whose indicator and safety question carry markup, built and driven."""
    from .conftest import EXAMPLES, build_example
    from .test_site_build import SMALL_CONFIG, mkdocs_build

    root = build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")
    indicators = root / "guidance" / "indicators.yaml"
    indicators.write_text(indicators.read_text().replace("Often arrives hungry or in dirty clothes.",
                                                         json.dumps(HOSTILE)))
    safety = root / "guidance" / "safety.yaml"
    safety.write_text(safety.read_text().replace("action: Call 999.", f"action: {json.dumps(HOSTILE)}"))
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SMALL_CONFIG)
    result = mkdocs_build(root / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    with serve(tmp_path / "site") as url, chromium_page(chromium, url) as (page, _):
        for fragment in ("#step=seen&i=basic-care-hygiene", "#step=result&i=basic-care-hygiene",
                         "#step=stop&a=immediate-danger.yes"):
            page.goto(f"{url}which-level/{fragment}", wait_until="networkidle")
            page.wait_for_function("window.LevelOfNeedHelper !== undefined")
            page.locator("#lon-helper").get_by_text("onerror", exact=False).first.wait_for()
            assert page.evaluate("window.__pwned") is None
            assert page.locator("#lon-helper img, #lon-helper script, #lon-helper a[href^='javascript']").count() == 0


ODD_LINKS = {  # {one} is a plain indicator of the guidance
    "an indicator renamed since the link was shared": "#step=result&i={one},renamed-since",
    "a broken % escape": "#step=seen&i={one}&a=%E0%A4%A",
    "names every object has": "#step=result&i=__proto__,constructor,{one}&a=toString.yes,__proto__.no&age=constructor",
    "an age band that does not exist": "#step=result&i={one}&age=0-99",
    "a made-up answer": "#step=result&i={one}&a=immediate-danger.maybe",
}


@pytest.mark.parametrize("link", list(ODD_LINKS), ids=list(ODD_LINKS))
def test_an_odd_or_stale_link_still_shows_a_step_with_a_note(opened: tuple[Any, Watch], base_url: str,
                                                             link: str, one_label: str, one: str) -> None:
    """F2: these threw after the static help was hidden, leaving a blank page."""
    page, watch = opened
    page.goto("about:blank")  # a fresh load, as when the link is opened from an email
    open_helper(page, base_url, ODD_LINKS[link].format(one=one))
    helper = page.locator("#lon-helper")
    assert helper.is_visible() and page.locator("#lon-helper h2").count() == 1
    assert "could not be used" in helper.inner_text()
    if "step=result" in ODD_LINKS[link] and "toString.yes" not in ODD_LINKS[link]:
        assert one_label in page.locator(".lon-result-level").inner_text()
        assert f"[{one}]" in page.locator("#lon-helper-rationale").input_value()
    assert "renamed-since" not in page.url and "maybe" not in page.url  # the cleaned state replaces the link
    assert watch.errors == []


def test_a_link_with_an_id_repeated_90000_times_draws_it_once(opened: tuple[Any, Watch], base_url: str,
                                                              one: str) -> None:
    page, _ = opened
    page.goto("about:blank")
    copies = min(90_000, 1_500_000 // (len(one) + 1))  # within Chromium's 2 MB limit on an address
    open_helper(page, base_url, "#step=seen&i=" + ",".join([one] * copies))
    assert page.locator(f"#lon-pick-{one}").count() == 1
    assert page.locator("#lon-helper-static").is_hidden()


def test_when_the_helper_cannot_start_the_static_help_stays(chromium: Any, base_url: str,
                                                            guidance: Guidance, one: str) -> None:
    with chromium_page(chromium, base_url, bypass_csp=True) as (page, _):
        page.route("**/helper-data.json", lambda route: route.fulfill(status=200, body="{not json"))
        page.goto(f"{base_url}which-level/#step=result&i={one}", wait_until="networkidle")
        page.wait_for_function("document.querySelector('#lon-helper').hidden")
        static = page.locator("#lon-helper-static")
        assert static.is_visible() and guidance.safety_questions[0].question in static.inner_text()


def test_a_damaged_link_on_any_page_throws_nothing(chromium: Any, base_url: str) -> None:
    """F16: levelofneed.js opened folds with decodeURIComponent and threw a URIError."""
    with chromium_page(chromium, base_url, bypass_csp=True) as (page, watch):
        page.goto(f"{base_url}services/#%E0%A4%A", wait_until="networkidle")
        page.goto(f"{base_url}levels/level-2/#constructor", wait_until="networkidle")
        assert watch.errors == []
