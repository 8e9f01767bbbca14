"""Hidden checks for `fmnist_lr_sweep`: the saved sweep table, the plot, the selection on validation, the saved model.

Graded from what the student's code saved (``checkpoints/fmnist_sweep.pt``, ``checkpoints/lightvit_fmnist.pt``) and
from the student's ``plot_sweep`` and ``select_best_lr`` run on tables chosen here. Weights as specified:
table 5, plot 5, selection 3, test accuracy 2.
"""
import pytest
import torch

from checks.light_vit import reference
from checks.light_vit.test_train_mnist import accuracy_of
from harness.checking import fact
from harness.checkpoints import load_saved

EXERCISE = "fmnist_lr_sweep"
CHECKPOINT = "checkpoints/lightvit_fmnist.pt"
TABLE = "checkpoints/fmnist_sweep.pt"
EPOCHS = 5
# Fashion-MNIST test accuracy of the saved model. Real data: the specification's 60 % on all 10,000 test images.
# Synthetic stand-in, calibrated on all of its 1,000 test images: the reference sweep (5 short epochs on 1,600
# training images per lr, lr 1e-2 selected) reaches 45 %, untrained weights 10 %; 30 % separates the two.
THRESHOLD = {"real": 0.60, "synthetic": 0.30}
# Tables for select_best_lr: the best final epoch differs from the best epoch overall and from the best mean.
TABLES = [
    {0.01: [70.0, 75.0, 81.0, 79.0, 78.0], 0.001: [60.0, 70.0, 74.0, 77.0, 79.5], 0.0001: [30.0, 40.0, 45.0, 50.0, 52.0]},
    {0.01: [60.0, 61.0, 62.0, 63.0, 64.0], 0.001: [50.0, 55.0, 58.0, 60.0, 62.0], 0.0001: [20.0, 30.0, 40.0, 50.0, 66.0]},
]
SELECTED = [0.001, 0.0001]


def read_table(folder):
    saved = load_saved(folder, TABLE, "the sweep cell saves it with torch.save")
    assert isinstance(saved, dict) and isinstance(saved.get("sweep_results"), dict), \
        f"{TABLE} should hold a dict with 'sweep_results'"
    return saved["sweep_results"]


def read_checkpoint(folder):
    checkpoint = load_saved(folder, CHECKPOINT, "the sweep cell saves it with torch.save")
    assert isinstance(checkpoint, dict) and set(checkpoint) == {"lr", "state_dict"}, \
        f"{CHECKPOINT} should be a dict with exactly 'lr' and 'state_dict'"
    return checkpoint


@pytest.fixture(scope="module")
def measured(submission):
    """The probe's facts (plot, selections, predictions of the saved model), with the saved state if readable."""
    try:
        state = read_checkpoint(submission.folder)["state_dict"]
    except AssertionError as exc:
        state, reason = None, str(exc)
    else:
        reason = None
    value, kind, facts = accuracy_of(submission, EXERCISE, state, "FashionMNIST", reference.FMNIST_MEAN_STD,
                                     {"tables": TABLES})
    if state is None:
        value, kind = reason, None
    return facts, value, kind


@pytest.mark.weight(5)
def test_sweep_table(submission):
    """the saved sweep table has the validation accuracies (percent) of 5 epochs for each of the lrs 1e-2, 1e-3, 1e-4"""
    table = read_table(submission.folder)
    assert sorted(table) == sorted(reference.SWEEP_LRS), \
        f"sweep_results should have the keys {sorted(reference.SWEEP_LRS)}, got {sorted(table)}"
    for lr, values in table.items():
        values = [float(v) for v in values]
        assert len(values) == EPOCHS, f"sweep_results[{lr:g}] has {len(values)} values, expected one per epoch ({EPOCHS})"
        assert all(0 <= v <= 100 for v in values) and max(values) > 1, \
            f"sweep_results[{lr:g}] should hold validation accuracies in percent, got {values}"


@pytest.mark.weight(5)
def test_plot(measured):
    """plot_sweep draws one line per lr (validation accuracy against epochs 1-5), with a legend naming each lr,
    axis labels and a title"""
    facts = measured[0]
    plot = fact(facts, "plot")
    assert plot["is_figure"], "plot_sweep should return the matplotlib figure"
    table = TABLES[0]
    for ax in plot["axes"]:
        curves = {tuple(line["y"]): line for line in ax["lines"]}
        found = [curves.get(tuple(values)) for values in table.values()]
        if not all(found):
            continue
        for lr, line in zip(table, found):
            assert line["x"] == [1.0, 2.0, 3.0, 4.0, 5.0], f"the curve of lr {lr:g} should be drawn against epochs 1 to 5"
        assert ax["legend"] and all(any(f"{lr:g}" in text or repr(lr) in text or f"{lr:.0e}" in text
                                        for text in ax["legend"]) for lr in table), \
            f"the legend should name each learning rate, it reads {ax['legend']}"
        assert ax["xlabel"].strip() and ax["ylabel"].strip() and ax["title"].strip(), \
            "the validation-accuracy panel needs axis labels and a title"
        return
    raise AssertionError("no panel of the figure shows the validation accuracy of every learning rate as a line")


@pytest.mark.weight(3)
def test_selection_on_validation(submission, measured):
    """select_best_lr picks the lr with the highest final-epoch validation accuracy, and the saved lr agrees with the
    saved sweep table"""
    facts = measured[0]
    for table, want, got in zip(TABLES, SELECTED, fact(facts, "selected")):
        if isinstance(got, dict):
            raise AssertionError(f"select_best_lr raised {got['error']}")
        assert got == want, f"for the sweep table {table}, select_best_lr returned {got}; the final-epoch validation " \
                            f"accuracy is highest for {want}"
    table = read_table(submission.folder)
    best = max(table, key=lambda lr: float(table[lr][-1]))
    saved = read_checkpoint(submission.folder)["lr"]
    assert saved == best, f"the saved model has lr {saved}, but the saved sweep table is best at the last epoch for {best}"


@pytest.mark.weight(2)
def test_saved_model_accuracy(measured):
    """the saved model reaches 60 % Fashion-MNIST test accuracy"""
    _, value, kind = measured
    if kind is None:
        raise AssertionError(value)
    assert value >= THRESHOLD[kind], \
        f"the saved model reaches {value:.1%} on the {kind} Fashion-MNIST test set; {THRESHOLD[kind]:.0%} is needed"
