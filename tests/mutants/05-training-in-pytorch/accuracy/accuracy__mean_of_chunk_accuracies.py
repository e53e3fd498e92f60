"""Averages the accuracies of chunks of 32 samples: a ragged last chunk gets too much weight."""


def accuracy(logits, y):
    if logits.ndim != 2 or logits.shape[0] == 0 or y.shape != (logits.shape[0],):
        raise ValueError("bad shapes")
    correct = (logits.argmax(dim=1) == y).float()
    chunks = [correct[i:i + 32].mean().item() for i in range(0, len(y), 32)]
    return sum(chunks) / len(chunks)
