# exercise: fit_early_stopping
# mistake: steps the scheduler again whenever validation does not improve
best_val_acc = -math.inf
best_model_weights = copy.deepcopy(model.state_dict())
epochs_without_improvement = 0
# --- next region ---
if val_acc > best_val_acc:
    best_val_acc = val_acc
    best_model_weights = copy.deepcopy(model.state_dict())
    epochs_without_improvement = 0
else:
    epochs_without_improvement += 1
    if lr_scheduler is not None:
        lr_scheduler.step()
    if epochs_without_improvement >= patience:
        break
# --- next region ---
model.load_state_dict(best_model_weights)
