# exercise: run_epoch
# mistake: a separate evaluation loop that averages the batch losses (ignores the smaller last batch)
if not train:
    model.eval()
    total_loss, correct, num_batches = 0.0, 0, 0
    with torch.no_grad():
        for images, labels in dataloader:
            images, labels = images.to(device), labels.to(device)
            outputs = model(images)
            total_loss += F.cross_entropy(outputs, labels).item()
            correct += (outputs.argmax(dim=1) == labels).sum().item()
            num_batches += 1
    return total_loss / num_batches, correct / len(dataloader.dataset)
model.train()
grad_enabled = True
# --- next region ---
optimizer.zero_grad()
loss.backward()
optimizer.step()
