"""nbgrader preprocessors of this course (registered in nbgrader_config.py).

- `GradingExecute` runs submissions with ``CNNLAB_FAST=1`` and a non-interactive matplotlib
  backend. The setting goes to the grading kernel only: setting it in the config file would
  also reach every student kernel of a JupyterLab started in the course folder, because the
  nbgrader extension loads that config.
- `HideHiddenTestTracebacks`: nbgrader's feedback is an HTML copy of the autograded notebook.
  `ClearHiddenTests` removes the hidden-test source, but a failing hidden test still prints a
  traceback that quotes the failing line. This keeps only the error's name and message in test
  cells, e.g. "AssertionError: conv1d same N=10 K=4 differs from the reference ...".
"""
import os

from nbclient.util import run_sync
from nbconvert.preprocessors import Preprocessor
from nbgrader.preprocessors import Execute
from traitlets import Bool

GRADING_ENV = {"CNNLAB_FAST": "1", "MPLBACKEND": "agg"}


class GradingExecute(Execute):
    async def async_start_new_kernel(self, **kwargs):
        kwargs.setdefault("env", {**os.environ, **GRADING_ENV})
        return await super().async_start_new_kernel(**kwargs)

    # nbclient's synchronous start_new_kernel wraps the *base* class's coroutine; wrap ours instead.
    start_new_kernel = run_sync(async_start_new_kernel)


class HideHiddenTestTracebacks(Preprocessor):
    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources
