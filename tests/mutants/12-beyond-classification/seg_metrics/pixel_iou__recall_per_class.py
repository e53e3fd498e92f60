"""Divides by the true pixels of the class only (|P & T| / |T|, the per-class recall), not by the union."""
import numpy as np


def pixel_iou(pred, truth, num_classes):
    pred, truth = check_label_maps(pred, truth, num_classes)
    inter = np.bincount(truth[pred == truth], minlength=num_classes).astype(np.float64)
    union = np.bincount(pred.ravel(), minlength=num_classes) + np.bincount(truth.ravel(), minlength=num_classes) - inter
    t_count = np.bincount(truth.ravel(), minlength=num_classes)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, inter / np.maximum(t_count, 1), np.nan)
