# exercise: resnet
# mistake: a softmax at the end (the output should be logits)
class ResNet(nn.Module):
    def __init__(self, num_layers=8, in_channels=3, out_features=10):
        super().__init__()
        if num_layers < 8 or (num_layers - 2) % 6 != 0:
            raise ValueError("n_layers should be 6n+2")
        n = (num_layers - 2) // 6
        layers = [nn.Sequential(nn.Conv2d(in_channels, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())]
        for in_ch, out_ch, stride in [(16, 16, 1), (16, 32, 2), (32, 64, 2)]:
            layers.append(ResNetBlock(in_ch, out_ch, stride))
            layers.extend(ResNetBlock(out_ch, out_ch) for _ in range(n - 1))
        layers += [GlobalAvgPool2d(), nn.Linear(64, out_features), nn.Softmax(dim=1)]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
