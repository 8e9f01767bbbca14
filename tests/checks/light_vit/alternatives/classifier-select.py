# exercise: classifier
# correct: selects the first token with Tensor.select
head = nn.Linear(in_features=d, out_features=num_classes)
return head
# --- next region ---
return classifier(tokens.select(1, 0))
