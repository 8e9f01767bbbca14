# exercise: classifier
# mistake: classifies the last token instead of the class token
return nn.Linear(d, num_classes)
# --- next region ---
return classifier(tokens[:, -1])
