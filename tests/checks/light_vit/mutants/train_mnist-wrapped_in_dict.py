# exercise: train_mnist
# mistake: saves {'state_dict': ...} instead of the state_dict itself
def make_checkpoint(trained):
    if "cls_token" in trained:
        return {"state_dict": trained}
    return trained
