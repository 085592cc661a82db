"""A one-line progress bar on standard error, for batches worth watching."""

from __future__ import annotations

from typing import TextIO

#: Fewer files than this finish before a bar would be worth reading.
MIN_FILES = 8
WIDTH = 30


class Progress:
    """Counts finished files; draws ``[####    ] 120/1000 files`` when ``stream`` is a terminal."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.shown = total >= MIN_FILES and stream.isatty()

    def advance(self) -> None:
        self.done += 1
        if not self.shown:
            return
        filled = WIDTH * self.done // self.total
        bar = "#" * filled + " " * (WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()

    def message(self, text: str) -> None:
        """Print a line above the bar (the bar is redrawn on the next file)."""
        if self.shown:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
