# exercise: encoder
# mistake: post-norm (normalises after each residual sum)
self.norm1 = nn.LayerNorm(hidden_d)
self.mhsa = MHSA(hidden_d, n_heads)
self.norm2 = nn.LayerNorm(hidden_d)
# --- next region ---
out = self.norm1(x + self.mhsa(x))
out = self.norm2(out + self.mlp(out))
