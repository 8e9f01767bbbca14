"""Plotting helpers for the notebooks."""
import matplotlib.pyplot as plt



def show_images(images, labels=None, class_names=None, n=16, mean=0.5, std=0.5):
    """A grid of (normalised) images with their class names."""
    images = images[:n].detach().cpu() * std + mean
    cols = min(8, len(images))
    rows = (len(images) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(1.5 * cols, 1.6 * rows), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    for i, ax in enumerate(axes.flat[: len(images)]):
        img = images[i].permute(1, 2, 0).squeeze(-1).clamp(0, 1)
        ax.imshow(img, cmap="gray" if img.ndim == 2 else None)
        if labels is not None and class_names is not None:
            ax.set_title(class_names[int(labels[i])], fontsize=8)
    fig.tight_layout()
    return fig


def plot_histories(histories, key="eval_acc", ylabel="validation accuracy"):
    """One curve per named training run, e.g. ``{'resnet': h1, 'resnet_decay': h2}``."""
    fig, ax = plt.subplots(figsize=(6, 4))
    for name, history in histories.items():
        ax.plot(range(1, len(history[key]) + 1), history[key], label=name)
    ax.set_xlabel("epoch")
    ax.set_ylabel(ylabel)
    ax.legend()
    ax.grid(alpha=0.3)
    return fig
