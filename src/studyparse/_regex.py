"""Regular expressions compiled on first use.

Compiling a pattern costs from 0.05 ms to over 2 ms (a character class over the
Hangul or CJK blocks is expanded code point by code point). A pre-commit run
pays for every pattern compiled at import, so a pattern that most READMEs never
reach (Korean names in an English README, arXiv container strings, private-use
characters) is a ``LazyPattern``: the same methods as ``re.Pattern``, compiled
the first time one of them is looked up. Patterns used on every document stay
``re.compile``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: What a LazyPattern passes on from its compiled ``re.Pattern``.
PATTERN_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "finditer",
    "findall",
    "split",
    "sub",
    "flags",
)


class LazyPattern:
    """``re.compile(pattern, flags)``, done when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Reached only before the first use: compile, then keep the compiled pattern's
        # methods as attributes, so every later call goes straight to re.Pattern.
        if name != "compiled" and name not in PATTERN_ATTRIBUTES:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = re.compile(self.pattern, self._flags)
        for attribute in PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        self.compiled = compiled
        return getattr(self, name)

    @property
    def is_compiled(self) -> bool:
        return "compiled" in vars(self)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"

    if TYPE_CHECKING:
        compiled: re.Pattern[str]
        flags: int

        def match(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
        def fullmatch(
            self, string: str, pos: int = 0, endpos: int = ...
        ) -> re.Match[str] | None: ...
        def search(self, string: str, pos: int = 0, endpos: int = ...) -> re.Match[str] | None: ...
        def finditer(
            self, string: str, pos: int = 0, endpos: int = ...
        ) -> Iterator[re.Match[str]]: ...
        def findall(self, string: str, pos: int = 0, endpos: int = ...) -> list[Any]: ...
        def split(self, string: str, maxsplit: int = 0) -> list[str | Any]: ...
        def sub(
            self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
        ) -> str: ...
