"""Modules beside a notebook: released as student stubs, graded as submitted, filled by fixtures."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from harness import modules
from harness.proof import fill_definition

ROOT = Path(__file__).resolve().parent.parent

NETWORKS = '''"""Networks."""
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, channels):
        super().__init__()
        ### BEGIN SOLUTION
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        ### END SOLUTION

    def forward(self, x):
        ### BEGIN SOLUTION
        return self.conv(x) + x
        ### END SOLUTION


def width():
    ### BEGIN SOLUTION
    return 16
    ### END SOLUTION
'''


def nbgrader(course, *args):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}",
                           "--log-level=ERROR"], cwd=ROOT, env=env, capture_output=True, text=True)


def scratch_course(tmp_path, networks_text):
    folder = tmp_path / "source" / "lab"
    folder.mkdir(parents=True)
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "outputs": [], "source": "import networks",
                     "metadata": {"nbgrader": {"grade": False, "grade_id": "setup", "locked": True, "solution": False,
                                               "task": False, "schema_version": 3}}}],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                       "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}
    (folder / "lab.ipynb").write_text(json.dumps(nb))
    (folder / "networks.py").write_text(networks_text)
    (folder / "utils.py").write_text("def helper():\n    return 1\n")
    return tmp_path


def test_release_writes_student_versions_of_modules(tmp_path):
    """nbgrader generate_assignment releases each solution region as the notebook stub; other modules as they are"""
    course = scratch_course(tmp_path, NETWORKS)
    result = nbgrader(course, "generate_assignment", "lab", "--force")
    assert result.returncode == 0, result.stderr
    released = (course / "release" / "lab" / "networks.py").read_text()
    assert "SOLUTION" not in released and "nn.Conv2d(channels" not in released and "return 16" not in released
    assert released.count("        # YOUR CODE HERE\n        raise NotImplementedError()") == 2
    assert released.count("\n    # YOUR CODE HERE\n    raise NotImplementedError()\n") == 1
    compile(released, "networks.py", "exec")
    assert (course / "release" / "lab" / "utils.py").read_text() == "def helper():\n    return 1\n"


def test_release_fails_rather_than_leak_an_unclosed_region(tmp_path):
    """a module whose solution region is not closed stops the release; no instructor module reaches release/"""
    course = scratch_course(tmp_path, NETWORKS.replace("        ### END SOLUTION\n\n    def forward", "\n    def forward"))
    result = nbgrader(course, "generate_assignment", "lab", "--force")
    released = course / "release" / "lab" / "networks.py"
    assert result.returncode != 0 or not released.exists() or "nn.Conv2d(channels" not in released.read_text()
    assert not released.exists() or "SOLUTION" not in released.read_text()


def test_fixture_fills_only_the_named_definition():
    """a fixture replaces the solution regions of its class or method, and nothing else"""
    filled = fill_definition(NETWORKS, "Block.forward", ["return self.conv(x)"], "fixture")
    assert "        return self.conv(x)\n" in filled and "return self.conv(x) + x" not in filled
    assert "self.conv = nn.Conv2d(channels, channels, 3, padding=1)" in filled and "return 16" in filled
    filled = fill_definition(NETWORKS, "Block", ["self.conv = nn.Identity()", "return x"], "fixture")
    assert "        self.conv = nn.Identity()\n" in filled and "        return x\n" in filled
    compile(filled, "networks.py", "exec")


def test_submitted_module_links_and_huge_files_are_not_read(tmp_path):
    """the grader copies a submitted module only if it is a regular file of sensible size (no link to grader files)"""
    secret = tmp_path / "reference.py"
    secret.write_text("ANSWER = 42\n")
    (tmp_path / "networks.py").symlink_to(secret)
    (tmp_path / "solver.py").write_bytes(b"#" * (modules.MAX_MODULE_BYTES + 1))
    (tmp_path / "utils.py").write_text("x = 1\n")
    assert modules.read_submitted(tmp_path / "networks.py") is None
    assert modules.read_submitted(tmp_path / "solver.py") is None
    assert modules.read_submitted(tmp_path / "missing.py") is None
    assert modules.read_submitted(tmp_path / "utils.py") == b"x = 1\n"


def test_module_names_reserved_by_the_grader_are_refused(tmp_path):
    """an assignment cannot ship a module that would replace the grader's own worker files"""
    (tmp_path / "probes.py").write_text("")
    try:
        modules.module_names(tmp_path)
    except ValueError as error:
        assert "probes.py" in str(error)
    else:
        raise AssertionError("probes.py was accepted as a course module")


def test_autograde_keeps_the_students_modules():
    """nbgrader's autograde overwrites submitted files with the instructor's, except the student modules"""
    config = {}
    exec(compile((ROOT / "nbgrader_config.py").read_text(), "nbgrader_config.py", "exec"),
         {"__file__": str(ROOT / "nbgrader_config.py"), "get_config": lambda: _Config(config)})
    for folder in (ROOT / "source").iterdir():
        if folder.is_dir():
            expected = [p.name for p in sorted(folder.glob("*.py")) if "### BEGIN SOLUTION" in p.read_text()]
            assert config["Autograde"]["exclude_overwriting"][folder.name] == expected


class _Config:
    """Just enough of a traitlets config to read nbgrader_config.py's settings."""

    def __init__(self, store, path=()):
        self.__dict__["_store"], self.__dict__["_path"] = store, path

    def __getattr__(self, name):
        return _Config(self._store.setdefault(name, {}), self._path + (name,))

    def __setattr__(self, name, value):
        self._store[name] = value
