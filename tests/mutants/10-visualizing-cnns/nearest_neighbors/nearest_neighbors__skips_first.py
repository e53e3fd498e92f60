"""Drops the closest match (as if it were always the query itself)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def nearest_neighbors(features, query, k, metric="cosine"):
    if features.ndim != 2 or query.ndim != 2 or features.shape[1] != query.shape[1]:
        raise ValueError("shapes")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= len(features):
        raise ValueError("k")
    if metric not in ("cosine", "l2"):
        raise ValueError("metric")
    if metric == "cosine":
        distance = -(F.normalize(query, dim=1) @ F.normalize(features, dim=1).T)
    else:
        distance = torch.cdist(query, features)
    order = distance.argsort(dim=1)
    return order[:, 1:k + 1] if k < len(features) else order[:, :k]
