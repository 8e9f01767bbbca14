# exercise: residual_stack
# mistake: forward feeds the stack's input to every block instead of chaining them
blocks = [ResidualBlock(in_channels, out_channels, stride)]
blocks += [ResidualBlock(out_channels, out_channels) for _ in range(num_blocks - 1)]
self.blocks = nn.ModuleList(blocks)
# --- next region ---
for block in self.blocks:
    out = block(x)
return out
