# exercise: vit_training
# mistake: the checkpoint was never saved
def make_checkpoint(trained):
    return None
