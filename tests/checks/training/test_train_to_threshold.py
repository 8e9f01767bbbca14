"""Hidden checks for `train_to_threshold`: the saved ResNet reaches the target test accuracy.

``models/resnet_best.pt`` (written by ``Solver.save``) is loaded here with ``weights_only=True``; only
its ``model_state`` travels into the sandbox, where the submission's own ``networks.ResNet()`` is
built, checked against the budget, loaded with ``strict=True`` and run on the test images with
``eval_transform`` in eval mode. The labels never leave the grader. The bonus cell
(test_train_to_threshold_bonus.py) grades the same evaluation; it is measured once per submission.
"""
from pathlib import Path

import pytest
import torch

from harness.checking import fact
from harness.checkpoints import cifar10_test_set, load_saved

EXERCISE = "train_to_threshold"
CHECKPOINT = "models/resnet_best.pt"
BUDGET = 50_000
TIMEOUT_S = 600
# Test accuracy per tier (points 8, 15, 25; the bonus cell: 80 %). Real CIFAR-10: the specification's
# 60 / 65 / 70 % (bonus 80 %). Synthetic stand-in, calibrated: the reference ResNet (47,514 parameters,
# 2 epochs on 1,600 images, 25 s on 2 CPU cores) reaches 91 %, untrained or mismatched weights about
# 10 %; the specification's values separate the two as well, so they are kept.
TIERS = {"real": (0.60, 0.65, 0.70), "synthetic": (0.60, 0.65, 0.70)}
BONUS = {"real": 0.80, "synthetic": 0.80}

_measured = {}  # one evaluation per submission, shared with the bonus cell


def read_checkpoint(folder):
    checkpoint = load_saved(folder, CHECKPOINT, f"save it with solver.save('{CHECKPOINT}')")
    assert isinstance(checkpoint, dict) and isinstance(checkpoint.get("model_state"), dict), \
        f"{CHECKPOINT} should be written by Solver.save: a dict whose 'model_state' holds the model's state_dict()"
    return checkpoint


def accuracy(submission):
    """(test accuracy, "real" or "synthetic") of the saved model; a clear AssertionError when there is none."""
    key = (str(submission.notebook), str(submission.folder), submission.workdir)
    if key not in _measured:
        try:
            _measured.clear()
            _measured[key] = ("ok", _evaluate(submission))
        except AssertionError as exc:
            _measured[key] = ("failed", str(exc))
    status, value = _measured[key]
    if status == "failed":
        raise AssertionError(value)
    return value


def _evaluate(submission):
    checkpoint = read_checkpoint(submission.folder)
    images, labels, kind = cifar10_test_set()
    from harness.submission import ProbeFailed
    try:
        facts = submission.probe("train_to_threshold", {"model_state": checkpoint["model_state"], "images": images},
                                 timeout=TIMEOUT_S)
    except ProbeFailed as failure:
        raise AssertionError(f"building ResNet() and evaluating the checkpoint failed: {failure}") from None
    capacity = fact(facts, "capacity")
    assert capacity <= BUDGET, f"ResNet() has {capacity:,} trainable parameters, over the budget of {BUDGET:,}: no points"
    assert "load_error" not in facts, \
        f"the checkpoint's model_state does not fit ResNet() from networks.py (load_state_dict, strict=True): " \
        f"{facts.get('load_error', '')[:300]}"
    predictions = fact(facts, "predictions")
    assert isinstance(predictions, torch.Tensor) and predictions.shape == labels.shape, \
        "the model did not give one prediction per test image"
    return (predictions.long() == labels).double().mean().item(), kind


def check_tier(submission, tier):
    value, kind = accuracy(submission)
    threshold = TIERS[kind][tier]
    assert value >= threshold, \
        f"the saved ResNet reaches {value:.1%} test accuracy on the {kind} CIFAR-10 test set; this tier needs {threshold:.0%}"


@pytest.mark.weight(8)
def test_accuracy_at_least_60_percent(submission):
    """the saved ResNet (within budget, loaded strictly into ResNet()) reaches 60 % test accuracy (8 points)"""
    check_tier(submission, 0)


@pytest.mark.weight(7)
def test_accuracy_at_least_65_percent(submission):
    """the saved ResNet reaches 65 % test accuracy (15 points in all)"""
    check_tier(submission, 1)


@pytest.mark.weight(10)
def test_accuracy_at_least_70_percent(submission):
    """the saved ResNet reaches 70 % test accuracy (25 points in all)"""
    check_tier(submission, 2)
