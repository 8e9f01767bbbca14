# exercise: positional_encoding
# mistake: adds the code to the input tensor in place
def forward(self, tokens):
    T, D = tokens.shape[-2:]
    tokens += pos_enc_cached[:T, :D].to(tokens)
    return tokens
