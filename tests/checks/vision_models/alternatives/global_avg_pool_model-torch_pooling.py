# exercise: global_avg_pool_model
# correct: torch's adaptive pooling + flatten in place of GlobalAvgPool2d
blocks = []
for c_in in (3, 64, 64):
    blocks += [nn.Conv2d(c_in, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU()]
cnn_global_pool = nn.Sequential(*blocks, nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(64, 10))
