"""Hidden checks of the `self_attention` assignment: one test module per exercise.

`q3_ranking` is graded from the results file the notebook saves (results/ranking.pt). The model
exercises also read it, each for its own "a run is logged" check; a fixture that drops one model's
runs (mutants/*-runs_not_logged.py) rightly costs `q3_ranking` too, so `q3_ranking` is left out of the
other fixtures' "costs nothing else" check. No code fixture changes the file.
"""

CHECKPOINT_EXERCISES = {"q3_ranking"}
