"""Run every benchmark in one go, each beside its peer tool, and keep the tables.

``make bench`` installs the ``bench`` extra (negmas, en_core_web_sm) and calls this.
Each benchmark is its own script so it can also be run (and tuned) alone; this runner
only sequences them, passes sizes that finish in a few minutes on a 2-core machine,
and writes every script's output to ``benchmarks/out/<name>.txt`` (not committed) so
the README's numbers can be traced to a run.

    python benchmarks/run_all.py [--only ingest,smp] [--full]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# name -> (script, quick arguments, full arguments as the README reports them)
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "boilerplate": ("boilerplate_baselines.py", ["--docs", "100", "--clean-docs", "200"], []),
    "ingest": ("ingest_bench.py", ["--articles", "2000", "--small", "500"], []),
    "quotes": ("quotes_bench.py", ["--repeat", "1"], []),
    "extract": ("extract_bench.py", [], []),
    "simulate": ("simulate_bench.py", [], []),
    "smp": ("smp_bench.py", ["--repeat", "2", "--batch", "500"], []),
    "mediate": ("mediate_bench.py", ["--runs", "1000", "--negmas-runs", "100"], []),
    "forecast": ("forecast_bench.py", [], []),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default="", help="comma-separated subset of: " + ", ".join(BENCHMARKS)
    )
    parser.add_argument("--full", action="store_true", help="the sizes the README reports")
    args = parser.parse_args()
    chosen = [n for n in args.only.split(",") if n] or list(BENCHMARKS)
    unknown = sorted(set(chosen) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    failed = []
    for name in chosen:
        script, quick, full = BENCHMARKS[name]
        if not (HERE / script).exists():
            print(f"== {name}: {script} missing, skipped")
            continue
        cmd = [sys.executable, str(HERE / script), *(full if args.full else quick)]
        print(f"== {name}: {' '.join(cmd[1:])}", flush=True)
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        (out_dir / f"{name}.txt").write_text(proc.stdout + proc.stderr, encoding="utf-8")
        print(proc.stdout, end="")
        if proc.returncode != 0:
            failed.append(name)
            print(proc.stderr[-2000:], file=sys.stderr)
        print(f"   ({time.perf_counter() - started:.0f} s, exit {proc.returncode})\n", flush=True)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
