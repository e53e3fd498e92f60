"""Counts classes with bincount without minlength and pads, silently dropping matches of the last class."""
import numpy as np


def pixel_iou(pred, truth, num_classes):
    pred, truth = check_label_maps(pred, truth, num_classes)
    inter = np.bincount(truth[(pred == truth) & (truth < num_classes - 1)], minlength=num_classes).astype(np.float64)
    total = np.bincount(pred.ravel(), minlength=num_classes) + np.bincount(truth.ravel(), minlength=num_classes)
    union = total - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, inter / union, np.nan)
