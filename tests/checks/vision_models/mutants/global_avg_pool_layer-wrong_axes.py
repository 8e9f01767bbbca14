# exercise: global_avg_pool_layer
# mistake: averages over the channel and height axes
class GlobalAvgPool2d(nn.Module):
    def forward(self, x):
        pooled = x.mean(dim=(1, 2))
        return pooled
