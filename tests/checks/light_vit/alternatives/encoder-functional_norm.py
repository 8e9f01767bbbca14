# exercise: encoder
# correct: layer norms built with keyword arguments, one expression per residual
self.norm1 = nn.LayerNorm(normalized_shape=hidden_d)
self.mhsa = MHSA(d=hidden_d, n_heads=n_heads)
self.norm2 = nn.LayerNorm(normalized_shape=hidden_d)
# --- next region ---
attended = self.mhsa(self.norm1(x)) + x
out = attended + self.mlp(self.norm2(attended))
