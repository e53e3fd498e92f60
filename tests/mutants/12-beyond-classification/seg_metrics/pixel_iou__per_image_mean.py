"""Averages per-image IoUs instead of pooling the pixels of all images."""
import numpy as np


def pixel_iou(pred, truth, num_classes):
    pred, truth = check_label_maps(pred, truth, num_classes)
    pred, truth = pred.reshape(len(pred), -1) if pred.ndim > 1 else pred[None], truth.reshape(len(truth), -1) if truth.ndim > 1 else truth[None]
    scores = []
    for p, t in zip(pred, truth):
        inter = np.bincount(t[p == t], minlength=num_classes).astype(np.float64)
        union = np.bincount(p, minlength=num_classes) + np.bincount(t, minlength=num_classes) - inter
        with np.errstate(invalid="ignore", divide="ignore"):
            scores.append(np.where(union > 0, inter / union, np.nan))
    with np.errstate(invalid="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return np.nanmean(np.array(scores), axis=0)
