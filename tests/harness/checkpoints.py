"""What threshold checks read in the judge: a student's saved file, and the test set it is scored on."""
import hashlib
import os
from pathlib import Path

import numpy as np
import torch

MAX_BYTES = 20 * 2**20  # as nbgrader's max_file_size (nbgrader_config.py)


def load_saved(folder, relative, how):
    """The object saved at ``folder/relative``, loaded with ``torch.load(weights_only=True)``.

    A missing, oversized or unloadable file raises an AssertionError that says so; ``how`` tells
    the student how the exercise saves it ("the training cell saves it with torch.save").
    """
    path = Path(folder) / relative
    assert path.is_file(), f"no checkpoint at {relative} ({how})"
    assert path.stat().st_size < MAX_BYTES, f"{relative} is {path.stat().st_size / 2**20:.1f} MB; the limit is 20 MB"
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise AssertionError(f"{relative} cannot be loaded with torch.load(weights_only=True): "
                             f"{type(exc).__name__}: {str(exc)[:200]}") from None


def cifar10_test_set():
    """The CIFAR-10 test split as (uint8 images N×32×32×3, labels, "real" or "synthetic")."""
    from dlcv.synthetic import CIFAR10_FOLDER

    def read(root):
        from dlcv import data
        dataset = data.CIFAR10(str(root), train=False, transform=None)
        return (torch.from_numpy(np.asarray(dataset.data)), torch.tensor(dataset.targets),
                "synthetic" if data.is_synthetic(str(root)) else "real")
    return _cached_test_set("cifar10", CIFAR10_FOLDER, read)


def mnist_test_set(name):
    """The test split of ``name`` ("MNIST" or "FashionMNIST") as (uint8 images N×28×28, labels, "real" or "synthetic")."""
    def read(root):
        from dlcv import data
        _, test = data.mnist_datasets(str(root), name=name)
        return test.data.clone(), test.targets.clone(), "synthetic" if data.is_synthetic(str(root), name) else "real"
    return _cached_test_set(name.lower(), name, read)


def _cached_test_set(name, folder, read):
    """``read(root)``, read once through torchvision's dataset class and kept in the grader's cache, keyed by
    the data files, so that grading a notebook does not import torchvision again."""
    from harness.proof import GRADER_CACHE
    root = Path(os.environ.get("DLCV_DATA_ROOT", "data")).resolve()
    files = sorted(p for p in (root / folder).rglob("*") if p.is_file())
    stamp = [(str(p.relative_to(root)), p.stat().st_size, p.stat().st_mtime_ns) for p in files]
    key = hashlib.sha256(repr((str(root), stamp)).encode()).hexdigest()[:16]
    cache = GRADER_CACHE / "test_sets" / f"{name}-{key}.pt"
    if cache.exists():
        saved = torch.load(cache, weights_only=True)
    else:
        images, labels, kind = read(root)
        saved = {"images": images, "labels": labels, "kind": kind}
        cache.parent.mkdir(parents=True, exist_ok=True)
        torch.save(saved, cache)
    return saved["images"], saved["labels"], saved["kind"]
