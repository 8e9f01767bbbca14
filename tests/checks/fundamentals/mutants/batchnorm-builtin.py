# exercise: batchnorm
# mistake: calls F.batch_norm
return F.batch_norm(input, None, None, self.gamma, self.beta, training=True, eps=1e-5)
