"""Run each grading kernel in a bubblewrap sandbox, with resource limits.

What the student's code (the Jupyter kernel) sees and may do, on Linux with ``bwrap``:

- its own network namespace (no network at all: not even the host's loopback), its own PID, IPC,
  UTS and cgroup namespaces;
- an unprivileged uid with every capability dropped: a uid of its own (`sandbox_uid`, no account)
  when grading runs as root, otherwise the instructor's own uid inside a user namespace;
- a file system built from nothing: read-only system directories (/usr, /lib, ...), a few files of
  /etc, read-only the Python installation, the virtual environment and the course package
  (`cnnlab/` only, not the repository around it); a private /tmp (tmpfs, size-limited); the
  kernel's connection file and ZMQ ``ipc`` sockets in one bind-mounted folder; and a *scratch copy*
  of its own submission folder as working directory, thrown away afterwards. Everything else
  (solutions/, the gradebook, other students' submissions, the instructor's home, /work, ...) is
  simply not there;
- resource limits (`Limits`): address space, CPU seconds, processes, file size, core dumps off.

The grader (nbgrader, nbclient, the gradebook) runs outside the sandbox and talks to the kernel over
the ipc sockets. `sandbox_problem()` says why a machine cannot sandbox (None if it can);
`SandboxUnavailable` is raised when a sandboxed kernel is asked for where it cannot run.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Bool, Integer
from traitlets.config import Configurable

from autograder.errors import AutograderError

UID_BASE = 100_000  # root grades as uid UID_BASE + its pid: an unprivileged uid of its own per grader process


PID_MAX = 1 << 22  # Linux's largest pid_max


def _mapped_uids() -> int:
    """How many uids this (possibly namespaced, e.g. rootless container) root can switch to."""
    try:
        rows = [line.split() for line in Path("/proc/self/uid_map").read_text().splitlines() if line.strip()]
        return max(int(count) for inside, _, count in rows if inside == "0")
    except (OSError, ValueError):
        return 65536


def sandbox_uid() -> int:
    """The uid a kernel of this grader process runs as (when grading as root).

    One uid per grader process (pids are unique among running processes), so the process limit of one
    sandbox (RLIMIT_NPROC counts per uid) is not used up by another submission graded at the same time.
    Where fewer uids are mapped (a rootless container), `nobody` (65534) for all.
    """
    return UID_BASE + os.getpid() if _mapped_uids() > UID_BASE + PID_MAX else 65534
# Environment variables that reach the kernel (everything else is dropped: no tokens or secrets leak in).
PASS_ENV = ("LANG", "LC_ALL", "TZ", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "CNNLAB_FAST", "MPLBACKEND", "PYTHONHASHSEED")
ETC_FILES = ("passwd", "group", "nsswitch.conf", "hosts", "localtime", "ld.so.cache", "ld.so.conf",
             "ld.so.conf.d", "fonts", "alternatives", "mime.types", "matplotlibrc", "ssl")


class SandboxUnavailable(AutograderError):
    """This machine cannot run a sandboxed kernel (not Linux, no bubblewrap, or namespaces disabled)."""


class Limits(Configurable):
    """Every limit on a graded submission, in one place (set them as ``c.Limits.<name>`` in nbgrader_config.py).

    The first five are enforced by the kernel's sandbox; the others by the grader (`SafeExecute`).
    """

    memory_bytes = Integer(4 << 30, help="address space of each kernel process (RLIMIT_AS), bytes").tag(config=True)
    cpu_seconds = Integer(900, help="CPU time of each kernel process (RLIMIT_CPU); a kernel past it is "
                                    "killed and restarted").tag(config=True)
    processes = Integer(256, help="processes and threads of the sandbox uid (RLIMIT_NPROC)").tag(config=True)
    file_bytes = Integer(256 << 20, help="largest file a kernel may write (RLIMIT_FSIZE), bytes").tag(config=True)
    tmp_bytes = Integer(512 << 20, help="size of the sandbox's private /tmp, bytes").tag(config=True)
    output_bytes = Integer(4 << 20, help="total output kept per submission (text and images); "
                                         "the rest is dropped with a note").tag(config=True)
    cell_seconds = Integer(120, help="wall time of one cell before it is interrupted").tag(config=True)
    submission_seconds = Integer(1800, help="wall time of one submission; cells after it are not run "
                                            "(and score 0)").tag(config=True)
    restarts = Integer(3, help="kernel restarts per submission after a cell killed the kernel").tag(config=True)
    sandbox = Bool(True, help="run kernels in the sandbox; False only with an explicit "
                              "ALLOW_UNSANDBOXED=1").tag(config=True)


def _bwrap() -> str | None:
    return shutil.which("bwrap") or next((p for p in ("/usr/bin/bwrap", "/bin/bwrap") if os.path.exists(p)), None)


@lru_cache(maxsize=1)
def sandbox_problem() -> str | None:
    """Why this machine cannot sandbox grading kernels, or None when it can (a trial sandbox is started)."""
    if not sys.platform.startswith("linux"):
        return f"the grading sandbox needs Linux (bubblewrap); this is {sys.platform}"
    bwrap = _bwrap()
    if bwrap is None:
        return "bubblewrap (bwrap) is not installed: run `make grade-setup` (apt-get install bubblewrap) as root"
    for tool in ("prlimit", *(["setpriv"] if os.geteuid() == 0 else [])):
        if shutil.which(tool) is None:
            return f"`{tool}` (util-linux) is not installed"
    with tempfile.TemporaryDirectory() as scratch:
        cmd = [bwrap, *_namespace_args(), *_system_args(scratch_tmp=64 << 20), *_drop_privileges(),
               sys.executable, "-c", "import os; print(os.getuid())"]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"bubblewrap could not start a sandbox: {exc}"
    if run.returncode != 0:
        return f"bubblewrap could not start a sandbox: {run.stderr.strip()[:300] or run.returncode}"
    return None


def require_sandbox() -> None:
    problem = sandbox_problem()
    if problem:
        raise SandboxUnavailable(problem)


def _namespace_args() -> list[str]:
    args = ["--die-with-parent", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--hostname", "sandbox"]
    if os.geteuid() != 0:
        args += ["--unshare-user", "--cap-drop", "ALL"]  # root: setpriv changes to nobody instead
    return args


def _drop_privileges() -> list[str]:
    """As root, become `sandbox_uid()` with no capabilities and no way to gain privileges again."""
    if os.geteuid() != 0:
        return []
    uid = sandbox_uid()
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
            "--bounding-set=-all", "--no-new-privs"]


def _system_args(scratch_tmp: int) -> list[str]:
    """Read-only system folders, /proc, /dev, a private /tmp, and the Python installation."""
    args: list[str] = []
    for top in ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    for name in ETC_FILES:
        args += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
    args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--size", str(scratch_tmp), "--tmpfs", "/tmp"]
    for path in python_paths():
        args += [*_parent_dirs(path), "--ro-bind", str(path.resolve()), str(path)]
    return args


def _parent_dirs(path: Path) -> list[str]:
    """Create the folders above a bind target world-readable (bwrap would make them 0700: nobody could not enter)."""
    args: list[str] = []
    for parent in reversed(path.parents):
        if str(parent) not in ("/", "/tmp"):
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def python_paths() -> list[Path]:
    """The Python installation and virtual environment: the paths the grader uses (bound from their real paths)."""
    out: list[Path] = []
    for p in (Path(sys.base_prefix), Path(sys.prefix)):
        for q in (p, p.resolve()):
            if q not in out:
                out.append(q)
    return out


def course_package() -> Path | None:
    """The folder of the `cnnlab` package that the grader imports (bound read-only, alone, into the sandbox)."""
    spec = importlib.util.find_spec("cnnlab")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def sandbox_command(kernel_cmd: list[str], limits: Limits, cwd: Path, scratch: Path, sockets: Path,
                    env: dict[str, str]) -> list[str]:
    """`kernel_cmd` wrapped in bwrap: sees `scratch` at `cwd` (read-write) and `sockets` (read-write)."""
    bwrap = _bwrap()
    if bwrap is None:
        raise SandboxUnavailable(sandbox_problem() or "bubblewrap is not installed")
    args = [bwrap, *_namespace_args(), "--clearenv", *_system_args(limits.tmp_bytes)]
    package = course_package()
    inner_env = {k: env[k] for k in PASS_ENV if k in env}
    inner_env.update(HOME="/tmp", USER="student", PATH=f"{Path(sys.executable).parent}:/usr/bin:/bin",
                     MPLCONFIGDIR="/tmp/matplotlib", IPYTHONDIR="/tmp/ipython", JUPYTER_RUNTIME_DIR="/tmp/jupyter",
                     PYTHONDONTWRITEBYTECODE="1")
    if package is not None:
        args += [*_parent_dirs(package), "--ro-bind", str(package), str(package)]
        inner_env["PYTHONPATH"] = str(package.parent)
        pretrained = package.parent / "data" / "pretrained"
        if pretrained.is_dir():  # the committed checkpoints notebooks 09-10 load (not secret), read-only
            args += [*_parent_dirs(pretrained), "--ro-bind", str(pretrained), str(pretrained)]
    args += [*_parent_dirs(sockets), "--bind", str(sockets), str(sockets),
             *_parent_dirs(cwd), "--bind", str(scratch), str(cwd), "--chdir", str(cwd)]
    for key, value in inner_env.items():
        args += ["--setenv", key, value]
    rlimits = ["prlimit", f"--as={limits.memory_bytes}", f"--cpu={limits.cpu_seconds}",
               f"--nproc={limits.processes}", f"--fsize={limits.file_bytes}", "--core=0", "--"]
    return [*args, "--", *_drop_privileges(), *rlimits, *kernel_cmd]


def give_to_sandbox(path: Path) -> None:
    """Make `path` (and everything below) the sandbox uid's, so that the kernel can write there."""
    if os.geteuid() == 0:
        uid = sandbox_uid()
        for p in [path, *path.rglob("*")]:
            os.lchown(p, uid, uid)


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in the bwrap sandbox and talk ZMQ over ipc sockets.

    Each start gets a fresh socket folder and a fresh scratch copy of the working directory;
    `cleanup_resources` removes both.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.limits = Limits(parent=self)
        self._sockets = Path(tempfile.mkdtemp(prefix="grade-sockets-"))
        os.chmod(self._sockets, 0o700)
        give_to_sandbox(self._sockets)
        self.transport = "ipc"
        self.ip = str(self._sockets / "kernel")
        self.connection_file = str(self._sockets / "kernel.json")
        self._scratch: Path | None = None

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        require_sandbox()
        cwd = Path(kw.get("cwd") or os.getcwd()).resolve()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        self._scratch = Path(tempfile.mkdtemp(prefix="grade-scratch-"))
        shutil.copytree(cwd, self._scratch, dirs_exist_ok=True, symlinks=True)
        give_to_sandbox(self._scratch)
        if os.path.exists(self.connection_file):
            give_to_sandbox(Path(self.connection_file))
        cmd = sandbox_command(kernel_cmd, self.limits, cwd, self._scratch, self._sockets, kw.get("env") or {})
        kw["cwd"] = str(self._sockets)
        kw["stdout"] = subprocess.DEVNULL  # the kernel's own fds are forwarded over iopub; never the grader's log
        kw["stderr"] = subprocess.DEVNULL
        await super()._async_launch_kernel(cmd, **kw)

    async def _async_interrupt_kernel(self) -> None:
        """Interrupt by message: a signal would reach bwrap, not the kernel inside it."""
        msg = self.session.msg("interrupt_request", content={})
        self._connect_control_socket()
        self.session.send(self._control_socket, msg)

    interrupt_kernel = _async_interrupt_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            if self._scratch is not None:
                shutil.rmtree(self._scratch, ignore_errors=True)
            shutil.rmtree(self._sockets, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources
