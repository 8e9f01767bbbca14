# exercise: residual_stack
# mistake: keeps the blocks in a plain Python list, so they are not registered
self.blocks = [ResidualBlock(in_channels, out_channels, stride)]
self.blocks += [ResidualBlock(out_channels, out_channels) for _ in range(num_blocks - 1)]
# --- next region ---
for block in self.blocks:
    x = block(x)
return x
