# exercise: capacity
# mistake: counts the state_dict, buffers included
return sum(t.numel() for t in module.state_dict().values())
