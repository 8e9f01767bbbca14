# exercise: fmnist_lr_sweep
# mistake: saves a fresh model instead of the trained best_model
def make_checkpoint(trained):
    import torch
    if "lr" not in trained:
        return trained
    torch.manual_seed(0)
    state = {}
    for key, value in trained["state_dict"].items():
        if key == "pos_embed":
            state[key] = value
        elif "norm" in key:
            state[key] = torch.ones_like(value) if key.endswith("weight") else torch.zeros_like(value)
        else:
            bound = 1 / value.shape[-1] ** 0.5
            state[key] = torch.empty_like(value).uniform_(-bound, bound)
    return dict(trained, state_dict=state)
