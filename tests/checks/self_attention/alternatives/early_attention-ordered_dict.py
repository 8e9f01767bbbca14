# exercise: early_attention
# correct: named layers in an OrderedDict, torch's nn.Flatten
from collections import OrderedDict
model = nn.Sequential(OrderedDict([
    ('conv1', nn.Conv2d(3, 64, kernel_size=3, stride=1, padding=1)), ('relu1', nn.ReLU()),
    ('attention', Attention(64)), ('relu_att', nn.ReLU()),
    ('conv2', nn.Conv2d(64, 32, kernel_size=3, padding=1)), ('relu2', nn.ReLU()),
    ('flatten', nn.Flatten()), ('fc', nn.Linear(32768, 10)),
]))
