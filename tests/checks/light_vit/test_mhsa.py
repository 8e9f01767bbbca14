"""Hidden checks for `mhsa`: per-head maps on consecutive slices, softmax(q k^T / sqrt(d_head)) v, heads concatenated.

The expected outputs come from an independent float64 computation with the student's own weights.
"""
import torch

from checks.light_vit import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "mhsa"
CASES = [(8, 2, (3, 50, 8)), (12, 3, (2, 7, 12)), (6, 1, (4, 5, 6)), (16, 4, (1, 9, 16)), (8, 4, (2, 1, 8))]


def inputs():
    torch.manual_seed(7)
    return {"cases": [{"seed": i, "d": d, "n_heads": h, "x": torch.randn(*shape), "upstream": torch.randn(*shape)}
                      for i, (d, h, shape) in enumerate(CASES)],
            "invalid": [(8, 3), (10, 4)]}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"MHSA({case['d']}, {case['n_heads']}) on sequences of shape {tuple(case['x'].shape)}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def weights(result):
    return {name[0]: result["maps"][name]["weights"] for name in ("q", "k", "v")}


def test_per_head_maps(facts):
    """q_mappings, k_mappings and v_mappings are ModuleLists of n_heads nn.Linear(d_head, d_head) with bias"""
    for case, result, label in cases(facts):
        d_head = case["d"] // case["n_heads"]
        for name, maps in result["maps"].items():
            want = [{"type": "Linear", "in_features": d_head, "out_features": d_head, "has_bias": True}] * case["n_heads"]
            got = [{key: l.get(key) for key in want[0]} for l in maps["layers"]]
            assert maps["type"] == "ModuleList" and got == want, \
                f"{label}: {name}_mappings should be an nn.ModuleList of {case['n_heads']} nn.Linear({d_head}, {d_head}), got {got}"
        expected = 3 * case["n_heads"] * (d_head + 1) * d_head
        assert result["trainable_parameters"] == expected, \
            f"{label}: {result['trainable_parameters']} trainable parameters, expected {expected} " \
            f"(each head has its own three maps)"


def test_output_is_multi_head_attention(facts):
    """the output is the concatenation over heads of softmax(q k^T / sqrt(d_head)) v, each head on its own slice"""
    for case, result, label in cases(facts):
        assert_close(result["output"], reference.mhsa(case["x"], weights(result), case["n_heads"]), f"the output of {label}")


def test_gradient_reaches_the_input(facts):
    """gradients flow back through queries, keys and values of every head to the input"""
    for case, result, label in cases(facts):
        x = case["x"].clone().double().requires_grad_(True)
        reference.mhsa(x, weights(result), case["n_heads"]).backward(case["upstream"].double())
        assert_close(result["input_grad"], x.grad, f"the gradient with respect to the input of {label}")


def test_no_builtin_attention(facts):
    """neither nn.MultiheadAttention nor F.scaled_dot_product_attention is used"""
    for case, result, label in cases(facts):
        used = [name for name, count in result["forbidden_calls"].items() if count]
        assert not used and "MultiheadAttention" not in result["module_types"], \
            f"{label} uses a built-in attention ({', '.join(used) or 'nn.MultiheadAttention'}); write it with matrix products"


def test_rejects_indivisible_width(facts):
    """MHSA(d, n_heads) raises ValueError when d is not divisible by n_heads"""
    assert fact(facts, "invalid") == ["ValueError", "ValueError"], \
        f"MHSA(8, 3) and MHSA(10, 4) should raise ValueError, got {fact(facts, 'invalid')}"


def test_runs_on_another_device(facts):
    """the output is on the device of the input"""
    assert_on_other_device(facts, "the output of MHSA(8, 2)", (3, 50, 8))
