"""Course library for Deep Learning for Computer Vision."""
