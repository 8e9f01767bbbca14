# exercise: cnn_strides
# mistake: strided convolutions without padding (32 -> 15 -> 7), classifier resized to fit
cnn_strides = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride=2, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 64, 3, stride=2, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Flatten(), nn.Linear(64 * 7 * 7, 10),
)
