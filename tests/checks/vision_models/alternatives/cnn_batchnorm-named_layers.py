# exercise: cnn_batchnorm
# correct: named layers, MaxPool2d(2), in-place ReLU, Flatten(1)
from collections import OrderedDict

def conv_block(c_in, name):
    return [(f'{name}_conv', nn.Conv2d(c_in, 64, kernel_size=3, padding=1, bias=False)),
            (f'{name}_bn', nn.BatchNorm2d(64)), (f'{name}_relu', nn.ReLU(inplace=True)), (f'{name}_pool', nn.MaxPool2d(2))]

cnn_batchnorm = nn.Sequential(OrderedDict(conv_block(3, 'b1') + conv_block(64, 'b2') +
                                          [('flatten', nn.Flatten(1)), ('fc', nn.Linear(64 * 8 * 8, 10))]))
