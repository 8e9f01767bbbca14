# exercise: train_resnet
# mistake: the checkpoint was never saved
def make_checkpoint(trained):
    return None
