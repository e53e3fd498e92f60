import numpy as np
import pytest
import torch
from matplotlib.figure import Figure

from cnnlab import plots


def test_image_grid_labels_and_mistakes_in_red():
    imgs = torch.rand(5, 1, 8, 8)
    fig = plots.image_grid(imgs, labels=[0, 1, 2, 3, 4], preds=[0, 1, 2, 3, 9], ncols=3)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert isinstance(fig, Figure) and titles[-1] == "4 -> 9"
    assert fig.axes[4].title.get_color() == "red" and fig.axes[0].title.get_color() == "black"
    with pytest.raises(ValueError, match="labels"):
        plots.image_grid(imgs, labels=[1, 2])


def test_filter_and_feature_maps():
    fig = plots.filter_grid(np.random.randn(6, 3, 5, 5))
    assert "6 x 3 x 5 x 5" in fig._suptitle.get_text()
    fig = plots.feature_map_grid(torch.rand(1, 4, 7, 7))
    assert sum(bool(ax.get_title()) for ax in fig.axes) == 4
    with pytest.raises(ValueError, match="F, C, kh, kw"):
        plots.filter_grid(np.zeros((3, 3)))


def test_history_axes_are_labelled():
    fig = plots.plot_history({"train_loss": [1, 0.5], "train_acc": [0.5, 0.8], "val_loss": [1.1, 0.6],
                              "val_acc": [0.4, 0.7]})
    assert [ax.get_ylabel() for ax in fig.axes] == ["cross-entropy loss (nats)", "accuracy (%)"]
    assert all(ax.get_xlabel() == "epoch" for ax in fig.axes)
    with pytest.raises(ValueError, match="train_loss"):
        plots.plot_history({})


def test_confusion_matrix_counts():
    cm = plots.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], num_classes=3)
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    fig = plots.plot_confusion_matrix(cm, class_names=["a", "b", "c"])
    assert fig.axes[0].get_xlabel() == "predicted class"
    with pytest.raises(ValueError, match="0..1"):
        plots.confusion_matrix([0, 2], [0, 1], num_classes=2)
