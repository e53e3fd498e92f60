"""Uses the tanh rule 1 - s^2 for the sigmoid."""
import numpy as np

def sigmoid_grad(x):
    s = sigmoid(x)
    return 1.0 - s * s
