# exercise: resnet
# mistake: stage 3 does not downsample (its first block has stride 1)
for in_ch, out_ch, stride in [(16, 16, 1), (16, 32, 2), (32, 64, 1)]:
    layers.append(ResNetBlock(in_ch, out_ch, stride))
    layers.extend(ResNetBlock(out_ch, out_ch) for _ in range(n - 1))
layers += [GlobalAvgPool2d(), nn.Linear(64, out_features)]
