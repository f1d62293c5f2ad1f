"""Articles per second through the cleaning core, on one core: `make bench` (python -m benchmarks.throughput).

Cleans every article of our corpus (seeds/) in a loop with the committed model, after one warm-up pass, and prints
articles/s and lines/s. Run it on an idle machine; figures vary with the CPU.
"""
from __future__ import annotations

import argparse
import time

from classifiers import Cleaner
from classifiers.corpus import load_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.throughput")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    cleaner = Cleaner.load()
    texts = [a.text for a in load_corpus()]
    lines = sum(len([x for x in t.split("\n") if x.strip()]) for t in texts)
    for t in texts[:20]:
        cleaner.clean(t)
    best = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        for t in texts:
            cleaner.clean(t)
        best = min(best, time.perf_counter() - started)
    print(f"{len(texts)} articles, {lines} non-blank lines: best of {args.rounds} rounds {best:.3f}s = "
          f"{len(texts) / best:.0f} articles/s, {lines / best:.0f} lines/s (one process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
