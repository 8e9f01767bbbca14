"""Hidden checks for `attention_head`: softmax(Q K^T / sqrt(head_dim)) V with three linear maps."""
import torch

from checks.vision_models import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "attention_head"
CASES = [  # (input_dim, head_dim, token shape)
    (8, 4, (2, 5, 8)),
    (6, 3, (7, 6)),
    (16, 16, (2, 3, 4, 16)),
    (12, 5, (3, 1, 12)),
    (10, 2, (1, 9, 10)),
]


def inputs():
    torch.manual_seed(5)
    cases = []
    for seed, (input_dim, head_dim, shape) in enumerate(CASES):
        cases.append({"seed": seed, "input_dim": input_dim, "head_dim": head_dim, "tokens": torch.randn(*shape),
                      "upstream": torch.randn(*shape[:-1], head_dim)})
    return {"cases": cases}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"AttentionHead({case['input_dim']}, {case['head_dim']}) on tokens of shape {tuple(case['tokens'].shape)}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def test_projections_are_linear_maps(facts):
    """query, key and value are each nn.Linear(input_dim, head_dim) with bias"""
    for case, result, label in cases(facts):
        for name, layers in result["projections"].items():
            (layer,) = layers
            want = {"type": "Linear", "in_features": case["input_dim"], "out_features": case["head_dim"], "has_bias": True}
            got = {key: layer.get(key) for key in want}
            assert got == want, f"self.{name} should be nn.Linear({case['input_dim']}, {case['head_dim']}) with bias, got {got}"
        expected = 3 * (case["input_dim"] + 1) * case["head_dim"]
        assert result["trainable_parameters"] == expected, \
            f"{label}: {result['trainable_parameters']} parameters, expected {expected}"


def test_output_is_scaled_dot_product_attention(facts):
    """the output is softmax(Q K^T / sqrt(head_dim)) V, softmax over the keys, for 2-D, 3-D and 4-D tokens"""
    for case, result, label in cases(facts):
        expected = reference.attention(case["tokens"], result["weights"], case["head_dim"])
        assert_close(result["output"], expected, f"the output of {label}")


def test_gradient_reaches_the_tokens(facts):
    """gradients flow back through queries, keys and values to the tokens"""
    for case, result, label in cases(facts):
        tokens = case["tokens"].clone().double().requires_grad_(True)
        weights = {k: [t.double() for t in v] for k, v in result["weights"].items()}
        reference.attention(tokens, weights, case["head_dim"]).backward(case["upstream"].double())
        assert_close(result["input_grad"], tokens.grad, f"the gradient with respect to the tokens of {label}")


def test_no_builtin_attention(facts):
    """neither nn.MultiheadAttention nor F.scaled_dot_product_attention is used"""
    for case, result, label in cases(facts):
        used = [name for name, count in result["forbidden_calls"].items() if count]
        assert not used and "MultiheadAttention" not in result["module_types"], \
            f"{label} uses a built-in attention ({', '.join(used) or 'nn.MultiheadAttention'}); write it with matrix products"


def test_runs_on_another_device(facts):
    """the output is on the device of the tokens"""
    assert_on_other_device(facts, "the output of AttentionHead(8, 4)", (2, 5, 4))
