"""Hidden checks for `transformer_block`: the pre-norm residual forward pass."""
import torch
import torch.nn.functional as F

from checks.vision_models import reference
from harness.checking import assert_close, fact

EXERCISE = "transformer_block"
CASES = [(2, 8, 16, (3, 5, 8)), (4, 12, 24, (2, 7, 12)), (1, 6, 6, (1, 1, 6))]


def inputs():
    torch.manual_seed(9)
    cases = []
    for seed, (n_heads, dim, mlp_dim, shape) in enumerate(CASES):
        stand_in = {"weight": torch.randn(dim, dim) / dim ** 0.5, "bias": torch.randn(dim)}
        cases.append({"seed": seed, "n_heads": n_heads, "dim": dim, "mlp_dim": mlp_dim, "tokens": torch.randn(*shape),
                      "msa_stand_in": stand_in})
    return {"cases": cases}


def test_pre_norm_residual_forward(facts):
    """forward computes z' = msa(ln1(z)) + z, then mlp(ln2(z')) + z', keeping the shape (N, T, dim)"""
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"TransformerBlock({case['n_heads']}, {case['dim']}, {case['mlp_dim']})"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        state = result["state"]
        msa = lambda x: F.linear(x, state["msa.weight"], state["msa.bias"])  # noqa: E731
        expected = reference.pre_norm_block(case["tokens"], state, msa)
        assert_close(result["output"], expected, f"the output of {label} for tokens of shape {tuple(case['tokens'].shape)}")


def test_keeps_the_shape(facts):
    """the output has the shape of the input, (N, T, dim)"""
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        if "error" in result:
            raise AssertionError(f"TransformerBlock raised {result['error']}")
        assert tuple(result["output"].shape) == tuple(case["tokens"].shape), \
            f"for tokens of shape {tuple(case['tokens'].shape)} the output has shape {tuple(result['output'].shape)}"
