"""Sizes and colours that read on a projector in a lecture hall, shared by the lecture widgets.

    with projector_style():
        fig = ...draw...
        finish(fig)

Every text a widget draws (titles, axis labels, tick labels, legends, annotations) is at least
`MIN_FONT_PT` points; annotations on coloured cells pick black or white, whichever contrasts more.
"""
from __future__ import annotations

import functools
import html

import matplotlib.pyplot as plt
import numpy as np

MIN_FONT_PT = 12
FONT_PT = 13


def projector_style():
    """A matplotlib rc context with every default font at least MIN_FONT_PT points."""
    return plt.rc_context({"font.size": FONT_PT, "axes.titlesize": FONT_PT, "axes.labelsize": FONT_PT,
                           "xtick.labelsize": MIN_FONT_PT, "ytick.labelsize": MIN_FONT_PT,
                           "legend.fontsize": MIN_FONT_PT, "figure.titlesize": FONT_PT})


def finish(fig) -> None:
    """Fix the tick label size of every axes of `fig` (ticks are created lazily, at draw time)."""
    for ax in fig.axes:
        ax.tick_params(labelsize=MIN_FONT_PT)


def legible(draw):
    """Decorator for a widget's `draw` method: the figure is built with projector fonts (`projector_style`)
    and its tick labels fixed (`finish`), so every text is at least MIN_FONT_PT points."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with projector_style():
            fig = draw(*args, **kwargs)
            finish(fig)
        return fig
    return wrapper


def relative_luminance(rgb) -> float:
    """WCAG relative luminance of an sRGB colour with channels in [0, 1]."""
    c = np.asarray(rgb, dtype=np.float64)[:3]
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(lin @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(rgb_a, rgb_b) -> float:
    """WCAG contrast ratio (1 to 21) of two colours; 4.5 or more reads well as text."""
    la, lb = sorted((relative_luminance(rgb_a), relative_luminance(rgb_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(rgb) -> str:
    """"black" or "white", whichever contrasts more with the background colour `rgb`."""
    return "black" if contrast_ratio(rgb, (0, 0, 0)) >= contrast_ratio(rgb, (1, 1, 1)) else "white"


def label_html(text: str) -> str:
    """The widget's one-line description, as HTML large enough to read from the back of a room."""
    return f'<div style="font-size: 16px; font-family: monospace">{html.escape(text)}</div>'


def small_texts(fig, minimum: float = MIN_FONT_PT) -> list[tuple[str, float]]:
    """(text, size in points) of every visible, non-empty text of `fig` smaller than `minimum`.

    The figure is drawn first, so lazily created tick labels are included.
    """
    from matplotlib.text import Text

    fig.canvas.draw()
    return [(t.get_text(), float(t.get_fontsize())) for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip() and t.get_fontsize() < minimum]


def refresh(label, out, text: str, draw) -> None:
    """Show `text` in the HTML widget `label` and the figure `draw()` returns in the Output `out`.

    Every lecture widget calls this when a control moves: the description line above the plot is a
    widget that follows the controls (a `print` above a widget would go stale).
    """
    from IPython.display import display

    label.value = label_html(text)
    with out:
        out.clear_output(wait=True)
        fig = draw()
        display(fig)
        plt.close(fig)
