# exercise: residual_block
# mistake: ReLU on the main branch before the addition, none after it
self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
self.bn1 = nn.BatchNorm2d(out_channels)
self.conv2 = nn.Conv2d(out_channels, out_channels, 3, stride=1, padding=1, bias=False)
self.bn2 = nn.BatchNorm2d(out_channels)
self.shortcut = nn.Identity()
if stride != 1 or in_channels != out_channels:
    self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, bias=False),
                              nn.BatchNorm2d(out_channels))
# --- next region ---
main = F.relu(self.bn1(self.conv1(x)))
main = F.relu(self.bn2(self.conv2(main)))
out = main + self.shortcut(x)
