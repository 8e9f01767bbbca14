# exercise: resnet32
# correct: the layers collected in a list, the stages in a loop, the stem as a nested Sequential
layers = [nn.Sequential(nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True))]
for c_in, c_out, stride in [(16, 16, 1), (16, 32, 2), (32, 64, 2)]:
    layers.append(ResidualStack(c_in, c_out, stride, num_blocks=n))
layers += [nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(64, num_classes)]
resnet = nn.Sequential(*layers)
resnet.apply(initialize_weight)
