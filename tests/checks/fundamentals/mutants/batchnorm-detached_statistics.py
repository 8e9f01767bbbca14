# exercise: batchnorm
# mistake: the statistics are computed without gradient (treated as constants)
with torch.no_grad():
    mean = input.mean(dim=(0, 2), keepdim=True)
    var = input.var(dim=(0, 2), unbiased=False, keepdim=True)
normalised = (input - mean) / torch.sqrt(var + 1e-5)
return self.gamma[None, :, None] * normalised + self.beta[None, :, None]
