# exercise: dropout
# mistake: draws the mask with NumPy
if not self.training:
    return input
import numpy as np
keep = torch.from_numpy(np.random.rand(*input.shape) >= self.p).to(input.device)
return input * keep.to(input.dtype) / (1 - self.p)
