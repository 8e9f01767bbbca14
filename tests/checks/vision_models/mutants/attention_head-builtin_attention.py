# exercise: attention_head
# mistake: uses the built-in F.scaled_dot_product_attention (right values, forbidden)
self.query = nn.Linear(input_dim, head_dim)
self.key = nn.Linear(input_dim, head_dim)
self.value = nn.Linear(input_dim, head_dim)
self.head_dim = head_dim
# --- next region ---

return F.scaled_dot_product_attention(self.query(tokens), self.key(tokens), self.value(tokens))
