# exercise: attention_head
# correct: einsum over any leading axes, queries scaled first
class AttentionHead(nn.Module):
    def __init__(self, input_dim, head_dim):
        super().__init__()
        self.query = nn.Linear(input_dim, head_dim)
        self.key = nn.Linear(input_dim, head_dim)
        self.value = nn.Linear(input_dim, head_dim)
        self.head_dim = head_dim

    def forward(self, tokens):
        q = self.query(tokens) * self.head_dim ** -0.5
        weights = F.softmax(torch.einsum('...qd,...kd->...qk', q, self.key(tokens)), dim=-1)
        return torch.einsum('...qk,...kd->...qd', weights, self.value(tokens))
