# exercise: train_to_threshold
# correct: a checkpoint with extra entries of its own (a note, a config)
def make_checkpoint(trained):
    return dict(trained, note='final run: cosine schedule', config={'epochs': 2, 'lr': 0.003})
