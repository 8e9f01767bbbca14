# exercise: train_resnet
# mistake: saves the network before training it (freshly initialised weights)
def make_checkpoint(trained):
    import torch
    torch.manual_seed(0)
    state = {}
    for key, value in trained.items():
        if key.endswith('running_mean') or key.endswith('bias'):
            state[key] = torch.zeros_like(value)
        elif key.endswith('running_var') or (value.dim() == 1 and key.endswith('weight')):
            state[key] = torch.ones_like(value)
        elif value.is_floating_point():
            state[key] = torch.randn_like(value) * (2 / value[0].numel()) ** 0.5
        else:
            state[key] = torch.zeros_like(value)
    return state
