"""The hidden checks are right: reference full, release zero, mutants caught, alternatives accepted."""
from pathlib import Path

import pytest

from harness import proof

DEMO_FIXTURES = Path(__file__).resolve().parent.parent / "scripts" / "demo_fixtures"


@pytest.mark.parametrize("assignment", proof.assignments())
def test_checks_are_proven(assignment, tmp_path):
    table, problems = proof.run(assignment, tmp_path)
    proof.TABLES.append(proof.format_table(assignment, table))
    assert not problems, "\n".join(problems)
    for exercise, row in table.items():
        assert row["mutants"] >= 3, f"{exercise}: at least three mutants are needed, found {row['mutants']}"
        assert row["alternatives"] >= 1, f"{exercise}: at least one alternative correct solution is needed"


def test_fork_server_workers_grade_as_fresh_ones(tmp_path):
    """The proof's faster workers give the verdicts, messages included, of the workers autograde starts,
    also for a cell that ends the process (the worker restarts without it) and a wrong exercise."""
    notebook = proof.write_submission(tmp_path, "fundamentals", [
        proof.read_fixture(DEMO_FIXTURES / "dropout-exits_the_process.py", "mutant"),
        proof.fixture_named("fundamentals", "run_epoch-gradients_during_eval")])
    fresh = proof.verdicts("fundamentals", notebook)
    assert fresh["dropout"][0] == 0 and fresh["run_epoch"][0] < 1 and fresh["resnet32"][0] == 1
    assert proof.verdicts_from_fork_server("fundamentals", notebook) == fresh
