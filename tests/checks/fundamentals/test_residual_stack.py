"""Hidden checks for `residual_stack`: num_blocks residual blocks, only the first one changing the shape.

The probe replaces ResidualBlock by a correct block, so a mistake there is not charged here again.
"""
import torch

from checks.fundamentals import reference
from harness.checking import assert_close, fact, load_by_order

EXERCISE = "residual_stack"
CASES = [((4, 8, 2, 3), (2, 4, 7, 9)), ((4, 4, 1, 1), (1, 4, 5, 5)), ((3, 6, 1, 2), (2, 3, 6, 6))]


def inputs():
    torch.manual_seed(17)
    return {"cases": [{"args": list(args), "seed": i, "x": torch.randn(*shape)} for i, (args, shape) in enumerate(CASES)]}


def cases(facts):
    for case, result in zip(inputs()["cases"], fact(facts, "cases")):
        label = f"ResidualStack{tuple(case['args'])}"
        if "error" in result:
            raise AssertionError(f"{label} raised {result['error']}")
        yield case, result, label


def test_blocks_in_a_module_list(facts):
    """self.blocks is an nn.ModuleList of exactly num_blocks ResidualBlocks"""
    for case, result, label in cases(facts):
        assert result["blocks_type"] == "ModuleList", f"{label}: self.blocks should be an nn.ModuleList, got {result['blocks_type']}"
        assert len(result["blocks"]) == case["args"][3], f"{label} has {len(result['blocks'])} blocks, expected {case['args'][3]}"
        assert all(isinstance(b, list) for b in result["blocks"]), f"{label}: every entry of blocks should be a ResidualBlock"


def test_only_the_first_block_changes_the_shape(facts):
    """blocks[0] is ResidualBlock(in, out, stride); the others are ResidualBlock(out, out) with stride 1"""
    for case, result, label in cases(facts):
        want = reference.stack_args(*case["args"])
        for position, (got, w) in enumerate(zip(result["blocks"], want)):
            assert got == w, f"{label}: blocks[{position}] is ResidualBlock{tuple(got)}, expected ResidualBlock{tuple(w)}"


def test_applies_the_blocks_in_order(facts):
    """forward applies the blocks one after the other (training and evaluation mode)"""
    for case, result, label in cases(facts):
        for mode in ("output_train", "output_eval"):
            if isinstance(result[mode], dict) and "error" in result[mode]:
                raise AssertionError(f"{label} raised {result[mode]['error']}")
        stack = load_by_order(reference.ResidualStack(*case["args"]), result["state"], label)
        stack.train()
        assert_close(result["output_train"], stack(case["x"]).detach(), f"the output of {label}")
        stack.eval()
        assert_close(result["output_eval"], stack(case["x"]).detach(), f"the output of {label} in evaluation mode")
