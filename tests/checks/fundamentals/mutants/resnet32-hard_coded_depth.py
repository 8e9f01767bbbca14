# exercise: resnet32
# mistake: writes 5 blocks per stage instead of n
resnet = nn.Sequential(
    nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    ResidualStack(16, 16, 1, 5),
    ResidualStack(16, 32, 2, 5),
    ResidualStack(32, 64, 2, 5),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(64, num_classes),
)
resnet.apply(initialize_weight)
