"""Hidden checks for `resnet10_attention`: ResNet-10 with Attention(128) between layer2 and layer3."""
import pytest
import torch

from checks.self_attention.results_file import read_results, runs_of
from harness.checking import fact

EXERCISE = "resnet10_attention"
PARAMETERS = 4_952_778


def inputs():
    torch.manual_seed(6)
    return {"x": torch.randn(2, 3, 32, 32)}


@pytest.mark.weight(3)
def test_attention_between_layer2_and_layer3(facts):
    """exactly one Attention(128) runs, on the output of layer2, and its output goes into layer3"""
    calls = fact(facts, "calls")
    order = [c["name"] for c in calls]
    attention = [c for c in calls if c["name"] == "attention"]
    assert len(attention) == 1, f"Attention runs {len(attention)} times in a forward pass; expected once"
    assert attention[0]["channels"] == 128, f"the attention is Attention({attention[0]['channels']}); expected Attention(128)"
    i = order.index("attention")
    assert order[i - 1:i + 2] == ["layer2", "attention", "layer3"], \
        f"the modules run in the order {' → '.join(order)}; the attention belongs between layer2 and layer3"
    assert calls[i]["input_is_previous_output"] and calls[i + 1]["input_is_previous_output"], \
        "the attention should take layer2's output and hand its own output to layer3"


@pytest.mark.weight(1)
def test_rest_equals_the_baseline(facts):
    """ResNet10withAttention() has 4,952,778 parameters (baseline + 49,536) and gives logits (N, 10) through all stages"""
    got = fact(facts, "trainable_parameters")
    assert got == PARAMETERS, f"ResNet10withAttention() has {got:,} trainable parameters, expected {PARAMETERS:,}"
    order = [c["name"] for c in fact(facts, "calls")]
    assert [n for n in order if n != "attention"] == ["layer1", "layer2", "layer3", "layer4", "fc"], \
        f"the modules run in the order {' → '.join(order)}; every stage of ResNet-10 should run once, then fc"
    assert fact(facts, "output_shape") == [2, 10], f"the output has shape {fact(facts, 'output_shape')}, expected (2, 10)"


@pytest.mark.weight(1)
def test_run_logged(submission):
    """a finished training run of this model is logged in the results file"""
    assert runs_of(read_results(submission.folder), "resnet10_attention"), \
        "results/ranking.pt holds no logged run of 'resnet10_attention'"
