"""A notebook under grading, as the judge sees it.

``Submission(notebook, assignment)`` runs the notebook's code cells once in a sandboxed
worker (``worker.py``), then answers ``probe(name, inputs)`` with the facts the
assignment's ``probes.py`` measured on the student's objects. The facts come back as
plain tensors and containers (``torch.load(weights_only=True)``): everything the checks
compare, they compare here, in the grader's own process, which student code never runs in.

A cell that crashes or hangs the worker is skipped on the next start, so it costs only the
exercises that need it.
"""
import json
import multiprocessing.util
import os
import select
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from . import modules
from . import notebook as nb
from . import sandbox

HARNESS_DIR = Path(__file__).resolve().parent
CHECKS_DIR = HARNESS_DIR.parent / "checks"
SOURCE_DIR = HARNESS_DIR.parent.parent / "source"
START_TIMEOUT_S = float(os.environ.get("GRADER_START_TIMEOUT_S", "300"))
MAX_RESULT_BYTES = 256 * 2**20
MAX_RESTARTS = 5


class ProbeFailed(Exception):
    """The student's code could not be measured; the message says why, in the student's terms."""


def time_limit(seconds):
    """An exercise's time limit, shortened by GRADER_PROBE_TIMEOUT_S if set (the repository's own tests)."""
    limit = os.environ.get("GRADER_PROBE_TIMEOUT_S")
    return min(seconds, float(limit)) if limit else seconds


def cuda_devices():
    """The GPUs the probes may use: all of this machine's, or none (torch is asked only where
    NVIDIA devices exist, so that a worker can be launched before torch is imported here)."""
    if not sandbox.gpu_present():
        return ""
    import torch
    return os.environ.get("CUDA_VISIBLE_DEVICES", "0") if torch.cuda.is_available() else ""


PRESTARTED = {}  # notebook path -> a Submission whose worker is already starting
_FORK_SERVER = None


def use_fork_server():
    """Start workers by forking one sandboxed process that has loaded torch already, instead of a new
    process each (3 to 4 s saved per notebook). For the grader's proof, whose notebooks are the course's
    own fixtures: its workers share one sandbox, where each real submission gets its own."""
    global _FORK_SERVER
    if _FORK_SERVER is None:
        _FORK_SERVER = ForkServer()
        # at exit, also of a multiprocessing worker (which skips atexit)
        multiprocessing.util.Finalize(_FORK_SERVER, _FORK_SERVER.close, exitpriority=0)


def _worker_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "PYTHON"))}
    env.update(GRADER_CUDA_DEVICES=cuda_devices(), GRADER_CELL_TIMEOUT_S=os.environ.get("GRADER_CELL_TIMEOUT_S", "60"),
               NBGRADER_EXECUTION="autograde", OMP_NUM_THREADS="1", MPLBACKEND="Agg", PYTHONHASHSEED="0")
    return env


class ForkServer:
    """``worker.py --fork-server`` in one sandbox; its workers live in folders under ``self.root``."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="grader-pool-"))
        os.chmod(self.root, 0o777)
        shutil.copy(HARNESS_DIR / "worker.py", self.root / "worker.py")
        self.control, theirs = socket.socketpair()
        argv = sandbox.command([_python(), "-I", str(self.root / "worker.py"), "--fork-server", str(theirs.fileno())],
                               writable=[self.root], cwd=self.root, gpu=bool(cuda_devices()))
        self.process = subprocess.Popen(argv, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_worker_env(),
                                        start_new_session=True)
        theirs.close()

    def request(self, message, fds=()):
        socket.send_fds(self.control, [json.dumps(message).encode()], list(fds))
        reply = self.control.recv(65536)
        if not reply:
            raise ProbeFailed("the grader's worker pool stopped")
        return json.loads(reply)

    def fork(self, workdir):
        mine, theirs = socket.socketpair()
        pid = self.request({"workdir": str(workdir)}, [theirs.fileno()])["pid"]
        theirs.close()
        return ForkedWorker(self, pid, mine)

    def close(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, 9)
        self.process.wait()
        self.control.close()
        shutil.rmtree(self.root, ignore_errors=True)


class ForkedWorker:
    """A worker forked by the ForkServer, with the parts of ``subprocess.Popen`` a Submission uses."""

    def __init__(self, server, pid, channel):
        self.server, self.pid, self.channel = server, pid, channel
        self.stdin = channel.makefile("wb")
        self.stdout = channel
        self.code = None

    def wait(self):
        """The worker's exit code, once it has ended: it is killed if it still runs."""
        if self.code is None:
            self.code = self.server.request({"stop": self.pid})["code"]
            self.stdin.close()
            self.channel.close()
        return self.code


def prestart(notebook, assignment, folder=None):
    """Launch the worker for ``notebook`` now; the checks pick it up when they start."""
    submission = Submission(notebook, assignment, folder)
    submission._launch()
    PRESTARTED[str(submission.notebook)] = submission
    return submission


def open_submission(notebook, assignment, folder=None):
    """The prestarted submission for ``notebook`` if there is one, else a new one; started."""
    submission = PRESTARTED.pop(str(Path(notebook).resolve()), None) or Submission(notebook, assignment, folder)
    try:
        return submission.start()
    except ProbeFailed:
        submission.close()
        raise


class Submission:
    def __init__(self, notebook, assignment, folder=None):
        self.notebook = Path(notebook).resolve()
        self.folder = Path(folder).resolve() if folder else self.notebook.parent  # where its files (checkpoints) are
        self.assignment = assignment
        self.cells = nb.cells_to_run(self.notebook)
        self.skip = {}  # cell index -> why it is not run
        self.cell_results = []
        self.workdir = Path(tempfile.mkdtemp(prefix="grader-", dir=_FORK_SERVER.root if _FORK_SERVER else None))
        self.process = None
        self._buffer = b""
        self.restarts = 0
        self.timings = {}

    # -- worker life cycle ---------------------------------------------------------------
    def start(self):
        t0 = time.perf_counter()
        while True:
            if self.process is None:
                self._launch()
            reply, why = self._read_reply(START_TIMEOUT_S)
            if reply is not None:
                self.cell_results = reply["cells"]
                break
            culprit = self._last_started_cell()
            self._stop()
            if culprit is None or self.restarts >= MAX_RESTARTS:
                raise ProbeFailed(f"the notebook could not be run by the grader ({why})")
            self.skip[culprit] = f"this cell stopped the grader's Python process ({why}); it was skipped"
            self.restarts += 1
        self.timings["start"] = time.perf_counter() - t0
        return self

    def _launch(self):
        for name in ("progress.log", "student_output.log"):
            (self.workdir / name).unlink(missing_ok=True)
        (self.workdir / "cells.json").write_text(json.dumps(
            {"cells": self.cells, "skip": {str(k): v for k, v in self.skip.items()}}))
        self._copy_modules()
        shutil.copy(CHECKS_DIR / self.assignment / "probes.py", self.workdir / "probes.py")
        shutil.copy(HARNESS_DIR / "probe_tools.py", self.workdir / "probe_tools.py")
        (self.workdir / "io").mkdir(exist_ok=True)
        os.chmod(self.workdir, 0o777)
        self._buffer = b""
        if _FORK_SERVER:
            self.process = _FORK_SERVER.fork(self.workdir)
            return
        shutil.copy(HARNESS_DIR / "worker.py", self.workdir / "worker.py")
        argv = sandbox.command([_python(), "-I", str(self.workdir / "worker.py"), str(self.workdir)],
                               writable=[self.workdir], cwd=self.workdir, gpu=bool(cuda_devices()))
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, env=_worker_env(), start_new_session=True)

    def _copy_modules(self):
        """The submission's own modules (networks.py, ...) beside the cells, where ``import`` finds them."""
        for name in modules.module_names(SOURCE_DIR / self.assignment):
            (self.workdir / name).unlink(missing_ok=True)
            content = modules.read_submitted(self.folder / name)
            if content is not None:
                (self.workdir / name).write_bytes(content)

    def _stop(self):
        if isinstance(self.process, ForkedWorker):  # its pid is the sandbox's, only its server can kill it
            self.process.wait()
        elif self.process:
            if self.process.poll() is None:
                os.killpg(self.process.pid, 9)
            self.process.wait()
        self.process = None

    def close(self):
        self._stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    def _last_started_cell(self):
        path = self.workdir / "progress.log"
        lines = path.read_text().split() if path.exists() else []
        return int(lines[-1]) if lines else None

    def _read_reply(self, timeout):
        """One JSON line from the worker, or (None, why) if it died or went silent."""
        deadline = time.monotonic() + timeout
        fd = self.process.stdout.fileno()
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None, f"no answer within {timeout:g} s"
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    code = self.process.wait()
                    return None, f"it exited with status {code}"
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            return json.loads(line), None
        except ValueError:
            return None, "it wrote something the grader could not read"

    # -- what the checks use -------------------------------------------------------------
    def cell_errors(self):
        """Errors raised by the student's cells, in notebook order."""
        return [(r["index"], r["error"]) for r in self.cell_results if r["status"] != "ok"]

    def unfinished(self, exercise):
        """The error of the exercise's solution cell if it still raises NotImplementedError, else None."""
        for result in self.cell_results:
            if result.get("grade_id") == exercise and (result["error"] or "").startswith("NotImplementedError"):
                return "this exercise is not done yet (its cell raises NotImplementedError)"
        return None

    def probe(self, name, inputs=None, timeout=60.0):
        """Run probe ``name`` on the student's objects; returns its facts or raises ProbeFailed."""
        if self.process is None:
            self.start()
        unfinished = self.unfinished(name)
        if unfinished:
            raise ProbeFailed(unfinished)
        timeout = time_limit(timeout)
        t0 = time.perf_counter()
        io = self.workdir / "io"
        request = {"probe": name, "input": str(io / f"{name}.in.pt"), "output": str(io / f"{name}.out.pt"),
                   "timeout": timeout}
        Path(request["output"]).unlink(missing_ok=True)
        import torch
        torch.save(dict(inputs or {}, device=_probe_device()), request["input"])
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        reply, why = self._read_reply(timeout + 30)
        self.timings[name] = time.perf_counter() - t0
        if reply is None:  # the worker itself is gone: start a fresh one for the next probe
            self._stop()
            raise ProbeFailed(f"the grader's process stopped while checking this exercise ({why})")
        if reply["status"] == "timeout":
            raise ProbeFailed(f"the code did not finish within {timeout:g} s (an endless loop, or far too slow)")
        if reply["status"] != "ok":
            raise ProbeFailed(f"the code crashed the Python process ({reply['detail']})")
        out = Path(request["output"])
        if not out.exists() or out.stat().st_size > MAX_RESULT_BYTES:
            raise ProbeFailed("the grader received no readable result for this exercise")
        try:
            facts = torch.load(out, weights_only=True)
        except Exception:
            raise ProbeFailed("the grader received no readable result for this exercise") from None
        if not isinstance(facts, dict):
            raise ProbeFailed("the grader received no readable result for this exercise")
        if "error" in facts:
            raise ProbeFailed(f"running your code raised {facts['error']}")
        return facts


def _probe_device():
    return "cuda" if cuda_devices() else "cpu"


def _python():
    import sys
    return sys.executable
