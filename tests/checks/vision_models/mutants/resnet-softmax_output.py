# exercise: resnet
# mistake: a softmax at the end (the output should be logits)
for in_ch, out_ch, stride in [(16, 16, 1), (16, 32, 2), (32, 64, 2)]:
    layers += [ResNetBlock(in_ch, out_ch, stride)] + [ResNetBlock(out_ch, out_ch) for _ in range(n - 1)]
layers += [GlobalAvgPool2d(), nn.Linear(64, out_features), nn.Softmax(dim=1)]
