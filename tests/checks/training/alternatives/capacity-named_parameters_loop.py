# exercise: capacity
# correct: a loop over named_parameters with math.prod of the shapes
count = 0
for _, p in module.named_parameters():
    if p.requires_grad:
        count += math.prod(p.shape)
return int(count)
