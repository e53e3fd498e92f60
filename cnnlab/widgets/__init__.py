"""Interactive lecture demos (ipywidgets). Never graded, never needed to pass tests.

Each demo keeps its logic in a plain class (set values, call `update`, read the result) so
pytest can drive it without a browser, and builds the widgets only in `show()`.

- `cnnlab.widgets.signal.Conv1dSlider`       notebook 01: slide a 1-D kernel along a signal
- `cnnlab.widgets.conv.ConvExplorer`         notebook 02: kernels, stride, padding, dilation on real photos
- `cnnlab.widgets.activations`               notebook 03: per-layer activation histograms vs init scale
"""
