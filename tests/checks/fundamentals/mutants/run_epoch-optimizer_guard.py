# exercise: run_epoch
# mistake: decides whether to update by whether an optimizer was passed, not by train
model.train(train)
grad_enabled = train
# --- next region ---
if optimizer is not None:
    optimizer.zero_grad()
    if loss.requires_grad:
        loss.backward()
    optimizer.step()
