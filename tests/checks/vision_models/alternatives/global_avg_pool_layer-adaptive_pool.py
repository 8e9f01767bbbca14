# exercise: global_avg_pool_layer
# correct: adaptive average pooling to 1x1, then flatten
pooled = F.adaptive_avg_pool2d(x, 1).flatten(1)
