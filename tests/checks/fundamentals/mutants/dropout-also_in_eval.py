# exercise: dropout
# mistake: drops entries in evaluation mode too
keep = torch.rand_like(input) >= self.p
return input * keep.to(input.dtype) / (1 - self.p)
