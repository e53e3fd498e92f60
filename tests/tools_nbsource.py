"""Import shim: tools/ is not a package; load tools/nbsource.py as a module for the tests."""
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("nbsource", Path(__file__).resolve().parents[1] / "tools" / "nbsource.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
py_to_notebook = _module.py_to_notebook
notebook_to_py = _module.notebook_to_py
