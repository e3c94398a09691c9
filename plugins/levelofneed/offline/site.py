"""Make a built site work offline: write the service worker, ``offline.json`` and ``version.json``,
and mark every page with the build it belongs to (ADR 20).

This runs on the site as written, after every other step (the Content-Security-Policy
included), because what the worker keeps is the bytes the browser will be sent: the
theme's assets have names MkDocs and Material choose while building.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..labels import file_size
from .plan import PLAN_FILE, VERSION_FILE, WORKER_FILE, OfflinePlan, SiteFile, plan, site_file

WORKER_SOURCE = Path(__file__).parent.parent / "site_assets" / "offline" / "sw.js"
BUILD_META = "levelofneed-build"
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


@dataclass(frozen=True)
class OfflineSummary:
    """What the build made available offline, for the build's log and the bench."""

    plan: OfflinePlan
    pages_marked: int
    plan_bytes: int  # offline.json, which the worker keeps too

    def core_bytes(self) -> int:
        return sum(item.size for item in self.plan.groups["core"]) + self.plan_bytes

    def as_text(self) -> str:
        core, rest = self.plan.groups["core"], self.plan.groups["pages"]
        return (f"offline: {len(core) + 1} files ({file_size(self.core_bytes())}) saved on the first visit, "
                f"{len(rest)} more when visited or saved; {self.pages_marked} pages marked, build {self.plan.build}")


def add_offline(site_dir: Path, version: str, review_due: str) -> OfflineSummary:
    """Write the worker and its plan into ``site_dir``, and put the build's id into every page.

    The id is taken from the site before the pages are marked with it; the plan is then made
    again from the marked pages, so the sizes it gives are those of the files as sent.
    """
    build = plan(_scan(site_dir), version, review_due).build
    marked = _mark_pages(site_dir, build)
    final = replace(plan(_scan(site_dir), version, review_due), build=build)
    _write(site_dir / PLAN_FILE, json.dumps(final.as_json(), separators=(",", ":"), ensure_ascii=False))
    _write(site_dir / VERSION_FILE, json.dumps({"version": version, "build": build}))
    _write(site_dir / WORKER_FILE, worker_script(final))
    return OfflineSummary(final, marked, (site_dir / PLAN_FILE).stat().st_size)


def _scan(site_dir: Path) -> list[SiteFile]:
    return [site_file(path.relative_to(site_dir).as_posix(), path.read_bytes())
            for path in sorted(site_dir.rglob("*")) if path.is_file()]


def worker_script(offline: OfflinePlan) -> str:
    """The service worker: our source with what this build keeps written before it."""
    settings = {"version": offline.version, "build": offline.build, "core": offline.core_urls(),
                "notSaved": "not-saved/", "plan": PLAN_FILE, "versionFile": VERSION_FILE}
    return (f"/* Written by the levelofneed build: what this build keeps offline. */\n"
            f"var LEVELOFNEED_OFFLINE = {json.dumps(settings, separators=(',', ':'))};\n\n"
            + WORKER_SOURCE.read_text(encoding="utf-8"))


def _mark_pages(site_dir: Path, build: str) -> int:
    """Put ``<meta name="levelofneed-build">`` before ``</head>`` in every page, so a page knows its build."""
    tag = f'<meta name="{BUILD_META}" content="{build}">'
    marked = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        updated, count = _HEAD_END.subn(tag + "</head>", text, count=1)
        if count:
            page.write_text(updated, encoding="utf-8")
            marked += 1
    return marked


def _write(path: Path, text: str) -> None:
    path.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
