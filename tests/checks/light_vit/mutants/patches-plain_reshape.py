# exercise: patches
# mistake: reshapes the image directly, without moving the patch axes together
N, C, H, W = images.shape
if H % n_patches or W % n_patches:
    raise ValueError("indivisible")
h, w = H // n_patches, W // n_patches
return images.reshape(N, n_patches * n_patches, C * h * w)
