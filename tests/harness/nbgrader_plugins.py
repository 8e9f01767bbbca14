"""nbgrader preprocessors of the course (configured in nbgrader_config.py).

``SandboxedExecute``  runs the student's notebook in a kernel that sees only its own folder, and
                      survives a kernel that dies or a notebook that runs out of time.
``HiddenChecks``      grades every exercise with the hidden checks, outside the kernel, and
                      writes each verdict into that exercise's autograder cell: feedback text
                      and a score (fraction of checks passed x the cell's points), which
                      nbgrader's SaveAutoGrades then records.
``ClearModuleSolutions``  at release, writes the student version of every module beside the
                      notebook that holds solution regions (harness/modules.py).
"""
import json
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ClearSolutions, Execute, NbGraderPreprocessor
from traitlets import Float

from . import modules
from . import notebook as nbtools
from . import sandbox
from .submission import prestart

CHECKS_DIR = Path(__file__).resolve().parent.parent / "checks"


class SandboxedKernelManager(AsyncKernelManager):
    """Starts the kernel inside the sandbox: it can write its own folder and nothing else."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        cwd = kw.get("cwd") or "."
        readable = [str(Path(self.connection_file).resolve())] + data_folders()  # the file, not its folder
        kernel_cmd = sandbox.command(kernel_cmd, writable=[Path(cwd).resolve()], readable=readable,
                                     network=True, gpu=sandbox.gpu_present())
        kw["stdout"] = subprocess.DEVNULL  # the kernel's start-up banner; errors still reach stderr
        return await super()._async_launch_kernel(kernel_cmd, **kw)


def data_folders():
    """The data sets (and only them) under the data root: read-only for the student's kernel."""
    root = Path(os.environ.get("DLCV_DATA_ROOT", "data")).resolve()  # set by nbgrader_config.py
    return [str(p) for p in root.iterdir() if p.is_dir()] if root.is_dir() else []


class SandboxedExecute(Execute):
    notebook_timeout = Float(1200, help="Seconds for the whole notebook; later cells are not run.").tag(config=True)

    def __init__(self, *args, **kwargs):
        kwargs["kernel_manager_class"] = SandboxedKernelManager
        super().__init__(*args, **kwargs)

    def preprocess(self, nb, resources=None, km=None):
        resources[PENDING_KEY] = start_hidden_checks(nb, resources)  # they run while the kernel does
        self._started = time.monotonic()
        self._stopped = None
        self._timings = {}
        result = super().preprocess(nb, resources, km)
        self._timings["notebook_s"] = time.monotonic() - self._started
        record_timings("kernel", self._timings)
        return result

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if "kernel_start_s" not in self._timings:
            self._timings["kernel_start_s"] = time.monotonic() - self._started
            first = time.monotonic()
            try:
                return self._run_cell(cell, resources, index)
            finally:
                self._timings["first_cell_s"] = time.monotonic() - first  # the imports
        return self._run_cell(cell, resources, index)

    def _run_cell(self, cell, resources, index):
        if self._stopped is None and time.monotonic() - self._started > self.notebook_timeout:
            self._stopped = f"the notebook ran longer than {self.notebook_timeout:g} s"
        if self._stopped:
            cell.outputs = [_error("NotRun", f"This cell was not run: {self._stopped}.")]
            return cell, resources
        started = time.monotonic()
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stopped = "the kernel stopped in an earlier cell"
            cell.outputs.append(_error("DeadKernel", "The kernel stopped while running this cell "
                                       "(exit(), a crash or too much memory); later cells were not run."))
            return cell, resources
        finally:
            cells = self._timings.setdefault("slowest_cells", [])
            cells.append([index, round(time.monotonic() - started, 2)])
            cells.sort(key=lambda c: -c[1])
            del cells[5:]


def record_timings(stage, timings):
    """Append timings to $GRADER_TIMINGS_FILE (the benchmark reads them)."""
    path = os.environ.get("GRADER_TIMINGS_FILE")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps(dict(timings, stage=stage)) + "\n")


def _error(name, message):
    return NotebookNode(output_type="error", ename=name, evalue=message, traceback=[f"{name}: {message}"])


class HiddenChecks(NbGraderPreprocessor):
    """Score each autograder cell from the hidden checks of its exercise.

    The checks need only the submitted code, not the kernel's outputs, so SandboxedExecute starts
    them (``start_hidden_checks``) while the kernel runs; this step collects their verdicts.
    """

    def preprocess(self, nb, resources):
        pending = resources.pop(PENDING_KEY, None) or start_hidden_checks(nb, resources)
        if pending is None:
            return nb, resources
        started = time.perf_counter()
        results = pending.result()
        self.log.info("Hidden checks of %s finished %.1f s after the notebook", resources["nbgrader"]["assignment"],
                      time.perf_counter() - started)
        for cell in nb.cells:
            exercise = nbtools.exercise_of_test_cell(cell) if nbtools.is_test_cell(cell) else None
            if exercise is None:
                continue
            points = float(cell.metadata["nbgrader"]["points"])
            result = results.get(exercise)
            if result is None:
                cell.outputs = [_error("NoChecks", f"No hidden checks were found for '{exercise}'.")]
                continue
            cell.outputs = [verdict(exercise, result, points)]
            cell.outputs.append(NotebookNode(output_type="execute_result", execution_count=None, metadata={},
                                             data={"text/plain": f"{round(result.fraction * points, 4):g}"}))
        return nb, resources


PENDING_KEY = "dlcv_hidden_checks"
_checks_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hidden-checks")


def start_hidden_checks(nb, resources):
    """Grade the submitted code in the background; a Future of {exercise: result}, or None."""
    assignment = resources["nbgrader"]["assignment"]
    if not (CHECKS_DIR / assignment).is_dir():
        return None
    # the code as submitted (test cells as released), before the kernel runs it
    tmp = tempfile.mkdtemp(prefix="graded-")
    path = Path(tmp) / f"{resources['nbgrader']['notebook']}.ipynb"
    path.write_text(json.dumps(nb))
    folder = submitted_folder(resources)  # files are read as submitted, not as the kernel may leave them
    prestart(path, assignment, folder)  # the sandboxed worker starts running the code right away

    def run():
        from .grade import grade
        started = time.perf_counter()
        try:
            results = grade(assignment, path, [f"--folder={folder}", "--capture=no", "-p", "no:timeout"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        record_timings("checks", {"checks_s": time.perf_counter() - started})
        return results
    return _checks_pool.submit(run)


def submitted_folder(resources):
    """submitted/<student>/<assignment>, beside autograded/<student>/<assignment> (nbgrader's layout)."""
    autograded = Path(resources["metadata"]["path"]).resolve()
    submitted = autograded.parents[2] / "submitted" / autograded.parent.name / autograded.name
    return str(submitted if submitted.is_dir() else autograded)


def verdict(exercise, result, points):
    """The feedback a student reads under an autograder cell."""
    lines = [f"Hidden checks for '{exercise}': {result.passed} of {result.total} passed "
             f"({round(result.fraction * points, 2):g} of {points:g} points)."]
    lines += [f"  - {what}: {why}" for what, why in result.failures]
    return NotebookNode(output_type="stream", name="stdout", text="\n".join(lines) + "\n")


class ClearModuleSolutions(NbGraderPreprocessor):
    """Release the student version of each module with solution regions (same markers, same stub).

    nbgrader has already copied the instructor's modules into the release folder; they are
    replaced here, before the notebook is written. Any failure fails the release, so that an
    instructor's module can never be released by accident.
    """

    def preprocess(self, nb, resources):
        source = Path(resources["metadata"]["path"]).resolve()
        coursedir = CourseDirectory(config=self.config)
        release = Path(coursedir.format_path(coursedir.release_directory, ".", resources["nbgrader"]["assignment"]))
        clearing = ClearSolutions(config=self.config)
        for name in modules.student_module_names(source):
            text = modules.clear_solutions((source / name).read_text(), clearing)
            assert modules.BEGIN_SOLUTION not in text, f"{name}: a solution region is not closed"
            target = release / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            target.write_text(text)
            self.log.info("Released the student version of %s", name)
        return nb, resources
