"""What the grader measures on a `light_vit` submission (runs in the sandbox, knows no answers).

One probe per exercise: ``PROBES[exercise](namespace, inputs) -> facts``. Where an exercise's object uses
another exercise's function or class, that dependency is swapped for a correct stand-in (built here from
torch's own operations, with weights the checks choose), so one mistake costs one exercise.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from probe_tools import (layer, leaf_layers, lookup, measure, module_types, on_other_device, plain, recording_calls,
                         trainable_parameters)


def raised(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as exc:
        return type(exc).__name__
    return "accepted"


def patches(ns, inputs):
    fn = lookup(ns, "patches")
    facts = {"cases": []}
    for case in inputs["cases"]:
        facts["cases"].append(measure({}, "c", lambda case=case: plain(fn(case["images"], case["n"]))))
    facts["dtype"] = measure({}, "d", lambda: str(fn(inputs["cases"][0]["images"].double(), inputs["cases"][0]["n"]).dtype))
    facts["invalid"] = [raised(fn, images, n) for images, n in inputs["invalid"]]
    measure(facts, "other_device", lambda: on_other_device(_Call(fn, inputs["cases"][0]["n"]),
                                                           [inputs["cases"][0]["images"]], inputs["device"]))
    return facts


class _Call(nn.Module):
    def __init__(self, fn, *args):
        super().__init__()
        self.fn, self.args = fn, args

    def forward(self, x):
        return self.fn(x, *self.args)


def linear_map(ns, inputs):
    fn = lookup(ns, "make_linear_map")

    def build(case):
        module = fn(case["image_dim"], case["n"], case["d"])
        return {"layers": [layer(module)] if not list(module.children()) else leaf_layers(module),
                "trainable_parameters": trainable_parameters(module)}
    return {"cases": [measure({}, "c", build, case) for case in inputs["cases"]]}


def cls_token(ns, inputs):
    make, prepend = lookup(ns, "make_cls_token"), lookup(ns, "prepend_cls_token")
    facts = {}

    def made(d):
        torch.manual_seed(0)
        token = make(d)
        return {"is_parameter": isinstance(token, nn.Parameter), "requires_grad": bool(token.requires_grad),
                "value": plain(token)}
    facts["made"] = [measure({}, "m", made, d) for d in inputs["dims"]]
    facts["prepended"] = [measure({}, "p", lambda c=c: plain(prepend(nn.Parameter(c["token"]), c["tokens"])))
                          for c in inputs["cases"]]

    def gradient():
        token = nn.Parameter(inputs["cases"][0]["token"].clone())
        prepend(token, inputs["cases"][0]["tokens"]).pow(2).sum().backward()
        return plain(token.grad)
    measure(facts, "gradient", gradient)
    case = inputs["cases"][0]
    measure(facts, "other_device", lambda: on_other_device(_Prepend(prepend, case["token"]), [case["tokens"]],
                                                           inputs["device"]))
    return facts


class _Prepend(nn.Module):
    def __init__(self, fn, token):
        super().__init__()
        self.fn, self.token = fn, nn.Parameter(token.clone())

    def forward(self, x):
        return self.fn(self.token, x)


def pos_embed(ns, inputs):
    table, make = lookup(ns, "get_pos_embeddings"), lookup(ns, "make_pos_embed")
    facts = {"tables": [measure({}, "t", lambda c=c: plain(table(*c))) for c in inputs["tables"]]}
    facts["dtypes"] = [measure({}, "d", lambda c=c: str(table(*c).dtype)) for c in inputs["tables"]]

    def made(n, d):
        param = make(n, d)
        holder = nn.Module()
        holder.p = param
        return {"is_parameter": isinstance(param, nn.Parameter), "requires_grad": bool(param.requires_grad),
                "value": plain(param), "in_state_dict": "p" in holder.state_dict(),
                "trainable_parameters": trainable_parameters(holder)}
    facts["made"] = [measure({}, "m", made, n, d) for n, d in inputs["made"]]
    return facts


def mhsa(ns, inputs):
    cls = lookup(ns, "MHSA", type)
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            module = cls(case["d"], case["n_heads"])
            maps = {}
            for name in ("q", "k", "v"):
                mapping = getattr(module, f"{name}_mappings")
                maps[name] = {"type": type(mapping).__name__, "layers": [layer(m) for m in mapping],
                              "weights": [[plain(m.weight), plain(m.bias) if m.bias is not None else None]
                                          for m in mapping]}
            x = case["x"].clone().requires_grad_(True)
            with recording_calls([(F, "scaled_dot_product_attention"), (nn.MultiheadAttention, "forward")]) as calls:
                out = module(x)
            out.backward(case["upstream"])
            return {"maps": maps, "d_head": getattr(module, "d_head", None), "output": plain(out),
                    "input_grad": plain(x.grad), "trainable_parameters": trainable_parameters(module),
                    "forbidden_calls": dict(calls), "module_types": module_types(module)}
        facts["cases"].append(measure({}, "c", run))
    facts["invalid"] = [raised(cls, d, h) for d, h in inputs["invalid"]]
    case = inputs["cases"][0]
    measure(facts, "other_device", lambda: on_other_device(cls(case["d"], case["n_heads"]), [case["x"]],
                                                           inputs["device"]))
    return facts


class StandInAttention(nn.Module):
    """Stand-in for MHSA (graded separately): a linear map of the normalised tokens plus their mean."""

    def __init__(self, d, n_heads=2):
        super().__init__()
        self.linear = nn.Linear(d, d)

    def forward(self, x):
        return self.linear(x) + x.mean(dim=1, keepdim=True)


def encoder(ns, inputs):
    cls = lookup(ns, "ViTEncoder", type)
    ns["MHSA"] = StandInAttention  # attention is graded separately
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            block = cls(case["d"], case["n_heads"])
            block.mhsa = StandInAttention(case["d"])
            block.mhsa.load_state_dict(case["attention"])
            norms = {}
            for name in ("norm1", "norm2"):
                norm = getattr(block, name)
                norms[name] = layer(norm)
                if isinstance(norm, nn.LayerNorm):  # distinct, non-trivial norms
                    norm.weight.data = case[name][0].clone()
                    norm.bias.data = case[name][1].clone()
            return {"norms": norms, "mhsa_from_notebook_class": True,
                    "state": {k: v.detach().clone() for k, v in block.state_dict().items()},
                    "output": plain(block(case["x"]))}
        facts["cases"].append(measure({}, "c", run))

    def built_attention():
        block = cls(8, 2)
        return type(block.mhsa).__name__
    facts["attention_type"] = measure({}, "a", built_attention)
    return facts


def classifier(ns, inputs):
    make, classify = lookup(ns, "make_classifier"), lookup(ns, "classify")
    facts = {"made": [measure({}, "m", lambda c=c: [layer(make(*c))]) for c in inputs["made"]]}

    def run(case):
        head = nn.Linear(*case["weight"].shape[::-1])
        head.weight.data, head.bias.data = case["weight"].clone(), case["bias"].clone()
        return plain(classify(head, case["tokens"]))
    facts["outputs"] = [measure({}, "o", run, case) for case in inputs["cases"]]
    return facts


class TokenMixer(nn.Module):
    """Stand-in encoder block (graded separately): every token sees the mean token, then a linear map and tanh."""

    def __init__(self, d, n_heads=2):
        super().__init__()
        self.linear = nn.Linear(d, d)

    def forward(self, tokens):
        return torch.tanh(self.linear(tokens + tokens.mean(dim=1, keepdim=True)))


def _stand_ins(ns):
    """Correct stand-ins for the functions the other exercises write (graded separately)."""
    def patches_(images, n):
        N, C, H, W = images.shape
        if H % n or W % n:
            raise ValueError("not divisible")
        h, w = H // n, W // n
        return images.reshape(N, C, n, h, n, w).permute(0, 2, 4, 1, 3, 5).reshape(N, n * n, C * h * w)

    def table(T, d):
        i = torch.arange(T, dtype=torch.float64)[:, None]
        j = torch.arange(d)
        angle = i / 10000 ** ((j - j % 2).double() / d)
        return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float()
    ns.update({
        "patches": patches_,
        "make_linear_map": lambda image_dim, n, d: nn.Linear(image_dim[0] * (image_dim[1] // n) * (image_dim[2] // n), d),
        "make_cls_token": lambda d: nn.Parameter(torch.rand(1, d)),
        "prepend_cls_token": lambda token, tokens: torch.cat([token.expand(len(tokens), 1, tokens.shape[-1]), tokens], 1),
        "get_pos_embeddings": table,
        "make_pos_embed": lambda n, d: nn.Parameter(table(n * n + 1, d), requires_grad=False),
        "make_classifier": lambda d, k: nn.Linear(d, k),
        "classify": lambda head, tokens: head(tokens[:, 0]),
        "ViTEncoder": TokenMixer,
        "MHSA": StandInAttention,
    })


def lightvit(ns, inputs):
    cls = lookup(ns, "LightViT", type)
    _stand_ins(ns)
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            model = cls(case["image_dim"], **case["kwargs"])
            blocks = getattr(model, "blocks", None)
            structure = {"blocks_type": type(blocks).__name__,
                         "blocks": [type(b).__name__ for b in blocks] if isinstance(blocks, nn.Module) else None,
                         "trainable_parameters": trainable_parameters(model)}
            state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            out = model(case["images"])
            model.zero_grad()
            out.pow(2).sum().backward()
            reached = {name: p.grad is not None and bool(p.grad.abs().sum() > 0) for name, p in model.named_parameters()}
            return {"structure": structure, "state": state, "output": plain(out), "gradients": reached}
        facts["cases"].append(measure({}, "c", run))
    facts["invalid"] = [raised(cls, image_dim, **kwargs) for image_dim, kwargs in inputs["invalid"]]
    case = inputs["cases"][0]
    measure(facts, "other_device", lambda: on_other_device(cls(case["image_dim"], **case["kwargs"]), [case["images"]],
                                                           inputs["device"]))
    return facts


def _predict(ns, state, images, mean_std):
    """Rebuild LightViT((1, 28, 28)) with the student's classes, load the weights strictly, predict."""
    model = lookup(ns, "LightViT", type)((1, 28, 28))
    try:
        model.load_state_dict(state, strict=True)
    except Exception as exc:
        return {"load_error": f"{type(exc).__name__}: {str(exc)[:300]}"}
    model.eval()
    x = (images.float() / 255 - mean_std[0]) / mean_std[1]
    with torch.no_grad():
        predictions = torch.cat([plain(model(x[i:i + 1000, None]).argmax(dim=1))
                                 for i in range(0, len(x), 1000)])
    return {"predictions": predictions}


def train_mnist(ns, inputs):
    return _predict(ns, inputs["state_dict"], inputs["images"], inputs["mean_std"])


def _figure_facts(fig):
    facts = {"is_figure": hasattr(fig, "axes"), "axes": []}
    for ax in getattr(fig, "axes", []):
        legend = ax.get_legend()
        facts["axes"].append({
            "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(), "title": ax.get_title(),
            "legend": [t.get_text() for t in legend.get_texts()] if legend is not None else None,
            "lines": [{"label": line.get_label(), "x": [float(v) for v in line.get_xdata()],
                       "y": [float(v) for v in line.get_ydata()]} for line in ax.get_lines()]})
    return facts


def fmnist_lr_sweep(ns, inputs):
    facts = {}
    if inputs.get("state_dict") is not None:
        facts.update(_predict(ns, inputs["state_dict"], inputs["images"], inputs["mean_std"]))
    select = ns.get("select_best_lr")
    facts["selected"] = [measure({}, "s", select, table) if select else {"error": "select_best_lr is not defined"}
                         for table in inputs["tables"]]

    def plot():
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig = lookup(ns, "plot_sweep")(inputs["tables"][0])
        result = _figure_facts(fig if fig is not None else plt.gcf())
        plt.close("all")
        return result
    measure(facts, "plot", plot)
    return facts


PROBES = {
    "patches": patches,
    "linear_map": linear_map,
    "cls_token": cls_token,
    "pos_embed": pos_embed,
    "mhsa": mhsa,
    "encoder": encoder,
    "classifier": classifier,
    "lightvit": lightvit,
    "train_mnist": train_mnist,
    "fmnist_lr_sweep": fmnist_lr_sweep,
}
