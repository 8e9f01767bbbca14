# exercise: patches
# mistake: flattens each patch in (h, w, C) order instead of (C, h, w)
N, C, H, W = images.shape
if H % n_patches or W % n_patches:
    raise ValueError("indivisible")
h, w = H // n_patches, W // n_patches
grid = images.reshape(N, C, n_patches, h, n_patches, w).permute(0, 2, 4, 3, 5, 1)
return grid.reshape(N, n_patches * n_patches, C * h * w)
