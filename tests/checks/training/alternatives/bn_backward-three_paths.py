# exercise: bn_backward
# correct: the three chain-rule paths written out one by one
n = x.shape[0]
std = (var + eps).sqrt()
dx_hat = gamma * dy
dvar = torch.sum(dx_hat * (x - mu), dim=0) * (-0.5) * (var + eps) ** (-1.5)
dmu = torch.sum(-dx_hat / std, dim=0) + dvar * torch.mean(-2.0 * (x - mu), dim=0)
dx = dx_hat / std + dvar * 2.0 * (x - mu) / n + dmu / n
dgamma = torch.sum(dy * x_hat, dim=0)
dbeta = torch.sum(dy, dim=0)
