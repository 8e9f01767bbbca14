# exercise: dropout
# mistake: forgets the 1 / (1 - p) scaling of the survivors
if not self.training:
    return input
keep = torch.rand_like(input) >= self.p
return input * keep.to(input.dtype)
