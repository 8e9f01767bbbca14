# exercise: run_epoch
# mistake: always puts the model in training mode
model.train()
grad_enabled = train
# --- next region ---
if train:
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
