"""Reference implementations for the `vision_models` checks (grader side only)."""
import math
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F



def cnn_batchnorm():
    return nn.Sequential(
        nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(64, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(), nn.Linear(4096, 10))


def cnn_strides():
    return nn.Sequential(
        nn.Conv2d(3, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.Conv2d(64, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.Flatten(), nn.Linear(4096, 10))


def cnn_global_pool():
    def block(c_in):
        return [nn.Conv2d(c_in, 64, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU()]
    return nn.Sequential(*block(3), *block(64), *block(64), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))


class ResNetBlock(nn.Module):
    """The block the notebook provides."""

    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.stride = stride
        self.f = nn.Sequential(
            nn.Conv2d(in_channels, out_channels, 3, stride, padding=1, bias=False), nn.BatchNorm2d(out_channels),
            nn.ReLU(), nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False), nn.BatchNorm2d(out_channels))
        self.register_buffer("pad_weight", torch.eye(out_channels, in_channels)[:, :, None, None])

    def forward(self, x):
        return torch.relu(self.f(x) + F.conv2d(x, self.pad_weight, stride=self.stride))


def resnet(num_layers=8, in_channels=3, out_features=10):
    n = (num_layers - 2) // 6
    layers = [nn.Sequential(nn.Conv2d(in_channels, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU())]
    for c_in, c_out, stride in [(16, 16, 1), (16, 32, 2), (32, 64, 2)]:
        layers += [ResNetBlock(c_in, c_out, stride)] + [ResNetBlock(c_out, c_out) for _ in range(n - 1)]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, out_features)]
    return nn.Sequential(*layers)


def resnet_blocks(num_layers):
    """[in_channels, out_channels, stride] of every block of ResNet(num_layers), in order."""
    n = (num_layers - 2) // 6
    return ([[16, 16, 1]] * n + [[16, 32, 2]] + [[32, 32, 1]] * (n - 1) + [[32, 64, 2]] + [[64, 64, 1]] * (n - 1))


def sinusoidal_cache(T=100, d=300):
    """p[i, j] = sin(i / 10000^(j/d)) for even j, cos(i / 10000^((j-1)/d)) for odd j; float32."""
    i = torch.arange(T, dtype=torch.float64)[:, None]
    j = torch.arange(d, dtype=torch.float64)[None, :]
    even_j = j - (j % 2)
    angle = i / 10000 ** (even_j / d)
    return torch.where(j % 2 == 0, torch.sin(angle), torch.cos(angle)).float()


def attention(tokens, weights, head_dim):
    """softmax(Q K^T / sqrt(head_dim)) V over the last two axes, in float64."""
    q, k, v = (F.linear(tokens.double(), w.double(), b.double()) for w, b in (weights["query"], weights["key"],
                                                                              weights["value"]))
    scores = q @ k.transpose(-2, -1) / math.sqrt(head_dim)
    return torch.softmax(scores, dim=-1) @ v


def pre_norm_block(z, state, msa):
    """z' = msa(ln1(z)) + z; out = mlp(ln2(z')) + z'."""
    dim = z.shape[-1]
    ln1 = F.layer_norm(z, (dim,), state["ln1.weight"], state["ln1.bias"])
    z = msa(ln1) + z
    ln2 = F.layer_norm(z, (dim,), state["ln2.weight"], state["ln2.bias"])
    hidden = F.gelu(F.linear(ln2, state["mlp.0.weight"], state["mlp.0.bias"]))
    return F.linear(hidden, state["mlp.2.weight"], state["mlp.2.bias"]) + z


def patchify(images, patch_size):
    N, C, H, W = images.shape
    Hp, Wp = patch_size
    patches = images.unfold(2, Hp, Hp).unfold(3, Wp, Wp).permute(0, 2, 3, 1, 4, 5)
    return patches.reshape(N, (H // Hp) * (W // Wp), C * Hp * Wp)


def vit_with_stand_ins(images, state, patch_size):
    """ViT logits when positional encoding is the identity and the encoder is the probes' TokenMixer."""
    tokens = F.linear(patchify(images, patch_size), state["embedding.projection.weight"],
                      state["embedding.projection.bias"])
    cls = state["embedding.cls_token"].expand(len(images), 1, tokens.shape[-1])
    tokens = torch.cat([cls, tokens], dim=1)
    mixed = tokens + tokens.mean(dim=1, keepdim=True)
    encoded = torch.tanh(F.linear(mixed, state["encoder.linear.weight"], state["encoder.linear.bias"]))
    dim = encoded.shape[-1]
    first = F.layer_norm(encoded[:, 0], (dim,), state["cls_mlp.0.weight"], state["cls_mlp.0.bias"])
    return F.linear(first, state["cls_mlp.1.weight"], state["cls_mlp.1.bias"])


VIT_CONFIG = dict(im_shape=(3, 32, 32), patch_size=(4, 4), dim=32, num_layers=2, n_heads=2, mlp_dim=64, out_dim=10)


def trained_files(namespace, data_root, epochs=8):
    """The files a finished submission carries: the ViT checkpoint, trained with the notebook's classes.

    Quick on the synthetic stand-in (a few epochs of a small ViT); used by the demo class and the
    grader's proof, never by grading itself.
    """
    from dlcv import data, training
    torch.manual_seed(0)
    train_loader, val_loader, test_loader = data.cifar10_loaders(data_root, batch_size=128, num_workers=0)
    vit = namespace["ViT"](**VIT_CONFIG)
    opt = torch.optim.Adam(vit.parameters(), lr=2e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs)
    training.train_model(vit, nn.CrossEntropyLoss(), opt, "vit_reference", train_loader, val_loader, n_epochs=epochs,
                         lr_scheduler=sched, log_root=str(Path(data_root) / "tensorboard_logs"))
    return {"checkpoints/vit_cifar10.pt": {"config": VIT_CONFIG, "state_dict": vit.state_dict()}}
