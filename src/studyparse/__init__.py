"""studyparse: read the hand-written README of a study group into typed data.

>>> import studyparse
>>> doc = studyparse.parse("## Papers\\n1. Timeloop: DNN Accelerator Evaluation, ISPASS, 2019\\n")
>>> doc.papers[0].venue, doc.papers[0].year
('ISPASS', 2019)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = (
    "Diagnostic",
    "Heading",
    "LayoutEntry",
    "Paper",
    "PaperList",
    "Person",
    "RawBlock",
    "Session",
    "SourceInfo",
    "StudyDocument",
    "StudyParseError",
    "Talk",
    "TopicGroup",
    "__version__",
    "bibtex_diagnostics",
    "json_schema",
    "load",
    "loads",
    "parse",
    "to_bibtex",
    "to_json",
    "to_markdown",
)
__version__ = "0.1.0"

if TYPE_CHECKING:
    from ._api import bibtex_diagnostics, load, loads, parse, to_bibtex, to_markdown
    from ._errors import StudyParseError
    from ._json import json_schema, to_json
    from ._model import (
        Diagnostic,
        Heading,
        LayoutEntry,
        Paper,
        PaperList,
        Person,
        RawBlock,
        Session,
        SourceInfo,
        StudyDocument,
        Talk,
        TopicGroup,
    )

#: Where each public name lives; imported on first use so ``import studyparse`` stays cheap.
_LAZY: dict[str, str] = {
    "load": "._api",
    "loads": "._api",
    "parse": "._api",
    "StudyParseError": "._errors",
    "json_schema": "._json",
    "to_json": "._json",
    "to_bibtex": "._api",
    "bibtex_diagnostics": "._api",
    "to_markdown": "._api",
    **{
        name: "._model"
        for name in (
            "Diagnostic",
            "Heading",
            "LayoutEntry",
            "Paper",
            "PaperList",
            "Person",
            "RawBlock",
            "Session",
            "SourceInfo",
            "StudyDocument",
            "Talk",
            "TopicGroup",
        )
    },
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'studyparse' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
