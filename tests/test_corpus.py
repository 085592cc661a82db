"""Extraction accuracy over the answer keys in corpus/ (every *.gold.json beside its README).

The matcher is deliberately small and independent of the parser: titles match when
their normalized text is equal or, failing that, close (difflib ratio >= 0.9),
one to one; people match by a shared e-mail address or a shared name.

The corpus works as a ratchet: ``corpus_floors.json`` beside this file records each
README's figures (F1 of papers, talks and people; accuracy of each field; BibTeX
recall) and the totals. A test fails when any figure drops below its floor. After
an improvement, raise the floors with ``python tests/test_corpus.py --raise-floors``
(it never lowers one) and review the diff. The seed files keep fixed thresholds.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from studyparse import load, to_bibtex

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED = re.compile(r"^00[0-4]_")

SEED_THRESHOLDS = {"papers": 0.98, "talks": 0.98, "people": 0.95}
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


FLOORS = Path(__file__).resolve().parent / "corpus_floors.json"
GOLD_FILES = sorted([*CORPUS.glob("*.gold.json"), *CORPUS.glob("heldout/*.gold.json")])
FIELDS = ("year", "venue", "authors", "url", "date", "week", "presenters", "links", "bibtex")


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, value: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + value

    def merge(self, other: Tally) -> None:
        for key, value in other.counts.items():
            self.add(key, value)

    def f1(self, kind: str) -> float | None:
        tp, gold, pred = (self.counts.get(f"{kind}.{k}", 0) for k in ("tp", "gold", "pred"))
        return 2 * tp / (gold + pred) if gold + pred else None

    def accuracy(self, kind: str) -> float | None:
        n = self.counts.get(f"{kind}.n", 0)
        return self.counts.get(f"{kind}.ok", 0) / n if n else None

    def figures(self) -> dict[str, float]:
        found = {kind: self.f1(kind) for kind in ("papers", "talks", "people")}
        found |= {kind: self.accuracy(kind) for kind in FIELDS}
        return {kind: value for kind, value in found.items() if value is not None}


def _key(gold_file: Path) -> str:
    return gold_file.relative_to(CORPUS).as_posix()


def score_file(gold_file: Path) -> Tally:
    gold: dict[str, Any] = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = load(gold_file.parent / gold["source"])
    tally = Tally()
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
        _field_accuracy(kind, gold.get(kind, []), pairs, doc, tally)
    presenters = [(p.name, p.email) for t in doc.talks for p in t.presenters]
    found = merged_people([(p.name, p.email) for p in doc.people] + presenters)
    g_people = merged_people((p.get("name"), p.get("email")) for p in gold.get("people", []))
    tally.add("people.tp", people_hits(g_people, found))
    tally.add("people.gold", len(g_people))
    tally.add("people.pred", len(found))
    _bibtex_recall(gold.get("papers", []), doc, tally)
    return tally


def _count(tally: Tally, kind: str, ok: bool) -> None:
    tally.add(f"{kind}.n", 1)
    tally.add(f"{kind}.ok", ok)


def _author_words(authors: list[str]) -> list[str]:
    """Each author as the sorted words of the name ("He, Kaiming" and "Kaiming He" agree)."""
    return [" ".join(sorted(norm(author).split())) for author in authors]


def _field_accuracy(
    kind: str, gold: list[dict[str, Any]], pairs: list[tuple[int, int]], doc: Any, tally: Tally
) -> None:
    for gi, fi in pairs:
        g = gold[gi]
        if kind == "papers":
            paper = doc.papers[fi]
            if g.get("year") is not None:
                _count(tally, "year", paper.year == g["year"])
            if g.get("venue"):
                want, got = norm(g["venue"]), norm(paper.venue)
                _count(
                    tally,
                    "venue",
                    bool(got) and (f" {got} " in f" {want} " or f" {want} " in f" {got} "),
                )
            if g.get("authors"):
                _count(
                    tally, "authors", _author_words(g["authors"]) == _author_words(paper.authors)
                )
            if g.get("url"):
                _count(tally, "url", g["url"].strip() in {paper.url, paper.doi, paper.arxiv})
        else:
            talk = doc.talks[fi]
            if g.get("date"):
                _count(tally, "date", (talk.date or "")[:10] == g["date"])
            if g.get("week") is not None:
                _count(tally, "week", talk.week == g["week"])
            if g.get("presenters"):
                names = {norm(p.name) for p in talk.presenters} - {""}
                _count(tally, "presenters", names == {norm(n) for n in g["presenters"]})
            for link in ("slides", "video"):
                if g.get(link):
                    urls = {talk.slides, talk.video, *talk.links.values()}
                    _count(tally, "links", g[link].strip() in urls)


def _bibtex_recall(gold: list[dict[str, Any]], doc: Any, tally: Tally) -> None:
    """How many of the key's papers the BibTeX export has an entry for (by title)."""
    import bibtexparser

    library = bibtexparser.parse_string(to_bibtex(doc))
    titles = [
        str(entry.fields_dict["title"].value).replace("{", "").replace("}", "")
        for entry in library.entries
        if "title" in entry.fields_dict
    ]
    tally.add("bibtex.n", len(gold))
    tally.add("bibtex.ok", len(match_titles([g["title"] for g in gold], titles)))


def _is_seed(gold_file: Path) -> bool:
    return bool(SEED.match(gold_file.name))


@pytest.fixture(scope="module")
def scores() -> dict[str, Tally]:
    return {_key(gold_file): score_file(gold_file) for gold_file in GOLD_FILES}


def _totals(scores: dict[str, Tally], seeds: bool) -> Tally:
    total = Tally()
    for name, tally in scores.items():
        if _is_seed(CORPUS / name) == seeds:
            total.merge(tally)
    return total


def _floors() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def _below(figures: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {
        kind: (round(figures.get(kind, 0.0), 3), floor)
        for kind, floor in floors.items()
        if figures.get(kind, 0.0) < floor - 1e-9
    }


def test_every_readme_has_floors() -> None:
    """Every answer key is held by the ratchet, and every floor names a key."""
    assert sorted(_floors()) == sorted([*map(_key, GOLD_FILES), "TOTAL"])


@pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[_key(f) for f in GOLD_FILES])
def test_readme_keeps_its_floors(gold_file: Path, scores: dict[str, Tally]) -> None:
    figures = scores[_key(gold_file)].figures()
    assert not _below(figures, _floors().get(_key(gold_file), {})), figures


def test_corpus_totals_keep_their_floors(scores: dict[str, Tally]) -> None:
    figures = _totals(scores, seeds=False).figures()
    assert not _below(figures, _floors()["TOTAL"]), figures


def test_seed_accuracy(scores: dict[str, Tally]) -> None:
    figures = _totals(scores, seeds=True).figures()
    assert figures, "no seed answer keys found"
    for kind, threshold in SEED_THRESHOLDS.items():
        assert figures[kind] >= threshold, (kind, round(figures[kind], 3))
    for kind, threshold in SEED_FIELD_THRESHOLDS.items():
        assert figures[kind] >= threshold, (kind, round(figures[kind], 3))


def raise_floors() -> None:
    """Set each floor to the figure now reached when that is higher; never lower one."""
    scores = {_key(gold_file): score_file(gold_file) for gold_file in GOLD_FILES}
    current = {name: tally.figures() for name, tally in scores.items()}
    current["TOTAL"] = _totals(scores, seeds=False).figures()
    old = _floors() if FLOORS.exists() else {}
    new: dict[str, dict[str, float]] = {}
    for name, figures in current.items():
        floors = dict(old.get(name, {}))
        for kind, value in figures.items():
            value = math.floor(value * 1000) / 1000
            if value > floors.get(kind, -1.0):
                if kind in floors:
                    print(f"{name}: {kind} {floors[kind]} -> {value}")
                floors[kind] = value
        new[name] = dict(sorted(floors.items()))
    FLOORS.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--raise-floors"]:
        sys.exit("usage: python tests/test_corpus.py --raise-floors")
    raise_floors()
