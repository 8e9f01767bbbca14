# exercise: train_to_threshold
# mistake: the checkpoint comes from an earlier, different ResNet design
def make_checkpoint(trained):
    import torch
    state = dict(trained['model_state'])
    state['head.2.weight'] = torch.zeros(10, 64)
    return dict(trained, model_state=state)
