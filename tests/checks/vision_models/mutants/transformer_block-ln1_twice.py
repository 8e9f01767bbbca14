# exercise: transformer_block
# mistake: ln1 used before the MLP too
tokens = self.msa(self.ln1(tokens)) + tokens
return self.mlp(self.ln1(tokens)) + tokens
