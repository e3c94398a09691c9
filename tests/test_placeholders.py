"""No ``((contact))`` placeholder reaches a practitioner: every output writes the contact out.

Text names a contact as ``((contact-id))`` so its number lives in one record (ADR 5). Pages,
link labels, page titles, search results, the helper's data and the command line must all
show the contact's name and number instead. The built site's visible text is checked in
tests/test_site_build.py, the PDFs' text in tests/test_pdf.py; these run without a build.
Only the open-data JSON keeps placeholders, as its documented format (docs/open-data.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from levelofneed import Guidance
from levelofneed.cli import main
from levelofneed.cli.which_level import as_text, first_actions, report
from levelofneed.helper import Answers, helper_data, suggest
from levelofneed.publish import publish
from levelofneed.render import paths
from levelofneed.search.site_index import site_index

from .conftest import REPO

PLACEHOLDER = re.compile(r"\(\(\s*[a-z0-9][a-z0-9-]*")


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


def _named_in(text: str) -> bool:
    return PLACEHOLDER.search(text) is not None


def test_the_content_does_name_contacts_in_titles_and_hints(guidance: Guidance) -> None:
    """The cases that leaked before: an indicator's own text (a link label and a page title), and a
    safety question's hint. Without them this file would prove nothing."""
    assert any(_named_in(indicator.text) for indicator in guidance.indicators)
    assert any(_named_in(question.help or "") for question in guidance.safety_questions)


def test_every_published_page_and_file_writes_contacts_out(guidance: Guidance) -> None:
    """What ``levelofneed export markdown`` writes, and what the plugin hands MkDocs."""
    leaked = {output.path: PLACEHOLDER.findall(output.data().decode("utf-8", "replace"))
              for output in publish(guidance) if output.path != paths.DATA_JSON}
    assert {path: found for path, found in leaked.items() if found} == {}


def test_the_helper_data_and_search_index_carry_no_placeholder(guidance: Guidance) -> None:
    data = json.dumps(helper_data(guidance), ensure_ascii=False)
    assert PLACEHOLDER.findall(data) == []
    assert PLACEHOLDER.findall(json.dumps(site_index(guidance), ensure_ascii=False)) == []


def test_a_text_that_names_a_contact_reaches_the_helper_as_parts(guidance: Guidance) -> None:
    """The page draws each part: words as text, a contact by name with its number one tap away."""
    question = next(q for q in guidance.safety_questions if _named_in(q.help or ""))
    data = helper_data(guidance)
    hint = next(q["help"] for q in data["safety"] if q["id"] == question.id)
    contacts = [part["contact"] for part in hint if isinstance(part, dict)]
    assert contacts and all(contact in data["contacts"] for contact in contacts)
    assert data["contacts"]["front-door"]["text"] == "CHAT (the front door) on 0151 934 4013"


def test_which_level_writes_every_contact_out(guidance: Guidance, capsys: pytest.CaptureFixture[str]) -> None:
    """Every indicator whose text names a contact, and every safety question answered yes."""
    named = [i.id for i in guidance.indicators if _named_in(" ".join([i.text, *i.first_actions]))]
    assert named
    # Every such indicator through the command's own writers, in one process; a few through the command itself.
    at = dt.datetime(2026, 12, 4, 16, 45)
    for indicator_id in named:
        given = Answers({}, None, (indicator_id,))
        result = suggest(guidance, given)
        written = json.dumps([report(guidance, result), first_actions(guidance, given, result)], ensure_ascii=False)
        assert PLACEHOLDER.findall(written + as_text(guidance, given, result, at)) == [], indicator_id
    for indicator_id in named[:: max(1, len(named) // 4)]:
        assert main(["which-level", "--root", str(REPO), "--indicator", indicator_id]) == 0
        assert PLACEHOLDER.findall(capsys.readouterr().out) == [], indicator_id
    for question in guidance.safety_questions:
        assert main(["which-level", "--root", str(REPO), "--answer", f"{question.id}=yes"]) == 0
        assert PLACEHOLDER.findall(capsys.readouterr().out) == [], question.id
