"""nbgrader configuration for "Deep Learning for Computer Vision"."""
import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tests"))  # the grader package: tests/harness
# Every notebook, kernel and check reads the data sets from one folder (real or synthetic).
os.environ.setdefault("DLCV_DATA_ROOT", str(ROOT / "data"))

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, IgnorePattern,
                                    LimitOutput, SaveAutoGrades)
from nbconvert.preprocessors import ClearMetadataPreprocessor

from harness.modules import student_module_names
from harness.nbgrader_plugins import ClearModuleSolutions, HiddenChecks, SandboxedExecute

c = get_config()  # noqa: F821

# nbgrader 0.9's gradebook, on SQLAlchemy 2, warns on every first autograde of a student's submission
# ("Object of type <SubmittedAssignment> not in session ..."); the submission is stored correctly.
warnings.filterwarnings("ignore", message=r"Object of type <Submitted\w+> not in session")

c.CourseDirectory.course_id = "dlcv"
c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "tensorboard_logs", "data"]
c.CourseDirectory.max_file_size = 20_000  # kB: a submission may carry its checkpoints (each under 20 MB)

# Release: students see their stubs, never solutions, hidden tests or mark schemes.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# Modules beside a notebook (training/networks.py, solver.py) get the same treatment: their
# solution regions are replaced by the same stub in release/ (tests/harness/modules.py).
c.GenerateAssignment.preprocessors = GenerateAssignment().preprocessors + [ClearModuleSolutions]

# Autograde. The notebook runs in a sandboxed kernel (no training: cells check NBGRADER_EXECUTION);
# then the hidden checks grade every exercise outside the kernel and write their verdicts into the
# autograder cells, which nbgrader scores (partial credit = fraction of checks passed x points).
c.Execute.timeout = 300               # seconds per cell on a GPU grader; evaluation of a checkpoint included
c.SandboxedExecute.notebook_timeout = 1200   # seconds for the whole notebook
c.OverwriteCells.add_missing_cells = True    # a deleted grade cell comes back (and scores as its checks say)
# autograde replaces a submission's files by the instructor's, except the modules students write
c.Autograde.exclude_overwriting = {
    folder.name: student_module_names(folder) for folder in sorted((ROOT / "source").iterdir()) if folder.is_dir()
}
c.Autograde.autograde_preprocessors = [
    SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
    HiddenChecks, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]

# Feedback: nbgrader's default shows the whole test cell; ours never contains hidden tests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades", "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor", ClearHiddenTests,
]
