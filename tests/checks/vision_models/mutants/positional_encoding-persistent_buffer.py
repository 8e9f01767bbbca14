# exercise: positional_encoding
# mistake: the copy is a persistent buffer, so it ends up in every checkpoint
def __init__(self):
    super().__init__()
    self.register_buffer('cache', pos_enc_cached.clone())

def forward(self, tokens):
    T, D = tokens.shape[-2:]
    return tokens + self.cache[:T, :D].to(tokens.dtype)
