# exercise: vit_training
# correct: the same checkpoint with an extra entry and the config's tuples saved as lists
def make_checkpoint(trained):
    config = {k: list(v) if isinstance(v, tuple) else v for k, v in trained['config'].items()}
    return {'config': config, 'state_dict': trained['state_dict'], 'val_accuracy': 0.9}
