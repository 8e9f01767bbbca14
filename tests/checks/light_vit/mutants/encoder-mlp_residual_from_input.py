# exercise: encoder
# mistake: adds the MLP output to the block's input instead of the attention sum
self.norm1 = nn.LayerNorm(hidden_d)
self.mhsa = MHSA(hidden_d, n_heads)
self.norm2 = nn.LayerNorm(hidden_d)
# --- next region ---
out = x + self.mhsa(self.norm1(x))
out = x + self.mlp(self.norm2(out))
