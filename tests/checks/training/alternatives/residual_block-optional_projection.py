# exercise: residual_block
# correct: projection attributes set to None when not needed
self.c1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)
self.n1 = nn.BatchNorm2d(out_channels)
self.c2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, padding=1, bias=False)
self.n2 = nn.BatchNorm2d(out_channels)
self.proj_conv = self.proj_bn = None
if not (stride == 1 and in_channels == out_channels):
    self.proj_conv = nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, bias=False)
    self.proj_bn = nn.BatchNorm2d(out_channels)
# --- next region ---
identity = x if self.proj_conv is None else self.proj_bn(self.proj_conv(x))
out = F.relu(self.n2(self.c2(F.relu(self.n1(self.c1(x))))) + identity)
