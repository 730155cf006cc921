"""Ingest throughput and memory on the seeded synthetic corpus (benchmarks/synth.py).

Runs ``parley ingest`` as a fresh process, as a user would, and reports
articles/s, MB/s of text and peak resident memory. Throughput is per core: text
bytes over the process's CPU time (the machine may be shared, so wall time is
shown but not used). A one-document run measures the fixed start-up cost (imports,
language models), which is subtracted to give the steady rate.

Two corpus sizes show whether memory stays flat as the corpus grows. The peer is
trafilatura's own text extraction (``trafilatura.extract``) over the same
documents, without cleaning, metadata, deduplication or storage; the ratio says
what the whole pipeline costs relative to extraction alone.

    python benchmarks/ingest_bench.py --articles 10000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate

ROOT = Path(__file__).resolve().parents[1]

PEER = """
import sys, gzip, json, pathlib, trafilatura
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*")):
    if not path.is_file():
        continue
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    text = data.decode("utf-8")
    if ".jsonl" in path.name:
        docs = [json.loads(line)["text"] for line in text.splitlines() if line.strip()]
    else:
        docs = [text]
    for doc in docs:
        page = doc if doc.lstrip().startswith("<") else "<html><body>" + "".join(
            f"<p>{p}</p>" for p in doc.split("\\n") if p.strip()) + "</body></html>"
        trafilatura.extract(page, with_metadata=True)
"""


def measure(command: list[str]) -> tuple[float, float, float]:
    """Run ``command``; return wall seconds, CPU seconds and peak RSS in MB of that process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "parley", "ingest", str(corpus), "--db", str(db), "--no-extract"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=2_000, help="second size, for memory")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-peer", action="store_true", help="skip the trafilatura run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        work = Path(tmp)
        one = work / "one"
        generate(one, 1, args.seed)
        _, startup, _ = measure(ingest_command(one, work / "one.db"))

        rows = []
        for size in sorted({args.small, args.articles}):
            corpus = work / f"corpus-{size}"
            documents, text_bytes = generate(corpus, size, args.seed)
            wall, cpu, rss = measure(ingest_command(corpus, work / f"{size}.db"))
            rows.append(("parley ingest", documents, text_bytes, wall, cpu, rss))
            if size == args.articles and not args.no_peer:
                peer = [sys.executable, "-c", PEER, str(corpus)]
                p_wall, p_cpu, p_rss = measure(peer)
                rows.append(("trafilatura.extract", documents, text_bytes, p_wall, p_cpu, p_rss))

    print(f"start-up (one document): {startup:.2f} s CPU, subtracted for the steady rate\n")
    header = (
        f"{'run':<22}{'articles':>9}{'text MB':>9}{'wall s':>8}{'CPU s':>8}"
        f"{'art/s':>8}{'MB/s/core':>11}{'steady MB/s':>13}{'peak RSS MB':>13}"
    )
    print(header)
    print("-" * len(header))
    rates = {}
    for name, documents, text_bytes, wall, cpu, rss in rows:
        mb = text_bytes / 1e6
        steady = mb / max(cpu - startup, 1e-9) if name == "parley ingest" else mb / cpu
        rates[(name, documents)] = mb / cpu
        print(
            f"{name:<22}{documents:>9}{mb:>9.1f}{wall:>8.1f}{cpu:>8.1f}"
            f"{documents / cpu:>8.0f}{mb / cpu:>11.2f}{steady:>13.2f}{rss:>13.0f}"
        )
    peer = rates.get(("trafilatura.extract", args.articles))
    if peer:
        ratio = rates[("parley ingest", args.articles)] / peer
        print(f"\nparley ingest / trafilatura.extract throughput: {ratio:.2f}x")


if __name__ == "__main__":
    main()
