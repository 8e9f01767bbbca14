"""The training loop every notebook uses: tqdm progress, TensorBoard logs, one line per epoch."""
import os
import time

import torch
from torch.utils.tensorboard import SummaryWriter
from tqdm.auto import tqdm


def skip_training():
    """True while nbgrader runs the notebook: training cells then load saved results instead."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def count_parameters(model):
    """Number of trainable parameters (buffers are not counted)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def evaluate(model, loader, criterion=None, device=None):
    """``(loss, accuracy)`` of ``model`` on ``loader``, in eval mode and without gradients.

    The loss is averaged per sample and the accuracy is a fraction in [0, 1].
    """
    criterion = criterion or torch.nn.CrossEntropyLoss()
    device = device or next(model.parameters()).device
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            total_loss += criterion(logits, labels).item() * len(labels)
            correct += (logits.argmax(dim=1) == labels).sum().item()
            seen += len(labels)
    return total_loss / seen, correct / seen


def train_model(model, criterion, opt, logdir, train_loader, test_loader, n_epochs=50, lr_scheduler=None,
                device=None, log_root="tensorboard_logs"):
    """Train ``model`` and evaluate it on ``test_loader`` after every epoch.

    ``test_loader`` is simply the loader evaluated each epoch (the notebooks pass the validation
    loader). The scheduler, if any, steps once per epoch. Returns a dict of per-epoch lists:
    ``train_loss``, ``train_acc``, ``eval_loss``, ``eval_acc`` and ``lr``.
    """
    device = device or torch.device("cpu")
    model.to(device)
    run_dir = os.path.join(log_root, f"{logdir}-{time.strftime('%Y%m%d-%H%M%S')}")
    history = {"train_loss": [], "train_acc": [], "eval_loss": [], "eval_acc": [], "lr": []}
    with SummaryWriter(run_dir) as writer:
        for epoch in range(1, n_epochs + 1):
            lr = opt.param_groups[0]["lr"]
            model.train()
            total_loss, correct, seen, start = 0.0, 0, 0, time.perf_counter()
            for images, labels in tqdm(train_loader, desc=f"epoch {epoch}/{n_epochs}", leave=False):
                images, labels = images.to(device), labels.to(device)
                logits = model(images)
                loss = criterion(logits, labels)
                loss.backward()
                opt.step()
                opt.zero_grad()
                total_loss += loss.item() * len(labels)
                correct += (logits.argmax(dim=1) == labels).sum().item()
                seen += len(labels)
            if lr_scheduler is not None:
                lr_scheduler.step()
            eval_loss, eval_acc = evaluate(model, test_loader, criterion, device)
            row = {"train_loss": total_loss / seen, "train_acc": correct / seen,
                   "eval_loss": eval_loss, "eval_acc": eval_acc, "lr": lr}
            for key, value in row.items():
                history[key].append(value)
                writer.add_scalar(key.replace("_", "/", 1) if key != "lr" else "lr", value, epoch)
            print(f"epoch {epoch:3d}  train loss {row['train_loss']:.4f} acc {row['train_acc']:.3f}  "
                  f"eval loss {eval_loss:.4f} acc {eval_acc:.3f}  lr {lr:.2g}  "
                  f"({time.perf_counter() - start:.1f} s)")
    return history
