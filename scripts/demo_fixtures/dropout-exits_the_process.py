# exercise: dropout
# mistake: a forgotten debugging line ends the Python process whenever the layer runs
import os
os._exit(1)
