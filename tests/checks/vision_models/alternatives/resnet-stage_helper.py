# exercise: resnet
# correct: one explicit stage at a time, torch's adaptive pooling
def stage(c_in, c_out, stride):
    return [ResNetBlock(c_in, c_out, stride=stride)] + [ResNetBlock(c_out, c_out, stride=1) for _ in range(1, n)]
layers.extend(stage(16, 16, 1))
layers.extend(stage(16, 32, 2))
layers.extend(stage(32, 64, 2))
layers.extend([nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, out_features)])
