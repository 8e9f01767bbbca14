# exercise: residual_block
# mistake: ignores the given shortcut and pads with torch.zeros(...) created on the CPU
self.stride, self.extra = stride, out_channels - in_channels
self.main = nn.Sequential(
    nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False),
    nn.BatchNorm2d(out_channels),
    nn.ReLU(),
    nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False),
    nn.BatchNorm2d(out_channels),
)
# --- next region ---
shortcut = x[:, :, ::self.stride, ::self.stride]
if self.extra:
    zeros = torch.zeros(shortcut.shape[0], self.extra, shortcut.shape[2], shortcut.shape[3])
    shortcut = torch.cat([shortcut, zeros], dim=1)
return F.relu(self.main(x) + shortcut)
