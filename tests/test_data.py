"""Tests of the synthetic datasets and the data loaders (offline, CPU, fast)."""

import os
import pickle
import shutil

import numpy as np
import pytest
import torch
import torch.nn as nn
import torchvision
from torch.utils.data import RandomSampler, SequentialSampler

from dlcv import data, synthetic

N_TRAIN, N_TEST = 5000, 1000          # synthetic CIFAR-10 sizes
N_MNIST_TRAIN, N_MNIST_TEST = 6000, 1000


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    report = synthetic.write_all(root, cifar_train=N_TRAIN, cifar_test=N_TEST,
                                 mnist_train=N_MNIST_TRAIN, mnist_test=N_MNIST_TEST)
    assert all("wrote synthetic" in line for line in report)
    return root


# ----------------------------------------------------------------------------
# Files on disk
# ----------------------------------------------------------------------------
def test_files_and_markers(root):
    cifar = root / synthetic.CIFAR10_FOLDER
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch", "batches.meta"]:
        assert (cifar / name).is_file()
    for name in ("MNIST", "FashionMNIST"):
        for f in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                  "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
            assert (root / name / "raw" / f).is_file()
        assert "synthetic" in (root / name / "SYNTHETIC").read_text().lower()
    text = (cifar / "SYNTHETIC").read_text()
    assert "synthetic" in text.lower() and "seed: 0" in text and str(N_TRAIN) in text
    for name in ("cifar10", "mnist", "fashionmnist"):
        assert data.is_synthetic(root, name)
    assert not data.is_synthetic(root / "elsewhere", "cifar10")
    lines = data.describe_data(root).splitlines()
    assert len(lines) == 3 and all("synthetic" in line for line in lines)


def test_idx_headers(root):
    raw = root / "MNIST" / "raw"
    head = np.frombuffer((raw / "train-images-idx3-ubyte").read_bytes()[:16], ">i4")
    assert head.tolist() == [2051, N_MNIST_TRAIN, 28, 28]
    head = np.frombuffer((raw / "t10k-labels-idx1-ubyte").read_bytes()[:8], ">i4")
    assert head.tolist() == [2049, N_MNIST_TEST]


def test_cifar_batches_split_evenly(root):
    sizes = []
    for i in range(1, 6):
        with open(root / synthetic.CIFAR10_FOLDER / f"data_batch_{i}", "rb") as f:
            entry = pickle.load(f, encoding="latin1")
        assert entry["data"].dtype == np.uint8 and entry["data"].shape[1] == 3072
        assert len(entry["labels"]) == len(entry["filenames"]) == len(entry["data"])
        sizes.append(len(entry["labels"]))
    assert sizes == [N_TRAIN // 5] * 5


def test_write_all_is_idempotent(root):
    files = sorted(p for p in root.rglob("*") if p.is_file())
    before = {p: p.stat().st_mtime_ns for p in files}
    report = synthetic.write_all(root)
    assert all("kept existing synthetic" in line for line in report)
    assert {p: p.stat().st_mtime_ns for p in files} == before


def test_deterministic_for_a_seed(tmp_path):
    a = synthetic.write_mnist(tmp_path / "a", "FashionMNIST", 40, 10, seed=3)
    b = synthetic.write_mnist(tmp_path / "b", "FashionMNIST", 40, 10, seed=3)
    c = synthetic.write_mnist(tmp_path / "c", "FashionMNIST", 40, 10, seed=4)
    name = "raw/train-images-idx3-ubyte"
    assert (a / name).read_bytes() == (b / name).read_bytes() != (c / name).read_bytes()
    x = synthetic.write_cifar10(tmp_path / "a", 50, 10, seed=3)
    y = synthetic.write_cifar10(tmp_path / "b", 50, 10, seed=3)
    assert (x / "test_batch").read_bytes() == (y / "test_batch").read_bytes()


def test_real_data_is_never_overwritten(tmp_path):
    folder = tmp_path / synthetic.CIFAR10_FOLDER
    folder.mkdir()
    (folder / "data_batch_1").write_bytes(b"real")
    with pytest.raises(FileExistsError):
        synthetic.write_cifar10(tmp_path, 50, 10)
    assert (folder / "data_batch_1").read_bytes() == b"real"


# ----------------------------------------------------------------------------
# Loading through torchvision
# ----------------------------------------------------------------------------
def test_cifar10_loads_through_torchvision(root):
    train, test = data.CIFAR10(root, train=True), data.CIFAR10(root, train=False)
    assert isinstance(train, torchvision.datasets.CIFAR10)
    assert len(train) == N_TRAIN and len(test) == N_TEST
    assert train.data.shape == (N_TRAIN, 32, 32, 3) and train.data.dtype == np.uint8
    assert train.classes == data.CIFAR10_CLASSES
    assert sorted(set(train.targets)) == list(range(10))
    assert np.bincount(train.targets).tolist() == [N_TRAIN // 10] * 10
    image, label = train[0]
    assert image.size == (32, 32) and image.mode == "RGB" and isinstance(label, int)


def test_unmarked_synthetic_cifar_fails_integrity_check(root, tmp_path):
    copy = tmp_path / synthetic.CIFAR10_FOLDER
    shutil.copytree(root / synthetic.CIFAR10_FOLDER, copy)
    os.remove(copy / "SYNTHETIC")
    with pytest.raises(RuntimeError, match="corrupted"):
        torchvision.datasets.CIFAR10(tmp_path, train=True, download=False)
    with pytest.raises(RuntimeError):
        data.SyntheticCIFAR10(tmp_path, train=True)
    # The md5s stay torchvision's real ones.
    with pytest.raises(RuntimeError, match="corrupted"):
        torchvision.datasets.CIFAR10(root, train=False, download=False)


def test_missing_cifar_gives_clear_error(tmp_path, monkeypatch):
    def offline(self):
        raise OSError("no network")
    monkeypatch.setattr(torchvision.datasets.CIFAR10, "download", offline)
    with pytest.raises(RuntimeError, match="python -m dlcv.synthetic"):
        data.CIFAR10(tmp_path / "empty")
    assert "missing" in data.describe_data(tmp_path / "empty")


@pytest.mark.parametrize("name", ["MNIST", "FashionMNIST"])
def test_mnist_loads_through_torchvision(root, name):
    cls = getattr(torchvision.datasets, name)
    train, test = cls(root, train=True, download=False), cls(root, train=False, download=False)
    assert train.data.shape == (N_MNIST_TRAIN, 28, 28) and train.data.dtype == torch.uint8
    assert test.data.shape == (N_MNIST_TEST, 28, 28)
    assert train.targets.dtype == torch.int64
    assert torch.bincount(train.targets).tolist() == [N_MNIST_TRAIN // 10] * 10
    assert train.data.float().mean() > 10            # not blank
    tensors, _ = data.mnist_datasets(root, name)
    image, label = tensors[0]
    assert image.shape == (1, 28, 28) and image.dtype == torch.float32 and 0 <= label < 10


# ----------------------------------------------------------------------------
# Split and loaders
# ----------------------------------------------------------------------------
def test_split_is_the_seeded_permutation():
    for n in (N_TRAIN, 50_000):
        train_idx, val_idx = data.cifar10_split(n)
        perm = torch.randperm(n, generator=torch.Generator().manual_seed(0))
        assert len(val_idx) == n // 10 and len(train_idx) == n - n // 10
        assert torch.equal(torch.cat([train_idx, val_idx]), perm)
    train_idx, val_idx = data.cifar10_split(50_000)
    assert torch.equal(train_idx, perm[:45000]) and torch.equal(val_idx, perm[45000:])


def test_loaders(root, capsys):
    train, val, test = data.cifar10_loaders(root, batch_size=32, num_workers=0)
    line = capsys.readouterr().out.strip()
    assert line.startswith("CIFAR-10 (synthetic") and "4,500 train / 500 val / 1,000 test" in line
    assert (len(train.dataset), len(val.dataset), len(test.dataset)) == (4500, 500, 1000)
    assert isinstance(train.sampler, RandomSampler)
    assert isinstance(val.sampler, SequentialSampler) and isinstance(test.sampler, SequentialSampler)
    assert torch.equal(torch.as_tensor(val.dataset.indices), data.cifar10_split(N_TRAIN)[1])
    assert "RandomAffine" in repr(train.dataset.dataset.transform)
    assert "RandomAffine" not in repr(val.dataset.dataset.transform)
    x, y = next(iter(test))
    assert x.shape == (32, 3, 32, 32) and x.dtype == torch.float32 and y.dtype == torch.int64
    assert -1.0 <= x.min() and x.max() <= 1.0


# ----------------------------------------------------------------------------
# Learnability
# ----------------------------------------------------------------------------
def _tensors(loader):
    xs, ys = zip(*loader)
    return torch.cat(xs), torch.cat(ys)


def _small_cnn():
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 8 * 8, 10))


def _fit_and_score(model, x, y, x_test, y_test, epochs=2, batch_size=64, lr=2e-3):
    torch.manual_seed(0)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(epochs):
        model.train()
        for idx in torch.randperm(len(x)).split(batch_size):
            loss = nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        return (model(x_test).argmax(1) == y_test).float().mean().item()


@pytest.fixture(scope="module")
def cifar_tensors(root):
    train, _, test = data.cifar10_loaders(root, batch_size=500, num_workers=0, augment=False)
    return _tensors(train) + _tensors(test)


def test_small_cnn_learns_synthetic_cifar(cifar_tensors):
    torch.manual_seed(0)
    acc = _fit_and_score(_small_cnn(), *cifar_tensors)
    print(f"small CNN, 2 epochs: test accuracy {acc:.3f}")
    assert acc > 0.80


def test_shuffled_labels_stay_near_chance(cifar_tensors):
    x, y, x_test, y_test = cifar_tensors
    torch.manual_seed(0)
    y_shuffled = y[torch.randperm(len(y), generator=torch.Generator().manual_seed(1))]
    acc = _fit_and_score(_small_cnn(), x, y_shuffled, x_test, y_test)
    print(f"small CNN on shuffled labels: test accuracy {acc:.3f}")
    assert acc <= 0.20


def test_colour_statistics_do_not_reveal_the_class(cifar_tensors):
    """Without spatial structure (per-channel mean, std, min, max) a model stays near chance."""
    def stats(x):
        return torch.cat([x.mean((2, 3)), x.std((2, 3)), x.amax((2, 3)), x.amin((2, 3))], 1)
    x, y, x_test, y_test = cifar_tensors
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(12, 64), nn.ReLU(), nn.Linear(64, 10))
    acc = _fit_and_score(model, stats(x), y, stats(x_test), y_test, epochs=5, lr=1e-2)
    print(f"colour statistics only: test accuracy {acc:.3f}")
    assert acc <= 0.20
