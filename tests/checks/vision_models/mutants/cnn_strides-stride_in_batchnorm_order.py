# exercise: cnn_strides
# mistake: batch norm placed after the ReLU
cnn_strides = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(64),
    nn.Conv2d(64, 64, 3, stride=2, padding=1, bias=False), nn.ReLU(), nn.BatchNorm2d(64),
    nn.Flatten(), nn.Linear(4096, 10),
)
