# exercise: global_avg_pool_layer
# mistake: sums instead of averaging
class GlobalAvgPool2d(nn.Module):
    def forward(self, x):
        pooled = x.sum(dim=(2, 3))
        return pooled
