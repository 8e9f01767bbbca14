"""Hidden checks for `attention`: x + softmax(Q^T K / sqrt(C)) V over the H*W positions, from 1x1 convolutions."""
import pytest
import torch

from checks.self_attention import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "attention"
SHAPES = [(2, 4, 3, 3), (1, 8, 4, 4), (3, 6, 2, 2), (2, 5, 3, 4), (1, 3, 5, 2)]  # (N, C, H, W), then non-square


def inputs():
    torch.manual_seed(11)
    return {"cases": [{"seed": i, "x": 2 * torch.randn(*shape), "upstream": torch.randn(*shape)}
                      for i, shape in enumerate(SHAPES)],
            "device_x": torch.randn(2, 4, 3, 5)}


def cases(facts, square=None):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        shape = tuple(case["x"].shape)
        if square is not None and (shape[2] == shape[3]) != square:
            continue
        label = f"Attention({shape[1]}) on x of shape {shape}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


@pytest.mark.weight(8)
def test_projections_are_1x1_convolutions(facts):
    """conv_query, conv_key and conv_value are each Conv2d(C, C, kernel_size=1) with bias: 3(C^2 + C) parameters"""
    for case, result, label in cases(facts):
        C = case["x"].shape[1]
        for name, got in result["projections"].items():
            want = ["Conv2d", C, C, [1, 1], True]
            assert got == want, f"{label}: self.conv_{name} should be nn.Conv2d({C}, {C}, kernel_size=1) with bias"
        assert result["trainable_parameters"] == 3 * (C * C + C), \
            f"{label} has {result['trainable_parameters']} trainable parameters, expected {3 * (C * C + C)}"


@pytest.mark.weight(12)
def test_output_is_spatial_self_attention(facts):
    """on square maps, the output is x + softmax(Q^T K / sqrt(C)) V over the positions, softmax over the keys"""
    for case, result, label in cases(facts, square=True):
        expected = reference.attention(case["x"].double(), {k: [t.double() for t in v] for k, v in result["weights"].items()})
        assert_close(result["output"], expected, f"the output of {label}")


@pytest.mark.weight(4)
def test_gradient_reaches_the_input(facts):
    """gradients flow through queries, keys, values and the residual back to x"""
    for case, result, label in cases(facts):
        x = case["x"].clone().double().requires_grad_(True)
        reference.attention(x, {k: [t.double() for t in v] for k, v in result["weights"].items()}).backward(
            case["upstream"].double())
        assert_close(result["input_grad"], x.grad, f"the gradient with respect to x of {label}")


@pytest.mark.weight(4)
def test_no_builtin_attention(facts):
    """neither nn.MultiheadAttention nor F.scaled_dot_product_attention is used"""
    for case, result, label in cases(facts):
        used = [name for name, count in result["forbidden_calls"].items() if count]
        assert not used and "MultiheadAttention" not in result["module_types"], \
            f"{label} uses a built-in attention ({', '.join(used) or 'nn.MultiheadAttention'}); write the products yourself"


@pytest.mark.weight(6)
def test_residual_connection(facts):
    """with the value convolution set to zero the layer returns its input unchanged, in its shape"""
    for case, result, label in cases(facts):
        assert_close(result["residual_only"], case["x"], f"the output of {label} with a zero value map")


@pytest.mark.weight(3)
def test_non_square_maps(facts):
    """on non-square maps (H != W) the output is the same spatial self-attention"""
    for case, result, label in cases(facts, square=False):
        expected = reference.attention(case["x"].double(), {k: [t.double() for t in v] for k, v in result["weights"].items()})
        assert_close(result["output"], expected, f"the output of {label}")


@pytest.mark.weight(3)
def test_runs_on_another_device(facts):
    """the output is on the device of x, with the shape of x"""
    assert_on_other_device(facts, "the output of Attention(4)", (2, 4, 3, 5))
