# exercise: resnet_budget
# mistake: the familiar 16/32/64 layout (78,042 parameters, over budget)
self.stem = nn.Sequential(nn.Conv2d(3, 16, 3, stride=1, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())
self.body = nn.Sequential(ResidualBlock(16, 16), ResidualBlock(16, 32, stride=2), ResidualBlock(32, 64, stride=2))
self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))
# --- next region ---
return self.head(self.body(self.stem(x)))
