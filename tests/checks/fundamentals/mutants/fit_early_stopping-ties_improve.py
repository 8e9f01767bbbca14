# exercise: fit_early_stopping
# mistake: counts a tie as an improvement (>= instead of >)
best_val_acc = -math.inf
best_model_weights = copy.deepcopy(model.state_dict())
epochs_without_improvement = 0
# --- next region ---
if val_acc >= best_val_acc:
    best_val_acc = val_acc
    best_model_weights = copy.deepcopy(model.state_dict())
    epochs_without_improvement = 0
else:
    epochs_without_improvement += 1
    if epochs_without_improvement >= patience:
        break
# --- next region ---
model.load_state_dict(best_model_weights)
