# exercise: linear_map
# mistake: uses the number of patches instead of the patch size as the input width
return nn.Linear(n_patches * n_patches, d)
