# exercise: dropout
# mistake: a float32 mask, so half-precision inputs come back as float32
if not self.training:
    return input
keep = (torch.rand_like(input) >= self.p).float()
return input * keep / (1 - self.p)
