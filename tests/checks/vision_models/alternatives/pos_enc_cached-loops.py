# exercise: pos_enc_cached
# correct: two Python loops with the math module
for i in range(POS_ENC_CACHE_T):
    for j in range(POS_ENC_CACHE_D):
        if j % 2 == 0:
            pos_enc_cached[i, j] = math.sin(i / 10000 ** (j / POS_ENC_CACHE_D))
        else:
            pos_enc_cached[i, j] = math.cos(i / 10000 ** ((j - 1) / POS_ENC_CACHE_D))
