"""Hidden checks for `run_epoch`: one pass, training with updates or evaluation without gradients."""
import torch
import torch.nn as nn

from checks.fundamentals import reference
from harness.checking import fact

EXERCISE = "run_epoch"
N, BATCH, LR = 10, 4, 0.5  # batches of 4, 4 and 2: the last one is smaller


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm1d(4)
        self.linear = nn.Linear(4, 3)

    def forward(self, x):
        return self.linear(self.bn(x))


def inputs():
    torch.manual_seed(23)
    model = Model()
    with torch.no_grad():
        model.bn.running_mean.normal_(), model.bn.running_var.uniform_(0.5, 2)
        model.linear.weight.mul_(3)
    return {"state": model.state_dict(), "x": torch.randn(N, 4) * 2, "y": torch.randint(0, 3, (N,)),
            "batch_size": BATCH, "lr": LR}


def batches():
    data = inputs()
    return [(data["x"][i:i + BATCH], data["y"][i:i + BATCH]) for i in range(0, N, BATCH)]


def expected(train):
    model = Model()
    model.load_state_dict(inputs()["state"])
    return reference.run_epoch(model, LR, batches(), train)


def case(facts, name):
    result = fact(facts, name)
    if "error" in result:
        what = "run_epoch(model, None, loader, train=False)" if name == "eval_none" else \
            f"run_epoch(model, optimizer, loader, train={name == 'train'})"
        raise AssertionError(f"{what} raised {result['error']}")
    return result


def test_eval_mode_without_gradients(facts):
    """with train=False every forward pass runs in evaluation mode with gradient tracking off"""
    for name in ("eval_none", "eval_optimizer"):
        log = case(facts, name)["log"]
        assert log, "the model was never called"
        assert not any(training for _, training in log), "with train=False the model should be in evaluation mode (model.eval())"
        assert not any(grad for grad, _ in log), \
            "with train=False gradient tracking should be off for the whole pass (torch.no_grad() or set_grad_enabled)"


def test_eval_changes_nothing(facts):
    """with train=False the weights and the batch-norm running statistics stay the same, and no gradients appear"""
    initial = inputs()["state"]
    for name in ("eval_none", "eval_optimizer"):
        result = case(facts, name)
        for key, value in initial.items():
            assert torch.equal(result["state"][key], value), f"evaluation changed {key} of the model"
        assert not any(result["grads"]), "evaluation computed gradients"


def test_eval_makes_no_optimizer_calls(facts):
    """with train=False the optimizer is never used, even when one is passed (optimizer may be None)"""
    calls = case(facts, "eval_optimizer")["calls"]
    assert not calls, f"with train=False the optimizer was called ({', '.join(sorted(set(calls)))})"


def test_eval_loss_and_accuracy(facts):
    """the loss is the mean cross-entropy per sample (uneven last batch) and the accuracy a fraction in [0, 1]"""
    loss, accuracy, _ = expected(False)
    for name in ("eval_none", "eval_optimizer"):
        result = case(facts, name)
        assert 0 <= result["accuracy"] <= 1, f"the accuracy should be a fraction in [0, 1], got {result['accuracy']}"
        assert abs(result["accuracy"] - accuracy) < 1e-9, f"the accuracy is {result['accuracy']:.4f}, expected {accuracy:.4f}"
        assert abs(result["loss"] - loss) < 1e-5, \
            f"the loss is {result['loss']:.5f}, expected {loss:.5f} (the mean per sample, batches weighted by their size)"


def test_training_pass(facts):
    """with train=True the model trains: training mode, gradients on, one zero_grad and one step per batch"""
    result = case(facts, "train")
    assert all(training for _, training in result["log"]), "with train=True the model should be in training mode"
    assert all(grad for grad, _ in result["log"]), "with train=True gradients should be tracked"
    assert result["calls"].count("step") == 3 and result["calls"].count("zero_grad") == 3, \
        f"3 batches should give 3 zero_grad and 3 step calls, got {result['calls']}"
    loss, accuracy, state = expected(True)
    assert abs(result["loss"] - loss) < 1e-5 and abs(result["accuracy"] - accuracy) < 1e-9, \
        f"the training pass reports loss {result['loss']:.5f} and accuracy {result['accuracy']:.3f}, expected {loss:.5f} and {accuracy:.3f}"
    for key, value in state.items():
        assert torch.allclose(result["state"][key].double(), value.double(), atol=1e-5), f"after training {key} is not as expected"
