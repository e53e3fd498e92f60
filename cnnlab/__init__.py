"""cnnlab: the helper package of the course "Convolutional Neural Networks, from first principles".

Every notebook starts with::

    import cnnlab
    cnnlab.seed_everything(0)
    device = cnnlab.pick_device()

One module per concern:

- `cnnlab.runtime`   FAST mode flag and seeding
- `cnnlab.device`    choosing CPU / CUDA / MPS
- `cnnlab.data`      offline data sets (real MNIST digits, 8x8 digits, photos) and loaders
- `cnnlab.download`  optional larger data sets, verified by sha256
- `cnnlab.gradcheck` numerical gradients and relative errors
- `cnnlab.checks`    assertions with teaching messages, for test cells
- `cnnlab.train`     a small training loop with progress bars and a history
- `cnnlab.plots`     image grids, filters, feature maps, curves, confusion matrices
- `cnnlab.canvas`    canvases of real MNIST digits with boxes and masks (`cnnlab.data.digit_canvas`)
- `cnnlab.models`    the course's pretrained network (SmallResNet) and `load_pretrained`, sha256-checked
- `cnnlab.glyphs`    printed letters rendered from matplotlib's fonts (the pretraining source task)
- `cnnlab.pretrain`  `python -m cnnlab.pretrain` (`make pretrain`) remakes data/pretrained/
- `cnnlab.widgets`   interactive lecture demos
"""
from cnnlab.device import pick_device
from cnnlab.runtime import FAST, fast_or, seed_everything

__all__ = ["FAST", "fast_or", "seed_everything", "pick_device"]
__version__ = "0.1.0"
