# exercise: global_avg_pool_model
# mistake: the third convolution keeps stride 1
cnn_global_pool = nn.Sequential(
    nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
    GlobalAvgPool2d(), nn.Linear(64, 10),
)
