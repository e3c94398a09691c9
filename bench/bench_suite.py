"""Benchmark the developer's loop: how long ``levelofneed check --help`` takes, whether it
loads WeasyPrint or Whoosh, and how long each tier of the test suite takes.

Run with ``.venv/bin/python bench/bench_suite.py`` (``--tiers`` also times the fast tier and
the whole suite, which takes several minutes). Figures go into the "Suite" section of
bench/README.md. Targets (issue 19): ``check --help`` at most 0.4 s, importing neither
WeasyPrint nor Whoosh; the fast tier at most 60 s and the whole suite at most 240 s of
pytest wall time, on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import write_section

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HEADING = "## Suite"
LOADED = ("import sys, runpy; sys.argv = ['levelofneed', 'check', '--help']\n"
          "try:\n    runpy.run_module('levelofneed', run_name='__main__')\n"
          "except SystemExit:\n    pass\n"
          "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'whoosh', 'pydantic'}),"
          " file=sys.stderr)")


def check_help(repeats: int) -> tuple[float, str]:
    """The best wall time of ``levelofneed check --help`` in fresh processes, and what it loaded."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([str(BIN / "levelofneed"), "check", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    loaded = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True, check=True).stderr
    return min(times), loaded.split("LOADED", 1)[1].strip()


def pytest_tier(*arguments: str) -> tuple[float, str]:
    """Wall time of one pytest run, and its last line (how many passed)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", "-n", "2", *arguments],
                          cwd=REPO, capture_output=True, text=True, env=env, check=False)
    spent = time.perf_counter() - start
    summary = [line for line in done.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    return spent, (summary[-1].strip("= ") if summary else f"exit {done.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tiers", action="store_true", help="also time the fast tier and the whole suite")
    args = parser.parse_args()
    best, loaded = check_help(args.repeats)
    rows = [f"| `levelofneed check --help`, best of {args.repeats} fresh processes | {best:.2f} s | ≤ 0.4 s |"]
    notes = [f"- `check --help` loaded these of WeasyPrint, Whoosh and pydantic: {loaded}."]
    if args.tiers:
        fast, fast_summary = pytest_tier("-m", "not site and not browser")
        whole, whole_summary = pytest_tier()
        rows += [f"| fast tier, `make test-fast` (pytest, 2 workers) | {fast:.0f} s | ≤ 60 s |",
                 f"| whole suite (pytest, 2 workers) | {whole:.0f} s | ≤ 240 s |"]
        notes += [f"- Fast tier: {fast_summary}.", f"- Whole suite: {whole_summary}."]
    load = os.getloadavg()[0]
    write_section(HEADING, "\n".join([
        HEADING, "",
        "<!-- Written by `python bench/bench_suite.py --tiers`. Re-run it rather than editing by hand. -->", "",
        f"Measured on {os.cpu_count()} cores with Python {sys.version.split()[0]}; load average "
        f"{load:.1f} when the last run ended.", "",
        "| what | measured | target |", "|---|---:|---:|", *rows, "", *notes]))


if __name__ == "__main__":
    main()
