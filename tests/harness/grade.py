"""Grade one notebook with the hidden checks: per exercise, how many checks passed and why not.

    python -m harness.grade vision_models path/to/submission.ipynb   (run from tests/, or with PYTHONPATH=tests)

This is the same pytest run as ``pytest tests/checks/<assignment> --notebook ...``; a plugin
collects the verdicts per exercise instead of printing them.
"""
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .submission import PRESTARTED

CHECKS_DIR = Path(__file__).resolve().parent.parent / "checks"


@dataclass
class ExerciseResult:
    passed: int = 0
    total: int = 0
    failures: list = field(default_factory=list)  # (what is checked, what went wrong)
    earned: float = 0.0  # weights of the passed checks (each check weighs 1 unless marked)
    possible: float = 0.0

    @property
    def fraction(self):
        return self.earned / self.possible if self.possible else 0.0


class Collector:
    """A pytest plugin that groups check outcomes by the module's EXERCISE."""

    def __init__(self):
        self.results = {}

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        exercise = getattr(item.module, "EXERCISE", None)
        if exercise is None or not (report.when == "call" or (report.when == "setup" and report.failed)):
            return
        result = self.results.setdefault(exercise, ExerciseResult())
        weight = weight_of(item)
        result.total += 1
        result.possible += weight
        if report.passed:
            result.passed += 1
            result.earned += weight
        else:
            description = (item.function.__doc__ or item.name).strip().splitlines()[0]
            result.failures.append((description, _message(call.excinfo)))


def weight_of(item):
    """A check's share of its exercise's points: 1, or w with ``@pytest.mark.weight(w)`` (tiered thresholds)."""
    marker = item.get_closest_marker("weight")
    return float(marker.args[0]) if marker else 1.0


def _message(excinfo):
    if excinfo is None:
        return "failed"
    exc = excinfo.value
    text = str(exc).strip()
    if excinfo.errisinstance(AssertionError) or type(exc).__name__ in ("Failed", "ProbeFailed"):
        return text or "the check failed"
    return f"the grader could not check this ({type(exc).__name__}: {text})"


def grade(assignment, notebook, extra_args=()):
    """{exercise: ExerciseResult} for ``notebook`` graded by the checks of ``assignment``."""
    collector = Collector()
    # Options as single "--name=value" words, and no conftest.py from outside tests/: pytest must
    # never mistake a submission's folder for a test folder (and run a conftest.py shipped in it).
    root = CHECKS_DIR.parent.parent
    args = [str(CHECKS_DIR / assignment), f"--notebook={Path(notebook).resolve()}", f"--confcutdir={CHECKS_DIR.parent}",
            f"--rootdir={root}", "-c", str(root / "pytest.ini"),
            "-p", "no:terminal", "-p", "no:cacheprovider", "--capture=sys", "--assert=plain", *extra_args]
    try:
        status = pytest.main(args, plugins=[collector])
    finally:  # a worker started for this notebook but never used must not outlive the run
        unused = PRESTARTED.pop(str(Path(notebook).resolve()), None)
        if unused:
            unused.close()
    if status not in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED) or not collector.results:
        raise RuntimeError(f"the hidden checks of {assignment} could not run (pytest exit status {status!r})")
    return collector.results


def main(argv):
    assignment, notebook = argv[:2]
    results = grade(assignment, notebook)
    print(json.dumps({ex: {"passed": r.passed, "total": r.total, "failures": r.failures}
                      for ex, r in results.items()}, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
