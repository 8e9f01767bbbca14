# exercise: dropout
# mistake: one mask for the whole batch (drawn for input.shape[1:] and broadcast)
if not self.training:
    return input
keep = torch.rand_like(input[0]) >= self.p
return input * keep.to(input.dtype) / (1 - self.p)
