"""Search in Python: the quality suite against the Whoosh engine behind ``levelofneed search``,
the behaviours the issue names, the command line, the cached index, similar indicators,
the site's index file and the near-duplicate pass.
"""

from __future__ import annotations

import ast
import gzip
import itertools
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from levelofneed import Guidance, load_guidance
from levelofneed.checks.duplicates import similar_pairs
from levelofneed.cli import main
from levelofneed.publish import compact_json
from levelofneed.search import index
from levelofneed.search.documents import records
from levelofneed.search.engine import Searcher
from levelofneed.search.query import Spelling, edit_distance
from levelofneed.search.similar import similar_indicators
from levelofneed.search.site_index import site_index
from levelofneed.wording import stem

from .conftest import EXAMPLES, REPO, build_example
from .search_support import HELDOUT, HELDOUT_FLOOR, QUERIES, SENTENCE_TARGET, SENTENCES, first_score, score, suite_id

PACKAGE = REPO / "plugins" / "levelofneed"
EDITOR_PAGES = ("adr", "editors", "reference", "coverage")


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def searcher(guidance: Guidance, tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return Searcher(guidance, tmp_path_factory.mktemp("search-cache"))


def ids(searcher: Searcher, query: str, **options: Any) -> list[str]:
    return [result.record.id for result in searcher.search(query, **options)]


@pytest.mark.content
def test_the_suite_has_at_least_60_queries_of_every_kind() -> None:
    assert len(QUERIES) >= 60
    assert {entry["category"] for entry in QUERIES} >= {"plain", "jargon", "misspelling", "several words",
                                                        "everyday words"}


@pytest.mark.content
def test_every_expected_hit_exists(guidance: Guidance) -> None:
    known = {record.id for record in records(guidance)}
    assert [hit for entry in QUERIES for hit in entry["hits"] if hit not in known] == []


@pytest.mark.content
def test_whoosh_search_meets_the_quality_target(searcher: Searcher, measured: Callable[[str], None]) -> None:
    quality = score([ids(searcher, entry["query"], limit=10) for entry in QUERIES])
    measured(f"Whoosh search ({len(QUERIES)} queries): recall@5 {quality.recall:.3f}, MRR {quality.mrr:.3f}")
    assert quality.recall >= 0.9, "\n".join(quality.misses)


# The sentence suite (issue 22) is held to the targets in both engines (SENTENCE_TARGET). Before
# any tuning for it (measured on 2026-12-05) it scored recall@5 0.710, first 0.462 and no under-reaction
# 0.731 on its 93 queries.


@pytest.mark.content
def test_the_sentence_suite_names_real_pages_and_every_kind_of_case(guidance: Guidance) -> None:
    known = {record.id for record in records(guidance)}
    assert len(SENTENCES) >= 60
    assert {entry["category"] for entry in SENTENCES} >= {"negation", "with-without", "age-gap", "word-sense",
                                                         "childs-words", "named-page"}
    assert [e for entry in SENTENCES for e in map(suite_id, entry["first"]) if e not in known] == []
    assert all(entry.get("lowest_level", 1) in (1, 2, 3, 4) for entry in SENTENCES)


@pytest.mark.content
def test_sentence_queries_meet_the_targets(searcher: Searcher, guidance: Guidance,
                                                           measured: Callable[[str], None]) -> None:
    levels = {indicator.id: guidance.level_by_id[indicator.level].number for indicator in guidance.indicators}
    quality = first_score(SENTENCES, [ids(searcher, entry["query"], limit=10) for entry in SENTENCES], levels.get)
    measured(f"Whoosh sentences ({len(SENTENCES)} queries): recall@5 {quality.recall:.3f}, first "
             f"{quality.first:.3f}, no under-reaction {quality.no_under_reaction:.3f}")
    found = {"recall": quality.recall, "first": quality.first, "no_under_reaction": quality.no_under_reaction}
    assert all(found[name] >= target for name, target in SENTENCE_TARGET.items()), "\n".join(quality.misses)


@pytest.mark.content
def test_held_out_sentences_stay_above_their_first_figures(searcher: Searcher, guidance: Guidance,
                                                           measured: Callable[[str], None]) -> None:
    """What search was never tuned for (tests/search/heldout.yaml); the site's core ranks them the same
    (the parity test in test_js.py)."""
    levels = {indicator.id: guidance.level_by_id[indicator.level].number for indicator in guidance.indicators}
    known = {record.id for record in searcher.records}
    assert [e for entry in HELDOUT for e in map(suite_id, entry["first"]) if e not in known] == []
    quality = first_score(HELDOUT, [ids(searcher, entry["query"], limit=10) for entry in HELDOUT], levels.get)
    measured(f"Whoosh held-out sentences ({len(HELDOUT)} queries): recall@5 {quality.recall:.3f}, first "
             f"{quality.first:.3f}, no under-reaction {quality.no_under_reaction:.3f}")
    found = {"recall": quality.recall, "first": quality.first, "no_under_reaction": quality.no_under_reaction}
    assert all(found[name] >= floor for name, floor in HELDOUT_FLOOR.items()), "\n".join(quality.misses)


@pytest.mark.parametrize(("query", "first", "first_indicator"), [
    ("escalation", "procedure:escalation", None),
    ("was not brought", "briefing:was-not-brought", "missed-health-appointments"),
    ("bruise on cheek", "bruising-non-mobile-baby", "bruising-non-mobile-baby"),
    ("selfharm", "topic:self-harm-suicide", "suicidal-plan-or-serious-self-harm"),
])
@pytest.mark.content
def test_the_walkthrough_queries_put_the_right_result_first(searcher: Searcher, guidance: Guidance, query: str,
                                                            first: str, first_indicator: str | None) -> None:
    """A page the query names comes first (issue 22); the first indicator is the one the walkthrough expects."""
    found = ids(searcher, query)
    assert found[0] == first
    if first_indicator:
        assert next(i for i in found if i in guidance.indicator_by_id) == first_indicator


@pytest.mark.content
def test_short_words_never_match_longer_ones_by_prefix(searcher: Searcher) -> None:
    """"was" must not find "wash", nor "not" find "notice"."""
    clauses = searcher.clauses("was not brought")
    alternatives = {stem for clause in clauses for alternative in clause.alternatives for stem in alternative.stems}
    assert not alternatives & {"wash", "notice", "notic"}
    assert "self-care-suited-to-age" not in ids(searcher, "was not brought")


@pytest.mark.content
def test_word_forms_spellings_and_spacing_find_the_same(searcher: Searcher) -> None:
    assert ids(searcher, "pre-birth")[:3] == ids(searcher, "prebirth")[:3] == ids(searcher, "pre birth")[:3]
    assert "bruising-non-mobile-baby" in ids(searcher, "bruised", limit=5)
    assert ids(searcher, "behavior")[:5] == ids(searcher, "behaviour")[:5]
    assert set(ids(searcher, "negelct")[:5]) <= set(ids(searcher, "neglect", limit=100))


def test_a_result_matching_every_word_ranks_above_one_matching_some(searcher: Searcher) -> None:
    results = searcher.search("bruise baby", limit=30)
    matched = [result.matched for result in results]
    assert matched == sorted(matched, reverse=True)
    assert matched[0] == 2 and matched[-1] == 1


@pytest.mark.content
def test_a_level_4_indicator_is_not_buried_under_level_1_ones(searcher: Searcher, guidance: Guidance) -> None:
    found = ids(searcher, "bruise on cheek", limit=5)
    levels = [guidance.indicator_by_id[i].level for i in found if i in guidance.indicator_by_id]
    assert levels[0] == "level-4"


@pytest.mark.content
def test_synonyms_reach_search(searcher: Searcher, guidance: Guidance) -> None:
    for query, topic in (("DV", "domestic-abuse"), ("CSE", "child-exploitation"),
                         ("county lines", "child-exploitation"), ("sexting", "online-harm")):
        top = ids(searcher, query, limit=5)
        assert any(topic in guidance.indicator_by_id[i].topics for i in top if i in guidance.indicator_by_id), query


def test_pages_for_editors_have_no_search_record(guidance: Guidance) -> None:
    locations = [record.location for record in records(guidance)]
    assert not [place for place in locations if place.split("/")[0] in EDITOR_PAGES]
    assert {record.kind for record in records(guidance)} == {
        "indicator", "page", "level", "topic", "procedure", "briefing", "service", "term", "domain", "subdomain",
        "age"}


def test_filters_keep_only_indicators_at_the_level_or_for_the_age(searcher: Searcher, guidance: Guidance) -> None:
    at_level = searcher.search("neglect", level="level-2", limit=50)
    assert at_level and {result.record.level for result in at_level} == {"level-2"}
    assert {result.record.kind for result in at_level} == {"indicator"}
    for_babies = searcher.search("neglect", age="0-4", limit=50)
    assert for_babies
    assert all("0-4" in guidance.indicator_by_id[r.record.id].age_bands or not guidance.indicator_by_id[
        r.record.id].age_bands for r in for_babies)


LETTERS = st.text(alphabet="abcdeilnorst", min_size=2, max_size=10)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(vocabulary=st.lists(LETTERS, min_size=1, max_size=40, unique=True), word=LETTERS)
def test_spelling_finds_exactly_what_comparing_every_word_finds(vocabulary: list[str], word: str) -> None:
    """The letter-pair filter only saves time: it never loses a word one or two edits away, and finds
    no other. (Few letters, so that near words are common.)"""
    limit = 2 if len(word) >= 8 else 1
    every = [term for term in sorted(vocabulary) if len(word) >= 4 and edit_distance(word, term, limit) <= limit]
    assert Spelling(sorted(vocabulary)).near(word) == every


def test_spelling_corrects_the_typos_practitioners_make(searcher: Searcher) -> None:
    spelling = Spelling(sorted(searcher.frequencies))
    for typo, meant in (("negelct", "neglect"), ("pregnacy", "pregnancy"), ("exploitaton", "exploitation")):
        assert stem(meant) in spelling.near(stem(typo)), typo


# The command line.

def test_the_cli_prints_json_best_first(capsys: pytest.CaptureFixture[str], searcher: Searcher) -> None:
    assert main(["search", "DV", "--json", "--limit", "3", "--root", str(REPO)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in printed] == ids(searcher, "DV", limit=3)
    assert all(set(entry) == {"id", "text", "level", "domain", "subdomain", "score"} for entry in printed)
    assert [entry["score"] for entry in printed] == sorted((entry["score"] for entry in printed), reverse=True)


def test_the_cli_text_output_says_where_each_result_is_written(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "bruise baby", "--limit", "2", "--root", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert "bruising-non-mobile-baby  (guidance/indicators/" in out
    assert "[Level 4: " in out


@pytest.mark.parametrize("arguments", [["   "], ["?!"], ["neglect", "--level", "9"], ["neglect", "--age", "toddler"],
                                       ["neglect", "--limit", "0"]])
def test_the_cli_refuses_an_empty_query_or_unknown_filter(arguments: list[str],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    with_root = [*arguments, "--root", str(REPO)]
    try:
        code = main(["search", *with_root])
    except SystemExit as stopped:  # argparse rejects --limit 0 itself
        code = int(stopped.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_the_cli_takes_a_level_by_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "neglect", "--level", "4", "--json", "--root", str(REPO)]) == 0
    assert {entry["level"] for entry in json.loads(capsys.readouterr().out)} == {"level-4"}


# The cached index.

def test_the_index_is_cached_by_content_and_never_stale(base_root: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = Searcher(load_guidance(base_root), cache)
    assert len(list(cache.iterdir())) == 1
    Searcher(load_guidance(base_root), cache)
    assert len(list(cache.iterdir())) == 1, "the same content must reuse its index"
    indicators = base_root / "guidance" / "indicators.yaml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "Often arrives hungry", "Often arrives starving"), encoding="utf-8")
    changed = Searcher(load_guidance(base_root), cache)
    assert len(list(cache.iterdir())) == 2
    assert [r.record.id for r in changed.search("starving")] == ["basic-care-hygiene"]
    assert first.search("starving") == []


def test_an_unwritable_cache_still_searches(base_root: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    searcher = Searcher(load_guidance(base_root), blocked / "cache")
    assert [r.record.id for r in searcher.search("hungry")] == ["basic-care-hygiene"]


def test_whoosh_counts_the_same_words_as_the_records(searcher: Searcher) -> None:
    """Similar indicators and the site's worker weigh words from the records; Whoosh must agree."""
    average = index.average_title(searcher.records)
    counted: dict[str, int] = {}
    for record in searcher.records:
        for term in index.stem_weights(record, average):
            counted[term] = counted.get(term, 0) + 1
    assert searcher.frequencies == counted


def test_only_one_module_imports_whoosh() -> None:
    importing = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name.split(".")[0] == "whoosh" for name in names):
                importing.append(path.relative_to(PACKAGE).as_posix())
    assert sorted(set(importing)) == ["search/index.py"]


# Similar indicators at other levels.

def test_every_indicator_has_similar_indicators_at_other_levels(guidance: Guidance) -> None:
    similar = similar_indicators(guidance)
    assert set(similar) == {indicator.id for indicator in guidance.indicators}
    for indicator in guidance.indicators:
        others = [guidance.indicator_by_id[i] for i in similar[indicator.id]]
        assert others, indicator.id
        assert all(other.level != indicator.level for other in others)
        numbers = [guidance.level_by_id[other.level].number for other in others]
        assert numbers == sorted(set(numbers))


def test_similar_indicators_show_the_same_worry_at_another_level(neutral: Guidance) -> None:
    similar = similar_indicators(neutral)
    assert {"neglect-persistent", "starved"} <= set(similar["often-hungry"])
    assert "attends-well" in similar["attendance-falling"]
    assert all(neutral.indicator_by_id[other].level != neutral.indicator_by_id[one].level
               for one, others in similar.items() for other in others)


@pytest.mark.content
def test_seftons_similar_indicators_include_the_obvious_pairs(guidance: Guidance) -> None:
    similar = similar_indicators(guidance)
    assert "high-risk-domestic-abuse" in similar["domestic-abuse-standard-medium-risk"]
    assert "minor-injuries-explained" in similar["bruising-non-mobile-baby"]
    assert "severe-or-unexplained-absence" in similar["attendance-below-90"]


def test_similar_indicators_are_reproducible_and_break_ties_by_id(base_root: Path) -> None:
    indicators = base_root / "guidance" / "indicators.yaml"
    twins = "".join(f"""
  - id: {name}
    text: Often arrives hungry or in dirty clothes.
    level: level-1
    domain: parenting-capacity
    subdomain: basic-care
    source: Test
""" for name in ("zz-twin", "aa-twin"))
    indicators.write_text(indicators.read_text(encoding="utf-8") + twins, encoding="utf-8")
    first = similar_indicators(load_guidance(base_root))
    assert first["basic-care-hygiene"] == ("aa-twin",)
    assert similar_indicators(load_guidance(base_root)) == first


@pytest.mark.content
def test_indicator_pages_link_to_their_similar_indicators(guidance: Guidance) -> None:
    from levelofneed.publish import publish

    page = next(output for output in publish(guidance) if output.path == "indicators/bruising-non-mobile-baby.md")
    text = str(page.content)
    similar = text[text.index("## Similar indicators at other levels"):]
    assert "../minor-injuries-explained/" in similar or "minor-injuries-explained" in similar
    assert "Compare this indicator with the other levels" not in similar


# The site's index.

def test_the_site_index_is_small_and_has_a_record_per_indicator(guidance: Guidance) -> None:
    document = site_index(guidance)
    ours = document["config"]["levelofneed"]
    assert len(gzip.compress(compact_json(document))) <= 150_000
    indicator_rows = [row for row in ours["records"] if row[0] == "i"]
    assert len(indicator_rows) == len(guidance.indicators)
    assert all(row[5] >= 0 and row[6] >= 0 for row in indicator_rows), "each indicator shows its level and area"
    assert document["docs"] == []


def test_search_records_escape_nothing_themselves(guidance: Guidance) -> None:
    """Records hold plain text; the worker escapes it when it builds a result (tested in the browser)."""
    assert all("<" not in record.title for record in records(guidance))


# Near-duplicates.

@pytest.mark.parametrize(("query", "first"), [
    ("DV", "domestic-abuse-at-home"), ("domestic violence", "domestic-abuse-at-home"),
    ("oftne hungry", "often-hungry"), ("selfharm", "self-harm-repeated"), ("pre birth", "unborn-concern"),
    ("truancy", "attendance-falling"),
])
def test_synonyms_misspellings_and_joined_words_find_the_indicator(neutral_root: Path, neutral: Guidance,
                                                                  tmp_path: Path, query: str, first: str) -> None:
    """On the invented partnership, so no change to Sefton's words can break it."""
    assert [result.record.id for result in Searcher(neutral, tmp_path).search(query)][:1] == [first]


def test_the_near_duplicate_join_finds_exactly_what_comparing_every_pair_finds() -> None:
    chooser = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    sets = [frozenset(chooser.sample(words, chooser.randint(4, 12))) for _ in range(250)]
    sets += [frozenset({*sorted(s)[1:], "w0"}) for s in sets[:60]]
    every = [(i, j) for (i, a), (j, b) in itertools.combinations(enumerate(sets), 2) if len(a & b) / len(a | b) >= 0.5]
    assert every
    assert [(i, j) for i, j, _ in similar_pairs(sets, 0.5)] == every


def test_near_duplicates_fail_strict_and_are_off_without_the_flag(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "valid" / "near-duplicates", tmp_path / "root")
    assert main(["check", str(root), "--today", "2026-11-27", "--near-duplicates", "--strict"]) == 1
    assert "says nearly the same as 'hungry-and-dirty'" in capsys.readouterr().out
    assert main(["check", str(root), "--today", "2026-11-27", "--strict"]) == 0


@pytest.mark.content
def test_the_default_content_has_no_near_duplicates(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(REPO), "--near-duplicates"])
    assert "nearly the same" not in capsys.readouterr().out

