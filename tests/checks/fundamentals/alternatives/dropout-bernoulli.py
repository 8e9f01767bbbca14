# exercise: dropout
# correct: a Bernoulli mask drawn with torch.bernoulli on the input's device and dtype
if self.training:
    keep_probability = 1 - self.p
    mask = torch.bernoulli(torch.full_like(input, keep_probability))
    return input * mask / keep_probability
return input
