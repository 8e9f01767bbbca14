# exercise: residual_block
# correct: named layers registered as attributes, functional ReLU in the middle, in-place ReLU at the end
self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, 1, bias=False)
self.bn1 = nn.BatchNorm2d(out_channels)
self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, 1, bias=False)
self.bn2 = nn.BatchNorm2d(out_channels)
# --- next region ---
out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
out += self.skip(x)
return out.relu_()
