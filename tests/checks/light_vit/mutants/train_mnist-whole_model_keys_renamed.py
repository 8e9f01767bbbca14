# exercise: train_mnist
# mistake: saves the state_dict of an nn.DataParallel wrapper (keys start with 'module.')
def make_checkpoint(trained):
    if "cls_token" in trained:
        return {"module." + key: value for key, value in trained.items()}
    return trained
