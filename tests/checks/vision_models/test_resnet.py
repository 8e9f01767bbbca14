"""Hidden checks for `resnet`: ResNet(num_layers) is the CIFAR ResNet of depth 6n + 2."""
import torch

from checks.vision_models import reference
from harness.checking import assert_close, assert_on_other_device, fact, load_by_order

EXERCISE = "resnet"
PARAMETERS = {8: 75_290, 14: 172_506, 20: 269_722, 56: 853_018}
RUNS = [dict(depth=8, kwargs={}), dict(depth=14, kwargs={"in_channels": 1, "out_features": 5})]


def inputs():
    torch.manual_seed(3)
    return {"depths": list(PARAMETERS), "invalid_depths": [2, 5, 9, 10, 15],
            "runs": [dict(run, x=torch.randn(4, run["kwargs"].get("in_channels", 3), 32, 32)) for run in RUNS]}


def structure(facts, depth):
    result = fact(facts, "structure")[depth]
    if "error" in result:
        raise AssertionError(f"ResNet({depth}) raised {result['error']}")
    return result


def test_parameter_counts(facts):
    """ResNet(8), (14), (20) and (56) have 75,290 / 172,506 / 269,722 / 853,018 trainable parameters"""
    for depth, expected in PARAMETERS.items():
        got = structure(facts, depth)["trainable_parameters"]
        assert got == expected, f"ResNet({depth}) has {got:,} trainable parameters, expected {expected:,}"


def test_blocks_and_strides(facts):
    """ResNet(6n+2) has 3n blocks: 16 -> 32 -> 64 channels, stride 2 exactly at the first block of stages 2 and 3"""
    for depth in PARAMETERS:
        got, want = structure(facts, depth)["blocks"], reference.resnet_blocks(depth)
        assert len(got) == len(want), f"ResNet({depth}) has {len(got)} ResNetBlocks, expected {len(want)}"
        for position, (g, w) in enumerate(zip(got, want), start=1):
            assert g == w, (f"ResNet({depth}): block {position} maps {g[0]} -> {g[1]} channels with stride {g[2]}, "
                            f"expected {w[0]} -> {w[1]} with stride {w[2]}")


def test_ends_with_pooling_and_linear(facts):
    """after the blocks come global average pooling and one linear layer, and nothing else"""
    top = structure(facts, 8)["top_level"]
    tail = [name for name in top if name not in ("Sequential", "ResNetBlock")]
    allowed = (["GlobalAvgPool2d", "Linear"], ["AdaptiveAvgPool2d", "Flatten", "Linear"])
    assert tail in allowed, f"after the residual blocks ResNet has {tail}; expected global average pooling, then Linear"


def test_invalid_depths_raise(facts):
    """depths that are not 6n+2 (with n >= 1) raise ValueError"""
    for depth, outcome in fact(facts, "invalid_depths").items():
        assert outcome == "ValueError", f"ResNet({depth}) should raise ValueError, got {outcome}"


def test_same_outputs_as_specified_network(facts):
    """with the same weights, ResNet computes what the specified network computes (any in_channels, out_features)"""
    for run, result in zip(inputs()["runs"], fact(facts, "runs")):
        label = "ResNet(" + ", ".join([str(run["depth"])] + [f"{k}={v}" for k, v in run["kwargs"].items()]) + ")"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        model = load_by_order(reference.resnet(run["depth"], **run["kwargs"]), result["state"]["tensors"], label)
        model.train()
        model(run["x"])
        model.eval()
        with torch.no_grad():
            expected = model(run["x"])
        assert_close(result["output_eval"], expected, f"{label}(x) in evaluation mode", atol=1e-4)


def test_runs_on_another_device(facts):
    """ResNet runs on the device of its input"""
    assert_on_other_device(facts, "the output of ResNet()", (4, 10))
