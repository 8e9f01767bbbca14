"""Hidden checks for `patches`: row-major patches, each flattened in (C, h, w) order."""
import torch

from checks.light_vit import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "patches"
CASES = [((2, 1, 28, 28), 7), ((3, 3, 32, 32), 8), ((1, 2, 12, 8), 4), ((2, 3, 6, 9), 3)]


def inputs():
    torch.manual_seed(1)
    return {"cases": [{"images": torch.randn(*shape), "n": n} for shape, n in CASES],
            "invalid": [(torch.randn(1, 1, 28, 28), 5), (torch.randn(1, 1, 12, 10), 4)]}


def test_patch_values_and_order(facts):
    """patches(images, n) equals the row-major patches, each images[:, :, r*h:(r+1)*h, c*w:(c+1)*w] flattened"""
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"patches(images of shape {tuple(case['images'].shape)}, {case['n']})"
        if isinstance(result, dict):
            raise AssertionError(f"{label} raised {result['error']}")
        assert_close(result, reference.patches(case["images"], case["n"]), label, atol=0, rtol=0)


def test_keeps_dtype(facts):
    """the output keeps the input's dtype"""
    assert fact(facts, "dtype") == "torch.float64", f"for float64 images the patches are {fact(facts, 'dtype')}"


def test_rejects_indivisible_sizes(facts):
    """sizes not divisible by n_patches raise ValueError"""
    assert fact(facts, "invalid") == ["ValueError", "ValueError"], \
        f"for H or W not divisible by n_patches, patches should raise ValueError, got {fact(facts, 'invalid')}"


def test_runs_on_another_device(facts):
    """the patches are on the device of the images"""
    assert_on_other_device(facts, "the patches", (2, 49, 16))
