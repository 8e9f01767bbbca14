# exercise: resnet10_attention
# mistake: puts Attention(64) after layer1 instead of Attention(128) after layer2
super().__init__(block, layers, img_channels=img_channels, num_classes=num_classes, batchnorm=batchnorm)
self.attention = Attention(64)
# --- next region ---
x = self.relu(self.bn1(self.conv1(x)))
x = self.layer2(self.attention(self.layer1(x)))
x = self.layer4(self.layer3(x))
return self.fc(flatten(self.averagepool(x)))
# --- next region ---
return ResNetwithAttention(block, [1, 1, 1, 1], num_classes=num_classes, batchnorm=batchnorm)
