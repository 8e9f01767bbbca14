# exercise: train_mnist
# mistake: the MNIST checkpoint was never saved
def make_checkpoint(trained):
    if "cls_token" in trained:
        return None
    return trained
