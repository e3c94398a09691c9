"""The site's JavaScript under Node's own test runner, without a browser (tests/js/).

pytest writes what the Node tests read: the helper data and search index the build would
publish, and what the Python reference gives for the same inputs (the helper's result and
decision record for every shared vector; ``levelofneed search``'s top ten for 500 seeded
random queries). Node then runs the browser's own scripts against them. The engine tier
uses the invented partnership; the search-quality suite is Sefton's (a content test).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from levelofneed import Guidance
from levelofneed.helper import Answers, helper_data, suggest
from levelofneed.helper.data import rich_text
from levelofneed.helper.record import decision_record
from levelofneed.labels import date_text
from levelofneed.search.engine import Searcher
from levelofneed.search.site_index import site_index
from levelofneed.wording import STOP_WORDS, words

from .conftest import REPO
from .search_support import HELDOUT, QUERIES, SENTENCE_TARGET, SENTENCES

JS_TESTS = REPO / "tests" / "js"
NEUTRAL_VECTORS = yaml.safe_load((REPO / "tests" / "helper" / "neutral-vectors.yaml").read_text(encoding="utf-8"))
DAY = dt.date(2026, 12, 5)
PARITY_QUERIES = 500


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("Node.js is not installed; 'make test' needs it (apt-get install nodejs)")
    return found


def run_node(files: list[str], fixtures: Path) -> str:
    done = subprocess.run([node(), "--test", *(str(JS_TESTS / name) for name in files)], capture_output=True,
                          text=True, timeout=300, check=False, env={**os.environ, "LON_FIXTURES": str(fixtures)})
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    return done.stdout


def write(folder: Path, name: str, document: Any) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _given(vector: dict[str, Any]) -> Answers:
    spec = vector["given"]
    return Answers(spec.get("answers", {}), spec.get("age"), tuple(spec.get("indicators", [])))


def python_result(guidance: Guidance, given: Answers) -> dict[str, Any]:
    """The Python engine's answer in the browser engine's shape (texts as the data file writes them)."""
    result = suggest(guidance, given)
    return json.loads(json.dumps({
        "level": result.level, "stopped": result.stopped, "age_band": result.age_band,
        "questions": list(result.questions),
        "reasons": [{"id": r.id, "rule": r.rule, "level": r.level, "source": r.source, "text": rich_text(r.text)}
                    for r in result.reasons],
        "planning_responses": list(result.planning_responses), "contacts": list(result.contacts),
        "services": list(result.services), "procedures": list(result.procedures),
        "briefings": list(result.briefings), "duties": list(result.duties),
        "do_not_alert": list(result.do_not_alert)}))


def vector_fixtures(guidance: Guidance, vectors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for number, vector in enumerate(vectors):
        given = _given(vector)
        notes = "" if number % 2 else "Discussed with my manager."
        found.append({"name": vector["name"], "notes": notes, "day": date_text(DAY),
                      "given": {"answers": dict(given.answers), "age_band": given.age_band,
                                "indicators": list(given.indicators)},
                      "python": python_result(guidance, given),
                      "record": decision_record(guidance, given, suggest(guidance, given), notes, DAY)})
    return found


@pytest.fixture(scope="module")
def neutral_fixtures(neutral: Guidance, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("js-neutral")
    write(folder, "helper-data.json", helper_data(neutral))
    write(folder, "search_index.json", site_index(neutral))
    write(folder, "vectors.json", vector_fixtures(neutral, NEUTRAL_VECTORS))
    return folder


def test_the_helper_engine_state_record_and_worker_under_node(neutral_fixtures: Path) -> None:
    """Both engines on every shared vector; the record to the letter; odd links; ids like 'constructor';
    the worker's protocol and escaping; what a search result shows and where its query is kept."""
    run_node(["helper.test.js", "state.test.js", "engine-ids.test.js", "worker.test.js", "search-results.test.js"],
             neutral_fixtures)


def test_the_offline_script_under_node(tmp_path: Path) -> None:
    """offline.js reads offline.json as the build writes it: a plan of a small made-up site."""
    from levelofneed.offline import plan, site_file

    files = [site_file("index.html", b"<title>Home - Site</title>"),
             site_file("indicators/bruising/index.html", b"<title>Bruising - Site</title>"),
             site_file("assets/levelofneed/offline.js", b"/* script */"),
             site_file("pdf/site-guidance.pdf", b"%PDF-1.7"),
             site_file("pdf/levels/level-1.pdf", b"%PDF-1.7")]
    write(tmp_path, "offline.json", plan(files, "2026.6", "2027-11-27").as_json())
    run_node(["offline.test.js"], tmp_path)


def random_queries(guidance: Guidance, count: int) -> list[str]:
    """Seeded: two or three of the guidance's own words, as a practitioner might put them together."""
    vocabulary = sorted({word for indicator in guidance.indicators for word in words(indicator.text)
                         if word not in STOP_WORDS and not word.isdigit()})
    rng = random.Random(19)
    return [" ".join(rng.sample(vocabulary, rng.choice((2, 3)))) for _ in range(count)]


# What sentences add to words: negation, ages, age gaps, a kind of page, an ambiguous word, punctuation.
SENTENCE_PARTS = ("no", "without", "not", "never", "nobody", "13 year old", "a 19 year old", "aged 15", "year 8",
                  "in his thirties", "15yo", "5 years ago", "14 years of age",
                  "procedure", "briefing", "what does it mean", "cutting", "using",
                  "abroad", "and", "but", ",", ".", "with", "adult", "mum's", "pre-birth", "self-harm")


def random_sentences(guidance: Guidance, count: int) -> list[str]:
    """Seeded: four to eight of the guidance's words with the parts sentences add, in any order."""
    vocabulary = sorted({word for indicator in guidance.indicators for word in words(indicator.text)
                         if word not in STOP_WORDS and not word.isdigit()})
    rng = random.Random(22)
    sentences = []
    for _ in range(count):
        chosen = rng.sample(vocabulary, rng.randint(2, 5)) + rng.sample(SENTENCE_PARTS, rng.randint(2, 3))
        rng.shuffle(chosen)
        sentences.append(" ".join(chosen))
    return sentences


def test_the_search_core_ranks_exactly_as_the_command_line(sefton: Guidance, tmp_path: Path) -> None:
    """Random queries do not depend on what the content says, so this holds whatever an editor changes."""
    searcher = Searcher(sefton, tmp_path / "cache")
    queries = [*random_queries(sefton, PARITY_QUERIES), *random_sentences(sefton, PARITY_QUERIES // 2),
               *(entry["query"] for entry in [*QUERIES, *SENTENCES, *HELDOUT])]
    expected = [{"query": query, "top": [result.record.location for result in searcher.search(query, limit=10)]}
                for query in queries]
    write(tmp_path / "fixtures", "search_index.json", site_index(sefton))
    write(tmp_path / "fixtures", "search-parity.json", expected)
    run_node(["search-parity.test.js"], tmp_path / "fixtures")


@pytest.mark.content
def test_the_site_search_meets_the_quality_target(sefton: Guidance, tmp_path: Path,
                                                  measured: Callable[[str], None]) -> None:
    write(tmp_path, "search_index.json", site_index(sefton))
    levels = {indicator.id: sefton.level_by_id[indicator.level].number for indicator in sefton.indicators}
    write(tmp_path, "search-quality.json", {"queries": QUERIES, "target": 0.9, "sentences": SENTENCES,
                                            "sentenceTargets": SENTENCE_TARGET, "levels": levels})
    output = run_node(["search-quality.test.js"], tmp_path)
    for line in output.splitlines():
        if "measured: " in line:
            measured(line.split("measured: ", 1)[1])
