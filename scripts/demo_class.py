"""The instructor pipeline on a demo class, offline, with real nbgrader commands.

    python scripts/demo_class.py            (after `make setup`; `make demo` does both)

1. release: nbgrader generate_assignment from source/;
2. submissions in submitted/: the full solution, the untouched release, and students built from
   the grader's mutants and alternatives (tests/checks/<assignment>/);
3. nbgrader autograde, generate_feedback, export (demo/grades.csv);
4. a per-student, per-exercise table in the terminal, demo/scores_per_exercise_<assignment>.png,
   and the TAs' marking guide (demo/marking_guide_<assignment>.md).
Safe to re-run: every step overwrites its own output.
"""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from harness import proof  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import marking_guide  # noqa: E402

OUT = ROOT / "demo"
# The class: student id -> who they are.
CLASS = {
    "ada": "the full solution",
    "ben": "the untouched release",
    "cai": "typical mistakes",
    "dee": "other correct solutions, a few mistakes",
    "eve": "code that breaks the grader's process",
}
# What each student submits per assignment: fixtures applied to the reference, or "release".
# Every student hands in the reference checkpoints. A real student trains theirs with their own model,
# so the demo's model mistakes are ones that do not change what a trained checkpoint computes.
SUBMISSIONS = {
    "fundamentals": {
        "ada": [],
        "ben": "release",
        "cai": ["dropout-no_rescaling", "run_epoch-gradients_during_eval", "fit_early_stopping-ties_improve"],
        "dee": ["batchnorm-manual_variance", "resnet32-stage_loop", "residual_block-relu_before_addition",
                "train_resnet-untrained_weights"],
        "eve": ["dropout-exits_the_process"],
    },
    "training": {
        "ada": [],
        "ben": "release",
        "cai": ["bn_backward-no_mu_path", "capacity-counts_buffers", "solver_train-scheduler_every_batch"],
        "dee": ["residual_block-sequential_branches", "solver_test-indices_and_softmax",
                "resnet_budget-over_budget_16_32_64"],
        "eve": ["solver_train-syntax_error"],
    },
    "vision_models": {
        "ada": [],
        "ben": "release",
        "cai": ["attention_head-softmax_over_queries", "resnet-stage3_not_strided", "lr_decay-gamma_half"],
        "dee": ["attention_head-einsum", "transformer_block-accumulate", "vit-select", "pos_enc_cached-sin_cos_swapped",
                "vit_training-untrained_weights"],
        "eve": ["cnn_strides-kills_the_kernel"],
    },
    "self_attention": {
        "ada": [],
        "ben": "release",
        "cai": ["attention-softmax_over_queries", "early_attention-attention_before_relu", "q3_ranking-variance_as_std"],
        "dee": ["attention-einsum_positions_last", "double_attention-helper", "resnet10_attention-after_layer3",
                "q3_ranking-two_runs_per_model"],
        "eve": ["attention-grades_itself"],
    },
    "light_vit": {
        "ada": [],
        "ben": "release",
        "cai": ["patches-no_size_check", "pos_embed-trainable", "classifier-softmax", "train_mnist-untrained_weights"],
        "dee": ["patches-unfold", "mhsa-einsum_stacked", "cls_token-zeros", "lightvit-no_checks",
                "fmnist_lr_sweep-best_epoch_overall"],
        "eve": ["fmnist_lr_sweep-segfault"],
    },
}


def nbgrader(*args):
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "nbgrader", *args, "--log-level=ERROR"], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - started


def submit(assignment):
    for student, plan in SUBMISSIONS[assignment].items():
        folder = ROOT / "submitted" / student / assignment
        shutil.rmtree(folder, ignore_errors=True)
        if plan == "release":
            proof.write_submission(folder, assignment, notebook=proof.release_notebook(assignment), files={})
        else:
            fixtures = [fixture(assignment, name) for name in plan]
            proof.write_submission(folder, assignment, fixtures)
        (folder / "timestamp.txt").write_text("2026-11-20 12:00:00.000000 UTC")


def fixture(assignment, name):
    """A mutant or alternative of the grader's proof, or one kept for the demo (scripts/demo_fixtures/)."""
    demo_only = ROOT / "scripts" / "demo_fixtures" / f"{name}.py"
    return proof.read_fixture(demo_only, "mutant") if demo_only.exists() else proof.fixture_named(assignment, name)


def grade_table(assignment):
    """{student: {exercise: (score, max)}} from the gradebook."""
    from nbgrader.api import Gradebook
    table = {}
    with Gradebook(f"sqlite:///{ROOT / 'gradebook.db'}", "dlcv") as gb:
        for student in CLASS:
            notebook = gb.find_submission_notebook(assignment, assignment, student)
            row = {}
            for grade in notebook.grades:
                name = grade.name[: -len("_tests")] if grade.name.endswith("_tests") else grade.name
                row[name] = (None if grade.needs_manual_grade else grade.score, grade.max_score,
                             grade.name.endswith("_tests"))
            table[student] = row
    return table


def print_table(assignment, table):
    exercises = list(next(iter(table.values())))
    width = max(len(e) for e in exercises) + 2
    print(f"\n{assignment}: points per exercise (written answers: '-' until a TA grades them)")
    print(" " * width + "".join(f"{s:>7}" for s in table) + "    max")
    for ex in exercises:
        cells = []
        for student in table:
            score = table[student][ex][0]
            cells.append(f"{'-' if score is None else f'{score:.3g}':>7}")
        print(f"{ex:<{width}}" + "".join(cells) + f"{table[next(iter(table))][ex][1]:>7g}")
    totals = [sum(v[0] or 0 for v in table[s].values()) for s in table]
    print(f"{'total so far':<{width}}" + "".join(f"{t:>7.4g}" for t in totals))


def plot(assignment, table, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    exercises = [ex for ex, (_, _, autograded) in next(iter(table.values())).items() if autograded]
    fig, ax = plt.subplots(figsize=(max(8, len(exercises) * 0.9), 4.5))
    width = 0.8 / len(table)
    for k, student in enumerate(table):
        fractions = [(table[student][ex][0] or 0) / table[student][ex][1] if table[student][ex][1] else 0
                     for ex in exercises]
        ax.bar([i + k * width for i in range(len(exercises))], fractions, width, label=f"{student}: {CLASS[student]}")
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(exercises))], exercises, rotation=40, ha="right")
    ax.set_ylabel("fraction of the exercise's points")
    ax.set_title(f"{assignment}: autograded scores per exercise (written answers are graded by TAs)")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1, 1))
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main():
    from dlcv import data
    OUT.mkdir(exist_ok=True)
    print(data.describe_data(data.DATA_ROOT))
    for assignment in [a for a in proof.assignments() if a in SUBMISSIONS]:
        print(f"== {assignment}: release ({nbgrader('generate_assignment', assignment, '--force'):.1f} s)")
        proof.reference_files(assignment)
        submit(assignment)
        seconds = nbgrader("autograde", assignment, "--force")
        print(f"== {assignment}: autograde of {len(CLASS)} submissions: {seconds:.1f} s "
              f"({seconds / len(CLASS):.1f} s per submission)")
        print(f"== {assignment}: feedback ({nbgrader('generate_feedback', assignment, '--force'):.1f} s)")
        table = grade_table(assignment)
        print_table(assignment, table)
        plot(assignment, table, OUT / f"scores_per_exercise_{assignment}.png")
        marking_guide.main([assignment])
    nbgrader("export", "--to", str(OUT / "grades.csv"))
    print(f"\nGrades: {OUT / 'grades.csv'}; plots: {OUT}/scores_per_exercise_*.png; feedback: feedback/<student>/")


if __name__ == "__main__":
    main()
