# exercise: early_attention
# mistake: forgets the ReLU after the attention layer
model = nn.Sequential(
    nn.Conv2d(3, channel_1, 3, padding=1, stride=1), nn.ReLU(),
    Attention(channel_1),
    nn.Conv2d(channel_1, channel_2, 3, padding=1), nn.ReLU(),
    Flatten(), nn.Linear(channel_2 * 32 * 32, 10),
)
