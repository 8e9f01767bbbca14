# exercise: global_avg_pool_layer
# mistake: assumes square maps (kernel = width) and squeezes away every size-1 axis
class GlobalAvgPool2d(nn.Module):
    def forward(self, x):
        pooled = F.avg_pool2d(x, kernel_size=x.shape[-1]).squeeze()
        return pooled
