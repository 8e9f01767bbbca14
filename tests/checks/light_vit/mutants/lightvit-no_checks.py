# exercise: lightvit
# mistake: does not validate the settings
self.blocks = nn.ModuleList([ViTEncoder(d, n_heads) for _ in range(n_blocks)])
# --- next region ---
tokens = prepend_cls_token(self.cls_token, self.linear_map(patches(images, self.n_patches))) + self.pos_embed
for block in self.blocks:
    tokens = block(tokens)
return classify(self.classifier, tokens)
