"""Scores every class by the foreground (class > 0) overlap, ignoring which class a pixel got."""
import numpy as np


def dice_score(pred, truth, num_classes):
    pred, truth = check_label_maps(pred, truth, num_classes)
    out = np.full(num_classes, np.nan)
    for c in range(num_classes):
        p, t = (pred > 0) if c else (pred == 0), (truth == c)
        if (pred == c).sum() + t.sum():
            out[c] = 2 * (p & t).sum() / ((pred == c).sum() + t.sum())
    return out
