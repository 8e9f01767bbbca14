"""Hidden check for `vit_training`: the saved ViT clears the test-accuracy threshold.

The checkpoint ``checkpoints/vit_cifar10.pt`` is loaded here with ``weights_only=True`` and
only its tensors and config travel into the sandbox, where the student's own ``ViT`` class
is rebuilt from the config and scores the test images (the labels never leave the grader).
"""
import torch

from harness.checking import fact
from harness.checkpoints import cifar10_test_set, load_saved

EXERCISE = "vit_training"
CHECKPOINT = "checkpoints/vit_cifar10.pt"
CONFIG_KEYS = {"im_shape", "patch_size", "dim", "num_layers", "n_heads", "mlp_dim", "out_dim"}
# Test accuracy the saved ViT must exceed. Real CIFAR-10: the specification's 50 %. Synthetic
# stand-in, calibrated: the reference ViT (dim 32, 2 layers, 8 epochs on 4,500 images) reaches
# 77 %, untrained or mismatched weights about 10 %; 50 % separates the two as well.
THRESHOLD = {"real": 0.50, "synthetic": 0.50}
TIMEOUT_S = 600


def read_checkpoint(folder):
    checkpoint = load_saved(folder, CHECKPOINT, "save it with torch.save as the exercise says")
    assert isinstance(checkpoint, dict) and {"config", "state_dict"} <= set(checkpoint), \
        f"{CHECKPOINT} should be a dict with 'config' and 'state_dict'"
    config = checkpoint["config"]
    assert isinstance(config, dict) and set(config) == CONFIG_KEYS, \
        f"the saved config should have exactly the keys {sorted(CONFIG_KEYS)}, got {sorted(config) if isinstance(config, dict) else config}"
    assert config["out_dim"] == 10, f"out_dim is {config['out_dim']}, expected 10 classes"
    return checkpoint


def test_saved_vit_clears_the_threshold(submission):
    """the saved ViT, rebuilt from its config with your classes, classifies the test set above the threshold"""
    checkpoint = read_checkpoint(submission.folder)
    images, labels, kind = cifar10_test_set()
    from harness.submission import ProbeFailed
    try:
        facts = submission.probe(EXERCISE, {"config": checkpoint["config"], "state_dict": checkpoint["state_dict"],
                                            "images": images}, timeout=TIMEOUT_S)
    except ProbeFailed as failure:
        raise AssertionError(f"rebuilding ViT(**config) and loading the weights failed: {failure}") from None
    predictions = fact(facts, "predictions")
    assert isinstance(predictions, torch.Tensor) and predictions.shape == labels.shape, \
        "the model did not give one prediction per test image"
    accuracy = (predictions.long() == labels).double().mean().item()
    threshold = THRESHOLD[kind]
    assert accuracy > threshold, \
        f"the saved ViT reaches {accuracy:.1%} test accuracy on the {kind} CIFAR-10 test set; more than {threshold:.0%} is needed"
