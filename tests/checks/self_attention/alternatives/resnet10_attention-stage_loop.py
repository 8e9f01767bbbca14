# exercise: resnet10_attention
# correct: forward runs the stages (with the attention among them) in a loop
super().__init__(block, layers, img_channels, num_classes, batchnorm)
self.attention = Attention(128)
# --- next region ---
x = self.relu(self.bn1(self.conv1(x)))
for stage in (self.layer1, self.layer2, self.attention, self.layer3, self.layer4):
    x = stage(x)
x = self.averagepool(x)
return self.fc(x.reshape(x.shape[0], -1))
# --- next region ---
return ResNetwithAttention(block=block, layers=[1, 1, 1, 1], num_classes=num_classes, batchnorm=batchnorm)
