"""Batch conversion: many READMEs to JSON Lines, in parallel processes when asked.

One README in, one line out: ``{"path": ..., "document": {...}}`` when it was
read, ``{"path": ..., "error": "..."}`` when it was not. ``convert_file`` is a
pure, module-level function of its arguments (a path and a size limit), so it
pickles and runs unchanged in a process pool here, or in the map step of an
engine such as Dask or Spark over a very large collection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Literal

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: At most this many files travel to a worker in one message: enough that the
#: work per message (a few ms per README) dwarfs the cost of sending it, few
#: enough that both workers stay busy until the end of the batch.
MAX_CHUNK = 16

Outcome = Literal["ok", "failed", "bug"]


@dataclass(frozen=True, slots=True)
class Converted:
    """What became of one file: its JSON Lines record and whether it was read."""

    path: str
    record: str
    outcome: Outcome = "ok"
    message: str | None = None


def document_record(path: str, document_json: str) -> str:
    """The JSON Lines record of a README that was read (``document_json`` is compact JSON)."""
    return f'{{"path": {json.dumps(path, ensure_ascii=False)}, "document": {document_json}}}\n'


def error_record(path: str, message: str) -> str:
    """The JSON Lines record of a README that could not be read."""
    return json.dumps({"path": path, "error": message}, ensure_ascii=False) + "\n"


def convert_data(data: bytes, path: str) -> Converted:
    """Convert README bytes (already read) to a record; never raises."""
    from ._errors import StudyParseError
    from ._json import record_json
    from ._read import loads

    try:
        doc = loads(data, path=path)
        return Converted(path, document_record(path, record_json(doc, indent=None).rstrip("\n")))
    except StudyParseError as exc:
        return Converted(path, error_record(path, exc.format()), "failed", exc.format())
    except Exception as exc:  # a bug: report it as data and go on with the other files
        message = f"{path}: internal error: {type(exc).__name__}: {exc}"
        return Converted(path, error_record(path, message), "bug", message)


def convert_stream(stream: BinaryIO, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Converted:
    """Read at most ``max_bytes`` from ``stream`` (standard input), convert them; never raises."""
    from ._errors import StudyParseError
    from ._read import read_limited

    try:
        data = read_limited(stream, max_bytes, name)
    except StudyParseError as exc:
        return Converted(name, error_record(name, exc.format()), "failed", exc.format())
    return convert_data(data, name)


def convert_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Converted:
    """Read and convert the README at ``path``; never raises."""
    from ._errors import StudyParseError
    from ._read import read_bytes

    try:
        data = read_bytes(path, max_bytes)
    except StudyParseError as exc:
        return Converted(path, error_record(path, exc.format()), "failed", exc.format())
    return convert_data(data, path)


def chunk_size(files: int, jobs: int) -> int:
    """How many files to send to a worker at once."""
    return max(1, min(MAX_CHUNK, files // (jobs * 4)))


def warm_up() -> None:
    """Import the parser and build the models' validators once, before workers fork.

    What exists now is then frozen out of the garbage collector's sight, so forked
    workers do not touch (and so copy) the parent's memory while collecting.
    """
    import gc

    from ._json import record_json
    from ._read import parse

    record_json(parse("# warm-up\n\n- Title, Venue, 2020\n"))
    gc.freeze()


def _convert_path(path_and_limit: tuple[str, int]) -> Converted:
    return convert_file(*path_and_limit)


def convert_files(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1
) -> Iterator[Converted]:
    """Convert every file, yielding results in the order of ``paths``.

    With ``jobs`` > 1 the files are converted in that many worker processes.
    """
    tasks = [(path, max_bytes) for path in paths]
    if jobs <= 1 or len(paths) < 2:
        yield from map(_convert_path, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    warm_up()
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        yield from pool.map(_convert_path, tasks, chunksize=chunk_size(len(paths), jobs))


def merge_in_order(
    paths: Sequence[str], read_here: dict[int, Converted], converted: Iterable[Converted]
) -> Iterator[Converted]:
    """Results of all ``paths``: those at the indexes in ``read_here`` plus the rest in order."""
    rest = iter(converted)
    for index in range(len(paths)):
        yield read_here[index] if index in read_here else next(rest)
