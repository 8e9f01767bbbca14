# exercise: cnn_batchnorm
# mistake: ReLU before batch norm in both blocks
cnn_batchnorm = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(64), nn.MaxPool2d(2, 2),
    nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(64), nn.MaxPool2d(2, 2),
    nn.Flatten(), nn.Linear(4096, 10),
)
