"""The results file the notebook saves (runs, table, ranking), read in the judge with weights_only=True."""
import math
from pathlib import Path

import torch

RESULTS = "results/ranking.pt"
MAX_BYTES = 2 ** 20


def read_results(folder):
    path = Path(folder) / RESULTS
    assert path.is_file(), f"no results file at {RESULTS}: run the training cells and the cell that saves the table"
    assert path.stat().st_size < MAX_BYTES, f"{RESULTS} is larger than 1 MB; it should hold only numbers and names"
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise AssertionError(f"{RESULTS} cannot be loaded with torch.load(weights_only=True): "
                             f"{type(exc).__name__}: {str(exc)[:200]}") from None
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
