# exercise: resnet_budget
# correct: a 20/28/40 design in a ModuleList, ReLU and pooling written in forward
self.conv = nn.Conv2d(3, 20, kernel_size=3, stride=1, padding=1, bias=False)
self.bn = nn.BatchNorm2d(20)
self.blocks = nn.ModuleList([ResidualBlock(20, 20), ResidualBlock(20, 28, 2), ResidualBlock(28, 40, 2)])
self.fc = nn.Linear(40, 10)
# --- next region ---
x = F.relu(self.bn(self.conv(x)))
for block in self.blocks:
    x = block(x)
return self.fc(F.adaptive_avg_pool2d(x, 1).flatten(1))
