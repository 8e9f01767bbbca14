# exercise: train_resnet
# mistake: saves the state_dict of an nn.DataParallel wrapper (keys start with 'module.')
def make_checkpoint(trained):
    return {'module.' + key: value for key, value in trained.items()}
