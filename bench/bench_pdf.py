"""Benchmark the offline PDFs: how long printing takes at 1× and 10× content.

Run with ``make bench`` (or ``.venv/bin/python bench/bench_pdf.py``). For each size
(``bench/synth.py`` copies indicators, services, glossary terms and briefings under new
ids), in this process after one warm-up print (imports, fonts):

- **pages**: rendering the site's pages in the anchor link style and filling the print
  templates, for every PDF;
- **whole guidance**: WeasyPrint laying out and writing the one big PDF (tagged
  PDF/UA-1), with its pages and size;
- **cards and briefings**: the same for every other PDF, one after another;
- **all, two processes**: ``print_all`` as the build and ``levelofneed pdf`` run it, the
  whole guidance here and the rest in a spawned worker meanwhile.

Each figure is the best of ``--runs`` runs (one at 10×). Figures go into the "PDF"
section of bench/README.md. Target (issue 12): the whole guidance at 1× in under 10 s
on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from levelofneed import load_guidance
from levelofneed.pdf import print_all
from levelofneed.pdf.documents import documents
from levelofneed.pdf.printing import print_pdf
from levelofneed.render import PRINTED, LinkStyle, SiteOptions, iter_pages
from synth import scaled_root

REPO = Path(__file__).resolve().parent.parent
README = Path(__file__).resolve().parent / "README.md"
HEADING = "## PDF"
TARGET = 10.0


def measure(root: Path) -> dict[str, Any]:
    """One run at one size: seconds for pages, the whole guidance and the rest, with pages and bytes."""
    guidance = load_guidance(root)
    start = time.perf_counter()
    pages = {p.path: p.markdown for p in iter_pages(guidance, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)}
    planned = list(documents(guidance, pages))
    html_seconds = time.perf_counter() - start
    start = time.perf_counter()
    whole = print_pdf(planned[0].html)
    whole_seconds = time.perf_counter() - start
    start = time.perf_counter()
    others = [print_pdf(document.html) for document in planned[1:]]
    others_seconds = time.perf_counter() - start
    start = time.perf_counter()
    print_all(guidance, pages, workers=2)
    return {"indicators": len(guidance.indicators), "html": html_seconds, "whole": whole_seconds,
            "whole_pages": whole.pages, "whole_bytes": len(whole.data), "others": others_seconds,
            "other_count": len(others), "other_pages": sum(o.pages for o in others),
            "other_bytes": sum(len(o.data) for o in others), "all": time.perf_counter() - start}


def best(root: Path, runs: int) -> dict[str, Any]:
    results = [measure(root) for _ in range(runs)]
    return {key: min(row[key] for row in results) if isinstance(results[0][key], float) else results[0][key]
            for key in results[0]}


def report(rows: dict[int, dict[str, Any]], load: tuple[float, float]) -> str:
    lines = [HEADING, "", "<!-- Written by `python bench/bench_pdf.py`. Re-run it rather than editing by hand. -->", "",
             f"Measured on 2 cores with Python {platform.python_version()} and WeasyPrint 70, in one process after a "
             "warm-up print; each figure is the best of the runs made. *pages* renders the site's pages in the "
             "anchor link style and fills the print templates for every PDF; *whole guidance* lays out and writes "
             "the one big tagged PDF; *cards and briefings* does the same for every other PDF, one after another; "
             "*all, two processes* prints every PDF as the build and `levelofneed pdf` do, the whole guidance in "
             "one process and the rest in a second one meanwhile.",
             "", "| scale | indicators | pages (s) | whole guidance (s) | its pages | its size | s per page "
             "| cards and briefings (s) | their PDFs | their pages | all, two processes (s) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for factor, row in rows.items():
        lines.append(f"| {factor}× | {row['indicators']:,} | {row['html']:.1f} | {row['whole']:.1f} | "
                     f"{row['whole_pages']:,} | {row['whole_bytes'] / 1e6:.1f} MB | "
                     f"{row['whole'] / row['whole_pages']:.3f} | {row['others']:.1f} | {row['other_count']:,} | "
                     f"{row['other_pages']:,} | {row['all']:.1f} |")
    first = rows[min(rows)]
    verdict = "met" if first["whole"] < TARGET else "**not met**"
    lines += ["", f"- Target, the whole guidance at 1× in under {TARGET:.0f} s: {verdict} ({first['whole']:.1f} s; "
              f"{first['html'] + first['whole']:.1f} s with its pages)."]
    if len(rows) > 1:
        last = rows[max(rows)]
        growth = (last["whole"] / last["whole_pages"]) / (first["whole"] / first["whole_pages"])
        lines.append(f"- Growth: at {max(rows)}× a page of the whole guidance takes {growth:.2f}× the time it takes "
                     "at 1×.")
    lines += [f"- The machine is shared: its load average over a minute was {load[0]:.1f} when the runs began and "
              f"{load[1]:.1f} when they ended, on 2 cores (the benchmark itself counts for about 1). Under load a "
              "second process competes for the same cores, so *all, two processes* can take longer than the "
              "single-process figures added together.",
              "", "Most of the time is WeasyPrint's own: it lays out every line of text in Python and then writes "
              "the tagged PDF (its structure tree and outline). The whole guidance is one run, on one core, so it "
              "sets the pace of a build; the cards and briefings print meanwhile on the other core. The layout is "
              "already lean (ADR 9): no floats, columns or forward page references but the contents, fixed table "
              "layout, no repeated descriptions. What is left to cut is content, or the 10.5 pt body type."]
    return "\n".join(lines) + "\n"


def write_readme(section: str) -> None:
    text = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    README.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default="1,10", help="content scales to measure, e.g. 1,10")
    parser.add_argument("--runs", type=int, default=3, help="runs at 1× (larger scales run once)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    print_pdf("<!DOCTYPE html><html lang='en'><title>warm-up</title><p>Warm-up.</p></html>")
    load_before = os.getloadavg()[0]
    rows: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        for factor in (int(f) for f in args.factors.split(",")):
            root = REPO if factor == 1 else scaled_root(REPO, Path(work) / f"x{factor}", factor)
            rows[factor] = best(root, args.runs if factor == 1 else 1)
            print(f"{factor}×: {rows[factor]}", flush=True)
    section = report(rows, (load_before, os.getloadavg()[0]))
    print(section)
    if not args.no_readme:
        write_readme(section)


if __name__ == "__main__":
    main()
