# exercise: train_to_threshold
# mistake: saves model.state_dict() instead of using solver.save
def make_checkpoint(trained):
    return trained['model_state']
