# exercise: lightvit
# correct: checks with any(), blocks applied with functools.reduce
if any(size % n_patches for size in image_dim[1:]):
    raise ValueError("the image size must be divisible by n_patches")
if d % n_heads != 0:
    raise ValueError("d must be divisible by n_heads")
self.blocks = nn.ModuleList(ViTEncoder(d, n_heads) for _ in range(n_blocks))
# --- next region ---
import functools
embedded = self.linear_map(patches(images, self.n_patches))
sequence = prepend_cls_token(self.cls_token, embedded)
sequence = sequence + self.pos_embed.unsqueeze(0)
encoded = functools.reduce(lambda tokens, block: block(tokens), self.blocks, sequence)
return classify(self.classifier, encoded)
