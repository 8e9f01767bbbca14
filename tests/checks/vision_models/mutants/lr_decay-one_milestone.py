# exercise: lr_decay
# mistake: a single decay
opt = optim.Adam(resnet_decay.parameters(), lr=5e-4, weight_decay=1e-4)
sched = MultiStepLR(opt, milestones=[25], gamma=0.1)
