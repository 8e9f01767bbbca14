# exercise: lr_decay
# mistake: the scheduler is built on a second optimizer, so opt never decays
opt = optim.Adam(resnet_decay.parameters(), lr=5e-4, weight_decay=1e-4)
sched = MultiStepLR(optim.Adam(resnet_decay.parameters(), lr=5e-4, weight_decay=1e-4), milestones=[25, 40], gamma=0.1)
