# exercise: solver_test
# correct: Subset from a shuffled index list, softmax before argmax, float() at the end
indices = list(range(len(dataset)))
if num_samples is not None and num_samples < len(dataset):
    indices = torch.randperm(len(dataset))[:num_samples].tolist()
subset = Subset(dataset, indices)
self.model.eval()
hits = []
with torch.no_grad():
    for inputs, targets in DataLoader(subset, self.batch_size, shuffle=False, num_workers=self.num_workers):
        probs = torch.softmax(self.model(inputs.to(self.device)), dim=1)
        hits.append((probs.argmax(1) == targets.to(self.device)).float())
return float(torch.cat(hits).mean() * 100)
