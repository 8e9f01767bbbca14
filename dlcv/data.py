"""Data loading for the course notebooks: CIFAR-10, MNIST and Fashion-MNIST.

Real data is used whenever it is on disk (or can be downloaded).  Without it,
``python -m dlcv.synthetic`` writes offline stand-ins in the same formats; they
carry a ``SYNTHETIC`` marker and are reported as such by every loader here.
"""

import os
from pathlib import Path

import torch
from torch.utils.data import DataLoader, Subset
from torchvision import datasets, transforms

from dlcv.synthetic import CIFAR10_FOLDER, MARKER

# ----------------------------------------------------------------------------
# Settings
# ----------------------------------------------------------------------------
DATA_ROOT = os.environ.get("DLCV_DATA_ROOT", "data")  # the grader points every notebook at one folder
CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer',
                   'dog', 'frog', 'horse', 'ship', 'truck']
CIFAR10_MEAN_STD = ((0.5,) * 3, (0.5,) * 3)
SPLIT_SEED = 0          # seed of the fixed train / validation permutation
VAL_FRACTION = 10       # one image in VAL_FRACTION goes to validation

_FOLDERS = {"cifar10": CIFAR10_FOLDER, "mnist": "MNIST", "fashionmnist": "FashionMNIST"}
_TITLES = {"cifar10": "CIFAR-10", "mnist": "MNIST", "fashionmnist": "Fashion-MNIST"}
_MISSING_HINT = ("Run `python -m dlcv.synthetic --root {root}` to write an offline "
                 "synthetic stand-in, or place the real files under {root}/.")


def _key(name):
    key = str(name).lower().replace("-", "").replace("_", "")
    if key not in _FOLDERS:
        raise ValueError(f"unknown dataset {name!r}; expected one of {sorted(_FOLDERS)}")
    return key


def _root_text(root):
    return os.path.join(str(root), "")


def is_synthetic(root=DATA_ROOT, name="cifar10"):
    """Whether ``root`` holds the synthetic stand-in (marker file present) for ``name``."""
    return (Path(root) / _FOLDERS[_key(name)] / MARKER).is_file()


# ----------------------------------------------------------------------------
# CIFAR-10
# ----------------------------------------------------------------------------
class SyntheticCIFAR10(datasets.CIFAR10):
    """torchvision's CIFAR10 for the marked synthetic files.

    The only change: the integrity check accepts files that are present next to
    the ``SYNTHETIC`` marker instead of comparing the real md5 checksums.
    Parsing is torchvision's own.
    """

    train_list = [[name, None] for name, _ in datasets.CIFAR10.train_list]
    test_list = [[name, None] for name, _ in datasets.CIFAR10.test_list]
    meta = {**datasets.CIFAR10.meta, "md5": None}

    def _check_integrity(self):
        marker = os.path.join(self.root, self.base_folder, MARKER)
        return os.path.isfile(marker) and super()._check_integrity()

    def download(self):
        if not self._check_integrity():
            raise RuntimeError("synthetic CIFAR-10 files are incomplete; "
                               + _MISSING_HINT.format(root=self.root))


def CIFAR10(root=DATA_ROOT, train=True, transform=None):
    """CIFAR-10 as a torchvision dataset: real if available, else the synthetic stand-in."""
    if is_synthetic(root, "cifar10"):
        return SyntheticCIFAR10(root, train=train, transform=transform)
    try:
        return datasets.CIFAR10(root, train=train, transform=transform, download=False)
    except RuntimeError:
        pass
    try:
        return datasets.CIFAR10(root, train=train, transform=transform, download=True)
    except Exception as err:
        raise RuntimeError(f"CIFAR-10 not found in {root} and the download failed ({err}). "
                           + _MISSING_HINT.format(root=root)) from err


def cifar10_transforms(augment):
    """Training (``augment=True``) or evaluation transform for CIFAR-10."""
    steps = []
    if augment:
        steps += [transforms.RandomAffine(degrees=0, translate=(0.1, 0.1), scale=(0.9, 1.1)),
                  transforms.RandomHorizontalFlip()]
    steps += [transforms.ToTensor(), transforms.Normalize(*CIFAR10_MEAN_STD)]
    return transforms.Compose(steps)


def cifar10_split(n):
    """Fixed train / validation indices for a training set of ``n`` images.

    The last ``n // 10`` entries of a seeded permutation form the validation set;
    for the real data (n = 50,000) that is ``perm[:45000]`` / ``perm[45000:]``.
    """
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(SPLIT_SEED))
    n_val = n // VAL_FRACTION
    return perm[:n - n_val], perm[n - n_val:]


def cifar10_loaders(root=DATA_ROOT, batch_size=128, num_workers=4, augment=True):
    """Train, validation and test loaders for CIFAR-10.

    The training subset uses the augmenting transform; validation and test use
    the plain one.  Only the training loader shuffles.
    """
    train_full = CIFAR10(root, train=True, transform=cifar10_transforms(augment))
    eval_full = CIFAR10(root, train=True, transform=cifar10_transforms(False))
    test_set = CIFAR10(root, train=False, transform=cifar10_transforms(False))
    train_idx, val_idx = cifar10_split(len(train_full))
    train_set, val_set = Subset(train_full, train_idx), Subset(eval_full, val_idx)

    kind = "synthetic, offline stand-in" if is_synthetic(root, "cifar10") else "real"
    print(f"CIFAR-10 ({kind}): {len(train_set):,} train / {len(val_set):,} val / "
          f"{len(test_set):,} test images from {_root_text(root)}")

    if os.environ.get("NBGRADER_EXECUTION"):
        num_workers = 0  # while grading, one sandboxed notebook at a time: no loader processes

    def loader(dataset, shuffle):
        return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle,
                          num_workers=num_workers)

    return loader(train_set, True), loader(val_set, False), loader(test_set, False)


# ----------------------------------------------------------------------------
# MNIST and Fashion-MNIST
# ----------------------------------------------------------------------------
def mnist_datasets(root=DATA_ROOT, name="MNIST", transform=None):
    """Train and test sets of MNIST or FashionMNIST (torchvision's own classes).

    ``transform`` defaults to ``ToTensor()``.
    """
    key = _key(name)
    if key == "cifar10":
        raise ValueError("use CIFAR10() or cifar10_loaders() for CIFAR-10")
    cls = datasets.MNIST if key == "mnist" else datasets.FashionMNIST
    transform = transforms.ToTensor() if transform is None else transform
    try:
        sets = [cls(root, train=train, transform=transform) for train in (True, False)]
    except RuntimeError:
        try:
            sets = [cls(root, train=train, transform=transform, download=True)
                    for train in (True, False)]
        except Exception as err:
            raise RuntimeError(f"{_TITLES[key]} not found in {root} and the download failed "
                               f"({err}). " + _MISSING_HINT.format(root=root)) from err
    kind = "synthetic, offline stand-in" if is_synthetic(root, key) else "real"
    print(f"{_TITLES[key]} ({kind}): {len(sets[0]):,} train / {len(sets[1]):,} test images "
          f"from {_root_text(root)}")
    return sets[0], sets[1]


# ----------------------------------------------------------------------------
# Overview
# ----------------------------------------------------------------------------
def _status(root, key):
    folder = Path(root) / _FOLDERS[key]
    if key == "cifar10":
        files = [name for name, _ in datasets.CIFAR10.train_list + datasets.CIFAR10.test_list]
        files.append(datasets.CIFAR10.meta["filename"])
    else:
        folder = folder / "raw"
        files = [os.path.splitext(os.path.basename(url))[0]
                 for url, _ in datasets.MNIST.resources]
    if not all((folder / f).is_file() for f in files):
        return "missing"
    return "synthetic (offline stand-in)" if is_synthetic(root, key) else "real"


def describe_data(root=DATA_ROOT):
    """One line per dataset under ``root``: real, synthetic or missing."""
    return "\n".join(f"{_TITLES[key]}: {_status(root, key)} ({Path(root) / _FOLDERS[key]})"
                     for key in _FOLDERS)
