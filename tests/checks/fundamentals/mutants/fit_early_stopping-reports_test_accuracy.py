# exercise: fit_early_stopping
# mistake: also evaluates the test loader every epoch, to print its accuracy
best_val_acc = -math.inf
best_model_weights = copy.deepcopy(model.state_dict())
epochs_without_improvement = 0
# --- next region ---
test_loss, test_acc = run_epoch(model, None, dataloaders['test'], train=False)
print(f'           test accuracy {test_acc:.4f}')
if val_acc > best_val_acc:
    best_val_acc = val_acc
    best_model_weights = copy.deepcopy(model.state_dict())
    epochs_without_improvement = 0
else:
    epochs_without_improvement += 1
    if epochs_without_improvement >= patience:
        break
# --- next region ---
model.load_state_dict(best_model_weights)
