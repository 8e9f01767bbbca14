# exercise: transformer_block
# mistake: no residual connection around the attention
tokens = self.msa(self.ln1(tokens))
return self.mlp(self.ln2(tokens)) + tokens
