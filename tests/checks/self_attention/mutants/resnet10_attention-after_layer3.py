# exercise: resnet10_attention
# mistake: puts Attention(256) after layer3
super().__init__(block, layers, img_channels=img_channels, num_classes=num_classes, batchnorm=batchnorm)
self.attention = Attention(256)
# --- next region ---
x = self.relu(self.bn1(self.conv1(x)))
x = self.attention(self.layer3(self.layer2(self.layer1(x))))
x = self.layer4(x)
return self.fc(flatten(self.averagepool(x)))
# --- next region ---
return ResNetwithAttention(block, [1, 1, 1, 1], num_classes=num_classes, batchnorm=batchnorm)
