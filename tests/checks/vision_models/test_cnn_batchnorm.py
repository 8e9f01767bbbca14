"""Hidden checks for `cnn_batchnorm`: `cnn_batchnorm` is the specified layer list."""
import torch

from checks.vision_models import cnn_spec, reference

EXERCISE = "cnn_batchnorm"
inputs = cnn_spec.inputs


def test_output_shape(facts):
    """cnn_batchnorm maps (N, 3, 32, 32) images to (N, 10) logits"""
    cnn_spec.output_shape(facts, "cnn_batchnorm")


def test_parameter_count(facts):
    """cnn_batchnorm has 79,818 trainable parameters"""
    cnn_spec.parameter_count(facts, "cnn_batchnorm", 79818)


def test_layer_order(facts):
    """cnn_batchnorm has the specified layers, in order"""
    cnn_spec.layer_order(facts, "cnn_batchnorm", reference.cnn_batchnorm())


def test_layer_settings(facts):
    """every convolution, batch norm and linear layer has the specified sizes, stride and bias"""
    cnn_spec.layer_settings(facts, "cnn_batchnorm", reference.cnn_batchnorm())


def test_same_outputs_as_specified_network(facts):
    """with the same weights, cnn_batchnorm computes what the specified network computes (train and eval mode)"""
    cnn_spec.same_outputs(facts, "cnn_batchnorm", reference.cnn_batchnorm(), cnn_spec.inputs()["x"])


def test_runs_on_another_device(facts):
    """cnn_batchnorm runs on the device of its input"""
    cnn_spec.other_device(facts, "cnn_batchnorm")
