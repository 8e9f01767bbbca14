# exercise: encoder
# mistake: drops the residual around the attention
self.norm1 = nn.LayerNorm(hidden_d)
self.mhsa = MHSA(hidden_d, n_heads)
self.norm2 = nn.LayerNorm(hidden_d)
# --- next region ---
out = self.mhsa(self.norm1(x))
out = out + self.mlp(self.norm2(out))
