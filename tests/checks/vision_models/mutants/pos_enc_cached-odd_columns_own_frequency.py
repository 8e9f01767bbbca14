# exercise: pos_enc_cached
# mistake: odd columns use j/d instead of (j-1)/d
i = torch.arange(POS_ENC_CACHE_T, dtype=torch.float64)[:, None]
j = torch.arange(POS_ENC_CACHE_D, dtype=torch.float64)[None, :]
angle = i / 10000 ** (j / POS_ENC_CACHE_D)
pos_enc_cached[:, 0::2] = torch.sin(angle[:, 0::2]).float()
pos_enc_cached[:, 1::2] = torch.cos(angle[:, 1::2]).float()
