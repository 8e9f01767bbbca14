"""Hidden checks for `residual_block` (networks.py): ResidualBlock(in_channels, out_channels, stride)."""
import torch

from checks.training import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "residual_block"
CASES = [((16, 16, 1), (2, 9, 9)), ((16, 32, 2), (3, 9, 7)), ((32, 40, 2), (2, 8, 8)), ((8, 8, 2), (2, 7, 7)),
         ((12, 6, 1), (2, 5, 6)), ((6, 6, 1), (4, 5, 5))]


def inputs():
    torch.manual_seed(5)
    cases = [{"args": args, "seed": i, "x": torch.randn(n, args[0], h, w)} for i, (args, (n, h, w)) in enumerate(CASES)]
    return {"cases": cases, "device_x": torch.randn(2, 8, 7, 7)}


def label(args):
    return "ResidualBlock({}, {}, stride={})".format(*args)


def cases(facts):
    out = []
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        if "error" in result:
            raise AssertionError(f"{label(case['args'])} raised {result['error']}")
        out.append((case, result))
    return out


def conv_settings(conv):
    return {k: conv.get(k) for k in ("in_channels", "out_channels", "kernel_size", "stride", "padding", "has_bias")}


def spec_conv(c_in, c_out, kernel, stride, padding):
    return {"in_channels": c_in, "out_channels": c_out, "kernel_size": [kernel, kernel], "stride": [stride, stride],
            "padding": [padding, padding], "has_bias": False}


def test_main_branch_layers(facts):
    """the first layers registered are Conv2d(in, out, 3, stride, padding=1, bias=False), BatchNorm2d(out),
    Conv2d(out, out, 3, 1, padding=1, bias=False), BatchNorm2d(out)"""
    for case, result in cases(facts):
        c_in, c_out, stride = case["args"]
        convs, bns = result["convs"], result["bns"]
        assert len(convs) >= 2 and len(bns) >= 2, \
            f"{label(case['args'])} has {len(convs)} Conv2d and {len(bns)} BatchNorm2d; the main branch needs two of each"
        for position, (got, want) in enumerate(zip(convs[:2], [spec_conv(c_in, c_out, 3, stride, 1),
                                                              spec_conv(c_out, c_out, 3, 1, 1)]), start=1):
            assert conv_settings(got) == want, \
                f"{label(case['args'])}: convolution {position} of the main branch is {conv_settings(got)}, expected {want}"
        for position, bn in enumerate(bns[:2], start=1):
            assert bn["num_features"] == c_out, \
                f"{label(case['args'])}: batch norm {position} has {bn['num_features']} features, expected {c_out}"


def test_projection_exactly_when_needed(facts):
    """a projection Conv2d(in, out, 1, stride, bias=False) + BatchNorm2d(out) exists exactly when stride != 1
    or in != out; the identity shortcut has no parameters"""
    for case, result in cases(facts):
        c_in, c_out, stride = case["args"]
        needed = reference.needs_projection(c_in, c_out, stride)
        convs, bns = result["convs"], result["bns"]
        want = 3 if needed else 2
        assert len(convs) == want and len(bns) == want, \
            (f"{label(case['args'])} has {len(convs)} Conv2d and {len(bns)} BatchNorm2d, expected {want} of each "
             + ("(a projection shortcut is needed)" if needed else "(the shortcut is the identity here)"))
        if needed:
            assert conv_settings(convs[2]) == spec_conv(c_in, c_out, 1, stride, 0), \
                f"{label(case['args'])}: the projection is {conv_settings(convs[2])}, expected a 1×1 convolution " \
                f"{c_in} -> {c_out} with stride {stride} and no bias"
            assert bns[2]["num_features"] == c_out
        assert not result["other_parametrised"], \
            f"{label(case['args'])} has other layers with parameters: {result['other_parametrised']}"


def test_parameter_counts(facts):
    """the trainable parameters are 9·in·out + 9·out² + 4·out (+ in·out + 2·out with a projection):
    4,672 for (16, 16, 1), 14,528 for (16, 32, 2), 27,440 for (32, 40, 2)"""
    for case, result in cases(facts):
        want = reference.block_parameters(*case["args"])
        got = result["trainable_parameters"]
        assert got == want, f"{label(case['args'])} has {got:,} trainable parameters, expected {want:,}"


def test_output_shape(facts):
    """the output has shape (N, out_channels, ceil(H / stride), ceil(W / stride)), also for odd H and W"""
    for case, result in cases(facts):
        c_in, c_out, stride = case["args"]
        n, _, h, w = case["x"].shape
        want = (n, c_out, reference.output_size(h, stride), reference.output_size(w, stride))
        out = result["output_eval"]
        if isinstance(out, dict) and "error" in out:
            raise AssertionError(f"{label(case['args'])} on input {tuple(case['x'].shape)} raised {out['error']}")
        assert tuple(out.shape) == want, \
            f"{label(case['args'])} maps {tuple(case['x'].shape)} to {tuple(out.shape)}, expected {want}"


def _compare(facts, mode):
    for case, result in cases(facts):
        out = result[f"output_{mode}"]
        if isinstance(out, dict) and "error" in out:
            raise AssertionError(f"{label(case['args'])} on input {tuple(case['x'].shape)} raised {out['error']}")
        needed = reference.needs_projection(*case["args"])
        assert len(result["convs"]) == len(result["bns"]) == (3 if needed else 2), \
            f"{label(case['args'])} does not have the specified layers, so its output cannot be right"
        with torch.no_grad():
            want = reference.residual_block(case["x"], result["convs"], result["bns"], case["args"][2],
                                            training=(mode == "train"))
        assert_close(out, want, f"the output of {label(case['args'])} in {mode} mode", atol=1e-4)


def test_same_outputs_in_eval_mode(facts):
    """with its own weights and running statistics, the block computes relu(main(x) + shortcut(x)) in eval mode"""
    _compare(facts, "eval")


def test_same_outputs_in_train_mode(facts):
    """in train mode (batch statistics) the block computes relu(main(x) + shortcut(x)) as well"""
    _compare(facts, "train")


def test_relu_after_the_sum(facts):
    """the output is the ReLU of the sum of both branches: it is never negative"""
    for case, result in cases(facts):
        out = result["output_eval"]
        if isinstance(out, torch.Tensor):
            assert (out >= 0).all(), f"{label(case['args'])} outputs negative values: apply ReLU after the addition"


def test_runs_on_another_device(facts):
    """ResidualBlock runs on the device of its input (no hard-coded device)"""
    assert_on_other_device(facts, "the output of ResidualBlock(8, 12, 2)", (2, 12, 4, 4))
