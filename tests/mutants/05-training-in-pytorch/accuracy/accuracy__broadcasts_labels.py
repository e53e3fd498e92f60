"""No shape check: a single label broadcasts against every prediction instead of raising ValueError."""


def accuracy(logits, y):
    return (logits.argmax(dim=1) == y).float().mean().item()
