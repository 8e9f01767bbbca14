# exercise: bn_backward
# mistake: computes in float64 for accuracy and returns float64 for float32 inputs
dy, x, x_hat, var, gamma = dy.double(), x.double(), x_hat.double(), var.double(), gamma.double()
N = dy.shape[0]
dbeta = dy.sum(dim=0)
dgamma = (dy * x_hat).sum(dim=0)
dx_hat = dy * gamma
inv_std = 1.0 / torch.sqrt(var + eps)
dx = inv_std / N * (N * dx_hat - dx_hat.sum(dim=0) - x_hat * (dx_hat * x_hat).sum(dim=0))
