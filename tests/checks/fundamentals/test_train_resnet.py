"""Hidden check for `train_resnet`: the saved ResNet-32 reaches the test-accuracy thresholds.

The checkpoint ``checkpoints/resnet32_cifar10.pt`` (a state_dict) is loaded here with
``weights_only=True``; only its tensors and the test images travel into the sandbox, where they are
loaded with ``strict=True`` into ``resnet``, the network the student's own cells build, and
classify the images in eval mode (the labels never leave the grader).

Partial credit as specified: 15 points at >= 90 %, 8 at >= 85 %: two weighted checks (8 + 7).
"""
import pytest
import torch

from checks.fundamentals import reference
from harness.checking import fact
from harness.checkpoints import cifar10_test_set, load_saved
from harness.submission import ProbeFailed

EXERCISE = "train_resnet"
CHECKPOINT = "checkpoints/resnet32_cifar10.pt"
# Test accuracy needed for (full credit, partial credit). Real CIFAR-10: the specification's 90 % / 85 %
# on all 10,000 test images. Synthetic stand-in, calibrated: the reference ResNet-32 (3 epochs, about
# 60 s on 2 CPU cores) reaches 99.6 % on the first SYNTHETIC_IMAGES test images (99.5 % on all 1,000),
# untrained weights 12 %, and a trial run stopped after 2 of the 3 epochs about 58 %; 80 % / 70 % keep the
# same ordering: a finished run passes, an unfinished or wrong one does not.
THRESHOLD = {"real": (0.90, 0.85), "synthetic": (0.80, 0.70)}
SYNTHETIC_IMAGES = 250  # the synthetic check uses the first 250 of 1,000 test images (grading time)
FULL_POINTS, PARTIAL_POINTS = 15, 8
TIMEOUT_S = 600


def read_checkpoint(folder):
    state = load_saved(folder, CHECKPOINT, "the training cell saves it with torch.save")
    assert isinstance(state, dict) and all(isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in state.items()), \
        f"{CHECKPOINT} should hold resnet.state_dict() (a dict of tensors), got {type(state).__name__}"
    return state


@pytest.fixture(scope="module")
def accuracy(submission):
    """(test accuracy, data kind) of the saved network, or the reason it could not be measured."""
    from pathlib import Path
    try:
        state = read_checkpoint(Path(submission.folder))
    except AssertionError as exc:
        return str(exc), None
    images, labels, kind = cifar10_test_set()
    if kind == "synthetic":
        images, labels = images[:SYNTHETIC_IMAGES], labels[:SYNTHETIC_IMAGES]
    try:
        facts = submission.probe(EXERCISE, {"state_dict": state, "images": images, "mean": reference.CIFAR10_MEAN,
                                            "std": reference.CIFAR10_STD}, timeout=TIMEOUT_S)
    except ProbeFailed as failure:
        return f"rebuilding resnet and evaluating the checkpoint failed: {failure}", None
    if "load_error" in facts:
        return (f"{CHECKPOINT} does not fit the resnet your cells build (load_state_dict with strict=True): "
                f"{facts['load_error']}"), None
    try:
        predictions = fact(facts, "predictions")
    except AssertionError as exc:
        return str(exc), None
    if not (isinstance(predictions, torch.Tensor) and predictions.shape == labels.shape):
        return "the network did not give one prediction per test image", None
    return (predictions.long() == labels).double().mean().item(), kind


def reached(accuracy, tier):
    value, kind = accuracy
    if kind is None:
        raise AssertionError(value)
    needed = THRESHOLD[kind][tier]
    assert value >= needed, \
        f"the saved ResNet-32 reaches {value:.1%} test accuracy on the {kind} CIFAR-10 test set; this tier needs {needed:.0%}"


@pytest.mark.weight(PARTIAL_POINTS)
def test_saved_resnet_reaches_the_partial_threshold(accuracy):
    """the saved ResNet-32 reaches the partial-credit test accuracy (85 % on CIFAR-10: 8 of 15 points)"""
    reached(accuracy, 1)


@pytest.mark.weight(FULL_POINTS - PARTIAL_POINTS)
def test_saved_resnet_reaches_the_full_threshold(accuracy):
    """the saved ResNet-32 reaches the full-credit test accuracy (90 % on CIFAR-10: the other 7 points)"""
    reached(accuracy, 0)
