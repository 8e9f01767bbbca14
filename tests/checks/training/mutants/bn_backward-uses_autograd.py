# exercise: bn_backward
# mistake: lets autograd compute the gradients (forbidden)
with torch.enable_grad():
    x_ = x.detach().clone().requires_grad_(True)
    gamma_ = gamma.detach().clone().requires_grad_(True)
    beta_ = torch.zeros_like(gamma_, requires_grad=True)
    y, _ = batchnorm_forward(x_, gamma_, beta_, eps)
    dx, dgamma, dbeta = torch.autograd.grad(y, (x_, gamma_, beta_), dy)
