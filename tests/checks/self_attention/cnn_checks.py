"""Shared checks of the three CNN variants (early, late, double attention)."""
import pytest
import torch

from checks.self_attention import reference
from checks.self_attention.results_file import read_results, runs_of
from harness.checking import assert_close, fact, load_by_order


def make_inputs():
    torch.manual_seed(4)
    return {"x": torch.randn(2, 3, 32, 32)}


def describe(layers):
    return " → ".join(f"{layer[0]}({', '.join(str(v) for v in layer[1:])})" for layer in layers)


def layer_sequence(facts, positions, label):
    got = [tuple(layer) for layer in fact(facts, "layers")]
    want = reference.cnn_layers(positions)
    assert got == want, f"models['{label}'] is {describe(got)}; the exercise specifies {describe(want)}"


def same_output(facts, positions, label):
    model = load_by_order(reference.cnn(positions), fact(facts, "state"), f"models['{label}']")
    model.eval()
    with torch.no_grad():
        expected = model(make_inputs()["x"])
    assert_close(fact(facts, "output"), expected, f"the output of models['{label}'] on images of shape (2, 3, 32, 32)",
                 atol=1e-4)


def run_logged(submission, label):
    runs = runs_of(read_results(submission.folder), label)
    assert runs, f"{'results/ranking.pt'} holds no logged run of '{label}' (train it and record('{label}', model))"
