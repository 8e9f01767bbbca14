"""The hook that autograder cells call; the checks themselves live with the grader, not here."""
import os


def hidden_checks(exercise):
    """Mark where the grader's hidden checks for ``exercise`` are scored.

    The grader runs them outside the notebook, after it has executed, and writes the verdict
    into this cell's output. Run interactively, this only says so.
    """
    if os.environ.get("NBGRADER_EXECUTION") != "autograde":
        print(f"Hidden checks for '{exercise}' run when the notebook is graded.")
