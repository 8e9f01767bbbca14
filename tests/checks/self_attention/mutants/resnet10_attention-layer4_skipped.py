# exercise: resnet10_attention
# mistake: the rewritten forward skips layer4 (and the classifier is changed to fit)
super().__init__(block, layers, img_channels=img_channels, num_classes=num_classes, batchnorm=batchnorm)
self.attention = Attention(128)
self.fc = nn.Linear(256, num_classes)
# --- next region ---
x = self.relu(self.bn1(self.conv1(x)))
x = self.layer3(self.attention(self.layer2(self.layer1(x))))
return self.fc(flatten(self.averagepool(x)))
# --- next region ---
return ResNetwithAttention(block, [1, 1, 1, 1], num_classes=num_classes, batchnorm=batchnorm)
