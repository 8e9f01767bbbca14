"""Hidden checks for `global_avg_pool_layer`: GlobalAvgPool2d averages over H and W."""
import torch

from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "global_avg_pool_layer"
SHAPES = [(2, 3, 4, 4), (5, 7, 3, 9), (1, 1, 1, 1), (3, 64, 8, 8)]


def inputs():
    torch.manual_seed(7)
    return {"xs": [torch.randn(*shape) for shape in SHAPES]}


def test_has_no_parameters(facts):
    """GlobalAvgPool2d has no parameters"""
    assert fact(facts, "parameters") == 0, "GlobalAvgPool2d should have no parameters"


def test_output_is_spatial_mean(facts):
    """the output is the mean over the last two dimensions, shape (N, C), for square and non-square inputs"""
    for x, out in zip(inputs()["xs"], fact(facts, "outputs")):
        if isinstance(out, dict):
            raise AssertionError(f"for an input of shape {tuple(x.shape)}: {out['error']}")
        assert_close(out, x.mean(dim=(2, 3)), f"GlobalAvgPool2d()(x) for x of shape {tuple(x.shape)}")


def test_gradient(facts):
    """gradients flow back through the pooling (each input gets 1/(H*W) of its output's gradient)"""
    x = inputs()["xs"][0].clone().requires_grad_(True)
    x.mean(dim=(2, 3)).pow(2).sum().backward()
    assert_close(fact(facts, "gradient"), x.grad, "the gradient of sum(pool(x)**2) with respect to x")


def test_runs_on_another_device(facts):
    """the output is on the input's device"""
    assert_on_other_device(facts, "the pooled output", (5, 7))
