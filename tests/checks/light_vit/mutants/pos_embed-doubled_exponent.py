# exercise: pos_embed
# mistake: uses 2j/d in the exponent (the 2i of the paper's formula applied to the feature index)
i = torch.arange(sequence_length, dtype=torch.float64)[:, None]
j = torch.arange(d)
angle = i / 10000 ** (2 * (j - j % 2).double() / d)
return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float()
# --- next region ---
return nn.Parameter(get_pos_embeddings(n_patches ** 2 + 1, d), requires_grad=False)
