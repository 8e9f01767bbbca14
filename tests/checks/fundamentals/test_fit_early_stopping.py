"""Hidden checks for `fit_early_stopping`: early stopping on validation accuracy, best weights restored.

The probe replaces the notebook's run_epoch (graded separately) by a scripted one: each training epoch
writes its epoch number into every weight and buffer, and validation returns the scripted accuracy.
"""
from checks.fundamentals import reference
from harness.checking import fact

EXERCISE = "fit_early_stopping"
CASES = {
    "worked example": dict(val_accuracies=[0.30, 0.42, 0.42, 0.41, 0.40, 0.50, 0.60, 0.70], max_epochs=8, patience=3),
    "improvement resets the count": dict(val_accuracies=[0.5, 0.4, 0.6, 0.55, 0.58, 0.59, 0.3, 0.2], max_epochs=8, patience=3),
    "patience 1 with a tie": dict(val_accuracies=[0.5, 0.5, 0.7], max_epochs=3, patience=1),
    "always improving": dict(val_accuracies=[0.1, 0.2, 0.3, 0.4], max_epochs=4, patience=2),
    "last epochs without improvement": dict(val_accuracies=[0.1, 0.3, 0.2], max_epochs=3, patience=5),
}
SCHEDULER_OFF = "always improving"  # this one runs with lr_scheduler=None


def inputs():
    return {"cases": [dict(spec, scheduler=name != SCHEDULER_OFF) for name, spec in CASES.items()]}


def cases(facts, names=None):
    for (name, spec), result in zip(CASES.items(), fact(facts, "cases")):
        if names and name not in names:
            continue
        label = f"fit with validation accuracies {spec['val_accuracies'][:6]}..., patience {spec['patience']}, " \
                f"max_epochs {spec['max_epochs']}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        epochs, best = reference.fit_outcome(spec["val_accuracies"], spec["max_epochs"], spec["patience"])
        yield name, result, label, epochs, best


def epochs_run(result):
    return sum(event.endswith("train=True)") for event in result["events"])


def test_stops_after_patience_epochs_without_improvement(facts):
    """training stops after exactly `patience` epochs without a strict improvement of the validation accuracy"""
    for name, result, label, epochs, best in cases(facts, ["worked example", "improvement resets the count"]):
        assert epochs_run(result) == epochs, f"{label}: trained {epochs_run(result)} epochs, expected {epochs}"


def test_ties_are_not_improvements(facts):
    """an epoch that only ties the best validation accuracy counts as an epoch without improvement"""
    for name, result, label, epochs, best in cases(facts, ["patience 1 with a tie"]):
        assert epochs_run(result) == epochs, f"{label}: trained {epochs_run(result)} epochs, expected {epochs}"


def test_runs_to_max_epochs_without_stopping(facts):
    """without `patience` epochs lacking improvement, fit runs all max_epochs epochs"""
    for name, result, label, epochs, best in cases(facts, ["always improving", "last epochs without improvement"]):
        assert epochs_run(result) == epochs, f"{label}: trained {epochs_run(result)} epochs, expected {epochs}"


def test_each_epoch_trains_steps_and_validates(facts):
    """every epoch trains, steps the scheduler once (if there is one), then validates"""
    for name, result, label, epochs, best in cases(facts):
        step = ["scheduler.step"] if name != SCHEDULER_OFF else []
        want = (["run_epoch(train, train=True)"] + step + ["run_epoch(val, train=False)"]) * epochs
        got = result["events"]
        assert got[:len(want)] == want and len(got) == len(want), \
            f"{label}: the calls were {got[:8]}{'...' if len(got) > 8 else ''}; expected per epoch: " \
            "run_epoch on 'train', one scheduler step, run_epoch on 'val'"


def test_best_weights_restored(facts):
    """at the end the model holds the weights (and buffers) stored at the epoch with the best validation accuracy"""
    for name, result, label, epochs, best in cases(facts):
        marks = sorted({float(t.flatten()[0]) for t in result["state"].values()})
        assert marks == [float(best)], \
            f"{label}: the model ends with the weights of epoch(s) {marks}, expected those of epoch {best} " \
            "(a deep copy of state_dict() taken then, loaded after the loop)"


def test_never_touches_the_test_loader(facts):
    """fit never looks at dataloaders['test']"""
    for name, result, label, epochs, best in cases(facts):
        assert "dataloaders['test']" not in result["accesses"], f"{label}: fit used dataloaders['test']"


def test_returns_none(facts):
    """fit changes the model in place and returns None"""
    for name, result, label, epochs, best in cases(facts):
        assert result["returned_none"], f"{label}: fit should return None"
