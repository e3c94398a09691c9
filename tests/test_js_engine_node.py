"""The browser's helper engine under Node, without a browser: ids that are also names every JavaScript
object has ('constructor', '__proto__', 'toString') are ids like any other (F9).

With ``{}`` as a lookup, an out-of-hours contact renamed ``constructor`` vanished from every
result in the browser while Python still showed it.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import REPO

ENGINE = REPO / "plugins" / "levelofneed" / "site_assets" / "overrides" / "assets" / "levelofneed" / "helper-engine.js"


def _level(level_id: str, number: int) -> dict[str, object]:
    return {"id": level_id, "number": number, "label": f"Level {number}", "tone": number, "services": [],
            "contacts": [], "actions": [], "step_up": "Step up."}


def _indicator(indicator_id: str, level: str) -> dict[str, object]:
    return {"id": indicator_id, "text": indicator_id, "level": level, "domain": "d", "contacts": ["hasOwnProperty"]}


DATA = {
    "levels": [_level("valueOf", 1), _level("__proto__", 2)],
    "indicators": [_indicator("constructor", "valueOf"), _indicator("__proto__", "__proto__"),
                   _indicator("toString", "valueOf")],
    "responses": [{"id": "isPrototypeOf", "level": "__proto__", "steps": [], "contacts": ["constructor"]}],
    "safety": [{"id": "toString", "level": "__proto__", "contacts": ["constructor"], "procedures": []}],
    "rules": {"routing_questions": [], "circumstances": [], "combinations": [], "always_highest_level": [],
              "always_offer": []},
    "front_door": "constructor", "out_of_hours": "__proto__",
}

SCRIPT = """
const engine = require(process.argv[1]).LevelOfNeedEngine;
const data = JSON.parse(process.argv[2]);
const index = engine.prepare(data);
const out = [
  engine.suggest(index, {answers: {}, indicators: ["constructor", "__proto__", "toString", "constructor"]}),
  engine.suggest(index, {answers: JSON.parse('{"toString": "yes"}'), indicators: []}),
];
process.stdout.write(JSON.stringify(out));
"""


def test_ids_named_like_object_properties_are_kept() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; 'make test' needs Node.js (apt-get install nodejs)")
    done = subprocess.run([node, "-e", SCRIPT, str(ENGINE), json.dumps(DATA)], capture_output=True, text=True,
                          check=True, timeout=30)
    chosen, stopped = json.loads(done.stdout)
    assert chosen["level"] == "__proto__"
    assert [reason["source"] for reason in chosen["reasons"]] == ["__proto__"]
    assert chosen["contacts"] == ["hasOwnProperty", "constructor", "__proto__"]
    assert chosen["planning_responses"] == ["isPrototypeOf"]
    assert stopped["stopped"] and stopped["level"] == "__proto__"
    assert stopped["contacts"] == ["constructor", "__proto__"]
