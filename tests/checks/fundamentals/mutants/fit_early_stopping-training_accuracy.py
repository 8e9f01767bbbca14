# exercise: fit_early_stopping
# mistake: stops early on the training accuracy instead of the validation accuracy
best_val_acc = -math.inf
best_model_weights = copy.deepcopy(model.state_dict())
epochs_without_improvement = 0
# --- next region ---
if train_acc > best_val_acc:
    best_val_acc = train_acc
    best_model_weights = copy.deepcopy(model.state_dict())
    epochs_without_improvement = 0
else:
    epochs_without_improvement += 1
    if epochs_without_improvement >= patience:
        break
# --- next region ---
model.load_state_dict(best_model_weights)
