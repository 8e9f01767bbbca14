"""Autograde wall time per submission, split into its parts; writes benchmarks/results/*.json.

    python scripts/benchmark.py [--repeats 3] [assignment ...]      (after `make setup`; or `make benchmark`)

For each assignment it grades the full reference solution with `nbgrader autograde` in a scratch
course, `repeats` times, and reports: the whole command (wall), the kernel's start, its first cell
(the imports), the whole notebook in the kernel, and the hidden checks (worker start + probes +
comparisons). A benchmark, not a test: nothing here passes or fails.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from harness import proof  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def nbgrader(course, *args, env=None):
    env = dict(os.environ, **(env or {}), PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run([sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course}", "--log-level=ERROR"],
                   cwd=ROOT, env=env, check=True)


def measure(assignment, repeats):
    runs = []
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        course = Path(tmp)
        shutil.copytree(ROOT / "source", course / "source")
        nbgrader(course, "generate_assignment", assignment, "--force")
        proof.write_submission(course / "submitted" / "student" / assignment, assignment)
        for _ in range(repeats):
            timings_file = course / "timings.jsonl"
            timings_file.unlink(missing_ok=True)
            started = time.perf_counter()
            nbgrader(course, "autograde", assignment, "--force", env={"GRADER_TIMINGS_FILE": str(timings_file)})
            wall = time.perf_counter() - started
            parts = {}
            for line in timings_file.read_text().splitlines():
                parts.update({k: v for k, v in json.loads(line).items() if k != "stage"})
            runs.append(dict(parts, autograde_wall_s=wall))
    summary = {key: round(statistics.median(run[key] for run in runs), 2) for key in runs[0]
               if isinstance(runs[0][key], float)}
    summary["slowest_cells"] = runs[-1].get("slowest_cells")
    # the checks run while the kernel does: the rest is nbgrader's own start-up and bookkeeping
    summary["nbgrader_other_s"] = round(summary["autograde_wall_s"] - max(summary["notebook_s"], summary["checks_s"]), 2)
    return {"assignment": assignment, "repeats": repeats, "median": summary, "runs": runs}


def measure_class(assignment, students):
    """Wall time of one autograde run over ``students`` copies of the reference, per submission."""
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        course = Path(tmp)
        shutil.copytree(ROOT / "source", course / "source")
        nbgrader(course, "generate_assignment", assignment, "--force")
        for k in range(students):
            proof.write_submission(course / "submitted" / f"student{k}" / assignment, assignment)
        started = time.perf_counter()
        nbgrader(course, "autograde", assignment, "--force")
        wall = time.perf_counter() - started
    return {"students": students, "wall_s": round(wall, 2), "per_submission_s": round(wall / students, 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--class-size", type=int, default=4)
    parser.add_argument("assignments", nargs="*", help="default: every assignment")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    for assignment in args.assignments or proof.assignments():
        result = dict(measure(assignment, args.repeats), machine=machine,
                      whole_class=measure_class(assignment, args.class_size))
        (RESULTS / f"autograde_{assignment}.json").write_text(json.dumps(result, indent=1))
        m, c = result["median"], result["whole_class"]
        print(f"{assignment}: `nbgrader autograde` of one submission: {m['autograde_wall_s']:.1f} s wall "
              f"(median of {args.repeats}). In the kernel: start {m['kernel_start_s']:.1f} s, imports "
              f"{m['first_cell_s']:.1f} s, whole notebook {m['notebook_s']:.1f} s. Hidden checks, alongside: "
              f"{m['checks_s']:.1f} s. nbgrader's own start-up and bookkeeping: {m['nbgrader_other_s']:.1f} s.")
        print(f"{assignment}: a class of {c['students']} in one autograde run: {c['wall_s']:.1f} s, "
              f"{c['per_submission_s']:.1f} s per submission")


if __name__ == "__main__":
    main()
