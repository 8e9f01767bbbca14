# exercise: fmnist_lr_sweep
# mistake: select_best_lr crashes the Python process (a segmentation fault in native code)
sweep_results, sweep_losses, sweep_models = {}, {}, {}
criterion = nn.CrossEntropyLoss()
for lr in lrs:
    torch.manual_seed(0)
    model = LightViT((1, 28, 28)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    sweep_results[lr], sweep_losses[lr] = [], []
    for epoch in range(1, N_EPOCHS + 1):
        sweep_losses[lr].append(train_epoch(model, fmnist_train_loader, optimizer, criterion))
        sweep_results[lr].append(evaluate(model, fmnist_val_loader)[1])
    sweep_models[lr] = model
return sweep_results, sweep_losses, sweep_models
# --- next region ---
fig, ax = plt.subplots()
for lr, accuracies in sweep_results.items():
    ax.plot(range(1, len(accuracies) + 1), accuracies, label=f"lr {lr:g}")
ax.set_xlabel("epoch")
ax.set_ylabel("validation accuracy (%)")
ax.set_title("learning-rate sweep")
ax.legend()
return fig
# --- next region ---
import ctypes
ctypes.string_at(0)  # reads address 0: the process dies with a segmentation fault
return max(sweep_results, key=lambda lr: sweep_results[lr][-1])
