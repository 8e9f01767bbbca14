# exercise: resnet
# correct: one explicit stage at a time, torch's adaptive pooling
class ResNet(nn.Module):
    def __init__(self, num_layers=8, in_channels=3, out_features=10):
        super().__init__()
        if num_layers < 8 or (num_layers - 2) % 6 != 0:
            raise ValueError("n_layers should be 6n+2")
        n = (num_layers - 2) // 6
        layers = [nn.Sequential(nn.Conv2d(in_channels, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())]
        def stage(c_in, c_out, stride):
            return [ResNetBlock(c_in, c_out, stride=stride)] + [ResNetBlock(c_out, c_out, stride=1) for _ in range(1, n)]
        layers.extend(stage(16, 16, 1))
        layers.extend(stage(16, 32, 2))
        layers.extend(stage(32, 64, 2))
        layers.extend([nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, out_features)])
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
