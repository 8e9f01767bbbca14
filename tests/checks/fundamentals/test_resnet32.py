"""Hidden checks for `resnet32`: the CIFAR ResNet of depth 6n + 2, built in terms of n, then initialised.

The probe runs the student's cell again with ResidualBlock and ResidualStack replaced by correct
stand-ins (graded separately), once as written (n = 5, 10 classes) and once with n = 2 and 7 classes.
"""
import torch

from checks.fundamentals import reference
from harness.checking import assert_close, assert_on_other_device, fact, load_by_order

EXERCISE = "resnet32"
STEM = [{"type": "Conv2d", "in_channels": 3, "out_channels": 16, "kernel_size": [3, 3], "stride": [1, 1],
         "padding": [1, 1], "has_bias": False}, {"type": "BatchNorm2d", "num_features": 16}, {"type": "ReLU"}]


def inputs():
    torch.manual_seed(19)
    return {"x": torch.randn(2, 3, 32, 32)}


def built(facts, key):
    result = fact(facts, key)
    if "error" in result:
        what = "the resnet cell" if key == "n5" else "the resnet cell with n = 2 and num_classes = 7"
        raise AssertionError(f"{what} raised {result['error']}")
    return result


def test_is_a_sequential_with_464154_parameters(facts):
    """resnet is an nn.Sequential with 464,154 trainable parameters"""
    result = built(facts, "n5")
    assert result["type"] == "Sequential", f"resnet should be an nn.Sequential, got {result['type']}"
    assert result["trainable"] == 464_154, f"resnet has {result['trainable']:,} trainable parameters, expected 464,154"


def test_layer_sequence(facts):
    """conv 3->16 (no bias), BatchNorm2d(16), ReLU, three ResidualStacks, AdaptiveAvgPool2d(1), Flatten, Linear(64, 10)"""
    layers = built(facts, "n5")["layers"]
    names = [layer["type"] for layer in layers]
    want = ["Conv2d", "BatchNorm2d", "ReLU", "ResidualStack", "ResidualStack", "ResidualStack",
            "AdaptiveAvgPool2d", "Flatten", "Linear"]
    assert names == want, f"resnet's layers are {names}; expected {want}"
    for got, spec in zip(layers[:3], STEM):
        assert {k: got.get(k) for k in spec} == spec, f"the first layers should be {STEM}, got {layers[:3]}"
    assert layers[6].get("output_size") in (1, [1, 1]), "the pooling should be nn.AdaptiveAvgPool2d(1)"
    assert (layers[8]["in_features"], layers[8]["out_features"]) == (64, 10), "the classifier should be Linear(64, 10)"


def test_three_stages(facts):
    """the stages are ResidualStack(16, 16, 1, 5), (16, 32, 2, 5), (32, 64, 2, 5): 15 blocks, exactly two strided"""
    result = built(facts, "n5")
    assert result["stacks"] == reference.resnet_stages(5), \
        f"the stages are built as ResidualStack{[tuple(s) for s in result['stacks']]}; expected {[tuple(s) for s in reference.resnet_stages(5)]}"
    assert len(result["blocks"]) == 15, f"resnet has {len(result['blocks'])} residual blocks, expected 15"
    assert sum(b[2] > 1 for b in result["blocks"]) == 2, "exactly two residual blocks should be strided"


def test_written_in_terms_of_n(facts):
    """with n = 2 and num_classes = 7 the same cell builds ResNet-14 with 7 outputs"""
    result = built(facts, "n2")
    assert result["stacks"] == reference.resnet_stages(2), \
        f"with n = 2 the stages are ResidualStack{[tuple(s) for s in result['stacks']]}; build them from n"
    want = reference.resnet_parameters(2, 7)
    assert result["trainable"] == want, f"with n = 2 and num_classes = 7: {result['trainable']:,} parameters, expected {want:,}"
    assert result["output_shapes"] == [[1, 7], [3, 7]], \
        f"with num_classes = 7 the outputs have shapes {result['output_shapes']}; use num_classes"


def test_logits_for_any_batch_size(facts):
    """images of shape (N, 3, 32, 32) give logits of shape (N, 10) for every N"""
    assert built(facts, "n5")["output_shapes"] == [[1, 10], [3, 10]], \
        f"for 1 and 3 images the outputs have shapes {built(facts, 'n5')['output_shapes']}, expected (1, 10) and (3, 10)"


def test_same_outputs_as_specified_network(facts):
    """with the same weights resnet computes what the specified network computes (logits, no softmax)"""
    result = fact(facts, "outputs")
    model = load_by_order(reference.resnet(2, 7), result["state"], "resnet (n = 2)")
    x = inputs()["x"]
    model.train()
    assert_close(result["output_train"], model(x).detach(), "the output of resnet (n = 2) in training mode", atol=1e-4)
    model.eval()
    with torch.no_grad():
        assert_close(result["output_eval"], model(x), "the output of resnet (n = 2) in evaluation mode", atol=1e-4)


def test_initialised_with_initialize_weight(facts):
    """after resnet.apply(initialize_weight): BatchNorm weights 1 and biases 0, Kaiming-normal weights, zero linear bias"""
    result = built(facts, "n5")
    assert result["bn_weights_one"] and result["bn_biases_zero"], "after initialisation every BatchNorm weight is 1 and bias 0"
    ratios = result["std_ratios"]
    assert len(ratios) == 32, f"resnet has {len(ratios)} convolution and linear layers, expected 31 + 1"
    off = [round(r, 2) for r in ratios if not 0.85 < r < 1.15]
    assert not off, (f"{len(off)} weight tensors have a standard deviation of {off[:3]} x sqrt(2 / fan_in); "
                     "initialise the network with resnet.apply(initialize_weight)")
    assert all(float(b.abs().max()) == 0 for b in result["biases"]), "the linear layer's bias should be initialised to 0"


def test_runs_on_another_device(facts):
    """the network runs on the device of its input"""
    assert_on_other_device(facts, "the output of resnet", (2, 10))
