# exercise: cnn_strides
# mistake: only the first convolution downsamples; the second block keeps its max-pool
cnn_strides = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
    nn.Flatten(), nn.Linear(4096, 10),
)
