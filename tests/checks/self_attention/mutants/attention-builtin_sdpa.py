# exercise: attention
# mistake: uses the built-in F.scaled_dot_product_attention (right values, forbidden)
self.conv_query = nn.Conv2d(in_channels, in_channels, kernel_size=1)
self.conv_key = nn.Conv2d(in_channels, in_channels, kernel_size=1)
self.conv_value = nn.Conv2d(in_channels, in_channels, kernel_size=1)
# --- next region ---
N, C, H, W = x.shape
q = self.conv_query(x).reshape(N, C, H * W).transpose(1, 2)
k = self.conv_key(x).reshape(N, C, H * W).transpose(1, 2)
v = self.conv_value(x).reshape(N, C, H * W).transpose(1, 2)
out = F.scaled_dot_product_attention(q, k, v)
return x + out.transpose(1, 2).reshape(N, C, H, W)
