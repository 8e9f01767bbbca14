# exercise: positional_encoding
# mistake: the cached code is not moved to the tokens' device and dtype
def forward(self, tokens):
    T, D = tokens.shape[-2:]
    return tokens + pos_enc_cached[:T, :D]
