# exercise: lightvit
# mistake: adds the position table before prepending the class token
_, height, width = image_dim
if height % n_patches or width % n_patches:
    raise ValueError("image size not divisible by n_patches")
if d % n_heads:
    raise ValueError("d not divisible by n_heads")
self.blocks = nn.ModuleList([ViTEncoder(d, n_heads) for _ in range(n_blocks)])
# --- next region ---
tokens = self.linear_map(patches(images, self.n_patches)) + self.pos_embed
tokens = prepend_cls_token(self.cls_token, tokens)
for block in self.blocks:
    tokens = block(tokens)
return classify(self.classifier, tokens)
