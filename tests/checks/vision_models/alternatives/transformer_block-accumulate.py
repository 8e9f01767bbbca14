# exercise: transformer_block
# correct: accumulate with x = x + ...
x = tokens
x = x + self.msa(self.ln1(x))
x = x + self.mlp(self.ln2(x))
return x
