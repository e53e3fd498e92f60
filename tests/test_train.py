import math

import pytest
import torch
from torch import nn

from cnnlab.data import load_mnist_subset, make_loader
from cnnlab.train import evaluate, fit, predict


@pytest.fixture(scope="module")
def loaders():
    splits = load_mnist_subset(n_train=600, n_val=200, n_test=0)
    return make_loader(splits.train, 64, shuffle=True), make_loader(splits.val, 100)


def small_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 13 * 13, 10))


def test_fit_learns_real_digits_and_records_history(loaders):
    train, val = loaders
    model = small_model()
    before = evaluate(model, val)
    history = fit(model, train, val, epochs=3, optimizer=torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9),
                  progress=False)
    assert set(history) == {"train_loss", "train_acc", "val_loss", "val_acc", "time"}
    assert all(len(v) == 3 for v in history.values())
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert history["val_acc"][-1] > 0.8 > before["accuracy"]
    assert abs(before["loss"] - math.log(10)) < 0.3  # an untrained net is close to guessing


def test_evaluate_weights_samples_not_batches():
    # Two batches of sizes 3 and 1: accuracy is per sample (3/4), not the mean of batch accuracies.
    model = nn.Identity()
    logits = torch.tensor([[1.0, 0], [1, 0], [1, 0], [1, 0]])
    labels = torch.tensor([0, 0, 0, 1])
    loader = [(logits[:3], labels[:3]), (logits[3:], labels[3:])]
    assert evaluate(model, loader)["accuracy"] == 0.75
    preds, ys = predict(model, loader)
    assert preds.tolist() == [0, 0, 0, 0] and ys.tolist() == [0, 0, 0, 1]


def test_divergence_is_reported(loaders):
    train, _ = loaders
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))  # linear: nothing saturates, so it blows up
    with pytest.raises(FloatingPointError, match="learning rate"):
        fit(model, train, None, epochs=1, optimizer=torch.optim.SGD(model.parameters(), lr=1e38), progress=False)


def test_bad_arguments(loaders):
    train, val = loaders
    model = small_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="epochs"):
        fit(model, train, val, epochs=0, optimizer=opt)
    with pytest.raises(TypeError, match="train_loader"):
        fit(model, None, val, epochs=1, optimizer=opt)
