# exercise: lightvit
# mistake: keeps the blocks in a Python list (not registered: no parameters, not in the state dict)
_, height, width = image_dim
if height % n_patches or width % n_patches:
    raise ValueError("image size not divisible by n_patches")
if d % n_heads:
    raise ValueError("d not divisible by n_heads")
self.blocks = [ViTEncoder(d, n_heads) for _ in range(n_blocks)]
# --- next region ---
tokens = prepend_cls_token(self.cls_token, self.linear_map(patches(images, self.n_patches))) + self.pos_embed
for block in self.blocks:
    tokens = block(tokens)
return classify(self.classifier, tokens)
