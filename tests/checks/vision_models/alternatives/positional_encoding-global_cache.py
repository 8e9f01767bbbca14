# exercise: positional_encoding
# correct: reads the global cache on every call
def forward(self, tokens):
    n_tokens, width = tokens.shape[1], tokens.shape[2]
    return tokens + pos_enc_cached[:n_tokens, :width].to(tokens).unsqueeze(0)
