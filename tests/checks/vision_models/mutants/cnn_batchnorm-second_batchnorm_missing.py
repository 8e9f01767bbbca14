# exercise: cnn_batchnorm
# mistake: batch norm only in the first block
cnn_batchnorm = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
    nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.ReLU(), nn.MaxPool2d(2, 2),
    nn.Flatten(), nn.Linear(4096, 10),
)
