"""Hidden checks of the `fundamentals` assignment: one test module per exercise."""

# Graded from the student's own trained checkpoint, loaded into the `resnet` their own classes build:
# a mistake in an architecture exercise may rightly lower it too (the student trained that architecture).
CHECKPOINT_EXERCISES = {"train_resnet"}
