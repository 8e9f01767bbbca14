# exercise: vit_training
# mistake: saves a freshly initialised ViT (e.g. saved before training)
def make_checkpoint(trained):
    import torch
    state = {k: torch.randn_like(v) * 0.02 if v.is_floating_point() else v for k, v in trained['state_dict'].items()}
    return {'config': trained['config'], 'state_dict': state}
