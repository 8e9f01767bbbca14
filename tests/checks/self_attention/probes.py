"""What the grader measures on a `self_attention` submission (runs in the sandbox, knows no answers).

One probe per exercise: ``PROBES[exercise](namespace, inputs) -> facts``.
"""
import copy
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from probe_tools import lookup, measure, module_types, on_other_device, plain, recording_calls, trainable_parameters


class Attention(nn.Module):
    """Stand-in for the student's Attention inside the models (graded separately): a correct
    spatial self-attention with its weights held directly (no child modules)."""

    def __init__(self, in_channels):
        super().__init__()
        self.in_channels = in_channels
        for name in ("query", "key", "value"):
            conv = nn.Conv2d(in_channels, in_channels, 1)
            setattr(self, f"{name}_weight", nn.Parameter(conv.weight.detach().clone()))
            setattr(self, f"{name}_bias", nn.Parameter(conv.bias.detach().clone()))

    def forward(self, x):
        N, C, H, W = x.shape
        q, k, v = (F.conv2d(x, getattr(self, f"{n}_weight"), getattr(self, f"{n}_bias")).reshape(N, C, H * W)
                   for n in ("query", "key", "value"))
        a = torch.softmax(q.transpose(1, 2) @ k / math.sqrt(C), dim=-1)
        return x + (v @ a.transpose(1, 2)).reshape(N, C, H, W)


def _is_student_attention(module):
    return type(module).__name__ == "Attention" and type(module).__module__ == "__main__"


def _channels(module):
    conv = getattr(module, "conv_query", None)
    if isinstance(conv, nn.Conv2d):
        return conv.in_channels
    convs = [m for m in module.modules() if isinstance(m, nn.Conv2d)]
    return convs[0].in_channels if convs else -1


def with_stand_in(model):
    """A copy of ``model`` whose notebook Attention layers are the stand-in, with the same in_channels."""
    model = copy.deepcopy(model)

    def walk(module):
        for name, child in list(module.named_children()):
            if _is_student_attention(child):
                setattr(module, name, Attention(_channels(child)))
            else:
                walk(child)
    walk(model)
    return model


def signature(module):
    name = type(module).__name__
    if isinstance(module, nn.Conv2d):
        return [name, module.in_channels, module.out_channels]
    if isinstance(module, nn.Linear):
        return [name, module.in_features, module.out_features]
    if isinstance(module, Attention):
        return [name, module.in_channels]
    return [name]


def attention(ns, inputs):
    facts = {"cases": []}
    cls = lookup(ns, "Attention", type)
    for case in inputs["cases"]:
        def run(case=case):
            x = case["x"]
            torch.manual_seed(case["seed"])
            layer = cls(x.shape[1])
            convs = {name: getattr(layer, f"conv_{name}", None) for name in ("query", "key", "value")}
            projections = {name: signature(c) + [list(getattr(c, "kernel_size", [])), getattr(c, "bias", None) is not None]
                           for name, c in convs.items()}
            weights = {name: [plain(c.weight), plain(c.bias)] for name, c in convs.items()}
            x = x.clone().requires_grad_(True)
            with recording_calls([(F, "scaled_dot_product_attention"), (nn.MultiheadAttention, "forward")]) as calls:
                out = layer(x)
            out.backward(case["upstream"])
            with torch.no_grad():  # the value map set to zero: only the residual is left
                convs["value"].weight.zero_()
                convs["value"].bias.zero_()
                residual_only = plain(layer(case["x"]))
            return {"projections": projections, "weights": weights, "output": plain(out), "input_grad": plain(x.grad),
                    "residual_only": residual_only, "trainable_parameters": trainable_parameters(layer),
                    "forbidden_calls": dict(calls), "module_types": module_types(layer)}
        facts["cases"].append(measure({}, "c", run))
    measure(facts, "other_device", lambda: on_other_device(cls(4), [inputs["device_x"]], inputs["device"]))
    return facts


def cnn_variant(ns, inputs, name):
    facts = {}
    models = lookup(ns, "models", dict)
    if name not in models:
        raise KeyError(f"models['{name}'] is not defined (did its cell raise an error?)")
    torch.manual_seed(0)
    model = with_stand_in(models[name])
    children = list(model.children()) if isinstance(model, nn.Sequential) else [model]
    facts["layers"] = [signature(m) for m in children]
    facts["trainable_parameters"] = trainable_parameters(model)
    facts["state"] = [t.detach().clone() for t in model.state_dict().values()]
    model.eval()
    measure(facts, "output", lambda: plain(model(inputs["x"])))
    return facts


def resnet10_attention(ns, inputs):
    facts = {}
    factory = lookup(ns, "ResNet10withAttention")
    ns["Attention"] = Attention  # graded separately: the model builds the stand-in
    torch.manual_seed(0)
    model = with_stand_in(factory())
    facts["trainable_parameters"] = trainable_parameters(model)
    named = {m: n for n, m in model.named_modules()}
    watched = {n: m for n, m in model.named_modules() if n in ("layer1", "layer2", "layer3", "layer4", "fc")
               or isinstance(m, Attention)}
    calls = []

    def hook(module, args, output):
        calls.append({"name": "attention" if isinstance(module, Attention) else named[module],
                      "channels": module.in_channels if isinstance(module, Attention) else -1,
                      "input": id(args[0]) if args else 0, "output": id(output), "shape": list(output.shape)})
    for m in watched.values():
        m.register_forward_hook(hook)
    model.eval()
    with torch.no_grad():
        out = model(inputs["x"])
    keep = []  # ids are compared within this process only
    for i, call in enumerate(calls):
        prev = calls[i - 1] if i else None
        keep.append({"name": call["name"], "channels": call["channels"], "shape": call["shape"],
                     "input_is_previous_output": bool(prev and prev["output"] == call["input"])})
    facts["calls"] = keep
    facts["output_shape"] = list(out.shape)
    return facts


PROBES = {
    "attention": attention,
    "early_attention": lambda ns, inputs: cnn_variant(ns, inputs, "early"),
    "late_attention": lambda ns, inputs: cnn_variant(ns, inputs, "late"),
    "double_attention": lambda ns, inputs: cnn_variant(ns, inputs, "double"),
    "resnet10_attention": resnet10_attention,
}
