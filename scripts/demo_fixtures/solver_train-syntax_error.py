# exercise: solver_train
# mistake: solver.py does not import (a colon is missing in train), so every exercise in it fails
loader = DataLoader(self.data['train'], batch_size=self.batch_size, shuffle=True, num_workers=self.num_workers)
for epoch in trange(num_epochs)
    self.epoch += 1
