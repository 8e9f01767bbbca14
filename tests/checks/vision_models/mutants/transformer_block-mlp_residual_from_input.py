# exercise: transformer_block
# mistake: the MLP's residual adds the block's input instead of z'
class TransformerBlock(nn.Module):
    def __init__(self, n_heads, dim, mlp_dim):
        super().__init__()
        self.ln1 = nn.LayerNorm(dim)
        self.msa = MultiHeadSelfAttention(n_heads, dim)
        self.ln2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, mlp_dim), nn.GELU(), nn.Linear(mlp_dim, dim))

    def forward(self, tokens):
        z = self.msa(self.ln1(tokens)) + tokens
        return self.mlp(self.ln2(z)) + tokens
