# exercise: global_avg_pool_layer
# correct: flatten the spatial axes, then one mean
N, C = x.shape[:2]
pooled = x.reshape(N, C, -1).mean(-1)
