"""Benchmark search: what a phone downloads, how fast the site's search is ready and answers,
how fast the Whoosh engine answers, and what "similar indicators" adds to a build.

Run with ``make bench`` (or ``.venv/bin/python bench/bench_search.py``). Content is scaled
with ``bench/synth.py`` (copies whose words differ). It measures:

- **payload**: the site's search index (``search/search_index.json``) gzipped, and bytes
  per indicator, at 1× and 10×;
- **site search in Chromium, CPU slowed 4×** (Emulation.setCPUThrottlingRate): from
  fetching the index to an index ready to query, and each suite query's time, at 1× and
  10×. It runs the search core (search-core.js, which the worker and the helper's picker
  share) on the page's main thread, which the throttle certainly slows (the real worker
  runs beside it, so a phone does no worse);
- **Whoosh**: building the index (once; it is then cached), opening the cached index, and
  each suite query's time (three rounds), at 1× and 100×;
- **similar indicators**: the step's time at 10×, against a whole ``mkdocs build`` of the
  10× site in a fresh process.

Figures go into the "Search" section of bench/README.md. Targets (issue 10): payload at
most 150 KB gzipped at 1×, growing linearly; ready within 3 s and each query within
100 ms at 10× under the 4× throttle; Whoosh p95 under 20 ms at 100×; similar indicators
at most 20% of the 10× build.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser_support import chromium_page, launch_chromium, serve
from tests.search_support import QUERIES, SENTENCES

from figures import p95, write_section
from levelofneed import load_guidance
from levelofneed.publish import compact_json
from levelofneed.search.engine import Searcher
from levelofneed.search.similar import similar_indicators
from levelofneed.search.site_index import INDEX_FILE, site_index
from synth import scaled_root

REPO = Path(__file__).resolve().parent.parent
HEADING = "## Search"
ASSETS = REPO / "plugins/levelofneed/site_assets/overrides/assets/levelofneed"
CORE = ("search-words.js", "search-query.js", "search-core.js")  # in the order the page loads them
READY = """async () => {
  const start = performance.now();
  const data = await (await fetch('search/search_index.json', {cache: 'no-store'})).json();
  window.benchEngine = LevelOfNeedSearchCore.create(data.config.levelofneed);
  return performance.now() - start;
}"""
QUERY = """(queries) => queries.map(query => {
  const start = performance.now();
  window.benchEngine.search(query);
  return performance.now() - start;
})"""



def site_search(browser: Any, folder: Path, throttle: float) -> dict[str, Any]:
    """Ready time (three fresh page loads) and each query's time after the last, in ms, under the CPU throttle.

    Each load starts from a fresh page, as a practitioner's does, so one load's leftovers
    do not slow the next one's queries.
    """
    (folder / "index.html").write_text("<!doctype html><title>bench</title>", encoding="utf-8")
    for name in CORE:
        (folder / name).write_bytes((ASSETS / name).read_bytes())
    queries = [entry["query"] for entry in [*QUERIES, *SENTENCES]]
    ready: list[float] = []
    with serve(folder) as url, chromium_page(browser, url, bypass_csp=True) as (page, _):
        for _ in range(3):
            page.goto(url, wait_until="networkidle")
            for name in CORE:
                page.add_script_tag(url=url + name)
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
            ready.append(page.evaluate(READY))
        rounds = [page.evaluate(QUERY, queries) for _ in range(3)]
    # Each query's time is the median of its three rounds, so one pause of the machine's
    # scheduler or of the garbage collector does not stand for the query.
    return {"ready": ready, "queries": [statistics.median(times) for times in zip(*rounds, strict=True)]}


def whoosh(root: Path, cache: Path, rounds: int) -> dict[str, Any]:
    guidance = load_guidance(root)
    start = time.perf_counter()
    Searcher(guidance, cache)
    built = time.perf_counter() - start
    start = time.perf_counter()
    searcher = Searcher(guidance, cache)
    opened = time.perf_counter() - start
    searcher.search("warm up")
    spent = []
    for _ in range(rounds):
        for entry in [*QUERIES, *SENTENCES]:
            start = time.perf_counter()
            searcher.search(entry["query"])
            spent.append((time.perf_counter() - start) * 1000)
    return {"indicators": len(guidance.indicators), "built": built, "opened": opened, "queries": spent}


def similar_share(root: Path, work: Path) -> dict[str, float]:
    """The similar-indicators step's seconds, and a whole 10× site build's, in one run."""
    guidance = load_guidance(root)
    start = time.perf_counter()
    similar_indicators(guidance)
    step = time.perf_counter() - start
    (root / "docs").mkdir(exist_ok=True)
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings.update(docs_dir=str(root / "docs"), site_dir=str(work / "site"),
                    plugins=[{"levelofneed": {"root": str(root)}}, "search"])
    config = work / "mkdocs.yml"
    work.mkdir(parents=True, exist_ok=True)
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return {"step": step, "build": time.perf_counter() - start}


def report(rows: dict[str, Any], throttle: float) -> str:
    lines = [HEADING, "", "<!-- Written by `python bench/bench_search.py`. Re-run it rather than editing by hand. -->",
             "", "The site's search index, as a phone downloads it (level 9 gzip):", "",
             "| content | indicators | raw KB | gzipped KB | gzipped bytes per indicator |",
             "|---|---:|---:|---:|---:|"]
    for name, row in rows["payload"].items():
        lines.append(f"| {name} | {row['indicators']:,} | {row['raw'] / 1000:.0f} | {row['gzipped'] / 1000:.1f} | "
                     f"{row['gzipped'] / row['indicators']:.0f} |")
    lines += ["", f"Site search in Chromium with the CPU slowed {throttle:g}× (ms; ready = fetch, parse and index; "
              f"queries = the {len(QUERIES)} short and {len(SENTENCES)} sentence suite queries, each the median of "
              "three rounds):", "",
              "| content | ready, best of 3 | ready, worst of 3 | query p50 | query p95 | slowest query |",
              "|---|---:|---:|---:|---:|---:|"]
    for name, row in rows["site"].items():
        spent = row["queries"]
        lines.append(f"| {name} | {min(row['ready']):.0f} | {max(row['ready']):.0f} | {statistics.median(spent):.1f} | "
                     f"{p95(spent):.1f} | {max(spent):.1f} |")
    lines += ["", f"The Whoosh engine behind `levelofneed search` (the {len(QUERIES) + len(SENTENCES)} suite queries, "
              "three rounds at 1× and 10×, one at 100×; the engine keeps each record's stored fields once read, as a "
              "hub answering many queries would):", "",
              "| content | indicators | first build of the index | opening the cached index | query p50 (ms) | "
              "query p95 (ms) | slowest (ms) |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, row in rows["whoosh"].items():
        spent = row["queries"]
        lines.append(f"| {name} | {row['indicators']:,} | {row['built']:.1f} s | {row['opened']:.2f} s | "
                     f"{statistics.median(spent):.1f} | {p95(spent):.1f} | {max(spent):.1f} |")
    share = rows["similar"]
    lines += ["", f"Similar indicators at 10×: {share['step']:.2f} s, against {share['build']:.0f} s for the whole "
              f"`mkdocs build` of the 10× site ({share['step'] / (share['build'] - share['step']):.1%} added).",
              "", *_verdict(rows)]
    return "\n".join(lines) + "\n"


def _verdict(rows: dict[str, Any]) -> list[str]:
    """Each target of issue 10, met or not, from this run's figures."""
    payload, site, engine, share = rows["payload"], rows["site"], rows["whoosh"], rows["similar"]
    growth = (payload["10×"]["gzipped"] / payload["10×"]["indicators"]) / (
        payload["1×"]["gzipped"] / payload["1×"]["indicators"])
    worst_ready, slowest = max(site["10×"]["ready"]), max(site["10×"]["queries"])
    engine_p95, small = p95(engine["100×"]["queries"]), payload["1×"]["gzipped"]
    added = share["step"] / (share["build"] - share["step"])
    checks = [
        (small <= 150_000, f"payload at 1× at most 150 KB gzipped: {small / 1000:.1f} KB"),
        (growth <= 1.1, f"growing linearly: bytes per indicator at 10× are {growth:.2f}× those at 1×"),
        (worst_ready <= 3000, f"ready within 3 s at 10× (4× slower CPU): worst {worst_ready:.0f} ms"),
        (slowest <= 100, f"each query within 100 ms at 10×: slowest {slowest:.0f} ms"),
        (engine_p95 < 20, f"Whoosh p95 under 20 ms at 100×: {engine_p95:.0f} ms"),
        (added <= 0.2, f"similar indicators add at most 20% to the 10× build: {added:.1%}"),
    ]
    lines = ["Against the targets (issue 10):", ""]
    lines += [f"- {'met' if ok else '**not met**'}: {text}" for ok, text in checks]
    if engine_p95 >= 20:
        lines += ["", WHOOSH_MISS]
    return lines


WHOOSH_MISS = (
    "Why Whoosh misses its target at 100×: a sentence becomes many clauses, each an OR of its synonym "
    "group's phrases, and at 100× the common stems each hold thousands of records. Since issue 22 Whoosh "
    "only finds the candidates (unscored, which is cheaper) and the engine ranks every one of them in "
    "Python, exactly as the site's search core does, so the two can be proved equal: per candidate, each "
    "clause's best alternative, the share of the query covered, the age fit, words together and whether "
    "the query names it. A sentence at 100× has over ten thousand candidates, and tens of microseconds "
    "each is hundreds of milliseconds. Meeting 20 ms would need the ranking itself to stop early (an "
    "upper bound per candidate, best first), which the site's core would have to share to stay equal, or "
    "a compiled engine. At 1×, the size a partnership has, it is within the target for most queries; "
    "the site's own search, which practitioners use, is measured above.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throttle", type=float, default=4.0, help="CPU slow-down for the site search (default 4)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    rows: dict[str, Any] = {"payload": {}, "site": {}, "whoosh": {}}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as folder, launch_chromium() as browser:
        work = Path(folder)
        for factor in (1, 10, 100):
            root = scaled_root(REPO, work / f"x{factor}", factor)
            rows["whoosh"][f"{factor}×"] = whoosh(root, work / "cache", 1 if factor == 100 else 3)
            if factor == 100:
                continue
            guidance = load_guidance(root)
            data = compact_json(site_index(guidance))
            rows["payload"][f"{factor}×"] = {"indicators": len(guidance.indicators), "raw": len(data),
                                             "gzipped": len(gzip.compress(data, 9))}
            served = work / f"served-{factor}"
            (served / INDEX_FILE).parent.mkdir(parents=True)
            (served / INDEX_FILE).write_bytes(data)
            rows["site"][f"{factor}×"] = site_search(browser, served, args.throttle)
            if factor == 10:
                rows["similar"] = similar_share(root, work / "site-10")
            print(f"{factor}× measured", flush=True)
        section = report(rows, args.throttle)
    print(section)
    if not args.no_readme:
        write_section(HEADING, section)


if __name__ == "__main__":
    main()
