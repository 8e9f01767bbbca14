"""Solver: trains a classifier, evaluates it, keeps its history and the best validation weights.

The constructor, ``save`` and ``load`` are provided; ``test`` and ``train`` are exercises.
"""
import copy
from pathlib import Path

import torch
from torch.utils.data import DataLoader, Subset
from tqdm.auto import trange


class Solver:
    def __init__(self, model, data, loss='CrossEntropyLoss', loss_config=None,
                 optimizer='Adam', optimizer_config=None,
                 scheduler=None, scheduler_config=None,
                 batch_size=128, num_train_samples=1000, num_val_samples=None,
                 num_workers=2, device=None):
        """
        model: the network to train (an nn.Module); it is moved to ``device``.
        data: {'train': Dataset, 'val': Dataset}.
        loss, optimizer, scheduler: class names in torch.nn, torch.optim and torch.optim.lr_scheduler,
            built with the matching ``*_config`` keyword arguments (``scheduler=None``: no scheduler).
        batch_size: batch size of every DataLoader the Solver builds.
        num_train_samples, num_val_samples: how many random samples estimate the training and validation
            accuracy after every epoch (None: all of them).
        num_workers: data-loading processes of every DataLoader.
        device: where to train (default: CUDA when available, else the CPU).
        """
        if device is None:
            device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.device = torch.device(device)
        self.model = model.to(self.device)
        self.data = data
        self.criterion = getattr(torch.nn, loss)(**(loss_config or {}))
        self.optimizer = getattr(torch.optim, optimizer)(self.model.parameters(), **(optimizer_config or {'lr': 1e-3}))
        if scheduler is None:
            self.scheduler = None
        else:
            self.scheduler = getattr(torch.optim.lr_scheduler, scheduler)(self.optimizer, **(scheduler_config or {}))
        self.batch_size = batch_size
        self.num_train_samples = num_train_samples
        self.num_val_samples = num_val_samples
        self.num_workers = num_workers

        self.epoch = 0
        self.loss_history = []
        self.train_acc = []
        self.val_acc = []
        self.best_val_acc = -1.0
        self.best_params = None

    def test(self, dataset, num_samples=None):
        """Accuracy of the model on ``dataset`` in percent (a float in [0, 100]).

        num_samples: evaluate a random subset of this many distinct items, drawn afresh on every call
            (None, or at least len(dataset): the whole dataset).
        """
        ### BEGIN SOLUTION
        if num_samples is not None and num_samples < len(dataset):
            chosen = torch.randperm(len(dataset))[:num_samples]
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
        ### END SOLUTION

    def train(self, num_epochs):
        """Train for ``num_epochs`` more epochs; afterwards the model holds the best validation weights."""
        ### BEGIN SOLUTION
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
                else:
                    self.scheduler.step()
            if va > self.best_val_acc:
                self.best_val_acc = va
                self.best_params = copy.deepcopy(self.model.state_dict())
            bar.set_postfix(epoch=self.epoch, loss=f'{epoch_loss:.4f}', train_acc=f'{tr:.2f}', val_acc=f'{va:.2f}')
        self.model.load_state_dict(self.best_params)
        ### END SOLUTION

    def save(self, path):
        """Save the model (its current weights: after train(), the best validation weights) and the history."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        torch.save({
            'model_state': self.model.state_dict(),
            'optimizer_state': self.optimizer.state_dict(),
            'scheduler_state': self.scheduler.state_dict() if self.scheduler is not None else None,
            'epoch': self.epoch,
            'loss_history': self.loss_history,
            'train_acc': self.train_acc,
            'val_acc': self.val_acc,
            'best_val_acc': self.best_val_acc,
        }, path)

    def load(self, path):
        """Restore a Solver saved with ``save``: weights, optimizer and scheduler state, and history."""
        checkpoint = torch.load(path, map_location=self.device, weights_only=True)
        self.model.load_state_dict(checkpoint['model_state'])
        self.optimizer.load_state_dict(checkpoint['optimizer_state'])
        if self.scheduler is not None and checkpoint['scheduler_state'] is not None:
            self.scheduler.load_state_dict(checkpoint['scheduler_state'])
        self.epoch = checkpoint['epoch']
        self.loss_history = list(checkpoint['loss_history'])
        self.train_acc = list(checkpoint['train_acc'])
        self.val_acc = list(checkpoint['val_acc'])
        self.best_val_acc = checkpoint['best_val_acc']
        self.best_params = {name: tensor.clone() for name, tensor in self.model.state_dict().items()}
