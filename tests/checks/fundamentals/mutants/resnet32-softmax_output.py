# exercise: resnet32
# mistake: ends with a softmax (the output should be logits)
resnet = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    ResidualStack(16, 16, 1, n),
    ResidualStack(16, 32, 2, n),
    ResidualStack(32, 64, 2, n),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(64, num_classes),
    nn.Softmax(dim=1),
)
resnet.apply(initialize_weight)
