"""Hidden checks for `cnn_strides`: `cnn_strides` is the specified layer list."""
import torch

from checks.vision_models import cnn_spec, reference

EXERCISE = "cnn_strides"
inputs = cnn_spec.inputs


def test_output_shape(facts):
    """cnn_strides maps (N, 3, 32, 32) images to (N, 10) logits"""
    cnn_spec.output_shape(facts, "cnn_strides")


def test_parameter_count(facts):
    """cnn_strides has 79,818 trainable parameters"""
    cnn_spec.parameter_count(facts, "cnn_strides", 79818)


def test_layer_order(facts):
    """cnn_strides has the specified layers, in order"""
    cnn_spec.layer_order(facts, "cnn_strides", reference.cnn_strides())


def test_layer_settings(facts):
    """every convolution, batch norm and linear layer has the specified sizes, stride and bias"""
    cnn_spec.layer_settings(facts, "cnn_strides", reference.cnn_strides())


def test_same_outputs_as_specified_network(facts):
    """with the same weights, cnn_strides computes what the specified network computes (train and eval mode)"""
    cnn_spec.same_outputs(facts, "cnn_strides", reference.cnn_strides(), cnn_spec.inputs()["x"])


def test_runs_on_another_device(facts):
    """cnn_strides runs on the device of its input"""
    cnn_spec.other_device(facts, "cnn_strides")
