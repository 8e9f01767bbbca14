# exercise: resnet10_attention
# mistake: adds the attention in __init__ but keeps ResNet's forward, so it never runs
super().__init__(block, layers, img_channels=img_channels, num_classes=num_classes, batchnorm=batchnorm)
self.attention = Attention(128)
# --- next region ---
return super().forward(x)
# --- next region ---
return ResNetwithAttention(block, [1, 1, 1, 1], num_classes=num_classes, batchnorm=batchnorm)
