# exercise: late_attention
# correct: the layers collected in a list, then unpacked; ReLU(inplace=True)
layers = [nn.Conv2d(3, channel_1, 3, padding=1), nn.ReLU(inplace=True),
          nn.Conv2d(channel_1, channel_2, 3, padding=1), nn.ReLU(inplace=True)]
layers += [Attention(channel_2), nn.ReLU()]
layers += [Flatten(), nn.Linear(channel_2 * 32 * 32, 10)]
model = nn.Sequential(*layers)
