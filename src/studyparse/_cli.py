"""The ``studyparse`` command: ``main(argv) -> int`` over argparse.

Exit codes (also in ``--help`` and docs/usage.md):
  0  success, nothing to report
  1  ``check`` found an error-severity diagnostic
  2  bad input or usage: missing, unreadable, binary or oversized file, bad option
  3  internal error (a bug in studyparse: please report it with ``--debug`` output)

Heavy modules (pydantic models, exporters) are imported only by the command
that needs them, so a pre-commit run pays for nothing it does not use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ._model import StudyDocument

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_BUG = 3

#: Output formats of ``convert``: name -> (module, function). Only working formats are listed.
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("._json", "to_json"),
}

EXIT_CODES_HELP = """exit codes:
  0  success
  1  check: an error-severity diagnostic was found
  2  bad input or usage (missing, unreadable, binary or oversized file; bad option)
  3  internal error (a bug: rerun with --debug and report the traceback)
"""


def _exporter(name: str) -> Callable[[StudyDocument], str]:
    module_name, function = EXPORTERS[name]
    exporter: Callable[[StudyDocument], str] = getattr(import_module(module_name, __package__), function)
    return exporter


def _read(path: str, max_bytes: int) -> StudyDocument:
    from ._api import loads, read_bytes

    if path == "-":
        return loads(sys.stdin.buffer.read(), path="<stdin>")
    return loads(read_bytes(path, max_bytes), path=path)


def _write(text: str, out: str | None) -> None:
    if out in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pathlib import Path

    Path(out).write_text(text, encoding="utf-8")


def _convert(args: argparse.Namespace) -> int:
    doc = _read(args.file, args.max_bytes)
    _write(_exporter(args.to)(doc), args.output)
    return EXIT_OK


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


def _schema(args: argparse.Namespace) -> int:
    import json

    from ._json import json_schema

    _write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", args.output)
    return EXIT_OK


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="studyparse",
        description="Read study-group READMEs into typed data; export JSON.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    parser.add_argument(
        "--max-bytes", type=_positive_int, default=10 * 1024 * 1024, metavar="N",
        help="refuse files larger than N bytes (default: 10 MB)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser("convert", help="convert a README to another format", epilog=EXIT_CODES_HELP,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("file", metavar="FILE", help="README to read; - for standard input")
    convert.add_argument("--to", choices=sorted(EXPORTERS), default="json", help="output format (default: json)")
    convert.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    convert.set_defaults(run=_convert)

    check = commands.add_parser("check", help="print diagnostics as FILE:LINE:COL: CODE message",
                                epilog=EXIT_CODES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="+", metavar="FILE", help="READMEs to check; - for standard input")
    check.set_defaults(run=_check)

    schema = commands.add_parser("schema", help="print the JSON Schema of the JSON output")
    schema.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    schema.set_defaults(run=_schema)
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
        _error(exc.format())
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except Exception as exc:
        if args.debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)")
        return EXIT_BUG
