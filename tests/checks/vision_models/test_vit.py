"""Hidden checks for `vit`: embedding -> encoder -> class token -> cls_mlp.

The positional encoding and the encoder are replaced by simple stand-ins (they are graded in
their own exercises), so only ViT.forward is judged here.
"""
import torch

from checks.vision_models import reference
from harness.checking import assert_close, assert_on_other_device, assert_shape, fact

EXERCISE = "vit"
CONFIG = dict(im_shape=(3, 16, 8), patch_size=(4, 4), dim=12, num_layers=1, n_heads=2, mlp_dim=8, out_dim=7)


def inputs():
    torch.manual_seed(21)
    dim = CONFIG["dim"]
    return {"config": CONFIG, "images": torch.randn(3, 3, 16, 8),
            "encoder_stand_in": {"linear.weight": torch.randn(dim, dim) / dim ** 0.5, "linear.bias": torch.randn(dim)}}


def test_output_shape(facts):
    """the logits have shape (N, out_dim)"""
    assert_shape(fact(facts, "output"), (3, CONFIG["out_dim"]), "ViT(images) for 3 images and out_dim=7")


def test_classifies_the_class_token(facts):
    """the logits are cls_mlp(encoder(embedding(images))[:, 0]): the encoded class token at index 0"""
    expected = reference.vit_with_stand_ins(inputs()["images"], fact(facts, "state"), CONFIG["patch_size"])
    assert_close(fact(facts, "output"), expected, "ViT(images)")


def test_gradients_reach_every_part(facts):
    """gradients reach the class token, the patch projection, the encoder and cls_mlp"""
    missing = [name for name, reached in fact(facts, "gradients").items() if not reached]
    assert not missing, f"no gradient reaches {', '.join(missing)}"


def test_runs_on_another_device(facts):
    """the logits are on the device of the images"""
    assert_on_other_device(facts, "the logits", (3, CONFIG["out_dim"]))
