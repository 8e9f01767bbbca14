# exercise: global_avg_pool_layer
# mistake: averages over the channel and height axes
pooled = x.mean(dim=(1, 2))
