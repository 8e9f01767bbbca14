"""What the grader measures on a `fundamentals` submission (runs in the sandbox, knows no answers).

One probe per exercise: ``PROBES[exercise](namespace, inputs) -> facts``. ``namespace`` holds the
student's notebook objects; ``inputs`` comes from the exercise's checks (tests/checks/fundamentals).
Where an exercise builds on another one, the probe swaps in a correct stand-in (a correct residual
block for the stack, correct block and stack for the ResNet, a scripted ``run_epoch`` for ``fit``).
"""
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from probe_tools import layer, lookup, measure, on_other_device, plain, recording_calls, trainable_parameters


def _existing(targets):
    return [(owner, name) for owner, name in targets if hasattr(owner, name)]


DROPOUT_CALLS = _existing([(F, "dropout"), (F, "dropout1d"), (F, "dropout2d"), (F, "dropout3d"), (F, "alpha_dropout"),
                           (F, "feature_alpha_dropout"), (torch, "dropout"), (torch, "dropout_"),
                           (torch, "alpha_dropout"), (torch, "feature_dropout"), (torch, "feature_alpha_dropout")])
NORM_CALLS = _existing([(F, "batch_norm"), (F, "layer_norm"), (F, "instance_norm"), (F, "group_norm"),
                        (torch, "batch_norm"), (torch, "layer_norm"), (torch, "instance_norm"), (torch, "group_norm"),
                        (torch, "native_batch_norm"), (torch, "native_layer_norm")])


def torch_layer_types(module):
    """Names of torch's own layer classes inside ``module`` (the student's own classes are left out)."""
    return sorted({type(m).__name__ for m in module.modules() if type(m).__module__.startswith("torch.")})


def maybe_plain(value):
    return None if value is None else plain(value)


# ---------------------------------------------------------------------------- dropout
def dropout(ns, inputs):
    cls = lookup(ns, "Dropout", type)
    facts = {}
    measure(facts, "torch_layers", lambda: torch_layer_types(cls(0.3)))
    facts["cases"] = []
    for case in inputs["cases"]:
        def run(case=case):
            module = cls(case["p"])
            module.train()
            x = case["x"].clone().requires_grad_(True)
            with recording_calls(DROPOUT_CALLS) as calls:
                torch.manual_seed(case["seed"])
                out = module(x)
                out.backward(case["upstream"])
                torch.manual_seed(case["seed"])
                repeat = module(case["x"])
                second = module(case["x"])
            module.eval()
            evaluated = module(case["x"])
            return {"output": plain(out), "grad": maybe_plain(x.grad), "repeat": plain(repeat),
                    "second": plain(second), "eval": plain(evaluated), "calls": dict(calls)}
        facts["cases"].append(measure({}, "c", run))

    def dtypes():
        module = cls(0.5).train()
        return {str(dtype): str(module(inputs["cases"][0]["x"][:64].to(dtype)).dtype)
                for dtype in (torch.float64, torch.bfloat16)}
    measure(facts, "dtypes", dtypes)
    measure(facts, "other_device", lambda: on_other_device(cls(0.5).train(), [inputs["cases"][0]["x"]],
                                                           inputs["device"]))
    return facts


# ---------------------------------------------------------------------------- batch norm
def batchnorm(ns, inputs):
    cls = lookup(ns, "BatchNorm", type)
    facts = {}

    def structure(channels):
        module = cls(channels)
        initial = {name: [list(p.shape), plain(p)] for name, p in module.named_parameters()}
        module(torch.randn(4, channels, 3))  # buffers created on the first call count too
        return {"parameters": initial,
                "buffers": [name for name, _ in module.named_buffers()],
                "trainable": trainable_parameters(module), "torch_layers": torch_layer_types(module)}
    facts["structure"] = {c: measure({}, "s", structure, c) for c in (1, 3, 6)}
    facts["cases"] = []
    for case in inputs["cases"]:
        def run(case=case):
            channels = case["x"].shape[1]
            module = cls(channels)
            with torch.no_grad():
                module.gamma.data = case["gamma"].reshape(module.gamma.shape).clone()
                module.beta.data = case["beta"].reshape(module.beta.shape).clone()
            x = case["x"].clone().requires_grad_(True)
            with recording_calls(NORM_CALLS) as calls:
                module.train()
                out = module(x)
                out.backward(case["upstream"])
                module.eval()
                evaluated = module(case["x"])
            return {"output": plain(out), "eval": plain(evaluated), "grad_input": maybe_plain(x.grad),
                    "grad_gamma": maybe_plain(module.gamma.grad), "grad_beta": maybe_plain(module.beta.grad),
                    "calls": dict(calls)}
        facts["cases"].append(measure({}, "c", run))
    measure(facts, "float64", lambda: str(cls(3)(inputs["cases"][1]["x"].double()).dtype))
    measure(facts, "other_device", lambda: on_other_device(cls(3), [inputs["cases"][1]["x"]], inputs["device"]))
    return facts


# ---------------------------------------------------------------------------- residual block
def _by_type(module, kind):
    return [m for m in module.modules() if isinstance(m, kind)]


def _randomise_batchnorms(module, seed):
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for bn in _by_type(module, nn.BatchNorm2d):
            shape = bn.weight.shape
            bn.weight.copy_(1 + 0.3 * torch.randn(shape, generator=generator))
            bn.bias.copy_(0.3 * torch.randn(shape, generator=generator))
            bn.running_mean.copy_(0.2 * torch.randn(shape, generator=generator))
            bn.running_var.copy_(0.5 + torch.rand(shape, generator=generator))


def _block_weights(block):
    return {"convs": [plain(m.weight) for m in _by_type(block, nn.Conv2d)],
            "bns": [[plain(m.weight), plain(m.bias), plain(m.running_mean), plain(m.running_var)]
                    for m in _by_type(block, nn.BatchNorm2d)]}


def residual_block(ns, inputs):
    cls = lookup(ns, "ResidualBlock", type)
    facts = {}

    def structure(args):
        block = cls(*args)
        return {"trainable": trainable_parameters(block),
                "convs": [layer(m) for m in _by_type(block, nn.Conv2d)],
                "bns": [layer(m) for m in _by_type(block, nn.BatchNorm2d)],
                "torch_layers": torch_layer_types(block)}
    facts["structure"] = [measure({}, "s", structure, tuple(args)) for args in inputs["structures"]]
    facts["runs"] = []
    for run in inputs["runs"]:
        def forward(run=run):
            torch.manual_seed(run["seed"])
            block = cls(*run["args"])
            _randomise_batchnorms(block, run["seed"])
            weights = _block_weights(block)
            x = run["x"].clone().requires_grad_(True)
            block.train()
            out = block(x)
            out.backward(run["upstream"])
            block.eval()
            with torch.no_grad():
                evaluated = block(run["x"])
            return {"weights": weights, "output_train": plain(out), "grad": maybe_plain(x.grad),
                    "output_eval": plain(evaluated)}
        facts["runs"].append(measure({}, "r", forward))
    first = inputs["runs"][1]
    measure(facts, "other_device", lambda: on_other_device(cls(*first["args"]).eval(), [first["x"]], inputs["device"]))
    return facts


# ---------------------------------------------------------------------------- correct stand-ins
class StandInBlock(nn.Module):
    """A correct residual block, so that the stack and the ResNet are graded on their own."""
    built = []

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.args = [int(in_channels), int(out_channels), int(stride)]
        StandInBlock.built.append(self.args)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)

    def forward(self, x):
        c_in, c_out, stride = self.args
        skip = F.pad(x[:, :, ::stride, ::stride], (0, 0, 0, 0, 0, c_out - c_in))
        return F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + skip)


StandInBlock.__name__ = StandInBlock.__qualname__ = "ResidualBlock"


class StandInStack(nn.Module):
    """A correct stack of stand-in blocks."""
    built = []

    def __init__(self, in_channels, out_channels, stride, num_blocks):
        super().__init__()
        self.args = [int(in_channels), int(out_channels), int(stride), int(num_blocks)]
        StandInStack.built.append(self.args)
        self.blocks = nn.ModuleList([StandInBlock(in_channels, out_channels, stride)]
                                    + [StandInBlock(out_channels, out_channels) for _ in range(num_blocks - 1)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


StandInStack.__name__ = StandInStack.__qualname__ = "ResidualStack"


def residual_stack(ns, inputs):
    cls = lookup(ns, "ResidualStack", type)
    ns["ResidualBlock"] = StandInBlock  # the block is graded separately
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            StandInBlock.built.clear()
            stack = cls(*case["args"])
            blocks = getattr(stack, "blocks", None)
            result = {"blocks_type": type(blocks).__name__,
                      "blocks": [m.args if isinstance(m, StandInBlock) else type(m).__name__
                                 for m in (blocks if isinstance(blocks, nn.ModuleList) else [])],
                      "built": [list(a) for a in StandInBlock.built],
                      "trainable": trainable_parameters(stack)}
            for block in _by_type(stack, StandInBlock):
                _randomise_batchnorms(block, case["seed"])
            result["state"] = [t.detach().clone() for t in stack.state_dict().values()]
            stack.train()
            result["output_train"] = measure({}, "o", lambda: plain(stack(case["x"])))
            stack.eval()
            with torch.no_grad():
                result["output_eval"] = measure({}, "o", lambda: plain(stack(case["x"])))
            return result
        facts["cases"].append(measure({}, "c", run))
    return facts


# ---------------------------------------------------------------------------- ResNet-32
def _cell_source(grade_id):
    """The student's cell with this grade id, as the grader ran it (cells.json in the worker's folder)."""
    with open("cells.json") as f:
        cells = json.load(f)["cells"]
    for cell in cells:
        if cell.get("grade_id") == grade_id:
            return cell["source"]
    raise LookupError(f"the notebook has no cell '{grade_id}'")


def _set_line(source, name, value):
    lines = source.splitlines()
    found = [i for i, line in enumerate(lines) if line.replace(" ", "").startswith(f"{name}=")]
    if not found:
        raise LookupError(f"the cell no longer starts with its line '{name} = ...'")
    lines[found[0]] = f"{name} = {value}"
    return "\n".join(lines) + "\n"


def _flat_layers(module):
    out = []
    for child in module.children():
        if isinstance(child, StandInStack):
            out.append({"type": "ResidualStack", "args": child.args})
        elif isinstance(child, StandInBlock):
            out.append({"type": "ResidualBlock", "args": child.args})
        elif list(child.children()):
            out.extend(_flat_layers(child))
        else:
            out.append(layer(child))
    return out


def resnet32(ns, inputs):
    source = _cell_source("resnet32")
    ns["ResidualBlock"] = StandInBlock  # graded separately
    ns["ResidualStack"] = StandInStack  # graded separately
    facts = {}

    def build(n, num_classes):
        torch.manual_seed(0)
        StandInStack.built.clear()
        scope = dict(ns)
        scope.pop("resnet", None)
        code = _set_line(_set_line(source, "n", n), "num_classes", num_classes)
        exec(compile(code, "<cell resnet32>", "exec"), scope)
        return lookup(scope, "resnet", nn.Module)

    def describe(n, num_classes):
        model = build(n, num_classes)
        weighted = [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
        bns = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
        return {"type": type(model).__name__, "layers": _flat_layers(model), "stacks": [list(a) for a in StandInStack.built],
                "trainable": trainable_parameters(model),
                "blocks": [m.args for m in model.modules() if isinstance(m, StandInBlock)],
                "std_ratios": [float(m.weight.std() / math.sqrt(2 / m.weight[0].numel())) for m in weighted],
                "biases": [plain(m.bias) for m in weighted if m.bias is not None],
                "bn_weights_one": all(bool((m.weight == 1).all()) for m in bns),
                "bn_biases_zero": all(bool((m.bias == 0).all()) for m in bns),
                "output_shapes": [list(model.eval()(torch.zeros(b, 3, 32, 32)).shape) for b in (1, 3)]}
    facts["n5"] = measure({}, "s", describe, 5, 10)
    facts["n2"] = measure({}, "s", describe, 2, 7)

    def outputs():
        model = build(2, 7)
        for block in _by_type(model, StandInBlock):
            _randomise_batchnorms(block, 1)
        state = [t.detach().clone() for t in model.state_dict().values()]
        model.train()
        train_out = plain(model(inputs["x"]))
        model.eval()
        with torch.no_grad():
            eval_out = plain(model(inputs["x"]))
        return {"state": state, "output_train": train_out, "output_eval": eval_out}
    measure(facts, "outputs", outputs)
    measure(facts, "other_device", lambda: on_other_device(build(1, 10).eval(), [inputs["x"]], inputs["device"]))
    return facts


# ---------------------------------------------------------------------------- run_epoch
class Recorder(nn.Module):
    """A tiny classifier that notes, at every forward, whether gradients are tracked and its mode."""

    def __init__(self, state):
        super().__init__()
        self.bn = nn.BatchNorm1d(4)
        self.linear = nn.Linear(4, 3)
        self.load_state_dict(state)
        self.log = []

    def forward(self, x):
        self.log.append([torch.is_grad_enabled(), self.training])
        return self.linear(self.bn(x))


class CountingSGD(torch.optim.SGD):
    calls = None

    def zero_grad(self, set_to_none=True):
        self.calls.append("zero_grad")
        return super().zero_grad(set_to_none)

    def step(self, closure=None):
        self.calls.append("step")
        return super().step(closure)


def run_epoch(ns, inputs):
    fn = lookup(ns, "run_epoch")
    dataset = torch.utils.data.TensorDataset(inputs["x"], inputs["y"])
    facts = {}
    for case in ("eval_none", "eval_optimizer", "train"):
        def run(case=case):
            model = Recorder(inputs["state"])
            model.train(case != "train")  # the opposite mode, so that run_epoch has to set it
            calls = []
            optimizer = None
            if case != "eval_none":
                optimizer = CountingSGD(model.parameters(), lr=inputs["lr"])
                optimizer.calls = calls
            loader = torch.utils.data.DataLoader(dataset, batch_size=inputs["batch_size"], shuffle=False)
            result = fn(model, optimizer, loader, train=(case == "train"))
            loss, accuracy = result
            return {"loss": float(loss), "accuracy": float(accuracy), "log": model.log, "calls": calls,
                    "training_after": model.training,
                    "grads": [p.grad is not None for p in model.parameters()],
                    "state": {k: v.detach().clone() for k, v in model.state_dict().items()}}
        facts[case] = measure({}, "c", run)
    return facts


# ---------------------------------------------------------------------------- fit
class Loader:
    """A named stand-in for a data loader; the test loader refuses to be iterated."""

    def __init__(self, name):
        self.name = name

    def __iter__(self):
        if self.name == "test":
            raise RuntimeError("the test loader was iterated")
        return iter([])


class Loaders(dict):
    def __init__(self, log):
        super().__init__({name: Loader(name) for name in ("train", "val", "test")})
        self.log = log

    def __getitem__(self, key):
        self.log.append(f"dataloaders[{key!r}]")
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.log.append(f"dataloaders[{key!r}]")
        return super().get(key, default)


class Scheduler:
    def __init__(self, log):
        self.log = log

    def step(self, *args, **kwargs):
        self.log.append("scheduler.step")


def fit_early_stopping(ns, inputs):
    fn = lookup(ns, "fit")
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            events, accesses = [], []
            epoch = [0]
            script = case["val_accuracies"]

            def scripted_run_epoch(model, optimizer, dataloader, train):
                name = getattr(dataloader, "name", type(dataloader).__name__)
                events.append(f"run_epoch({name}, train={bool(train)})")
                if train:
                    epoch[0] += 1
                    with torch.no_grad():  # every epoch leaves its own mark in the weights and buffers
                        for tensor in model.state_dict().values():
                            tensor.fill_(epoch[0])
                    return 1.0 / epoch[0], 0.5
                return 1.0, script[epoch[0] - 1] if 0 < epoch[0] <= len(script) else 0.0
            ns["run_epoch"] = scripted_run_epoch  # graded separately; fit looks it up in the notebook
            model = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
            optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
            scheduler = Scheduler(events) if case["scheduler"] else None
            returned = fn(model, optimizer, scheduler, Loaders(accesses), case["max_epochs"], case["patience"])
            return {"events": events, "accesses": accesses, "returned_none": returned is None,
                    "state": {k: v.detach().clone() for k, v in model.state_dict().items()}}
        facts["cases"].append(measure({}, "c", run))
    return facts


# ---------------------------------------------------------------------------- train_resnet
def train_resnet(ns, inputs):
    model = lookup(ns, "resnet", nn.Module)
    try:
        model.load_state_dict(inputs["state_dict"], strict=True)
    except Exception as exc:
        return {"load_error": f"{type(exc).__name__}: {str(exc)[:400]}"}
    device = torch.device(inputs["device"] if inputs["device"] == "cuda" else "cpu")
    model.to(device).eval()
    mean = torch.tensor(inputs["mean"], device=device)[None, :, None, None]
    std = torch.tensor(inputs["std"], device=device)[None, :, None, None]
    predictions = []
    with torch.no_grad():
        for start in range(0, len(inputs["images"]), 250):
            batch = inputs["images"][start:start + 250].to(device).permute(0, 3, 1, 2).float() / 255
            predictions.append(plain(model((batch - mean) / std).argmax(dim=1)).cpu())
    return {"predictions": torch.cat(predictions)}


PROBES = {
    "dropout": dropout,
    "batchnorm": batchnorm,
    "residual_block": residual_block,
    "residual_stack": residual_stack,
    "resnet32": resnet32,
    "run_epoch": run_epoch,
    "fit_early_stopping": fit_early_stopping,
    "train_resnet": train_resnet,
}
