# exercise: pos_embed
# mistake: cosine on even features, sine on odd ones
i = torch.arange(sequence_length, dtype=torch.float64)[:, None]
j = torch.arange(d)
angle = i / 10000 ** ((j - j % 2).double() / d)
return torch.where(j % 2 == 0, torch.cos(angle), torch.sin(angle)).float()
# --- next region ---
return nn.Parameter(get_pos_embeddings(n_patches ** 2 + 1, d), requires_grad=False)
