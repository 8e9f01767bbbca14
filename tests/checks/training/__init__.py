"""Hidden checks of the `training` assignment: one test module per exercise."""

# Graded from the student's own checkpoint (models/resnet_best.pt) with the student's own ResNet: a
# mistake in networks.py may rightly lower them too. The bonus is a second cell on the same checkpoint.
CHECKPOINT_EXERCISES = {"train_to_threshold", "train_to_threshold_bonus"}

# Exercises written in a module beside the notebook: {exercise: (module, class or method with its regions)}.
MODULE_EXERCISES = {
    "residual_block": ("networks.py", "ResidualBlock"),
    "resnet_budget": ("networks.py", "ResNet"),
    "solver_test": ("solver.py", "Solver.test"),
    "solver_train": ("solver.py", "Solver.train"),
}
