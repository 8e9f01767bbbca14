"""Hidden checks for `resnet_budget` (networks.py): ResNet() within 50,000 parameters.

ResidualBlock is graded on its own: here the probe builds ResNet() with a stand-in block (a 1×1
convolution with the block's stride), and the budget counts each block as the specified block.
"""
import torch

from checks.training import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "resnet_budget"
BUDGET = 50_000


def inputs():
    torch.manual_seed(7)
    return {"x": torch.randn(3, 3, 32, 32)}


def design(facts):
    """The measured design, after checking that it is within the budget (over budget: every check fails)."""
    blocks = fact(facts, "blocks")
    total = fact(facts, "trainable_outside_blocks") + sum(reference.block_parameters(*b) for b in blocks)
    assert total <= BUDGET, f"ResNet() has {total:,} trainable parameters; the budget is {BUDGET:,}"
    return facts


def test_within_budget(facts):
    """ResNet() is built without arguments and has at most 50,000 trainable parameters"""
    design(facts)


def test_stem(facts):
    """the stem is exactly one Conv2d(3, C0, 3, stride=1, padding=1, bias=False), then BatchNorm2d(C0), before the blocks"""
    facts = design(facts)
    sequence = facts["sequence"]
    first_block = sequence.index("ResidualBlock") if "ResidualBlock" in sequence else len(sequence)
    convs, bns = facts["convs"], facts["bns"]
    assert len(convs) == 1 and sequence.index("Conv2d") < first_block, \
        f"outside the residual blocks ResNet has {len(convs)} Conv2d; the stem should have exactly one, before the blocks"
    conv = convs[0]
    got = {k: conv[k] for k in ("in_channels", "kernel_size", "stride", "padding", "has_bias")}
    want = {"in_channels": 3, "kernel_size": [3, 3], "stride": [1, 1], "padding": [1, 1], "has_bias": False}
    assert got == want, f"the stem convolution is {got}, expected {want}"
    assert len(bns) == 1 and bns[0]["num_features"] == conv["out_channels"], \
        f"the stem should have one BatchNorm2d({conv['out_channels']}) after its convolution"


def test_body_of_residual_blocks(facts):
    """the body is one or more ResidualBlocks from networks.py whose channels chain from C0 to C_last"""
    facts = design(facts)
    blocks = facts["blocks"]
    assert blocks, "ResNet() uses no ResidualBlock from networks.py"
    channels = facts["convs"][0]["out_channels"] if facts["convs"] else None
    for position, (c_in, c_out, stride) in enumerate(blocks, start=1):
        assert c_in == channels, f"block {position} expects {c_in} input channels but receives {channels}"
        channels = c_out


def test_head(facts):
    """the head is global average pooling and one Linear(C_last, 10), the last layer (logits, no activation after it)"""
    facts = design(facts)
    linears, sequence, blocks = facts["linears"], facts["sequence"], facts["blocks"]
    assert len(linears) == 1, f"ResNet() has {len(linears)} Linear layers outside the blocks, expected one"
    assert linears[0]["in_features"] == blocks[-1][1] and linears[0]["out_features"] == 10, \
        f"the classifier is Linear({linears[0]['in_features']}, {linears[0]['out_features']}), " \
        f"expected Linear({blocks[-1][1]}, 10)"
    tail = sequence[sequence.index("Linear") + 1:]
    assert not tail, f"after the Linear layer come {tail}; the output should be the logits"


def test_same_outputs_as_specified_network(facts):
    """with the same weights, ResNet() computes stem (conv, BN, ReLU), blocks, global average pooling and Linear: logits"""
    facts = design(facts)
    out = fact(facts, "output_eval")
    assert len(facts["convs"]) == len(facts["bns"]) == len(facts["linears"]) == 1, \
        "ResNet() does not have the specified stem and head, so its output cannot be right"
    with torch.no_grad():
        want = reference.resnet_with_stand_ins(inputs()["x"], facts)
    assert_close(out, want, "the output of ResNet() in eval mode", atol=1e-4)


def test_runs_on_another_device(facts):
    """ResNet() maps (N, 3, 32, 32) to (N, 10) on the device of its input"""
    design(facts)
    assert_on_other_device(facts, "the output of ResNet()", (3, 10))
