# exercise: classifier
# mistake: classifies the mean of all tokens
return nn.Linear(d, num_classes)
# --- next region ---
return classifier(tokens.mean(dim=1))
