# exercise: batchnorm
# mistake: statistics over the batch dimension only (per channel and position)
mean = input.mean(dim=0, keepdim=True)
var = input.var(dim=0, unbiased=False, keepdim=True)
normalised = (input - mean) / torch.sqrt(var + 1e-5)
return self.gamma[None, :, None] * normalised + self.beta[None, :, None]
