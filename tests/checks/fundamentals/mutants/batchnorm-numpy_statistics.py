# exercise: batchnorm
# mistake: computes the statistics with NumPy
import numpy as np
values = input.detach().cpu().numpy()
mean = torch.from_numpy(values.mean(axis=(0, 2), keepdims=True))
var = torch.from_numpy(values.var(axis=(0, 2), keepdims=True))
normalised = (input - mean) / torch.sqrt(var + 1e-5)
return self.gamma[None, :, None] * normalised + self.beta[None, :, None]
