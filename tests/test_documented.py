"""Every command, every option and every plugin option is documented (datasette's meta-tests).

A new option that nobody wrote down fails here, so docs/developers.md stays the one place
a developer or an editor looks.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from levelofneed.cli import COMMANDS, build_parser
from levelofneed.mkdocs.config import LevelOfNeedConfig

REPO = Path(__file__).resolve().parent.parent
DEVELOPERS = (REPO / "docs" / "developers.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text under one ``###`` heading of docs/developers.md, up to the next heading."""
    start = DEVELOPERS.index(heading)
    following = re.search(r"^#{2,3} ", DEVELOPERS[start + len(heading):], re.MULTILINE)
    return DEVELOPERS[start:start + len(heading) + following.start()] if following else DEVELOPERS[start:]


def subparsers(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def options(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every long option of a command and of its subcommands (``export json``, ``new indicator``)."""
    for action in parser._actions:
        yield from (flag for flag in action.option_strings if flag.startswith("--") and flag != "--help")
    for _, child in subparsers(parser):
        yield from options(child)


COMMAND_PARSERS = dict(subparsers(build_parser(everything=True)))


def test_the_parser_has_exactly_the_registered_commands() -> None:
    assert list(COMMAND_PARSERS) == [command.NAME for command in COMMANDS]


@pytest.mark.parametrize("name", list(COMMAND_PARSERS))
def test_every_command_and_option_is_documented(name: str) -> None:
    text = section(f"### `levelofneed {name}`")
    missing = sorted({flag for flag in options(COMMAND_PARSERS[name]) if f"`{flag}" not in text})
    assert not missing, f"docs/developers.md does not describe {missing} under 'levelofneed {name}'"


@pytest.mark.parametrize("name", list(COMMAND_PARSERS))
def test_the_readme_shows_every_command(name: str) -> None:
    assert f"levelofneed {name}" in README


def test_every_plugin_option_is_documented() -> None:
    table = section("## The MkDocs plugin's options")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table, re.MULTILINE))
    assert documented == {name for name, _ in LevelOfNeedConfig._schema}


def test_the_muted_end_of_life_notice_says_what_adr_21_answers() -> None:
    """Issue 24: the theme's notice is muted everywhere, so the reason must be written down, and the
    notice itself read here: a new date or a new successor fails this test, and ADR 21 is reviewed."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    muted = makefile.index("export NO_MKDOCS_2_WARNING")
    assert "docs/adr/0021-material-end-of-life.md" in makefile[max(0, muted - 300):muted]
    notice = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'mkdocs'; import material.templates"],
        capture_output=True, text=True, check=True,
        env={key: value for key, value in os.environ.items() if key != "NO_MKDOCS_2_WARNING"}).stderr
    adr = (REPO / "docs" / "adr" / "0021-material-end-of-life.md").read_text(encoding="utf-8")
    assert "end of life on May 5, 2027" in notice and "5 May 2027" in adr
    assert "Zensical" in notice and "Zensical" in adr

