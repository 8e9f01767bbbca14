"""What the grader measures on a `training` submission (runs in the sandbox, knows no answers).

One probe per exercise: ``PROBES[exercise](namespace, inputs) -> facts``. ``namespace`` holds the
notebook's objects; the modules ``networks`` and ``solver`` are the submission's own files, imported
from the worker's folder. A probe may replace a module global by a stand-in (``networks.ResidualBlock``
while ResNet is measured), so that one mistake is charged to one exercise.
"""
import copy
import importlib

import torch
import torch.nn as nn

from probe_tools import layer, lookup, measure, on_other_device, plain, recording_calls, trainable_parameters


def _module(name):
    return importlib.import_module(name)


# -- bn_backward ------------------------------------------------------------------------------------
AUTOGRAD_ENTRY_POINTS = [(torch.autograd, "backward"), (torch.autograd, "grad"), (torch.Tensor, "backward")]


def bn_backward(ns, inputs):
    fn = lookup(ns, "batchnorm_backward")
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            x, gamma, dy, eps = case["x"], case["gamma"], case["dy"], case["eps"]
            mu = x.mean(dim=0)
            var = x.var(dim=0, unbiased=False)
            x_hat = (x - mu) / torch.sqrt(var + eps)
            cache = (x, x_hat, mu, var, gamma, eps)
            # no input requires grad and recording is off; calls into autograd are counted as well
            with torch.no_grad(), recording_calls(AUTOGRAD_ENTRY_POINTS) as calls:
                result = fn(dy, cache)
            result = tuple(result)
            return {"outputs": [plain(t) for t in result], "dtypes": [str(t.dtype) for t in result],
                    "autograd_calls": sum(calls.values())}
        facts["cases"].append(measure({}, "c", run))
    return facts


# -- residual_block ---------------------------------------------------------------------------------
def _randomise_batchnorms(module):
    """Distinct, non-trivial affine parameters and running statistics: the layers' roles then matter."""
    with torch.no_grad():
        for bn in module.modules():
            if isinstance(bn, nn.modules.batchnorm._BatchNorm):
                if bn.weight is not None:
                    bn.weight.uniform_(0.5, 1.5)
                    bn.bias.uniform_(-0.5, 0.5)
                if bn.running_mean is not None:
                    bn.running_mean.uniform_(-0.5, 0.5)
                    bn.running_var.uniform_(0.5, 2.0)


def _tensor(t):
    return None if t is None else t.detach().cpu().clone()


def _conv_facts(conv):
    return dict(layer(conv), groups=conv.groups, dilation=list(conv.dilation), weight=_tensor(conv.weight),
                bias_tensor=_tensor(conv.bias))


def _bn_facts(bn):
    return dict(layer(bn), eps=bn.eps, weight=_tensor(bn.weight), bias_tensor=_tensor(bn.bias),
                running_mean=_tensor(bn.running_mean), running_var=_tensor(bn.running_var))


def residual_block(ns, inputs):
    cls = _module("networks").ResidualBlock
    facts = {"cases": []}
    for case in inputs["cases"]:
        def run(case=case):
            torch.manual_seed(case["seed"])
            block = cls(*case["args"])
            _randomise_batchnorms(block)
            convs = [m for m in block.modules() if isinstance(m, nn.Conv2d)]
            bns = [m for m in block.modules() if isinstance(m, nn.BatchNorm2d)]
            others = [type(m).__name__ for m in block.modules()
                      if not isinstance(m, (nn.Conv2d, nn.BatchNorm2d)) and list(m.parameters(recurse=False))]
            info = {"convs": [_conv_facts(c) for c in convs], "bns": [_bn_facts(b) for b in bns],
                    "other_parametrised": others, "trainable_parameters": trainable_parameters(block)}
            x = case["x"]
            block.eval()
            info["output_eval"] = measure({}, "y", lambda: plain(block(x)))
            block.train()
            info["output_train"] = measure({}, "y", lambda: plain(block(x)))
            return info
        facts["cases"].append(measure({}, "c", run))
    measure(facts, "other_device", lambda: on_other_device(cls(8, 12, 2).eval(), [inputs["device_x"]],
                                                           inputs["device"]))
    return facts


# -- resnet_budget ----------------------------------------------------------------------------------
class StandInBlock(nn.Module):
    """Stands in for the submission's ResidualBlock (graded separately): 1×1 convolution with the
    block's stride, then ReLU."""

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.in_channels, self.out_channels, self.stride = in_channels, out_channels, stride
        self.conv = nn.Conv2d(in_channels, out_channels, 1, stride=stride)

    def forward(self, x):
        return torch.relu(self.conv(x))


def _outside_blocks(module):
    """Leaf modules outside the stand-in blocks, and the blocks, in registration order."""
    out = []
    for child in module.children():
        if isinstance(child, StandInBlock):
            out.append(child)
        elif not list(child.children()):
            out.append(child)
        else:
            out.extend(_outside_blocks(child))
    return out


def resnet_budget(ns, inputs):
    networks = _module("networks")
    networks.ResidualBlock = StandInBlock  # graded separately
    facts = {}
    torch.manual_seed(0)
    model = networks.ResNet()
    _randomise_batchnorms(model)
    parts = _outside_blocks(model)
    blocks = [m for m in parts if isinstance(m, StandInBlock)]
    facts["sequence"] = ["ResidualBlock" if isinstance(m, StandInBlock) else type(m).__name__ for m in parts]
    facts["blocks"] = [[b.in_channels, b.out_channels, b.stride] for b in blocks]
    facts["block_modules_used"] = sum(isinstance(m, StandInBlock) for m in model.modules())
    facts["trainable_outside_blocks"] = trainable_parameters(model) - sum(trainable_parameters(b) for b in blocks)
    facts["convs"] = [_conv_facts(m) for m in parts if isinstance(m, nn.Conv2d)]
    facts["bns"] = [_bn_facts(m) for m in parts if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    facts["linears"] = [dict(layer(m), weight=_tensor(m.weight), bias_tensor=_tensor(m.bias))
                        for m in parts if isinstance(m, nn.Linear)]
    facts["block_weights"] = [[_tensor(b.conv.weight), _tensor(b.conv.bias)] for b in blocks]
    model.eval()
    measure(facts, "output_eval", lambda: plain(model(inputs["x"])))
    measure(facts, "other_device", on_other_device, model, [inputs["x"]], inputs["device"])
    return facts


# -- capacity ---------------------------------------------------------------------------------------
def capacity_cases():
    """Small modules to count (the judge builds the same ones)."""
    torch.manual_seed(0)
    conv_bn = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4, 2))
    frozen = nn.Sequential(nn.Linear(6, 5), nn.LayerNorm(5), nn.Linear(5, 3))
    for p in frozen[0].parameters():
        p.requires_grad_(False)
    frozen[1].bias.requires_grad_(False)
    tied = nn.Sequential(nn.Linear(5, 5), nn.Tanh(), nn.Linear(5, 5))
    tied[2].weight = tied[0].weight
    shared = nn.Sequential()
    lin = nn.Linear(4, 4)
    shared.append(lin)
    shared.append(lin)
    warmup = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                           nn.Conv2d(6, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                           nn.Flatten(), nn.Linear(512, 32), nn.ReLU(), nn.Linear(32, 10))
    return {"conv_bn": conv_bn, "frozen": frozen, "tied": tied, "shared_module": shared, "warmup": warmup,
            "parameter_free": nn.ReLU()}


def capacity(ns, inputs):
    fn = lookup(ns, "capacity")
    facts = {}
    for name, module in capacity_cases().items():
        def run(module=module):
            result = fn(module)
            return {"type": type(result).__name__, "value": float(result)}
        facts[name] = measure({}, "c", run)
    return facts


# -- Solver.test ------------------------------------------------------------------------------------
class Recorder(nn.Module):
    """A tiny classifier whose inputs carry their own index in column 0; it records every forward call."""

    def __init__(self, features, classes, mode="batchnorm"):
        super().__init__()
        self.mode = mode
        self.norm = nn.BatchNorm1d(features) if mode == "batchnorm" else None
        self.linear = nn.Linear(features, classes) if mode == "linear" else None
        self.calls = []

    def forward(self, x):
        self.calls.append({"training": self.training, "grad": torch.is_grad_enabled(),
                           "ids": [int(i) for i in x[:, 0].tolist()]})
        features = x[:, 1:]
        return self.norm(features) if self.mode == "batchnorm" else self.linear(features)


def _solver_state(s):
    opt = [_tensor(v) for state in s.optimizer.state.values() for v in state.values() if torch.is_tensor(v)]
    sched = {k: v for k, v in s.scheduler.state_dict().items() if isinstance(v, (int, float))}
    model = [_tensor(t) for t in s.model.state_dict().values()]
    return {"model": model, "optimizer": opt, "scheduler": sched}


def solver_test(ns, inputs):
    Solver = _module("solver").Solver
    x, y = inputs["x"], inputs["y"]
    dataset = torch.utils.data.TensorDataset(x, y)
    model = Recorder(x.shape[1] - 1, x.shape[1] - 1)
    s = Solver(model, {"train": dataset, "val": dataset}, optimizer="SGD",
               optimizer_config={"lr": 0.01, "momentum": 0.9}, scheduler="StepLR", scheduler_config={"step_size": 2},
               batch_size=inputs["batch_size"], num_train_samples=None, num_workers=0, device="cpu")
    s.model.train()
    s.optimizer.zero_grad()  # one ordinary training step, so that optimizer and scheduler have a state
    nn.functional.cross_entropy(s.model(x[:16]), y[:16]).backward()
    s.optimizer.step()
    s.scheduler.step()
    s.model.train()
    facts = {"state_before": _solver_state(s), "calls": []}
    for num_samples in inputs["num_samples"]:
        model.calls = []

        def run(num_samples=num_samples):
            result = s.test(dataset, num_samples) if num_samples != "omitted" else s.test(dataset)
            return {"type": type(result).__name__,
                    "value": float(result) if isinstance(result, (int, float)) or torch.is_tensor(result) else None}
        facts["calls"].append({"result": measure({}, "r", run), "forwards": list(model.calls)})
    facts["training_after"] = model.training
    facts["state_after"] = _solver_state(s)
    return facts


# -- Solver.train -----------------------------------------------------------------------------------
class FakeBar:
    """Stands in for a tqdm progress bar and records what is shown on it."""

    def __init__(self, iterable, events):
        self.iterable, self.events = iterable, events

    def __iter__(self):
        for item in self.iterable:
            self.events.append(["epoch", ""])
            yield item

    def __len__(self):
        return len(self.iterable)

    def _show(self, kind, *args, **kwargs):
        self.events.append([kind, " ".join([str(a) for a in args] + [f"{k}={v}" for k, v in kwargs.items()])])

    def set_postfix(self, *args, **kwargs):
        self._show("postfix", *args, **kwargs)

    def set_postfix_str(self, *args, **kwargs):
        self._show("postfix", *args, **kwargs)

    def set_description(self, *args, **kwargs):
        self._show("postfix", *args, **kwargs)

    def write(self, *args, **kwargs):
        self._show("postfix", *args, **kwargs)

    def update(self, *args, **kwargs):
        pass

    def refresh(self, *args, **kwargs):
        pass

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _patch_progress_bars(module, record):
    """Every way to a tqdm.auto bar (the module's own names and tqdm.auto's) records its bar instead."""
    import tqdm.auto

    def fake_trange(*args, **kwargs):
        record["bars"].append({"kind": "trange", "args": [a for a in args if isinstance(a, int)]})
        return FakeBar(range(*[a for a in args if isinstance(a, int)]), record["events"])

    def fake_tqdm(iterable=None, *args, **kwargs):
        record["bars"].append({"kind": "tqdm", "args": [len(iterable)] if hasattr(iterable, "__len__") else []})
        return FakeBar(iterable, record["events"])
    for owner in (tqdm.auto, module):
        if callable(getattr(owner, "trange", None)):
            setattr(owner, "trange", fake_trange)
        if callable(getattr(owner, "tqdm", None)):  # the class or function, not the package
            setattr(owner, "tqdm", fake_tqdm)


def _scripted_test(s, script, record, snapshots=None):
    """Replaces the instance's test(): scripted accuracies, and what it was asked."""
    def test(dataset, num_samples=None):
        which = "train" if dataset is s.data["train"] else "val" if dataset is s.data["val"] else "other"
        record.append([which, -1 if num_samples is None else int(num_samples)])
        s.model.eval()  # as the real test() does
        if which == "val" and snapshots is not None:
            snapshots.append([_tensor(t) for t in s.model.state_dict().values()])
        return float(script[which].pop(0))
    return test


def _history(s):
    return {"epoch": s.epoch, "loss_history": [float(v) if isinstance(v, (int, float)) else None for v in s.loss_history],
            "loss_types": [type(v).__name__ for v in s.loss_history], "train_acc": list(map(float, s.train_acc)),
            "val_acc": list(map(float, s.val_acc)), "best_val_acc": float(s.best_val_acc)}


def solver_train(ns, inputs):
    solver_module = _module("solver")
    Solver = solver_module.Solver
    x, y = inputs["x"], inputs["y"]
    dataset = torch.utils.data.TensorDataset(x, y)
    features, classes = x.shape[1] - 1, int(y.max()) + 1
    facts = {}

    def make(scheduler=None, scheduler_config=None, lr=0.0):
        torch.manual_seed(0)
        model = Recorder(features, classes, mode="linear")
        return Solver(model, {"train": dataset, "val": torch.utils.data.TensorDataset(x[:4], y[:4])},
                      optimizer="SGD", optimizer_config={"lr": lr}, scheduler=scheduler,
                      scheduler_config=scheduler_config, batch_size=inputs["batch_size"],
                      num_train_samples=3, num_val_samples=2, num_workers=0, device="cpu")

    # A: fixed weights (lr 0): histories, loss, modes, shuffling, the progress bar
    def scenario_a():
        s = make()
        bars = {"bars": [], "events": []}
        _patch_progress_bars(solver_module, bars)
        asked = []
        s.test = _scripted_test(s, {"train": list(inputs["script_a"]["train"]), "val": list(inputs["script_a"]["val"])},
                                asked)
        out = {"initial_state": {k: _tensor(v) for k, v in s.model.state_dict().items() if k.startswith("linear")}}
        out["returned"] = []
        out["after"] = []
        for epochs in inputs["calls_a"]:
            returned = s.train(epochs)
            out["returned"].append(type(returned).__name__)
            out["after"].append(_history(s))
        out["forwards"] = s.model.calls
        out["asked"] = asked
        out["bars"] = list(bars["bars"])  # later scenarios keep the recording bars, not their records
        out["events"] = list(bars["events"])
        return out
    measure(facts, "a", scenario_a)

    # B: learning weights; the best validation weights are restored across calls
    def scenario_b():
        s = make(lr=0.5)
        asked, snapshots = [], []
        s.test = _scripted_test(s, {"train": list(inputs["script_b"]["train"]), "val": list(inputs["script_b"]["val"])},
                                asked, snapshots)
        finals = []
        for epochs in inputs["calls_b"]:
            s.train(epochs)
            finals.append([_tensor(t) for t in s.model.state_dict().values()])
        return {"snapshots": snapshots, "finals": finals, "history": _history(s)}
    measure(facts, "b", scenario_b)

    # C and D: how often, and with what, the scheduler is stepped
    def scheduler_steps(name, config, script):
        s = make(scheduler=name, scheduler_config=config, lr=0.1)
        s.test = _scripted_test(s, {"train": list(script["train"]), "val": list(script["val"])}, [])
        steps = []
        original = s.scheduler.step

        def step(*args, **kwargs):
            steps.append([float(a) if isinstance(a, (int, float)) or torch.is_tensor(a) else str(a)
                          for a in list(args) + list(kwargs.values())])
            return original(*args, **kwargs)
        s.scheduler.step = step
        s.train(len(script["val"]))
        return steps
    measure(facts, "step_lr", scheduler_steps, "StepLR", {"step_size": 1, "gamma": 0.5}, inputs["script_c"])
    measure(facts, "plateau", scheduler_steps, "ReduceLROnPlateau", {"mode": "max", "patience": 0},
            inputs["script_c"])
    return facts


# -- train_to_threshold -----------------------------------------------------------------------------
def train_to_threshold(ns, inputs):
    model = _module("networks").ResNet()
    facts = {"capacity": trainable_parameters(model)}
    try:
        model.load_state_dict(inputs["model_state"], strict=True)
    except Exception as exc:
        facts["load_error"] = f"{type(exc).__name__}: {str(exc)[:400]}"
        return facts
    device = torch.device(inputs["device"])
    model.to(device).eval()
    predictions = []
    with torch.no_grad():
        for start in range(0, len(inputs["images"]), 250):
            batch = inputs["images"][start:start + 250].to(device).permute(0, 3, 1, 2).float() / 255
            predictions.append(plain(model((batch - 0.5) / 0.5).argmax(dim=1)).cpu())
    facts["predictions"] = torch.cat(predictions)
    return facts


PROBES = {
    "bn_backward": bn_backward,
    "residual_block": residual_block,
    "resnet_budget": resnet_budget,
    "capacity": capacity,
    "solver_test": solver_test,
    "solver_train": solver_train,
    "train_to_threshold": train_to_threshold,
}
