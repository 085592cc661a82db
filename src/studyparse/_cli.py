"""The ``studyparse`` command: ``main(argv) -> int`` over argparse.

Exit codes (also in ``--help`` and docs/usage.md):
  0  success, nothing to report
  1  ``check`` found an error-severity diagnostic; a batch ``convert`` had a file it could not read;
     ``normalize`` rewrote a file (with ``--check``/``--diff``: would rewrite one)
  2  bad input or usage: missing, unreadable, binary or oversized file (one file), bad option,
     an output (``-o``) that is one of the inputs;
     ``normalize``: a read-only file, a dangling link, or a safety check refused the result
     (file untouched)
  3  internal error (a bug in studyparse: please report it with ``--debug`` output),
     also when it struck any file of a batch

Heavy modules (pydantic models, exporters) are imported only by the command
that needs them, so a pre-commit run pays for nothing it does not use.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from ._records import Diagnostic, StudyDocument

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_BUG = 3

#: Output formats of ``convert``: name -> (module, function). Only working formats are listed.
#: A function returns the text, or an iterable of its pieces to write one after the other.
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("._json", "iter_record_json"),
    "bibtex": ("._bibtex", "to_bibtex"),
    "markdown": ("._markdown", "to_markdown"),
}
#: Formats whose export reports what it assumed: name -> (module, function doc -> diagnostics).
EXPORT_DIAGNOSTICS: dict[str, tuple[str, str]] = {
    "bibtex": ("._bibtex", "bibtex_diagnostics"),
}
#: Options of ``convert`` and the formats that take them (passed as keyword arguments).
EXPORT_OPTIONS: dict[str, tuple[str, ...]] = {
    "ascii": ("bibtex",),
}
#: Formats that take any number of files, one record per file (see ``_batch``).
BATCH_FORMATS = ("jsonl",)

EXIT_CODES_HELP = """exit codes:
  0  success
  1  check: an error-severity diagnostic was found;
     convert --to jsonl: a file could not be read (its error is on stderr and in the output);
     normalize: a file was rewritten (--check/--diff: would be)
  2  bad input or usage (missing, unreadable, binary or oversized file; bad option;
     an output -o that is one of the inputs: nothing is read or written);
     normalize: read-only file, dangling link, or a safety check refused the result
     (file untouched)
  3  internal error (a bug: rerun with --debug and report the traceback);
     convert --to jsonl: the bug struck one of the files (the others are converted)

convert -o replaces OUT atomically: a failed or interrupted run leaves the old OUT whole.
"""


def _exporter(name: str) -> Callable[..., str | Iterable[str]]:
    module_name, function = EXPORTERS[name]
    exporter: Callable[..., str | Iterable[str]] = getattr(
        import_module(module_name, __package__), function
    )
    return exporter


def _export_diagnostics(name: str, doc: StudyDocument) -> list[Diagnostic]:
    if name not in EXPORT_DIAGNOSTICS:
        return []
    module_name, function = EXPORT_DIAGNOSTICS[name]
    diagnostics: list[Diagnostic] = getattr(import_module(module_name, __package__), function)(doc)
    return diagnostics


def _read(path: str, max_bytes: int) -> StudyDocument:
    from ._read import loads, read_bytes, read_limited

    if path == "-":
        return loads(read_limited(sys.stdin.buffer, max_bytes, "<stdin>"), path="<stdin>")
    return loads(read_bytes(path, max_bytes), path=path)


@contextlib.contextmanager
def _output(out: str | None) -> Iterator[TextIO]:
    """Standard output, or a stream that replaces ``out`` (links followed) when it closes
    without error: an interrupted or failed conversion leaves the old output whole."""
    if out in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    from ._files import atomic_output, write_target

    with atomic_output(write_target(out, must_exist=False)) as stream:
        yield stream


def _write(text: str | Iterable[str], out: str | None) -> None:
    """The text, or its pieces in order, to standard output or to ``out``."""
    with _output(out) as stream:
        if isinstance(text, str):
            stream.write(text)
        else:
            for piece in text:
                stream.write(piece)


def _refuse_overwriting_inputs(out: str | None, files: Sequence[str]) -> None:
    """A ``StudyParseError`` when ``out`` is one of ``files`` (the same file by any name)."""
    if out in (None, "-"):
        return
    from ._errors import StudyParseError
    from ._files import output_conflict

    same = output_conflict(out, files)
    if same is not None:
        what = "an input" if same == out else f"the input {same!r}"
        raise StudyParseError(
            f"the output file (-o) is {what}; nothing read, nothing written", path=out
        )


def _convert(args: argparse.Namespace) -> int:
    _refuse_overwriting_inputs(args.output, args.files)
    if args.to in BATCH_FORMATS:
        return _convert_batch(args)
    if len(args.files) > 1:
        _error(f"convert: several files need --to jsonl (got --to {args.to})")
        return EXIT_ERROR
    options = {name: True for name in EXPORT_OPTIONS if getattr(args, name)}
    for name in options:
        if args.to not in EXPORT_OPTIONS[name]:
            formats = ", ".join(EXPORT_OPTIONS[name])
            _error(f"--{name} applies to --to {formats} only, not --to {args.to}")
            return EXIT_ERROR
    doc = _read(args.files[0], args.max_bytes)
    _write(_exporter(args.to)(doc, **options), args.output)
    shown = doc.source.path or args.files[0]
    for diagnostic in _export_diagnostics(args.to, doc):
        print(diagnostic.format(shown), file=sys.stderr)
    return EXIT_OK


def _convert_batch(args: argparse.Namespace) -> int:
    """Each file to one JSON Lines record; a file that fails is reported and skipped."""
    from ._batch import convert_files, convert_stream, merge_in_order
    from ._progress import Progress

    paths: list[str] = args.files
    jobs: int = args.jobs or os.cpu_count() or 1
    read_here = {
        index: convert_stream(sys.stdin.buffer, "<stdin>", args.max_bytes)
        for index, path in enumerate(paths)
        if path == "-"
    }
    files = [path for path in paths if path != "-"]
    results = merge_in_order(
        paths, read_here, convert_files(files, max_bytes=args.max_bytes, jobs=jobs)
    )
    progress = Progress(len(paths), sys.stderr)
    status = EXIT_OK
    try:
        with _output(args.output) as out:
            for result in results:
                out.write(result.record)
                progress.advance()
                if result.outcome != "ok":
                    progress.message(f"studyparse: {result.message}")
                    status = max(status, EXIT_BUG if result.outcome == "bug" else EXIT_FINDINGS)
    finally:
        progress.close()
    return status


def _check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in args.files:
        doc = _read(path, args.max_bytes)
        shown = doc.source.path or path
        for diagnostic in doc.diagnostics:
            print(diagnostic.format(shown))
            if diagnostic.severity == "error":
                status = EXIT_FINDINGS
    return status


NORMALIZE_HELP = """Rewrite each README in the canonical Markdown of docs/format.md.

A file is written only when something changes, atomically, keeping its newline
style (LF/CRLF), encoding, BOM and permissions. Before writing, the result
must keep every word and link of the file, parse to the same papers, talks,
people and sections, come out the same when normalized again, and keep every
list a list; if any check fails the file is left untouched and the check is
named. A symbolic link is followed: its target is rewritten and the link stays
a link. A file with several hard links is rewritten in place (not atomically),
so every name shows the new text."""

NORMALIZE_EXIT_CODES = """exit codes:
  0  every file is already normalized
  1  a file was rewritten (with --check or --diff: would be rewritten)
  2  error: unreadable or read-only file, dangling link or link to a directory, or a
     safety check failed (that file is left untouched; other files are still processed)
  3  internal error (a bug: rerun with --debug and report the traceback)
"""


def _normalize(args: argparse.Namespace) -> int:
    from ._errors import StudyParseError

    status = EXIT_OK
    for path in args.files:
        try:
            status = max(status, _normalize_file(path, args))
        except StudyParseError as exc:
            _error(exc.format())
            status = EXIT_ERROR
    return status


def _normalize_file(path: str, args: argparse.Namespace) -> int:
    from ._errors import StudyParseError
    from ._normalize import normalize_bytes, normalize_file, unified_diff
    from ._read import read_bytes, read_limited

    stdin = path == "-"
    if stdin:
        result = normalize_bytes(
            read_limited(sys.stdin.buffer, args.max_bytes, "<stdin>"), path="<stdin>"
        )
    elif args.diff:  # the diff needs the text as it was
        result = normalize_bytes(read_bytes(path, args.max_bytes), path=path)
    else:  # holds neither the file's bytes nor its text while the result is proven
        result = normalize_file(path, max_bytes=args.max_bytes)
    if args.diff and result.changed:
        sys.stdout.write(unified_diff(result))
        sys.stdout.flush()
    if stdin:
        if not (args.check or args.diff):
            sys.stdout.buffer.write(result.data)
            sys.stdout.flush()
        return EXIT_FINDINGS if result.changed else EXIT_OK
    if not result.changed:
        return EXIT_OK
    if args.check or args.diff:
        print(f"would reformat {path}", file=sys.stderr)
        return EXIT_FINDINGS
    from ._files import refuse_unwritable, rewrite

    refuse_unwritable(path)
    try:
        rewrite(path, result.data)
    except OSError as exc:
        raise StudyParseError(f"could not write: {exc.strerror or exc}", path=path) from None
    print(f"reformatted {path}", file=sys.stderr)
    return EXIT_FINDINGS


def _schema(args: argparse.Namespace) -> int:
    import json

    from ._json import json_schema

    _write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
    return EXIT_OK


def _whole_number(text: str) -> int | None:
    """``text`` as a whole number written in decimal digits ("12", " 12 "), else None."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return int(digits)
    except ValueError:  # more digits than int() reads
        return None


def _jobs(text: str) -> int:
    value = _whole_number(text)
    if value is None:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes (0 for one per CPU), got {text!r}"
        )
    return value


def _positive_int(text: str) -> int:
    value = _whole_number(text)
    if value is None or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number of bytes, got {text!r}")
    return value


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, with a usage error on one line: what is wrong and where to look.

    ``--max-bytes abc`` gives ``studyparse: --max-bytes: expected a positive whole number
    of bytes, got 'abc' (see studyparse --help)``, exit 2.
    """

    def error(self, message: str) -> NoReturn:
        message = message.removeprefix("argument ")
        self.exit(EXIT_ERROR, f"studyparse: {message} (see {self.prog} --help)\n")


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without importing shutil (with bz2 and lzma).

    argparse sizes help to it, and imports shutil for it as soon as an argument is added.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter at argparse's width: the terminal's, less 2."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class RawDescriptionFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """``RawDescriptionHelpFormatter`` at argparse's width."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = ArgumentParser(
        prog="studyparse",
        description="Read study-group READMEs into typed data; export JSON or BibTeX.",
        epilog=EXIT_CODES_HELP,
        formatter_class=RawDescriptionFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an internal error"
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=10 * 1024 * 1024,
        metavar="N",
        help="refuse files larger than N bytes (default: 10 MB)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert a README to another format",
        epilog=EXIT_CODES_HELP,
        formatter_class=RawDescriptionFormatter,
    )
    convert.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="README to read; - for standard input; several with --to jsonl",
    )
    convert.add_argument(
        "--to",
        choices=sorted([*EXPORTERS, *BATCH_FORMATS]),
        default="json",
        help="output format (default: json); jsonl: one line per FILE, "
        '{"path": ..., "document": {...}} or {"path": ..., "error": "..."}',
    )
    convert.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="with --to jsonl, convert in N parallel processes (0: one per CPU; default 1)",
    )
    convert.add_argument(
        "-o", "--output", metavar="OUT", help="write here instead of standard output"
    )
    convert.add_argument(
        "--ascii",
        action="store_true",
        help="bibtex: write accented letters as LaTeX escapes ({\\'e}); "
        "characters without one stay UTF-8",
    )
    convert.set_defaults(run=_convert)

    check = commands.add_parser(
        "check",
        help="print diagnostics as FILE:LINE:COL: CODE message",
        epilog=EXIT_CODES_HELP,
        formatter_class=RawDescriptionFormatter,
    )
    check.add_argument(
        "files", nargs="+", metavar="FILE", help="READMEs to check; - for standard input"
    )
    check.set_defaults(run=_check)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the JSON output", formatter_class=HelpFormatter
    )
    schema.add_argument(
        "-o", "--output", metavar="OUT", help="write here instead of standard output"
    )
    schema.set_defaults(run=_schema)

    normalize = commands.add_parser(
        "normalize",
        help="rewrite READMEs in canonical Markdown, never losing a word",
        description=NORMALIZE_HELP,
        epilog=NORMALIZE_EXIT_CODES,
        formatter_class=RawDescriptionFormatter,
    )
    normalize.add_argument(
        "files", nargs="+", metavar="FILE", help="READMEs to rewrite; - filters stdin to stdout"
    )
    normalize.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file would change"
    )
    normalize.add_argument(
        "--diff",
        action="store_true",
        help="write nothing; print the change as a unified diff (mixed line endings: a CR "
        "shows as \u240d)",
    )
    normalize.set_defaults(run=_normalize)
    return parser


def _version() -> str:
    from . import __version__

    return f"studyparse {__version__}"


def _error(message: str, stream: TextIO | None = None) -> None:
    print(f"studyparse: {message}", file=stream or sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_ERROR
    from ._errors import StudyParseError

    try:
        status: int = args.run(args)
        return status
    except StudyParseError as exc:
        _traceback(args.debug)
        _error(exc.format())
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except OSError as exc:  # the system refused: an output path, a full disk, ...
        _traceback(args.debug)
        _error(_os_error(exc))
        return EXIT_ERROR
    except Exception as exc:
        _traceback(args.debug)
        hint = "see the traceback above" if args.debug else "rerun with --debug for the traceback"
        _error(f"internal error: {type(exc).__name__}: {exc} ({hint})")
        return EXIT_BUG


def _traceback(debug: bool) -> None:
    """With ``--debug``, the traceback of the exception being handled, for a bug report."""
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)


def _os_error(exc: OSError) -> str:
    from ._errors import one_line

    reason = exc.strerror or str(exc)
    return f"{one_line(str(exc.filename))}: {reason}" if exc.filename else reason
