"""The results file the notebook saves (runs, table, ranking), read in the judge with weights_only=True."""
import math

from harness.checkpoints import load_saved

RESULTS = "results/ranking.pt"


def read_results(folder):
    saved = load_saved(folder, RESULTS, "run the training cells and the cell that saves the table")
    assert isinstance(saved, dict) and {"runs", "table", "ranking"} <= set(saved), \
        f"{RESULTS} should be a dict with 'runs', 'table' and 'ranking'"
    return saved


def runs_of(saved, name):
    """The logged test accuracies of one model, as finite floats in [0, 100]."""
    runs = saved["runs"].get(name, []) if isinstance(saved["runs"], dict) else []
    assert isinstance(runs, (list, tuple)), f"the runs of '{name}' should be a list of test accuracies"
    values = []
    for value in runs:
        value = float(value)
        assert math.isfinite(value) and 0 <= value <= 100, \
            f"'{name}' has a logged test accuracy of {value}, expected a percentage"
        values.append(value)
    return values
