"""A starter repository for a new partnership, written by ``levelofneed init``.

Forking Sefton's repository means deleting its content by hand and hoping nothing of
Sefton's survives: a wrong number left behind is a safeguarding risk. The starter holds
only what is not any one partnership's (the level framework, the Assessment Framework's
domains, the national legal duties, safety questions and helplines) and a clearly marked
placeholder, with no number, for every local contact. Every record is due for review on
the day it is written, so ``levelofneed review`` lists the whole job, and every contact
is unverified, so ``check --strict`` fails and the site says "Draft" until each is
checked (docs/adr/0022-levelofneed-init.md).

The files live in ``starter/`` beside this module and are copied with a few slots filled:
``@NAME@``, ``@SHORT_NAME@``, ``@AREA@`` and ``@ID@`` (in YAML only as whole values, written
as quoted strings, so no name can break the YAML or add a key) and ``@TODAY@``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model.common import ID_PATTERN
from .schema import all_schemas

STARTER = Path(__file__).parent / "starter"
SLOT = re.compile(r"@(ID|NAME|SHORT_NAME|AREA|TODAY)@")
YAML_SUFFIXES = (".yaml", ".yml")
# Written beside the content: the schemas the YAML files name, and the folders MkDocs and check need.
SCHEMAS = "schemas"
KEEP = ("docs/.gitkeep", "briefings/.gitkeep")  # folders git would otherwise drop


@dataclass(frozen=True)
class NewPartnership:
    """What ``init`` is told about the partnership; everything else is a placeholder to fill in."""

    name: str
    short_name: str
    area: str
    id: str
    today: dt.date

    def slots(self, quoted: bool) -> dict[str, str]:
        """The slots' values: JSON-quoted (a valid YAML scalar, whatever the name holds) for YAML."""
        words = {"NAME": self.name, "SHORT_NAME": self.short_name, "AREA": self.area, "ID": self.id}
        values = {key: json.dumps(value, ensure_ascii=False) if quoted else value for key, value in words.items()}
        return {**values, "TODAY": self.today.isoformat()}


def partnership_id(name: str) -> str:
    """A record id made from the name: 'Wirral Safeguarding Children Partnership' → 'wirral'."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    generic = {"safeguarding", "children", "childrens", "partnership", "scp", "lscb", "the", "and", "of"}
    kept = [word for word in words if word not in generic] or words or ["partnership"]
    candidate = "-".join(kept)[:40].strip("-")
    return candidate if re.fullmatch(ID_PATTERN, candidate) else "partnership"


def fill(text: str, partnership: NewPartnership, quoted: bool) -> str:
    slots = partnership.slots(quoted)
    return SLOT.sub(lambda found: slots[found.group(1)], text)


def starter_files(partnership: NewPartnership) -> Iterator[tuple[str, str]]:
    """Every file of the starter repository, as (path relative to it, text), in a stable order."""
    for path in sorted(STARTER.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(STARTER).as_posix()
            yield relative, fill(path.read_text(encoding="utf-8"), partnership, relative.endswith(YAML_SUFFIXES))
    for name, text in all_schemas().items():
        yield f"{SCHEMAS}/{name}", text
    for keep in KEEP:
        yield keep, ""


def write_starter(target: Path, partnership: NewPartnership) -> list[str]:
    """Write the starter into ``target``, which must be empty or absent; returns the paths written."""
    written = []
    for relative, text in starter_files(partnership):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(relative)
    return written
