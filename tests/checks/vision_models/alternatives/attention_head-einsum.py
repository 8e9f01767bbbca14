# exercise: attention_head
# correct: einsum over any leading axes, queries scaled first
self.query, self.key, self.value = (nn.Linear(input_dim, head_dim) for _ in range(3))
self.scale = head_dim ** -0.5
# --- next region ---
q = self.query(tokens) * self.scale
weights = F.softmax(torch.einsum('...qd,...kd->...qk', q, self.key(tokens)), dim=-1)
return torch.einsum('...qk,...kd->...qd', weights, self.value(tokens))
