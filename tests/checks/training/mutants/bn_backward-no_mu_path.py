# exercise: bn_backward
# mistake: dx leaves out the path through the batch mean
N = dy.shape[0]
dbeta = dy.sum(dim=0)
dgamma = (dy * x_hat).sum(dim=0)
dx_hat = dy * gamma
inv_std = 1.0 / torch.sqrt(var + eps)

dvar = (dx_hat * (x - mu)).sum(dim=0) * -0.5 * inv_std ** 3
dx = dx_hat * inv_std + dvar * 2 * (x - mu) / N
