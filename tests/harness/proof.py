"""The grader's proof: the reference earns full points, the untouched release none, every mutant
loses points on its own exercise only, every alternative earns full points.

Mutants and alternatives are fixtures beside the checks (tests/checks/<assignment>/mutants/,
.../alternatives/). Each file names its exercise in a header, then holds either what a student
writes in that exercise's solution cell, region by region (the code between BEGIN and END
SOLUTION; regions are separated by a line ``# --- next region ---``; for an exercise written in a
module, the regions inside its class or function, see MODULE_EXERCISES), or, for exercises graded
from a checkpoint, a ``make_checkpoint(trained)`` function that turns the reference checkpoint
into the submitted one (``None``: no file).

    python -m harness.proof [assignment ...]     (PYTHONPATH=tests) prints the per-exercise tables
"""
import hashlib
import importlib
import json
import multiprocessing
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import torch

from . import modules
from . import notebook as nbtools
from .grade import CHECKS_DIR, grade
from .submission import use_fork_server

ROOT = CHECKS_DIR.parent.parent
WORKERS = min(2, os.cpu_count() or 1)  # submissions graded side by side
GRADER_CACHE = ROOT / ".grader_cache"  # outside data/, which student kernels can read
CACHE_DIR = GRADER_CACHE / "reference"


NEXT_REGION = "# --- next region ---"
COURSE_ORDER = ["fundamentals", "training", "vision_models", "self_attention", "light_vit"]


def assignments():
    """The assignments that have a notebook and hidden checks, in course order."""
    return [a for a in COURSE_ORDER if source_notebook(a).exists() and (CHECKS_DIR / a).is_dir()]


@dataclass
class Fixture:
    path: Path
    kind: str          # "mutant" or "alternative"
    exercise: str
    description: str
    code: str
    whole_cell: bool = False  # the code replaces the whole cell, not only its solution regions

    @property
    def name(self):
        return self.path.stem

    @property
    def makes_checkpoint(self):
        return "def make_checkpoint(" in self.code


def read_fixture(path, kind):
    """A fixture file: its header (exercise, mistake or correct) and the code below it."""
    text = Path(path).read_text()
    header = dict(line[2:].split(": ", 1) for line in text.splitlines() if line.startswith("# ") and ": " in line[:40])
    code = "\n".join(line for line in text.splitlines() if not line.startswith(("# exercise:", "# mistake:", "# correct:")))
    return Fixture(Path(path), kind, header["exercise"], header.get("mistake") or header.get("correct", ""),
                   code.strip() + "\n")


def fixtures(assignment):
    return [read_fixture(path, kind) for kind, folder in (("mutant", "mutants"), ("alternative", "alternatives"))
            for path in sorted((CHECKS_DIR / assignment / folder).glob("*.py"))]


def source_notebook(assignment):
    return ROOT / "source" / assignment / f"{assignment}.ipynb"


def release_notebook(assignment):
    return ROOT / "release" / assignment / f"{assignment}.ipynb"


def reference_files(assignment, data_root=None):
    """{relative path: checkpoint} of a finished reference submission, trained once and cached."""
    from dlcv import data
    data_root = data_root or data.DATA_ROOT
    reference = importlib.import_module(f"checks.{assignment}.reference")
    if not hasattr(reference, "trained_files"):
        return {}
    # keyed by the notebook and the reference code: a change to either retrains
    key = hashlib.sha256(source_notebook(assignment).read_bytes() + Path(reference.__file__).read_bytes())
    cache = CACHE_DIR / assignment / key.hexdigest()[:16]
    index = cache / "files.json"
    if index.exists():
        return {rel: torch.load(cache / rel, weights_only=True) for rel in json.loads(index.read_text())}
    files = reference.trained_files(nbtools.namespace_of(source_notebook(assignment)), data_root)
    for rel, content in files.items():
        (cache / rel).parent.mkdir(parents=True, exist_ok=True)
        torch.save(content, cache / rel)
    index.write_text(json.dumps(sorted(files)))
    return files


def write_submission(folder, assignment, fixtures=(), notebook=None, files=None):
    """A submission folder: the reference notebook (or ``notebook``) and the modules beside it,
    with ``fixtures`` applied, and its files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    notebook = Path(notebook or source_notebook(assignment))
    nb = nbtools.load(notebook)
    texts = {name: (notebook.parent / name).read_text() for name in modules.module_names(source_notebook(assignment).parent)}
    # exercises written in a module: {exercise: (module, the class or function holding its solution regions)}
    in_modules = getattr(importlib.import_module(f"checks.{assignment}"), "MODULE_EXERCISES", {})
    files = dict(reference_files(assignment) if files is None else files)
    for fixture in ([fixtures] if isinstance(fixtures, Fixture) else fixtures):
        if fixture.makes_checkpoint:
            scope = {}
            exec(fixture.code, scope)
            made = {rel: scope["make_checkpoint"](content) for rel, content in files.items()}
            files = {rel: content for rel, content in made.items() if content is not None}
            continue
        if fixture.exercise in in_modules:
            name, qualname = in_modules[fixture.exercise]
            texts[name] = fill_definition(texts[name], qualname, fixture.code.split(NEXT_REGION), fixture.path.name)
            continue
        cells = [c for c in nb["cells"] if nbtools.grading(c).get("grade_id") == fixture.exercise]
        assert len(cells) == 1, f"{fixture.path.name}: no single solution cell '{fixture.exercise}'"
        cells[0]["source"] = fixture.code if fixture.whole_cell else fill_regions(
            nbtools.source(cells[0]), fixture.code.split(NEXT_REGION), fixture.path.name)
    path = folder / f"{assignment}.ipynb"
    path.write_text(json.dumps(nb, indent=1))
    for name, text in texts.items():
        (folder / name).write_text(text)
    for rel, content in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        torch.save(content, folder / rel)
    return path


def fill_definition(text, qualname, chunks, name):
    """A module's ``text`` with the solution regions inside ``qualname`` replaced by ``chunks``."""
    first, last = modules.definition_lines(text, qualname)
    lines = text.splitlines()
    filled = fill_regions("\n".join(lines[first - 1:last]), chunks, name)
    return "\n".join(lines[:first - 1] + filled.splitlines() + lines[last:]) + "\n"


def fill_regions(source, chunks, name):
    """``source`` with its solution regions replaced by ``chunks``, indented like the regions."""
    out, chunk, inside = [], 0, False
    for line in source.splitlines():
        if "### BEGIN SOLUTION" in line:
            assert chunk < len(chunks), f"{name}: the cell has more solution regions than the fixture"
            indent = line[: len(line) - len(line.lstrip())]
            out += [indent + row if row.strip() else "" for row in chunks[chunk].strip("\n").splitlines()]
            chunk, inside = chunk + 1, True
        elif "### END SOLUTION" in line:
            inside = False
        elif not inside:
            out.append(line)
    assert chunk == len(chunks), f"{name}: the fixture has {len(chunks)} regions, the cell {chunk}"
    return "\n".join(out) + "\n"


def fixture_named(assignment, name):
    (found,) = [f for f in fixtures(assignment) if f.name == name]
    return found


def scores(results):
    return {exercise: result.fraction for exercise, result in results.items()}


def run(assignment, workdir, only=None):
    """Grade the reference, the release and every fixture; returns (rows, problems)."""
    workdir = Path(workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    graded = {}
    reference_results = grade(assignment, write_submission(workdir / "reference", assignment))
    graded["reference"] = scores(reference_results)
    graded["release"] = scores(grade(assignment, write_submission(workdir / "release", assignment,
                                                                  notebook=release_notebook(assignment), files={})))
    problems = []
    exercises = sorted(graded["reference"])
    problems += [f"the reference loses points on {ex}" for ex in exercises if graded["reference"][ex] < 1]
    problems += [f"the untouched release earns points on {ex}" for ex in exercises if graded["release"].get(ex, 0) > 0]
    table = {ex: {"checks": 0, "mutants": 0, "killed": 0, "alternatives": 0, "passed": 0} for ex in exercises}
    for ex in exercises:
        table[ex]["checks"] = reference_results[ex].total
    # A code fixture is submitted with the reference checkpoint, which its student would not have
    # trained, and exercises graded from one checkpoint share it (a threshold and its bonus): the
    # other checkpoint exercises are left out of a fixture's "costs nothing else" check.
    from_checkpoint = getattr(importlib.import_module(f"checks.{assignment}"), "CHECKPOINT_EXERCISES", set())
    chosen = [f for f in fixtures(assignment) if not only or f.exercise in only]
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"),
                             initializer=use_fork_server) as pool:
        outcomes = pool.map(_grade_fixture, [(assignment, workdir, f) for f in chosen])
        for fixture, got in zip(chosen, outcomes):
            _tally(fixture, got, exercises, from_checkpoint, table, problems)
    return table, problems


def verdicts(assignment, notebook):
    """{exercise: (fraction of its points, its failed checks with their messages)}."""
    return {exercise: (result.fraction, result.failures) for exercise, result in grade(assignment, notebook).items()}


def verdicts_from_fork_server(assignment, notebook):
    """``verdicts`` with the proof's fork-server workers (in a fresh process, as the proof runs them)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=use_fork_server) as pool:
        return pool.submit(verdicts, assignment, notebook).result()


def _grade_fixture(job):
    assignment, workdir, fixture = job
    return scores(grade(assignment, write_submission(workdir / fixture.name, assignment, fixture)))


def _tally(fixture, got, exercises, from_checkpoint, table, problems):
    ignored = from_checkpoint - {fixture.exercise}
    others = [ex for ex in exercises if ex != fixture.exercise and ex not in ignored and got.get(ex, 0) < 1]
    row = table[fixture.exercise]
    own = got.get(fixture.exercise, 0)
    if fixture.kind == "mutant":
        row["mutants"] += 1
        if own < 1 and not others:
            row["killed"] += 1
        else:
            problems.append(f"mutant {fixture.name}: {fixture.exercise} scores {own:.2f}"
                            + (f", and it costs points on {', '.join(others)}" if others else ""))
    else:
        row["alternatives"] += 1
        if own == 1 and not others:
            row["passed"] += 1
        else:
            lost = [ex for ex in exercises if got.get(ex, 0) < 1 and ex not in ignored]
            problems.append(f"alternative {fixture.name} loses points on {', '.join(lost)}")


TABLES = []  # formatted tables of the proofs run by the tests, for pytest's summary


def format_table(assignment, table):
    lines = [f"{assignment}: {'exercise':<24} {'checks':>6} {'mutants killed':>15} {'alternatives passed':>20}"]
    for ex, row in sorted(table.items()):
        lines.append(f"{'':{len(assignment) + 2}}{ex:<24} {row['checks']:>6} {row['killed']:>7} / {row['mutants']:<5}"
                     f" {row['passed']:>11} / {row['alternatives']:<5}")
    return "\n".join(lines)


def main(argv):
    failed = False
    for assignment in argv or assignments():
        table, problems = run(assignment, GRADER_CACHE / "proof" / assignment)
        print(format_table(assignment, table))
        for problem in problems:
            print("PROBLEM", problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
