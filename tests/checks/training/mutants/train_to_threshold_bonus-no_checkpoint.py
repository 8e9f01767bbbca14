# exercise: train_to_threshold_bonus
# mistake: the checkpoint was never saved
def make_checkpoint(trained):
    return None
