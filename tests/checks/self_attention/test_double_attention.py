"""Hidden checks for `double_attention`: the specified Sequential (with a correct stand-in for Attention), and a logged run."""
import pytest

from checks.self_attention import cnn_checks

EXERCISE = "double_attention"
POSITIONS = (1,2,)


def inputs():
    return cnn_checks.make_inputs()


@pytest.mark.weight(5)
def test_layer_sequence(facts):
    """the layers, in order: types, convolution and linear sizes, Attention with the right in_channels"""
    cnn_checks.layer_sequence(facts, POSITIONS, "double")


@pytest.mark.weight(3)
def test_same_outputs_as_specified_network(facts):
    """with the same weights, the model computes what the specified network computes, logits of shape (N, 10)"""
    cnn_checks.same_output(facts, POSITIONS, "double")


@pytest.mark.weight(2)
def test_run_logged(submission):
    """a finished training run of this model is logged in the results file"""
    cnn_checks.run_logged(submission, "double")
