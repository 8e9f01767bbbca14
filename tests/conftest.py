"""Shared pytest set-up: the hidden checks run against one notebook per assignment.

    pytest tests/checks/vision_models --notebook=path/to/submission.ipynb

Without --notebook the checks grade the reference submission: the instructor's notebook in
source/ with the reference checkpoints (trained once, cached in .grader_cache/).
"""
from pathlib import Path

import pytest

from harness.submission import ProbeFailed, open_submission

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--notebook", default=None, help="the notebook to grade (default: the source notebook)")
    parser.addoption("--folder", default=None, help="the submission's folder, for its files (default: the notebook's)")


def _assignment_of(path):
    parts = Path(path).resolve().relative_to(ROOT / "tests" / "checks").parts
    return parts[0]


@pytest.fixture(scope="session")
def submissions(request):
    """One running submission per assignment, started on first use."""
    opened = {}
    yield _SubmissionCache(request.config.getoption("--notebook"), request.config.getoption("--folder"), opened)
    for sub in opened.values():
        if not isinstance(sub, ProbeFailed):
            sub.close()


class _SubmissionCache:
    def __init__(self, notebook, folder, opened):
        self.notebook, self.folder, self.opened = notebook, folder, opened

    def get(self, assignment):
        if assignment not in self.opened:
            path, folder = self.notebook, self.folder
            if path is None:
                from harness import proof
                path = proof.write_submission(proof.GRADER_CACHE / "checks" / assignment, assignment)
            try:
                self.opened[assignment] = open_submission(path, assignment, folder)
            except ProbeFailed as failure:
                self.opened[assignment] = failure
        sub = self.opened[assignment]
        if isinstance(sub, ProbeFailed):
            pytest.fail(str(sub), pytrace=False)
        return sub


@pytest.fixture(scope="module")
def submission(request, submissions):
    return submissions.get(_assignment_of(request.module.__file__))


@pytest.fixture(scope="module")
def facts(request, submission):
    """What the exercise's probe measured on the student's code (one run per exercise)."""
    module = request.module
    make_inputs = getattr(module, "inputs", None)
    try:
        return submission.probe(module.EXERCISE, make_inputs() if make_inputs else {},
                                timeout=getattr(module, "TIMEOUT_S", 60.0))
    except ProbeFailed as failure:
        return {"probe_failed": str(failure)}


@pytest.fixture(autouse=True)
def _probe_must_have_run(request):
    if "facts" in request.fixturenames:
        facts = request.getfixturevalue("facts")
        if "probe_failed" in facts:
            pytest.fail(facts["probe_failed"], pytrace=False)


def pytest_terminal_summary(terminalreporter):
    """After `make test`: the grader's proof, one table per assignment."""
    from harness import proof
    for text in proof.TABLES:
        terminalreporter.write_sep("=", "grader proof")
        terminalreporter.write_line(text)
