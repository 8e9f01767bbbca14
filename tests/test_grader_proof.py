"""The hidden checks are right: reference full, release zero, mutants caught, alternatives accepted."""
import pytest

from harness import proof

@pytest.mark.parametrize("assignment", proof.assignments())
def test_checks_are_proven(assignment, tmp_path):
    table, problems = proof.run(assignment, tmp_path)
    proof.TABLES.append(proof.format_table(assignment, table))
    assert not problems, "\n".join(problems)
    for exercise, row in table.items():
        assert row["mutants"] >= 3, f"{exercise}: at least three mutants are needed, found {row['mutants']}"
        assert row["alternatives"] >= 1, f"{exercise}: at least one alternative correct solution is needed"
