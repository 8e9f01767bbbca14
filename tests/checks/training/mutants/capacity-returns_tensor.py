# exercise: capacity
# mistake: returns a tensor instead of an int
return torch.tensor([p.numel() for p in module.parameters() if p.requires_grad] or [0]).sum()
