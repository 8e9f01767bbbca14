# exercise: run_epoch
# mistake: computes gradients when training but never takes an optimizer step
model.train(train)
grad_enabled = train
# --- next region ---
if train:
    optimizer.zero_grad()
    loss.backward()
