"""Checks shared by the three CNN exercises: a network given as a layer list, compared layer by layer."""
import torch

from harness.checking import assert_close, assert_on_other_device, assert_shape, fact, load_by_order
from harness.probe_tools import layer

POOLS = {"GlobalAvgPool2d": "GlobalPool", "AdaptiveAvgPool2d": "GlobalPool"}


def canonical(layers):
    """Layer types, with the two accepted forms of global average pooling written the same way."""
    names = []
    for layer in layers:
        name = POOLS.get(layer["type"], layer["type"])
        if name == "Flatten" and names and names[-1] == "GlobalPool":
            continue  # AdaptiveAvgPool2d(1) + Flatten is one global pooling
        names.append(name)
    return names


def inputs():
    torch.manual_seed(1234)
    return {"x": torch.randn(6, 3, 32, 32)}


def output_shape(facts, name):
    assert_shape(fact(facts, "output_eval"), (6, 10), f"{name}(x) for x of shape (6, 3, 32, 32)")


def parameter_count(facts, name, expected):
    count = fact(facts, "trainable_parameters")
    assert count == expected, f"{name} has {count:,} trainable parameters, expected {expected:,}"


def layer_order(facts, name, reference):
    got = canonical(fact(facts, "layers"))
    want = canonical([{"type": type(m).__name__} for m in reference])
    assert got == want, f"{name} should have the layers {', '.join(want)}; got {', '.join(got)}"


def layer_settings(facts, name, reference):
    """Every convolution, batch norm and linear layer has the specified sizes, strides and bias."""
    keys = ("in_channels", "out_channels", "kernel_size", "stride", "padding", "has_bias", "num_features",
            "in_features", "out_features")
    wanted = [layer(m) for m in reference if type(m).__name__ in ("Conv2d", "BatchNorm2d", "Linear")]
    got = [m for m in fact(facts, "layers") if m["type"] in ("Conv2d", "BatchNorm2d", "Linear")]
    assert len(got) == len(wanted), \
        f"{name} has {len(got)} convolution/batch-norm/linear layers, expected {len(wanted)}"
    for position, (g, w) in enumerate(zip(got, wanted), start=1):
        for key in keys:
            if key in w and g.get(key) != w[key]:
                what = "a bias" if key == "has_bias" else key
                raise AssertionError(f"{name}: layer {position} of its kind ({w['type']}) has {what} = {g.get(key)}, "
                                     f"expected {w[key]}")


def same_outputs(facts, name, reference, x):
    """Loaded with the student's weights, the specified network gives the student's outputs."""
    state = fact(facts, "state")
    model = load_by_order(reference, state["tensors"], name)
    model.train()
    expected_train = model(x)
    model.eval()
    expected_eval = model(x)
    assert_close(fact(facts, "output_train"), expected_train, f"{name}(x) in training mode")
    assert_close(fact(facts, "output_eval"), expected_eval, f"{name}(x) in evaluation mode")


def other_device(facts, name):
    assert_on_other_device(facts, f"the output of {name}", (6, 10))
