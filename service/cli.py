"""The command line: `python -m service clean FILE|-` and `python -m service batch IN.jsonl -o OUT.jsonl`.

Settings (model directory, thresholds, the per-article size limit) come from the same `BERSIH_*` environment
variables as the API (`service/config.py`), so a file cleaned here matches what the service would answer. The
cleaning of one record is `service.records`; this module only parses arguments, reads and writes files, and runs
the worker pool.

`batch` is resumable: every input line ends in exactly one of OUT and the errors file, each answer carrying its
record's id (a record without one gets its 1-based line number), and a rerun skips the ids already present in
either file. Records are cleaned in chunks (one model pass per chunk, the fast path), and answers are written in
input order and flushed as they come, so a kill loses at most the chunks in flight; a half-written last line left by
the kill is cut off on the next run. (Ids are how lines are matched: two
records with the same id count as one on a rerun.)
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import IO, Any

from classifiers import Cleaner, Options
from service.config import Config
from service.errors import Problem
from service.records import LineRecord, clean_line_records, clean_record, dumps, is_error, read_line

#: Records a worker cleans in one model pass: past a few dozen the gain is small, while the answers of a chunk
#: are written only once all of it is cleaned (and a kill loses the chunks in flight).
CHUNK = 32
#: Chunks submitted ahead of the one being written, per worker: enough to keep every worker busy while the
#: writer waits on the oldest, few enough that memory and the loss on a kill stay small.
WINDOW_PER_WORKER = 2

# Per-process state of a batch worker, set once by `_init_worker` (the pool's initializer).
_worker: dict[str, Any] = {}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except OSError as exc:  # a missing input or an unwritable output: a message, not a traceback
        print(f"python -m service: {exc}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    config = Config.from_env()
    max_bytes = args.max_bytes if args.max_bytes is not None else config.max_body_bytes
    if args.command == "clean":
        return clean_command(args.file, html=args.html, body_only=args.body, article_id=args.id, title=args.title,
                             config=config, max_bytes=max_bytes)
    out = Path(args.output)
    return batch_command(Path(args.input), out, Path(args.errors) if args.errors else errors_path(out),
                         workers=args.workers, config=config, max_bytes=max_bytes, progress=not args.quiet)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("clean", help="clean one article and print the result JSON")
    one.add_argument("file", help="the article as text (or HTML with --html); - reads standard input")
    one.add_argument("--html", action="store_true", help="the input is HTML")
    one.add_argument("--body", action="store_true", help="print only the clean body")
    one.add_argument("--id", help="the id to put in the result")
    one.add_argument("--title", help="the title, when the CMS knows it better than the article does")
    many = sub.add_parser("batch", help="clean a JSONL file of article records, resumably")
    many.add_argument("input", help="JSONL, one {\"id\", \"text\"|\"html\", \"title\"?} object a line")
    many.add_argument("-o", "--output", required=True, help="JSONL of results (appended to on a rerun)")
    many.add_argument("--errors", help="JSONL of failed records (default: OUTPUT with .errors.jsonl)")
    many.add_argument("--workers", type=int, default=1, help="worker processes (1: clean in this process)")
    many.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    for p in (one, many):
        p.add_argument("--max-bytes", type=int, help="largest article, re-encoded as JSON "
                       "(default: BERSIH_MAX_BODY_BYTES, as the API)")
    return parser


def errors_path(out: Path) -> Path:
    """Where failures go by default: beside OUT, `.errors.jsonl` in place of `.jsonl`."""
    name = out.name[:-len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(name + ".errors.jsonl")


def clean_command(file: str, *, html: bool, body_only: bool, article_id: str | None, title: str | None,
                  config: Config, max_bytes: int) -> int:
    """Print one article's result (or only its body); a problem goes to stderr with exit status 1."""
    data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _fail(Problem(400, "invalid-utf8", f"the input is not valid UTF-8 (byte {exc.start})").to_problem())
    record: dict[str, Any] = {"html" if html else "text": text}
    if article_id is not None:
        record["id"] = article_id
    if title is not None:
        record["title"] = title
    result = clean_record(Cleaner.load(config.model_dir), config.options(), record, max_bytes=max_bytes)
    if is_error(result):
        return _fail(result["error"])
    try:
        print(result["body"] if body_only else json.dumps(result, ensure_ascii=False, indent=2))
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # keeps the exit flush quiet
    return 0


def _fail(problem: dict[str, Any]) -> int:
    print(json.dumps(problem, ensure_ascii=False), file=sys.stderr)
    return 1


def batch_command(source: Path, out: Path, errors: Path, *, workers: int, config: Config, max_bytes: int,
                  progress: bool = True) -> int:
    """Clean every record of `source` not yet answered in `out` or `errors`; returns the exit status."""
    from tqdm import tqdm

    done = _done_ids(out) | _done_ids(errors)
    total = _count_lines(source)
    counts = {"cleaned": 0, "failed": 0, "skipped": 0}
    options = config.options()
    with source.open(encoding="utf-8", errors="surrogateescape", newline="\n") as lines, \
            out.open("a", encoding="utf-8") as ok, errors.open("a", encoding="utf-8") as bad, \
            tqdm(total=total, unit="line", disable=not progress, file=sys.stderr) as bar:
        todo = _pending(lines, done, counts, bar)
        for item in _answers(todo, workers, config.model_dir, options, max_bytes):
            sink = bad if is_error(item) else ok
            sink.write(dumps(item) + "\n")
            sink.flush()
            counts["failed" if sink is bad else "cleaned"] += 1
            bar.update(1)
    print(f"cleaned {counts['cleaned']}, failed {counts['failed']}, skipped {counts['skipped']} already done; "
          f"results in {out}, failures in {errors}", file=sys.stderr)
    return 0


def _pending(lines: IO[str], done: set[str], counts: dict[str, int], bar: Any) -> Iterator[LineRecord]:
    """The parsed lines still to answer; blank and already-answered lines only move the progress bar."""
    for lineno, line in enumerate(lines, start=1):
        item = read_line(line, lineno)
        if item is None or item.key in done:
            counts["skipped"] += item is not None
            bar.update(1)
            continue
        done.add(item.key)  # a repeated id in the input is answered once, as a rerun would
        yield item


def _answers(items: Iterator[LineRecord], workers: int, model_dir: Path, options: Options,
             max_bytes: int) -> Iterator[dict[str, Any]]:
    """Answers in input order, one per item, cleaned a chunk at a time: in this process for one worker, else in a
    pool with a bounded window of chunks in flight."""
    chunks = _chunked(items, CHUNK)
    if workers <= 1:
        _init_worker(model_dir, options, max_bytes)
        for chunk in chunks:
            yield from _clean_in_worker(chunk)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                             initargs=(model_dir, options, max_bytes)) as pool:
        window: deque[Future[list[dict[str, Any]]]] = deque()
        for chunk in chunks:
            window.append(pool.submit(_clean_in_worker, chunk))
            if len(window) >= workers * WINDOW_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _chunked(items: Iterator[LineRecord], size: int) -> Iterator[list[LineRecord]]:
    """`items` in consecutive lists of `size` (the last one shorter)."""
    chunk: list[LineRecord] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _init_worker(model_dir: Path, options: Options, max_bytes: int) -> None:
    """Load the model once per process, not once per record (loading checks the sha256 of the whole artifact)."""
    _worker.update(cleaner=Cleaner.load(model_dir), options=options, max_bytes=max_bytes)


def _clean_in_worker(chunk: list[LineRecord]) -> list[dict[str, Any]]:
    return clean_line_records(_worker["cleaner"], _worker["options"], chunk, max_bytes=_worker["max_bytes"])


def _done_ids(path: Path) -> set[str]:
    """Ids already answered in `path`; a torn last line (the previous run was killed mid-write) is cut off.

    Every answer is written as one line ending in a newline, so only a last line without one can be torn; any
    other line that does not parse is left alone (never delete answers), and its record is simply cleaned again.
    """
    ids: set[str] = set()
    if not path.exists():
        return ids
    keep = 0
    with path.open("rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            keep += len(raw)
            try:
                item = json.loads(raw)
            except json.JSONDecodeError:
                continue
            if isinstance(item, dict) and item.get("id") is not None:
                ids.add(str(item["id"]))
    if keep < path.stat().st_size:
        with path.open("r+b") as f:
            f.truncate(keep)
    return ids


def _count_lines(path: Path) -> int | None:
    """Lines in `path`, for the progress bar's total; a quick byte scan, None when it is not a regular file."""
    if not path.is_file():
        return None
    count, last = 0, b"\n"
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")
