"""Benchmark the site build: our plugin against plain MkDocs + Material with as many pages.

For each scale factor the repository's indicators are copied under fresh ids (the
other content stays as it is, as it would in a real partnership's guidance) and the
site is built with ``mkdocs build --strict``. In the same run, plain MkDocs + Material
builds the same number of pages twice: once from our pages written out as Markdown
files (our overhead is the difference), and once from short hand-written pages (what
the weight of our pages costs). Each build runs in a fresh process and is timed from
the outside, start-up included, so all three are measured alike.

Targets (issue 4): 1× under 10 s; 10× under 60 s; growth close to linear; our build
at most 1.5× the plain build. Results go to bench/README.md under "Site build".
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from figures import write_section
from levelofneed import load_guidance
from levelofneed.publish import publish
from levelofneed.render import navigation

REPO = Path(__file__).resolve().parent.parent
HEADING = "## Site build"
MARKDOWN_EXTENSIONS: list[Any] = [{"toc": {"permalink": True, "toc_depth": 3}}, "attr_list", "md_in_html",
                                  "tables", "admonition"]
THEME = {"name": "material", "font": False, "features": ["navigation.instant", "navigation.indexes"]}


@dataclass(frozen=True)
class Row:
    """One scale factor's figures."""

    factor: int
    indicators: int
    pages: int
    render: float
    ours: float
    plain: float
    short: float

    @property
    def ratio(self) -> float:
        return self.ours / self.plain


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)


def scaled_root(source: Path, target: Path, factor: int) -> Path:
    """``source``'s content with every indicator copied ``factor - 1`` more times under new ids."""
    shutil.copytree(source / "guidance", target / "guidance")
    shutil.copytree(source / "briefings", target / "briefings")
    indicators: list[dict[str, Any]] = []
    for path in sorted((source / "guidance").rglob("*.y*ml")):
        data = _read(path)
        if isinstance(data, dict) and "indicators" in data:
            indicators.extend(data["indicators"])
    synthetic = target / "guidance" / "synthetic"
    synthetic.mkdir()
    for copy in range(1, factor):
        items = [{**item, "id": f"{item['id']}-x{copy}", "text": f"{item['text']} (copy {copy})"}
                 for item in indicators]
        text = yaml.dump({"indicators": items}, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
        (synthetic / f"indicators-{copy}.yaml").write_text(text, encoding="utf-8")
    return target


def _config(path: Path, plugins: list[Any], nav: Any = None, **extra: Any) -> Path:
    config = {"site_name": "Bench", "docs_dir": "docs", "site_dir": "site", "theme": THEME,
              "plugins": plugins, "markdown_extensions": MARKDOWN_EXTENSIONS, **extra}
    if nav is not None:
        config["nav"] = nav
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def _plain_page(path: str, number: int) -> str:
    """A short hand-written page: a heading, two paragraphs and a few links."""
    up = "../" * path.count("/")
    return (f"# Page {number}\n\nThis page stands in for {path}. It has a paragraph of ordinary text, about as long "
            "as a practitioner's note, so that Markdown has something to do.\n\n"
            "A second paragraph follows, with **some emphasis** and a list of links.\n\n"
            f"- [Home]({up}index.md)\n- [Services]({up}services/index.md)\n- [Glossary]({up}glossary.md)\n")


def plain_site(root: Path, pages: dict[str, str], nav: Any, short: bool) -> Path:
    """MkDocs + Material with the same page paths and navigation, and no plugin of ours.

    With ``short`` each page is a few lines written by hand; without, it is our page as
    ``levelofneed export markdown`` writes it, so only the plugin's own work differs.
    """
    docs = root / "docs"
    for number, (path, text) in enumerate(sorted(pages.items())):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(_plain_page(path, number) if short else text, encoding="utf-8")
    return _config(root / "mkdocs.yml", ["search"], nav, not_in_nav="indicators/*\n")


def build_seconds(config: Path) -> float:
    """Wall-clock time of ``mkdocs build --strict`` in a fresh process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)],
                   check=True, env=env)
    return time.perf_counter() - start


def measure(factor: int, work: Path, repeats: int) -> Row:
    """Build ours and the plain site at one scale factor, best of ``repeats`` each."""
    ours_root = scaled_root(REPO, work / f"ours-{factor}", factor)
    (ours_root / "docs").mkdir()
    # The PDFs are left out (``pdf: false``): printing them is timed on its own by
    # bench_pdf.py, and the plain builds have nothing like them to compare with.
    ours = _config(ours_root / "mkdocs.yml", [{"levelofneed": {"pdf": False}}, "search"])
    guidance = load_guidance(ours_root)
    start = time.perf_counter()
    pages = {output.path: str(output.content) for output in publish(guidance) if output.kind == "page"}
    render = time.perf_counter() - start
    nav = navigation(guidance)
    plain = plain_site(work / f"plain-{factor}", pages, nav, short=False)
    short = plain_site(work / f"short-{factor}", pages, nav, short=True)
    best = [min(build_seconds(config) for _ in range(repeats)) for config in (ours, plain, short)]
    for folder in (ours_root, plain.parent, short.parent):
        shutil.rmtree(folder)
    return Row(factor, len(guidance.indicators), len(pages), render, *best)


def report(rows: list[Row]) -> str:
    """The figures as the Markdown section for bench/README.md."""
    base = rows[0]
    lines = [
        HEADING, "",
        "<!-- Written by `python bench/bench_site.py`. Re-run it rather than editing by hand. -->", "",
        f"Measured on {os.cpu_count()} cores with Python {sys.version.split()[0]}. "
        "Each figure is the wall-clock time of `mkdocs build --strict` in a fresh process, start-up included, "
        "best of the runs made.", "",
        "- *ours*: the plugin loads and checks the YAML, generates every page and builds the site, "
        "without the PDFs (the PDF section times them).",
        "- *plain*: MkDocs + Material, no plugin of ours, building the same pages as Markdown files "
        "(the output of `levelofneed export markdown`) with the same navigation. *ours ÷ plain* is our overhead.",
        "- *short*: MkDocs + Material building the same number of pages, at the same paths and with the same "
        "navigation, but each page a few hand-written lines. It shows what page weight costs.",
        "- *render*: the part of *ours* spent in our pure page functions.", "",
        "| scale | indicators | pages | render (s) | ours (s) | plain (s) | ours ÷ plain | short (s) "
        "| ours ÷ short | ours per 1,000 pages (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row.factor}× | {row.indicators:,} | {row.pages:,} | {row.render:.1f} | {row.ours:.1f} | "
                     f"{row.plain:.1f} | {row.ratio:.2f} | {row.short:.1f} | {row.ours / row.short:.2f} | "
                     f"{1000 * row.ours / row.pages:.2f} |")
    growth = ", ".join(f"{r.factor}×: {r.ours / base.ours:.1f}× the time for {r.pages / base.pages:.1f}× the pages"
                       for r in rows[1:])
    lines += ["", f"Growth against 1×: {growth or 'only one size measured'}.", "", *_verdict(rows), ""]
    return "\n".join(lines)


def _verdict(rows: list[Row]) -> list[str]:
    """The issue's targets, each with whether this run met it."""
    def met(ok: bool) -> str:
        return "met" if ok else "**not met**"

    by_factor = {row.factor: row for row in rows}
    lines = ["Targets:", ""]
    for factor, limit in ((1, 10.0), (10, 60.0)):
        if factor in by_factor:
            seconds = by_factor[factor].ours
            lines.append(f"- {factor}× under {limit:.0f} s: {met(seconds < limit)} ({seconds:.1f} s).")
    worst = max(row.ratio for row in rows)
    lines.append(f"- Our overhead at most 1.5× the plain build: {met(worst <= 1.5)} (worst {worst:.2f}).")
    rates = [row.ours / row.pages for row in rows]
    spread = max(rates) / min(rates)
    lines.append(f"- Growth close to linear: time per page varies by {spread:.2f}× across the sizes.")
    lines += ["", "Most of a build is MkDocs and Material, not us: rendering the navigation into every page, "
              "converting the Markdown and indexing it for search. Our pages are richer than the *short* ones, "
              "so they cost about twice as much to convert and index whoever writes them."]
    if 100 in by_factor:
        total = sum(getattr(by_factor[100], name) for name in ("ours", "plain", "short"))
        lines.append(f"At 100× the three builds take {total / 60:.0f} minutes together on this machine, so "
                     "`--factors 1,10` is the quick check.")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", default="1,10,100", help="comma-separated scale factors (default 1,10,100)")
    parser.add_argument("--repeats", type=int, default=1, help="builds per measurement; the best is kept")
    parser.add_argument("--no-readme", action="store_true", help="print the figures without updating README.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-site-") as work:
        for factor in (int(f) for f in args.factors.split(",")):
            rows.append(measure(factor, Path(work), args.repeats))
            row = rows[-1]
            print(f"{row.factor}×: {row.pages} pages, render {row.render:.1f} s, ours {row.ours:.1f} s, "
                  f"plain {row.plain:.1f} s (ratio {row.ratio:.2f}), short {row.short:.1f} s", flush=True)
    section = report(rows)
    print(section)
    if not args.no_readme:
        write_section(HEADING, section)


if __name__ == "__main__":
    main()
