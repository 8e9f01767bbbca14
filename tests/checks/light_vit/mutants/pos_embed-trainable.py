# exercise: pos_embed
# mistake: the position table is a trainable parameter
i = torch.arange(sequence_length, dtype=torch.float64)[:, None]
j = torch.arange(d)
angle = i / 10000 ** ((j - j % 2).double() / d)
return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float()
# --- next region ---
return nn.Parameter(get_pos_embeddings(n_patches ** 2 + 1, d))
