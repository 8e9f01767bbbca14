# exercise: positional_encoding
# mistake: recomputes the code with the token width D in the exponent instead of 300
def forward(self, tokens):
    T, D = tokens.shape[-2:]
    i = torch.arange(T, device=tokens.device, dtype=torch.float64)[:, None]
    j = torch.arange(D, device=tokens.device, dtype=torch.float64)[None, :]
    angle = i / 10000 ** ((j - j % 2) / D)
    code = torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle))
    return tokens + code.to(tokens.dtype)
