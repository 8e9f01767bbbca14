# exercise: vit
# correct: select the class token with select()
class ViT(nn.Module):
    def __init__(self, im_shape, patch_size, dim=8, num_layers=1, n_heads=2, mlp_dim=8, out_dim=10):
        super().__init__()
        self.embedding = Embedding(im_shape, patch_size, out_dim=dim)
        self.encoder = Transformer(num_layers, n_heads, dim, mlp_dim)
        self.cls_mlp = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, out_dim))

    def forward(self, images):
        tokens = self.embedding(images)
        encoded = self.encoder(tokens)
        cls_token = encoded.select(dim=1, index=0)
        return self.cls_mlp(cls_token)
