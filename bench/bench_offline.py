"""Benchmark what the service worker keeps (issue 23, ADR 20): the first visit's download at 1× and
10× content, against the budget of 1.5 MB gzipped at 1×, and what "save everything" adds.

Run with ``.venv/bin/python bench/bench_offline.py`` (it builds the repository's content at each
scale with ``mkdocs build --strict``, PDFs included, the same way ``make site`` does), or give
``--site`` sites already built, one per factor. The 10× content is ``synth.scaled_root``'s:
indicators, services and glossary terms copied ten times, briefings too. Each file is gzipped at
level 9, as a host's compression would send it; PDFs barely shrink, and count as sent.

Figures go into the "Offline (issue 23)" section of bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import write_section
from synth import scaled_root

REPO = Path(__file__).resolve().parent.parent
HEADING = "## Offline (issue 23)"
BUDGET = 1_500_000


def build(factor: int, work: Path) -> Path:
    """The repository's content at ``factor``, built as ``make site`` builds it; returns the site folder."""
    root = scaled_root(REPO, work / f"x{factor}", factor)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml")],
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    print(f"{factor}×: built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return root / "site"


def _file(site: Path, url: str) -> Path:
    return site / (url.removeprefix("./") + "index.html" if url.endswith("/") else url)


def measure(site: Path) -> dict[str, int]:
    """Files and bytes (as they are, and gzipped) in each group of the plan the build wrote."""
    plan = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    figures: dict[str, int] = {}
    for group in ("core", "pages", "ask"):
        rows = plan[group] + ([["offline.json", (site / "offline.json").stat().st_size, ""]] if group == "core" else [])
        figures[f"{group}_files"] = len(rows)
        figures[f"{group}_bytes"] = sum(row[1] for row in rows)
        figures[f"{group}_gzip"] = sum(len(gzip.compress(_file(site, row[0]).read_bytes(), 9)) for row in rows)
    figures["plan_gzip"] = len(gzip.compress((site / "offline.json").read_bytes(), 9))
    return figures


def _mb(size: int) -> str:
    return f"{size / 1e6:.2f} MB"


def section(rows: dict[int, dict[str, int]]) -> str:
    lines = [HEADING, "",
             "Written by `bench/bench_offline.py`. The first visit saves the core; \"save everything\" adds the "
             "rest; the whole-guidance PDF only when asked. Budget (issue 23): the core at most 1.5 MB gzipped "
             "at 1×.", "",
             "| content | core files | core, gzipped | budget | the plan (`offline.json`), gzipped | "
             "save everything: files | as stored | whole PDF |",
             "|---|---:|---:|---|---:|---:|---:|---:|"]
    for factor, f in sorted(rows.items()):
        verdict = "met" if f["core_gzip"] <= BUDGET else "over"
        if factor != 1:
            verdict = "(1× only)"
        lines.append(f"| {factor}× | {f['core_files']} | {_mb(f['core_gzip'])} | {verdict} | "
                     f"{_mb(f['plan_gzip'])} | {f['core_files'] + f['pages_files']} | "
                     f"{_mb(f['core_bytes'] + f['pages_bytes'])} | {_mb(f['ask_bytes'])} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", action="append", default=[], metavar="FACTOR=FOLDER",
                        help="a site already built, e.g. 1=site (may be given once per factor)")
    parser.add_argument("--factors", default="1,10")
    options = parser.parse_args()
    given = {int(item.split("=", 1)[0]): Path(item.split("=", 1)[1]) for item in options.site}
    rows: dict[int, dict[str, int]] = {}
    with tempfile.TemporaryDirectory() as work:
        for factor in (int(f) for f in options.factors.split(",")):
            site = given.get(factor) or build(factor, Path(work))
            rows[factor] = measure(site)
            print(factor, rows[factor], file=sys.stderr)
    write_section(HEADING, section(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
