# exercise: solver_test
# mistake: always evaluates the first num_samples items
if num_samples is not None and num_samples < len(dataset):
    chosen = torch.arange(num_samples)
    dataset = Subset(dataset, chosen.tolist())
loader = DataLoader(dataset, batch_size=self.batch_size, shuffle=False, num_workers=self.num_workers)
self.model.eval()
correct, seen = 0, 0
with torch.no_grad():
    for images, labels in loader:
        images, labels = images.to(self.device), labels.to(self.device)
        predicted = self.model(images).argmax(dim=1)
        correct += (predicted == labels).sum().item()
        seen += labels.numel()
return 100.0 * correct / seen
