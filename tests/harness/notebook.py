"""Reading nbgrader notebooks: which cells are exercises, tests and provided code."""
import json
import sys
from pathlib import Path

SLOW_TAG = "slow"  # data loading and training: run in Jupyter, never by the grader's worker


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def source(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def grading(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def is_test_cell(cell):
    meta = grading(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def exercise_of_test_cell(cell):
    """``cnn_batchnorm_tests`` -> ``cnn_batchnorm``; ``global_avg_pool_layer_tests`` -> ``global_avg_pool_layer``."""
    grade_id = grading(cell).get("grade_id", "")
    return grade_id[: -len("_tests")] if grade_id.endswith("_tests") else None


def cells_to_run(path):
    """The code cells the grader runs, in order: everything but test cells and slow cells."""
    cells = []
    for index, cell in enumerate(load(path).get("cells", [])):
        if cell.get("cell_type") != "code" or is_test_cell(cell):
            continue
        if SLOW_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        cells.append({"index": index, "grade_id": grading(cell).get("grade_id"), "source": source(cell)})
    return cells


def namespace_of(path):
    """Run a trusted notebook's cells (the instructor's own) in this process; returns its variables.

    Modules beside the notebook (networks.py, ...) are importable while the cells run."""
    folder = str(Path(path).resolve().parent)
    namespace = {"__name__": "__main__"}
    for module in Path(folder).glob("*.py"):
        sys.modules.pop(module.stem, None)  # not a module of the same name imported from elsewhere
    sys.path.insert(0, folder)
    try:
        for cell in cells_to_run(path):
            exec(compile(cell["source"], f"<cell {cell['index']}>", "exec"), namespace)
    finally:
        sys.path.remove(folder)
    return namespace
