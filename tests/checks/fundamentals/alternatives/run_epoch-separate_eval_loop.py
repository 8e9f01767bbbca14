# exercise: run_epoch
# correct: a separate evaluation loop under torch.no_grad() that sums the per-sample losses
if not train:
    model.eval()
    total, correct = 0.0, 0
    with torch.no_grad():
        for images, labels in dataloader:
            images, labels = images.to(device), labels.to(device)
            outputs = model(images)
            total += F.cross_entropy(outputs, labels, reduction='sum').item()
            correct += (outputs.argmax(1) == labels).sum().item()
    n = len(dataloader.dataset)
    return total / n, correct / n
model.train()
grad_enabled = True
# --- next region ---
optimizer.zero_grad()
loss.backward()
optimizer.step()
