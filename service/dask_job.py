"""Clean JSONL files on a Dask cluster: the CLI's `batch`, spread over machines.

    python -m service.dask_job 'data/*.jsonl' -o out/ [--scheduler tcp://scheduler:8786]

Every input file is one partition of a `dask.bag`, so a record without an id gets its line number in its own
file as id, exactly as `python -m service batch` numbers it: for the same file the two write the same answers in
the same order (the tests check this; only `took_ms` differs). Each partition loads the Cleaner once (and a worker
process keeps it for its next partitions), then cleans its lines with `service.records.clean_line_records` in chunks
(one model pass per chunk, the fast path). Partition
N is written to `OUT_DIR/part-0000N.jsonl` (results) and `OUT_DIR/part-0000N.errors.jsonl` (failures, with ids),
files in the sorted order of the paths the glob matched. Split a very large file into several to spread it; with
several files, give records explicit ids, since line numbers repeat from file to file.

Without `--scheduler` the job starts a `distributed.LocalCluster` on this machine. The workers need this
repository importable and the model at `BERSIH_MODEL_DIR` (settings are read here and shipped with the tasks).
Unlike the CLI this job is not resumable: it rewrites its output directory whole, and refuses one holding parts
already unless `--overwrite` is given.
"""
from __future__ import annotations

import argparse
import glob
import sys
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifiers import Cleaner, Options
from service.config import Config
from service.records import LineRecord, clean_line_records, dumps, is_error, read_line

PARTS = "part-*.jsonl"
ERROR_PARTS = "part-*.errors.jsonl"
#: Records per model pass: the speed of batching without one partition's whole feature matrix in memory at once.
CHUNK = 64


@lru_cache(maxsize=2)
def _cleaner(model_dir: Path) -> Cleaner:
    """The model, loaded once per worker process (threads of one worker share it; cleaning holds no state)."""
    return Cleaner.load(model_dir)


def clean_partition(lines: Iterable[str], model_dir: Path, options: Options, max_bytes: int) -> list[dict[str, Any]]:
    """Answers for one partition (one whole file), line numbers counted from 1 as in the CLI."""
    cleaner = _cleaner(model_dir)
    answers: list[dict[str, Any]] = []
    chunk: list[LineRecord] = []
    for lineno, line in enumerate(lines, start=1):
        item = read_line(line, lineno)
        if item is not None:
            chunk.append(item)
        if len(chunk) >= CHUNK:
            answers += clean_line_records(cleaner, options, chunk, max_bytes=max_bytes)
            chunk = []
    return answers + clean_line_records(cleaner, options, chunk, max_bytes=max_bytes)


def clean_files(paths: Iterable[str], model_dir: Path, options: Options, max_bytes: int) -> list[dict[str, Any]]:
    """Answers for the files of one partition, in order."""
    answers: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8", errors="surrogateescape") as lines:
            answers += clean_partition(lines, model_dir, options, max_bytes)
    return answers


def _is_result(answer: dict[str, Any]) -> bool:
    return not is_error(answer)


def _jsonl(answers: list[dict[str, Any]], *, errors: bool) -> list[str]:
    return ["".join(dumps(a) + "\n" for a in answers if is_error(a) == errors)]


def _name(i: int) -> str:
    return f"{i:05d}"


def run(in_glob: str, out_dir: Path, *, config: Config, max_bytes: int | None = None,
        client: Any = None) -> dict[str, int]:
    """Clean every file `in_glob` matches into `out_dir`, on `client` (the current default client when None).

    Returns the number of results and of failures written.
    """
    import dask
    import dask.bag as db

    paths = sorted(glob.glob(in_glob))
    if not paths:
        raise FileNotFoundError(f"no input file matches {in_glob!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    # one partition per file, each task opening (and closing) its own file: a bag of lazy file iterators shared
    # by the four outputs below was read from two threads at once
    bag = db.from_sequence(paths, npartitions=len(paths))
    answers = bag.map_partitions(clean_files, config.model_dir, config.options(),
                                 config.max_body_bytes if max_bytes is None else max_bytes)
    # Each partition becomes one string holding its JSONL lines: `to_textfiles` puts a newline between items and
    # (with last_endline) one after an empty partition too, which would leave a blank line in an empty part.
    writes = [answers.map_partitions(_jsonl, errors=False).to_textfiles(
                  str(out_dir / PARTS), name_function=_name, compute=False),
              answers.map_partitions(_jsonl, errors=True).to_textfiles(
                  str(out_dir / ERROR_PARTS), name_function=_name, compute=False)]
    counts = [answers.filter(_is_result).count(), answers.filter(is_error).count()]
    # one compute for the four: the shared cleaning tasks run once, not once per output
    _, _, cleaned, failed = dask.compute(*writes, *counts, **({"scheduler": client} if client is not None else {}))
    return {"cleaned": int(cleaned), "failed": int(failed)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m service.dask_job", description=__doc__.split("\n")[0])
    parser.add_argument("in_glob", help="JSONL input files, a path or a glob (quote it)")
    parser.add_argument("-o", "--output", required=True, help="output directory for part-N(.errors).jsonl")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: start a LocalCluster)")
    parser.add_argument("--workers", type=int, help="LocalCluster worker processes (default: Dask's choice)")
    parser.add_argument("--max-bytes", type=int, help="largest article, re-encoded as JSON "
                        "(default: BERSIH_MAX_BODY_BYTES, as the API)")
    parser.add_argument("--overwrite", action="store_true", help="replace the parts already in the output directory")
    args = parser.parse_args(argv)
    from distributed import Client, LocalCluster

    out_dir = Path(args.output)
    if not glob.glob(args.in_glob):
        print(f"no input file matches {args.in_glob!r}", file=sys.stderr)
        return 2
    if not args.overwrite and out_dir.is_dir() and any(out_dir.glob(PARTS)):
        print(f"{out_dir} already holds {PARTS}; pass --overwrite to replace them", file=sys.stderr)
        return 2
    for old in out_dir.glob(PARTS) if out_dir.is_dir() else []:
        old.unlink()  # stale parts from a run over more files would otherwise mix with this run's
    if args.scheduler:
        with Client(args.scheduler) as client:
            counts = run(args.in_glob, out_dir, config=Config.from_env(), max_bytes=args.max_bytes, client=client)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            counts = run(args.in_glob, out_dir, config=Config.from_env(), max_bytes=args.max_bytes, client=client)
    print(f"cleaned {counts['cleaned']}, failed {counts['failed']}; parts in {out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
