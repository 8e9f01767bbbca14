# exercise: dropout
# mistake: treats p as the probability of keeping an entry
if not self.training:
    return input
keep = torch.rand_like(input) < self.p
return input * keep.to(input.dtype) / self.p
