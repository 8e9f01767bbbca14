# exercise: capacity
# mistake: counts every parameter, frozen ones too
return sum(p.numel() for p in module.parameters())
