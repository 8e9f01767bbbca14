"""Hidden checks for `solver_train` (solver.py): Solver.train(num_epochs).

The probe trains a tiny recording classifier (its inputs carry their index) on 10 samples in batches
of 4 (the last batch has 2). The Solver's own test() is replaced by a scripted one, so that the
accuracies, and hence the best epoch, are known; tqdm's bars are replaced by a recording bar.
"""
import re

import torch
import torch.nn.functional as F

from harness.checking import fact

EXERCISE = "solver_train"
N, FEATURES, CLASSES, BATCH = 10, 3, 3, 4
CALLS_A = [2, 1]
SCRIPT_A = {"train": [21.5, 22.5, 23.5], "val": [61.5, 73.5, 55.5]}
CALLS_B = [2, 2]
SCRIPT_B = {"train": [11.0, 12.0, 13.0, 14.0], "val": [50.0, 70.0, 60.0, 65.0]}
SCRIPT_C = {"train": [1.0, 2.0, 3.0], "val": [40.0, 45.0, 35.0]}


def inputs():
    g = torch.Generator().manual_seed(4)
    features = torch.randn(N, FEATURES, generator=g) * 3
    x = torch.cat([torch.arange(N, dtype=torch.float32)[:, None], features], dim=1)
    y = torch.randint(0, CLASSES, (N,), generator=g)
    y[:CLASSES] = torch.arange(CLASSES)
    return {"x": x, "y": y, "batch_size": BATCH, "calls_a": CALLS_A, "script_a": SCRIPT_A, "calls_b": CALLS_B,
            "script_b": SCRIPT_B, "script_c": SCRIPT_C}


def epochs_of(forwards):
    """The training forward passes, grouped by epoch (each epoch sees N samples)."""
    groups, current = [], []
    for forward in forwards:
        current.append(forward)
        if sum(len(f["ids"]) for f in current) >= N:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def test_returns_none(facts):
    """train() returns None"""
    returned = fact(facts, "a")["returned"]
    assert returned == ["NoneType"] * len(CALLS_A), f"train() returns {returned}; it should return None"


def test_epoch_and_histories_grow_by_num_epochs(facts):
    """each call adds num_epochs to epoch and num_epochs entries to loss_history, train_acc and val_acc"""
    total = 0
    for epochs, after in zip(CALLS_A, fact(facts, "a")["after"]):
        total += epochs
        assert after["epoch"] == total, f"after train({CALLS_A[0]}) and train({CALLS_A[1]}), epoch should be " \
                                        f"{sum(CALLS_A)}; after {total} epochs it is {after['epoch']}"
        for key in ("loss_history", "train_acc", "val_acc"):
            assert len(after[key]) == total, f"after {total} epochs in all, {key} has {len(after[key])} entries"


def test_accuracies_come_from_test(facts):
    """after every epoch, train_acc gets self.test(data['train'], num_train_samples) and val_acc
    self.test(data['val'], num_val_samples)"""
    a = fact(facts, "a")
    assert a["asked"] == [["train", 3], ["val", 2]] * sum(CALLS_A), \
        f"per epoch, test() should be called on the training set with num_train_samples (3 here), then on the " \
        f"validation set with num_val_samples (2 here); it was called with {a['asked'][:4]}"
    after = a["after"][-1]
    assert after["train_acc"] == SCRIPT_A["train"] and after["val_acc"] == SCRIPT_A["val"], \
        "train_acc and val_acc should hold the values test() returned, in order"


def test_loss_history_is_mean_per_sample_loss(facts):
    """loss_history holds floats: the mean per-sample training loss of each epoch (the last batch is smaller)"""
    a = fact(facts, "a")
    state = a["initial_state"]
    data = inputs()
    with torch.no_grad():  # the probe trains with learning rate 0: the weights never change
        expected = F.cross_entropy(F.linear(data["x"][:, 1:], state["linear.weight"], state["linear.bias"]),
                                   data["y"]).item()
    after = a["after"][-1]
    assert after["loss_types"] == ["float"] * len(after["loss_types"]), \
        f"loss_history should hold Python floats, got {after['loss_types']}"
    for epoch, got in enumerate(after["loss_history"], start=1):
        assert abs(got - expected) < 1e-5, \
            f"loss_history[{epoch - 1}] is {got:.6f}, but the mean per-sample loss of that epoch is {expected:.6f}"


def test_training_mode_with_gradients(facts):
    """every training forward pass runs in train mode (self.model.train() in every epoch) with gradients"""
    for forward in fact(facts, "a")["forwards"]:
        assert forward["training"], "a training batch ran in eval mode: call self.model.train() at the start of every epoch"
        assert forward["grad"], "a training batch ran without gradients"


def test_every_sample_once_per_epoch_shuffled(facts):
    """every epoch visits each training sample once, in batches of batch_size, in a shuffled order"""
    groups = epochs_of(fact(facts, "a")["forwards"])
    assert len(groups) == sum(CALLS_A), f"{sum(CALLS_A)} epochs ran {len(groups)} passes over the training data"
    orders = []
    for group in groups:
        ids = [i for f in group for i in f["ids"]]
        assert sorted(ids) == list(range(N)), "an epoch should visit every training sample exactly once"
        assert [len(f["ids"]) for f in group] == [BATCH, BATCH, N - 2 * BATCH], \
            f"an epoch ran batches of sizes {[len(f['ids']) for f in group]}; expected batches of batch_size = {BATCH}"
        orders.append(ids)
    assert any(order != list(range(N)) for order in orders), "the training data is not shuffled (shuffle=True)"


def test_scheduler_stepped_once_per_epoch(facts):
    """a scheduler is stepped exactly once per epoch, after the epoch"""
    steps = fact(facts, "step_lr")
    epochs = len(SCRIPT_C["val"])
    assert len(steps) == epochs, f"in {epochs} epochs the scheduler was stepped {len(steps)} times"
    assert all(not args for args in steps), "StepLR should be stepped without arguments"


def test_plateau_stepped_with_validation_accuracy(facts):
    """ReduceLROnPlateau is stepped once per epoch with that epoch's validation accuracy"""
    steps = fact(facts, "plateau")
    assert [args[:1] for args in steps] == [[v] for v in SCRIPT_C["val"]], \
        f"ReduceLROnPlateau was stepped with {steps}; expected once per epoch with the validation accuracy " \
        f"{SCRIPT_C['val']}"


def test_best_validation_weights_restored_across_calls(facts):
    """after train() the model holds the weights of the epoch with the best validation accuracy seen by this
    Solver, across calls; best_val_acc is that accuracy"""
    b = fact(facts, "b")
    snapshots, finals = b["snapshots"], b["finals"]
    assert len(snapshots) == sum(CALLS_B), "the validation accuracy was not measured once per epoch"
    best = SCRIPT_B["val"].index(max(SCRIPT_B["val"]))  # epoch 2, in the first call
    for call, final in enumerate(finals, start=1):
        same = len(final) == len(snapshots[best]) and all(torch.equal(a, b) for a, b in zip(final, snapshots[best]))
        assert same, (f"after train() call {call}, the model should hold the weights of epoch {best + 1} "
                      f"(validation accuracies {SCRIPT_B['val']})")
    assert b["history"]["best_val_acc"] == max(SCRIPT_B["val"]), \
        f"best_val_acc is {b['history']['best_val_acc']}, expected {max(SCRIPT_B['val'])}"


def test_progress_bar_over_epochs(facts):
    """the epochs run under a tqdm.auto progress bar (trange(num_epochs))"""
    bars = fact(facts, "a")["bars"]
    assert len(bars) == len(CALLS_A), "train() should show a progress bar over the epochs: tqdm.auto.trange(num_epochs)"
    assert [bar["args"] for bar in bars] == [[n] for n in CALLS_A], \
        f"the progress bars run over {[bar['args'] for bar in bars]}; expected one over num_epochs per call"


NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def test_postfix_shows_loss_and_accuracies(facts):
    """every epoch, the bar's postfix shows the epoch loss, the training accuracy and the current validation accuracy"""
    a = fact(facts, "a")
    shown, current = [], None
    for kind, text in a["events"]:
        if kind == "epoch":
            current = []
            shown.append(current)
        elif current is not None:
            current.extend(float(v) for v in NUMBER.findall(text))
    loss = a["after"][-1]["loss_history"]
    assert len(shown) == sum(CALLS_A), "the epochs should be the iterations of the progress bar"
    for epoch, numbers in enumerate(shown):
        for what, value, tol in (("the epoch loss", loss[epoch], 6e-3), ("the training accuracy", SCRIPT_A["train"][epoch], 0.051),
                                 ("the current validation accuracy", SCRIPT_A["val"][epoch], 0.051)):
            assert any(abs(n - value) <= tol for n in numbers), \
                f"in epoch {epoch + 1} the postfix does not show {what} ({value:g})"
