# exercise: pos_embed
# correct: explicit loops with math.sin and math.cos
import math
table = torch.zeros(sequence_length, d)
for i in range(sequence_length):
    for j in range(d):
        if j % 2 == 0:
            table[i, j] = math.sin(i / 10000 ** (j / d))
        else:
            table[i, j] = math.cos(i / 10000 ** ((j - 1) / d))
return table
# --- next region ---
table = nn.Parameter(get_pos_embeddings(n_patches * n_patches + 1, d))
table.requires_grad = False
return table
