"""Who answers the phone now (issue 20): opening hours as data, on both engines, with a fixed clock.

The engine tests use the invented partnership's hours (a late Tuesday with an answerphone, an
early Friday, invented bank holidays); the content tests hold Sefton's CHAT to the moments the
issue names. The browser's engine (call-now.js) runs under Node on the same moments, given as
instants, so its conversion to London time, clock changes included, is tested too.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from levelofneed import Guidance
from levelofneed.hours import answering, clock, hours_data, hours_lines

from .test_js import JS_TESTS, node, write

LONDON = ZoneInfo("Europe/London")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_the_hours_are_written_from_the_data(neutral: Guidance) -> None:
    assert hours_lines(neutral.front_door, neutral.contact_by_id) == [
        "Monday, Wednesday and Thursday, 9am to 5pm",
        "Tuesday, 11am to 5pm (answerphone from 9am to 11am)",
        "Friday, 9am to 3:30pm",
        "Closed on bank holidays",
        "At any other time, call the duty team",
    ]
    assert [clock(t) for t in ("00:00", "09:00", "12:00", "12:30", "17:05")] == ["12am", "9am", "12pm", "12:30pm",
                                                                                   "5:05pm"]


@pytest.mark.parametrize(("moment", "who", "state", "says"), [
    ("2026-12-04T15:15", "front-door", "open", "answered until 3:30pm"),      # a Friday, before the early close
    ("2026-12-04T15:45", "out-of-hours", "closed", "it opens on Monday at 9am"),
    ("2026-12-08T09:30", "out-of-hours", "answerphone", "only an answerphone until 11am; it opens at 11am"),
    ("2026-12-05T11:00", "out-of-hours", "closed", "it opens on Monday at 9am"),  # a Saturday
    ("2026-12-25T11:00", "out-of-hours", "bank-holiday", "it opens on Tuesday at 11am"),  # the 28th is one too
    ("2026-12-07T16:59", "front-door", "open", "answered until 5pm"),
    ("2026-12-07T17:00", "out-of-hours", "closed", "it opens tomorrow at 11am"),
    ("2026-12-07T08:59", "out-of-hours", "closed", "it opens at 9am"),
])
def test_who_answers_at_a_fixed_moment(neutral: Guidance, moment: str, who: str, state: str, says: str) -> None:
    found = answering(neutral, neutral.front_door, at(moment))
    assert (found.contact.id, found.state) == (who, state)
    assert says in found.text and found.contact.phone in found.text and found.text.startswith("Call now: ")


@pytest.mark.content
@pytest.mark.parametrize(("moment", "who"), [
    ("2026-12-04T16:45", "out-of-hours"),  # Friday 4:45pm: CHAT closed at 4pm
    ("2026-12-09T09:30", "out-of-hours"),  # Wednesday 9:30am: only CHAT's answerphone
    ("2026-12-05T11:00", "out-of-hours"),  # Saturday
    ("2026-12-25T11:00", "out-of-hours"),  # Christmas Day
    ("2026-10-25T11:00", "out-of-hours"),  # the Sunday the clocks go back
    ("2026-12-07T17:29", "front-door"),    # a Monday, a minute before CHAT closes
    ("2026-12-07T17:31", "out-of-hours"),  # and a minute after
])
def test_sefton_chat_and_the_emergency_duty_team(sefton: Guidance, moment: str, who: str) -> None:
    assert answering(sefton, sefton.front_door, at(moment)).contact.id == who


def instants(count: int) -> list[dt.datetime]:
    """The issue's moments and the days around both clock changes of 2026, as UTC instants, then
    ``count`` seeded random instants over three years."""
    fixed = ["2026-12-04T16:45:00+00:00", "2026-12-09T09:30:00+00:00", "2026-03-29T00:59:00+00:00",
             "2026-03-29T01:01:00+00:00", "2026-03-30T08:30:00+00:00", "2026-03-27T08:30:00+00:00",
             "2026-10-25T00:59:00+00:00", "2026-10-25T01:01:00+00:00", "2026-10-26T08:30:00+00:00",
             "2026-10-23T15:59:00+00:00", "2026-12-24T23:59:00+00:00", "2026-12-25T12:00:00+00:00",
             "2028-12-25T10:00:00+00:00", "2028-12-26T10:00:00+00:00"]
    rng = random.Random(20)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [*(dt.datetime.fromisoformat(text) for text in fixed),
            *(start + dt.timedelta(minutes=rng.randrange(3 * 365 * 24 * 60)) for _ in range(count))]


@pytest.mark.parametrize("which", ["neutral", "sefton"])
def test_the_browser_says_the_same_as_python_at_every_moment(request: pytest.FixtureRequest, which: str,
                                                            tmp_path: Path) -> None:
    guidance: Guidance = request.getfixturevalue(which)
    moments = instants(400)
    write(tmp_path, "hours.json", hours_data(guidance))
    write(tmp_path, "moments.json", {"line": guidance.front_door.id,
                                     "instants": [moment.isoformat() for moment in moments]})
    done = subprocess.run([node(), str(JS_TESTS / "call-now-batch.js")], capture_output=True, text=True,
                          check=False, env={"LON_FIXTURES": str(tmp_path), "PATH": "/usr/bin:/bin", "TZ": "Asia/Tokyo"})
    assert done.returncode == 0, done.stderr
    browser = json.loads(done.stdout)
    python = []
    for moment in moments:
        local = moment.astimezone(LONDON).replace(tzinfo=None)
        found = answering(guidance, guidance.front_door, local)
        python.append({"local": local.strftime("%Y-%m-%dT%H:%M"), "contact": found.contact.id, "state": found.state,
                       "text": found.text})
    assert browser == python
    assert {row["state"] for row in python} >= {"open", "closed", "answerphone", "bank-holiday"}


def test_which_level_says_who_answers_at_the_given_time_and_what_to_do_first(
        neutral_root: Path, neutral: Guidance, capsys: pytest.CaptureFixture[str]) -> None:
    from levelofneed.cli import main

    chosen = next(indicator for indicator in neutral.indicators if indicator.first_actions)
    assert main(["which-level", "--root", str(neutral_root), "--indicator", chosen.id,
                 "--at", "2026-12-04T15:45"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["call_now"] == {"at": "2026-12-04T15:45", "contact": "out-of-hours",
                                 "phone": neutral.out_of_hours.phone, "state": "closed",
                                 "text": answering(neutral, neutral.front_door, at("2026-12-04T15:45")).text}
    assert found["first_actions"] and all("((" not in action for action in found["first_actions"])
    with pytest.raises(SystemExit) as usage:
        main(["which-level", "--root", str(neutral_root), "--indicator", chosen.id, "--at", "teatime"])
    assert usage.value.code == 2 and "is not a time" in capsys.readouterr().err
