"""Hidden checks for `linear_map`: nn.Linear(C*(H/n)*(W/n), d)."""
from harness.checking import fact

EXERCISE = "linear_map"
CASES = [((1, 28, 28), 7, 8), ((3, 32, 32), 8, 12), ((2, 12, 8), 4, 5)]


def inputs():
    return {"cases": [{"image_dim": image_dim, "n": n, "d": d} for image_dim, n, d in CASES]}


def test_is_linear_from_patch_size_to_d(facts):
    """make_linear_map(image_dim, n_patches, d) is nn.Linear(C*(H/n)*(W/n), d) with bias"""
    for (image_dim, n, d), result in zip(CASES, fact(facts, "cases")):
        if "error" in result:
            raise AssertionError(f"make_linear_map({image_dim}, {n}, {d}) raised {result['error']}")
        input_d = image_dim[0] * (image_dim[1] // n) * (image_dim[2] // n)
        want = {"type": "Linear", "in_features": input_d, "out_features": d, "has_bias": True}
        got = [{key: l.get(key) for key in want} for l in result["layers"]]
        assert got == [want], f"make_linear_map({image_dim}, {n}, {d}) should be nn.Linear({input_d}, {d}), got {got}"
        assert result["trainable_parameters"] == (input_d + 1) * d
