# exercise: fmnist_lr_sweep
# mistake: records the validation accuracy as a fraction instead of percent
def make_checkpoint(trained):
    if "sweep_results" in trained:
        return dict(trained, sweep_results={lr: [v / 100 for v in values] for lr, values in trained["sweep_results"].items()})
    return trained
