# exercise: run_epoch
# mistake: a separate evaluation loop that returns the number of correct predictions
if not train:
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for images, labels in dataloader:
            images, labels = images.to(device), labels.to(device)
            outputs = model(images)
            total_loss += F.cross_entropy(outputs, labels, reduction='sum').item()
            correct += (outputs.argmax(dim=1) == labels).sum().item()
    return total_loss / len(dataloader.dataset), correct
model.train()
grad_enabled = True
# --- next region ---
optimizer.zero_grad()
loss.backward()
optimizer.step()
