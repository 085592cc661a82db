"""Extraction accuracy over the answer keys in corpus/ (every *.gold.json beside its README).

The matcher is deliberately small and independent of the parser: titles match when
their normalized text is equal or, failing that, close (difflib ratio >= 0.9),
one to one; people match by a shared e-mail address or a shared name. The seed
files (000_* .. 004_*) and the other READMEs are held to their own thresholds.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from studyparse import load

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GOLD_FILES = sorted(CORPUS.glob("*.gold.json"))
SEED = re.compile(r"^00[0-4]_")

SEED_THRESHOLDS = {"papers": 0.98, "talks": 0.98, "people": 0.95}
CORPUS_THRESHOLDS = {"papers": 0.90, "talks": 0.90, "people": 0.85}
PER_FILE_THRESHOLD = 0.85
SEED_FIELD_THRESHOLDS = {"year": 0.97, "venue": 0.97, "date": 0.95, "presenters": 0.95}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def match_titles(gold: list[str], found: list[str]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs: equal normalized titles first, then close ones."""
    g_norm, f_norm = [norm(t) for t in gold], [norm(t) for t in found]
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(g_norm):
        fi = next((i for i, f in enumerate(f_norm) if i not in used and g and f == g), None)
        if fi is not None:
            pairs.append((gi, fi))
            used.add(fi)
    done = {gi for gi, _ in pairs}
    for gi, g in enumerate(g_norm):
        if gi in done or not g:
            continue
        ratios = [
            (difflib.SequenceMatcher(None, g, f, autojunk=False).ratio(), i)
            for i, f in enumerate(f_norm)
            if i not in used and f
        ]
        if ratios and max(ratios)[0] >= 0.9:
            pairs.append((gi, max(ratios)[1]))
            used.add(max(ratios)[1])
    return pairs


def merged_people(
    people: Iterable[tuple[str | None, str | None]],
) -> list[tuple[set[str], set[str]]]:
    records: list[tuple[set[str], set[str]]] = []
    for name, email in people:
        names, emails = {norm(name)} - {""}, {(email or "").strip().casefold()} - {""}
        if not names and not emails:
            continue
        for record in [r for r in records if r[0] & names or r[1] & emails]:
            records.remove(record)
            names |= record[0]
            emails |= record[1]
        records.append((names, emails))
    return records


def people_hits(
    gold: list[tuple[set[str], set[str]]], found: list[tuple[set[str], set[str]]]
) -> int:
    used: set[int] = set()
    hits = 0
    for names, emails in gold:
        for index, (f_names, f_emails) in enumerate(found):
            if index not in used and (names & f_names or emails & f_emails):
                used.add(index)
                hits += 1
                break
    return hits


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)
    per_file: dict[str, list[float]] = field(default_factory=lambda: {"papers": [], "talks": []})

    def add(self, key: str, value: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + value

    def f1(self, kind: str) -> float:
        tp, gold, pred = (self.counts.get(f"{kind}.{k}", 0) for k in ("tp", "gold", "pred"))
        return 2 * tp / (gold + pred) if gold + pred else 1.0

    def accuracy(self, kind: str) -> float:
        n = self.counts.get(f"{kind}.n", 0)
        return self.counts.get(f"{kind}.ok", 0) / n if n else 1.0

    def mean(self, kind: str) -> float:
        values = self.per_file[kind]
        return sum(values) / len(values) if values else 1.0


def score_file(gold_file: Path, tally: Tally) -> dict[str, float]:
    gold: dict[str, Any] = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = load(gold_file.parent / gold["source"])
    figures: dict[str, float] = {}
    found_titles = {
        "papers": [p.title for p in doc.papers],
        "talks": [t.title or "" for t in doc.talks],
    }
    for kind in ("papers", "talks"):
        g_titles = [item.get("title") or "" for item in gold.get(kind, [])]
        pairs = match_titles(g_titles, found_titles[kind])
        tally.add(f"{kind}.tp", len(pairs))
        tally.add(f"{kind}.gold", len(g_titles))
        tally.add(f"{kind}.pred", len(found_titles[kind]))
        total = len(g_titles) + len(found_titles[kind])
        if total:
            figures[kind] = 2 * len(pairs) / total
            tally.per_file[kind].append(figures[kind])
        _field_accuracy(kind, gold.get(kind, []), pairs, doc, tally)
    presenters = [(p.name, p.email) for t in doc.talks for p in t.presenters]
    found = merged_people([(p.name, p.email) for p in doc.people] + presenters)
    g_people = merged_people((p.get("name"), p.get("email")) for p in gold.get("people", []))
    tally.add("people.tp", people_hits(g_people, found))
    tally.add("people.gold", len(g_people))
    tally.add("people.pred", len(found))
    return figures


def _field_accuracy(
    kind: str, gold: list[dict[str, Any]], pairs: list[tuple[int, int]], doc: Any, tally: Tally
) -> None:
    for gi, fi in pairs:
        g = gold[gi]
        if kind == "papers":
            paper = doc.papers[fi]
            if g.get("year") is not None:
                tally.add("year.n", 1)
                tally.add("year.ok", paper.year == g["year"])
            if g.get("venue"):
                tally.add("venue.n", 1)
                want, got = norm(g["venue"]), norm(paper.venue)
                tally.add(
                    "venue.ok",
                    bool(got) and (f" {got} " in f" {want} " or f" {want} " in f" {got} "),
                )
        else:
            talk = doc.talks[fi]
            if g.get("date"):
                tally.add("date.n", 1)
                tally.add("date.ok", (talk.date or "")[:10] == g["date"])
            if g.get("presenters"):
                tally.add("presenters.n", 1)
                names = {norm(p.name) for p in talk.presenters} - {""}
                tally.add("presenters.ok", names == {norm(n) for n in g["presenters"]})


def _tally(seeds: bool) -> tuple[Tally, dict[str, dict[str, float]]]:
    tally = Tally()
    files = {}
    for gold_file in GOLD_FILES:
        if bool(SEED.match(gold_file.name)) == seeds:
            files[gold_file.name] = score_file(gold_file, tally)
    return tally, files


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[f.name for f in GOLD_FILES])
def test_each_readme_is_read(gold_file: Path) -> None:
    """Every README of the corpus parses, and the scorer can compare it."""
    figures = score_file(gold_file, Tally())
    assert all(0.0 <= value <= 1.0 for value in figures.values())


def test_seed_accuracy() -> None:
    tally, files = _tally(seeds=True)
    assert files, "no seed answer keys found"
    for kind, threshold in SEED_THRESHOLDS.items():
        assert tally.f1(kind) >= threshold, (kind, round(tally.f1(kind), 3), files)
    for kind, threshold in SEED_FIELD_THRESHOLDS.items():
        assert tally.accuracy(kind) >= threshold, (kind, round(tally.accuracy(kind), 3))


def test_corpus_accuracy() -> None:
    tally, files = _tally(seeds=False)
    assert files, "no corpus answer keys found"
    for kind, threshold in CORPUS_THRESHOLDS.items():
        assert tally.f1(kind) >= threshold, (kind, round(tally.f1(kind), 3), files)


def test_corpus_accuracy_per_file() -> None:
    tally, files = _tally(seeds=False)
    for kind in ("papers", "talks"):
        assert tally.mean(kind) >= PER_FILE_THRESHOLD, (kind, round(tally.mean(kind), 3), files)
