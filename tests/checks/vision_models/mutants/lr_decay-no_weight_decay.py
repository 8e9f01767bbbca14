# exercise: lr_decay
# mistake: forgets the weight decay of the previous run
opt = optim.Adam(resnet_decay.parameters(), lr=5e-4)
sched = MultiStepLR(opt, milestones=[25, 40], gamma=0.1)
