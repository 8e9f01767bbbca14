"""release/ is exactly what `nbgrader generate_assignment` makes of source/, and holds no answers."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN MARK SCHEME",
           "END MARK SCHEME", "hidden_checks(")


def nbgrader(course_root, *args):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course_root}",
                    "--log-level=ERROR"], cwd=ROOT, env=env, check=True)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(ROOT / "source", course / "source")
    for assignment in ASSIGNMENTS:
        nbgrader(course, "generate_assignment", assignment, "--force")
    return course / "release"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_equals_regenerated_source(regenerated, assignment):
    committed = sorted(p.relative_to(ROOT / "release" / assignment)
                       for p in (ROOT / "release" / assignment).rglob("*") if p.is_file())
    fresh = sorted(p.relative_to(regenerated / assignment) for p in (regenerated / assignment).rglob("*") if p.is_file())
    assert committed == fresh, "release/ and a fresh generate_assignment hold different files: run `make release`"
    for rel in committed:
        a, b = (ROOT / "release" / assignment / rel).read_bytes(), (regenerated / assignment / rel).read_bytes()
        if rel.suffix == ".ipynb":
            a, b = json.loads(a), json.loads(b)
        assert a == b, f"release/{assignment}/{rel} is stale: run `make release` and commit it"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_no_solution_hidden_test_or_mark_scheme(assignment):
    for path in (ROOT / "release" / assignment).rglob("*"):
        if path.is_file() and path.suffix in {".ipynb", ".py", ".md", ".txt", ".json"}:
            text = path.read_text(errors="replace")
            for marker in MARKERS:
                assert marker not in text, f"{path.relative_to(ROOT)} contains '{marker}'"


def test_release_has_outputs_cleared_and_a_stub_per_solution():
    for assignment in ASSIGNMENTS:
        nb = json.loads((ROOT / "release" / assignment / f"{assignment}.ipynb").read_text())
        for cell in nb["cells"]:
            assert not cell.get("outputs"), f"{assignment}: a released cell has outputs"
            meta = cell["metadata"].get("nbgrader", {})
            if meta.get("solution") and cell["cell_type"] == "code":
                assert "raise NotImplementedError()" in "".join(cell["source"])


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_course_audit_is_clean(assignment):
    audit = ROOT.parent / "shared" / "tools" / "course_audit.py"
    if not audit.exists():
        pytest.skip("the course audit tool is not beside this checkout")
    result = subprocess.run([sys.executable, str(audit), str(ROOT), "--quiet", "--assignment", assignment],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_modules_are_stubs_that_hold_no_solution_line(assignment):
    """networks.py, solver.py, ...: every solution region is a stub, no line of it survives, the module compiles"""
    from harness.modules import student_module_names
    for name in student_module_names(ROOT / "source" / assignment):
        source = (ROOT / "source" / assignment / name).read_text()
        released = (ROOT / "release" / assignment / name).read_text()
        compile(released, name, "exec")
        assert released.count("raise NotImplementedError()") >= source.count("### BEGIN SOLUTION")
        inside, solution_lines = False, []
        for line in source.splitlines():
            if "### BEGIN SOLUTION" in line or "### END SOLUTION" in line:
                inside = "BEGIN" in line
            elif inside and len(line.strip()) >= 30 and not line.strip().startswith("#"):
                solution_lines.append(line.strip())
        for line in solution_lines:
            assert line not in released, f"release/{assignment}/{name} holds a solution line: {line[:60]}"
