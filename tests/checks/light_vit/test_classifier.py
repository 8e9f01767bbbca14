"""Hidden checks for `classifier`: nn.Linear(d, num_classes) on the class token at index 0, returning logits."""
import torch
import torch.nn.functional as F

from harness.checking import assert_close, fact

EXERCISE = "classifier"
MADE = [(8, 10), (12, 3)]
SHAPES = [((4, 50, 8), 10), ((2, 3, 5), 7)]


def inputs():
    torch.manual_seed(13)
    return {"made": MADE, "cases": [{"tokens": torch.randn(*shape), "weight": torch.randn(k, shape[-1]),
                                     "bias": torch.randn(k)} for shape, k in SHAPES]}


def test_head_is_linear(facts):
    """make_classifier(d, num_classes) is nn.Linear(d, num_classes) with bias"""
    for (d, k), result in zip(MADE, fact(facts, "made")):
        if isinstance(result, dict):
            raise AssertionError(f"make_classifier({d}, {k}) raised {result['error']}")
        want = {"type": "Linear", "in_features": d, "out_features": k, "has_bias": True}
        got = [{key: l.get(key) for key in want} for l in result]
        assert got == [want], f"make_classifier({d}, {k}) should be nn.Linear({d}, {k}), got {got}"


def test_logits_of_the_class_token(facts):
    """classify(head, tokens) is head(tokens[:, 0]): logits of the token at index 0, without softmax"""
    for case, result in zip(inputs()["cases"], fact(facts, "outputs")):
        label = f"classify on tokens of shape {tuple(case['tokens'].shape)}"
        if isinstance(result, dict):
            raise AssertionError(f"{label} raised {result['error']}")
        assert_close(result, F.linear(case["tokens"][:, 0], case["weight"], case["bias"]), label)
