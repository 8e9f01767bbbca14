# exercise: global_avg_pool_layer
# mistake: sums instead of averaging
pooled = x.sum(dim=(2, 3))
