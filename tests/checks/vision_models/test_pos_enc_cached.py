"""Hidden checks for `pos_enc_cached`: the (100, 300) sinusoidal table."""
from checks.vision_models import reference
from harness.checking import assert_close, assert_shape, fact

EXERCISE = "pos_enc_cached"


def test_shape_and_dtype(facts):
    """pos_enc_cached is float32 with shape (100, 300)"""
    assert_shape(fact(facts, "value"), (100, 300), "pos_enc_cached")
    assert fact(facts, "dtype") == "torch.float32", f"pos_enc_cached has dtype {fact(facts, 'dtype')}, expected float32"


def test_even_columns_are_sines(facts):
    """even columns j hold sin(i / 10000^(j/300))"""
    assert_shape(fact(facts, "value"), (100, 300), "pos_enc_cached")
    assert_close(fact(facts, "value")[:, 0::2], reference.sinusoidal_cache()[:, 0::2],
                 "pos_enc_cached[:, 0::2] (the even columns)", atol=1e-5, rtol=0)


def test_odd_columns_are_cosines(facts):
    """odd columns j hold cos(i / 10000^((j-1)/300))"""
    assert_shape(fact(facts, "value"), (100, 300), "pos_enc_cached")
    assert_close(fact(facts, "value")[:, 1::2], reference.sinusoidal_cache()[:, 1::2],
                 "pos_enc_cached[:, 1::2] (the odd columns)", atol=1e-5, rtol=0)
