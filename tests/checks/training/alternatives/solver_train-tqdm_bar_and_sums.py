# exercise: solver_train
# correct: a tqdm.auto.tqdm bar, loss summed with reduction over the batch, scheduler branch by class name
import tqdm.auto
train_loader = DataLoader(self.data['train'], self.batch_size, shuffle=True, num_workers=self.num_workers)
with tqdm.auto.tqdm(range(num_epochs), desc='epochs') as epochs:
    for _ in epochs:
        self.epoch = self.epoch + 1
        self.model.train()
        losses, counts = [], []
        for xb, yb in train_loader:
            xb, yb = xb.to(self.device), yb.to(self.device)
            logits = self.model(xb)
            loss = self.criterion(logits, yb)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            losses.append(loss.detach() * len(yb))
            counts.append(len(yb))
        mean_loss = float(torch.stack(losses).sum() / sum(counts))
        self.loss_history.append(mean_loss)
        train_accuracy = self.test(self.data['train'], self.num_train_samples)
        val_accuracy = self.test(self.data['val'], self.num_val_samples)
        self.train_acc.append(train_accuracy)
        self.val_acc.append(val_accuracy)
        if self.scheduler is not None:
            if type(self.scheduler).__name__ == 'ReduceLROnPlateau':
                self.scheduler.step(val_accuracy)
            else:
                self.scheduler.step()
        if val_accuracy > self.best_val_acc:
            self.best_val_acc = val_accuracy
            self.best_params = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        epochs.set_postfix_str(f'loss {mean_loss:.3f} | train {train_accuracy:.1f}% | val {val_accuracy:.1f}%')
self.model.load_state_dict(self.best_params)
