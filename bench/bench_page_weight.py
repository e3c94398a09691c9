"""Benchmark page weight: what a page view transfers when nobody searches, and how soon search is
ready once someone does (issue 22: nothing downloaded until it is needed).

Run with ``.venv/bin/python bench/bench_page_weight.py`` (it builds the repository's site), or give
``--site`` a site already built. *Before* is the same site with ``search-lazy.js`` taken out of
every page, which is exactly the site before issue 22's change (Material fetches the index at page
load), with the same content and search code, so only the change is measured; ``--before`` takes a
site built from an earlier commit instead. It measures, in Chromium with a fresh browser context
(nothing cached) for each page:

- **a page view**: every file the page fetches from the site until the network is idle (half a
  second with no request), each gzipped at level 9 as a host's compression would send it (the
  local server sends files as they are), added up;
- **once search is used**: the same after the search box is focused, which now fetches the
  search index;
- **ready after focus**: with the CPU slowed 4× (Emulation.setCPUThrottlingRate), the time from
  focusing the search box to Material's result line saying the index is ready, best and worst of
  three fresh page loads of the home page.

Figures go into the "Page weight (issue 22)" section of bench/README.md. Targets (issue 22): a
page nobody searches on transfers at least 50 KB gzipped less than before; the index is ready
within 1 s of focus at 1× content, 4× throttled.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser_support import (
    READY_AFTER_FOCUS,
    SEARCH_INDEX,
    chromium_page,
    fetched_files,
    gzipped_bytes,
    launch_chromium,
    serve,
)

from figures import write_section

REPO = Path(__file__).resolve().parent.parent
HEADING = "## Page weight (issue 22)"
PAGES = ["", "levels/level-2/", "glossary/", "indicators/access-to-activities/"]
THROTTLE = 4


def page_weights(browser: Any, site: Path, path: str) -> dict[str, int]:
    """Gzipped bytes of one page view, and of the same view once the search box is focused."""
    with serve(site) as url, chromium_page(browser, url, bypass_csp=True) as (page, _):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(url + path, wait_until="networkidle")
        viewed = fetched_files(site, url, requests)
        if site / SEARCH_INDEX not in viewed:
            with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX)):
                page.locator("input.md-search__input").focus()
        searched = fetched_files(site, url, requests)
        return {"view": gzipped_bytes(viewed), "searched": gzipped_bytes(searched),
                "index_in_view": int(site / SEARCH_INDEX in viewed)}


def ready_after_focus(browser: Any, site: Path, rounds: int = 3) -> list[float]:
    """Milliseconds from focusing the search box to an index ready to query, CPU slowed, fresh loads."""
    times = []
    for _ in range(rounds):
        with serve(site) as url, chromium_page(browser, url, bypass_csp=True) as (page, _):
            page.goto(url, wait_until="networkidle")
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
            times.append(page.evaluate(READY_AFTER_FOCUS))
    return times


def measure(browser: Any, site: Path, timed: bool) -> dict[str, Any]:
    """Every page's weights; the ready time only for a site that waits for focus (an earlier one has
    its index long before anyone focuses the box)."""
    weights = {path or "/": page_weights(browser, site, path) for path in PAGES}
    index = gzipped_bytes([site / SEARCH_INDEX])
    return {"pages": weights, "index": index, "ready": ready_after_focus(browser, site) if timed else []}


def kb(value: int) -> str:
    return f"{value / 1000:.1f}"


def table(after: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    """One row a page: before (when measured), now without search, now once search is used, and saved."""
    if not before:
        lines = ["| page | page view, no search | once search is used |", "|---|---:|---:|"]
        rows = after["pages"].items()
        return [*lines, *(f"| {name} | {kb(row['view'])} | {kb(row['searched'])} |" for name, row in rows)]
    lines = ["| page | before: page view | now: page view, no search | now: once search is used | saved |",
             "|---|---:|---:|---:|---:|"]
    for name, row in after["pages"].items():
        old = before["pages"][name]["view"]
        lines.append(f"| {name} | {kb(old)} | {kb(row['view'])} | {kb(row['searched'])} | {kb(old - row['view'])} |")
    return lines


def targets(after: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    ready = max(after["ready"])
    lines = ["Against the targets (issue 22):", ""]
    if before:
        saved = min(before["pages"][name]["view"] - row["view"] for name, row in after["pages"].items())
        lines.append(f"- {'met' if saved >= 50_000 else '**not met**'}: a page view without search transfers at "
                     f"least 50 KB gzipped less than before: {kb(saved)} KB less (the least over the pages)")
    met = "met" if 0 <= ready < 1000 else "**not met**"
    return [*lines, f"- {met}: ready within 1 s of focus: worst {ready:.0f} ms"]


def report(after: dict[str, Any], before: dict[str, Any]) -> str:
    ready = after["ready"]
    lines = [HEADING, "", "<!-- Written by `python bench/bench_page_weight.py`. Re-run it rather than editing "
             "by hand. -->", "", "Gzipped transfer of a page view, KB (level 9 gzip of each file the page fetches, "
             f"nothing cached; the search index alone is {kb(after['index'])} KB):", "",
             *table(after, before), "",
             f"Search ready after focusing the box, home page, CPU slowed {THROTTLE}×, {len(ready)} fresh loads: "
             f"best {min(ready):.0f} ms, worst {max(ready):.0f} ms (-1 would mean not ready within 10 s).", "",
             *targets(after, before)]
    return "\n".join(lines) + "\n"


LAZY_SCRIPT = re.compile(r'<script src="[^"]*assets/levelofneed/search-lazy\.js"></script>\s*')


def without_lazy_index(site: Path, target: Path) -> Path:
    """A copy of the site whose pages do not load search-lazy.js: the site as it was before issue 22."""
    shutil.copytree(site, target)
    for page in target.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(LAZY_SCRIPT.sub("", text), encoding="utf-8")
    return target


def build(target: Path) -> Path:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(REPO / "mkdocs.yml"),
                    "-d", str(target)], check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site already built from this working tree")
    parser.add_argument("--before", type=Path, help="a site built from an earlier commit, to compare with "
                        "(default: this site without search-lazy.js)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as work, launch_chromium() as browser:
        site = args.site or build(Path(work) / "site")
        before_site = args.before or without_lazy_index(site, Path(work) / "before")
        after = measure(browser, site, timed=True)
        before = measure(browser, before_site, timed=False)
    section = report(after, before)
    print(section)
    if not args.no_readme:
        write_section(HEADING, section)


if __name__ == "__main__":
    main()
