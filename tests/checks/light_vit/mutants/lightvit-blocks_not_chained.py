# exercise: lightvit
# mistake: feeds every block the embedded tokens instead of the previous block's output
_, height, width = image_dim
if height % n_patches or width % n_patches:
    raise ValueError("image size not divisible by n_patches")
if d % n_heads:
    raise ValueError("d not divisible by n_heads")
self.blocks = nn.ModuleList([ViTEncoder(d, n_heads) for _ in range(n_blocks)])
# --- next region ---
tokens = prepend_cls_token(self.cls_token, self.linear_map(patches(images, self.n_patches))) + self.pos_embed
for block in self.blocks:
    out = block(tokens)
return classify(self.classifier, out)
