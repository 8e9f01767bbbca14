# exercise: attention_head
# mistake: uses the built-in F.scaled_dot_product_attention (right values, forbidden)
class AttentionHead(nn.Module):
    def __init__(self, input_dim, head_dim):
        super().__init__()
        self.query = nn.Linear(input_dim, head_dim)
        self.key = nn.Linear(input_dim, head_dim)
        self.value = nn.Linear(input_dim, head_dim)
        self.head_dim = head_dim

    def forward(self, tokens):
        return F.scaled_dot_product_attention(self.query(tokens), self.key(tokens), self.value(tokens))
