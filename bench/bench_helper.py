"""Benchmark the "which level?" helper: what a phone downloads, and how fast a tick updates the result.

Run with ``make bench`` (or ``.venv/bin/python bench/bench_helper.py``). It builds the
repository's site once, then:

- **transfer**: the gzipped size of the helper's own files (its page, its two scripts
  and its data file), and of everything else Chromium fetches for the page, with the
  theme's share (Material's scripts, styles and search index) shown apart;
- **tick to result**: in Chromium, the time from ticking an indicator to the updated
  suggestion, at 1× content and with the data file of 100× content (the page is the
  1× page; a 100× site takes too long to build for a benchmark of the helper). Each tick
  is timed twice: the script's work (engine and DOM update), and until the next frame
  is ready to paint.

Figures go into the "Helper" section of bench/README.md. Targets (issue 9): the helper's
own transfer at most 80 KB gzipped; a tick at most 50 ms at 100× content.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser_support import chromium_page, launch_chromium, serve

from figures import p95, write_section
from levelofneed import load_guidance
from levelofneed.helper import helper_data
from levelofneed.publish import compact_json
from synth import scaled_root

REPO = Path(__file__).resolve().parent.parent
HEADING = "## Helper"
OWN = ("which-level/index.html", "assets/levelofneed/helper-engine.js", "assets/levelofneed/helper-ui.js",
       "which-level/helper-data.json")
THEME = re.compile(r"^(assets/javascripts|assets/stylesheets|search/)")
TICK = """async (id) => {
  const box = document.getElementById('lon-pick-' + id);
  const start = performance.now();
  box.click();
  const work = performance.now() - start;
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return [work, performance.now() - start];
}"""


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def transfer(site: Path, fetched: list[str]) -> dict[str, int]:
    """Gzipped bytes: the helper's own files, then the rest the page fetched, theme apart."""
    own = sum(gz(site / name) for name in OWN)
    others = [name for name in dict.fromkeys(fetched) if name not in OWN and (site / name).is_file()]
    theme = sum(gz(site / name) for name in others if THEME.match(name))
    ours = sum(gz(site / name) for name in others if not THEME.match(name))
    return {"own": own, "theme": theme, "other_ours": ours, "total": own + theme + ours,
            "data_raw": (site / "which-level/helper-data.json").stat().st_size}


def ticks(browser: Any, site: Path, count: int) -> tuple[list[float], list[float], list[str]]:
    """Tick ``count`` indicators on and off; the script's time and the time to the next frame, in ms."""
    with serve(site) as url, chromium_page(browser, url, bypass_csp=True) as (page, _):
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url.removeprefix(url).split("#")[0]))
        page.goto(url + "which-level/#step=seen", wait_until="networkidle")
        page.wait_for_selector(".lon-picker__item input")
        ids = page.eval_on_selector_all(".lon-picker__item input", "boxes => boxes.map(b => b.value)")[:count]
        work, frame = [], []
        for indicator_id in ids + ids:
            spent, painted = page.evaluate(TICK, indicator_id)
            work.append(spent)
            frame.append(painted)
        fetched = [name if name else "index.html" for name in fetched]
        return work, frame, [name + "index.html" if name.endswith("/") else name for name in fetched]



def report(rows: dict[str, Any]) -> str:
    size = rows["transfer"]
    kb = {name: f"{value / 1000:.1f}" for name, value in size.items()}
    lines = [HEADING, "", "<!-- Written by `python bench/bench_helper.py`. Re-run it rather than editing by hand. -->",
             "", "Gzipped transfer of the helper page with the default content (level 9 gzip of each file):", "",
             "| what | KB gzipped |", "|---|---:|",
             f"| the helper's own files: page, two scripts, data | {kb['own']} |",
             f"| the theme's files the page loads (Material's scripts, styles, search index) | {kb['theme']} |",
             f"| our other shared files (stylesheet, site script, icons, manifest) | {kb['other_ours']} |",
             f"| **the page in all** | **{size['total'] / 1000:.1f}** |", "",
             f"The data file is {size['data_raw'] / 1000:.0f} KB before compression.", "",
             "Time from ticking an indicator to the updated suggestion, in Chromium (ms):", "",
             "| content | indicators | script p50 | script p95 | to next frame p50 | to next frame p95 |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, row in rows["ticks"].items():
        work, frame = row["work"], row["frame"]
        lines.append(f"| {name} | {row['indicators']:,} | {statistics.median(work):.1f} | {p95(work):.1f} | "
                     f"{statistics.median(frame):.1f} | {p95(frame):.1f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ticks", type=int, default=20, help="indicators ticked on and off at each size")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-helper-") as work, launch_chromium() as browser:
        site = Path(work) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(REPO / "mkdocs.yml"),
                        "-d", str(site)], check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        rows: dict[str, Any] = {"ticks": {}}
        for factor in (1, 100):
            root = scaled_root(REPO, Path(work) / f"x{factor}", factor)
            guidance = load_guidance(root)
            (site / "which-level" / "helper-data.json").write_bytes(compact_json(helper_data(guidance)))
            spent, painted, fetched = ticks(browser, site, args.ticks)
            rows["ticks"][f"{factor}×"] = {"indicators": len(guidance.indicators), "work": spent, "frame": painted}
            if factor == 1:
                rows["transfer"] = transfer(site, fetched)
        section = report(rows)
    print(section)
    print(json.dumps(rows["transfer"]))
    if not args.no_readme:
        write_section(HEADING, section)


if __name__ == "__main__":
    main()
