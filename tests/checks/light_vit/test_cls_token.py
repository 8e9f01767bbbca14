"""Hidden checks for `cls_token`: a learnable (1, d) token, uniform on [0, 1), prepended at index 0."""
import torch

from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "cls_token"
DIMS = [8, 64]
SHAPES = [(3, 49, 8), (2, 5, 6), (1, 1, 4)]


def inputs():
    torch.manual_seed(3)
    return {"dims": DIMS, "cases": [{"token": torch.randn(1, s[-1]), "tokens": torch.randn(*s)} for s in SHAPES]}


def test_token_is_a_uniform_parameter(facts):
    """make_cls_token(d) is a trainable nn.Parameter of shape (1, d) with values drawn uniformly from [0, 1)"""
    for d, result in zip(DIMS, fact(facts, "made")):
        if "error" in result:
            raise AssertionError(f"make_cls_token({d}) raised {result['error']}")
        value = result["value"]
        assert result["is_parameter"] and result["requires_grad"], "the class token should be a trainable nn.Parameter"
        assert tuple(value.shape) == (1, d), f"make_cls_token({d}) has shape {tuple(value.shape)}, expected (1, {d})"
        assert value.min() >= 0 and value.max() < 1 and value.std() > 0.1, \
            "the class token should be initialised uniformly on [0, 1) (torch.rand)"


def test_prepended_at_index_0(facts):
    """prepend_cls_token(token, tokens) is the token followed by the sequence, for every sequence of the batch"""
    for case, result in zip(inputs()["cases"], fact(facts, "prepended")):
        label = f"prepend_cls_token for tokens of shape {tuple(case['tokens'].shape)}"
        if isinstance(result, dict):
            raise AssertionError(f"{label} raised {result['error']}")
        n, _, d = case["tokens"].shape
        expected = torch.cat([case["token"].expand(n, 1, d), case["tokens"]], dim=1)
        assert_close(result, expected, label, atol=0, rtol=0)


def test_gradient_reaches_the_token(facts):
    """the gradient reaches the class token (summed over the batch)"""
    case = inputs()["cases"][0]
    expected = 2 * case["token"].expand(case["tokens"].shape[0], 1, -1).sum(dim=0).reshape(1, -1)
    assert_close(fact(facts, "gradient"), expected, "the gradient of the class token")


def test_runs_on_another_device(facts):
    """the sequence is on the device of the tokens"""
    assert_on_other_device(facts, "the sequence with the class token", (3, 50, 8))
