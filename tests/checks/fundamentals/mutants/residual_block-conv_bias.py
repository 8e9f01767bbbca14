# exercise: residual_block
# mistake: keeps the convolution biases
self.main = nn.Sequential(
    nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1),
    nn.BatchNorm2d(out_channels),
    nn.ReLU(),
    nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, padding=1),
    nn.BatchNorm2d(out_channels),
)
# --- next region ---
return F.relu(self.main(x) + self.skip(x))
