"""Measuring tools for probes: they run inside the sandbox, on the student's objects.

Everything a probe returns is plain data (tensors, numbers, strings, lists, dicts), so the
judge can load it with ``torch.load(weights_only=True)`` and compare it with its references.
Nothing here knows a right answer.
"""
import contextlib
import copy
import traceback

import torch
import torch.nn as nn

STUDENT_FILE_PREFIX = "<cell "


class Missing(Exception):
    pass


not_implemented = []  # set when a stub still raises NotImplementedError: the exercise is not done


def student_error(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(STUDENT_FILE_PREFIX)]
    where = "".join(f"\n  in {f.filename[1:-1]}, line {f.lineno}: {f.line}" for f in frames[-3:])
    return f"{type(exc).__name__}: {exc}{where}"


def measure(facts, name, fn, *args, **kwargs):
    """``facts[name] = fn(...)``; if the student's code raises, the error is recorded instead."""
    try:
        facts[name] = fn(*args, **kwargs)
    except Exception as exc:
        # the stub's bare NotImplementedError(), not PyTorch's own (e.g. copying out of a meta tensor)
        if isinstance(exc, NotImplementedError) and not str(exc):
            not_implemented.append(name)
        facts[name] = {"error": student_error(exc)}
    return facts[name]


def lookup(ns, name, kind=None):
    """The student's object called ``name``, with a clear message if it is missing or of the wrong kind."""
    if name not in ns:
        raise Missing(f"'{name}' is not defined (did its cell raise an error?)")
    obj = ns[name]
    if kind is not None and not (isinstance(obj, kind) or (isinstance(obj, type) and issubclass(obj, kind))):
        raise TypeError(f"'{name}' should be a {kind.__name__}, got {type(obj).__name__}")
    return obj


def plain(value):
    """A detached CPU copy of a tensor output, without any tensor subclass."""
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"expected a tensor, got {type(value).__name__}")
    value = value.as_subclass(torch.Tensor).detach()
    if value.device.type == "meta":
        return {"device": "meta", "shape": list(value.shape), "dtype": str(value.dtype)}
    return value.cpu().clone()


def layer(module):
    """Type and settings of one layer."""
    info = {"type": type(module).__name__, "from_notebook": type(module).__module__ == "__main__"}
    for attr in ("in_channels", "out_channels", "kernel_size", "stride", "padding", "in_features", "out_features",
                 "num_features", "output_size", "p", "normalized_shape"):
        if hasattr(module, attr):
            value = getattr(module, attr)
            info[attr] = list(value) if isinstance(value, tuple) else value
    for attr in ("bias",):
        if hasattr(module, attr) and isinstance(getattr(module, attr, None), (torch.Tensor, type(None))):
            info["has_bias"] = getattr(module, attr) is not None
    return info


def leaf_layers(module):
    """The layers of a network in order: modules without children, and modules defined in the notebook."""
    out = []
    for child in module.children():
        if type(child).__module__ == "__main__" or not list(child.children()):
            out.append(layer(child))
        else:
            out.extend(leaf_layers(child))
    return out


def trainable_parameters(module):
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def state_tensors(module):
    """All weights and buffers, in registration order, as (names, tensors)."""
    state = module.state_dict()
    return {"keys": list(state), "tensors": [t.detach().cpu().clone() for t in state.values()]}


def replace_modules(module, predicate, make):
    """Replace (in place) every submodule for which ``predicate`` holds by ``make()``."""
    for name, child in list(module.named_children()):
        if predicate(child):
            setattr(module, name, make())
        else:
            replace_modules(child, predicate, make)
    return module


def on_other_device(module, inputs, device):
    """Run a copy of ``module`` on ``device`` (``cuda`` on a GPU grader, else ``meta``: a device without data)."""
    target = device if device == "cuda" else "meta"
    moved = copy.deepcopy(module).to(target)
    with torch.no_grad():
        out = moved(*[x.to(target) for x in inputs])
    return {"device": out.device.type, "output": plain(out)}


@contextlib.contextmanager
def recording_calls(targets):
    """Count calls to the given (owner, attribute name) functions while the block runs."""
    counts = {f"{getattr(owner, '__name__', type(owner).__name__)}.{name}": 0 for owner, name in targets}
    saved = []
    for owner, name in targets:
        original = getattr(owner, name)
        key = f"{getattr(owner, '__name__', type(owner).__name__)}.{name}"

        def wrapper(*args, _original=original, _key=key, **kwargs):
            counts[_key] += 1
            return _original(*args, **kwargs)
        saved.append((owner, name, original))
        setattr(owner, name, wrapper)
    try:
        yield counts
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def module_types(module):
    return sorted({type(m).__name__ for m in module.modules()})


