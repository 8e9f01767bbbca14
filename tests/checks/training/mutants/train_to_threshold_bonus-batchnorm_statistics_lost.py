# exercise: train_to_threshold_bonus
# mistake: the batch-norm running statistics are reset before saving (e.g. a fresh model loaded with the parameters only)
def make_checkpoint(trained):
    import torch
    state = {k: (torch.zeros_like(v) if k.endswith('running_mean') else torch.ones_like(v) if k.endswith('running_var')
                 else v) for k, v in trained['model_state'].items()}
    return dict(trained, model_state=state)
