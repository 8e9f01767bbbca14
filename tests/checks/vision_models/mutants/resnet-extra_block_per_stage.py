# exercise: resnet
# mistake: n blocks after each transition block (one too many in stages 2 and 3)
class ResNet(nn.Module):
    def __init__(self, num_layers=8, in_channels=3, out_features=10):
        super().__init__()
        if num_layers < 8 or (num_layers - 2) % 6 != 0:
            raise ValueError("n_layers should be 6n+2")
        n = (num_layers - 2) // 6
        layers = [nn.Sequential(nn.Conv2d(in_channels, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())]
        layers += [ResNetBlock(16, 16) for _ in range(n)]
        layers += [ResNetBlock(16, 32, stride=2)] + [ResNetBlock(32, 32) for _ in range(n)]
        layers += [ResNetBlock(32, 64, stride=2)] + [ResNetBlock(64, 64) for _ in range(n)]
        layers += [GlobalAvgPool2d(), nn.Linear(64, out_features)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
