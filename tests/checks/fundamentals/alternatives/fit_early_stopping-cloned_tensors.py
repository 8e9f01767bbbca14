# exercise: fit_early_stopping
# correct: clones each tensor of the state dict and tracks the best epoch; stops with ==
best = None
best_model_weights = None
bad_epochs = 0
# --- next region ---
if best is None or val_acc > best:
    best = val_acc
    best_model_weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
    bad_epochs = 0
else:
    bad_epochs += 1
if bad_epochs == patience:
    break
# --- next region ---
if best_model_weights is not None:
    model.load_state_dict(best_model_weights)
