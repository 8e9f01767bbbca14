# exercise: classifier
# mistake: the head has no bias
return nn.Linear(d, num_classes, bias=False)
# --- next region ---
return classifier(tokens[:, 0])
