"""Hidden checks for `bn_backward`: batchnorm_backward gives autograd's gradients, without autograd."""
import torch

from checks.training import reference
from harness.checking import assert_close, fact

EXERCISE = "bn_backward"
SHAPES = [(16, 5, torch.float64), (2, 3, torch.float64), (7, 1, torch.float64), (33, 4, torch.float64),
          (12, 6, torch.float32)]


def inputs():
    torch.manual_seed(11)
    cases = []
    for n, d, dtype in SHAPES:
        cases.append({"x": (torch.randn(n, d) * 2 + 1).to(dtype), "gamma": torch.randn(d).to(dtype),
                      "beta": torch.randn(d).to(dtype), "dy": torch.randn(n, d).to(dtype), "eps": 1e-5})
    return {"cases": cases}


def results(facts):
    out = []
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"batchnorm_backward for N={case['x'].shape[0]}, D={case['x'].shape[1]} ({str(case['x'].dtype)[6:]})"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        assert len(result["outputs"]) == 3, f"{label} should return (dx, dgamma, dbeta), got {len(result['outputs'])} values"
        out.append((case, label, result))
    return out


def test_shapes(facts):
    """dx has the shape of x (N, D); dgamma and dbeta have shape (D,)"""
    for case, label, result in results(facts):
        n, d = case["x"].shape
        for name, got, want in zip(("dx", "dgamma", "dbeta"), result["outputs"], [(n, d), (d,), (d,)]):
            assert tuple(got.shape) == want, f"{label}: {name} should have shape {want}, got {tuple(got.shape)}"


def test_matches_autograd_in_float64(facts):
    """in float64, dx, dgamma and dbeta equal autograd's gradients within 1e-8 (N from 2, D from 1)"""
    for case, label, result in results(facts):
        if case["x"].dtype != torch.float64:
            continue
        expected = reference.batchnorm_gradients(case["x"], case["gamma"], case["beta"], case["dy"], case["eps"])
        for name, got, want in zip(("dx", "dgamma", "dbeta"), result["outputs"], expected):
            assert_close(got, want, f"{label}: {name}", atol=1e-8, rtol=0)


def test_float32(facts):
    """in float32 the gradients keep the dtype float32 and match autograd to float32 precision"""
    for case, label, result in results(facts):
        if case["x"].dtype != torch.float32:
            continue
        assert result["dtypes"] == ["torch.float32"] * 3, f"{label} returns dtypes {result['dtypes']}; keep float32"
        expected = reference.batchnorm_gradients(case["x"], case["gamma"], case["beta"], case["dy"], case["eps"])
        for name, got, want in zip(("dx", "dgamma", "dbeta"), result["outputs"], expected):
            assert_close(got, want, f"{label}: {name}", atol=1e-4, rtol=1e-4)


def test_no_autograd(facts):
    """batchnorm_backward uses explicit formulas: it never calls into autograd (backward, autograd.grad, torch.func)"""
    for case, label, result in results(facts):
        assert result["autograd_calls"] == 0, f"{label} used autograd; the exercise asks for the explicit formulas"
