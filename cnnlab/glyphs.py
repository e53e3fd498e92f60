"""Printed letters rendered offline from the fonts matplotlib ships: the source task of notebook 09.

Every letter a-z, in lower and upper case, is drawn once per font (DejaVu Sans/Serif/Mono,
STIX, Computer Modern: 22 faces) into a 56x56 template. `render_letters` then draws random
samples: a random affine transform (rotation, scale, shear, aspect, shift), a random stroke
width (erosion or dilation), 2x downsampling to 28x28, a random blur and random pixel noise.
Labels merge the two cases (like EMNIST "letters"): 26 classes, 'a'/'A' -> 0 ... 'z'/'Z' -> 25.
No digits are drawn, so handwritten digits stay a new task for the network.

    x, y = render_letters(1000, seed=0)     # x float32 (1000, 1, 28, 28) in [0, 1], y int64 (1000,)
"""
from __future__ import annotations

import functools
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

LETTERS = "abcdefghijklmnopqrstuvwxyz"
CLASSES = tuple(LETTERS)
# Faces with real Latin letters (the symbol fonts cmsy10 / cmex10 / STIX size variants are left out).
FONT_FILES = (
    "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf", "DejaVuSansMono-Oblique.ttf",
    "DejaVuSansMono-BoldOblique.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf",
    "DejaVuSerif-BoldItalic.ttf", "STIXGeneral.ttf", "STIXGeneralBol.ttf", "STIXGeneralItalic.ttf",
    "STIXGeneralBolIta.ttf", "cmr10.ttf", "cmb10.ttf", "cmti10.ttf", "cmmi10.ttf", "cmss10.ttf", "cmtt10.ttf",
)
TEMPLATE_SIZE = 56   # templates are drawn at twice the output size, then averaged down
GLYPH_BOX = 40       # the longer side of a glyph in its template (MNIST: 20 of 28 pixels)


def font_paths() -> list[str]:
    """Absolute paths of the `FONT_FILES` inside the installed matplotlib."""
    import matplotlib

    root = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")
    paths = [os.path.join(root, f) for f in FONT_FILES]
    missing = [p for p in paths if not os.path.isfile(p)]
    if missing:
        raise FileNotFoundError(f"matplotlib's bundled fonts are missing: {missing}")
    return paths


def _draw(font, char: str) -> np.ndarray:
    """One glyph of an FT2Font as a float32 (TEMPLATE_SIZE, TEMPLATE_SIZE) array in [0, 1], ink = 1, centred."""
    font.clear()
    font.set_text(char)
    font.draw_glyphs_to_bitmap(antialiased=True)
    img = np.asarray(font.get_image(), dtype=np.float32) / 255.0
    rows, cols = np.nonzero(img > 0.05)
    img = img[rows.min():rows.max() + 1, cols.min():cols.max() + 1]
    h, w = img.shape
    scale = GLYPH_BOX / max(h, w)
    size = (max(1, round(h * scale)), max(1, round(w * scale)))
    small = F.interpolate(torch.from_numpy(img)[None, None], size=size, mode="bilinear",
                          antialias=True, align_corners=False)[0, 0].clamp(0, 1).numpy()
    out = np.zeros((TEMPLATE_SIZE, TEMPLATE_SIZE), dtype=np.float32)
    top, left = (TEMPLATE_SIZE - size[0]) // 2, (TEMPLATE_SIZE - size[1]) // 2
    out[top:top + size[0], left:left + size[1]] = small
    return out


@functools.lru_cache(maxsize=1)
def letter_templates() -> tuple[torch.Tensor, torch.Tensor]:
    """Every letter in both cases in every font: images (T, 1, 56, 56) float32, labels (T,) int64.

    T = 22 fonts x 52 characters = 1,144. Cached after the first call (about a second).
    """
    from matplotlib.ft2font import FT2Font

    images, labels = [], []
    for path in font_paths():
        font = FT2Font(path)
        font.set_size(96, 72)
        for label, letter in enumerate(LETTERS):
            for char in (letter, letter.upper()):
                images.append(_draw(font, char))
                labels.append(label)
    return torch.from_numpy(np.stack(images))[:, None], torch.tensor(labels, dtype=torch.int64)


def _affine(n: int, g: torch.Generator, strength: float) -> torch.Tensor:
    """Random (n, 2, 3) affine matrices for F.affine_grid: rotation, scale, aspect, shear, shift."""
    def u(lo: float, hi: float) -> torch.Tensor:
        return lo + (hi - lo) * torch.rand(n, generator=g)

    angle = u(-15, 15) * strength * math.pi / 180
    scale = 1 + u(-0.25, 0.15) * strength
    aspect = 1 + u(-0.2, 0.2) * strength
    shear = u(-0.3, 0.3) * strength
    cos, sin = torch.cos(angle), torch.sin(angle)
    sx, sy = scale * aspect, scale / aspect
    # affine_grid maps output coordinates to input coordinates, so this is the inverse warp.
    a = torch.stack([torch.stack([cos / sx, (-sin + shear) / sx], 1),
                     torch.stack([sin / sy, cos / sy], 1)], 1)
    shift = torch.stack([u(-0.12, 0.12), u(-0.12, 0.12)], 1) * strength
    return torch.cat([a, shift[:, :, None]], 2)


def augment(templates: torch.Tensor, g: torch.Generator, strength: float = 1.0) -> torch.Tensor:
    """Random printed-character variations of (n, 1, 56, 56) templates -> (n, 1, 28, 28) in [0, 1].

    strength=0 gives the plain glyph, downsampled; 1 is the training distribution.
    """
    n = len(templates)
    grid = F.affine_grid(_affine(n, g, strength), list(templates.shape), align_corners=False)
    x = F.grid_sample(templates, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    # Stroke width, chosen per image: thinner (erode 3x3), as drawn, bolder (dilate 3x3 or 5x5).
    choice = torch.randint(0, 4, (n,), generator=g) if strength > 0 else torch.ones(n, dtype=torch.int64)
    x = x.clone()
    for kind, op in ((0, lambda t: -F.max_pool2d(-t, 3, 1, 1)), (2, lambda t: F.max_pool2d(t, 3, 1, 1)),
                     (3, lambda t: F.max_pool2d(t, 5, 1, 2))):
        rows = torch.nonzero(choice == kind).flatten()
        if len(rows):
            x[rows] = op(x[rows])
    x = F.avg_pool2d(x, 2)
    # Blur with a per-image Gaussian (sigma 0.01 to 1 pixel), as one grouped convolution.
    sigma = 0.01 + torch.rand(n, generator=g) * strength
    offsets = torch.arange(-2, 3, dtype=torch.float32)
    k1 = torch.exp(-offsets[None] ** 2 / (2 * sigma[:, None] ** 2))
    k1 = k1 / k1.sum(1, keepdim=True)
    kernels = (k1[:, :, None] * k1[:, None, :])[:, None]
    x = F.conv2d(x.reshape(1, n, 28, 28), kernels, padding=2, groups=n).reshape(n, 1, 28, 28)
    contrast = 1 - 0.3 * strength * torch.rand(n, 1, 1, 1, generator=g)
    noise = 0.08 * strength * torch.rand(n, 1, 1, 1, generator=g) * torch.randn(x.shape, generator=g)
    return (x * contrast + noise).clamp(0, 1)


def render_letters(n: int, seed: int = 0, strength: float = 1.0, batch: int = 2048) -> tuple[torch.Tensor, torch.Tensor]:
    """`n` random printed letters: x float32 (n, 1, 28, 28) in [0, 1] (ink bright), y int64 (n,) in 0..25.

    Template, transform, stroke, blur and noise are all drawn from a generator seeded with `seed`,
    so the same (n, seed) gives the same images; different seeds give fresh samples.
    """
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}")
    if not 0 <= strength <= 1:
        raise ValueError(f"strength must be in [0, 1]; got {strength!r}")
    templates, labels = letter_templates()
    g = torch.Generator().manual_seed(int(seed))
    index = torch.randint(0, len(labels), (n,), generator=g)
    xs = [augment(templates[index[i:i + batch]], g, strength) for i in range(0, n, batch)]
    return torch.cat(xs), labels[index]
