"""Hidden checks for `residual_block`: relu(conv-BN-ReLU-conv-BN(x) + skip(x)) with the given shortcut."""
import torch

from checks.fundamentals import reference
from harness.checking import assert_close, assert_on_other_device, assert_shape, fact

EXERCISE = "residual_block"
STRUCTURES = [(16, 16, 1), (16, 32, 2), (32, 64, 2)]
RUNS = [((4, 4, 1), (2, 4, 6, 6)), ((4, 8, 2), (2, 4, 7, 9)), ((3, 6, 1), (2, 3, 5, 5)), ((4, 4, 2), (3, 4, 7, 9))]


def out_shape(args, shape):
    c_in, c_out, stride = args
    return (shape[0], c_out, -(-shape[2] // stride), -(-shape[3] // stride))


def inputs():
    torch.manual_seed(13)
    return {"structures": [list(a) for a in STRUCTURES],
            "runs": [{"args": list(args), "seed": i, "x": torch.randn(*shape),
                      "upstream": torch.randn(*out_shape(args, shape))} for i, (args, shape) in enumerate(RUNS)]}


def structures(facts):
    for args, result in zip(STRUCTURES, fact(facts, "structure")):
        if "error" in result:
            raise AssertionError(f"ResidualBlock{args} raised {result['error']}")
        yield args, result


def runs(facts):
    for run, result in zip(inputs()["runs"], fact(facts, "runs")):
        label = f"ResidualBlock{tuple(run['args'])} on an input of shape {tuple(run['x'].shape)}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield run, result, label


def test_parameter_counts(facts):
    """(16, 16, 1), (16, 32, 2) and (32, 64, 2) have 4,672 / 13,952 / 55,552 trainable parameters"""
    for args, result in structures(facts):
        want = reference.block_parameters(args[0], args[1])
        assert result["trainable"] == want, f"ResidualBlock{args} has {result['trainable']:,} trainable parameters, expected {want:,}"


def test_layers(facts):
    """two 3x3 convolutions without bias (the first with the block's stride, padding 1) and two BatchNorm2d(out)"""
    for (c_in, c_out, stride), result in structures(facts):
        label = f"ResidualBlock({c_in}, {c_out}, {stride})"
        assert len(result["convs"]) == 2, f"{label} has {len(result['convs'])} Conv2d layers, expected 2"
        assert len(result["bns"]) == 2, f"{label} has {len(result['bns'])} BatchNorm2d layers, expected 2"
        for position, (conv, (i, o, s)) in enumerate(zip(result["convs"], [(c_in, c_out, stride), (c_out, c_out, 1)]), 1):
            got = [conv["in_channels"], conv["out_channels"], conv["kernel_size"], conv["stride"], conv["padding"], conv["has_bias"]]
            assert got == [i, o, [3, 3], [s, s], [1, 1], False], \
                f"{label}: convolution {position} should map {i} -> {o} channels, kernel 3, stride {s}, padding 1, " \
                f"no bias; got {got[0]} -> {got[1]}, kernel {got[2]}, stride {got[3]}, padding {got[4]}, bias {got[5]}"
        for bn in result["bns"]:
            assert bn["num_features"] == c_out, f"{label}: BatchNorm2d({bn['num_features']}), expected BatchNorm2d({c_out})"


def test_output_shapes(facts):
    """the output has shape (N, out_channels, ceil(H/stride), ceil(W/stride)), also for odd sizes such as 7x9"""
    for run, result, label in runs(facts):
        assert_shape(result["output_train"], out_shape(run["args"], run["x"].shape), f"the output of {label}")


def reference_block(run, result, label):
    block = reference.ResidualBlock(*run["args"])
    weights = result["weights"]
    assert len(weights["convs"]) == 2 and len(weights["bns"]) == 2, f"{label} should have 2 convolutions and 2 batch norms"
    for conv, w in zip((block.conv1, block.conv2), weights["convs"]):
        assert conv.weight.shape == w.shape, f"{label}: a convolution weight has shape {tuple(w.shape)}, expected {tuple(conv.weight.shape)}"
        conv.weight.data.copy_(w)
    for bn, (w, b, m, v) in zip((block.bn1, block.bn2), weights["bns"]):
        bn.weight.data.copy_(w), bn.bias.data.copy_(b), bn.running_mean.copy_(m), bn.running_var.copy_(v)
    return block


def test_same_outputs_as_specified_block(facts):
    """with the same weights, the block computes relu(bn2(conv2(relu(bn1(conv1 x)))) + skip(x)), in training and eval mode"""
    for run, result, label in runs(facts):
        block = reference_block(run, result, label)
        block.train()
        assert_close(result["output_train"], block(run["x"]).detach(), f"the output of {label} in training mode")
        block.eval()
        assert_close(result["output_eval"], block(run["x"]).detach(), f"the output of {label} in evaluation mode")


def test_relu_after_addition(facts):
    """the ReLU comes after the addition: the output is never negative and is zero wherever the sum is negative"""
    for run, result, label in runs(facts):
        assert (result["output_train"] >= 0).all(), f"{label} returns negative values; apply the ReLU after the addition"
        block = reference_block(run, result, label).train()
        total = block.bn2(block.conv2(torch.relu(block.bn1(block.conv1(run["x"]))))) + block.skip(run["x"])
        assert (result["output_train"][total < 0] == 0).all(), \
            f"{label}: the output is not zero where main branch + shortcut is negative; apply the ReLU to the sum"


def test_gradient_reaches_the_input(facts):
    """autograd gives the right gradient with respect to the input (in-place operations must not break it)"""
    for run, result, label in runs(facts):
        block = reference_block(run, result, label).train()
        x = run["x"].clone().requires_grad_(True)
        block(x).backward(run["upstream"])
        assert result["grad"] is not None, f"{label}: no gradient reaches the input"
        assert_close(result["grad"], x.grad, f"the input gradient of {label}")


def test_runs_on_another_device(facts):
    """the block runs on the device of its input"""
    assert_on_other_device(facts, "the output of ResidualBlock(4, 8, 2)", (2, 8, 4, 5))
