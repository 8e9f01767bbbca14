"""Hidden checks for `capacity`: the number of trainable scalars of a module, as an int."""
from harness.checking import fact

EXERCISE = "capacity"
# conv_bn: Conv2d(3, 4, 3) 112 + BatchNorm2d(4) 8 + Linear(4, 2) 10; frozen: Linear(6, 5) frozen, LayerNorm(5)
# with a frozen bias: 5, Linear(5, 3) 18; tied: two Linear(5, 5) sharing their weight: 25 + 5 + 5;
# shared_module: the same Linear(4, 4) twice: 20; warm-up CNN: 17,354.
EXPECTED = {"conv_bn": 130, "frozen": 23, "tied": 35, "shared_module": 20, "warmup": 17_354, "parameter_free": 0}
LABELS = {"conv_bn": "Conv2d(3, 4, 3) - BatchNorm2d(4) - ReLU - Flatten - Linear(4, 2)",
          "frozen": "a network with a frozen Linear layer and a frozen LayerNorm bias",
          "tied": "two Linear(5, 5) layers that share their weight",
          "shared_module": "the same Linear(4, 4) used twice", "warmup": "the warm-up CNN", "parameter_free": "nn.ReLU()"}


def result(facts, name):
    got = fact(facts, name)
    if "error" in got:
        raise AssertionError(f"capacity({LABELS[name]}) raised {got['error']}")
    return got


def check(facts, name):
    got = result(facts, name)["value"]
    assert got == EXPECTED[name], f"capacity({LABELS[name]}) is {got:g}, expected {EXPECTED[name]:,}"


def test_returns_python_int(facts):
    """capacity returns a Python int"""
    for name in EXPECTED:
        kind = result(facts, name)["type"]
        assert kind == "int", f"capacity({LABELS[name]}) returns a {kind}, expected a Python int"


def test_counts_trainable_parameters_not_buffers(facts):
    """weights, biases and BN's affine parameters count; BN's running statistics (buffers) do not"""
    for name in ("conv_bn", "warmup", "parameter_free"):
        check(facts, name)


def test_frozen_parameters_excluded(facts):
    """parameters with requires_grad=False are not counted"""
    check(facts, "frozen")


def test_shared_parameters_counted_once(facts):
    """a parameter shared by two layers counts once"""
    for name in ("tied", "shared_module"):
        check(facts, name)
