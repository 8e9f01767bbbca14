# exercise: batchnorm
# correct: variance as the mean squared deviation, rsqrt, parameters reshaped with view
C = input.shape[1]
centred = input - input.mean(dim=0, keepdim=True).mean(dim=2, keepdim=True)
variance = (centred ** 2).mean(dim=(0, 2), keepdim=True)
return centred * torch.rsqrt(variance + 1e-5) * self.gamma.view(1, C, 1) + self.beta.view(1, C, 1)
