"""The one error type of the library, with the position it points at."""

from __future__ import annotations

from typing import Any


class StudyParseError(ValueError):
    """Input studyparse cannot read: names the file, and the line and column when known."""

    def __init__(
        self,
        msg: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.msg = msg
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self.format())

    def format(self) -> str:
        """``FILE:LINE:COL: message`` on one line, whatever characters the file name holds."""
        where = one_line(self.path) if self.path else "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {one_line(self.msg)}"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its fields, so worker processes hand back the same error."""
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(
    cls: type[StudyParseError], args: tuple[Any, ...], state: dict[str, Any]
) -> StudyParseError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters escaped, as ``repr`` shows them."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
