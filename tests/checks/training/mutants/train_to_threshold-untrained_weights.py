# exercise: train_to_threshold
# mistake: saves the solver before training (fresh weights)
def make_checkpoint(trained):
    import torch
    torch.manual_seed(0)
    state = {k: (torch.randn_like(v) * 0.05 if v.is_floating_point() and v.dim() > 1 else v)
             for k, v in trained['model_state'].items()}
    return dict(trained, model_state=state)
