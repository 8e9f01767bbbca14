# exercise: solver_train
# mistake: steps the scheduler after every batch
loader = DataLoader(self.data['train'], batch_size=self.batch_size, shuffle=True, num_workers=self.num_workers)
bar = trange(num_epochs)
for _ in bar:
    self.epoch += 1
    self.model.train()
    total_loss, seen = 0.0, 0
    for images, labels in loader:
        images, labels = images.to(self.device), labels.to(self.device)
        self.optimizer.zero_grad()
        loss = self.criterion(self.model(images), labels)
        loss.backward()
        self.optimizer.step()
        if self.scheduler is not None and not isinstance(self.scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
            self.scheduler.step()
        total_loss += loss.item() * labels.shape[0]
        seen += labels.shape[0]
    epoch_loss = total_loss / seen
    self.loss_history.append(epoch_loss)
    tr = self.test(self.data['train'], self.num_train_samples)
    va = self.test(self.data['val'], self.num_val_samples)
    self.train_acc.append(tr)
    self.val_acc.append(va)
    if self.scheduler is not None:
        if isinstance(self.scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau):
            self.scheduler.step(va)
    if va > self.best_val_acc:
        self.best_val_acc = va
        self.best_params = copy.deepcopy(self.model.state_dict())
    bar.set_postfix(epoch=self.epoch, loss=f'{epoch_loss:.4f}', train_acc=f'{tr:.2f}', val_acc=f'{va:.2f}')
self.model.load_state_dict(self.best_params)
