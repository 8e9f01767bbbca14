"""Small vocabulary shared by the hidden checks: facts, tensor comparisons, module trees."""
import torch


def fact(facts, name):
    """One measured fact; fails the check with the student's error if measuring it raised, or with
    ``facts["probe_failed"]`` (why the whole probe failed) when it was never measured."""
    value = facts.get(name)
    if isinstance(value, dict) and set(value) == {"error"}:
        raise AssertionError(f"running your code raised {value['error']}")
    if name not in facts:
        raise AssertionError(facts.get("probe_failed") or f"the grader could not measure '{name}'")
    return value


def plain_tensor(value, what):
    """``value`` as an ordinary tensor, or a clear failure saying what was returned instead."""
    assert isinstance(value, torch.Tensor), f"{what} should be a torch.Tensor, got {type(value).__name__}"
    return value


def assert_shape(value, expected, what):
    value = plain_tensor(value, what)
    assert tuple(value.shape) == tuple(expected), \
        f"{what} should have shape {tuple(expected)}, got {tuple(value.shape)}"


def assert_close(actual, expected, what, atol=1e-5, rtol=1e-4):
    """``actual`` equals ``expected`` within tolerance; the message says where and by how much they differ."""
    actual = plain_tensor(actual, what)
    assert tuple(actual.shape) == tuple(expected.shape), \
        f"{what} should have shape {tuple(expected.shape)}, got {tuple(actual.shape)}"
    actual, expected = actual.detach().double().cpu(), expected.detach().double().cpu()
    if not torch.isfinite(actual).all():
        raise AssertionError(f"{what} contains NaN or infinite values")
    diff = (actual - expected).abs()
    bad = diff > atol + rtol * expected.abs()
    if bad.any():
        where = tuple(int(i) for i in bad.nonzero()[0])
        raise AssertionError(
            f"{what} differs from the expected values at {int(bad.sum())} of {bad.numel()} entries "
            f"(largest difference {diff.max().item():.3g}; e.g. at index {where}: "
            f"got {actual[where].item():.5g}, expected {expected[where].item():.5g})")


def assert_on_other_device(facts, what, shape=None):
    """The probe ran the code on another device (CUDA on a GPU grader, else PyTorch's meta device):
    the output is on that device, with ``shape`` if given."""
    result = fact(facts, "other_device")
    assert result["device"] in ("cuda", "meta"), f"for inputs on another device, {what} is on {result['device']}"
    out = result["output"]
    got = out["shape"] if isinstance(out, dict) else list(out.shape)
    assert shape is None or got == list(shape), f"for inputs on another device, {what} has shape {got}"


def load_by_order(module, tensors, what):
    """Copy the student's state tensors into ``module`` in registration order, matching shapes."""
    targets = list(module.state_dict().items())
    assert len(targets) == len(tensors), \
        f"{what} has {len(tensors)} weight/buffer tensors, the specified network has {len(targets)}"
    state = {}
    for (key, target), tensor in zip(targets, tensors):
        assert tuple(target.shape) == tuple(tensor.shape), \
            f"{what}: a weight of shape {tuple(tensor.shape)} sits where the specification has {key} " \
            f"of shape {tuple(target.shape)}"
        state[key] = tensor
    module.load_state_dict(state)
    return module
