# exercise: linear_map
# mistake: drops the bias
channels, height, width = image_dim
return nn.Linear(channels * (height // n_patches) * (width // n_patches), d, bias=False)
