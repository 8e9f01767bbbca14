"""Hidden checks for `solver_test` (solver.py): Solver.test(dataset, num_samples=None) -> accuracy in percent.

The probe evaluates a recording classifier: its inputs carry their index, its logits are the inputs'
other columns passed through a BatchNorm1d (identity in eval mode with fresh statistics).
"""
import torch

from harness.checking import fact

EXERCISE = "solver_test"
N, CLASSES, BATCH = 40, 4, 8
# the num_samples of the calls, in order: whole set (omitted, None, >= len), then subsets
CALLS = ["omitted", None, 40, 55, 7, 7, 13]


def inputs():
    g = torch.Generator().manual_seed(2)
    logits = torch.randn(N, CLASSES, generator=g)
    y = logits.argmax(dim=1)
    wrong = torch.rand(N, generator=g) < 0.45  # about half of the predictions are wrong
    y[wrong] = (y[wrong] + 1) % CLASSES
    x = torch.cat([torch.arange(N, dtype=torch.float32)[:, None], logits], dim=1)
    return {"x": x, "y": y, "batch_size": BATCH, "num_samples": CALLS}


def expected_accuracy(ids):
    data = inputs()
    hits = (data["x"][ids, 1:].argmax(dim=1) == data["y"][ids]).double().mean().item()
    return 100.0 * hits


def calls(facts):
    out = []
    for num_samples, call in zip(CALLS, fact(facts, "calls")):
        what = "test(dataset)" if num_samples == "omitted" else f"test(dataset, num_samples={num_samples})"
        if "error" in call["result"]:
            raise AssertionError(f"{what} raised {call['result']['error']}")
        ids = [i for forward in call["forwards"] for i in forward["ids"]]
        out.append((num_samples, what, call, ids))
    return out


def test_returns_python_float(facts):
    """test() returns a Python float"""
    for _, what, call, _ in calls(facts):
        assert call["result"]["type"] == "float", f"{what} returns a {call['result']['type']}, expected a Python float"


def test_accuracy_in_percent(facts):
    """the result is the percentage of evaluated items whose argmax of the logits is the label, in [0, 100]"""
    for _, what, call, ids in calls(facts):
        got, want = call["result"]["value"], expected_accuracy(ids)
        assert got is not None and abs(got - want) < 1e-4, \
            f"{what} returns {got}, but {want:.4g} % of the evaluated items are classified correctly"


def test_whole_dataset_when_none_or_large(facts):
    """with num_samples None (or omitted) or at least len(dataset), every item is evaluated exactly once"""
    for num_samples, what, call, ids in calls(facts):
        if num_samples in ("omitted", None) or num_samples >= N:
            assert sorted(ids) == list(range(N)), \
                f"{what} should evaluate all {N} items once each; it evaluated {len(ids)} items ({len(set(ids))} distinct)"


def test_subset_of_distinct_items(facts):
    """with num_samples < len(dataset), exactly num_samples distinct items are evaluated"""
    for num_samples, what, call, ids in calls(facts):
        if num_samples not in ("omitted", None) and num_samples < N:
            assert len(ids) == num_samples and len(set(ids)) == num_samples, \
                f"{what} evaluated {len(ids)} items, {len(set(ids))} of them distinct; expected {num_samples} distinct items"


def test_subset_is_random_and_fresh(facts):
    """the subset is drawn at random on every call: two calls with the same num_samples evaluate different items"""
    subsets = [set(ids) for num_samples, _, _, ids in calls(facts) if num_samples == 7]
    assert subsets[0] != subsets[1], "two calls of test(dataset, num_samples=7) evaluated the same items"
    assert subsets[0] | subsets[1] != set(range(7)), "the subsets should be drawn at random, not the first items"


def test_eval_mode_without_gradients(facts):
    """every forward pass runs in eval mode inside torch.no_grad()"""
    for _, what, call, _ in calls(facts):
        for forward in call["forwards"]:
            assert not forward["training"], f"{what} ran the model in training mode; call self.model.eval() first"
            assert not forward["grad"], f"{what} recorded gradients; evaluate inside torch.no_grad()"


def test_batches_of_batch_size(facts):
    """the items are evaluated in batches of self.batch_size (the last one may be smaller)"""
    for _, what, call, _ in calls(facts):
        sizes = [len(forward["ids"]) for forward in call["forwards"]]
        assert sizes and all(s == BATCH for s in sizes[:-1]) and 0 < sizes[-1] <= BATCH, \
            f"{what} evaluated batches of sizes {sizes}; expected batches of self.batch_size = {BATCH}"


def test_nothing_changes(facts):
    """test() changes no parameter, buffer, optimizer state or scheduler state"""
    before, after = fact(facts, "state_before"), fact(facts, "state_after")
    for key, what in (("model", "the model's parameters or buffers"), ("optimizer", "the optimizer's state")):
        assert len(before[key]) == len(after[key]) and all(torch.equal(a, b) for a, b in zip(before[key], after[key])), \
            f"test() changed {what}"
    assert before["scheduler"] == after["scheduler"], "test() changed the scheduler's state"


def test_model_left_in_eval_mode(facts):
    """after test() the model is in eval mode"""
    assert fact(facts, "training_after") is False, "after test() the model should be left in eval mode"
