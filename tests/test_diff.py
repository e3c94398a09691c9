"""``levelofneed diff`` and ``compare``: what a change means, in plain English, from real git history.

Each test builds a small git repository from tests/examples/base, commits a change a
partnership would make, and reads the report a reviewer would see on the pull request.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from levelofneed import load_guidance
from levelofneed.cli import main
from levelofneed.diff import compare
from levelofneed.diff.fields import field_changes
from levelofneed.diff.match import pair_by_text

from .conftest import BASE, EXAMPLES, build_example

NEW_SERVICE = """\
  - id: family-hub
    name: Family hub
    description: Help for families in one place.
    organization: Example Council
    status: active
    url: https://example.org/family-hub
    how_to_access: Drop in.
    levels: [level-1, level-2]
    area: Exampleshire
    verification: {status: unverified, note: Not yet checked; ask the council.}
    source: Test
"""


def require_git() -> None:
    """Skip without git on a workstation; in CI a missing git is a failure."""
    if shutil.which("git"):
        return
    if os.environ.get("CI"):
        pytest.fail("git is missing; .ci/run installs it")
    pytest.skip("git is not installed")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, env=env)
    return done.stdout


def edit(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit is the base example and whose second is a partnership's edit."""
    require_git()
    root = tmp_path / "repo"
    shutil.copytree(BASE, root)
    git(root, "init", "-q")
    commit_all(root, "first version")
    edit(root, "guidance/indicators.yaml", "text: Reaching developmental milestones for their age.\n    level: level-1",
         "text: Reaching developmental milestones for their age.\n    level: level-2\n"
         "    first_actions: [Talk to your safeguarding lead today.]")
    edit(root, "guidance/indicators.yaml", "Often arrives hungry or in dirty clothes.",
         "Often arrives at school hungry, or in dirty or unwashed clothes.")
    edit(root, "guidance/partnership.yaml", "phone: 0100 000 0000", "phone: 0100 000 0009")
    edit(root, "guidance/procedures.yaml", "timescale: Within 2 working days", "timescale: Within 5 working days")
    (root / "guidance" / "services.yaml").write_text(
        (root / "guidance" / "services.yaml").read_text(encoding="utf-8") + NEW_SERVICE, encoding="utf-8")
    commit_all(root, "second version")
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_diff_reports_what_a_reviewer_must_see(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "HEAD~1", "HEAD", "--root", str(repo))
    assert code == 0
    moved = ("- `health-milestones` “Reaching developmental milestones for their age.” moved from "
             "**Level 1: Universal** to **Level 2: Additional needs**")
    assert moved in out
    assert out.index("moved between levels") < out.index("### Indicators")  # flagged first
    assert "**Reworded** `basic-care-hygiene`" in out
    assert "was “Often arrives hungry or in dirty clothes.”" in out
    assert "**Added** `family-hub` “Family hub”" in out
    assert "phone: was “0100 000 0000”, now “0100 000 0009”" in out
    assert 'step 1 "Stage 1": timescale: was “Within 2 working days”, now “Within 5 working days”' in out
    assert "Traceback" not in out


def test_diff_as_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "HEAD~1", "HEAD", "--json", "--root", str(repo))
    assert code == 0
    report = json.loads(out)
    assert report["moved"] == [{"id": "health-milestones", "text": "Reaching developmental milestones for their age.",
                                "before": "Level 1: Universal", "after": "Level 2: Additional needs",
                                "was_id": None}]
    assert report["summary"]["indicators"] == {"moved": 1, "reworded": 1, "changed": 1}
    assert report["summary"]["services"] == {"added": 1}
    contact = next(r for r in report["records"] if r["kind"] == "contacts")
    assert contact["fields"] == [{"path": "phone", "label": "phone", "before": "0100 000 0000",
                                  "after": "0100 000 0009"}]
    procedure = next(r for r in report["records"] if r["kind"] == "procedures")
    assert procedure["fields"][0]["path"] == "steps.1.timescale"


def test_head_defaults_to_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "guidance/levels.yaml", "name: Additional needs", "name: Additional support needs")
    code, out, _ = run(capsys, "diff", "HEAD", "--root", str(repo))
    assert code == 0
    assert "Comparing `HEAD` (before) with the working tree (after)." in out
    assert "name: was “Additional needs”, now “Additional support needs”" in out


def test_the_root_may_be_a_folder_inside_the_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_git()
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo / "content")
    git(repo, "init", "-q")
    commit_all(repo, "first")
    edit(repo / "content", "guidance/procedures.yaml", "Within 2 working days", "Within 1 working day")
    commit_all(repo, "second")
    code, out, _ = run(capsys, "diff", "HEAD~1", "--root", str(repo / "content"))
    assert code == 0 and "now “Within 1 working day”" in out


def test_a_revision_with_invalid_content_is_reported_not_compared(repo: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, "guidance/indicators.yaml", "level: level-2\n    domain: parenting-capacity",
         "level: level-9\n    domain: parenting-capacity")
    commit_all(repo, "a mistake")
    code, out, _ = run(capsys, "diff", "HEAD~1", "HEAD", "--root", str(repo))
    assert code == 1
    assert "The head (`HEAD`) does not pass today's `levelofneed check`" in out
    assert "guidance/indicators.yaml:14:12: error: unknown level 'level-9' in 'level'" in out
    assert "A revision made before a change to the content model fails this way" in out
    code, out, _ = run(capsys, "diff", "HEAD", "HEAD~2", "--json", "--root", str(repo))
    assert code == 1
    (failure,) = json.loads(out)["errors"]
    assert failure["side"] == "base" and failure["findings"][0]["message"] == "unknown level 'level-9' in 'level'"


def test_a_revision_without_guidance_fails_as_a_side(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "rm", "-q", "-r", "guidance")
    commit_all(repo, "remove everything")
    code, out, _ = run(capsys, "diff", "HEAD", "HEAD~1", "--root", str(repo))
    assert code == 1 and "no 'guidance' folder" in out


def test_unknown_revisions_and_folders_are_usage_errors(repo: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "diff", "no-such-branch", "--root", str(repo))
    assert code == 2 and "'no-such-branch' is not a commit, branch or tag" in err
    written = tmp_path / "written"
    code, _, err = run(capsys, "diff", "--root", str(repo), "--", f"--output={written}")  # never an option to git
    assert code == 2 and not written.exists()
    outside = tmp_path / "plain"
    shutil.copytree(BASE, outside)
    code, _, err = run(capsys, "diff", "HEAD", "--root", str(outside))
    assert code == 2 and "is not inside a git repository" in err
    code, _, err = run(capsys, "compare", str(outside), str(tmp_path / "missing"))
    assert code == 2 and "is not a folder" in err


def test_compare_reports_an_indicator_placed_at_different_levels(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Two partnerships' folders: different ids and wording for the same worry, at different levels."""
    ours, theirs = tmp_path / "sefton", tmp_path / "neighbour"
    shutil.copytree(BASE, ours)
    shutil.copytree(BASE, theirs)
    edit(theirs, "guidance/indicators.yaml",
         "id: basic-care-hygiene\n    text: Often arrives hungry or in dirty clothes.\n    level: level-2",
         "id: hungry-or-unwashed\n    text: Often arrives at school hungry or in dirty clothes.\n    level: level-1")
    edit(theirs, "briefings/was-not-brought.yaml", "basic-care-hygiene", "hungry-or-unwashed")
    code, out, _ = run(capsys, "compare", str(ours), str(theirs))
    assert code == 0
    assert "### Flagged: 1 indicator placed at different levels" in out
    assert (f"- `basic-care-hygiene` in `{ours}`, `hungry-or-unwashed` in `{theirs}`: “Often arrives at school hungry "
            f"or in dirty clothes.” is at **Level 2: Additional needs** in `{ours}` and at **Level 1: Universal** "
            f"in `{theirs}`") in out
    assert "matched by wording with `basic-care-hygiene`" in out


def test_compare_of_identical_folders_finds_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(BASE, tmp_path / "a")
    code, out, _ = run(capsys, "compare", str(BASE), str(tmp_path / "a"))
    assert code == 0 and "No changes to the guidance's content." in out


def test_every_registered_kind_is_compared() -> None:
    """Glossary, synonyms, planning responses and the changelog are compared too, with no code of their own."""
    base = load_guidance(BASE)
    glossary = base.glossary[0].model_copy(update={"definition": "A new definition."})
    changed = base.replace(glossary=(glossary,), changes=())
    changes = compare(base, changed)
    assert [(c.kind, c.status) for c in changes.records] == [("glossary", "changed"), ("changes", "removed")]


def test_field_labels_name_steps_and_listed_records() -> None:
    before = {"steps": [{"title": "Stage 1", "timescale": "2 days"}], "questions": [{"id": "q", "question": "A?"}],
              "topics": ["a", "b"], "text": "Hello  world"}
    after = {"steps": [{"title": "Stage 1", "timescale": "5 days"}, {"title": "Stage 2", "timescale": "x"}],
             "questions": [{"id": "q", "question": "B?"}], "topics": ["a", "c"], "text": "Hello world"}
    labels = [(c.label, c.before, c.after) for c in field_changes(before, after)]
    assert labels == [('step 1 "Stage 1": timescale', "2 days", "5 days"),
                      ('step 2 "Stage 2"', None, {"title": "Stage 2", "timescale": "x"}),
                      ("question 'q': question", "A?", "B?"),
                      ("topics", ["a", "b"], ["a", "c"])]


def test_pairing_by_wording_takes_the_best_match_once() -> None:
    before = ["Often arrives hungry or in dirty clothes.", "Has no friends at school."]
    after = ["Rarely has friends at school.", "Often arrives at school hungry or in dirty clothes.", "Unrelated."]
    assert [(b, a) for b, a, _ in pair_by_text(before, after)] == [(0, 1), (1, 0)]


def test_duties_and_do_not_alert_are_compared(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A duty's timescale changing, and an indicator told not to alert the family, are reported field by field."""
    ours, theirs = tmp_path / "before", tmp_path / "after"
    build_example(EXAMPLES / "valid" / "every-field", ours)
    build_example(EXAMPLES / "valid" / "every-field", theirs)
    edit(theirs, "guidance/duties.yaml", "by_when: Within 48 hours", "by_when: Within one working day")
    edit(theirs, "guidance/indicators.yaml", "why: Telling the family first could put the child at risk.",
         "why: The family may move the child before anyone can help.")
    code, out, _ = run(capsys, "compare", str(ours), str(theirs))
    assert code == 0
    assert "by when: was “Within 48 hours”, now “Within one working day”" in out
    assert "was “Telling the family first could put the child at risk.”" in out
