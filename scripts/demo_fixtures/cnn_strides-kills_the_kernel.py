# exercise: cnn_strides
# mistake: the cell ends the Python process (exit from a forgotten debugging line)
import os
cnn_strides = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Flatten(), nn.Linear(4096, 10),
)
os._exit(1)
