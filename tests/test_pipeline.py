"""The whole instructor pipeline with real nbgrader commands, in a scratch course folder.

generate_assignment -> submissions -> autograde (sandboxed kernels + hidden checks) ->
generate_feedback -> export. Scores in the gradebook must match a direct run of the checks,
feedback must not show hidden tests, and a hostile submission must not change any grade.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import proof, sandbox
from harness.grade import grade

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = "vision_models"
AUTOGRADED_POINTS = 30.5

HOSTILE = f"""
import os, pathlib
report = []
for target in [{str(ROOT / 'tests' / 'checks')!r}, {str(ROOT / 'gradebook.db')!r}, '../../../gradebook.db']:
    try:
        os.listdir(target) if os.path.isdir(target) else open(target, 'rb').read(1)
        report.append(f'read {{target}}')
    except OSError:
        report.append(f'blocked {{target}}')
    try:
        open(os.path.join(target, 'owned') if os.path.isdir(target) else target, 'ab').write(b'x')
        report.append(f'wrote {{target}}')
    except OSError:
        report.append(f'blocked-write {{target}}')
pathlib.Path('escape_report.txt').write_text('\\n'.join(report))
""" + proof.fixture_named(ASSIGNMENT, "cnn_batchnorm-relu_before_batchnorm").code


def nbgrader(course, *args):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}",
                             "--log-level=WARN"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "source", course / "source")
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    submitted = course / "submitted"
    proof.write_submission(submitted / "full" / ASSIGNMENT, ASSIGNMENT)
    proof.write_submission(submitted / "untouched" / ASSIGNMENT, ASSIGNMENT,
                           notebook=course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", files={})
    mistakes = [proof.fixture_named(ASSIGNMENT, name) for name in ("attention_head-softmax_over_queries",
                                                                   "lr_decay-gamma_half")]
    proof.write_submission(submitted / "mistakes" / ASSIGNMENT, ASSIGNMENT, mistakes)
    hostile = proof.write_submission(submitted / "hostile" / ASSIGNMENT, ASSIGNMENT,
                                     [proof.Fixture(Path("x"), "mutant", "cnn_batchnorm", "", HOSTILE)])
    tamper_with_test_cells(hostile)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    nbgrader(course, "generate_feedback", ASSIGNMENT, "--force")
    nbgrader(course, "export", "--to", str(course / "grades.csv"))
    return course


def tamper_with_test_cells(path):
    """Delete one autograder cell and turn another into `pass` worth 100 points."""
    nb = json.loads(path.read_text())
    cells = []
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id == "resnet_tests":
            continue
        if grade_id == "cnn_batchnorm_tests":
            cell["source"] = "pass"
            cell["metadata"]["nbgrader"]["points"] = 100
        cells.append(cell)
    nb["cells"] = cells
    path.write_text(json.dumps(nb))


def gradebook_scores(course, student):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "dlcv") as gb:
        nb = gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
        return {g.name[: -len("_tests")]: (g.score, g.max_score) for g in nb.grades if g.name.endswith("_tests")}


def test_full_solution_earns_every_autograded_point(course):
    scores = gradebook_scores(course, "full")
    assert sum(s for s, _ in scores.values()) == pytest.approx(AUTOGRADED_POINTS)


def test_untouched_release_earns_nothing(course):
    assert all(score == 0 for score, _ in gradebook_scores(course, "untouched").values())


def test_gradebook_agrees_with_a_direct_run_of_the_checks(course):
    for student in ("full", "untouched", "mistakes"):
        folder = course / "submitted" / student / ASSIGNMENT
        direct = grade(ASSIGNMENT, folder / f"{ASSIGNMENT}.ipynb", [f"--folder={folder}"])
        for exercise, (score, maximum) in gradebook_scores(course, student).items():
            assert score == pytest.approx(round(direct[exercise].fraction * maximum, 4)), (student, exercise)


def test_mistakes_cost_only_their_exercises(course):
    scores = gradebook_scores(course, "mistakes")
    lost = {ex for ex, (score, maximum) in scores.items() if score < maximum}
    assert lost == {"attention_head", "lr_decay"}


def test_tampered_test_cells_are_restored_and_hostile_code_changes_nothing(course):
    scores = gradebook_scores(course, "hostile")
    assert "resnet" in scores and scores["resnet"][0] == scores["resnet"][1] == 6
    assert scores["cnn_batchnorm"][1] == 3 and scores["cnn_batchnorm"][0] < 3
    assert {ex for ex, (s, m) in scores.items() if s < m} == {"cnn_batchnorm"}
    assert not (ROOT / "tests" / "checks" / "owned").exists()
    assert not (course / "gradebook.db").read_bytes().endswith(b"x"), "the kernel wrote to the gradebook"
    if sandbox.available():  # the kernel saw none of the grader's or the course's files
        report = (course / "autograded" / "hostile" / ASSIGNMENT / "escape_report.txt").read_text()
        assert "read " not in report, report


def test_feedback_shows_verdicts_but_no_hidden_tests(course):
    html = (course / "feedback" / "mistakes" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "BEGIN HIDDEN TESTS" not in html and "hidden_checks(" not in html
    assert "Hidden checks for &#39;attention_head&#39;" in html or "Hidden checks for 'attention_head'" in html
    assert "the output of AttentionHead" in html  # says what differs, in the student's terms
    assert "reference." not in html and "def test_" not in html


def test_export_lists_every_student(course):
    with open(course / "grades.csv") as f:
        rows = list(csv.DictReader(f))
    assert {row["student_id"] for row in rows} == {"full", "untouched", "mistakes", "hostile"}


def test_autograde_grades_the_students_own_modules(tmp_path):
    """training: autograde keeps the submitted networks.py and solver.py, and a module mistake costs its exercise only"""
    assignment = "training"
    shutil.copytree(ROOT / "source", tmp_path / "source")
    nbgrader(tmp_path, "generate_assignment", assignment, "--force")
    folder = tmp_path / "submitted" / "student" / assignment
    proof.write_submission(folder, assignment, [proof.fixture_named(assignment, "residual_block-relu_before_add")])
    nbgrader(tmp_path, "autograde", assignment, "--force")
    graded = tmp_path / "autograded" / "student" / assignment
    for name in ("networks.py", "solver.py"):
        assert (graded / name).read_text() == (folder / name).read_text(), f"autograde replaced the student's {name}"
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}", "dlcv") as gb:
        nb = gb.find_submission_notebook(assignment, assignment, "student")
        scores = {g.name: (g.score, g.max_score) for g in nb.grades if g.name.endswith("_tests")}
    lost = {name for name, (score, maximum) in scores.items() if score < maximum}
    # the threshold cells grade the reference checkpoint with this student's (wrong) blocks
    assert lost - {"train_to_threshold_tests", "train_to_threshold_bonus_tests"} == {"residual_block_tests"}
    assert scores["capacity_tests"] == (2, 2) and scores["solver_train_tests"] == (7, 7)
