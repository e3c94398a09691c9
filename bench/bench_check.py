"""Benchmark ``levelofneed check`` against the floor: a bare C-loader ``yaml.compose`` of the same files.

Run with ``make bench``. Each measurement runs in a fresh subprocess so its peak memory
is its own. Figures are ratios within one run, so they compare like with like on
whatever machine runs them. Targets (issue 2): check ≤ 1.5× the floor at every size,
growing linearly. ``--near-duplicates`` also times ``check --near-duplicates`` (issue 10),
which is outside that budget because it grows faster than the content.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import content_bytes, scaled_root

REPO = Path(__file__).resolve().parent.parent

MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
import yaml
root = Path(sys.argv[2])
if sys.argv[1] in ("check", "near-duplicates"):
    from levelofneed import check  # imports are start-up cost, not per-file cost: keep them out of both timings
start = time.perf_counter()
if sys.argv[1] == "floor":
    for path in sorted(root.rglob("*.y*ml")):
        yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader)
    ok = True
else:
    ok = check(root, near_duplicates=sys.argv[1] == "near-duplicates").guidance is not None
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mib": peak, "ok": ok}))
"""


def measure(kind: str, root: Path, repeats: int) -> dict[str, float]:
    """Best of ``repeats`` runs, each in its own process."""
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", MEASURE, kind, str(root)], capture_output=True, text=True,
                             check=True)
        runs.append(json.loads(out.stdout))
    if not all(run["ok"] for run in runs):
        raise SystemExit(f"{kind} at {root} did not validate")
    return min(runs, key=lambda run: run["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factors", default="1,10,100", help="comma-separated scale factors")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--source", type=Path, default=REPO, help="root whose content is 1× (default: the repository)")
    parser.add_argument("--near-duplicates", action="store_true",
                        help="also time check --near-duplicates, which is not part of the 1.5× budget")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (int(f) for f in args.factors.split(",")):
            root = scaled_root(args.source, Path(tmp) / f"x{factor}", factor)
            floor = measure("floor", root, args.repeats)
            ours = measure("check", root, args.repeats)
            rows.append((factor, content_bytes(root) / 1e6, floor, ours))
            if args.near_duplicates:
                both = measure("near-duplicates", root, args.repeats)
                extra, ratio = both["seconds"] - ours["seconds"], both["seconds"] / floor["seconds"]
                print(f"{factor:>4}× check --near-duplicates {both['seconds']:7.2f} s "
                      f"(+{extra:.2f} s, {ratio:.2f}× the floor)", flush=True)
            print(f"{factor:>4}× {rows[-1][1]:6.1f} MB  floor {floor['seconds']:7.2f} s  "
                  f"check {ours['seconds']:7.2f} s  ratio {ours['seconds'] / floor['seconds']:4.2f}  "
                  f"peak {ours['peak_mib']:6.0f} MiB", flush=True)
    base_rate = rows[0][3]["seconds"] / rows[0][1]
    print("\n| scale | YAML | compose floor | check | check ÷ floor | check s/MB (÷ 1× rate) | check peak memory |")
    print("|---|---|---|---|---|---|---|")
    for factor, size, floor, ours in rows:
        rate = ours["seconds"] / size
        print(f"| {factor}× | {size:.1f} MB | {floor['seconds']:.2f} s | {ours['seconds']:.2f} s | "
              f"{ours['seconds'] / floor['seconds']:.2f} | {rate / base_rate:.2f} | {ours['peak_mib']:.0f} MiB |")


if __name__ == "__main__":
    main()
