# exercise: dropout
# mistake: calls torch's functional dropout
return F.dropout(input, self.p, self.training)
