# exercise: pos_enc_cached
# mistake: cosines in the even columns, sines in the odd ones
position = torch.arange(POS_ENC_CACHE_T, dtype=torch.float64)[:, None]
angle = position / 10000 ** (torch.arange(0, POS_ENC_CACHE_D, 2) / POS_ENC_CACHE_D)
pos_enc_cached[:, 0::2] = torch.cos(angle).float()
pos_enc_cached[:, 1::2] = torch.sin(angle).float()
