"""Page generation as pure functions of the guidance, tested without MkDocs.

Uses tests/examples/base, the smallest complete guidance, so each test runs in
milliseconds. Pages are converted with Python-Markdown and the site's extensions,
which is what MkDocs does with them.
"""

from __future__ import annotations

import html
import re

import markdown
import pytest

from levelofneed import Guidance
from levelofneed.labels import FRONT_DOOR_LABEL, OUT_OF_HOURS_LABEL, UNVERIFIED, named_text
from levelofneed.model import Verification
from levelofneed.render import LinkStyle, SiteOptions, banner_html, iter_pages, navigation
from levelofneed.render import paths as page_paths

EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition"]
HOSTILE = '<script>alert("x")</script> [link](javascript:alert(1)) **bold** {: onclick="x" }'


@pytest.fixture(scope="module")
def guidance(base_guidance: Guidance) -> Guidance:
    return base_guidance


def render_pages(guidance: Guidance, options: SiteOptions | None = None) -> dict[str, str]:
    return {page.path: page.markdown for page in iter_pages(guidance, options)}


@pytest.fixture(scope="module")
def pages(guidance: Guidance) -> dict[str, str]:
    return render_pages(guidance)


def _html(page: str) -> str:
    body = page.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=EXTENSIONS)


def test_every_record_has_a_page(guidance: Guidance, pages: dict[str, str]) -> None:
    expected = {page_paths.HOME, page_paths.SERVICES, page_paths.GLOSSARY, page_paths.ABOUT, page_paths.OPEN_DATA}
    expected |= {page_paths.level(x) for x in guidance.levels}
    expected |= {page_paths.domain(d) for d in guidance.domains}
    expected |= {page_paths.subdomain(d, s) for d in guidance.domains for s in d.subdomains}
    expected |= {page_paths.topic(x) for x in guidance.topics}
    expected |= {page_paths.indicator(x) for x in guidance.indicators}
    expected |= {page_paths.procedure(x) for x in guidance.procedures}
    expected |= {page_paths.briefing(x) for x in guidance.briefings}
    expected |= {page_paths.age_band(band) for band in ("unborn", "0-4", "5-11", "12-17", "18-25")}
    assert expected <= set(pages)


def test_rendering_is_deterministic(guidance: Guidance, pages: dict[str, str]) -> None:
    assert render_pages(guidance) == pages


def test_pages_carry_a_title_and_their_yaml_source(pages: dict[str, str]) -> None:
    page = pages["indicators/basic-care-hygiene.md"]
    assert page.startswith('---\ntitle: "Often arrives hungry or in dirty clothes."\n')
    assert 'lon_source: "guidance/indicators.yaml"' in page
    assert re.search(r"^lon_line: \d+$", page, re.MULTILINE)


def test_indicator_page_shows_level_domain_actions_services_procedures_and_briefings(pages: dict[str, str]) -> None:
    html = _html(pages["indicators/basic-care-hygiene.md"])
    assert "Level 2: Additional needs" in html
    assert 'href="../domains/parenting-capacity/index.md"' in html
    assert "Start an early help assessment" in html
    assert 'href="../services/index.md#health-visiting"' in html
    assert 'href="../procedures/escalation.md"' in html
    assert 'href="../briefings/was-not-brought.md"' in html
    assert 'id="similar"' in html


def test_similar_indicators_are_listed_when_supplied(guidance: Guidance) -> None:
    options = SiteOptions(similar={"basic-care-hygiene": ["health-milestones"]})
    html = _html(render_pages(guidance, options)["indicators/basic-care-hygiene.md"])
    similar = html.split('id="similar"', 1)[1]
    assert 'href="health-milestones.md"' in similar


def test_level_page_has_every_part(pages: dict[str, str]) -> None:
    html = _html(pages["levels/level-2.md"])
    for anchor in ("who-leads", "what-to-do", "planning-response", "step-up", "step-down", "services",
                   "procedures", "indicators", "pr-level-2", "parenting-capacity", "basic-care"):
        assert f'id="{anchor}"' in html, anchor
    assert 'href="../indicators/basic-care-hygiene.md"' in html


def test_subdomain_page_puts_every_level_side_by_side(guidance: Guidance, pages: dict[str, str]) -> None:
    html = _html(pages["domains/parenting-capacity/basic-care.md"])
    columns = re.findall(r'<section class="lon-compare__column lon-tone-(\d)">', html)
    assert len(columns) == len(guidance.levels)
    assert "Level 1: Universal" in html and "Level 2: Additional needs" in html


def test_procedure_is_a_numbered_step_chart(pages: dict[str, str]) -> None:
    html = _html(pages["procedures/escalation.md"])
    assert '<ol class="lon-steps" role="list">' in html
    for label in ("Who", "What", "By when", "Record"):
        assert f"<dt>{label}</dt>" in html
    assert "Within 2 working days" in html


def test_briefing_has_its_seven_parts(pages: dict[str, str]) -> None:
    html = _html(pages["briefings/was-not-brought.md"])
    assert len(re.findall(r"<h2 id=", html)) >= 7


def test_services_filter_has_labelled_controls_and_is_hidden_without_script(pages: dict[str, str]) -> None:
    html = _html(pages[page_paths.SERVICES])
    assert '<form class="lon-filter" id="lon-service-filter" aria-label="Filter services" hidden>' in html
    for control in ("lon-filter-level", "lon-filter-topic", "lon-filter-age"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html
    assert 'data-levels="level-1 level-2"' in html and 'data-min-age="0"' in html and 'data-max-age="5"' in html


def test_glossary_terms_are_linked_once_per_page_and_not_on_the_glossary(guidance: Guidance) -> None:
    level = guidance.levels[1].model_copy(update={"definition": "Start an EHAT. Then review the EHAT."})
    changed = guidance.replace(levels=(guidance.levels[0], level))
    pages = render_pages(changed)
    html = _html(pages["levels/level-2.md"])
    assert html.count('href="../glossary.md#ehat"') == 1
    assert "#ehat" not in _html(pages[page_paths.GLOSSARY]).split("</dt>", 1)[1].split("<dt", 1)[0]


def test_text_from_yaml_never_becomes_markup(guidance: Guidance) -> None:
    indicator = guidance.indicators[1].model_copy(update={"text": HOSTILE})
    service = guidance.services[0].model_copy(update={"name": HOSTILE, "description": HOSTILE})
    changed = guidance.replace(indicators=(guidance.indicators[0], indicator), services=(service,))
    for path, page in render_pages(changed).items():
        html = _html(page)
        assert "<script" not in html, path
        assert "javascript:" not in re.sub(r"&#\d+;", "", " ".join(re.findall(r'href="([^"]*)"', html))), path
        assert "<strong>bold</strong>" not in html, path
        assert not re.search(r"<[^>]*\sonclick=", html), path


def test_navigation_leaves_indicators_out(guidance: Guidance) -> None:
    nav = navigation(guidance, ["editors/index.md", "editors/reference.md", "coverage.md"])
    flat = repr(nav)
    assert "indicators/" not in flat
    for level in guidance.levels:
        assert page_paths.level(level) in flat
    assert "editors/reference.md" in flat and "coverage.md" in flat


def test_banner_escapes_partnership_text(guidance: Guidance) -> None:
    danger = guidance.partnership.immediate_danger.model_copy(update={"message": "<b>Danger</b> & 999"})
    partnership = guidance.partnership.model_copy(update={"immediate_danger": danger})
    html = str(banner_html(guidance.replace(partnership=(partnership,))))
    assert "<b>" not in html
    assert "&#60;b&#62;Danger&#60;/b&#62; &#38; 999" in html
    assert 'href="tel:999"' in html and 'href="tel:01000000000"' in html


def test_the_anchor_link_style_makes_one_document(guidance: Guidance) -> None:
    """For the PDF: every link is an in-document anchor, and ids carry their page's id, so none collide."""
    pages = render_pages(guidance, SiteOptions(link_style=LinkStyle.ANCHOR))
    level = _html(pages["levels/level-2.md"])
    assert 'href="#p-glossary--ehat"' in level or 'href="#p-indicators-basic-care-hygiene"' in level
    assert ".md" not in " ".join(re.findall(r'href="([^"]*)"', level))
    assert 'id="p-levels-level-2--step-up"' in level
    ids = [found for page in pages.values() for found in re.findall(r'id="([^"]+)"', _html(page))]
    assert len(ids) == len(set(ids))
    assert render_pages(guidance)["levels/level-2.md"] != pages["levels/level-2.md"]


def test_the_comparison_page_has_a_row_per_field_and_a_column_per_level(pages: dict[str, str],
                                                                         guidance: Guidance) -> None:
    html = _html(pages[page_paths.LEVELS_COMPARE])
    headers = re.findall(r'<th scope="col" data-level="(\d+)">', html)
    assert headers == [str(level.number) for level in guidance.levels]
    assert re.findall(r'<th scope="rowgroup"[^>]*>([^<]+)</th>', html) == [
        "In short", "Who leads", "What practitioners do", "Timescales", "Step up", "Step down"]
    for level in guidance.levels:
        assert html.count(f'<td data-level="{level.number}">') == 6


def test_an_indicator_page_opens_with_the_level_then_what_to_do_first(pages: dict[str, str],
                                                                      guidance: Guidance) -> None:
    indicator = guidance.indicators[1]
    html = _html(pages[page_paths.indicator(indicator)])
    suggests, title, first = (html.index('class="lon-suggests"'), html.index("<h1"),
                              html.index("What to do first"))
    assert suggests < title < first
    assert html.index("Content file") > html.index("<summary>About this page</summary>")


def test_procedures_open_with_their_key_timescales(pages: dict[str, str], guidance: Guidance) -> None:
    procedure = guidance.procedures[0]
    html = _html(pages[page_paths.procedure(procedure)])
    assert html.index('class="lon-timescales"') < html.index('id="when"')
    assert html.count("By when:") == len(procedure.steps)


def test_every_phone_number_is_written_by_one_template(guidance: Guidance) -> None:
    """The banner and the pages write numbers alike: a tel: link that does not wrap."""
    from levelofneed.render.text import tel_link

    banner = str(banner_html(guidance))
    assert str(tel_link(guidance.front_door.phone or "", "lon-banner__tel")) in banner
    assert 'class="lon-tel lon-banner__tel"' in banner


def test_about_this_page_ends_a_source_with_one_full_stop(guidance: Guidance) -> None:
    procedure = guidance.procedures[0].model_copy(update={"source": "Sefton SCP procedure 17, steps 1 to 4."})
    html = _html(render_pages(guidance.replace(procedures=(procedure,)))[page_paths.procedure(procedure)])
    about = html[html.index("<summary>About this page</summary>"):]
    assert "Source: Sefton SCP procedure 17, steps 1 to 4. " in about
    assert ".." not in about


def _unverified(guidance: Guidance, ask: str | None) -> Guidance:
    service = guidance.services[0]
    verification = Verification(status="unverified", note="EDITORS ONLY: nothing found on the provider's page.",
                                ask=ask)
    return guidance.replace(services=(service.model_copy(update={"verification": verification}),
                                      *guidance.services[1:]))


@pytest.mark.parametrize("ask", [None, "out-of-hours"])
def test_an_unverified_service_tells_practitioners_whom_to_check_with(guidance: Guidance, ask: str | None) -> None:
    """Not the editors' note ("ask the business unit…"), but a verified route a practitioner can call."""
    changed = _unverified(guidance, ask)
    html = _html(render_pages(changed)[page_paths.SERVICES])
    contact = changed.contact_by_id[ask] if ask else changed.front_door
    assert UNVERIFIED in html
    assert f'href="tel:{contact.phone.replace(" ", "")}"' in html.split(UNVERIFIED, 1)[1]
    assert "EDITORS ONLY" not in html


def test_the_banner_names_the_front_door_and_the_out_of_hours_team(guidance: Guidance) -> None:
    html = str(banner_html(guidance))
    assert f"{FRONT_DOOR_LABEL}:" in html and f"{OUT_OF_HOURS_LABEL}:" in html
    assert "Daytime" not in html


def test_a_link_or_a_title_writes_a_contact_out(guidance: Guidance) -> None:
    """A link's words and a page title cannot hold a tap-to-call link, so they name the contact."""
    indicator = guidance.indicators[0]
    named = indicator.model_copy(update={"text": "Ask ((front-door)) for advice."})
    pages = render_pages(guidance.replace(indicators=(named, *guidance.indicators[1:])))
    expected = html.escape(f"Ask {named_text('((front-door))', guidance.contact_by_id)} for advice.")
    assert f'title: "{expected}"' in pages[page_paths.indicator(named)]
    assert "((" not in "".join(pages.values())
