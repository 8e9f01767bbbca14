# exercise: encoder
# mistake: uses norm1 before the MLP too
self.norm1 = nn.LayerNorm(hidden_d)
self.mhsa = MHSA(hidden_d, n_heads)
self.norm2 = nn.LayerNorm(hidden_d)
# --- next region ---
out = x + self.mhsa(self.norm1(x))
out = out + self.mlp(self.norm1(out))
