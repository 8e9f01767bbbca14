# exercise: early_attention
# mistake: applies the attention to the input image, before the first convolution
model = nn.Sequential(
    Attention(3), nn.ReLU(),
    nn.Conv2d(3, channel_1, 3, padding=1, stride=1), nn.ReLU(),
    nn.Conv2d(channel_1, channel_2, 3, padding=1), nn.ReLU(),
    Flatten(), nn.Linear(channel_2 * 32 * 32, 10),
)
