# exercise: vit
# mistake: skips the encoder
return self.cls_mlp(self.embedding(images)[:, 0])
