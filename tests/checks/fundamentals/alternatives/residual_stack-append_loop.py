# exercise: residual_stack
# correct: the list is filled in a loop that changes the arguments after the first block
self.blocks = nn.ModuleList()
channels, block_stride = in_channels, stride
for _ in range(num_blocks):
    self.blocks.append(ResidualBlock(channels, out_channels, stride=block_stride))
    channels, block_stride = out_channels, 1
# --- next region ---
out = x
for i in range(len(self.blocks)):
    out = self.blocks[i](out)
return out
