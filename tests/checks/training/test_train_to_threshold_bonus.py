"""Hidden check for the bonus of `train_to_threshold`: the saved ResNet reaches 80 % test accuracy.

The same evaluation as test_train_to_threshold.py (budget, strict loading, eval_transform), run once.
"""
from checks.training.test_train_to_threshold import BONUS, accuracy

EXERCISE = "train_to_threshold_bonus"


def test_accuracy_at_least_80_percent(submission):
    """the saved ResNet (within budget, loaded strictly into ResNet()) reaches 80 % test accuracy (10 bonus points)"""
    value, kind = accuracy(submission)
    threshold = BONUS[kind]
    assert value >= threshold, \
        f"the saved ResNet reaches {value:.1%} test accuracy on the {kind} CIFAR-10 test set; the bonus needs {threshold:.0%}"
