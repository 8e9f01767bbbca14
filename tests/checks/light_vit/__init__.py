"""Hidden checks of the `light_vit` assignment: one test module per exercise."""

# Graded from the student's own saved files, rebuilt with the student's own classes: a mistake in an
# architecture exercise may rightly lower them too (the student trained that architecture).
CHECKPOINT_EXERCISES = {"train_mnist", "fmnist_lr_sweep"}
