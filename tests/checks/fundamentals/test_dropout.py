"""Hidden checks for `dropout`: inverted dropout written with plain tensor operations."""
import torch

from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "dropout"
CASES = [(0.2, (20_000,)), (0.5, (40, 25, 20)), (0.7, (100, 200))]


def inputs():
    torch.manual_seed(11)
    return {"cases": [{"p": p, "seed": seed, "x": torch.rand(*shape) + 0.5, "upstream": torch.randn(*shape)}
                      for seed, (p, shape) in enumerate(CASES)]}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"Dropout({case['p']}) in training mode on an input of shape {tuple(case['x'].shape)}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        assert isinstance(result["output"], torch.Tensor) and result["output"].shape == case["x"].shape, \
            f"{label} should return a tensor of the input's shape"
        yield case, result, label


def test_drops_a_fraction_p(facts):
    """in training mode a fraction of about p of the entries is set to zero"""
    for case, result, label in cases(facts):
        kept = (result["output"] != 0).double().mean().item()
        assert abs(kept - (1 - case["p"])) < 0.02, \
            f"{label} keeps {kept:.1%} of the entries; with drop probability p it should keep about {1 - case['p']:.0%}"


def test_survivors_are_scaled(facts):
    """every surviving entry equals input / (1 - p)"""
    for case, result, label in cases(facts):
        keep = result["output"] != 0
        assert_close(result["output"][keep], case["x"][keep] / (1 - case["p"]), f"the surviving entries of {label}")


def test_fresh_independent_mask(facts):
    """each call draws a new mask, with independent entries (rows are not copies of each other)"""
    for case, result, label in cases(facts):
        first, second = result["output"] != 0, result["second"] != 0
        assert not torch.equal(first, second), f"{label}: two calls dropped exactly the same entries"
        rows = first.reshape(100, -1) if first.dim() == 1 else first
        same = (rows[1:] == rows[:1]).all(dim=0).double().mean().item()
        assert same < 0.5, f"{label}: the mask repeats along the batch; draw one independent value per entry"


def test_reproducible_with_manual_seed(facts):
    """the mask comes from torch's random number generator: torch.manual_seed reproduces it"""
    for case, result, label in cases(facts):
        assert torch.equal(result["output"].detach(), result["repeat"]), \
            f"{label}: after the same torch.manual_seed the mask differs; draw it with torch (not NumPy or random)"


def test_identity_in_eval_mode(facts):
    """in evaluation mode the input is returned unchanged"""
    for case, result, label in cases(facts):
        assert torch.equal(result["eval"], case["x"]), f"in evaluation mode Dropout({case['p']}) changes its input"


def test_gradient_is_mask_over_keep_probability(facts):
    """the gradient with respect to the input is M / (1 - p)"""
    for case, result, label in cases(facts):
        assert result["grad"] is not None, f"{label}: no gradient reaches the input"
        mask = (result["output"] != 0).double()
        assert_close(result["grad"], case["upstream"].double() * mask / (1 - case["p"]), f"the input gradient of {label}")


def test_dtype_preserved(facts):
    """the output has the dtype of the input (float64, bfloat16)"""
    for dtype, got in fact(facts, "dtypes").items():
        assert got == dtype, f"for a {dtype} input the output is {got}; build the mask in the input's dtype"


def test_no_builtin_dropout(facts):
    """neither nn.Dropout (any variant) nor F.dropout / torch.dropout is used"""
    for case, result, label in cases(facts):
        used = [name for name, count in result["calls"].items() if count]
        assert not used, f"{label} calls {', '.join(used)}; write dropout with tensor operations"
    layers = [name for name in fact(facts, "torch_layers") if "Dropout" in name]
    assert not layers, f"Dropout contains torch's {', '.join(layers)}; write dropout with tensor operations"


def test_runs_on_another_device(facts):
    """the mask is drawn on the input's device"""
    assert_on_other_device(facts, "the output of Dropout(0.5)", (20_000,))
