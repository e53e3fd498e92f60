"""JupyterLab server side of the course: notebooks open unmodified.

Why a notebook showed as modified the moment it opened: when its kernel starts, JupyterLab
writes the kernel's `language_info` (Python version, mimetype, lexer, ...) into the notebook's
metadata. The course's notebooks carry only `{"name": "python"}` there (their metadata must not
depend on the Python of whoever made them), so that write is a change and the notebook is dirty
before the student has typed anything.

`CourseContentsManager` fills in, when a notebook is loaded, the `language_info` that this
server's own ipykernel reports (the kernel runs in the same environment), so JupyterLab's write
changes nothing. Files on disk are untouched until the student saves.

    jupyter-lab --ServerApp.contents_manager_class=cnnlab.labserver.CourseContentsManager

(`make lab` sets it through lab/student/jupyter_server_config.json, `make instructor` on the
command line.)
"""
from __future__ import annotations

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager


def kernel_language_info() -> dict:
    """The `language_info` that ipykernel in this environment sends in its kernel_info reply."""
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


def complete_language_info(notebook) -> None:
    """Give a Python notebook (an nbformat node or dict) the kernel's full `language_info`, in place."""
    meta = notebook["metadata"]
    info = meta.get("language_info", {})
    if info.get("name", "python") == "python" and meta.get("kernelspec", {}).get("language", "python") == "python":
        meta["language_info"] = {**info, **kernel_language_info()}


class CourseContentsManager(AsyncLargeFileManager):
    """Jupyter's default contents manager, plus `complete_language_info` on every notebook it loads."""

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if content and model.get("type") == "notebook" and model.get("content") is not None:
            complete_language_info(model["content"])
        return model
