"""Gives a class absent from both maps Dice 1 (a 'perfect' empty match) instead of nan."""
import numpy as np


def dice_score(pred, truth, num_classes):
    pred, truth = check_label_maps(pred, truth, num_classes)
    inter = np.bincount(truth[pred == truth], minlength=num_classes).astype(np.float64)
    total = np.bincount(pred.ravel(), minlength=num_classes) + np.bincount(truth.ravel(), minlength=num_classes)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 2 * inter / total, 1.0)
