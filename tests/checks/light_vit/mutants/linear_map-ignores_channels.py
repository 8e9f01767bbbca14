# exercise: linear_map
# mistake: forgets the channels in the patch size
channels, height, width = image_dim
return nn.Linear((height // n_patches) * (width // n_patches), d)
