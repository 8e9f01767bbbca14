"""Reference implementations for the `fundamentals` checks (grader side only)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

CIFAR10_MEAN = (0.4914, 0.4822, 0.4465)
CIFAR10_STD = (0.2470, 0.2435, 0.2616)


# ---------------------------------------------------------------- batch norm
def batchnorm(x, gamma, beta, eps=1e-5):
    """torch's batch norm with batch statistics (biased variance, eps inside the square root)."""
    return F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)


# ---------------------------------------------------------------- residual networks
class ResidualBlock(nn.Module):
    """The specified block: conv-BN-ReLU-conv-BN, plus the zero-padding shortcut, ReLU after the sum."""

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.args = (in_channels, out_channels, stride)
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)

    def skip(self, x):
        in_channels, out_channels, stride = self.args
        return F.pad(x[:, :, ::stride, ::stride], (0, 0, 0, 0, 0, out_channels - in_channels))

    def forward(self, x):
        main = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return F.relu(main + self.skip(x))


def block_parameters(c_in, c_out):
    return 9 * c_in * c_out + 9 * c_out ** 2 + 4 * c_out


def stack_args(in_channels, out_channels, stride, num_blocks):
    """[in, out, stride] of every block of ResidualStack(in, out, stride, num_blocks)."""
    return [[in_channels, out_channels, stride]] + [[out_channels, out_channels, 1]] * (num_blocks - 1)


class ResidualStack(nn.Module):
    def __init__(self, in_channels, out_channels, stride, num_blocks):
        super().__init__()
        self.blocks = nn.ModuleList([ResidualBlock(*a) for a in stack_args(in_channels, out_channels, stride,
                                                                              num_blocks)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


def resnet(n, num_classes):
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, 1, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
        ResidualStack(16, 16, 1, n), ResidualStack(16, 32, 2, n), ResidualStack(32, 64, 2, n),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, num_classes))


def resnet_parameters(n, num_classes):
    blocks = (block_parameters(16, 16) * n + block_parameters(16, 32) + block_parameters(32, 32) * (n - 1)
              + block_parameters(32, 64) + block_parameters(64, 64) * (n - 1))
    return 3 * 16 * 9 + 2 * 16 + blocks + 64 * num_classes + num_classes


def resnet_stages(n):
    return [[16, 16, 1, n], [16, 32, 2, n], [32, 64, 2, n]]


# ---------------------------------------------------------------- run_epoch and fit
def run_epoch(model, lr, batches, train):
    """(mean loss per sample, accuracy, state after) of one pass with plain SGD (lr) or without updates."""
    model.train(train)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    total, correct, count = 0.0, 0, 0
    with torch.set_grad_enabled(train):
        for x, y in batches:
            out = model(x)
            loss = F.cross_entropy(out, y)
            if train:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total += loss.item() * len(y)
            correct += (out.argmax(1) == y).sum().item()
            count += len(y)
    return total / count, correct / count, model.state_dict()


def fit_outcome(val_accuracies, max_epochs, patience):
    """(epochs run, best epoch) of fit with early stopping on strict improvement."""
    best, best_epoch, waited = -math.inf, 0, 0
    for epoch in range(1, max_epochs + 1):
        acc = val_accuracies[epoch - 1]
        if acc > best:
            best, best_epoch, waited = acc, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return max_epochs, best_epoch


# ---------------------------------------------------------------- the trained checkpoint
REFERENCE_EPOCHS = 3


def trained_files(namespace, data_root, epochs=REFERENCE_EPOCHS):
    """The files a finished submission carries: the ResNet-32 checkpoint.

    The notebook's own `resnet` (ResNet-32 from its classes, Kaiming-initialised) is trained quickly on
    the synthetic stand-in: the specified split and transforms, batch 128, SGD with momentum 0.9 and weight
    decay 1e-4 under a one-cycle schedule (peak 0.1) for 3 epochs, about 60 s on 2 CPU cores; it reaches
    about 99.5 % on the synthetic test set (untrained: about 12 %). Used by the demo class and the proof, never by grading itself.
    """
    from dlcv import data
    from torchvision import transforms
    torch.manual_seed(0)
    model = namespace["resnet"]
    normalise = [transforms.ToTensor(), transforms.Normalize(CIFAR10_MEAN, CIFAR10_STD)]
    augment = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), *normalise])
    full = data.CIFAR10(data_root, train=True, transform=augment)
    perm = torch.randperm(len(full), generator=torch.Generator().manual_seed(0))
    train_set = torch.utils.data.Subset(full, perm[:len(full) - len(full) // 10].tolist())
    loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=epochs * len(loader))
    model.train()
    for _ in range(epochs):
        for images, labels in loader:
            optimizer.zero_grad()
            F.cross_entropy(model(images), labels).backward()
            optimizer.step()
            schedule.step()
    return {"checkpoints/resnet32_cifar10.pt": {k: v.detach().clone() for k, v in model.state_dict().items()}}
