# exercise: residual_stack
# mistake: passes the stride to every block
blocks = [ResidualBlock(in_channels, out_channels, stride)]
blocks += [ResidualBlock(out_channels, out_channels, stride) for _ in range(num_blocks - 1)]
self.blocks = nn.ModuleList(blocks)
# --- next region ---
for block in self.blocks:
    x = block(x)
return x
