"""Benchmarks of studyparse against the libraries it is measured by.

    python benchmarks/run.py                 # table on stdout, JSON in benchmarks/results.json
    python benchmarks/run.py --json out.json

Needs the ``bench`` extra (``pip install -e '.[bench]'``) for mdformat. Every input
is built from the READMEs in corpus/. Machines differ, so each target is a ratio
between two things measured in the same run, side by side (interleaved rounds;
the best round of each is compared, as the least disturbed by other processes).
The exit status is 1 when a target fails. This is a measurement, not a test: the
test suite times nothing.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BIN = Path(sys.executable).parent

PARSE_MIN_RATIO = 0.5  # studyparse throughput / mistune's: at most 2x mistune's time
NORMALIZE_MIN_RATIO = 2.0  # studyparse throughput / mdformat's
LATENCY_MAX_RATIO = 1.0  # studyparse normalize --check time / mdformat --check time
SCALING_MAX_GROWTH = 1.25  # time per MB at 10x and 100x a README / time per MB at 1x
MEMORY_MAX_MB = 300.0  # peak resident memory of studyparse.load on a 10 MB README
COMMAND_MEMORY_MAX_MB = 250.0  # peak resident memory of each command on a 10 MB README
MEMORY_GROWTH_MAX = 1.0  # peak memory per MB of input at 10 MB / the same at 1 MB
BATCH_MIN_SPEEDUP = 1.7  # 1,000 READMEs: time with -j 1 / time with -j 2
LATENCY_RUNS = 15
BATCH_FILES = 1000
BIG_INPUT_BYTES = 10_000_000
SMALL_INPUT_BYTES = 1_000_000
#: The commands whose peak memory is measured: name -> arguments after the file.
MEMORY_COMMANDS = {
    "convert --to json": ["convert", "{file}", "--to", "json"],
    "convert --to bibtex": ["convert", "{file}", "--to", "bibtex"],
    "normalize --check": ["normalize", "--check", "{file}"],
}


@dataclass
class Row:
    """One line of the table: a measured value beside its target, or an informative figure."""

    name: str
    value: float | None
    unit: str
    target: str = ""
    passed: bool | None = None  # None: informative only, or not available
    detail: str = ""
    numbers: dict[str, float] = field(default_factory=dict)

    @property
    def result(self) -> str:
        if self.value is None:
            return "not available"
        if self.passed is None:
            return "info"
        return "PASS" if self.passed else "FAIL"


# ---------------------------------------------------------------- inputs


def corpus_files() -> list[Path]:
    """The study READMEs of the corpus (Markdown and the plain-text renderings)."""
    files = [*CORPUS.glob("*.md"), *CORPUS.glob("*.txt")]
    return sorted(f for f in files if f.name != "GOLD.md")


def corpus_texts() -> list[str]:
    return [f.read_text(encoding="utf-8") for f in corpus_files()]


def median_readme() -> Path:
    """The Markdown README of median size: the file a pre-commit hook typically sees."""
    markdown = sorted(
        (f for f in corpus_files() if f.suffix == ".md"), key=lambda f: f.stat().st_size
    )
    return markdown[len(markdown) // 2]


def repeated(text: str, times: int) -> str:
    return "\n\n".join([text] * times)


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


# ---------------------------------------------------------------- timing


def best_of(functions: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Best CPU time of each function over interleaved rounds.

    In-process work is timed in CPU seconds of this process, which other busy
    processes on the machine disturb far less than they disturb wall time.
    """
    best = dict.fromkeys(functions, float("inf"))
    for _ in range(rounds):
        for name, function in functions.items():
            gc.collect()
            start = time.process_time()
            function()
            best[name] = min(best[name], time.process_time() - start)
    return best


def run_quiet(command: Sequence[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start


# ---------------------------------------------------------------- measurements


def parse_throughput(texts: list[str], rounds: int) -> Row:
    import mistune

    import studyparse

    markdown = mistune.create_markdown(renderer=None)
    studyparse.parse(texts[0])  # build the validators once, as any long-running use would
    times = best_of(
        {
            "studyparse": lambda: [studyparse.parse(t) for t in texts],
            "mistune": lambda: [markdown(t) for t in texts],
        },
        rounds,
    )
    size = megabytes(texts)
    ours, theirs = size / times["studyparse"], size / times["mistune"]
    ratio = ours / theirs
    return Row(
        "parse throughput vs mistune AST",
        ratio,
        "x",
        f">= {PARSE_MIN_RATIO}",
        ratio >= PARSE_MIN_RATIO,
        f"studyparse {ours:.2f} MB/s, mistune {theirs:.2f} MB/s"
        f" ({len(texts)} READMEs, {size:.2f} MB)",
        {"studyparse_mb_s": ours, "mistune_mb_s": theirs},
    )


def normalizer() -> Callable[[str], str] | None:
    """studyparse's text -> normalized Markdown, or None before the normalizer exists."""
    import studyparse

    if "to_markdown" not in studyparse.__all__:
        return None
    to_markdown = getattr(studyparse, "to_markdown")  # noqa: B009 - absent in older versions
    return lambda text: str(to_markdown(studyparse.parse(text)))


def normalize_throughput(texts: list[str], rounds: int) -> Row:
    name = "normalize throughput vs mdformat"
    target = f">= {NORMALIZE_MIN_RATIO}"
    normalize = normalizer()
    try:
        import mdformat
    except ImportError:
        return Row(name, None, "x", target, detail="mdformat missing: pip install -e '.[bench]'")
    if normalize is None:
        return Row(name, None, "x", target, detail="studyparse.to_markdown not in this version")
    normalize(texts[0])
    times = best_of(
        {
            "studyparse": lambda: [normalize(t) for t in texts],
            "mdformat": lambda: [mdformat.text(t) for t in texts],
        },
        rounds,
    )
    size = megabytes(texts)
    ours, theirs = size / times["studyparse"], size / times["mdformat"]
    ratio = ours / theirs
    return Row(
        name,
        ratio,
        "x",
        target,
        ratio >= NORMALIZE_MIN_RATIO,
        f"studyparse {ours:.2f} MB/s, mdformat {theirs:.2f} MB/s",
        {"studyparse_mb_s": ours, "mdformat_mb_s": theirs},
    )


def has_normalize_command() -> bool:
    proc = subprocess.run(
        [str(BIN / "studyparse"), "normalize", "--help"], capture_output=True, check=False
    )
    return proc.returncode == 0


def latency(readme: Path, runs: int, workdir: Path) -> list[Row]:
    """Whole-process time of the pre-commit check, studyparse against mdformat."""
    name = "normalize --check latency vs mdformat"
    target = f"<= {LATENCY_MAX_RATIO}"
    local = workdir / "README.md"
    shutil.copyfile(readme, local)
    ours = [str(BIN / "studyparse"), "normalize", "--check", "README.md"]
    theirs = [str(BIN / "mdformat"), "--check", "README.md"]
    bare = [sys.executable, "-c", "pass"]
    if not (BIN / "mdformat").exists():
        return [Row(name, None, "x", target, detail="mdformat missing: pip install -e '.[bench]'")]
    if not has_normalize_command():
        return [Row(name, None, "x", target, detail="no normalize command in this version")]
    commands = {"studyparse": ours, "mdformat": theirs, "python": bare}
    compile_bytecode()
    for command in commands.values():
        run_quiet(command, workdir)  # warm the file cache
    times: dict[str, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(run_quiet(command, workdir))
    median = {key: statistics.median(values) for key, values in times.items()}
    ratio = median["studyparse"] / median["mdformat"]
    return [
        Row(
            name,
            ratio,
            "x",
            target,
            ratio <= LATENCY_MAX_RATIO,
            f"median of {runs}: studyparse {median['studyparse'] * 1000:.0f} ms, "
            f"mdformat {median['mdformat'] * 1000:.0f} ms, "
            f"bare python {median['python'] * 1000:.0f} ms"
            f" ({readme.name}, {readme.stat().st_size} bytes)",
            {f"{key}_ms": value * 1000 for key, value in median.items()},
        ),
        startup_breakdown(workdir),
    ]


def compile_bytecode() -> None:
    """Compile studyparse's bytecode, as pip does when it installs a package.

    An editable install run under PYTHONDONTWRITEBYTECODE=1 would otherwise compile
    every module from source in every process, which no installed copy does (pip
    compiled mdformat's bytecode when it installed it).
    """
    import compileall

    import studyparse

    compileall.compile_dir(Path(studyparse.__file__).parent, quiet=1)


#: Steps of the start-up of ``normalize --check``, each a whole child process; the
#: difference between consecutive steps is what the step adds.
STARTUP_STEPS = (
    ("interpreter", "pass"),
    ("+ parser", "import studyparse._read"),
    ("+ normalizer and CLI", "import studyparse._read, studyparse._normalize, studyparse._cli"),
    (
        "+ normalize --check README.md",
        "import sys; from studyparse._cli import main; main(['normalize', '--check', 'README.md'])",
    ),
)


def child_cpu(command: Sequence[str], cwd: Path) -> float:
    """CPU seconds (user + system) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_quiet(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup_breakdown(workdir: Path, runs: int = 7) -> Row:
    """Where the start-up of ``normalize --check`` goes, in CPU ms, step by step."""
    times: dict[str, list[float]] = {name: [] for name, _ in STARTUP_STEPS}
    for _ in range(runs):
        for name, code in STARTUP_STEPS:
            times[name].append(child_cpu([sys.executable, "-c", code], workdir))
    mdformat = [str(BIN / "mdformat"), "--check", "README.md"]
    reference = (
        [child_cpu(mdformat, workdir) for _ in range(runs)] if shutil.which(mdformat[0]) else []
    )
    median = {name: statistics.median(values) * 1000 for name, values in times.items()}
    names = list(median)
    added = {names[0]: median[names[0]]}
    added.update(
        {later: median[later] - median[earlier] for earlier, later in itertools.pairwise(names)}
    )
    return Row(
        "normalize --check start-up, CPU",
        median[names[-1]],
        "ms",
        detail=", ".join(f"{name} {ms:.0f} ms" for name, ms in added.items())
        + (
            f"; mdformat --check: {statistics.median(reference) * 1000:.0f} ms" if reference else ""
        ),
        numbers={f"{name}_ms": ms for name, ms in added.items()},
    )


def scaling(readme: Path, rounds: int) -> Row:
    """Parse time per MB for 1x, 10x and 100x a README."""
    import studyparse

    text = readme.read_text(encoding="utf-8")
    studyparse.parse(text)
    per_mb: dict[str, float] = {}
    for times in (1, 10, 100):
        big = repeated(text, times)
        repeats = max(1, 100 // times)  # about the same amount of text in every measurement
        # Distinct texts, so that nothing remembered from the previous parse applies.
        variants = [f"{big}\n\n<!-- {index} -->\n" for index in range(repeats)]

        def parse_all(variants: list[str] = variants) -> None:
            for variant in variants:
                studyparse.parse(variant)

        best = best_of({"parse": parse_all}, rounds)
        per_mb[f"{times}x"] = best["parse"] / megabytes(variants)
    # Linear time is a fixed cost per document plus a cost per MB: time per MB may
    # fall as the input grows (the fixed cost is spread), it must not grow.
    growth = max(per_mb.values()) / per_mb["1x"]
    return Row(
        "scaling: time per MB, worst of 10x/100x vs 1x",
        growth,
        "x",
        f"<= {SCALING_MAX_GROWTH}",
        growth <= SCALING_MAX_GROWTH,
        "s/MB: " + ", ".join(f"{k} {v:.2f}" for k, v in per_mb.items()) + f" ({readme.name})",
        {f"{k}_s_per_mb": v for k, v in per_mb.items()},
    )


def big_readme(readme: Path, workdir: Path, size: int = BIG_INPUT_BYTES) -> Path:
    """A README repeated up to ``size`` bytes."""
    text = readme.read_text(encoding="utf-8")
    copies = size // (len(text.encode("utf-8")) + 2)
    big = workdir / f"big-{size // 1_000_000}mb.md"
    big.write_text(repeated(text, copies), encoding="utf-8")
    return big


def peak_rss(command: Sequence[str]) -> tuple[int, float, float]:
    """Exit status, peak resident memory (MB) and seconds of ``command``, run in a child."""
    code = (
        "import resource, subprocess, sys\n"
        "quiet = subprocess.DEVNULL\n"
        "proc = subprocess.run(sys.argv[1:], stdout=quiet, stderr=quiet)\n"
        "print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    seconds = time.perf_counter() - start
    kilobytes = int(out[1])
    peak = kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1024 / 1024
    return int(out[0]), peak, seconds


def peak_memory(big: Path) -> list[Row]:
    """Peak resident memory reading a 10 MB README with the library."""
    size = big.stat().st_size / 1e6
    parse = [sys.executable, "-c", "import sys, studyparse; studyparse.load(sys.argv[1])", str(big)]
    status, peak, seconds = peak_rss(parse)
    return [
        Row(
            "peak memory, parse 10 MB README",
            peak,
            "MB",
            f"< {MEMORY_MAX_MB:.0f}",
            status == 0 and peak < MEMORY_MAX_MB,
            f"studyparse.load of {size:.1f} MB in {seconds:.1f} s, whole process, exit {status}",
            {"peak_mb": peak, "input_mb": size, "seconds": seconds},
        )
    ]


def command_memory(small: Path, big: Path) -> list[Row]:
    """Peak resident memory of each command on a 1 MB and a 10 MB README.

    One row per command for the 10 MB file (a bound), and one for how the peak per MB of
    input changes from 1 MB to 10 MB: memory may grow with the input, never faster.
    """
    base = peak_rss([str(BIN / "studyparse"), "--version"])[1]
    rows = []
    for name, arguments in MEMORY_COMMANDS.items():
        measured: dict[str, tuple[int, float, float, float]] = {}
        for label, path in (("1 MB", small), ("10 MB", big)):
            command = [
                str(BIN / "studyparse"),
                *(a.replace("{file}", str(path)) for a in arguments),
            ]
            status, peak, seconds = peak_rss(command)
            measured[label] = (status, peak, seconds, path.stat().st_size / 1e6)
        status, peak, seconds, size = measured["10 MB"]
        ran = status in (0, 1)  # normalize --check: 1 when the file would change
        rows.append(
            Row(
                f"peak memory, {name}, 10 MB README",
                peak,
                "MB",
                f"< {COMMAND_MEMORY_MAX_MB:.0f}",
                ran and peak < COMMAND_MEMORY_MAX_MB,
                f"studyparse {name} of {size:.1f} MB in {seconds:.1f} s, exit {status}"
                f" (start-up alone: {base:.0f} MB)",
                {"peak_mb": peak, "input_mb": size, "seconds": seconds, "start_up_mb": base},
            )
        )
        per_mb = {label: value[1] / value[3] for label, value in measured.items()}
        above = {label: (value[1] - base) / value[3] for label, value in measured.items()}
        growth = per_mb["10 MB"] / per_mb["1 MB"]
        rows.append(
            Row(
                f"memory per MB of input, {name}, 10 MB vs 1 MB",
                growth,
                "x",
                f"<= {MEMORY_GROWTH_MAX}",
                all(value[0] in (0, 1) for value in measured.values())
                and growth <= MEMORY_GROWTH_MAX,
                "peak/input: "
                + ", ".join(
                    f"{label} {measured[label][1]:.0f} MB / {measured[label][3]:.1f} MB"
                    f" = {per_mb[label]:.1f}"
                    for label in measured
                )
                + "; above start-up: "
                + ", ".join(f"{label} {value:.1f} MB/MB" for label, value in above.items()),
                {f"{label}_mb_per_mb": value for label, value in per_mb.items()},
            )
        )
    return rows


def normalize_refusals() -> list[Row]:
    """How many READMEs of corpus/ and corpus/heldout normalize refuses, and why.

    Each file goes through ``normalize`` as the command runs it (bytes in, safety checks);
    a file it rewrites must also come out unchanged when normalized again.
    """
    from studyparse._errors import StudyParseError
    from studyparse._normalize import UnsafeNormalization, normalize_bytes

    rows = []
    for name, folder, pattern in (
        ("corpus/", CORPUS, None),
        ("corpus/heldout/", CORPUS / "heldout", "*.md"),
    ):
        files = corpus_files() if pattern is None else sorted(folder.glob(pattern))
        refused: list[str] = []
        changed = 0
        for path in files:
            try:
                result = normalize_bytes(path.read_bytes(), path=path.name)
                again = normalize_bytes(result.data, path=path.name)
            except UnsafeNormalization as exc:
                refused.append(f"{path.name}: check '{exc.check}' ({exc.msg})")
                continue
            except StudyParseError as exc:
                refused.append(f"{path.name}: {exc.msg}")
                continue
            changed += result.changed
            if again.changed:
                refused.append(f"{path.name}: a second normalize changes the first one's output")
        rows.append(
            Row(
                f"normalize refusals, {name}",
                float(len(refused)),
                "files",
                "0",
                not refused,
                f"{len(files)} READMEs: {changed} rewritten, {len(files) - changed - len(refused)}"
                " already canonical"
                + (f"; refused: {'; '.join(refused)}" if refused else ", none refused"),
                {"files": len(files), "refused": len(refused), "rewritten": changed},
            )
        )
    return rows


def spin(count: int) -> int:
    """Pure CPU work, for measuring how much parallelism the machine has to give."""
    total = 0
    for number in range(count):
        total += number * number
    return total


def parallel_headroom(rounds: int) -> Row:
    """What two processes gain over one on this machine now, for work with no overhead."""
    from concurrent.futures import ProcessPoolExecutor

    tasks = [200_000] * 64
    best = dict.fromkeys((1, 2), float("inf"))
    for _ in range(rounds):
        start = time.perf_counter()
        list(map(spin, tasks))
        best[1] = min(best[1], time.perf_counter() - start)
        start = time.perf_counter()
        with ProcessPoolExecutor(2) as pool:
            list(pool.map(spin, tasks, chunksize=4))
        best[2] = min(best[2], time.perf_counter() - start)
    return Row(
        "machine: 2 processes vs 1, pure loop",
        best[1] / best[2],
        "x",
        detail="the most any -j 2 can gain here now (about 2 on an idle 2-core machine)",
        numbers={"one_s": best[1], "two_s": best[2]},
    )


def batch(workdir: Path, rounds: int) -> Row:
    """1,000 READMEs to JSON Lines with one worker process and with two."""
    folder = workdir / "batch"
    folder.mkdir()
    sources = corpus_files()
    paths = []
    for index in range(BATCH_FILES):
        path = folder / f"{index:04d}-{sources[index % len(sources)].name}"
        shutil.copyfile(sources[index % len(sources)], path)
        paths.append(str(path))
    size = sum(Path(p).stat().st_size for p in paths) / 1e6

    def command(jobs: int) -> list[str]:
        out = str(workdir / f"batch-j{jobs}.jsonl")
        return [
            str(BIN / "studyparse"),
            "convert",
            *paths,
            "--to",
            "jsonl",
            "-j",
            str(jobs),
            "-o",
            out,
        ]

    best = dict.fromkeys((1, 2), float("inf"))
    for _ in range(rounds):
        for jobs in best:
            best[jobs] = min(best[jobs], run_quiet(command(jobs)))
    same = (workdir / "batch-j1.jsonl").read_bytes() == (workdir / "batch-j2.jsonl").read_bytes()
    speedup = best[1] / best[2]
    return Row(
        "batch: 1,000 READMEs, -j 2 vs -j 1",
        speedup,
        "x",
        f">= {BATCH_MIN_SPEEDUP}",
        speedup >= BATCH_MIN_SPEEDUP and same,
        f"-j 1 {best[1]:.2f} s, -j 2 {best[2]:.2f} s ({size:.1f} MB; outputs "
        + ("identical)" if same else "DIFFER)"),
        {"j1_s": best[1], "j2_s": best[2]},
    )


# ---------------------------------------------------------------- report


def machine() -> dict[str, object]:
    import mistune

    import studyparse

    try:
        import mdformat

        mdformat_version = mdformat.__version__
    except ImportError:
        mdformat_version = "missing"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "usable_cpus": usable,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else [],
        "studyparse": studyparse.__version__,
        "mistune": mistune.__version__,
        "mdformat": mdformat_version,
    }


def table(rows: list[Row]) -> str:
    header = ("measure", "value", "target", "result", "detail")
    cells = [
        (
            row.name,
            "-" if row.value is None else f"{row.value:.2f} {row.unit}",
            row.target,
            row.result,
            row.detail,
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(4)]

    def line(values: Sequence[str]) -> str:
        padded = [v.ljust(w) for v, w in zip(values[:4], widths, strict=True)]
        return "| " + " | ".join([*padded, values[4]]) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|---|"
    return "\n".join([line(header), rule, *(line(c) for c in cells)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--json", default=str(ROOT / "benchmarks" / "results.json"), help="write results here"
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per measurement")
    parser.add_argument(
        "--refusals", action="store_true", help="only the normalize refusals of corpus/ (seconds)"
    )
    args = parser.parse_args(argv)
    if args.refusals:
        rows = normalize_refusals()
        print(table(rows))
        return 1 if any(row.passed is False for row in rows) else 0

    info = machine()
    print(
        f"machine: {info['platform']}, {info['processor']}, {info['cpus']} CPUs "
        f"({info['usable_cpus']} usable), Python {info['python']} ({info['implementation']}), "
        f"load average {info['load_average']}"
    )
    print(
        f"versions: studyparse {info['studyparse']}, mistune {info['mistune']}, "
        f"mdformat {info['mdformat']}"
    )
    texts = corpus_texts()
    readme = median_readme()
    rows: list[Row] = []

    def report(new: Row | list[Row]) -> None:
        for row in new if isinstance(new, list) else [new]:
            rows.append(row)
            print(f"  {row.name}: {row.result} {row.detail}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="studyparse-bench-") as tmp:
        workdir = Path(tmp)
        report(parse_throughput(texts, args.rounds))
        report(normalize_throughput(texts, args.rounds))
        report(latency(readme, LATENCY_RUNS, workdir))
        report(scaling(readme, max(3, args.rounds // 2)))
        big = big_readme(readme, workdir)
        report(peak_memory(big))
        report(command_memory(big_readme(readme, workdir, SMALL_INPUT_BYTES), big))
        report(normalize_refusals())
        report(parallel_headroom(max(2, args.rounds // 2)))
        report(batch(workdir, max(2, args.rounds // 2)))
    info["load_average_after"] = (
        [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else []
    )
    print()
    print(table(rows))
    failed = [row.name for row in rows if row.passed is False]
    missing = [row.name for row in rows if row.value is None]
    print()
    print(
        f"{len(failed)} failed, {len(missing)} not available"
        + (f": {', '.join(missing)}" if missing else "")
    )
    Path(args.json).write_text(
        json.dumps(
            {"machine": info, "rows": [asdict(row) | {"result": row.result} for row in rows]},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"results written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
