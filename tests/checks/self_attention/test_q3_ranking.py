"""Hidden checks for `q3_ranking`, graded from the saved results file (results/ranking.pt): the runs of
every model, the mean and standard deviation summarise() reported, and the ranking by mean."""
import statistics

import pytest

from checks.self_attention.reference import MODELS
from checks.self_attention.results_file import read_results, runs_of

EXERCISE = "q3_ranking"
TOLERANCE = 0.01  # percentage points: rounding to two decimals is fine


def saved(submission):
    return read_results(submission.folder)


def table_row(data, name):
    row = data["table"].get(name) if isinstance(data["table"], dict) else None
    assert isinstance(row, dict) and {"mean", "std"} <= set(row), f"the table has no mean and std for '{name}'"
    return float(row["mean"]), float(row["std"])


@pytest.mark.weight(5)
def test_every_model_has_three_runs(submission):
    """all six models (vanilla, early, late, double, resnet10, resnet10_attention) have at least three logged runs"""
    data = saved(submission)
    short = {name: len(runs_of(data, name)) for name in MODELS if len(runs_of(data, name)) < 3}
    assert not short, "fewer than three runs logged for " + ", ".join(f"'{n}' ({k})" for n, k in short.items())


@pytest.mark.weight(3)
def test_means_and_spreads_match_the_runs(submission):
    """every model's reported mean (and standard deviation) agrees with its logged runs"""
    data = saved(submission)
    for name in MODELS:
        runs = runs_of(data, name)
        assert runs, f"no runs logged for '{name}'"
        mean, std = table_row(data, name)
        assert abs(mean - statistics.fmean(runs)) <= TOLERANCE, \
            f"the reported mean of '{name}' is {mean:.2f}, but its runs average {statistics.fmean(runs):.2f}"
        spreads = [statistics.stdev(runs), statistics.pstdev(runs)] if len(runs) > 1 else [0.0]
        assert min(abs(std - s) for s in spreads) <= TOLERANCE, \
            f"the reported standard deviation of '{name}' is {std:.2f}, but its runs give {spreads[0]:.2f}"


@pytest.mark.weight(4)
def test_ranking_follows_the_means(submission):
    """the ranking lists all six models, best mean first (ties in either order)"""
    data = saved(submission)
    ranking = list(data["ranking"]) if isinstance(data["ranking"], (list, tuple)) else []
    assert sorted(ranking) == sorted(MODELS), f"the ranking should list each of {MODELS} once, got {ranking}"
    means = [statistics.fmean(runs_of(data, name)) if runs_of(data, name) else float("nan") for name in ranking]
    for (a, ma), (b, mb) in zip(zip(ranking, means), zip(ranking[1:], means[1:])):
        assert ma >= mb - TOLERANCE, f"'{a}' (mean {ma:.2f}) is ranked above '{b}' (mean {mb:.2f})"
