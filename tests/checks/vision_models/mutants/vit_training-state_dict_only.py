# exercise: vit_training
# mistake: saves only vit.state_dict(), without the config
def make_checkpoint(trained):
    return trained['state_dict']
