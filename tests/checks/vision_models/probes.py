"""What the grader measures on a `vision_models` submission (runs in the sandbox, knows no answers).

One probe per exercise: ``PROBES[exercise](namespace, inputs) -> facts``. ``namespace`` holds the
student's notebook objects; ``inputs`` comes from the exercise's checks (tests/checks/vision_models).
"""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from probe_tools import (leaf_layers, lookup, measure, module_types, on_other_device, plain, recording_calls,
                         replace_modules, state_tensors, trainable_parameters)


def _is_notebook_pool(module):
    return type(module).__name__ == "GlobalAvgPool2d" and type(module).__module__ == "__main__"


def with_torch_pooling(model):
    """A copy of ``model`` whose GlobalAvgPool2d layers are torch's own: that exercise is graded separately."""
    return replace_modules(copy.deepcopy(model), _is_notebook_pool,
                           lambda: nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten()))


def sequential_model(ns, inputs, name):
    """A network given as a variable: its layers, weights, and outputs in training and eval mode."""
    facts = {}
    model = lookup(ns, name, nn.Module)
    x = inputs["x"]
    facts["layers"] = leaf_layers(model)
    facts["trainable_parameters"] = trainable_parameters(model)
    runnable = with_torch_pooling(model)
    facts["state"] = state_tensors(runnable)
    runnable.train()
    measure(facts, "output_train", lambda: plain(runnable(x)))
    runnable.eval()
    measure(facts, "output_eval", lambda: plain(runnable(x)))
    measure(facts, "other_device", on_other_device, with_torch_pooling(model).eval(), [x], inputs["device"])
    return facts


def global_avg_pool_layer(ns, inputs):
    facts = {}
    cls = lookup(ns, "GlobalAvgPool2d", type)
    pool = cls()
    facts["parameters"] = sum(p.numel() for p in pool.parameters())
    facts["outputs"] = [measure({}, "y", lambda x=x: plain(pool(x))) for x in inputs["xs"]]

    def gradient():
        x = inputs["xs"][0].clone().requires_grad_(True)
        pool(x).pow(2).sum().backward()
        return plain(x.grad)
    measure(facts, "gradient", gradient)
    measure(facts, "other_device", on_other_device, pool, [inputs["xs"][1]], inputs["device"])
    return facts


def resnet(ns, inputs):
    facts = {}
    cls = lookup(ns, "ResNet", type)

    def build(depth, **kwargs):
        model = cls(depth, **kwargs)
        blocks = [m for m in model.modules() if type(m).__name__ == "ResNetBlock"]
        return {"trainable_parameters": trainable_parameters(model),
                "top_level": [type(m).__name__ for m in model.net.children()],
                "blocks": [[b.f[0].in_channels, b.f[0].out_channels, b.f[0].stride[0]] for b in blocks]}
    facts["structure"] = {depth: measure({}, "s", build, depth) for depth in inputs["depths"]}

    def rejects(depth):
        try:
            cls(depth)
        except Exception as exc:
            return type(exc).__name__
        return "accepted"
    facts["invalid_depths"] = {depth: rejects(depth) for depth in inputs["invalid_depths"]}
    facts["runs"] = []
    for run in inputs["runs"]:
        def forward(run=run):
            torch.manual_seed(0)
            model = with_torch_pooling(cls(run["depth"], **run["kwargs"]))
            state = state_tensors(model)
            model.train()
            model(run["x"])  # updates the batch-norm statistics, as in training
            model.eval()
            return {"state": state, "output_eval": plain(model(run["x"]))}
        facts["runs"].append(measure({}, "r", forward))
    measure(facts, "other_device", lambda: on_other_device(with_torch_pooling(cls()).eval(), [inputs["runs"][0]["x"]],
                                                           inputs["device"]))
    return facts


def lr_decay(ns, inputs):
    facts = {}
    opt, sched, model = lookup(ns, "opt"), lookup(ns, "sched"), lookup(ns, "resnet_decay", nn.Module)
    facts["optimizer"] = type(opt).__name__
    facts["scheduler"] = type(sched).__name__
    facts["scheduler_steps_opt"] = getattr(sched, "optimizer", None) is opt
    in_opt = {id(p) for group in getattr(opt, "param_groups", []) for p in group["params"]}
    facts["covers_model"] = in_opt == {id(p) for p in model.parameters()}
    facts["milestones"] = sorted(getattr(sched, "milestones", {}))
    facts["gamma"] = float(getattr(sched, "gamma", float("nan")))
    lrs, decays = [], []
    for _ in range(inputs["epochs"]):  # what train_model does: one scheduler step after every epoch
        lrs.append([float(g["lr"]) for g in opt.param_groups])
        decays.append([float(g.get("weight_decay", 0.0)) for g in opt.param_groups])
        opt.step()
        sched.step()
    facts["lr_per_epoch"] = lrs
    facts["weight_decay_per_epoch"] = decays
    return facts


def pos_enc_cached(ns, inputs):
    value = lookup(ns, "pos_enc_cached")
    return {"value": plain(value), "dtype": str(value.dtype)}


def positional_encoding(ns, inputs):
    facts = {}
    cache = ns.get("pos_enc_cached")
    if isinstance(cache, torch.Tensor) and cache.shape == inputs["cache"].shape:
        cache.copy_(inputs["cache"])  # the cache is graded separately: use correct values here
    else:
        ns["pos_enc_cached"] = inputs["cache"].clone()
    cls = lookup(ns, "PositionalEncoding", type)
    module = cls()
    facts["trainable_parameters"] = trainable_parameters(module)
    facts["state_keys"] = list(module.state_dict())
    facts["outputs"] = []
    for tokens in inputs["tokens"]:
        original = tokens.clone()
        result = measure({}, "y", lambda: plain(module(tokens)))
        facts["outputs"].append({"output": result, "input_unchanged": bool(torch.equal(tokens, original))})
    measure(facts, "bfloat16_dtype", lambda: str(module(inputs["tokens"][0].bfloat16()).dtype))
    measure(facts, "other_device", on_other_device, module, [inputs["tokens"][0]], inputs["device"])
    return facts


def attention_head(ns, inputs):
    facts = {}
    cls = lookup(ns, "AttentionHead", type)
    facts["cases"] = []
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            head = cls(case["input_dim"], case["head_dim"])
            projections = {name: leaf_layers(nn.Sequential(getattr(head, name))) for name in ("query", "key", "value")}
            weights = {name: [plain(getattr(head, name).weight), plain(getattr(head, name).bias)]
                       for name in ("query", "key", "value")}
            tokens = case["tokens"].clone().requires_grad_(True)
            with recording_calls([(F, "scaled_dot_product_attention"), (nn.MultiheadAttention, "forward")]) as calls:
                out = head(tokens)
            out.backward(case["upstream"])
            return {"projections": projections, "weights": weights, "output": plain(out),
                    "input_grad": plain(tokens.grad), "trainable_parameters": trainable_parameters(head),
                    "forbidden_calls": dict(calls), "module_types": module_types(head)}
        facts["cases"].append(measure({}, "c", run))
    measure(facts, "other_device", lambda: on_other_device(cls(8, 4), [inputs["cases"][0]["tokens"]],
                                                           inputs["device"]))
    return facts


def transformer_block(ns, inputs):
    facts = {"cases": []}
    cls = lookup(ns, "TransformerBlock", type)
    ns["AttentionHead"] = nn.Linear  # attention is graded separately; msa is replaced below
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            block = cls(case["n_heads"], case["dim"], case["mlp_dim"])
            for norm in (block.ln1, block.ln2):  # distinct, non-trivial norms
                nn.init.normal_(norm.weight, 1.0, 0.3)
                nn.init.normal_(norm.bias, 0.0, 0.3)
            block.msa = nn.Linear(case["dim"], case["dim"])  # attention is graded separately
            block.msa.load_state_dict(case["msa_stand_in"])
            return {"state": {k: v.detach().clone() for k, v in block.state_dict().items()},
                    "output": plain(block(case["tokens"]))}
        facts["cases"].append(measure({}, "c", run))
    return facts


class TokenMixer(nn.Module):
    """Stand-in encoder: every token sees the mean token, then a linear map and tanh."""

    def __init__(self, dim):
        super().__init__()
        self.linear = nn.Linear(dim, dim)

    def forward(self, tokens):
        return torch.tanh(self.linear(tokens + tokens.mean(dim=1, keepdim=True)))


def vit(ns, inputs):
    facts = {}
    cls = lookup(ns, "ViT", type)

    ns["PositionalEncoding"] = nn.Identity  # graded separately
    ns["AttentionHead"] = nn.Linear  # graded separately; the encoder is replaced below anyway

    def build():
        torch.manual_seed(0)
        model = cls(**inputs["config"])
        model.embedding.pos_encoding = nn.Identity()  # graded separately
        dim = inputs["config"]["dim"]
        model.encoder = TokenMixer(dim)  # graded separately
        model.encoder.load_state_dict(inputs["encoder_stand_in"])
        return model
    model = build()
    facts["state"] = {k: v.detach().clone() for k, v in model.state_dict().items()}
    images = inputs["images"]
    measure(facts, "output", lambda: plain(model(images)))

    def gradients():
        model.zero_grad()
        model(images).pow(2).sum().backward()
        return {name: (p.grad is not None and bool(p.grad.abs().sum() > 0)) for name, p in model.named_parameters()}
    measure(facts, "gradients", gradients)
    measure(facts, "other_device", on_other_device, build().eval(), [images], inputs["device"])
    return facts


def vit_training(ns, inputs):
    cls = lookup(ns, "ViT", type)
    model = cls(**inputs["config"])
    model.load_state_dict(inputs["state_dict"], strict=True)
    device = torch.device(inputs["device"])
    model.to(device).eval()
    predictions = []
    with torch.no_grad():
        for start in range(0, len(inputs["images"]), 500):
            batch = inputs["images"][start:start + 500].to(device).permute(0, 3, 1, 2).float() / 255
            predictions.append(plain(model((batch - 0.5) / 0.5).argmax(dim=1)).cpu())
    return {"predictions": torch.cat(predictions)}


PROBES = {
    "cnn_batchnorm": lambda ns, inputs: sequential_model(ns, inputs, "cnn_batchnorm"),
    "cnn_strides": lambda ns, inputs: sequential_model(ns, inputs, "cnn_strides"),
    "global_avg_pool_layer": global_avg_pool_layer,
    "global_avg_pool_model": lambda ns, inputs: sequential_model(ns, inputs, "cnn_global_pool"),
    "resnet": resnet,
    "lr_decay": lr_decay,
    "pos_enc_cached": pos_enc_cached,
    "positional_encoding": positional_encoding,
    "attention_head": attention_head,
    "transformer_block": transformer_block,
    "vit": vit,
    "vit_training": vit_training,
}
