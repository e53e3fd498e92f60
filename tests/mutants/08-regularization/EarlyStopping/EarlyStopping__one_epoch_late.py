"""Stops only when the epochs without improvement EXCEED patience (one epoch late)."""
import copy
import math

import numpy as np

class EarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError("bad patience")
        if isinstance(min_delta, bool) or not isinstance(min_delta, (int, float, np.integer, np.floating)) \
                or not min_delta >= 0:
            raise ValueError("bad min_delta")
        self.patience, self.min_delta = int(patience), float(min_delta)
        self.best_loss, self.best_epoch, self.best_state = math.inf, 0, None
        self.epoch, self.bad_epochs = 0, 0

    def step(self, val_loss, model):
        self.epoch += 1
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch = float(val_loss), self.epoch
            self.best_state = copy.deepcopy(model.state_dict())
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs > self.patience
