# exercise: attention_head
# mistake: scales by sqrt(input_dim) instead of sqrt(head_dim)
self.query = nn.Linear(input_dim, head_dim)
self.key = nn.Linear(input_dim, head_dim)
self.value = nn.Linear(input_dim, head_dim)
self.input_dim = input_dim
# --- next region ---

q, k, v = self.query(tokens), self.key(tokens), self.value(tokens)
return torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.input_dim), dim=-1) @ v
