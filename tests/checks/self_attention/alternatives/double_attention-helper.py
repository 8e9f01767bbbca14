# exercise: double_attention
# correct: a helper for "conv, ReLU, attention, ReLU" blocks
def conv_attention(c_in, c_out):
    return [nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), Attention(c_out), nn.ReLU()]
model = nn.Sequential(*conv_attention(3, channel_1), *conv_attention(channel_1, channel_2),
                      nn.Flatten(), nn.Linear(channel_2 * 32 * 32, 10))
