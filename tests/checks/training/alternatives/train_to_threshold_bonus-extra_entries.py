# exercise: train_to_threshold_bonus
# correct: a checkpoint with extra entries of its own
def make_checkpoint(trained):
    return dict(trained, note='bonus run')
