# exercise: mhsa
# mistake: uses F.scaled_dot_product_attention
if d % n_heads:
    raise ValueError("d must be divisible by n_heads")
self.n_heads = n_heads
self.d_head = d // n_heads
self.q_mappings = nn.ModuleList([nn.Linear(self.d_head, self.d_head) for _ in range(n_heads)])
self.k_mappings = nn.ModuleList([nn.Linear(self.d_head, self.d_head) for _ in range(n_heads)])
self.v_mappings = nn.ModuleList([nn.Linear(self.d_head, self.d_head) for _ in range(n_heads)])
# --- next region ---
import torch.nn.functional as F
heads = []
for h in range(self.n_heads):
    part = sequences[..., h * self.d_head:(h + 1) * self.d_head]
    heads.append(F.scaled_dot_product_attention(self.q_mappings[h](part), self.k_mappings[h](part), self.v_mappings[h](part)))
return torch.cat(heads, dim=-1)
