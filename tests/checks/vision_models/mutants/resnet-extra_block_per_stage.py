# exercise: resnet
# mistake: n blocks after each transition block (one too many in stages 2 and 3)
layers += [ResNetBlock(16, 16) for _ in range(n)]
layers += [ResNetBlock(16, 32, stride=2)] + [ResNetBlock(32, 32) for _ in range(n)]
layers += [ResNetBlock(32, 64, stride=2)] + [ResNetBlock(64, 64) for _ in range(n)]
layers += [GlobalAvgPool2d(), nn.Linear(64, out_features)]
