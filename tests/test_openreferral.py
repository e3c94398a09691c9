"""The services export validates against the Open Referral UK 3.0 profile's own compiled schemas.

The schemas are vendored in tests/standards/open-referral-uk-3.0 (CC BY-SA 4.0, with
their licence and attribution). Format checking is on, so a bad ``uri`` fails.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from levelofneed import Guidance
from levelofneed.exports.openreferral import TAXONOMIES, api_files, export_openreferral, taxonomy_terms

STANDARD = Path(__file__).parent / "standards" / "open-referral-uk-3.0"
SCHEMAS = ("service_list.json", "service.json")


def _validator(name: str) -> Any:
    # Imported here: jsonschema's format checkers take about 3 s to import, which every pytest
    # worker would otherwise pay while collecting, even when these tests do not run.
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads((STANDARD / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def problems(service: dict[str, Any]) -> list[str]:
    """Every way one exported service breaks the profile.

    The compiled schemas do not list ``url`` as required, but the profile marks it as
    core and this project's model requires it, so its absence is a problem too.
    """
    found = [f"{name}: {error.json_path}: {error.message}"
             for name in SCHEMAS for error in _validator(name).iter_errors(service)]
    if "url" not in service:
        found.append("url: missing")
    return found


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


def test_every_exported_service_validates(guidance: Guidance) -> None:
    exported = export_openreferral(guidance)
    assert len(exported["contents"]) == len(guidance.services)
    assert {service["id"]: problems(service) for service in exported["contents"]} == {
        service["id"]: [] for service in exported["contents"]}


def test_missing_fields_are_left_out_not_null(guidance: Guidance) -> None:
    for service in export_openreferral(guidance)["contents"]:
        assert None not in service.values()
        assert service["organization"]["description"]


def test_the_verification_date_is_published_as_assured_date(guidance: Guidance) -> None:
    exported = {s["name"]: s for s in export_openreferral(guidance)["contents"]}
    for service in guidance.services:
        checked = service.verification.checked
        assert exported[service.name].get("assured_date") == (checked.isoformat() if checked else None)


def test_a_bad_uri_and_a_missing_url_are_caught(guidance: Guidance) -> None:
    good = export_openreferral(guidance)["contents"][0]
    bad_uri = copy.deepcopy(good) | {"url": "not a web address"}
    no_url = {key: value for key, value in good.items() if key != "url"}
    assert any("url" in problem and "uri" in problem for problem in problems(bad_uri))
    assert problems(no_url) == ["url: missing"]


def test_the_licence_and_attribution_travel_with_the_schemas() -> None:
    assert "Creative Commons" in (STANDARD / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in (STANDARD / "README.md").read_text(encoding="utf-8")


def test_each_service_carries_its_area_its_last_change_and_its_levels_and_topics_as_terms(
        guidance: Guidance) -> None:
    """Issue 24: what the guidance holds reaches the feed, in the profile's own fields."""
    exported = {s["name"]: s for s in export_openreferral(guidance)["contents"]}
    terms = {term["id"]: term for term in taxonomy_terms(guidance)}
    for service in guidance.services:
        found = exported[service.name]
        assert [area["service_area"] for area in found["service_areas"]] == [service.area]
        linked = [(attribute["taxonomy_term"]["taxonomy"], attribute["taxonomy_term"]["term"])
                  for attribute in found["attributes"]]
        assert linked == [*((TAXONOMIES["levels"], level) for level in service.levels),
                          *((TAXONOMIES["topics"], topic) for topic in service.topics)]
        assert all(attribute["taxonomy_term_id"] in terms and attribute["link_id"] == found["id"]
                   for attribute in found["attributes"])
        dates = [day for day in (service.last_reviewed, service.verification.checked) if day]
        if dates:
            assert found["last_modified"] == f"{max(dates).isoformat()}T00:00:00.000Z"
            assert dt.datetime.fromisoformat(found["last_modified"]).tzinfo is not None
        else:
            assert "last_modified" not in found
    assert not any("((" in term["description"] for term in terms.values()), "contacts written out"


def test_the_static_api_has_every_service_by_id_and_the_taxonomies(guidance: Guidance) -> None:
    files = dict(api_files(guidance))
    listing = files["data/openreferral/services.json"]
    assert listing == export_openreferral(guidance)
    for service in listing["contents"]:
        single = files[f"data/openreferral/services/{service['id']}.json"]
        assert single == service and problems(single) == []
    index = files["data/openreferral/index.json"]
    for target in index["endpoints"].values():
        if "{id}" not in target:
            assert f"data/openreferral/{target}" in files
    taxonomies = {taxonomy["id"] for taxonomy in files["data/openreferral/taxonomies.json"]["contents"]}
    terms = files["data/openreferral/taxonomy_terms.json"]["contents"]
    assert len(terms) == len(guidance.levels) + len(guidance.topics)
    assert all(term["taxonomy_id"] in taxonomies for term in terms)
    assert len(files) == 4 + len(guidance.services)


def test_a_service_reached_through_a_contact_with_structured_hours_carries_them_as_weekly_schedules(
        guidance: Guidance) -> None:
    """The standard's schedules, from the contact's ``opening``: one weekly rule per window, in the
    RFC 5545 day codes, with the hours in words beside them. A service whose hours are only words
    gets none (nothing is guessed)."""
    exported = {service["name"]: service for service in export_openreferral(guidance)["contents"]}
    for service in guidance.services:
        contact = guidance.contact_by_id.get(service.contact or "")
        schedules = exported[service.name].get("schedules")
        if contact is None or contact.opening is None:
            assert schedules is None, service.id
            continue
        assert [(s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in schedules] == [
            ("WEEKLY", ",".join(day[:2].upper() for day in window.days), window.opens, window.closes)
            for window in contact.opening.open]
        assert all(s["service_id"] == exported[service.name]["id"] and "UK local time" in s["notes"]
                   for s in schedules)
    assert any("schedules" in service for service in exported.values()), "Sefton's front door has its hours as data"
