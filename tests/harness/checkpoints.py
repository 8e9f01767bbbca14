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
    """The CIFAR-10 test split as (uint8 images N×32×32×3, labels, "real" or "synthetic").

    Read once through torchvision's CIFAR10 and kept in the grader's cache, keyed by the data files,
    so that grading a notebook does not import torchvision again.
    """
    from dlcv.synthetic import CIFAR10_FOLDER
    from harness.proof import GRADER_CACHE
    root = Path(os.environ.get("DLCV_DATA_ROOT", "data")).resolve()
    folder = root / CIFAR10_FOLDER
    stamp = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*")) if p.is_file()]
    key = hashlib.sha256(repr((str(root), stamp)).encode()).hexdigest()[:16]
    cache = GRADER_CACHE / "test_sets" / f"cifar10-{key}.pt"
    if cache.exists():
        saved = torch.load(cache, weights_only=True)
    else:
        from dlcv import data
        dataset = data.CIFAR10(str(root), train=False, transform=None)
        saved = {"images": torch.from_numpy(np.asarray(dataset.data)), "labels": torch.tensor(dataset.targets),
                 "kind": "synthetic" if data.is_synthetic(str(root)) else "real"}
        cache.parent.mkdir(parents=True, exist_ok=True)
        torch.save(saved, cache)
    return saved["images"], saved["labels"], saved["kind"]
