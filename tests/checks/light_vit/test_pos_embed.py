"""Hidden checks for `pos_embed`: the fixed sinusoidal table and its non-learnable parameter."""
from checks.light_vit import reference
from harness.checking import assert_close, fact

EXERCISE = "pos_embed"
TABLES = [(50, 8), (17, 6), (65, 12), (3, 2)]
MADE = [(7, 8), (4, 6)]


def inputs():
    return {"tables": TABLES, "made": MADE}


def test_table_values(facts):
    """get_pos_embeddings(T, d)[i, j] is sin(i / 10000^(j/d)) for even j, cos(i / 10000^((j-1)/d)) for odd j"""
    for (T, d), result in zip(TABLES, fact(facts, "tables")):
        if isinstance(result, dict):
            raise AssertionError(f"get_pos_embeddings({T}, {d}) raised {result['error']}")
        assert_close(result, reference.pos_embeddings(T, d), f"get_pos_embeddings({T}, {d})")


def test_table_is_float32(facts):
    """the table is float32"""
    assert set(fact(facts, "dtypes")) == {"torch.float32"}, f"the tables have dtypes {fact(facts, 'dtypes')}"


def test_parameter_is_frozen(facts):
    """make_pos_embed(n, d) is an nn.Parameter with requires_grad=False holding the table for n*n + 1 positions"""
    for (n, d), result in zip(MADE, fact(facts, "made")):
        if "error" in result:
            raise AssertionError(f"make_pos_embed({n}, {d}) raised {result['error']}")
        assert result["is_parameter"] and result["in_state_dict"], "the position table should be an nn.Parameter"
        assert not result["requires_grad"] and result["trainable_parameters"] == 0, \
            "the position table is fixed: create the parameter with requires_grad=False"
        assert_close(result["value"], reference.pos_embeddings(n * n + 1, d), f"make_pos_embed({n}, {d})")
