"""Offline synthetic stand-ins for CIFAR-10, MNIST and Fashion-MNIST.

The files are written in torchvision's exact on-disk formats, so that
``torchvision.datasets.CIFAR10`` / ``MNIST`` / ``FashionMNIST`` parse them
unchanged.  Every dataset folder gets a ``SYNTHETIC`` marker file; the CIFAR-10
md5 checksums are *not* faked, so torchvision's own integrity check rejects the
synthetic batches unless they are opened through :func:`dlcv.data.CIFAR10`.

The images are learnable but not trivial: each class is a shape or texture,
while colour, position, size, rotation, background clutter and noise are random
and independent of the class.  A small CNN learns them in an epoch or two; a
model that ignores spatial structure stays near chance.

Usage::

    python -m dlcv.synthetic [--root data] [--seed 0]
"""

import argparse
import os
import pickle
import struct
import time
from pathlib import Path

import numpy as np

# ----------------------------------------------------------------------------
# Settings
# ----------------------------------------------------------------------------
MARKER = "SYNTHETIC"
CIFAR10_FOLDER = "cifar-10-batches-py"
CIFAR10_TRAIN_FILES = tuple(f"data_batch_{i}" for i in range(1, 6))
CIFAR10_TEST_FILE = "test_batch"
CIFAR10_META_FILE = "batches.meta"
CIFAR10_LABEL_NAMES = ("airplane", "automobile", "bird", "cat", "deer",
                       "dog", "frog", "horse", "ship", "truck")
# What each CIFAR-10 label looks like in the synthetic images.
CIFAR10_PATTERNS = ("disc", "square", "ring", "cross", "diagonal cross",
                    "triangle", "horizontal stripes", "vertical stripes",
                    "checkerboard", "square frame")
# Per-pattern size factors giving every pattern about the same area, so that
# overall brightness does not reveal the class.
CIFAR10_PATTERN_SCALE = (0.83, 0.86, 0.99, 1.06, 1.05, 1.19, 1.01, 1.01, 0.98, 0.92)

MNIST_NAMES = ("MNIST", "FashionMNIST")
MNIST_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
FASHION_PATTERNS = ("t-shirt", "trouser", "pullover", "dress", "coat",
                    "sandal", "shirt", "sneaker", "bag", "ankle boot")

NOISE_STD = 0.05      # pixel noise, on a 0..1 intensity scale
CHUNK = 500           # images rendered at once (bounds memory use)
_DATASET_IDS = {"cifar10": 0, "MNIST": 1, "FashionMNIST": 2}


# ----------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------
def _rng(seed, dataset, split):
    """Independent, reproducible random stream per (seed, dataset, split)."""
    return np.random.default_rng([seed, _DATASET_IDS[dataset], 0 if split == "train" else 1])


def _balanced_labels(n, rng):
    """``n`` labels, as equal per class as possible, in random order."""
    return rng.permutation(np.arange(n) % 10).astype(np.int64)


def _grid(size, supersample):
    """Pixel-centre coordinates (P, 2) of a ``size`` image, ``supersample``x finer."""
    c = (np.arange(size * supersample, dtype=np.float32) + 0.5) / supersample
    y, x = np.meshgrid(c, c, indexing="ij")
    return np.stack([x.ravel(), y.ravel()], axis=1)


def _downsample(img, size, supersample):
    """Average ``supersample`` x ``supersample`` blocks: (N, P[, C]) -> (N, size, size[, C])."""
    n, s = img.shape[0], supersample
    img = img.reshape(n, size, s, size, s, *img.shape[2:])
    return img.mean(axis=(2, 4))


def _random_affine(rng, n, scale, aspect, degrees, shear, centre, shift):
    """Per-image 2x2 matrices and offsets mapping unit coordinates to pixels."""
    s = rng.uniform(*scale, n)
    a = rng.uniform(*aspect, n)
    t = np.deg2rad(rng.uniform(-degrees, degrees, n))
    k = rng.uniform(-shear, shear, n)
    rot = np.stack([np.cos(t), -np.sin(t), np.sin(t), np.cos(t)], 1).reshape(n, 2, 2)
    shr = np.zeros((n, 2, 2))
    shr[:, 0, 0], shr[:, 0, 1], shr[:, 1, 1] = 1.0, k, 1.0
    scl = np.zeros((n, 2, 2))
    scl[:, 0, 0], scl[:, 1, 1] = s * a, s / a
    mat = rot @ shr @ scl
    off = centre + rng.uniform(-shift, shift, (n, 2))
    return mat.astype(np.float32), off.astype(np.float32)


def _apply_affine(points, mat, off):
    """Map unit-box points (V, 2) to per-image pixel points (N, V, 2)."""
    return np.einsum("nij,vj->nvi", mat, points - 0.5) + off[:, None, :]


def _atomic_write(path, data):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _check_not_real(folder, files):
    """Refuse to overwrite data files that carry no synthetic marker."""
    if (folder / MARKER).exists():
        return
    present = [f for f in files if (folder / f).exists()]
    if present:
        raise FileExistsError(
            f"{folder} holds data files without a {MARKER} marker (real data?); "
            "not overwriting them.")


# ----------------------------------------------------------------------------
# CIFAR-10: coloured shapes and textures on cluttered backgrounds
# ----------------------------------------------------------------------------
def _cifar_masks(label, u, v):
    """Foreground mask (N, P) for one class in shape coordinates u, v."""
    r = np.sqrt(u * u + v * v)
    m = np.maximum(np.abs(u), np.abs(v))
    if label == 0:                                    # disc
        return r < 1.0
    if label == 1:                                    # square
        return m < 0.85
    if label == 2:                                    # ring
        return (r < 1.0) & (r > 0.55)
    if label == 3:                                    # cross
        return (((np.abs(u) < 0.28) & (np.abs(v) < 1.0))
                | ((np.abs(v) < 0.28) & (np.abs(u) < 1.0)))
    if label == 4:                                    # diagonal cross
        p, q = (u + v) / np.sqrt(2), (u - v) / np.sqrt(2)
        return (((np.abs(p) < 0.25) & (np.abs(q) < 1.1))
                | ((np.abs(q) < 0.25) & (np.abs(p) < 1.1)))
    if label == 5:                                    # triangle, apex up
        return (v < 0.75) & (v > -0.95 + 1.9 * np.abs(u))
    if label == 6:                                    # horizontal stripes
        return (m < 0.95) & (np.cos(2.5 * np.pi * v) > 0)
    if label == 7:                                    # vertical stripes
        return (m < 0.95) & (np.cos(2.5 * np.pi * u) > 0)
    if label == 8:                                    # checkerboard
        cells = np.floor((u + 1) * 1.5) + np.floor((v + 1) * 1.5)
        return (m < 1.0) & (cells % 2 == 0)
    if label == 9:                                    # square frame
        return (m < 1.0) & (m > 0.6)
    raise ValueError(label)


def _render_cifar(labels, rng, size=32, supersample=2):
    """Render uint8 images (N, size, size, 3) for the given labels."""
    n = len(labels)
    f32 = np.float32
    grid = _grid(size, 1)
    x, y = grid[:, 0][None], grid[:, 1][None]          # (1, P)
    # Background: random base colour with a linear colour gradient.
    base = rng.uniform(0, 0.45, (n, 1, 3)).astype(f32)
    grad = rng.uniform(-0.25, 0.25, (n, 2, 3)).astype(f32)
    img = (base + grad[:, :1] * ((x[..., None] - size / 2) / size)
           + grad[:, 1:] * ((y[..., None] - size / 2) / size))
    # Clutter: a few small blobs and short line segments of random colour.
    for _ in range(4):
        p0 = rng.uniform(0, size, (n, 2)).astype(f32)
        rel_x, rel_y = x - p0[:, :1], y - p0[:, 1:]
        rad = rng.uniform(1.0, 2.5, (n, 1)).astype(f32)
        blob = rel_x ** 2 + rel_y ** 2 < rad ** 2
        ang = rng.uniform(0, np.pi, (n, 1)).astype(f32)
        half_len = rng.uniform(1.5, 3.5, (n, 1)).astype(f32)
        along = rel_x * np.cos(ang) + rel_y * np.sin(ang)
        across = -rel_x * np.sin(ang) + rel_y * np.cos(ang)
        line = (np.abs(along) < half_len) & (np.abs(across) < 0.6)
        mask = np.where(rng.uniform(0, 1, (n, 1)) < 0.5, blob, line)
        mask &= rng.uniform(0, 1, (n, 1)) < 0.6
        colour = rng.uniform(0, 1, (n, 1, 3)).astype(f32)
        img = np.where(mask[..., None], colour, img)
    # Foreground: the class pattern, jittered in position, size, aspect and
    # angle, drawn on a finer grid for smooth edges.
    fine = _grid(size, supersample)
    fx, fy = fine[:, 0][None], fine[:, 1][None]
    centre = rng.uniform(11, 21, (n, 2)).astype(f32)
    half = rng.uniform(8, 12, (n, 1)).astype(f32)
    aspect = rng.uniform(0.85, 1.15, (n, 1)).astype(f32)
    ang = np.deg2rad(rng.uniform(-20, 20, (n, 1))).astype(f32)
    dx, dy = fx - centre[:, :1], fy - centre[:, 1:]
    c, s = np.cos(ang), np.sin(ang)
    u = (dx * c + dy * s) / (half * aspect)
    v = (-dx * s + dy * c) / (half / aspect)
    mask = np.zeros(u.shape, dtype=f32)
    for label in range(10):
        idx = np.flatnonzero(labels == label)
        if len(idx):
            f = CIFAR10_PATTERN_SCALE[label]
            mask[idx] = _cifar_masks(label, u[idx] / f, v[idx] / f)
    alpha = _downsample(mask, size, supersample).reshape(n, -1, 1)
    # Foreground colour: lighter than the background in every channel.
    fg = rng.uniform(0.55, 1.0, (n, 1, 3)).astype(f32)
    img = img * (1 - alpha) + fg * alpha
    img += rng.normal(0, NOISE_STD, img.shape).astype(f32)
    img = (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)
    return img.reshape(n, size, size, 3)


def _cifar_images(labels, rng):
    return np.concatenate([_render_cifar(labels[i:i + CHUNK], rng)
                           for i in range(0, len(labels), CHUNK)])


def write_cifar10(root, n_train=5000, n_test=1000, seed=0):
    """Write a synthetic CIFAR-10 in torchvision's python-pickle format.

    Creates ``root/cifar-10-batches-py/`` with ``data_batch_1`` ... ``data_batch_5``,
    ``test_batch``, ``batches.meta`` and a ``SYNTHETIC`` marker.  Returns the folder.
    """
    folder = Path(root) / CIFAR10_FOLDER
    files = CIFAR10_TRAIN_FILES + (CIFAR10_TEST_FILE, CIFAR10_META_FILE)
    _check_not_real(folder, files)
    folder.mkdir(parents=True, exist_ok=True)
    patterns = ", ".join(f"{i} {name}: {pat}" for i, (name, pat)
                         in enumerate(zip(CIFAR10_LABEL_NAMES, CIFAR10_PATTERNS)))
    (folder / MARKER).write_text(
        "SYNTHETIC DATA: an offline stand-in, not the real CIFAR-10.\n"
        "generator: dlcv.synthetic.write_cifar10 (python -m dlcv.synthetic)\n"
        f"seed: {seed}\ntrain images: {n_train}\ntest images: {n_test}\n"
        "image size: 32x32 RGB\n"
        f"classes: {patterns}\n"
        "To use the real data, delete this folder and place the real "
        "cifar-10-batches-py files here.\n")

    train_rng, test_rng = _rng(seed, "cifar10", "train"), _rng(seed, "cifar10", "test")
    y_train = _balanced_labels(n_train, train_rng)
    y_test = _balanced_labels(n_test, test_rng)
    splits = [(CIFAR10_TEST_FILE, "testing batch 1 of 1", y_test, _cifar_images(y_test, test_rng))]
    x_train = _cifar_images(y_train, train_rng)
    bounds = np.linspace(0, n_train, 6).round().astype(int)
    for i, name in enumerate(CIFAR10_TRAIN_FILES):
        lo, hi = bounds[i], bounds[i + 1]
        splits.append((name, f"training batch {i + 1} of 5", y_train[lo:hi], x_train[lo:hi]))

    offset = 0
    for name, batch_label, y, x in splits:
        entry = {
            "batch_label": batch_label,
            "labels": [int(t) for t in y],
            # N x 3072, channel-major: the red plane, then green, then blue.
            "data": np.ascontiguousarray(x.transpose(0, 3, 1, 2).reshape(len(x), -1)),
            "filenames": [f"synthetic_{CIFAR10_LABEL_NAMES[t]}_{offset + j:05d}.png"
                          for j, t in enumerate(y)],
        }
        offset += len(y)
        _atomic_write(folder / name, pickle.dumps(entry, protocol=2))
    meta = {
        "num_cases_per_batch": int(bounds[1] - bounds[0]),
        "label_names": list(CIFAR10_LABEL_NAMES),
        "num_vis": 32 * 32 * 3,
    }
    _atomic_write(folder / CIFAR10_META_FILE, pickle.dumps(meta, protocol=2))
    return folder


# ----------------------------------------------------------------------------
# MNIST: digit glyphs drawn with strokes
# ----------------------------------------------------------------------------
def _arc(cx, cy, rx, ry, a0, a1, steps=12):
    """Points of an elliptic arc; angles in degrees, y pointing down (-90 = top)."""
    a = np.deg2rad(np.linspace(a0, a1, steps))
    return [(cx + rx * np.cos(t), cy + ry * np.sin(t)) for t in a]


# Each digit: a list of polylines in the unit box (x right, y down).
DIGIT_STROKES = {
    0: [_arc(0.5, 0.5, 0.3, 0.45, 0, 360, 18)],
    1: [[(0.32, 0.2), (0.52, 0.05), (0.52, 0.95)]],
    2: [_arc(0.5, 0.32, 0.3, 0.27, 180, 390) + [(0.15, 0.95), (0.85, 0.95)]],
    3: [_arc(0.5, 0.28, 0.27, 0.23, 200, 450) + _arc(0.5, 0.73, 0.3, 0.22, -90, 160)],
    4: [[(0.65, 0.95), (0.65, 0.05), (0.1, 0.68), (0.9, 0.68)]],
    5: [[(0.8, 0.05), (0.27, 0.05), (0.22, 0.45)] + _arc(0.5, 0.68, 0.3, 0.26, -120, 150)],
    6: [_arc(0.65, 0.7, 0.42, 0.65, -95, -180), _arc(0.5, 0.7, 0.27, 0.23, 0, 360, 14)],
    7: [[(0.15, 0.05), (0.85, 0.05), (0.4, 0.95)]],
    8: [_arc(0.5, 0.27, 0.22, 0.22, 0, 360, 14), _arc(0.5, 0.72, 0.27, 0.23, 0, 360, 14)],
    9: [_arc(0.5, 0.3, 0.27, 0.23, 0, 360, 14), [(0.77, 0.32), (0.62, 0.95)]],
}


def _segments(polylines):
    """Polylines -> start and end points (K, 2) of their segments."""
    a = np.concatenate([np.asarray(p[:-1]) for p in polylines])
    b = np.concatenate([np.asarray(p[1:]) for p in polylines])
    return a.astype(np.float32), b.astype(np.float32)


def _render_digits(labels, rng, size=28):
    """Render uint8 grayscale digit glyphs (N, size, size)."""
    n = len(labels)
    grid = _grid(size, 1)                             # (P, 2)
    gx, gy = grid[:, 0][None], grid[:, 1][None]
    mat, off = _random_affine(rng, n, scale=(16, 21), aspect=(0.8, 1.15), degrees=12,
                              shear=0.3, centre=size / 2, shift=2.5)
    wobble = rng.uniform(-0.06, 0.06, (n, 2)).astype(np.float32)
    phase = rng.uniform(0, 2 * np.pi, (n, 2)).astype(np.float32)
    width = rng.uniform(0.9, 1.7, (n, 1)).astype(np.float32)
    dist = np.empty((n, len(grid)), dtype=np.float32)
    for label in range(10):
        idx = np.flatnonzero(labels == label)
        if not len(idx):
            continue
        a, b = _segments(DIGIT_STROKES[label])

        def warp(p):                                  # smooth per-image bending
            w = np.repeat(p[None], len(idx), 0)
            w[..., 0] += wobble[idx, :1] * np.sin(np.pi * w[..., 1] + phase[idx, :1])
            w[..., 1] += wobble[idx, 1:] * np.sin(np.pi * w[..., 0] + phase[idx, 1:])
            return w

        a = np.einsum("nij,nvj->nvi", mat[idx], warp(a) - 0.5) + off[idx, None]
        b = np.einsum("nij,nvj->nvi", mat[idx], warp(b) - 0.5) + off[idx, None]
        d2 = np.full((len(idx), len(grid)), np.inf, dtype=np.float32)
        for k in range(a.shape[1]):                   # distance to each segment
            ax, ay = a[:, k, :1], a[:, k, 1:]
            ex, ey = b[:, k, :1] - ax, b[:, k, 1:] - ay
            px, py = gx - ax, gy - ay
            t = np.clip((px * ex + py * ey) / (ex * ex + ey * ey + 1e-6), 0, 1)
            np.minimum(d2, (px - t * ex) ** 2 + (py - t * ey) ** 2, out=d2)
        dist[idx] = np.sqrt(d2)
    img = np.clip(width - dist + 0.5, 0, 1) * rng.uniform(0.75, 1.0, (n, 1))
    # Clutter: a few faint specks.
    specks = rng.uniform(0, 1, img.shape) < 0.01
    img = np.where(specks, np.maximum(img, rng.uniform(0.2, 0.6, img.shape)), img)
    img += rng.normal(0, NOISE_STD, img.shape)
    img = (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)
    return img.reshape(n, size, size)


# ----------------------------------------------------------------------------
# Fashion-MNIST: clothing silhouettes
# ----------------------------------------------------------------------------
_PULLOVER = [(0.3, 0.08), (0.42, 0.08), (0.5, 0.14), (0.58, 0.08), (0.7, 0.08), (0.9, 0.2),
             (0.98, 0.9), (0.84, 0.9), (0.76, 0.4), (0.76, 0.92), (0.24, 0.92), (0.24, 0.4),
             (0.16, 0.9), (0.02, 0.9), (0.1, 0.2)]


def _rect(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


# Each item: (polygon, intensity factor) pairs painted in order; 1 = fill.
FASHION_SHAPES = {
    0: [([(0.3, 0.1), (0.42, 0.1), (0.5, 0.18), (0.58, 0.1), (0.7, 0.1), (0.95, 0.3),
          (0.85, 0.44), (0.75, 0.36), (0.75, 0.95), (0.25, 0.95), (0.25, 0.36), (0.15, 0.44),
          (0.05, 0.3)], 1.0)],
    1: [([(0.3, 0.03), (0.7, 0.03), (0.74, 0.97), (0.55, 0.97), (0.5, 0.3), (0.45, 0.97),
          (0.26, 0.97)], 1.0)],
    2: [(_PULLOVER, 1.0), (_rect(0.24, 0.8, 0.76, 0.86), 0.6)],
    3: [([(0.38, 0.03), (0.62, 0.03), (0.6, 0.35), (0.88, 0.97), (0.12, 0.97), (0.4, 0.35)], 1.0)],
    4: [([(0.28, 0.02), (0.4, 0.02), (0.5, 0.3), (0.6, 0.02), (0.72, 0.02), (0.92, 0.15),
          (0.99, 0.9), (0.85, 0.9), (0.8, 0.4), (0.8, 0.99), (0.2, 0.99), (0.2, 0.4),
          (0.15, 0.9), (0.01, 0.9), (0.08, 0.15)], 1.0),
        (_rect(0.485, 0.3, 0.515, 0.99), 0.25)],
    5: [([(0.02, 0.8), (0.98, 0.74), (0.98, 0.84), (0.02, 0.9)], 1.0),
        ([(0.18, 0.8), (0.28, 0.8), (0.55, 0.42), (0.45, 0.42)], 1.0),
        ([(0.5, 0.78), (0.6, 0.78), (0.78, 0.42), (0.68, 0.42)], 1.0),
        (_rect(0.4, 0.4, 0.82, 0.48), 1.0)],
    6: [(_PULLOVER, 1.0), ([(0.42, 0.08), (0.5, 0.3), (0.58, 0.08)], 0.2)]
       + [(_rect(0.48, y, 0.52, y + 0.05), 0.2) for y in (0.4, 0.55, 0.7, 0.85)],
    7: [([(0.02, 0.58), (0.35, 0.5), (0.55, 0.33), (0.75, 0.38), (0.98, 0.62), (0.98, 0.8),
          (0.02, 0.8)], 1.0),
        (_rect(0.02, 0.72, 0.98, 0.8), 0.55)],
    8: [([(0.08, 0.4), (0.92, 0.4), (0.95, 0.95), (0.05, 0.95)], 1.0),
        ([(0.3, 0.4), (0.3, 0.12), (0.7, 0.12), (0.7, 0.4), (0.62, 0.4), (0.62, 0.21),
          (0.38, 0.21), (0.38, 0.4)], 1.0)],
    9: [([(0.3, 0.03), (0.66, 0.03), (0.66, 0.5), (0.98, 0.68), (0.98, 0.94), (0.04, 0.94),
          (0.04, 0.6), (0.3, 0.55)], 1.0),
        (_rect(0.04, 0.87, 0.98, 0.94), 0.55)],
}


def _inside(poly, size):
    """Even-odd point-in-polygon test on a size x size pixel grid.

    ``poly`` holds per-image vertices (N, V, 2); returns a bool mask (N, size, size).
    """
    c = np.arange(size, dtype=np.float32) + 0.5
    inside = np.zeros((poly.shape[0], size, size), dtype=bool)
    nxt = np.roll(poly, -1, axis=1)
    for k in range(poly.shape[1]):                    # one edge at a time
        xi, yi = poly[:, k, :1], poly[:, k, 1:]
        xj, yj = nxt[:, k, :1], nxt[:, k, 1:]
        spans = (yi > c) != (yj > c)                   # (N, rows)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = xi + (xj - xi) * (c - yi) / (yj - yi)
        inside ^= spans[..., None] & (c < x_cross[..., None])
    return inside


def _render_fashion(labels, rng, size=28, supersample=2):
    """Render uint8 grayscale clothing silhouettes (N, size, size)."""
    n, fine = len(labels), size * supersample
    f32 = np.float32
    mat, off = _random_affine(rng, n, scale=(21, 25), aspect=(0.88, 1.12), degrees=8,
                              shear=0.1, centre=size / 2, shift=1.5)
    mat, off = mat * supersample, off * supersample   # draw on the finer grid
    img = np.zeros((n, fine * fine), dtype=f32)
    for label in range(10):
        idx = np.flatnonzero(labels == label)
        if not len(idx):
            continue
        for poly, value in FASHION_SHAPES[label]:
            pts = _apply_affine(np.asarray(poly, dtype=f32), mat[idx], off[idx])
            inside = _inside(pts, fine).reshape(len(idx), -1)
            if value == 1.0:
                img[idx] = np.maximum(img[idx], inside)
            else:
                img[idx] = np.where(inside & (img[idx] > 0), value, img[idx])
    # Fabric: random brightness, shading and a faint weave, independent of class.
    grid = _grid(size, supersample) / size
    x, y = grid[:, 0][None], grid[:, 1][None]
    shade = (rng.uniform(0.45, 0.95, (n, 1)).astype(f32)
             + rng.uniform(-0.2, 0.2, (n, 1)).astype(f32) * (x - 0.5)
             + rng.uniform(-0.2, 0.2, (n, 1)).astype(f32) * (y - 0.5))
    cycles = rng.uniform(3, 8, (n, 1)).astype(f32)
    weave = rng.uniform(0, 0.12, (n, 1)).astype(f32) * np.sin(
        2 * np.pi * cycles * np.where(rng.uniform(0, 1, (n, 1)) < 0.5, x, y))
    img = _downsample(img * (shade + weave), size, supersample)
    img += rng.normal(0, NOISE_STD, img.shape).astype(f32)
    return (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)


def _mnist_images(name, labels, rng):
    render = _render_digits if name == "MNIST" else _render_fashion
    return np.concatenate([render(labels[i:i + CHUNK], rng)
                           for i in range(0, len(labels), CHUNK)])


def _idx_bytes(array, magic):
    """Big-endian idx file contents for a uint8 array."""
    header = struct.pack(f">{1 + array.ndim}i", magic, *array.shape)
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def write_mnist(root, name="MNIST", n_train=6000, n_test=1000, seed=0):
    """Write a synthetic MNIST or FashionMNIST as uncompressed idx files.

    Creates ``root/<name>/raw/`` with the four files torchvision reads and a
    ``SYNTHETIC`` marker in ``root/<name>/``.  Returns ``root/<name>``.
    """
    if name not in MNIST_NAMES:
        raise ValueError(f"name must be one of {MNIST_NAMES}, not {name!r}")
    folder = Path(root) / name
    raw = folder / "raw"
    files = [f for pair in MNIST_FILES.values() for f in pair]
    _check_not_real(folder, [f"raw/{f}" for f in files])
    raw.mkdir(parents=True, exist_ok=True)
    kind = "digit glyphs" if name == "MNIST" else "clothing silhouettes (" + ", ".join(FASHION_PATTERNS) + ")"
    (folder / MARKER).write_text(
        f"SYNTHETIC DATA: an offline stand-in, not the real {name}.\n"
        "generator: dlcv.synthetic.write_mnist (python -m dlcv.synthetic)\n"
        f"seed: {seed}\ntrain images: {n_train}\ntest images: {n_test}\n"
        f"image size: 28x28 grayscale\ncontent: {kind}\n"
        f"To use the real data, delete this folder and place the real {name}/raw files here.\n")
    for split, n in (("train", n_train), ("test", n_test)):
        rng = _rng(seed, name, split)
        labels = _balanced_labels(n, rng)
        images = _mnist_images(name, labels, rng)
        image_file, label_file = MNIST_FILES[split]
        _atomic_write(raw / image_file, _idx_bytes(images, 2051))
        _atomic_write(raw / label_file, _idx_bytes(labels.astype(np.uint8), 2049))
    return folder


# ----------------------------------------------------------------------------
# All datasets
# ----------------------------------------------------------------------------
def _present(root, dataset):
    """Whether all files of a dataset are on disk (real or synthetic)."""
    root = Path(root)
    if dataset == "cifar10":
        folder = root / CIFAR10_FOLDER
        files = CIFAR10_TRAIN_FILES + (CIFAR10_TEST_FILE, CIFAR10_META_FILE)
        return all((folder / f).is_file() for f in files)
    raw = root / dataset / "raw"
    return all((raw / f).is_file() for pair in MNIST_FILES.values() for f in pair)


def write_all(root="data", seed=0, cifar_train=5000, cifar_test=1000,
              mnist_train=6000, mnist_test=1000):
    """Write every synthetic dataset that is not already present under ``root``.

    Existing real or synthetic data is left untouched.  Returns one status line
    per dataset.
    """
    root = Path(root)
    report = []
    for dataset, label in (("cifar10", "CIFAR-10"), ("MNIST", "MNIST"),
                           ("FashionMNIST", "Fashion-MNIST")):
        if _present(root, dataset):
            folder = root / (CIFAR10_FOLDER if dataset == "cifar10" else dataset)
            kind = "synthetic" if (folder / MARKER).exists() else "real"
            report.append(f"{label}: kept existing {kind} data in {folder}")
            continue
        start = time.perf_counter()
        if dataset == "cifar10":
            folder = write_cifar10(root, cifar_train, cifar_test, seed)
            n_train, n_test = cifar_train, cifar_test
        else:
            folder = write_mnist(root, dataset, mnist_train, mnist_test, seed)
            n_train, n_test = mnist_train, mnist_test
        report.append(f"{label}: wrote synthetic data ({n_train:,} train / {n_test:,} test "
                      f"images, seed {seed}) to {folder} in {time.perf_counter() - start:.1f} s")
    return report


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m dlcv.synthetic",
        description="Write offline synthetic stand-ins for CIFAR-10, MNIST and Fashion-MNIST.")
    parser.add_argument("--root", default="data", help="data folder (default: data)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    for line in write_all(args.root, seed=args.seed):
        print(line)


if __name__ == "__main__":
    main()
