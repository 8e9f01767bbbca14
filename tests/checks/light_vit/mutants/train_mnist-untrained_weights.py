# exercise: train_mnist
# mistake: saves the model before training it (freshly initialised weights)
def make_checkpoint(trained):
    import torch
    if "cls_token" not in trained:
        return trained
    torch.manual_seed(0)
    state = {}
    for key, value in trained.items():
        if key == "pos_embed":
            state[key] = value
        elif "norm" in key:
            state[key] = torch.ones_like(value) if key.endswith("weight") else torch.zeros_like(value)
        else:
            bound = 1 / value.shape[-1] ** 0.5
            state[key] = torch.empty_like(value).uniform_(-bound, bound)
    return state
