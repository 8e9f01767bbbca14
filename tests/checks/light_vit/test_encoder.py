"""Hidden checks for `encoder`: pre-norm block with two residuals. MHSA is replaced by a stand-in (graded separately)."""
import torch

from checks.light_vit import reference
from harness.checking import assert_close, fact

EXERCISE = "encoder"
CASES = [(8, 2, (3, 50, 8)), (12, 3, (2, 6, 12))]


def inputs():
    torch.manual_seed(11)
    cases = []
    for i, (d, h, shape) in enumerate(CASES):
        cases.append({"seed": i, "d": d, "n_heads": h, "x": torch.randn(*shape),
                      "attention": {"linear.weight": torch.randn(d, d) / d ** 0.5, "linear.bias": torch.randn(d)},
                      "norm1": (torch.randn(d) * 0.3 + 1, torch.randn(d) * 0.3),
                      "norm2": (torch.randn(d) * 0.3 + 1, torch.randn(d) * 0.3)})
    return {"cases": cases}


def stand_in(state):
    def attention(x):
        return torch.nn.functional.linear(x, state["mhsa.linear.weight"], state["mhsa.linear.bias"]) \
            + x.mean(dim=1, keepdim=True)
    return attention


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"ViTEncoder({case['d']}, {case['n_heads']})"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def test_layers(facts):
    """norm1 and norm2 are nn.LayerNorm(hidden_d), and mhsa is built with MHSA(hidden_d, n_heads)"""
    assert fact(facts, "attention_type") == "StandInAttention", "self.mhsa should be MHSA(hidden_d, n_heads)"
    for case, result, label in cases(facts):
        for name, info in result["norms"].items():
            assert info["type"] == "LayerNorm" and info.get("normalized_shape") == [case["d"]], \
                f"{label}: self.{name} should be nn.LayerNorm({case['d']}), got {info['type']}"


def test_pre_norm_with_two_residuals(facts):
    """the output is out + mlp(norm2(out)) with out = x + mhsa(norm1(x))"""
    for case, result, label in cases(facts):
        state = result["state"]
        expected = reference.encoder(case["x"], state, stand_in(state))
        assert_close(result["output"], expected, f"the output of {label}")
