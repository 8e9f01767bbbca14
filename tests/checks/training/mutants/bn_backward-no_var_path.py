# exercise: bn_backward
# mistake: dx leaves out the path through the batch variance
N = dy.shape[0]
dbeta = dy.sum(dim=0)
dgamma = (dy * x_hat).sum(dim=0)
dx_hat = dy * gamma
inv_std = 1.0 / torch.sqrt(var + eps)

dmu = -(dx_hat * inv_std).sum(dim=0)
dx = dx_hat * inv_std + dmu / N
