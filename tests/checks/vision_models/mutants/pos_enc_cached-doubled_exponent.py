# exercise: pos_enc_cached
# mistake: exponent 2j/d (the "2i" of the paper applied to j itself)
position = torch.arange(POS_ENC_CACHE_T, dtype=torch.float64)[:, None]
angle = position / 10000 ** (2 * torch.arange(0, POS_ENC_CACHE_D, 2) / POS_ENC_CACHE_D)
pos_enc_cached[:, 0::2] = torch.sin(angle).float()
pos_enc_cached[:, 1::2] = torch.cos(angle).float()
