"""Articles per second through the cleaning core, on one core: `make bench` (python -m benchmarks.throughput).

Cleans every article of our corpus (seeds/) in a loop with the committed model, after one warm-up pass, and prints
articles/s and lines/s. Run it on an idle machine; figures vary with the CPU.

By default each article goes through `Cleaner.clean` on its own, as `POST /v1/clean` does. With `--batch N` the
corpus goes through `Cleaner.clean_many` in chunks of N articles, each with its own `Options` (id and title, as
`service.records.clean_records` passes them), which is what the batch endpoint, the CLI batch and the Dask job do:
the figure shows what one model pass per chunk saves over one pass per article.
"""
from __future__ import annotations

import argparse
import time

from classifiers import Cleaner, Options
from classifiers.corpus import load_corpus


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.throughput")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch", type=int, default=0, metavar="N",
                    help="clean through clean_many in chunks of N articles (default: clean one at a time)")
    args = ap.parse_args(argv)
    cleaner = Cleaner.load()
    corpus = load_corpus()
    texts = [a.text for a in corpus]
    options = [Options(id=a.id) for a in corpus]
    lines = sum(len([x for x in t.split("\n") if x.strip()]) for t in texts)

    def one_round() -> None:
        if args.batch <= 0:
            for t, o in zip(texts, options):
                cleaner.clean(t, o)
            return
        for start in range(0, len(texts), args.batch):
            cleaner.clean_many(texts[start:start + args.batch], options[start:start + args.batch])

    for t in texts[:20]:
        cleaner.clean(t)
    best = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        one_round()
        best = min(best, time.perf_counter() - started)
    how = f"clean_many in chunks of {args.batch}" if args.batch > 0 else "clean, one article at a time"
    print(f"{len(texts)} articles, {lines} non-blank lines, {how}: best of {args.rounds} rounds {best:.3f}s = "
          f"{len(texts) / best:.0f} articles/s, {lines / best:.0f} lines/s (one process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
