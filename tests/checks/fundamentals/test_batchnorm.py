"""Hidden checks for `batchnorm`: batch normalisation over (N, L) per channel, batch statistics only."""
import torch

from checks.fundamentals import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "batchnorm"
SHAPES = [(8, 2, 4), (4, 3, 5), (2, 1, 1), (1, 5, 7), (16, 6, 3)]


def inputs():
    torch.manual_seed(7)
    cases = []
    for shape in SHAPES:
        x = torch.randn(*shape) * 2 + 1
        x[:, -1] *= 1e-3  # one channel with a tiny variance: epsilon matters there
        c = shape[1]
        cases.append({"x": x, "gamma": 1 + 0.5 * torch.randn(c), "beta": torch.randn(c), "upstream": torch.randn(*shape)})
    return {"cases": cases}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"BatchNorm({case['x'].shape[1]}) on an input of shape {tuple(case['x'].shape)}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def expected(case):
    x = case["x"].double().requires_grad_(True)
    gamma = case["gamma"].double().requires_grad_(True)
    beta = case["beta"].double().requires_grad_(True)
    out = reference.batchnorm(x, gamma, beta)
    out.backward(case["upstream"].double())
    return out.detach(), x.grad, gamma.grad, beta.grad


def test_parameters(facts):
    """gamma (ones) and beta (zeros) are the only state, each of shape (C,): 2C trainable parameters, no buffers"""
    for channels, result in fact(facts, "structure").items():
        if "error" in result:
            raise AssertionError(f"BatchNorm({channels}) raised {result['error']}")
        params = result["parameters"]
        assert sorted(params) == ["beta", "gamma"], f"BatchNorm's parameters should be gamma and beta, got {sorted(params)}"
        assert params["gamma"][0] == [channels] and params["beta"][0] == [channels], \
            f"gamma and beta of BatchNorm({channels}) should have shape ({channels},)"
        assert torch.equal(params["gamma"][1], torch.ones(channels)) and torch.equal(params["beta"][1], torch.zeros(channels)), \
            "gamma should start at ones and beta at zeros"
        assert not result["buffers"], f"BatchNorm should keep no buffers (running statistics), has {result['buffers']}"


def test_training_output(facts):
    """in training mode the output equals torch's batch norm with batch statistics (biased variance, eps 1e-5 inside the root)"""
    for case, result, label in cases(facts):
        assert_close(result["output"], expected(case)[0], f"the output of {label}", atol=1e-4, rtol=0.02)


def test_eval_uses_batch_statistics(facts):
    """in evaluation mode the output is the same: batch statistics, no running estimates"""
    for case, result, label in cases(facts):
        assert_close(result["eval"], expected(case)[0], f"the output of {label} in evaluation mode", atol=1e-4, rtol=0.02)


def test_gradients(facts):
    """autograd gives the right gradients with respect to the input, gamma and beta"""
    for case, result, label in cases(facts):
        _, gx, gg, gb = expected(case)
        for name, got, want in (("input", result["grad_input"], gx), ("gamma", result["grad_gamma"], gg),
                                ("beta", result["grad_beta"], gb)):
            assert got is not None, f"{label}: no gradient reaches {name}"
            assert_close(got.reshape(want.shape), want, f"the gradient of {label} with respect to {name}",
                         atol=1e-3, rtol=0.02)


def test_no_library_normalisation(facts):
    """no nn.BatchNorm* layer and no F.batch_norm, torch.batch_norm, layer/instance/group norm"""
    for case, result, label in cases(facts):
        used = [name for name, count in result["calls"].items() if count]
        assert not used, f"{label} calls {', '.join(used)}; compute the statistics with tensor operations"
    for channels, result in fact(facts, "structure").items():
        layers = [n for n in result.get("torch_layers", []) if "Norm" in n]
        assert not layers, f"BatchNorm contains torch's {', '.join(layers)}; compute the statistics with tensor operations"


def test_dtype_and_device(facts):
    """the module runs in the input's dtype and on the input's device"""
    assert fact(facts, "float64") == "torch.float64", f"for a float64 input the output is {fact(facts, 'float64')}"
    assert_on_other_device(facts, "the output of BatchNorm(3)", SHAPES[1])
