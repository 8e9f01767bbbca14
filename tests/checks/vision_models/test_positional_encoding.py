"""Hidden checks for `positional_encoding`: PositionalEncoding adds pos_enc_cached[:T, :D] to the tokens."""
import torch

from checks.vision_models import reference
from harness.checking import assert_close, assert_on_other_device, fact

EXERCISE = "positional_encoding"
SHAPES = [(2, 5, 8), (3, 100, 300), (1, 1, 1), (4, 65, 64), (2, 17, 299)]


def inputs():
    torch.manual_seed(11)
    return {"cache": reference.sinusoidal_cache(), "tokens": [torch.randn(*shape) for shape in SHAPES]}


def results(facts):
    for tokens, result in zip(inputs()["tokens"], fact(facts, "outputs")):
        if isinstance(result["output"], dict):
            raise AssertionError(f"for tokens of shape {tuple(tokens.shape)}: {result['output']['error']}")
        yield tokens, result


def test_adds_the_cached_code(facts):
    """the output is tokens + pos_enc_cached[:T, :D] for several (N, T, D), using the first D columns as they are"""
    cache = reference.sinusoidal_cache()
    for tokens, result in results(facts):
        N, T, D = tokens.shape
        assert_close(result["output"], tokens + cache[:T, :D], f"PositionalEncoding()(tokens) for shape {(N, T, D)}")


def test_does_not_modify_its_input(facts):
    """the input tokens are left unchanged (the sum is a new tensor)"""
    for tokens, result in results(facts):
        assert result["input_unchanged"], f"PositionalEncoding changed its input tensor in place (shape {tuple(tokens.shape)})"


def test_no_trainable_parameters_and_nothing_saved(facts):
    """the module has no trainable parameters and an empty state_dict (a cached copy is a non-persistent buffer)"""
    assert fact(facts, "trainable_parameters") == 0, "PositionalEncoding should have no trainable parameters"
    assert fact(facts, "state_keys") == [], \
        f"PositionalEncoding's state_dict holds {fact(facts, 'state_keys')}; register a copy with persistent=False"


def test_follows_dtype_and_device(facts):
    """the output has the dtype (bfloat16 stays bfloat16) and the device of the tokens"""
    assert fact(facts, "bfloat16_dtype") == "torch.bfloat16", \
        f"for bfloat16 tokens the output is {fact(facts, 'bfloat16_dtype')}; move the code to the tokens' dtype"
    assert_on_other_device(facts, "the output of PositionalEncoding", (2, 5, 8))
