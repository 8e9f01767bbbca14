# exercise: linear_map
# correct: the patch size as the image's number of values over the number of patches
import math
return nn.Linear(math.prod(image_dim) // n_patches ** 2, d, bias=True)
