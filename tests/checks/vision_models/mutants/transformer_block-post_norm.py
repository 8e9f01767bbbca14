# exercise: transformer_block
# mistake: post-norm (normalises after each residual sum)
tokens = self.ln1(tokens + self.msa(tokens))
return self.ln2(tokens + self.mlp(tokens))
