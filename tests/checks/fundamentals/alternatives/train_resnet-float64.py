# exercise: train_resnet
# correct: the same weights saved in float64 (load_state_dict converts them)
def make_checkpoint(trained):
    return {k: v.double() if v.is_floating_point() else v for k, v in trained.items()}
