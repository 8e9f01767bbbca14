# exercise: lr_decay
# correct: other milestones, default gamma, positional arguments
opt = optim.Adam(list(resnet_decay.parameters()), 0.0005, weight_decay=0.0001)
sched = MultiStepLR(opt, [20, 35])
