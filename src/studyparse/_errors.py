"""The one error type of the library, with the position it points at."""

from __future__ import annotations


class StudyParseError(ValueError):
    """Input studyparse cannot read: names the file, and the line and column when known."""

    def __init__(
        self, msg: str, *, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        self.msg = msg
        self.path = path
        self.line = line
        self.column = column
        super().__init__(self.format())

    def format(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.msg}"
