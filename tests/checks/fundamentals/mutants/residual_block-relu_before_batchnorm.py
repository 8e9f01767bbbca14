# exercise: residual_block
# mistake: ReLU before the first batch norm
self.main = nn.Sequential(
    nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False),
    nn.ReLU(),
    nn.BatchNorm2d(out_channels),
    nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False),
    nn.BatchNorm2d(out_channels),
)
# --- next region ---
return F.relu(self.main(x) + self.skip(x))
