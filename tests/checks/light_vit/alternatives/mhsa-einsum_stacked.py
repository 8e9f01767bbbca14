# exercise: mhsa
# correct: all heads at once with stacked weights and einsum
if d % n_heads != 0:
    raise ValueError("d must be divisible by n_heads")
self.n_heads, self.d_head = n_heads, d // n_heads
self.q_mappings = nn.ModuleList(nn.Linear(self.d_head, self.d_head) for _ in range(n_heads))
self.k_mappings = nn.ModuleList(nn.Linear(self.d_head, self.d_head) for _ in range(n_heads))
self.v_mappings = nn.ModuleList(nn.Linear(self.d_head, self.d_head) for _ in range(n_heads))
# --- next region ---
import math
*lead, d = sequences.shape
x = sequences.reshape(*lead, self.n_heads, self.d_head)

def project(maps):
    weight = torch.stack([m.weight for m in maps])
    bias = torch.stack([m.bias for m in maps])
    return torch.einsum("ntho,hdo->nthd", x, weight) + bias
q, k, v = project(self.q_mappings), project(self.k_mappings), project(self.v_mappings)
scores = torch.einsum("nthd,nshd->nhts", q, k) / math.sqrt(self.d_head)
out = torch.einsum("nhts,nshd->nthd", scores.softmax(dim=-1), v)
return out.reshape(*lead, d)
