"""Device choice and seeding."""
import os
import random

import numpy as np
import torch


def pick_device(use_gpu=True):
    """``cuda`` when asked for and available, else ``cpu``."""
    return torch.device("cuda" if use_gpu and torch.cuda.is_available() else "cpu")


def seed_everything(seed=0):
    """Seed Python, NumPy and PyTorch (CPU and every GPU)."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    os.environ.setdefault("PYTHONHASHSEED", str(seed))
