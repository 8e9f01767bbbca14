"""Hidden checks of the `vision_models` assignment: one test module per exercise."""

# Graded from the student's own trained checkpoint with the student's own classes: a mistake in
# an architecture exercise may rightly lower it too (the student trained that architecture).
CHECKPOINT_EXERCISES = {"vit_training"}
