"""Interactive lecture demos (ipywidgets). Never graded, never needed to pass tests.

Each demo keeps its logic in a plain class (set values, call `update`, read the result) so
pytest can drive it without a browser, and builds the widgets only in `show()`: a row of controls,
the live one-line description (`label`) and the plot, both redrawn by `style.refresh` when a control
moves. Every `draw()` is decorated with `style.legible` (fonts readable on a projector).

- `cnnlab.widgets.signal.Conv1dSlider`       notebook 01: slide a 1-D kernel along a signal
- `cnnlab.widgets.conv.ConvExplorer`         notebook 02: kernels, stride, padding, dilation on real photos
- `cnnlab.widgets.activations`               notebook 03: per-layer activation histograms vs init scale
- `cnnlab.widgets.batchnorm.BatchNormExplorer`  notebook 07: BN on/off and learning rate: loss curves, activations
- `cnnlab.widgets.regularization.AugmentationExplorer`  notebook 08: an augmentation and its strength on 16 digits
- `cnnlab.widgets.transfer.FeatureSpaceExplorer`  notebook 09: digits in pixel / random / pretrained feature spaces
- `cnnlab.widgets.featurevis.FeatureVisExplorer`  notebook 10: a layer and channel: activation maximisation, top patches
- `cnnlab.widgets.adversarial.AdversarialExplorer`  notebook 11: eps slider: image, perturbation, probabilities
- `cnnlab.widgets.detection.DetectionExplorer`  notebook 12: boxes before/after NMS and the segmentation of a canvas
- `cnnlab.widgets.style`                     shared figure style of the widgets (fonts legible on a projector)
"""
