# exercise: residual_block
# mistake: convolutions without padding
self.main = nn.Sequential(
    nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, bias=False),
    nn.BatchNorm2d(out_channels),
    nn.ReLU(),
    nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, bias=False),
    nn.BatchNorm2d(out_channels),
)
# --- next region ---
return F.relu(self.main(x) + self.skip(x))
