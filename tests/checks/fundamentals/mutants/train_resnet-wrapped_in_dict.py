# exercise: train_resnet
# mistake: saves {'state_dict': ...} instead of the state_dict itself
def make_checkpoint(trained):
    return {'state_dict': trained}
