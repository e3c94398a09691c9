"""Primary sources only, and results a phone can show (issue 21, ADR 17).

Fast: no site build and no browser. The rules are proved on the smallest guidance with one
field changed at a time, and the repository's own content is held to them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from levelofneed.checks.sources import citations, host_of, refused, trusted
from levelofneed.cli import main
from levelofneed.helper import Answers, suggest
from levelofneed.pipeline import check

from .conftest import EXAMPLES, build_example
from .hostile import write_variant

UNTRUSTED = EXAMPLES / "valid" / "untrusted-source-host"


@pytest.mark.parametrize(("host", "hosts", "expected"), [
    ("gov.uk", ["gov.uk"], True),
    ("sefton.gov.uk", ["gov.uk"], False),  # another council is not the government
    ("alderhey.nhs.uk", ["*.nhs.uk"], True),
    ("nhs.uk", ["*.nhs.uk"], True),
    ("evilnhs.uk", ["*.nhs.uk"], False),
    ("nhs.uk.example.com", ["*.nhs.uk"], False),
    ("seftonscp.org.uk", ["www.seftonscp.org.uk"], True),
])
def test_a_host_is_trusted_only_as_the_partnership_lists_it(host: str, hosts: list[str], expected: bool) -> None:
    assert trusted(host, hosts) is expected


def test_www_and_case_do_not_change_the_host() -> None:
    assert host_of("https://WWW.Gov.UK/guidance") == "gov.uk"
    assert host_of("http://www.seftonscp.org.uk/lscb/print") == "seftonscp.org.uk"


def test_shorteners_and_mirrors_are_refused_and_nothing_else_is() -> None:
    for host in ("is.gd", "bit.ly", "tinyurl.com", "fdocuments.net", "docsbay.net", "issuu.com", "scribd.com"):
        assert refused(host), host
    for host in ("gov.uk", "nice.org.uk", "seftonscp.org.uk"):
        assert refused(host) is None


def test_only_a_citation_that_begins_background_is_background() -> None:
    found = list(citations("Working Together (gov.uk); Background: Knowsley procedures; a note on background"))
    assert [background for background, _ in found] == [False, True, False]


def test_an_untrusted_host_warns_and_fails_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(UNTRUSTED, tmp_path / "root")
    assert main(["check", str(root), "--today", "2026-11-27"]) == 0
    output = capsys.readouterr().out
    assert "'news.example.com' is not one of the partnership's trusted sources" in output
    assert "otherarea.example.org" not in output  # background
    assert "example.nhs.uk" not in output and "gov.uk'" not in output  # trusted
    assert main(["check", str(root), "--today", "2026-11-27", "--strict"]) == 1


def test_a_verification_is_held_to_the_same_hosts(tmp_path: Path) -> None:
    root = build_example(UNTRUSTED, tmp_path / "root")
    partnership = root / "guidance" / "partnership.yaml"
    text = partnership.read_text(encoding="utf-8")
    partnership.write_text(text.replace("against: Test data}", "against: https://is.gd/xyz}", 1)
                           .replace("against: Test data}", "against: https://blog.example.com/police}", 1),
                           encoding="utf-8")
    messages = [f.message for f in check(root).findings]
    assert "'https://is.gd/xyz' is a link shortener, which hides where it leads" in messages
    assert "'blog.example.com' is not one of the partnership's trusted sources" in messages


def test_without_trusted_hosts_only_shorteners_and_mirrors_are_found(tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")
    topics = root / "guidance" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        "source: Test", "source: a story, https://news.example.com/x; a mirror, https://fdocuments.net/y", 1),
        encoding="utf-8")
    found = [f for f in check(root).findings if "example.com" in f.message or "fdocuments" in f.message]
    assert [(f.severity, "fdocuments" in f.message) for f in found] == [("error", True)]


def test_the_guidance_cites_no_shortener_mirror_or_untrusted_host(sefton: Any) -> None:
    """Every source and verification in the default content is on a trusted host, or marked background."""
    root = Path(__file__).resolve().parents[1]
    found = [str(f) for f in check(root).findings
             if "trusted sources" in f.message or "link shortener" in f.message or "mirror" in f.message]
    assert found == []


def test_the_guidance_keeps_every_result_short_enough_for_a_phone(sefton: Any) -> None:
    root = Path(__file__).resolve().parents[1]
    assert [str(f) for f in check(root).findings if "services" in f.message and "more than" in f.message] == []


def test_an_under_16_with_an_adult_partner_gets_the_services_that_apply(sefton: Any) -> None:
    """The review's example: about 35 services, with child death review and bereavement among them."""
    result = suggest(sefton, Answers(age_band="12-17", indicators=("under-16-adult-partner-or-gifts",)))
    services = list(result.services)
    assert len(services) <= sefton.partnership.max_services_in_result
    assert "front-door-mash" in services
    assert not {"merseyside-cdop", "lullaby-trust", "midwifery", "leaving-care-service"} & set(services)


def test_the_check_reads_every_source_and_against_of_every_record_kind(tmp_path: Path) -> None:
    """Every ``source`` and ``against`` the registry has, at any depth, given a short link, is refused once:
    the check works out which fields to read from the models' types, so a new kind is covered too."""
    root = tmp_path / "root"
    write_variant(root, "https://is.gd/abc")
    written = " ".join(p.read_text(encoding="utf-8") for p in root.rglob("*.yaml"))
    cited = set(re.findall(r"<([\w.]+\.(?:source|against))#(\d+)>", written))
    refused = [f for f in check(root).findings if "link shortener" in f.message]
    assert {path for path, _ in cited} >= {"partnership.contacts.verification.against", "services.verification.against",
                                           "topics.source", "duties.source", "briefings.source", "helper.source"}
    assert len(refused) == len(cited)
