# exercise: residual_block
# correct: both branches as nn.Sequential (an empty Sequential is the identity), ReLU as a module
self.main = nn.Sequential(
    nn.Conv2d(in_channels, out_channels, 3, stride, 1, bias=False), nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True),
    nn.Conv2d(out_channels, out_channels, 3, 1, 1, bias=False), nn.BatchNorm2d(out_channels))
self.skip = nn.Sequential()
if stride > 1 or in_channels != out_channels:
    self.skip = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride, bias=False), nn.BatchNorm2d(out_channels))
self.act = nn.ReLU()
# --- next region ---
out = self.act(self.main(x) + self.skip(x))
