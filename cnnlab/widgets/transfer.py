"""Notebook 09's lecture demo: how separable are the classes in each feature space?

`FeatureSpaceExplorer` holds the same samples described in several spaces (raw pixels, features of a
random network, features of a pretrained network). For a chosen space and number of labelled samples
per class it fits a ridge-regression classifier (least squares on one-hot targets, closed form, so it
updates instantly) and plots the test samples in the first two principal components of that space.

    ex = FeatureSpaceExplorer({"pixels": x_pix, "letter features": x_feat}, labels, n_test=500)
    ex.accuracy("letter features", n_per_class=10)      # test accuracy in [0, 1]
    ex.show()                                          # dropdown + slider, in a notebook
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from cnnlab.widgets.style import legible, refresh

LABEL_CHOICES = (1, 3, 10, 30, 100, 300)


class FeatureSpaceExplorer:
    """Ridge classifier and PCA view of labelled samples in several feature spaces.

    Args:
        spaces: name -> (N, D_name) array; row i of every space describes the same sample.
        labels: int (N,) class indices 0..K-1.
        n_test: the last n_test samples are the test set; the others are the pool labels are drawn from.
        ridge: the L2 penalty alpha of the classifier (on standardised features).
        seed: which labelled samples are drawn from the pool.
    """

    def __init__(self, spaces: dict[str, np.ndarray], labels: np.ndarray, n_test: int = 500,
                 ridge: float = 1.0, seed: int = 0) -> None:
        if not spaces:
            raise ValueError("spaces must name at least one (N, D) array")
        labels = np.asarray(labels)
        self.spaces = {name: np.asarray(x, dtype=np.float64).reshape(len(x), -1) for name, x in spaces.items()}
        for name, x in self.spaces.items():
            if len(x) != len(labels):
                raise ValueError(f"space {name!r} has {len(x)} rows but there are {len(labels)} labels")
        if not isinstance(n_test, int) or not 0 < n_test < len(labels):
            raise ValueError(f"n_test must be an integer in 1 .. {len(labels) - 1}; got {n_test!r}")
        if ridge < 0:
            raise ValueError(f"ridge must be >= 0; got {ridge}")
        self.labels = labels.astype(np.int64)
        self.num_classes = int(self.labels.max()) + 1
        self.n_test, self.ridge, self.seed = n_test, float(ridge), int(seed)
        self.space = next(iter(self.spaces))
        self.n_per_class = 10

    def set(self, space: str | None = None, n_per_class: int | None = None) -> None:
        """Choose the space and the number of labelled samples per class."""
        if space is not None:
            if space not in self.spaces:
                raise ValueError(f"unknown space {space!r}; choose one of {list(self.spaces)}")
            self.space = space
        if n_per_class is not None:
            if not isinstance(n_per_class, (int, np.integer)) or n_per_class < 1:
                raise ValueError(f"n_per_class must be a positive integer; got {n_per_class!r}")
            self.n_per_class = int(n_per_class)

    @property
    def label(self) -> str:
        """The widget's description line: space, labelled samples per class, test accuracy."""
        return f"{self.space}: {self.n_per_class} labels/class -> test accuracy {self.accuracy():.3f}"

    def train_indices(self, n_per_class: int) -> np.ndarray:
        """Indices of n_per_class pool samples of each class (all of a class if it has fewer)."""
        rng = np.random.default_rng(self.seed)
        pool_labels = self.labels[:-self.n_test]
        picks = []
        for c in range(self.num_classes):
            idx = np.flatnonzero(pool_labels == c)
            picks.append(rng.choice(idx, min(n_per_class, len(idx)), replace=False))
        return np.concatenate(picks)

    def fit(self, space: str, n_per_class: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Ridge regression to one-hot labels on features standardised with the training samples.

        Returns (W (D + 1, K) with the bias in the last row, mean (D,), std (D,)): predict with
        argmax of [(x - mean) / std, 1] @ W.
        """
        x = self.spaces[space]
        idx = self.train_indices(n_per_class)
        mean, std = x[idx].mean(0), x[idx].std(0) + 1e-6
        design = np.hstack([(x[idx] - mean) / std, np.ones((len(idx), 1))])
        targets = np.eye(self.num_classes)[self.labels[idx]]
        penalty = self.ridge * np.eye(design.shape[1])
        penalty[-1, -1] = 0.0  # no penalty on the bias
        w = np.linalg.solve(design.T @ design + penalty, design.T @ targets)
        return w, mean, std

    def predict(self, space: str, n_per_class: int) -> np.ndarray:
        """Predicted classes (n_test,) of the test samples."""
        w, mean, std = self.fit(space, n_per_class)
        x = self.spaces[space][-self.n_test:]
        return (np.hstack([(x - mean) / std, np.ones((len(x), 1))]) @ w).argmax(1)

    def accuracy(self, space: str | None = None, n_per_class: int | None = None) -> float:
        """Test accuracy in [0, 1] of the ridge classifier (current space / count by default)."""
        space = self.space if space is None else space
        n_per_class = self.n_per_class if n_per_class is None else n_per_class
        return float((self.predict(space, n_per_class) == self.labels[-self.n_test:]).mean())

    def pca(self, space: str | None = None, k: int = 2) -> np.ndarray:
        """The test samples projected on the first k principal components of the space: (n_test, k)."""
        x = self.spaces[self.space if space is None else space][-self.n_test:]
        centred = x - x.mean(0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        return centred @ vt[:k].T

    @legible
    def draw(self, fig=None):
        """Scatter of the test samples (first two principal components), coloured by class."""
        fig = fig or plt.figure(figsize=(7, 5.5))
        fig.clear()
        ax = fig.add_subplot(1, 1, 1)
        xy = self.pca()
        test_labels = self.labels[-self.n_test:]
        scatter = ax.scatter(xy[:, 0], xy[:, 1], c=test_labels, cmap="tab10", s=12, vmin=-0.5,
                             vmax=self.num_classes - 0.5)
        fig.colorbar(scatter, ax=ax, ticks=range(self.num_classes), label="class")
        ax.set_xlabel("principal component 1", fontsize=13)
        ax.set_ylabel("principal component 2", fontsize=13)
        ax.set_title(self.label, fontsize=13)
        return fig

    def show(self) -> None:
        """Build the controls and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        space = widgets.Dropdown(options=list(self.spaces), value=self.space, description="space")
        count = widgets.SelectionSlider(options=list(LABEL_CHOICES), value=self.n_per_class,
                                        description="labels/class", continuous_update=False)
        label, out = widgets.HTML(), widgets.Output()

        def redraw(_change=None):
            self.set(space=space.value, n_per_class=count.value)
            refresh(label, out, self.label, self.draw)

        for control in (space, count):
            control.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([space, count]), label, out])
        self.box = box
        display(box)
