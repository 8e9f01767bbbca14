# exercise: resnet
# mistake: the classifier ignores out_features
blocks = [(16, 16, 1)] + [(16, 16, 1)] * (n - 1) + [(16, 32, 2)] + [(32, 32, 1)] * (n - 1)
blocks += [(32, 64, 2)] + [(64, 64, 1)] * (n - 1)
layers += [ResNetBlock(*spec) for spec in blocks] + [GlobalAvgPool2d(), nn.Linear(64, 10)]
