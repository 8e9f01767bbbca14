"""Hidden checks for `lightvit`: patches -> linear_map -> class token -> + pos_embed -> blocks -> classify.

Every function and class of the other exercises is replaced by a correct stand-in, and each encoder block
by a simple token mixer, so only LightViT's own code is judged here.
"""
import torch

from checks.light_vit import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "lightvit"
CASES = [((1, 28, 28), {}, 2), ((3, 32, 32), {"n_patches": 8, "n_blocks": 3, "d": 12, "n_heads": 3, "num_classes": 5}, 2),
         ((2, 12, 8), {"n_patches": 4, "n_blocks": 1, "d": 6, "num_classes": 4}, 3)]


def inputs():
    torch.manual_seed(17)
    return {"cases": [{"seed": i, "image_dim": dim, "kwargs": kwargs, "images": torch.randn(n, *dim)}
                      for i, (dim, kwargs, n) in enumerate(CASES)],
            "invalid": [((1, 28, 28), {"n_patches": 5}), ((1, 28, 21), {"n_patches": 4}),
                        ((1, 28, 28), {"d": 8, "n_heads": 3})]}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"LightViT({case['image_dim']}{''.join(f', {k}={v}' for k, v in case['kwargs'].items())})"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def test_blocks(facts):
    """blocks is an nn.ModuleList of n_blocks ViTEncoder(d, n_heads)"""
    for case, result, label in cases(facts):
        n_blocks = case["kwargs"].get("n_blocks", 2)
        structure = result["structure"]
        assert structure["blocks_type"] == "ModuleList" and structure["blocks"] == ["TokenMixer"] * n_blocks, \
            f"{label}: self.blocks should be an nn.ModuleList of {n_blocks} ViTEncoder blocks, got " \
            f"{structure['blocks_type']} {structure['blocks']}"


def test_forward_order(facts):
    """the logits are classify(blocks(prepend(linear_map(patches(images))) + pos_embed)), the blocks in order"""
    for case, result, label in cases(facts):
        kwargs = dict({"n_patches": 7, "n_blocks": 2}, **case["kwargs"])
        expected = reference.lightvit_with_stand_ins(case["images"], result["state"], kwargs["n_patches"],
                                                     kwargs["n_blocks"])
        assert_close(result["output"], expected, f"the logits of {label}")


def test_rejects_invalid_settings(facts):
    """image sizes not divisible by n_patches, or d not divisible by n_heads, raise ValueError"""
    assert fact(facts, "invalid") == ["ValueError"] * 3, \
        f"LightViT should raise ValueError for an invalid n_patches or n_heads, got {fact(facts, 'invalid')}"


def test_runs_on_another_device(facts):
    """the logits are on the device of the images"""
    assert_on_other_device(facts, "the logits of LightViT((1, 28, 28))", (2, 10))
