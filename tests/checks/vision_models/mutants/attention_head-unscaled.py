# exercise: attention_head
# mistake: no scaling of the scores
self.query = nn.Linear(input_dim, head_dim)
self.key = nn.Linear(input_dim, head_dim)
self.value = nn.Linear(input_dim, head_dim)
self.head_dim = head_dim
# --- next region ---

q, k, v = self.query(tokens), self.key(tokens), self.value(tokens)
return torch.softmax(q @ k.transpose(-2, -1), dim=-1) @ v
