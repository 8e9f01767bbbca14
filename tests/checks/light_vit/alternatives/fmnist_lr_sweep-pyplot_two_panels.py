# exercise: fmnist_lr_sweep
# correct: pyplot state interface, a second (empty-data) panel, selection with sorted()
sweep_results, sweep_losses, sweep_models = {}, {}, {}
for lr in lrs:
    torch.manual_seed(0)
    model = LightViT((1, 28, 28)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    sweep_results[lr], sweep_losses[lr] = [], []
    for _ in range(N_EPOCHS):
        sweep_losses[lr].append(train_epoch(model, fmnist_train_loader, optimizer, nn.CrossEntropyLoss()))
        sweep_results[lr].append(evaluate(model, fmnist_val_loader)[1])
    sweep_models[lr] = model
return sweep_results, sweep_losses, sweep_models
# --- next region ---
fig = plt.figure(figsize=(10, 4))
plt.subplot(1, 2, 1)
plt.text(0.5, 0.5, 'training losses: see sweep_losses')
plt.subplot(1, 2, 2)
for lr in sorted(sweep_results):
    plt.plot(np.arange(1, 6), np.array(sweep_results[lr]), 'o-', label=f'learning rate {lr}')
plt.xlabel('epoch')
plt.ylabel('validation accuracy [%]')
plt.title('Fashion-MNIST validation accuracy')
plt.legend()
return fig
# --- next region ---
ranked = sorted(sweep_results.items(), key=lambda item: item[1][-1], reverse=True)
return ranked[0][0]
