# exercise: residual_stack
# mistake: adds num_blocks blocks after the first one
blocks = [ResidualBlock(in_channels, out_channels, stride)]
blocks += [ResidualBlock(out_channels, out_channels) for _ in range(num_blocks)]
self.blocks = nn.ModuleList(blocks)
# --- next region ---
for block in self.blocks:
    x = block(x)
return x
