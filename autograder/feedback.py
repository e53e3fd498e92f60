"""Feedback that does not give the hidden tests away.

nbgrader's feedback is an HTML copy of the autograded notebook. `ClearHiddenTests` (in the
config) removes the hidden-test source, but a failing hidden test still prints a traceback
that quotes the failing line. This preprocessor keeps only the error's name and message in
test cells, e.g. "AssertionError: conv1d same N=10 K=4 differs from the reference ...".
"""
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool


class HideHiddenTestTracebacks(Preprocessor):
    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources
