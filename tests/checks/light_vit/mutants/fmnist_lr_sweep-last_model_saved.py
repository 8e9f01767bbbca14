# exercise: fmnist_lr_sweep
# mistake: saves the lr of the last run of the loop instead of the selected one
def make_checkpoint(trained):
    if "lr" in trained:
        return dict(trained, lr=1e-4)
    return trained
