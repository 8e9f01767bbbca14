# exercise: batchnorm
# mistake: the unbiased variance (divides by N*L - 1)
mean = input.mean(dim=(0, 2), keepdim=True)
var = input.var(dim=(0, 2), keepdim=True)
normalised = (input - mean) / torch.sqrt(var + 1e-5)
return self.gamma[None, :, None] * normalised + self.beta[None, :, None]
