# exercise: run_epoch
# mistake: switches to eval mode but keeps gradient tracking on
model.train(train)
grad_enabled = True
# --- next region ---
if train:
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
