# exercise: encoder
# mistake: uses nn.MultiheadAttention instead of the MHSA class
self.norm1 = nn.LayerNorm(hidden_d)
self.mhsa = nn.MultiheadAttention(hidden_d, n_heads, batch_first=True)
self.norm2 = nn.LayerNorm(hidden_d)
# --- next region ---
normed = self.norm1(x)
out = x + self.mhsa(normed, normed, normed)[0]
out = out + self.mlp(self.norm2(out))
