"""Hidden checks for `lr_decay`: Adam as before, and a MultiStepLR that divides the rate by 10 twice."""
from harness.checking import fact

EXERCISE = "lr_decay"
EPOCHS = 50


def inputs():
    return {"epochs": EPOCHS}


def test_optimizer_is_adam_over_resnet_decay(facts):
    """opt is Adam over all of resnet_decay's parameters"""
    assert fact(facts, "optimizer") == "Adam", f"opt should be torch.optim.Adam, got {fact(facts, 'optimizer')}"
    assert fact(facts, "covers_model"), "opt should optimise exactly the parameters of resnet_decay"


def test_initial_settings(facts):
    """the run starts at learning rate 5e-4 with weight decay 1e-4, as the ResNet-8 run"""
    lr, decay = fact(facts, "lr_per_epoch")[0][0], fact(facts, "weight_decay_per_epoch")[0][0]
    assert abs(lr - 5e-4) < 1e-12, f"the first epoch runs at learning rate {lr:g}, expected 0.0005"
    assert abs(decay - 1e-4) < 1e-12, f"the weight decay is {decay:g}, expected 0.0001"


def test_scheduler_is_multistep_on_opt(facts):
    """sched is a MultiStepLR attached to opt"""
    assert fact(facts, "scheduler") == "MultiStepLR", f"sched should be a MultiStepLR, got {fact(facts, 'scheduler')}"
    assert fact(facts, "scheduler_steps_opt"), "sched should be built on opt (it changes another optimizer)"


def test_learning_rate_drops_twice_by_10x(facts):
    """over 50 epochs the learning rate takes exactly the values 5e-4, 5e-5, 5e-6, in this order"""
    lrs = [group[0] for group in fact(facts, "lr_per_epoch")]
    values = []
    for lr in lrs:
        if not values or abs(lr - values[-1]) > 1e-12:
            values.append(lr)
    expected = [5e-4, 5e-5, 5e-6]
    assert len(values) == 3 and all(abs(v - e) < 1e-12 for v, e in zip(values, expected)), \
        f"over {EPOCHS} epochs the learning rate takes the values {[float(f'{v:.3g}') for v in values]}, " \
        "expected 0.0005, then 5e-05, then 5e-06"


def test_milestones_inside_the_run(facts):
    """the two milestones satisfy 0 < m1 < m2 < 50"""
    milestones = fact(facts, "milestones")
    assert len(milestones) == 2 and 0 < milestones[0] < milestones[1] < EPOCHS, \
        f"the milestones are {milestones}; expected two epochs m1 < m2 strictly between 0 and {EPOCHS}"


def test_weight_decay_constant(facts):
    """the weight decay stays 1e-4 in every epoch"""
    decays = {round(group[0], 12) for group in fact(facts, "weight_decay_per_epoch")}
    assert decays == {1e-4}, f"the weight decay takes the values {sorted(decays)}, expected 0.0001 throughout"
