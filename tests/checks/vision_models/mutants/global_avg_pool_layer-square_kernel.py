# exercise: global_avg_pool_layer
# mistake: assumes square maps (kernel = width) and squeezes away every size-1 axis
pooled = F.avg_pool2d(x, kernel_size=x.shape[-1]).squeeze()
