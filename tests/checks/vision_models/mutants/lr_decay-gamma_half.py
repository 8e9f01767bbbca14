# exercise: lr_decay
# mistake: halves the learning rate instead of dividing it by 10
opt = optim.Adam(resnet_decay.parameters(), lr=5e-4, weight_decay=1e-4)
sched = MultiStepLR(opt, milestones=[25, 40], gamma=0.5)
