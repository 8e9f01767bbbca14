# exercise: bn_backward
# mistake: dgamma sums dy instead of dy * x_hat
N = dy.shape[0]
dbeta = dy.sum(dim=0)
dgamma = dy.sum(dim=0)
dx_hat = dy * gamma
inv_std = 1.0 / torch.sqrt(var + eps)
dx = inv_std / N * (N * dx_hat - dx_hat.sum(dim=0) - x_hat * (dx_hat * x_hat).sum(dim=0))
