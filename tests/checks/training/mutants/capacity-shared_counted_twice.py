# exercise: capacity
# mistake: counts each module's own parameters, so shared weights twice
total = 0
for name, m in module.named_modules(remove_duplicate=False):
    total += sum(p.numel() for p in m.parameters(recurse=False) if p.requires_grad)
return total
