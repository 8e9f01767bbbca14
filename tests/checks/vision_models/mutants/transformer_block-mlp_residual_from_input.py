# exercise: transformer_block
# mistake: the MLP's residual adds the block's input instead of z'
z = self.msa(self.ln1(tokens)) + tokens
return self.mlp(self.ln2(z)) + tokens
