"""Plotting helper of the `training` assignment (provided)."""
import matplotlib.pyplot as plt


def show_training(solver):
    """Plot the mean training loss per epoch, and the training and validation accuracy per epoch."""
    epochs = range(1, len(solver.loss_history) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 4))
    ax_loss.plot(epochs, solver.loss_history, marker='o')
    ax_loss.set(xlabel='epoch', ylabel='mean training loss', title='Loss')
    ax_acc.plot(range(1, len(solver.train_acc) + 1), solver.train_acc, marker='o', label='train')
    ax_acc.plot(range(1, len(solver.val_acc) + 1), solver.val_acc, marker='o', label='validation')
    ax_acc.set(xlabel='epoch', ylabel='accuracy (%)', title='Accuracy')
    ax_acc.legend()
    fig.tight_layout()
    plt.show()
