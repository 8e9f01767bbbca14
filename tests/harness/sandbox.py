"""Run student code where it cannot see or change the grader.

With bubblewrap (``bwrap``) the student's process gets a private view of the file system:
the Python installation, the course library and one working folder, nothing else (no
``tests/``, no gradebook, no other submission), read-only except that folder, as an
unprivileged user, with no network unless asked for. Without bubblewrap it falls back to
running in place, and says so.
"""
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

SANDBOX_USER_ID = 65534  # nobody
SYSTEM_DIRS = ["/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin", "/etc"]


@functools.lru_cache(maxsize=None)
def available():
    """Whether student code can be isolated on this machine (bubblewrap installed and working)."""
    if os.environ.get("GRADER_SANDBOX", "bwrap") == "none" or shutil.which("bwrap") is None:
        return False
    works = subprocess.run(_bwrap_args() + ["true"], capture_output=True).returncode == 0
    if not works:
        warnings.warn("bubblewrap is installed but cannot start a sandbox here (user namespaces disabled?): "
                      "student code is graded WITHOUT isolation")
    return works


def gpu_present():
    """NVIDIA device files exist (a cheap test, without importing torch)."""
    return os.path.exists("/dev/nvidiactl")


def python_dirs():
    """The folders a Python process of this environment reads at start-up."""
    dirs = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))}
    spec = importlib.util.find_spec("dlcv")
    if spec and spec.origin:  # an editable install of the course library lives outside site-packages
        dirs.add(str(Path(spec.origin).resolve().parent))
    return sorted(dirs)


def _bwrap_args():
    """An unprivileged user, no namespaces shared, a private /tmp, Python and the system read-only."""
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-all",
            "--uid", str(SANDBOX_USER_ID), "--gid", str(SANDBOX_USER_ID),
            "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp",
            "--setenv", "HOME", "/tmp", "--setenv", "MPLCONFIGDIR", "/tmp",
            # a kernel would take its own PID namespace for an orphaning; --die-with-parent does that job
            "--unsetenv", "JPY_PARENT_PID"]
    for path in SYSTEM_DIRS + python_dirs():
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    return args


def command(argv, writable, readable=(), cwd=None, network=False, gpu=False):
    """``argv`` wrapped so that it runs isolated; ``writable`` folders are bound read-write."""
    if not available():
        return list(argv)
    args = _bwrap_args()
    args += ["--dev-bind", "/dev", "/dev"] if gpu else ["--dev", "/dev"]
    if network:
        args.append("--share-net")
    for path in readable:
        if os.path.exists(path):
            args += ["--ro-bind", path, path]
    for path in writable:
        args += ["--bind", str(path), str(path)]
    args += ["--remount-ro", "/"]  # nothing new can appear outside the writable folders
    if cwd:
        args += ["--chdir", str(cwd)]
    return args + list(argv)
